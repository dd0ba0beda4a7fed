package normalize

import (
	"errors"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // exact decimal; "" for missing
		missing  bool
		unit     string
		unitText string
		marks    string
	}{
		{"grouped thousands", "514.907", "514907", false, "", "", ""},
		{"two groups", "1.234.567", "1234567", false, "", "", ""},
		{"decimal comma", "1.234,5", "1234.5", false, "", "", ""},
		{"below one", "0,56", "0.56", false, "", "", ""},
		{"percent", "11,6%", "11.6", false, model.UnitProcent, "", ""},
		{"percent after space", "85 %", "85", false, model.UnitProcent, "", ""},
		{"percent typo doubled", "15,5%%", "15.5", false, model.UnitProcent, "", ""},
		{"euro", "€ 1.413.000", "1413000", false, model.UnitEuro, "", ""},
		{"euro then minus", "€ -64.786", "-64786", false, model.UnitEuro, "", ""},
		{"minus then euro", "- € 500", "-500", false, model.UnitEuro, "", ""},
		{"euro cents", "€ 559,52", "559.52", false, model.UnitEuro, "", ""},
		{"negative", "-8.902.411", "-8902411", false, "", "", ""},
		{"negative with space and N", "- 328 N", "-328", false, "", "", "N"},
		{"en dash", "– 3.343", "-3343", false, "", "", ""},
		{"trailing minus", "4.977-", "-4977", false, "", "", ""},
		{"no cents", "€ 1.000,-", "1000", false, model.UnitEuro, "", ""},
		{"V mark", "66 V", "66", false, "", "", "V"},
		{"N glued", "9.643N", "9643", false, "", "", "N"},
		{"euro with V", "€ 335.000 V", "335000", false, model.UnitEuro, "", "V"},
		{"nbsp groups", "116\u00a0148", "116148", false, "", "", ""},
		{"thin space groups", "116\u2009148", "116148", false, "", "", ""},
		{"space group", "1 788", "1788", false, "", "", ""},
		{"two stars", "58**", "58", false, "", "", "**"},
		{"one star", "306*", "306", false, "", "", "*"},
		{"four stars after decimals", "2,0****", "2", false, "", "", "****"},
		{"paren mark", "12 1)", "12", false, "", "", "1)"},
		{"superscript mark", "365¹", "365", false, "", "", "¹"},
		{"count with unit word", "350 kind", "350", false, model.UnitAantal, "kind", ""},
		{"count with abbreviation", "150 deeln", "150", false, model.UnitAantal, "deeln", ""},
		{"measure word", "4,5 jaar", "4.5", false, "", "jaar", ""},
		{"miljoen", "€ 4,6 miljoen", "4600000", false, model.UnitEuro, "", ""},
		{"mln", "7,2 mln", "7200000", false, "", "", ""},
		{"mln with dot", "€ 7,2 mln.", "7200000", false, model.UnitEuro, "", ""},
		{"plain integer", "1992", "1992", false, "", "", ""},
		{"zero", "0", "0", false, "", "", ""},
		{"ja", "Ja", "1", false, model.UnitJaNee, "", ""},
		{"nee", "Nee", "0", false, model.UnitJaNee, "", ""},
		{"nnb", "nnb", "", true, "", "", ""},
		{"nnb with star", "nnb*", "", true, "", "", "*"},
		{"n.n.b.", "n.n.b.", "", true, "", "", ""},
		{"N.n.b.", "N.n.b.", "", true, "", "", ""},
		{"n.b.", "n.b.", "", true, "", "", ""},
		{"nb", "nb", "", true, "", "", ""},
		{"ntb", "ntb", "", true, "", "", ""},
		{"Ntb", "Ntb", "", true, "", "", ""},
		{"n.v.t.", "n.v.t.", "", true, "", "", ""},
		{"nvt", "nvt", "", true, "", "", ""},
		{"dash", "-", "", true, "", "", ""},
		{"double dash", "--", "", true, "", "", ""},
		{"en dash alone", "–", "", true, "", "", ""},
		{"dot", ".", "", true, "", "", ""},
		{"geen gegevens", "geen gegevens", "", true, "", "", ""},
		{"p.m.", "p.m.", "", true, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseNumber(tt.in)
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tt.in, err)
			}
			if n.Missing != tt.missing {
				t.Fatalf("ParseNumber(%q).Missing = %v, want %v", tt.in, n.Missing, tt.missing)
			}
			if !tt.missing && n.Decimal() != tt.want {
				t.Errorf("ParseNumber(%q) = %s, want %s", tt.in, n.Decimal(), tt.want)
			}
			if n.Unit != tt.unit || n.UnitText != tt.unitText {
				t.Errorf("ParseNumber(%q) unit %q %q, want %q %q", tt.in, n.Unit, n.UnitText, tt.unit, tt.unitText)
			}
			if n.Marks != tt.marks {
				t.Errorf("ParseNumber(%q) marks %q, want %q", tt.in, n.Marks, tt.marks)
			}
		})
	}
}

func TestParseNumberRefuses(t *testing.T) {
	for _, in := range []string{
		"", "2018-2022", "6.71a", "0546 - 875 656", "zie toelichting", "idem", "X", "31-12-2022", "12-05",
		"1.5", "0.5", "1.23", "1.2345", "2021 805,5", "1 1 1 1", "0546", "01", ",5", "1,", "1.000.00",
		"115 trajecten 81,65 per 10.000 inw", "€", "%", "12 - 18", "-4.977-", "€ 1,1 mln positief", "11%€",
		"(1.234)", "gereed", "0 788", "0.788", "1.23.456", "1 23", "12 345 6789", "1,2,3", "99999999999999999999",
	} {
		if n, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want an error", in, n)
		} else if !errors.Is(err, ErrNotNumber) && !errors.Is(err, ErrRange) {
			t.Errorf("ParseNumber(%q): error %v is neither ErrNotNumber nor ErrRange", in, err)
		}
	}
}

// Scaling works on the digits: no float noise.
func TestScaledExact(t *testing.T) {
	tests := []struct {
		in   string
		pow  int
		want float64
		dec  string
	}{
		{"0,07", 3, 70, "70"},
		{"1.788", 3, 1788000, "1788000"},
		{"- 328 N", 3, -328000, "-328000"},
		{"0,1", 3, 100, "100"},
		{"4,6", 6, 4600000, "4600000"},
		{"1,005", 2, 100.5, "100.5"},
		{"0,003", 0, 0.003, "0.003"},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		s := n.Scaled(tt.pow)
		if got := s.Float(); got != tt.want {
			t.Errorf("%s × 10^%d = %v, want %v", tt.in, tt.pow, got, tt.want)
		}
		if got := s.Decimal(); got != tt.dec {
			t.Errorf("%s × 10^%d decimal = %s, want %s", tt.in, tt.pow, got, tt.dec)
		}
	}
}

func TestDutch(t *testing.T) {
	for in, want := range map[string]string{
		"1234567": "1.234.567", "-1234,5": "-1.234,5", "0,56": "0,56", "999": "999", "-8.902.411": "-8.902.411",
	} {
		n, err := ParseNumber(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.Dutch(); got != want {
			t.Errorf("Dutch(%s) = %s, want %s", in, got, want)
		}
	}
}

var benchCells = []string{"514.907", "11,6%", "- 328 N", "nnb", "€ 1.413.000", "2,0****", "1 788", "350 kind", "18.971.249", "0,98"}

func BenchmarkParseNumber(b *testing.B) {
	size := 0
	for _, s := range benchCells {
		size += len(s)
	}
	b.SetBytes(int64(size))
	start := cpuTime()
	for b.Loop() {
		for _, s := range benchCells {
			if _, err := ParseNumber(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, start, int64(size))
}
