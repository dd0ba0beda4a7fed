package pdftext

import (
	"reflect"
	"testing"
)

// run lays out glyphs of size 10 left to right on baseline 100, each 5 pt
// wide; "␣" is a blank glyph, and gaps[i] adds that many points before
// glyph i (negative: it overlaps the one before).
func run(texts []string, gaps map[int]float64) []glyph {
	f := &font{}
	var gs []glyph
	x := 0.0
	for i, t := range texts {
		x += gaps[i]
		g := glyph{text: t, x0: x, x1: x + 5, y0: 92, y1: 102, ox: x, oy: 100, ex: x + 5, ey: 100, dx: 1, size: 10, font: f}
		if t == "␣" {
			g.text, g.space = " ", true
		}
		gs = append(gs, g)
		x += 5
	}
	return gs
}

func TestBuildWords(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		gaps  map[int]float64
		want  []string
	}{
		{"blank splits", []string{"a", "b", "␣", "c"}, nil, []string{"ab", "c"}},
		{"gap splits", []string{"a", "b", "c"}, map[int]float64{2: 1.5}, []string{"ab", "c"}},
		{"small kerning joins", []string{"a", "b", "c"}, map[int]float64{2: 0.8}, []string{"abc"}},
		{"ligature expanded", []string{"ﬁ", "n", "e"}, nil, []string{"fine"}},
		{"soft hyphen inside dropped", []string{"a", "\u00ad", "b"}, nil, []string{"ab"}},
		{"soft hyphen at the end drawn", []string{"j", "e", "u", "g", "d", "\u00ad"}, nil, []string{"jeugd-"}},
		{"accent over its letter", []string{"c", "\u00b8", "a"}, map[int]float64{1: -5}, []string{"ça"}},
		{"text drawn twice", []string{"a", "b", "␣", "a", "b"}, map[int]float64{3: -15}, []string{"ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range buildWords(run(tt.texts, tt.gaps)) {
				got = append(got, w.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
