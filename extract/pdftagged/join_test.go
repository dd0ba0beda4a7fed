package pdftagged

import "testing"

func TestJoinHyphen(t *testing.T) {
	tests := []struct {
		word, next string
		want       int
	}{
		{"jeugd-", "hulp", dropHyphen},
		{"Wmo-", "voorzieningen", keepHyphen},
		{"Noord-", "Holland", keepHyphen},
		{"31-", "12", keepHyphen},
		{"2019-", "2022", keepHyphen},
		{"wet-", "en", spaceAfter},
		{"(a)-", "b", spaceAfter},
		{"12-", "jarigen", spaceAfter},
		{"zorg-", "Wmo", keepHyphen},
	}
	for _, tt := range tests {
		if got := joinHyphen(tt.word, tt.next); got != tt.want {
			t.Errorf("joinHyphen(%q, %q) = %d, want %d", tt.word, tt.next, got, tt.want)
		}
	}
}

func TestSplitScale(t *testing.T) {
	tests := []struct{ in, rest, scale string }{
		{"Beleidsveld: Jeugd bedragen x €1000", "Beleidsveld: Jeugd", "bedragen x €1000"},
		{"Tabel 3 Lasten (bedragen x € 1.000) per programma", "Tabel 3 Lasten per programma", "(bedragen x € 1.000)"},
		{"(x € 1.000)", "", "(x € 1.000)"},
		{"Kengetallen", "Kengetallen", ""},
	}
	for _, tt := range tests {
		if rest, scale := splitScale(tt.in); rest != tt.rest || scale != tt.scale {
			t.Errorf("splitScale(%q) = %q, %q; want %q, %q", tt.in, rest, scale, tt.rest, tt.scale)
		}
	}
}
