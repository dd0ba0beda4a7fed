package normalize

import "testing"

func TestParseScale(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
		pow      int
		euro     bool
	}{
		{"bedragen x € 1.000", "bedragen x € 1.000", true, 3, true},
		{"parenthesised", "(x € 1.000)", true, 3, true},
		{"in thousands", "(in € 1.000)", true, 3, true},
		{"glued", "x €1000", true, 3, true},
		{"no cents", "x € 1.000,-", true, 3, true},
		{"times sign", "(bedragen × € 1.000)", true, 3, true},
		{"without euro", "Bedragen x 1000", true, 3, false},
		{"millions", "bedragen in € 1 mln", true, 6, true},
		{"whole euros", "Bedragen in €", true, 0, true},
		{"lasten", "Lasten x € 1.000", true, 3, true},
		{"euro word", "(x 1.000 euro)", true, 3, true},
		{"in duizenden euro", "bedragen in duizenden euro", true, 3, true},
		{"header cell", "Bedragen x € 1.000", true, 3, true},
		{"not a scale: per 1.000", "Verwijzingen Halt (per 1.000 jongeren)", false, 0, false},
		{"not a scale: in a year", "Realisatie in 2017", false, 0, false},
		{"not a scale: caption", "Beleidsveld: Jeugd", false, 0, false},
		{"empty", "", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, ok := ParseScale(tt.in)
			if ok != tt.ok || sc.Pow != tt.pow || sc.Euro != tt.euro {
				t.Errorf("ParseScale(%q) = %+v, %v; want pow %d euro %v, %v", tt.in, sc, ok, tt.pow, tt.euro, tt.ok)
			}
		})
	}
}
