package pdftable

import (
	"slices"
	"strings"
	"testing"
)

// TestHeaderSpans checks the columns an upper header cell spans when the
// header is aligned unlike the figures under it.
func TestHeaderSpans(t *testing.T) {
	// Figures end at these x.
	ends := []float64{255, 297, 340, 379, 421, 463}
	type hcell struct {
		text string
		x    float64 // centre (centred) or right end (right-aligned)
	}
	tests := []struct {
		name        string
		centred     bool
		lastEnd     float64 // where the figures of a last, wider column end (0: none)
		upper       []hcell
		lower       []hcell
		wantUpper   []string // text per column right of the labels
		wantColSpan []int    // ColSpan per column (0: covered by a span)
	}{
		{
			name:    "centred over right-aligned figures, wide last column",
			centred: true,
			lastEnd: 490,
			upper:   []hcell{{"Begroting 2018 actueel", 283.5}, {"Begroting2019", 406.5}, {"Verschil 2018/2019", 517}},
			lower: []hcell{{"Baten", 241}, {"Lasten", 281}, {"Saldo", 324}, {"Baten", 364}, {"Lasten", 404},
				{"Saldo", 446}, {"Saldo", 517}},
			wantUpper: []string{"Begroting 2018 actueel", "Begroting 2018 actueel", "Begroting 2018 actueel",
				"Begroting2019", "Begroting2019", "Begroting2019", "Verschil 2018/2019"},
			wantColSpan: []int{3, 0, 0, 3, 0, 0, 1},
		},
		{
			name:  "right-aligned like the figures",
			upper: []hcell{{"Begroting 2018 actueel", 340}, {"Begroting2019", 463}},
			lower: []hcell{{"Baten", 255}, {"Lasten", 297}, {"Saldo", 340}, {"Baten", 379}, {"Lasten", 421}, {"Saldo", 463}},
			wantUpper: []string{"Begroting 2018 actueel", "Begroting 2018 actueel", "Begroting 2018 actueel",
				"Begroting2019", "Begroting2019", "Begroting2019"},
			wantColSpan: []int{3, 0, 0, 3, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newPDF(595, 842)
			b := d.page()
			put := func(y float64, h hcell) {
				if tt.centred {
					d.text(b, h.x-helvWidth(h.text, 10)/2, y, 10, h.text)
				} else {
					d.right(b, h.x, y, 10, h.text)
				}
			}
			d.text(b, 58, 100, 10, "Bedragen x € 1.000")
			for _, h := range tt.upper {
				put(100, h)
			}
			for _, h := range tt.lower {
				put(115, h)
			}
			y := 115.0
			for r := 1; r <= 5; r++ {
				y += 15
				d.text(b, 58, y, 10, postName(r))
				for i, x := range ends {
					d.right(b, x, y, 10, amount(r*(i+3)*311-900))
				}
				if tt.lastEnd > 0 {
					d.right(b, tt.lastEnd, y, 10, amount(r*37-100))
				}
			}
			found := Find(readPDF(t, d.bytes()))
			if len(found) != 1 {
				t.Fatalf("found %d tables, want 1", len(found))
			}
			tb := found[0].Table
			if tb.HeaderRows != 2 || len(tb.Rows) != 7 || tb.Width() != len(tt.wantUpper)+1 {
				t.Fatalf("header rows %d, rows %d, width %d; want 2, 7 and %d", tb.HeaderRows, len(tb.Rows), tb.Width(), len(tt.wantUpper)+1)
			}
			var got []string
			var spans []int
			for _, c := range tb.Rows[0][1:] {
				got = append(got, c.Text)
				spans = append(spans, c.ColSpan)
			}
			if strings.Join(got, "|") != strings.Join(tt.wantUpper, "|") {
				t.Errorf("upper row %q, want %q", got, tt.wantUpper)
			}
			if !slices.Equal(spans, tt.wantColSpan) {
				t.Errorf("spans %v, want %v", spans, tt.wantColSpan)
			}
		})
	}
}
