package normalize

import (
	"slices"
	"testing"
)

func TestPeriodKind(t *testing.T) {
	tests := []struct {
		header string
		both   bool // the table has begroting and realisatie columns
		want   string
	}{
		{"Verschil Act. begr./Rek. 2022", false, "afwijking"},
		{"Afwijking 2017", false, "afwijking"},
		{"Verschil 2018/2019 > Saldo", false, "afwijking"},
		{"Resultaat 2017", false, "realisatie"},
		{"Resultaat", true, "afwijking"},
		{"Raming 2017 na wijziging", false, "begroting_na_wijziging"},
		{"Raming na wijz.", false, "begroting_na_wijziging"},
		{"Begroting 2018 actueel > Baten", false, "begroting_na_wijziging"},
		{"Actuele Begroting", false, "begroting_na_wijziging"},
		{"Saldo lasten/baten 2017 > Definitieve begroting", false, "begroting_na_wijziging"},
		{"Begroting incl. alle wijzigingen", false, "begroting_na_wijziging"},
		{"Raming 2017 voor wijziging", false, "begroting"},
		{"Primitieve Begroting", false, "begroting"},
		{"Begroting 2019 primitief", false, "begroting"},
		{"Begroting 2017 ontwerp", false, "begroting"},
		{"Saldo lasten/baten 2017 > Primaire begroting", false, "begroting"},
		{"Realisatie 2020", false, "realisatie"},
		{"Realisaties > 2015", false, "realisatie"},
		{"Werkelijk 2017", false, "realisatie"},
		{"Rekening 2016", false, "realisatie"},
		{"Jaarrekening", false, "realisatie"},
		{"Incidenteel gerealiseerd in boekjaar", false, "realisatie"},
		{"2018 (w)", false, "realisatie"},
		{"Streefwaarden > 2022", false, "streefwaarde"},
		{"Streef-waarde", false, "streefwaarde"},
		{"Doel 2022", false, "streefwaarde"},
		{"Prognose 2019", false, "raming"},
		{"Begroting2019 > Saldo", false, "begroting"},
		{"2021 (b)", false, "begroting"},
		{"Begroot", false, "begroting"},
		{"2022", false, ""},
		{"Medemblik", false, ""},
		{"Saldo 2017", false, ""},
		{"Beleidsdoelen", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := PeriodKind(tt.header, tt.both); got != tt.want {
				t.Errorf("PeriodKind(%q, %v) = %q, want %q", tt.header, tt.both, got, tt.want)
			}
		})
	}
}

func TestYears(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"Verschil 2018/2019", []int{2018, 2019}},
		{"Begroting2019", []int{2019}},
		{"Realisatie 2017 > Lasten", []int{2017}},
		{"per 1.000 inwoners", nil},
		{"10.000 jongeren", nil},
		{"12345", nil},
		{"1979 en 2050", nil},
		{"(%, 2016)", []int{2016}},
	}
	for _, tt := range tests {
		if got := Years(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Years(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLabelYear(t *testing.T) {
	tests := []struct {
		label  string
		year   int
		strong bool
	}{
		{"Verwijzingen Halt (per 1.000 jongeren, 2020)", 2020, true},
		{"Niet-wekelijkse sporters (%, 2016)", 2016, true},
		{"Aantal personen met een loonkostensubsidie (nieuwe indicator 2021)", 2021, false},
		{"Uitkeringen voor wie zich in 2016 of 2017 vestigde", 0, false},
		{"Aantal inwoners", 0, false},
		{"Bezoekers (peiljaar 2015)", 2015, true},
	}
	for _, tt := range tests {
		y, strong := labelYear(tt.label)
		if y != tt.year || strong != tt.strong {
			t.Errorf("labelYear(%q) = %d, %v; want %d, %v", tt.label, y, strong, tt.year, tt.strong)
		}
	}
}
