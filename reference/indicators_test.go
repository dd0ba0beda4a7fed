package reference

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// corpusIndicatorIDs are the BBV indicators among the row labels of the
// development corpus (gold/*.jsonl), decided by reading each label against
// indicators.csv. Labels not listed must get no id. Three BBV indicators
// are published there per 1.000 inwoners while the reference counts them
// per 10.000 (bijstand, re-integratie, Wmo-maatwerk): they get no id,
// because the units differ.
var corpusIndicatorIDs = map[string]string{
	"Verwijzingen Halt (aantal per 10.000 jongeren)":                                               "verwijzingen-halt",
	"Winkeldiefstallen (aantal per 1.000 inwoners)":                                                "winkeldiefstallen",
	"Geweldmisdrijven (aantal per 1.000 inwoners)":                                                 "geweldsmisdrijven",
	"Diefstal uit woningen (aantal per 1.000 inwoners)":                                            "diefstallen-uit-woning",
	"Vernielingen en beschadigingen (in de openbare ruimte, aantal per 1.000 inwoners)":            "vernielingen",
	"Verwijzingen Halt: aantal per 1.000 jongeren 12 - 18 jaar":                                    "verwijzingen-halt",
	"Geweldmisdrijven per1.000 inwoners":                                                           "geweldsmisdrijven",
	"Vernielingen en beschadigingen per 1.000 inwoners":                                            "vernielingen",
	"Diefstal uit woning per 1.000 inwoners":                                                       "diefstallen-uit-woning",
	"Winkeldiefstal per 1.000 inwoners":                                                            "winkeldiefstallen",
	"Niet wekelijkse sporters (%) (BBV)":                                                           "niet-sporters",
	"Omvang huishoudelijk restafval (per kilo per inwoner)":                                        "omvang-huishoudelijk-restafval",
	"Hernieuwbare elektriciteit (%)":                                                               "hernieuwbare-elektriciteit",
	"Absoluut verzuim (niet op school ingeschreven) (per 1.000 inwoners 5 - 18 jaar, 2018)":        "absoluut-verzuim",
	"Relatief verzuim (schoolverzuim zonder geldige reden) (per 1.000 inwoners 5 - 18 jaar, 2018)": "relatief-verzuim",
	"Voortijdige schoolverlaters zonder startkwalificatie (% deelnemers VO, MBO en VAVO, 2018)":    "voortijdige-schoolverlaters",
	"Niet-wekelijkse sporters (%, 2016)":                                                           "niet-sporters",
	"Banen (per 1.000 inwoners van 15 - 65 jaar, 2018)":                                            "banen",
	"Netto arbeidsparticipatie (% werkzame beroepsbevolking / totale beroepsbevolking, 2018)":      "netto-arbeidsparticipatie",
	"Kinderen in armoede (uitkeringsgezin) (% kinderen tot 18 jaar, 2015)":                         "kinderen-in-uitkeringsgezin",
	"Jongeren met jeugdhulp (% van alle jongeren tot 18 jaar, 2018)":                               "jongeren-met-jeugdhulp",
	"Jongeren met jeugdbescherming (% van alle jongeren tot 18 jaar, 2018)":                        "jongeren-met-jeugdbescherming",
	"Jongeren met jeugdreclassering (% van alle jongeren van 12 tot 23 jaar, 2018)":                "jongeren-met-jeugdreclassering",
	"Jongeren met een delict voor de rechter (% 12 t/m 21 jarigen, 2015)":                          "jongeren-met-delict",
	"% jongeren met jeugdhulp":                                                                     "jongeren-met-jeugdhulp",
}

func TestMatchIndicatorCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "gold", "*.jsonl"))
	if len(files) == 0 {
		t.Skip("corpus gold not available")
	}
	type key struct{ label, unit string }
	seen := map[key]bool{}
	found := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var r struct{ Indicator, Unit string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			k := key{r.Indicator, r.Unit}
			if seen[k] {
				continue
			}
			seen[k] = true
			want := corpusIndicatorIDs[r.Indicator]
			got, score := MatchIndicator(r.Indicator, r.Unit)
			if got != want {
				t.Errorf("%s: MatchIndicator(%q, %q) = %q (%.2f), want %q", filepath.Base(f), r.Indicator, r.Unit, got, score, want)
			}
			if got != "" {
				found[r.Indicator] = true
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	for label := range corpusIndicatorIDs {
		if !found[label] {
			t.Errorf("expected label %q not seen in the corpus or not matched", label)
		}
	}
	t.Logf("%d distinct label/unit pairs, %d labels matched", len(seen), len(found))
}

func TestMatchIndicator(t *testing.T) {
	tests := []struct {
		name   string
		label  string
		unit   string
		want   string
		reason string // for a rejected label: why ("unit", "score", "margin")
	}{
		// Published variants and light rewordings.
		{"official name", "Demografische druk", "", "demografische-druk", ""},
		{"bbv number and mark", "Gemiddelde WOZ waarde (35)", "euro", "gemiddelde-woz-waarde", ""},
		{"leading numbering", "1.2 Banen per 1.000 inwoners 15-64 jaar", "per_1000", "banen", ""},
		{"footnote mark", "Omvang huishoudelijk restafval*", "", "omvang-huishoudelijk-restafval", ""},
		{"accents", "Clienten met een maatwerkarrangement Wmo (per 10.000 inwoners)", "per_10000", "clienten-maatwerkarrangement-wmo", ""},
		{"hyphen split", "Cliënten met een maatwerk-arrangement WMO", "per_10000", "clienten-maatwerkarrangement-wmo", ""},
		{"compound split", "Lopende re-integratie voorzieningen per 10.000 inwoners 15-64 jaar", "per_10000", "lopende-reintegratievoorzieningen", ""},
		{"category prefix", "Onderwijs: Relatief verzuim per 1.000 leerlingen", "per_1000", "relatief-verzuim", ""},
		{"halt both bases", "Verwijzingen Halt per 10.000 jongeren", "per_10000", "verwijzingen-halt", ""},
		{"halt per 1000", "Verwijzingen Halt per 1.000 jongeren", "per_1000", "verwijzingen-halt", ""},
		{"jeugdwerkloosheid", "% Jeugdwerkloosheid", "procent", "werkloze-jongeren", ""},
		{"formatie", "Formatie (fte per 1.000 inwoners)", "per_1000", "formatie", ""},
		{"bijstand per 10000", "Personen met een bijstandsuitkering per 10.000 inwoners", "per_10000", "personen-met-bijstandsuitkering", ""},

		// The unit decides: per 1.000 and per 10.000 are different figures.
		{"bijstand per 1000", "Personen met een bijstandsuitkering per 1.000 inwoners", "per_1000", "", "unit"},
		{"bijstand label per 1000, unit empty", "Personen met een bijstandsuitkering per 1.000 inwoners", "", "", "unit"},
		{"winkeldiefstal per 10000", "Winkeldiefstallen per 10.000 inwoners", "per_10000", "", "unit"},
		{"winkeldiefstal unit per 10000", "Winkeldiefstallen", "per_10000", "", "unit"},
		{"wmo per 1000", "Cliënten met een maatwerkarrangement Wmo per 1.000 inwoners", "per_1000", "", "unit"},
		{"halt per 100", "Verwijzingen Halt per 100 jongeren", "", "", "unit"},
		{"percentage against a rate", "Jongeren met jeugdhulp", "per_1000", "", "unit"},
		{"rate against a percentage", "Banen (%)", "procent", "", "unit"},
		{"count against a rate", "Aantal personen met een bijstandsuitkering", "aantal", "", "unit"},
		{"euro against a percentage", "Overhead", "euro", "", "unit"},

		// Same words, another population or subject.
		{"jeugdbescherming is not jeugdhulp", "Jongeren met jeugdbescherming", "procent", "jongeren-met-jeugdbescherming", ""},
		{"jeugdhulp is not jeugdbescherming", "Jongeren met jeugdhulp", "procent", "jongeren-met-jeugdhulp", ""},
		{"specialistische jeugdhulp", "% Jeugdigen met specialistische jeugdhulp", "procent", "", "score"},
		{"jeugdhulp met verblijf", "Jongeren met jeugdhulp met verblijf", "procent", "", "score"},
		{"adults with jeugdhulp", "Volwassenen met jeugdhulp", "procent", "", "score"},
		{"children with bijstand", "Kinderen met een bijstandsuitkering", "", "", "score"},
		{"werkloze ouderen", "Werkloze ouderen", "procent", "", "score"},
		{"wekelijkse sporters", "Wekelijkse sporters", "procent", "", "score"},
		{"hernieuwbare warmte", "Hernieuwbare warmte (%)", "procent", "", "score"},
		{"woz bedrijfspanden", "Gemiddelde WOZ-waarde bedrijfspanden", "euro", "", "score"},
		{"nieuw gebouwde bedrijfspanden", "Nieuw gebouwde bedrijfspanden", "", "", "score"},
		{"geweld tegen vrouwen", "Geweldsmisdrijven tegen vrouwen", "", "", "score"},
		{"bezetting sporthal", "Bezetting sporthal", "procent", "", "score"},
		{"maatwerkvoorziening count", "Aantal inwoners met een maatwerkvoorziening Wmo", "aantal", "", "score"},
		{"financial row", "Totaal lasten", "euro", "", "score"},
		{"empty", "", "", "", ""},
		{"only numbers", "2021", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MatchIndicatorDetail(tt.label, tt.unit)
			if m.ID != tt.want {
				t.Fatalf("MatchIndicatorDetail(%q, %q) = %+v, want id %q", tt.label, tt.unit, m, tt.want)
			}
			if tt.want == "" && tt.reason != "" && m.Reason != tt.reason {
				t.Errorf("reason %q (candidate %s, %.2f), want %q", m.Reason, m.Candidate, m.Score, tt.reason)
			}
			if id, score := MatchIndicator(tt.label, tt.unit); id != m.ID || score != m.Score {
				t.Errorf("MatchIndicator = %q %.2f, detail says %q %.2f", id, score, m.ID, m.Score)
			}
		})
	}
}

// Every published variant finds its own indicator when the unit is left
// open: the alias table is complete and no two indicators share a variant.
func TestMatchIndicatorVariants(t *testing.T) {
	for _, in := range Indicators() {
		for _, v := range append([]string{in.Name}, in.Variants...) {
			m := MatchIndicatorDetail(v, "")
			if m.Candidate != in.ID {
				t.Errorf("variant %q of %s: best candidate %s (%.2f)", v, in.ID, m.Candidate, m.Score)
			}
		}
	}
}

func TestIndicatorByID(t *testing.T) {
	in, ok := IndicatorByID("jongeren-met-jeugdhulp")
	if !ok || in.BBVNr != 29 || in.Taakveld != "6" || in.Name != "Jongeren met jeugdhulp" {
		t.Errorf("IndicatorByID = %+v, %v", in, ok)
	}
	if _, ok := IndicatorByID("nope"); ok {
		t.Error("unknown id found")
	}
	if n := len(Indicators()); n != 37 {
		t.Errorf("%d indicators, want 37", n)
	}
}

var benchLabels = []string{
	"Verwijzingen Halt (aantal per 10.000 jongeren)",
	"Absoluut verzuim (niet op school ingeschreven) (per 1.000 inwoners 5 - 18 jaar, 2018)",
	"% Jeugdigen met specialistische jeugdhulp",
	"Aantal personen die beroep doen op de jeugd sport en cultuurfonds",
	"Totaal saldo van baten en lasten",
	"Cliënten met een maatwerkarrangement WMO (per 1.000 inwoners, 2017)",
	"Netto arbeidsparticipatie (% werkzame beroepsbevolking / totale beroepsbevolking, 2018)",
	"Openbaar groen en (openlucht) recreatie",
}

// BenchmarkMatchIndicator measures a lookup as records make it: the same
// labels again and again.
func BenchmarkMatchIndicator(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		MatchIndicator(benchLabels[i%len(benchLabels)], "per_1000")
	}
}

// BenchmarkMatchIndicatorUncached measures the matcher itself.
func BenchmarkMatchIndicatorUncached(b *testing.B) {
	idx := indicators()
	for i := 0; b.Loop(); i++ {
		idx.match(benchLabels[i%len(benchLabels)], "per_1000")
	}
}
