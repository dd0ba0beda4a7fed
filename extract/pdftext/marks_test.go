package pdftext

import (
	"reflect"
	"testing"
)

// TestFootnoteMarks checks that a footnote mark stays apart from the word
// it follows: superscript digits are kept through normalisation, and
// digits drawn smaller and raised after a word become superscripts.
func TestFootnoteMarks(t *testing.T) {
	// raised is a glyph of size 6 drawn right after run's glyph i, its
	// baseline lifted by lift points.
	raised := func(gs []glyph, text string, lift, gap float64) []glyph {
		last := gs[len(gs)-1]
		x := last.ex + gap
		g := glyph{text: text, x0: x, x1: x + 3, y0: 95 - lift, y1: 101 - lift, ox: x, oy: 100 - lift, ex: x + 3, ey: 100 - lift, dx: 1, size: 6, font: last.font}
		return append(gs, g)
	}
	tests := []struct {
		name string
		gs   func() []glyph
		want []string
	}{
		{"superscript glyph kept", func() []glyph { return run([]string{"t", "e", "a", "m", "¹"}, nil) }, []string{"team¹"}},
		{"unit power kept", func() []glyph { return run([]string{"m", "²", "␣", "ﬁ", "x"}, nil) }, []string{"m²", "fix"}},
		{"raised small digit", func() []glyph { return raised(run([]string{"t", "e", "a", "m"}, nil), "1", 4, 0) }, []string{"team¹"}},
		{"two raised digits", func() []glyph {
			return raised(raised(run([]string{"t", "e", "a", "m"}, nil), "1", 4, 0), "2", 4, 0)
		}, []string{"team¹²"}},
		{"raised digit then next word", func() []glyph {
			gs := raised(run([]string{"a", "b"}, nil), "3", 4, 0)
			x := gs[len(gs)-1].ex
			return append(gs, glyph{text: "c", x0: x, x1: x + 5, y0: 92, y1: 102, ox: x, oy: 100, ex: x + 5, ey: 100, dx: 1, size: 10, font: gs[0].font})
		}, []string{"ab³", "c"}},
		{"subscript stays apart", func() []glyph { return raised(run([]string{"C", "O"}, nil), "2", -3, 0) }, []string{"CO", "2"}},
		{"small digit after a gap", func() []glyph { return raised(run([]string{"a", "b"}, nil), "1", 4, 4) }, []string{"ab", "1"}},
		{"small digit on the baseline", func() []glyph { return raised(run([]string{"a", "b"}, nil), "1", 0, 0) }, []string{"ab", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range buildWords(tt.gs()) {
				got = append(got, w.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
