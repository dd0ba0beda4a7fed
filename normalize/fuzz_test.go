package normalize

import (
	"testing"
)

// FuzzParseNumber checks that ParseNumber never panics and that a number it
// reads, printed the Dutch way, reads back as the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"514.907", "1.234,5", "0,56", "11,6%", "85 %", "€ 1.413.000", "€ -64.786", "-8.902.411", "- 328 N",
		"4.977-", "€ 1.000,-", "66 V", "9.643N", "116\u00a0148", "1 788", "58**", "306*", "2,0****", "nnb*",
		"350 kind", "150 deeln", "€ 4,6 miljoen", "7,2 mln", "12 1)", "Ja", "Nee", "n.v.t.", "-", "2018-2022",
		"6.71a", "0546 - 875 656", "zie toelichting", "1.5", "365¹", "999.999.999.999.999.999 miljard",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil || n.Missing || n.Unit == "ja_nee" {
			return
		}
		d := n.Dutch()
		back, err := ParseNumber(d)
		if err != nil {
			t.Fatalf("ParseNumber(%q) = %s, printed %q, which does not parse: %v", s, n.Decimal(), d, err)
		}
		if back.Decimal() != n.Decimal() {
			t.Fatalf("ParseNumber(%q) = %s, printed %q, reads back as %s", s, n.Decimal(), d, back.Decimal())
		}
	})
}
