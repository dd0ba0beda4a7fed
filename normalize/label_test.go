package normalize

import (
	"sync"
	"testing"
)

func TestCleanIndicator(t *testing.T) {
	tests := []struct {
		name, in, want, marks string
	}{
		{"numbering 1.1", "1.1 Aantal inwoners met een maatwerkvoorziening Wmo", "Aantal inwoners met een maatwerkvoorziening Wmo", ""},
		{"numbering 2.1 and superscript", "2.1 Aantal aanmeldingen Jeugdteam¹", "Aantal aanmeldingen Jeugdteam", "¹"},
		{"numbering 01", "01 Sociaal domein", "Sociaal domein", ""},
		{"numbering 43-3", "43-3 - Aantal jongeren", "Aantal jongeren", ""},
		{"bullet dash", "- scouting", "scouting", ""},
		{"bullet dot", "• vakantieactiviteiten", "vakantieactiviteiten", ""},
		{"trailing stars", "Aantal bezoekers**", "Aantal bezoekers", "**"},
		{"trailing paren mark", "Aantal inwoners *1)", "Aantal inwoners", "* 1)"},
		{"mark inside stays", "Aantal uitkeringsgerechtigden* (participatiewet)", "Aantal uitkeringsgerechtigden* (participatiewet)", ""},
		{"percent first", "% jongeren met jeugdhulp", "% jongeren met jeugdhulp", ""},
		{"programme code kept", "P0 Bestuur en ondersteuning", "P0 Bestuur en ondersteuning", ""},
		{"bbv number kept", "Banen (22)", "Banen (22)", ""},
		{"line breaks", "Absoluut verzuim\n(per 1.000 inwoners,  2018)", "Absoluut verzuim (per 1.000 inwoners, 2018)", ""},
		{"year first is not numbering", "2018 realisatie", "2018 realisatie", ""},
		{"only numbering", "1.1", "1.1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, marks := CleanIndicator(tt.in)
			if got != tt.want || marks != tt.marks {
				t.Errorf("CleanIndicator(%q) = %q, %q; want %q, %q", tt.in, got, marks, tt.want, tt.marks)
			}
		})
	}
}

func TestIndicatorKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cliënten met een maatwerkarrangement WMO", "clienten met een maatwerkarrangement wmo"},
		{"% jongeren met jeugdhulp", "% jongeren met jeugdhulp"},
		{"1.1 Aantal  inwoners*", "aantal inwoners"},
		{"Verwijzingen Halt (per 1.000 jongeren)", "verwijzingen halt per 1.000 jongeren"},
		{"Geweldmisdrijven per1.000 inwoners", "geweldmisdrijven per1.000 inwoners"},
		{"Ondersteuning – ‘goed’", "ondersteuning goed"},
	}
	for _, tt := range tests {
		if got := IndicatorKey(tt.in); got != tt.want {
			t.Errorf("IndicatorKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIndicatorKeyConcurrent calls IndicatorKey on accented labels from
// several goroutines at once, as concurrent Normalize calls do.
func TestIndicatorKeyConcurrent(t *testing.T) {
	labels := []string{"Cliënten met een maatwerkarrangement", "Ïnwoners", "Coördinatie zorg", "Financiën € 1.000", "Ruimtelijke ordening"}
	want := make([]string, len(labels))
	for i, l := range labels {
		want[i] = IndicatorKey(l)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 500 {
				i := (g + n) % len(labels)
				if got := IndicatorKey(labels[i]); got != want[i] {
					t.Errorf("IndicatorKey(%q) = %q, want %q", labels[i], got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
