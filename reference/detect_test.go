package reference

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func TestDetectURL(t *testing.T) {
	tests := []struct {
		url      string
		gemeente string
		kind     string
		year     int
	}{
		{"https://wormerland.begrotingsapp.nl/jaarstukken-2023-/programma/programma-3---sociaal-domein", "Wormerland", "jaarstukken", 2023},
		{"https://wormerland.begrotingsapp.nl/begroting-2019-2022/programma/programma-3-sociaal-domein", "Wormerland", "begroting", 2019},
		{"https://geertruidenberg.begrotingsapp.nl/begroting-2026-2029/programma/programma-3-opgave-mens-en-zorg", "Geertruidenberg", "begroting", 2026},
		{"https://dronten.begrotingsapp.nl/programmabegroting-2025/programma/algemeen", "Dronten", "begroting", 2025},
		{"https://staphorst.begrotingsapp.nl/begroting-2017-/programma/programma-9--overhead", "Staphorst", "begroting", 2017},
		{"https://woerden.begrotingonline.nl/programmabegroting-2026---2029/programma/programma-3-sociaal-domein", "Woerden", "begroting", 2026},
		{"https://ooststellingwerf.begrotingonline.nl/begroting-2018/programma/bijlagen", "Ooststellingwerf", "begroting", 2018},
		{"https://ede.jaarverslag-2022.nl/p16080/wat-heeft-het-gekost", "Ede", "jaarstukken", 2022},
		{"https://horstaandemaas.jaarverslag-2024.nl/p11836/beleidsindicatoren", "Horst aan de Maas", "jaarstukken", 2024},
		{"https://denhaag.jaarverslag-2020.nl/p1/x", "'s-Gravenhage", "jaarstukken", 2020},
		{"https://denhaag.begroting-2017.nl/p6376", "'s-Gravenhage", "begroting", 2017},
		{"https://utrecht.jaarverslag-2017.nl/p16143/leeswijzer", "Utrecht", "jaarstukken", 2017},
		{"https://sluis.begroting-2020.nl/p39/wat-gaat-het-kosten", "Sluis", "begroting", 2020},
		{"https://best.begroting-2021.nl/p1/programma", "Best", "begroting", 2021},
		{"https://zaanstad2019.voorjaarsnota.nl/p11334/indicatoren", "Zaanstad", "voorjaarsnota", 2019},
		{"https://zaanstad2021.voorjaarsnota.nl/p14224/indicatoren", "Zaanstad", "voorjaarsnota", 2021},
		{"https://apeldoorn2025.bestuursrapportage.nl/p1/x", "Apeldoorn", "bestuursrapportage", 2025},
		{"http://programmabegroting2020.halderberge.tangelo.nl/programmaplan/programma-zorg-jeugd-en-participatie/wat-mag-het-kosten", "Halderberge", "begroting", 2020},
		{"http://kadernota2020.etten-leur.tangelo.nl/programma/1.-veiligheid", "Etten-Leur", "kadernota", 2020},
		{"https://jaarstukken2015.rotterdam.nl/p1", "Rotterdam", "jaarstukken", 2015},
		{"https://programmabegroting-2018.tilburg.nl/p1", "Tilburg", "begroting", 2018},
		{"https://begroting.middelburg.nl/2024/programma-s/sociaal-domein", "Middelburg (Z.)", "begroting", 2024},
		{"https://begroting2022.financien.gouda.nl/beleidsbegroting/sociaal-domein/wat-gaat-het-kosten", "Gouda", "begroting", 2022},
		{"https://bergendal.begroting-2019.nl/p5565/overzicht-baten-en-lasten", "Berg en Dal", "begroting", 2019},
		{"https://heerhugowaard.begroting-2018.nl/p313/financien", "Heerhugowaard", "begroting", 2018},
		{"https://edam-volendam.begroting-2023.nl/p24489/beleidsindicatoren", "Edam-Volendam", "begroting", 2023},
		{"https://alphen-chaam.begroting-2018.nl/p1", "Alphen-Chaam", "begroting", 2018},
		{"https://sudwestfryslan.jaarverslag-2021.nl/p1", "Súdwest-Fryslân", "jaarstukken", 2021},
		{"https://www.losser.nl/Actueel/Nieuwsberichten/Innovatie_centraal_in_lokale_monitor_Sociaal_Domein_Losser", "Losser", "nieuws", 0},
		{"https://www.houten.nl/nieuws/2021/jaarrekening-2020-sluit-positief", "Houten", "nieuws", 2021},
		{"https://apeldoorn.najaarsnota-2019.nl/p1", "Apeldoorn", "najaarsnota", 2019},
		{"https://drimmelen.begrotingsapp.nl/jaarstukken-2022/programma/basisset-beleidsindicatoren", "Drimmelen", "jaarstukken", 2022},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := Detect(Clues{URL: tt.url})
			if r.Gemeente.Name != tt.gemeente || r.Kind != tt.kind || r.Year != tt.year {
				t.Fatalf("got %q %q %d (from %s %s %s), want %q %q %d", r.Gemeente.Name, r.Kind, r.Year,
					r.GemeenteFrom, r.KindFrom, r.YearFrom, tt.gemeente, tt.kind, tt.year)
			}
			if r.GemeenteFrom != "host" {
				t.Errorf("gemeente from %q, want host", r.GemeenteFrom)
			}
		})
	}
}

func TestDetectClues(t *testing.T) {
	tests := []struct {
		name     string
		c        Clues
		gemeente string // "" when it must stay undecided
		code     string
		kind     string
		year     int
		gemFrom  string
		wantGaps []string
	}{
		{
			name:     "title and header",
			c:        Clues{Title: "BBV Indicatoren - Jaarverslag 2022 - Gemeente Houten", Site: "Gemeente Houten Jaarverslag 2022"},
			gemeente: "Houten", code: "GM0321", kind: "jaarstukken", year: 2022, gemFrom: "title",
		},
		{
			name:     "voorjaarsnota range gives first year",
			c:        Clues{Title: "Indicatoren - Voorjaarsnota 2019-2023 - Gemeente Zaanstad"},
			gemeente: "Zaanstad", code: "GM0479", kind: "voorjaarsnota", year: 2019, gemFrom: "title",
		},
		{
			name:     "begroting range gives first year",
			c:        Clues{Title: "Programmabegroting 2024-2027", Site: "Gemeente Woerden"},
			gemeente: "Woerden", code: "GM0632", kind: "begroting", year: 2024, gemFrom: "header",
		},
		{
			name:     "historic gemeente by its year",
			c:        Clues{Title: "Financiën - Begroting 2018 - Gemeente Heerhugowaard"},
			gemeente: "Heerhugowaard", code: "GM0398", kind: "begroting", year: 2018, gemFrom: "title",
		},
		{
			name:     "renamed gemeente before its rename",
			c:        Clues{URL: "https://bergendal.jaarverslag-2015.nl/p1/x"},
			gemeente: "Groesbeek", code: "GM0241", kind: "jaarstukken", year: 2015, gemFrom: "host",
		},
		{
			name:     "ambiguous name in header counts",
			c:        Clues{Site: "Gemeente Best", Title: "Jaarstukken 2020"},
			gemeente: "Best", code: "GM0753", kind: "jaarstukken", year: 2020, gemFrom: "header",
		},
		{
			name:     "ambiguous name as title part counts",
			c:        Clues{Title: "Begroting 2021 | Putten"},
			gemeente: "Putten", code: "GM0273", kind: "begroting", year: 2021, gemFrom: "title",
		},
		{
			name: "ambiguous words in body text never decide",
			c: Clues{Text: "Het beste resultaat: Best presteert goed. Putten en Sluis in de regio. " +
				"Houten bankjes. Buren helpen buren. Ede. Epe. Urk. De provincie Utrecht en Groningen. Bergen in Noorwegen. " +
				"Best, Putten, Sluis, Beek, Houten, Buren, Utrecht, Groningen."},
			wantGaps: []string{"gemeente", "doc_kind", "doc_year"},
		},
		{
			name:     "gemeente phrase in text decides an ambiguous name",
			c:        Clues{Text: "Het college van burgemeester en wethouders van Houten legt hierbij de jaarstukken 2019 voor. De gemeente Houten sluit af met een overschot."},
			gemeente: "Houten", code: "GM0321", kind: "jaarstukken", year: 2019, gemFrom: "text",
		},
		{
			name:     "province in text loses to gemeente phrase",
			c:        Clues{Text: "In de provincie Utrecht en in Utrecht stad. De gemeente Zeist heeft in 2020 gewerkt aan de begroting 2021."},
			gemeente: "Zeist", code: "GM0355", kind: "begroting", year: 2021, gemFrom: "text",
		},
		{
			name:     "title beats text",
			c:        Clues{Title: "Jaarverslag 2017 - Gemeente Maassluis", Text: "Samen met de gemeente Vlaardingen en de gemeente Schiedam. Vlaardingen Vlaardingen Vlaardingen."},
			gemeente: "Maassluis", code: "GM0556", kind: "jaarstukken", year: 2017, gemFrom: "title",
		},
		{
			name: "no amount of text outvotes the title",
			c: Clues{Title: "Jaarverslag 2017 - Gemeente Maassluis",
				Text: strings.Repeat("De gemeente Vlaardingen stelde de begroting 2018 vast. ", 12)},
			gemeente: "Maassluis", code: "GM0556", kind: "jaarstukken", year: 2017, gemFrom: "title",
		},
		{
			name:     "bare unambiguous name repeated in text",
			c:        Clues{Text: "Jaarverslag 2018\nIn Twenterand is veel bereikt. Twenterand groeit."},
			gemeente: "Twenterand", code: "GM1700", kind: "jaarstukken", year: 2018, gemFrom: "text",
		},
		{
			name:     "news with a date",
			c:        Clues{URL: "https://www.zeist.nl/nieuws/jaarrekening-sluit-positief", Text: "Gepubliceerd op 12 maart 2019. De jaarrekening 2018 sluit positief."},
			gemeente: "Zeist", code: "GM0355", kind: "nieuws", year: 2019, gemFrom: "host",
		},
		{
			name:     "news header part beats monitor in title",
			c:        Clues{Title: "Innovatie centraal in lokale monitor Sociaal Domein Losser - Nieuws - Gemeente Losser", Text: "Het jaar 2018 stond in het teken van innovatie. In 2018 daalde het aantal."},
			gemeente: "Losser", code: "GM0168", kind: "nieuws", year: 2018, gemFrom: "title",
		},
		{
			name:     "news about a report",
			c:        Clues{Title: "Jaarverslag 2020 gepubliceerd - Nieuws - Gemeente Zeist"},
			gemeente: "Zeist", code: "GM0355", kind: "nieuws", year: 2020, gemFrom: "title",
		},
		{
			name:     "header with a menu",
			c:        Clues{Site: "Gemeente Heemskerk Begroting 2020 Home Inleiding Programma's Paragrafen Jaarrekening Bijlagen"},
			gemeente: "Heemskerk", code: "GM0396", kind: "begroting", year: 2020, gemFrom: "header",
		},
		{
			name:     "monitor sociaal domein",
			c:        Clues{Title: "Monitor Sociaal Domein 2020 - Gemeente Losser"},
			gemeente: "Losser", code: "GM0168", kind: "monitor", year: 2020, gemFrom: "title",
		},
		{
			name:     "filename",
			c:        Clues{Filename: "Jaarrekening_2021_Gemeente_Oss.pdf"},
			gemeente: "Oss", code: "GM0828", kind: "jaarstukken", year: 2021, gemFrom: "filename",
		},
		{
			name:     "nothing to go on",
			c:        Clues{Text: "Wat gaat het kosten? Lasten en baten."},
			wantGaps: []string{"gemeente", "doc_kind", "doc_year"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Detect(tt.c)
			if r.Gemeente.Name != tt.gemeente || r.Gemeente.Code != tt.code {
				t.Errorf("gemeente %q %s (from %s), want %q %s", r.Gemeente.Name, r.Gemeente.Code, r.GemeenteFrom, tt.gemeente, tt.code)
			}
			if tt.gemFrom != "" && r.GemeenteFrom != tt.gemFrom {
				t.Errorf("gemeente from %q, want %q", r.GemeenteFrom, tt.gemFrom)
			}
			if r.Kind != tt.kind || r.Year != tt.year {
				t.Errorf("kind %q year %d (from %s, %s), want %q %d", r.Kind, r.Year, r.KindFrom, r.YearFrom, tt.kind, tt.year)
			}
			if tt.wantGaps != nil && strings.Join(r.Gaps, ",") != strings.Join(tt.wantGaps, ",") {
				t.Errorf("gaps %v, want %v", r.Gaps, tt.wantGaps)
			}
		})
	}
}

// Ambiguous gemeente names alone in body text never decide, whatever else
// the text holds.
func TestDetectAmbiguousBodyText(t *testing.T) {
	for k := range ambiguousNames {
		g, ok := Lookup(k)
		if !ok {
			continue // not a gemeente name on its own ("bergen", "olst")
		}
		name := strings.ToUpper(k[:1]) + k[1:] // every ambiguous name is one word
		text := strings.Repeat(name+" is mooi. In "+name+" en rond "+name+". ", 5) + "Begroting 2020."
		r := Detect(Clues{Text: text})
		if !r.Gemeente.IsZero() {
			t.Errorf("body text naming only %q decided %s (from %s)", name, r.Gemeente.Name, r.GemeenteFrom)
		}
		r = Detect(Clues{Text: "De gemeente " + name + " legt verantwoording af. " + text})
		if r.Gemeente.Code != g.Code {
			t.Errorf("\"gemeente %s\" in text gave %q, want %s", name, r.Gemeente.Name, g.Code)
		}
	}
}

func TestDetectDetections(t *testing.T) {
	r := Detect(Clues{URL: "https://houten.jaarverslag-2022.nl/p12104/bbv-indicatoren"})
	want := []model.Detection{
		{Field: "gemeente", Value: "Houten", From: "host"},
		{Field: "doc_year", Value: "2022", From: "host"},
		{Field: "doc_kind", Value: "jaarstukken", From: "host"},
	}
	if len(r.Detections) != len(want) {
		t.Fatalf("detections %v, want %v", r.Detections, want)
	}
	for i := range want {
		if r.Detections[i] != want[i] {
			t.Errorf("detection %d = %+v, want %+v", i, r.Detections[i], want[i])
		}
	}
	if len(r.Gaps) != 0 {
		t.Errorf("gaps %v, want none", r.Gaps)
	}
	r = Detect(Clues{})
	for _, d := range r.Detections {
		if d.Value != "" || d.From != "" {
			t.Errorf("empty clues decided %+v", d)
		}
	}
}

// TestKindMatchesRandom compares the hand-written kind matcher with the
// regular expression on text pieced together from the words, years and
// separators it reads.
func TestKindMatchesRandom(t *testing.T) {
	pieces := []string{"jaarstukken", "begroting", "programmabegroting", "beleidsbegroting", "monitor", "burap",
		"berap", "jaarverslag", "kadernota", "sociaal", "domein", " ", "  ", "\t", "\n", "-", "--", "_", "–", "t/m",
		"tot", "to", "2020", "1989", "1979", "2049", "2050", "20", "s", "a", "x", "é", "ſ", "K", "A", ".", "0"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, n := range []int{-1, 1, 2} {
			got, want := kindMatches(s, n), kindMatchesRe(s, n)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q n=%d: %v, regexp %v", s, n, got, want)
			}
		}
	}
}

// TestGemeenteMatchesRandom compares the "gemeente" scan with gemeenteRe.
func TestGemeenteMatchesRandom(t *testing.T) {
	pieces := []string{"gemeente", "Gemeente", "GEMEENTE", "gemeent", "college", "x", "_", " ", "\t", "\n", "\u00a0",
		"é", "Houten", "1", "-"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, n := range []int{100, 1} {
			got, want := gemeenteMatches(s, n), gemeenteRe.FindAllStringIndex(s, n)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q n=%d: %v, regexp %v", s, n, got, want)
			}
		}
		if indexFoldASCII(s, "college") < 0 && collegeRe.MatchString(s) {
			t.Fatalf("%q: collegeRe matches without \"college\"", s)
		}
	}
}

// TestAppendFields compares appendFields with strings.Fields.
func TestAppendFields(t *testing.T) {
	pieces := []string{"a", "Houten", " ", "  ", "\t", "\n", "\v", "\u0085", "\u00a0", "\u2003", "\u3000", "é", "\xff", "\xc3", "'s-"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	}
}
