package reference

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseReportURL feeds addresses to the host and slug parser: it must
// never panic, and what it finds must be well formed.
func FuzzParseReportURL(f *testing.F) {
	for _, s := range []string{
		"https://wormerland.begrotingsapp.nl/jaarstukken-2023-/programma/programma-3---sociaal-domein",
		"https://zaanstad2019.voorjaarsnota.nl/p11334/indicatoren",
		"http://programmabegroting2020.halderberge.tangelo.nl/programmaplan/x",
		"https://begroting.middelburg.nl/2024/programma-s/",
		"https://www.losser.nl/Actueel/Nieuwsberichten/Innovatie_centraal",
		"https://woerden.begrotingonline.nl/programmabegroting-2026---2029/programma/x",
		"denhaag.jaarverslag-2020.nl",
		"http://[::1]:80/%zz",
		"",
		"https://x.nl/" + strings.Repeat("begroting-2020-", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		ru := parseReportURL(raw)
		if ru.Year != 0 && (ru.Year < 1980 || ru.Year > 2049) {
			t.Errorf("%q: year %d out of range", raw, ru.Year)
		}
		if ru.Kind != "" && ru.KindFrom != "host" && ru.KindFrom != "url" {
			t.Errorf("%q: kind %q from %q", raw, ru.Kind, ru.KindFrom)
		}
		for _, k := range ru.Gemeenten {
			if _, ok := Lookup(k); !ok {
				t.Errorf("%q: gemeente key %q does not resolve", raw, k)
			}
		}
		if utf8.ValidString(raw) {
			r := Detect(Clues{URL: raw, Title: raw, Text: raw})
			if len(r.Detections) != 3 {
				t.Errorf("%q: %d detections", raw, len(r.Detections))
			}
		}
	})
}

// FuzzKindMatches checks the hand-written kind matcher against the regular
// expression it stands for, on folded text as detection gives it.
func FuzzKindMatches(f *testing.F) {
	for _, s := range []string{
		"jaarverslag 2017", "programmabegroting 2020-2023", "begroting_2019 t/m 2022",
		"monitor sociaal domein 2021", "monitor  sociaal\tdomein", "begrotingsapp", "Begroting 2020",
		"kadernota–2021 –  2024", "jaarrekening 2019 tot 2020", "x_begroting 2020", "é begroting 2020",
		"burap--2024---2025", "berap 1979 2050", "meerjarenbegroting2020", "jaarſtukken 2020",
		"perspectiefnota 2024 -", "najaarsnota 2022 tot", "\u212aadernota 2020",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, fold(s)} {
			for _, n := range []int{-1, 1, 20} {
				got, want := kindMatches(in, n), kindMatchesRe(in, n)
				if len(got) != len(want) {
					t.Fatalf("%q n=%d: %v, regexp %v", in, n, got, want)
				}
				for i := range got {
					if !slices.Equal(got[i], want[i]) {
						t.Fatalf("%q n=%d: %v, regexp %v", in, n, got, want)
					}
				}
			}
		}
	})
}
