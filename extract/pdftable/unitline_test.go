package pdftable

import "testing"

// TestUnitLineAbove draws a table under one line of text and checks which
// lines give the table its scale and caption.
func TestUnitLineAbove(t *testing.T) {
	tests := []struct {
		name, above   string
		unit, caption string
	}{
		{"short scale line", "bedragen x € 1.000", "bedragen x € 1.000", ""},
		{"title sharing the scale line", "Beleidsveld: Jeugd bedragen x €1000", "bedragen x €1000", "Beleidsveld: Jeugd"},
		{"long title sharing the scale line", "Beleidsveld: Maatschappelijke ondersteuning bedragen x €1000",
			"bedragen x €1000", "Beleidsveld: Maatschappelijke ondersteuning"},
		{"sentence mentioning a scale", "In de tabel hieronder staan alle bedragen x € 1.000 per programma.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newPDF(595, 842)
			b := d.page()
			d.text(b, 50, 100, 9, tt.above)
			y := 116.0
			d.text(b, 50, y, 9, "Omschrijving")
			for i, yr := range []string{"2021", "2022", "2023"} {
				d.right(b, 350+float64(i)*80, y, 9, yr)
			}
			for r := 1; r <= 4; r++ {
				y += 15
				d.text(b, 50, y, 9, postName(r))
				for i := 0; i < 3; i++ {
					d.right(b, 350+float64(i)*80, y, 9, amount(r*(i+7)*97))
				}
			}
			found := Find(readPDF(t, d.bytes()))
			if len(found) != 1 {
				t.Fatalf("found %d tables, want 1", len(found))
			}
			tb := found[0].Table
			if tb.UnitLine != tt.unit || tb.Caption != tt.caption {
				t.Errorf("unit line %q, caption %q; want %q, %q", tb.UnitLine, tb.Caption, tt.unit, tt.caption)
			}
			wantRow(t, tb, 0, "Omschrijving", "2021", "2022", "2023")
			wantRow(t, tb, 1, postName(1), amount(7*97), amount(8*97), amount(9*97))
		})
	}
}
