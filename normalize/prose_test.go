package normalize

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// proseDoc makes a document of one paragraph per text.
func proseDoc(year int, texts ...string) *model.Document {
	doc := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:prose", Source: "prose.html", Format: model.FormatHTML, Gemeente: "Losser", DocYear: year}}
	for _, t := range texts {
		doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockParagraph, Text: t, Section: []string{"Programma 1", "Toelichting"}})
	}
	return doc
}

// proseText is the text Offset counts in: paragraph and list-item texts
// joined with "\n".
func proseText(doc *model.Document) string {
	var parts []string
	for _, b := range doc.Blocks {
		if b.Kind == model.BlockParagraph || b.Kind == model.BlockListItem {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// checkProseRecords checks what holds for every prose record: the offset
// points at Raw, the id is the prose id, the position is Table 0.
func checkProseRecords(t *testing.T, doc *model.Document, recs []model.Record) {
	t.Helper()
	text := proseText(doc)
	for _, r := range recs {
		if r.Offset < 0 || r.Offset+len(r.Raw) > len(text) || text[r.Offset:r.Offset+len(r.Raw)] != r.Raw {
			t.Errorf("record %q: offset %d does not point at it in the prose text", r.Raw, r.Offset)
		}
		if r.ID != model.RecordID(doc.Doc, model.Pos{}, r.Offset) {
			t.Errorf("record %q: id %s is not the prose id of offset %d", r.Raw, r.ID, r.Offset)
		}
		if r.Table != 0 || r.Row != 0 || r.Col != 0 {
			t.Errorf("record %q: position %v, want table 0", r.Raw, r.Pos)
		}
		if r.Status != model.StatusOK || r.Value == nil || math.IsNaN(*r.Value) || math.IsInf(*r.Value, 0) {
			t.Errorf("record %q: status %q value %v", r.Raw, r.Status, r.Value)
		}
		if r.Context == "" || !strings.Contains(r.Context, r.Raw) {
			t.Errorf("record %q: context %q does not hold it", r.Raw, r.Context)
		}
		if r.Scale != 1 && r.Scale != 1e3 && r.Scale != 1e6 && r.Scale != 1e9 {
			t.Errorf("record %q: scale %v", r.Raw, r.Scale)
		}
	}
}

type proseWant struct {
	raw       string
	value     float64
	unit      string
	unitText  string
	period    int
	kind      string
	marks     string
	scope     string // "" means gemeente
	indicator string // checked when not empty
}

func TestProseFiguresForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []proseWant
	}{
		{"amount", "Het saldo komt € 754.000 hoger uit.",
			[]proseWant{{raw: "€ 754.000", value: 754000, unit: "euro", period: 2022}}},
		{"mln", "De lasten stijgen met € 1,2 mln. Dat komt door de jeugdhulp.",
			[]proseWant{{raw: "€ 1,2 mln", value: 1200000, unit: "euro", period: 2022}}},
		{"miljoen with year", "In 2021 kostte de jeugdhulp € 4,6 miljoen.",
			[]proseWant{{raw: "€ 4,6 miljoen", value: 4600000, unit: "euro", period: 2021, indicator: "jeugdhulp"}}},
		{"miljard without euro sign", "Het Rijk verdeelt 1,5 miljard euro over de gemeenten.",
			[]proseWant{{raw: "1,5 miljard euro", value: 1.5e9, unit: "euro", period: 2022}}},
		{"percentage of", "In onze gemeente had 8,2% van de jongeren met jeugdhulp een indicatie.",
			[]proseWant{{raw: "8,2%", value: 8.2, unit: "procent", unitText: "van de jongeren", period: 2022, indicator: "jongeren met jeugdhulp"}}},
		{"percentage word", "Het gemiddelde in de regio is 9 procent.",
			[]proseWant{{raw: "9 procent", value: 9, unit: "procent", unitText: "procent", period: 2022, scope: "referentie"}}},
		{"national", "Het landelijk gemiddelde lag op 12,5 %.",
			[]proseWant{{raw: "12,5 %", value: 12.5, unit: "procent", period: 2022, scope: "nederland"}}},
		{"van naar with years", "Het aantal huishoudens daalde van 332 in 2020 naar 295 huishoudens in 2021.",
			[]proseWant{
				{raw: "332", value: 332, unit: "aantal", unitText: "huishoudens", period: 2020, indicator: "huishoudens"},
				{raw: "295", value: 295, unit: "aantal", unitText: "huishoudens", period: 2021, indicator: "huishoudens"},
			}},
		{"van naar one year", "Het aantal huishoudens is in 2018 gedaald van 332 naar 295 huishoudens.",
			[]proseWant{
				{raw: "332", value: 332, unit: "aantal", unitText: "huishoudens", period: 2018},
				{raw: "295", value: 295, unit: "aantal", unitText: "huishoudens", period: 2018},
			}},
		{"van naar compared", "In 2021 is het aantal plaatsingen ten opzichte van 2020 gestegen van 18 naar 34.",
			[]proseWant{
				{raw: "18", value: 18, unit: "aantal", period: 2020, indicator: "aantal plaatsingen"},
				{raw: "34", value: 34, unit: "aantal", period: 2021, indicator: "aantal plaatsingen"},
			}},
		{"measure", "De gemiddelde uitkeringsduur is 5,1 jaar.",
			[]proseWant{{raw: "5,1", value: 5.1, unitText: "jaar", period: 2022, indicator: "gemiddelde uitkeringsduur"}}},
		{"count with grouping", "In 2022 hadden 1.039 cliënten een maatwerkvoorziening.",
			[]proseWant{{raw: "1.039", value: 1039, unit: "aantal", unitText: "cliënten", period: 2022, indicator: "cliënten"}}},
		{"count", "Er zijn 58 huishoudens geholpen.",
			[]proseWant{{raw: "58", value: 58, unit: "aantal", unitText: "huishoudens", period: 2022}}},
		{"V/N after amount", "Het resultaat op jeugd is - 328 N.",
			[]proseWant{{raw: "- 328 N", value: -328, period: 2022, kind: "afwijking", marks: "N"}}},
		{"bare V after amount", "Het resultaat op participatie is 66 V, op jeugd 12 N.",
			[]proseWant{
				{raw: "66 V", value: 66, period: 2022, kind: "afwijking", marks: "V"},
				{raw: "12 N", value: 12, period: 2022, kind: "afwijking", marks: "N"},
			}},
		{"multiplier", "In 2022 waren er 3 x zoveel meldingen.", nil},
		{"national part", "Ruim 1.200 inwoners (12%) maakten gebruik van de regeling; landelijk is dat 9%.",
			[]proseWant{
				{raw: "1.200", value: 1200, unit: "aantal", unitText: "inwoners", period: 2022},
				{raw: "12%", value: 12, unit: "procent", period: 2022},
				{raw: "9%", value: 9, unit: "procent", period: 2022, scope: "nederland"},
			}},
		{"comparison year is not the period", "Er staan 1.650 mensen op de wachtlijst, 150 meer dan in 2021.",
			[]proseWant{
				{raw: "1.650", value: 1650, unit: "aantal", unitText: "mensen", period: 2022},
				{raw: "150", value: 150, period: 2022},
			}},
		{"voordelig after amount", "Participatie: € 66.000 voordelig.",
			[]proseWant{{raw: "€ 66.000", value: 66000, unit: "euro", period: 2022, kind: "afwijking", marks: "V"}}},
		{"nadeel label", "Jeugdhulp, nadeel € 360.000",
			[]proseWant{{raw: "€ 360.000", value: 360000, unit: "euro", period: 2022, kind: "afwijking", marks: "N", indicator: "Jeugdhulp"}}},
		{"voordeel van op", "Voordeel van € 33.000 op jeugdgezondheidszorg.",
			[]proseWant{{raw: "€ 33.000", value: 33000, unit: "euro", period: 2022, kind: "afwijking", marks: "V", indicator: "jeugdgezondheidszorg"}}},
		{"footnote star", "Zorgeconomie, voordeel € 62.000*.",
			[]proseWant{{raw: "€ 62.000*", value: 62000, unit: "euro", period: 2022, kind: "afwijking", marks: "V *"}}},
		{"no cents", "Elke deelnemer krijgt € 1.000,- per jaar.",
			[]proseWant{{raw: "€ 1.000,-", value: 1000, unit: "euro", unitText: "per jaar", period: 2022}}},
		{"negative glued", "Het saldo is € -64.786 geworden.",
			[]proseWant{{raw: "€ -64.786", value: -64786, unit: "euro", period: 2022}}},
		{"begroting kind", "Bij de begroting 2023 is € 150.000 extra geraamd.",
			[]proseWant{{raw: "€ 150.000", value: 150000, unit: "euro", period: 2023, kind: "begroting"}}},
		{"gerealiseerd kind", "Er zijn dit jaar 391 banen gerealiseerd.",
			[]proseWant{{raw: "391", value: 391, unit: "aantal", unitText: "banen", period: 2022, kind: "realisatie"}}},
		{"comparison is no kind", "Er kwamen 40 aanvragen, minder dan begroot.",
			[]proseWant{{raw: "40", value: 40, unit: "aantal", unitText: "aanvragen", period: 2022}}},
		{"years before counts", "De aantallen stegen (2018 gemiddeld 507 cliënten, 2019 548 cliënten).",
			[]proseWant{
				{raw: "507", value: 507, unit: "aantal", unitText: "cliënten", period: 2018},
				{raw: "548", value: 548, unit: "aantal", unitText: "cliënten", period: 2019},
			}},
		{"aside before noun", "Voor 2020 zijn 121 (meest lokale) aanbieders gecontracteerd.",
			[]proseWant{{raw: "121", value: 121, unit: "aantal", unitText: "aanbieders", period: 2020}}},

		// Not figures.
		{"year", "Het jaar 2018 stond in het teken van innovatie.", nil},
		{"year range", "De periode 2017-2020 en de jaren 2019 - 2021 zijn afgesloten.", nil},
		{"date", "Op 15 oktober 2019 is de visie vastgesteld, per 31-12-2019 is het afgerond.", nil},
		{"time", "De inloop is open van 9:30 tot 12.00 uur en om 10 uur is er koffie.", nil},
		{"article", "Zie artikel 12 van de verordening en art. 4 lid 2.", nil},
		{"chapter and paragraph", "Dit staat in hoofdstuk 3 en paragraaf 4.2 van de nota.", nil},
		{"taakveld", "Onder taakveld 6.71 valt ook 6.81a.", nil},
		{"phone", "Bel 053 - 537 74 00 of 14 0546 voor een afspraak.", nil},
		{"postcode and house number", "Ons adres is Raadhuisplein 1, 7581 AG Losser.", nil},
		{"ordinals", "Losser staat op de 18e plaats en werd 2de in de regio.", nil},
		{"names", "De Wet 2015 en de aanpak van Covid-19 vroegen veel van Agenda 22.", nil},
		{"pages", "Zie pagina 12 en blz. 4 van de bijlage.", nil},
		{"age limits", "Jongeren tot 18 jaar, jeugd onder de 18 jaar en 65-plussers doen mee.", nil},
		{"ranges", "Kinderen van 0-18 jaar in groep 7/8.", nil},
		{"spans", "De eerste 1000 dagen en de komende 4 jaar zijn belangrijk.", nil},
		{"numbering", "1. Inleiding op het programma", nil},
		{"threshold", "Afwijkingen > € 25.000 lichten we toe.", nil},
		{"scale line", "Bedragen x € 1.000 tenzij anders vermeld.", nil},
		{"times x", "Er zijn 3 dienstverbanden beëindigd (1x pensioen, 1x ander werk).",
			[]proseWant{{raw: "3", value: 3, unit: "aantal", unitText: "dienstverbanden", period: 2022}}},
		{"year before adverb", "We hebben de inkoop Wmo 2020 opnieuw vorm gegeven.", nil},
		{"long id", "Het zaaknummer is 12345678 en KvK 87654321.", nil},
		{"dash in text", "De budgetten zijn - gelet op het bereik - besteed aan 2 projecten.",
			[]proseWant{{raw: "2", value: 2, unit: "aantal", unitText: "projecten", period: 2022}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := proseDoc(2022, tt.text)
			recs, errs := ProseFigures(doc)
			for _, e := range errs {
				t.Errorf("unexpected error: %v", e)
			}
			checkProseRecords(t, doc, recs)
			if len(recs) != len(tt.want) {
				var got []string
				for _, r := range recs {
					got = append(got, r.Raw)
				}
				t.Fatalf("got %d figures %q, want %d", len(recs), got, len(tt.want))
			}
			for i, w := range tt.want {
				r := recs[i]
				scope := w.scope
				if scope == "" {
					scope = model.ScopeGemeente
				}
				if r.Raw != w.raw || *r.Value != w.value || r.Unit != w.unit || r.Period != w.period || r.PeriodKind != w.kind || r.Marks != w.marks || r.Scope != scope {
					t.Errorf("figure %d = raw %q value %v unit %q period %d kind %q marks %q scope %q,\nwant raw %q value %v unit %q period %d kind %q marks %q scope %q",
						i, r.Raw, *r.Value, r.Unit, r.Period, r.PeriodKind, r.Marks, r.Scope, w.raw, w.value, w.unit, w.period, w.kind, w.marks, scope)
				}
				if w.unitText != "" && r.UnitText != w.unitText {
					t.Errorf("figure %d %q: unit_text %q, want %q", i, r.Raw, r.UnitText, w.unitText)
				}
				if w.indicator != "" && (r.Indicator != w.indicator || r.IndicatorKey != IndicatorKey(w.indicator)) {
					t.Errorf("figure %d %q: indicator %q (key %q), want %q", i, r.Raw, r.Indicator, r.IndicatorKey, w.indicator)
				}
			}
		})
	}
}

func TestProseFiguresBlocks(t *testing.T) {
	doc := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:blocks", Source: "a.pdf", Format: model.FormatPDF, DocYear: 2021}}
	doc.Blocks = []model.Block{
		{Kind: model.BlockHeading, Level: 2, Text: "Programma 1: € 5.000 en 12 woningen", Section: []string{"Jaarverslag"}},
		{Kind: model.BlockParagraph, Text: "Er zijn 12 woningen gebouwd.", Section: []string{"Jaarverslag", "Wonen"}, Page: 3},
		{Kind: model.BlockTable, Table: &model.Table{Index: 1, Rows: [][]model.Cell{{{Text: "€ 7.000", Origin: true}}}}},
		{Kind: model.BlockListItem, Text: "Een nadeel van € 10.000 op jeugd.", Section: []string{"Jaarverslag", "Jeugd"}, Page: 4, Untrusted: true},
	}
	recs, errs := ProseFigures(doc)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	checkProseRecords(t, doc, recs)
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2 (headings and tables are not prose)", len(recs))
	}
	text := proseText(doc)
	if recs[0].Raw != "12" || recs[0].Offset != strings.Index(text, "12") || recs[0].Page != 3 || recs[0].Section != "Jaarverslag > Wonen" || recs[0].Untrusted {
		t.Errorf("first record %+v", recs[0])
	}
	if recs[1].Raw != "€ 10.000" || recs[1].Offset != strings.Index(text, "€ 10.000") || recs[1].Page != 4 || !recs[1].Untrusted || recs[1].Marks != "N" {
		t.Errorf("second record %+v", recs[1])
	}
	if recs[0].Gemeente != doc.Gemeente || recs[0].Doc != doc.Doc || recs[0].Format != model.FormatPDF {
		t.Errorf("document fields not copied: %+v", recs[0].DocInfo)
	}
	// The same bytes give the same ids.
	again, _ := ProseFigures(doc)
	for i := range recs {
		if again[i].ID != recs[i].ID {
			t.Errorf("id of %q changed between runs", recs[i].Raw)
		}
	}
	if r, e := ProseFigures(nil); r != nil || e != nil {
		t.Error("nil document gave output")
	}
}

func TestProseFiguresErrors(t *testing.T) {
	doc := proseDoc(2022, "Het tekort is € 1.23.45 geworden, het overschot € 2.000.")
	recs, errs := ProseFigures(doc)
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1", len(errs))
	}
	if !errors.Is(errs[0], ErrNotNumber) || !errors.Is(errs[0], errProseNumber) || errs[0].Stage != model.StageNormalize {
		t.Errorf("error %v does not wrap the causes", errs[0])
	}
	if len(recs) != 1 || recs[0].Raw != "€ 2.000" {
		t.Errorf("the readable amount was not kept: %+v", recs)
	}
}

func TestProseMatchIndicator(t *testing.T) {
	n := Normalizer{MatchIndicator: func(label, unit string) string {
		if label == "cliënten" && unit == model.UnitAantal {
			return "I42"
		}
		return ""
	}}
	recs, _ := n.ProseFigures(proseDoc(2022, "Er waren 1.039 cliënten."))
	if len(recs) != 1 || recs[0].IndicatorID != "I42" {
		t.Errorf("IndicatorID not set: %+v", recs)
	}
}

// seedDocument extracts a corpus page, with the document fields its
// manifest gives.
func seedDocument(t testing.TB, name string, info model.DocInfo) *model.Document {
	t.Helper()
	path := testcorpus.Doc(t, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus page not available: %v", err)
	}
	doc, err := extract.HTML(context.Background(), model.Raw{
		Source: model.Source{Location: path}, URL: path, Format: model.FormatHTML, Data: data,
	})
	if err != nil {
		t.Fatalf("extract %s: %v", name, err)
	}
	info.Doc, info.Source, info.Format = doc.Doc, doc.Source, doc.Format
	doc.DocInfo = info
	return doc
}

// TestProseFiguresSeeds compares the prose figures of two seed pages with
// testdata/prose/<case>.jsonl, written by hand from the page text: every
// key of an expected line must match the record.
func TestProseFiguresSeeds(t *testing.T) {
	cases := []struct {
		name, page string
		info       model.DocInfo
	}{
		{"losser", "seed-losser-2018.html", model.DocInfo{Gemeente: "Losser", GemeenteCode: "GM0168", DocKind: "nieuws", DocYear: 2018}},
		{"ooststellingwerf", "seed-ooststellingwerf-2019.html", model.DocInfo{Gemeente: "Ooststellingwerf", GemeenteCode: "GM0085", DocKind: "jaarstukken", DocYear: 2019}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := seedDocument(t, c.page, c.info)
			recs, errs := ProseFigures(doc)
			for _, e := range errs {
				t.Errorf("unexpected error: %v", e)
			}
			checkProseRecords(t, doc, recs)
			want := readProseWant(t, filepath.Join("testdata", "prose", c.name+".jsonl"))
			got := make([]map[string]any, len(recs))
			for i, r := range recs {
				b, err := json.Marshal(r)
				if err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal(b, &got[i]); err != nil {
					t.Fatal(err)
				}
			}
			for i := 0; i < len(want) || i < len(got); i++ {
				switch {
				case i >= len(got):
					t.Errorf("figure %d missing: %v", i, want[i]["raw"])
					continue
				case i >= len(want):
					t.Errorf("extra figure %d: %v in %q", i, got[i]["raw"], got[i]["context"])
					continue
				}
				for k, wv := range want[i] {
					gv, ok := got[i][k]
					if !ok && (wv == "" || wv == 0.0) {
						continue // omitted when empty
					}
					if gv != wv {
						t.Errorf("figure %d %v: %s = %v, want %v", i, want[i]["raw"], k, gv, wv)
					}
				}
				if got[i]["gemeente"] != c.info.Gemeente || got[i]["doc_year"] != float64(c.info.DocYear) {
					t.Errorf("figure %d: document fields not copied", i)
				}
			}
		})
	}
}

func readProseWant(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzProseFigures checks that ProseFigures never panics and that every
// record's Offset points at its Raw in the prose text. Lines become blocks
// of rotating kinds, so headings are skipped.
func FuzzProseFigures(f *testing.F) {
	for _, s := range []string{
		"In onze gemeente ontving 8,2% van de jongeren ondersteuning.\nHet aantal huishoudens daalde van 332 naar 295 huishoudens.",
		"Jeugdgezondheidszorg, nadeel € 328.000\nHet resultaat is - 328 N.\nDe lasten stijgen met € 1,2 mln.",
		"€ 4,6 miljoen\n€ 1.000,- per jaar\n(2018 gemiddeld 507 cliënten, 2019 548 cliënten)",
		"Bel 053 - 537 74 00.\nRaadhuisplein 1, 7581 AG Losser\nop de 18e plaats, Covid-19, 0-18 jaar",
		"€ -64.786\n€\u00a01.23.45\n15,5%% en 1,5 miljard euro\n- - 5 N V\n€ 9.999.999.999.999.999.999 miljard",
	} {
		f.Add(s)
	}
	kinds := []model.BlockKind{model.BlockParagraph, model.BlockListItem, model.BlockHeading}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:fuzz", DocYear: 2020}}
		for i, line := range strings.Split(s, "\n") {
			doc.Blocks = append(doc.Blocks, model.Block{Kind: kinds[i%len(kinds)], Text: line})
		}
		recs, _ := ProseFigures(doc)
		text := proseText(doc)
		for _, r := range recs {
			if r.Offset < 0 || r.Offset+len(r.Raw) > len(text) || text[r.Offset:r.Offset+len(r.Raw)] != r.Raw {
				t.Fatalf("record %q: offset %d does not point at it", r.Raw, r.Offset)
			}
			if r.Raw == "" || r.Value == nil || math.IsNaN(*r.Value) {
				t.Fatalf("record without a figure: %+v", r)
			}
		}
	})
}

// BenchmarkProseFigures reads a long report's worth of explanation text.
func BenchmarkProseFigures(b *testing.B) {
	paras := []string{
		"WMO hulp bij het huishouden, nadeel € 106.000. Bij de begroting 2019 is het budget voor hulp bij het huishouden verhoogd van € 1,4 miljoen naar € 1,9 miljoen doordat de loonkosten toenemen. In het tweede halfjaar van 2019 zijn de aantallen gestegen (2018 gemiddeld 507 cliënten, 2019 548 cliënten, bron CAK).",
		"In onze gemeente ontving 8,2% van de jongeren in de leeftijdscategorie van 0-18 jaar ondersteuning vanuit de Jeugdwet. Dit percentage is vergelijkbaar met 2017. Het ligt onder het landelijk gemiddelde van 11%.",
		"De Visie op Samenleven, vastgesteld in de gemeenteraad op 15 oktober 2019, beschrijft een brede en integrale visie op de transformatie binnen het sociaal domein. Bel 0546 - 875 656 voor een afspraak, zie ook artikel 12 en hoofdstuk 3.",
		"Het aantal huishoudens met een uitkering op grond van de Participatiewet is in 2018 fors gedaald van 332 naar 295 huishoudens. De gemiddelde uitkeringsduur is wel verhoogd van 4,5 jaar in 2017 naar 5,1 jaar in 2018.",
	}
	doc := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:bench", DocYear: 2019}}
	var size int64
	for i := range 400 {
		t := paras[i%len(paras)]
		size += int64(len(t))
		doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockParagraph, Text: t, Section: []string{"Programma", "Toelichting"}})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		recs, _ := ProseFigures(doc)
		if len(recs) == 0 {
			b.Fatal("no figures")
		}
	}
}
