package normalize

import (
	"errors"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// grid builds a table from rows of cells; "<" continues the span of the
// cell to its left (a copy with Origin false), the first hr rows are header
// rows.
func grid(idx, hr int, rows ...[]string) *model.Table {
	t := &model.Table{Index: idx, HeaderRows: hr}
	for r, cells := range rows {
		row := make([]model.Cell, len(cells))
		for c, txt := range cells {
			cell := model.Cell{Pos: model.Pos{Table: idx, Row: r, Col: c}, Text: txt, Origin: true, RowSpan: 1, ColSpan: 1, Header: r < hr}
			if txt == "<" {
				o := c - 1
				for !row[o].Origin {
					o--
				}
				row[o].ColSpan++
				cell.Text, cell.Origin = row[o].Text, false
			}
			row[c] = cell
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func docWith(tables ...*model.Table) *model.Document {
	d := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:test", Source: "test.html", Format: model.FormatHTML,
		Gemeente: "Twenterand", GemeenteCode: "GM1700", DocKind: "jaarstukken", DocYear: 2022}}
	for _, t := range tables {
		d.Blocks = append(d.Blocks, model.Block{Kind: model.BlockTable, Section: []string{"Programma 1", "Wat heeft het gekost?"}, Table: t})
	}
	return d
}

// at returns the record at row r, col c of table 1.
func at(t *testing.T, res Result, r, c int) *model.Record {
	t.Helper()
	for i := range res.Records {
		if res.Records[i].Row == r && res.Records[i].Col == c {
			return &res.Records[i]
		}
	}
	t.Fatalf("no record at row %d col %d", r, c)
	return nil
}

func noRecord(t *testing.T, res Result, r, c int) {
	t.Helper()
	for _, rec := range res.Records {
		if rec.Row == r && rec.Col == c {
			t.Errorf("unexpected record at row %d col %d: %q", r, c, rec.Raw)
		}
	}
}

func value(r *model.Record) float64 {
	if r.Value == nil {
		return -0.5
	}
	return *r.Value
}

func TestNormalizeFinancialTable(t *testing.T) {
	tbl := grid(1, 2,
		[]string{"Bedragen x € 1.000", "Rekening 2016", "", "Begroting 2017", "", "Afwijking", ""},
		[]string{"", "Bedrag", "V/N", "Bedrag", "V/N", "Bedrag", "V/N"},
		[]string{"Lasten", "<", "<", "<", "<", "<", "<"},
		[]string{"0.1 Bestuur", "89.926", "N", "84.307", "N", "5.619", "N"},
		[]string{"6.2 Wijkteams", "1.000", "N", "1.100", "N", "100", "V"},
		[]string{"Totaal lasten", "90.926", "N", "85.407", "N", "5.519", "N"},
		[]string{"Baten", "<", "<", "<", "<", "<", "<"},
		[]string{"0.1 Bestuur", "3.000", "V", "3.000", "V", "0", ""},
		[]string{"Saldo", "-87.926", "", "-82.407", "", "-5.519", ""},
	)
	res := Normalize(docWith(tbl))
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	r := at(t, res, 3, 1)
	if value(r) != 89926000 || r.Scale != 1000 || r.Unit != model.UnitEuro || r.Marks != "N" {
		t.Errorf("0.1 Bestuur rekening: value %v scale %v unit %q marks %q", value(r), r.Scale, r.Unit, r.Marks)
	}
	if r.Taakveld != "0.1" || r.Indicator != "Bestuur" || r.RowPath != "Lasten" {
		t.Errorf("taakveld %q indicator %q row path %q", r.Taakveld, r.Indicator, r.RowPath)
	}
	if r.Column != "Rekening 2016 > Bedrag" || r.Period != 2016 || r.PeriodKind != model.PeriodRealisatie || r.PeriodSource != "header" {
		t.Errorf("column %q period %d %q %q", r.Column, r.Period, r.PeriodKind, r.PeriodSource)
	}
	if r.Section != "Programma 1 > Wat heeft het gekost?" || r.Gemeente != "Twenterand" || r.DocYear != 2022 || r.Scope != model.ScopeGemeente {
		t.Errorf("doc fields: %+v", r)
	}
	if r.ID != model.RecordID("sha256:test", model.Pos{Table: 1, Row: 3, Col: 1}, 0) {
		t.Errorf("id %q", r.ID)
	}
	if a := at(t, res, 3, 5); a.PeriodKind != model.PeriodAfwijking || a.Period != 2022 || a.PeriodSource != "doc_year" {
		t.Errorf("afwijking: %q %d %q", a.PeriodKind, a.Period, a.PeriodSource)
	}
	noRecord(t, res, 3, 2) // the V/N cell
	noRecord(t, res, 3, 0) // the label
	noRecord(t, res, 2, 1) // the group row
	if b := at(t, res, 7, 1); b.RowPath != "Baten" || b.Marks != "V" {
		t.Errorf("baten row: path %q marks %q", b.RowPath, b.Marks)
	}
	// Programme numbering within one hoofdtaakveld is not a taakveld.
	prog := grid(1, 1,
		[]string{"x € 1.000", "Rekening 2019"},
		[]string{"1.1 Thema Jeugd", "-7.882"},
		[]string{"1.2 Thema WMO", "-6.242"},
	)
	if r := at(t, Normalize(docWith(prog)), 1, 1); r.Taakveld != "" || r.Indicator != "Thema Jeugd" {
		t.Errorf("programme numbering: taakveld %q indicator %q", r.Taakveld, r.Indicator)
	}
	// Checks: the total row holds, the saldo holds, the afwijking column
	// is Rekening − Begroting.
	for _, rc := range [][2]int{{3, 1}, {4, 1}, {5, 1}, {5, 3}, {8, 1}, {3, 5}} {
		if c := at(t, res, rc[0], rc[1]).Check; c != CheckOK {
			t.Errorf("check at %v = %q, want ok", rc, c)
		}
	}
	if n := res.Skipped[1]; n != 7*9-len(res.Records) {
		t.Errorf("skipped %d, want %d", n, 7*9-len(res.Records))
	}
}

func TestNormalizeCheckFail(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"(x € 1.000)", "Realisatie 2021", "Begroting 2021"},
		[]string{"Jeugd", "100", "90"},
		[]string{"Wmo", "200", "210"},
		[]string{"Totaal", "310", "300"},
	)
	res := Normalize(docWith(tbl))
	if c := at(t, res, 3, 1).Check; c != CheckFail {
		t.Errorf("a total 10 off: check %q, want fail", c)
	}
	if c := at(t, res, 3, 2).Check; c != CheckOK {
		t.Errorf("a right total: check %q, want ok", c)
	}
	// Rounding of amounts in thousands: one unit off is fine.
	tbl = grid(1, 1,
		[]string{"(x € 1.000)", "Realisatie 2021"},
		[]string{"Jeugd", "100"},
		[]string{"Wmo", "200"},
		[]string{"Totaal", "301"},
	)
	res = Normalize(docWith(tbl))
	if c := at(t, res, 3, 1).Check; c != CheckOK {
		t.Errorf("a total one off: check %q, want ok", c)
	}
}

func TestNormalizeIndicatorTable(t *testing.T) {
	tbl := grid(2, 1,
		[]string{"Nr.", "Indicator", "Eenheid", "2021", "2022", "NL", "Regio", "Twenterand", "Weinig stedelijke gemeenten", "Bron"},
		[]string{"1", "Jongeren met jeugdhulp", "%", "11,6", "12", "10,2", "11", "12", "9", "CBS"},
		[]string{"2", "Verwijzingen Halt", "per 1.000 jongeren", "7", "nnb*", "5", "6", "7", "8", "Bureau Halt"},
		[]string{"3", "Aantal bijstandsuitkeringen", "", "462", "6.71a", "-", "n.v.t.", "zie toelichting", "", "CIV"},
		[]string{"4", "WOZ-waarde (x 1.000 euro)", "", "321", "350", "", "", "", "", "CBS"},
	)
	tbl.Notes = []string{"* cijfer nog niet bekend bij het opstellen"}
	res := Normalize(docWith(tbl))
	r := at(t, res, 1, 3)
	if value(r) != 11.6 || r.Unit != model.UnitProcent || r.UnitText != "%" || r.Bron != "CBS" || r.Period != 2021 || r.PeriodKind != "" {
		t.Errorf("jeugdhulp 2021: %v %q %q %q %d %q", value(r), r.Unit, r.UnitText, r.Bron, r.Period, r.PeriodKind)
	}
	if r.Table != 2 || r.Scope != model.ScopeGemeente {
		t.Errorf("table %d scope %q", r.Table, r.Scope)
	}
	for c, want := range map[int]string{5: model.ScopeNederland, 6: model.ScopeReferentie, 7: model.ScopeGemeente, 8: model.ScopeReferentie} {
		if got := at(t, res, 1, c).Scope; got != want {
			t.Errorf("scope of col %d = %q, want %q", c, got, want)
		}
	}
	if r := at(t, res, 2, 3); r.Unit != model.UnitPer1000 || r.UnitText != "per 1.000 jongeren" {
		t.Errorf("halt: unit %q %q", r.Unit, r.UnitText)
	}
	m := at(t, res, 2, 4)
	if m.Status != model.StatusMissing || m.Value != nil || m.Marks != "*" || m.Note != "cijfer nog niet bekend bij het opstellen" {
		t.Errorf("nnb*: status %q value %v marks %q note %q", m.Status, m.Value, m.Marks, m.Note)
	}
	if r := at(t, res, 3, 3); r.Unit != model.UnitAantal || value(r) != 462 {
		t.Errorf("aantal: %q %v", r.Unit, value(r))
	}
	// "6.71a" looks like a figure: an error with its place, no record, and
	// the rest of the table is still read.
	if len(res.Errors) != 1 {
		t.Fatalf("errors = %v, want one", res.Errors)
	}
	e := res.Errors[0]
	if e.Pos != (model.Pos{Table: 2, Row: 3, Col: 4}) || e.Stage != model.StageNormalize || e.Source != "test.html" || !errors.Is(e, ErrNotNumber) || !errors.Is(e, ErrUnreadable) {
		t.Errorf("error %v at %+v", e, e.Pos)
	}
	noRecord(t, res, 3, 4)
	noRecord(t, res, 3, 7) // zie toelichting: text, no error
	noRecord(t, res, 1, 0) // Nr.
	noRecord(t, res, 1, 2) // Eenheid
	noRecord(t, res, 1, 9) // Bron
	if r := at(t, res, 3, 5); r.Status != model.StatusMissing {
		t.Errorf("dash: %q", r.Status)
	}
	// A scale in the label applies to its row only.
	if r := at(t, res, 4, 3); value(r) != 321000 || r.Scale != 1000 || r.Unit != model.UnitEuro {
		t.Errorf("WOZ: %v scale %v unit %q", value(r), r.Scale, r.Unit)
	}
	if r := at(t, res, 1, 4); r.Scale != 1 {
		t.Errorf("row scale leaked: %v", r.Scale)
	}
}

func TestNormalizeScaleScope(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"", "Begroting 2019", "Realisatie 2019"},
		[]string{"Lasten", "1.500", "1.450"},
		[]string{"Dekkingsgraad", "85%", "84,5%"},
		[]string{"Aantal fte", "12", "11"},
		[]string{"Subsidie", "€ 35.000", "€ 34.500"},
	)
	tbl.UnitLine = "bedragen x € 1.000"
	res := Normalize(docWith(tbl))
	if r := at(t, res, 1, 1); value(r) != 1500000 || r.Scale != 1000 || r.Unit != model.UnitEuro {
		t.Errorf("amount: %v %v %q", value(r), r.Scale, r.Unit)
	}
	if r := at(t, res, 2, 2); value(r) != 84.5 || r.Scale != 1 || r.Unit != model.UnitProcent {
		t.Errorf("percentage scaled: %v %v %q", value(r), r.Scale, r.Unit)
	}
	if r := at(t, res, 3, 1); value(r) != 12 || r.Scale != 1 || r.Unit != model.UnitAantal {
		t.Errorf("count scaled: %v %v %q", value(r), r.Scale, r.Unit)
	}
	if r := at(t, res, 4, 1); value(r) != 35000 || r.Scale != 1 || r.Unit != model.UnitEuro {
		t.Errorf("own euro unit scaled: %v %v %q", value(r), r.Scale, r.Unit)
	}
	// A column whose header says % holds percentages, unscaled.
	pct := grid(1, 1,
		[]string{"", "Realisatie 2019", "Afwijking in %"},
		[]string{"Lasten", "1.500", "3,2"},
	)
	pct.UnitLine = "bedragen x € 1.000"
	if r := at(t, Normalize(docWith(pct)), 1, 2); value(r) != 3.2 || r.Scale != 1 || r.Unit != model.UnitProcent {
		t.Errorf("percent column: %v %v %q", value(r), r.Scale, r.Unit)
	}
	// The same table without a scale line: whole numbers, no unit.
	tbl.UnitLine = ""
	res = Normalize(docWith(tbl))
	if r := at(t, res, 1, 1); value(r) != 1500 || r.Scale != 1 || r.Unit != "" {
		t.Errorf("no scale: %v %v %q", value(r), r.Scale, r.Unit)
	}
}

func TestNormalizePeriodFromLabel(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Beleidsindicatoren", "Medemblik", "Nederland"},
		[]string{"Banen (per 1.000 inwoners van 15 - 65 jaar, 2018)", "612,3", "774,3"},
		[]string{"Niet-wekelijkse sporters (%)", "49,1", "48,7"},
	)
	d := docWith(tbl)
	d.Gemeente = "Medemblik"
	res := Normalize(d)
	r := at(t, res, 1, 1)
	if r.Period != 2018 || r.PeriodSource != "label" || r.Unit != model.UnitPer1000 || r.Scope != model.ScopeGemeente {
		t.Errorf("banen: %d %q %q %q", r.Period, r.PeriodSource, r.Unit, r.Scope)
	}
	if r := at(t, res, 1, 2); r.Scope != model.ScopeNederland {
		t.Errorf("scope %q", r.Scope)
	}
	if r := at(t, res, 2, 1); r.Period != 2022 || r.PeriodSource != "doc_year" || r.Unit != model.UnitProcent {
		t.Errorf("sporters: %d %q %q", r.Period, r.PeriodSource, r.Unit)
	}
}

func TestNormalizeNestedGroupsAndSpans(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Omschrijving", "2021", "2022"},
		[]string{"Jeugd", "", ""},
		[]string{"Preventief", "", ""},
		[]string{"- scouting", "350 kind", "370 kind"},
		[]string{"Intensief", "", ""},
		[]string{"Aantal plaatsingen", "12", "<"},
		[]string{"Wmo", "<", "<"},
		[]string{"Aantal cliënten", "1.039", "1 100"},
	)
	res := Normalize(docWith(tbl))
	r := at(t, res, 3, 1)
	if r.RowPath != "Jeugd > Preventief" || r.Indicator != "scouting" || r.Unit != model.UnitAantal || r.UnitText != "kind" {
		t.Errorf("scouting: %q %q %q %q", r.RowPath, r.Indicator, r.Unit, r.UnitText)
	}
	if r := at(t, res, 5, 1); r.RowPath != "Jeugd > Intensief" || value(r) != 12 {
		t.Errorf("plaatsingen: %q %v", r.RowPath, value(r))
	}
	noRecord(t, res, 5, 2) // covered by the span of (5, 1)
	if r := at(t, res, 7, 2); r.RowPath != "Jeugd > Wmo" || value(r) != 1100 || r.IndicatorKey != "aantal clienten" {
		t.Errorf("clienten: %q %v %q", r.RowPath, value(r), r.IndicatorKey)
	}
}

func TestNormalizeNotesAndMarkup(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Indicator", "2022"},
		[]string{"Aantal aanmeldingen Jeugdteam¹", "365"},
		[]string{"Aantal meldingen", "58"},
		[]string{"Aantal bezoekers", "306*"},
	)
	tbl.Rows[2][1].Marks = "2"
	tbl.Notes = []string{"¹ Vanaf juli 2021 voert het Jeugdteam de toegang uit.", "2) inclusief anonieme meldingen", "* lager door corona"}
	res := Normalize(docWith(tbl))
	if r := at(t, res, 1, 1); r.Indicator != "Aantal aanmeldingen Jeugdteam" || r.Note != "Vanaf juli 2021 voert het Jeugdteam de toegang uit." {
		t.Errorf("label mark: %q %q", r.Indicator, r.Note)
	}
	if r := at(t, res, 2, 1); r.Marks != "2" || r.Note != "inclusief anonieme meldingen" || value(r) != 58 {
		t.Errorf("markup mark: %q %q %v", r.Marks, r.Note, value(r))
	}
	if r := at(t, res, 3, 1); r.Marks != "*" || r.Note != "lager door corona" {
		t.Errorf("star: %q %q", r.Marks, r.Note)
	}
}

func TestNormalizeTaakveldColumnAndUntrusted(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Taakveld", "Omschrijving", "Lasten", "Baten", "Saldo"},
		[]string{"0.1", "Bestuur", "1.788", "-13", "1.775"},
		[]string{"6.71a", "Maatwerkdienstverlening 18+", "4.977-", "0", "-4.977"},
	)
	tbl.Untrusted = true
	tbl.Page = 4
	res := Normalize(docWith(tbl))
	if r := at(t, res, 1, 2); r.Taakveld != "0.1" || r.Indicator != "Bestuur" || !r.Untrusted || r.Page != 4 {
		t.Errorf("bestuur: %q %q %v page %d", r.Taakveld, r.Indicator, r.Untrusted, r.Page)
	}
	if r := at(t, res, 2, 2); r.Taakveld != "6.71a" || value(r) != -4977 {
		t.Errorf("6.71a: %q %v", r.Taakveld, value(r))
	}
	noRecord(t, res, 1, 0)
	if r := at(t, res, 1, 4); r.Check != CheckOK {
		t.Errorf("saldo column check %q", r.Check)
	}
}

func TestNormalizeMatchIndicator(t *testing.T) {
	tbl := grid(1, 1, []string{"", "2022"}, []string{"Banen per 1.000 inwoners", "612"})
	n := Normalizer{MatchIndicator: func(label, unit string) string {
		if strings.HasPrefix(label, "Banen") && unit == model.UnitPer1000 {
			return "banen"
		}
		return ""
	}}
	res := n.Normalize(docWith(tbl))
	if r := at(t, res, 1, 1); r.IndicatorID != "banen" {
		t.Errorf("indicator id %q", r.IndicatorID)
	}
}

func TestNormalizeHeaderScaleAndResultaat(t *testing.T) {
	tbl := grid(1, 2,
		[]string{"Bedragen x € 1.000", "Begroting 2018 actueel", "<", "Begroting2019", "<", "Verschil 2018/2019"},
		[]string{"", "Baten", "Lasten", "Baten", "Lasten", "Saldo"},
		[]string{"Inwoner", "11.302", "-44.763", "11.333", "-45.176", "-382"},
	)
	res := Normalize(docWith(tbl))
	r := at(t, res, 2, 3)
	if r.Column != "Begroting2019 > Baten" || r.Period != 2019 || r.PeriodKind != model.PeriodBegroting || value(r) != 11333000 {
		t.Errorf("begroting2019: %q %d %q %v", r.Column, r.Period, r.PeriodKind, value(r))
	}
	if r := at(t, res, 2, 5); r.Period != 2019 || r.PeriodKind != model.PeriodAfwijking {
		t.Errorf("verschil: %d %q", r.Period, r.PeriodKind)
	}
	if r := at(t, res, 2, 1); r.PeriodKind != model.PeriodBegrotingNaWijziging {
		t.Errorf("actueel: %q", r.PeriodKind)
	}
	// "Resultaat" beside begroting and realisatie is the difference.
	tbl = grid(1, 1,
		[]string{"", "Begroting 2017", "Realisatie 2017", "Resultaat"},
		[]string{"Lasten", "100", "90", "10"},
	)
	res = Normalize(docWith(tbl))
	if r := at(t, res, 1, 3); r.PeriodKind != model.PeriodAfwijking {
		t.Errorf("resultaat: %q", r.PeriodKind)
	}
}

func TestNormalizeTableIndexUnset(t *testing.T) {
	a := grid(0, 1, []string{"", "2022"}, []string{"Banen", "612"})
	b := grid(0, 1, []string{"", "2022"}, []string{"Banen", "613"})
	res := Normalize(docWith(a, b))
	if len(res.Records) != 2 || res.Records[0].Table != 1 || res.Records[1].Table != 2 || res.Records[0].ID == res.Records[1].ID {
		t.Errorf("tables without Index: %+v", res.Records)
	}
}

func TestNormalizeEmpty(t *testing.T) {
	res := Normalize(nil)
	if len(res.Records) != 0 {
		t.Fatal("records from nil")
	}
	res = Normalize(docWith(&model.Table{Index: 1}, grid(2, 1, []string{"a", "b"})))
	if len(res.Records) != 0 || len(res.Errors) != 0 {
		t.Fatalf("records %v errors %v", res.Records, res.Errors)
	}
}

// Header rows drawn as plain or bold cells, with HeaderRows unset.
func TestNormalizeHeaderWithoutMarkup(t *testing.T) {
	tbl := grid(1, 0,
		[]string{"Totaal Programma 3", "Realisatie 2016", "Raming 2017 voor wijziging", "Afwijking 2017"},
		[]string{"Totaal lasten", "33.955", "34.810", "2.008"},
		[]string{"Totaal baten", "9.481", "10.024", "-1.655"},
	)
	tbl.UnitLine = "bedragen x €1000"
	res := Normalize(docWith(tbl))
	if len(res.Records) != 6 {
		t.Fatalf("%d records, want 6", len(res.Records))
	}
	if r := at(t, res, 1, 2); r.Column != "Raming 2017 voor wijziging" || r.PeriodKind != model.PeriodBegroting || value(r) != 34810000 {
		t.Errorf("raming: %q %q %v", r.Column, r.PeriodKind, value(r))
	}
	// A scale-only header row spanning the table names no column.
	tbl = grid(1, 2,
		[]string{"Bedragen x € 1.000", "<", "<"},
		[]string{"Programma", "Rekening 2016", "Begroting 2017"},
		[]string{"Bestuur", "1.000", "1.100"},
	)
	res = Normalize(docWith(tbl))
	if r := at(t, res, 2, 1); r.Column != "Rekening 2016" || value(r) != 1000000 {
		t.Errorf("column %q value %v", r.Column, value(r))
	}
}

func TestNormalizeLabelDetails(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Indicator", "Gemeente", "Nederland"},
		[]string{"Absoluut verzuim (per 1.000 inwoners 5 - 18 jaar, 2018)", "0,98", "1,42"},
		[]string{"Aantal aanmeldingen Jeugdteam", "365", "370"},
		[]string{"Percentage werkloze jongeren", "1,2", "1,5"},
	)
	tbl.Rows[2][0].Marks = "1"
	tbl.Notes = []string{"1) vanaf juli 2021 via het Jeugdteam"}
	res := Normalize(docWith(tbl))
	if r := at(t, res, 1, 1); r.UnitText != "per 1.000 inwoners 5 - 18 jaar" || r.Unit != model.UnitPer1000 || r.Period != 2018 {
		t.Errorf("verzuim: %q %q %d", r.UnitText, r.Unit, r.Period)
	}
	if r := at(t, res, 2, 2); r.Note != "vanaf juli 2021 via het Jeugdteam" || r.Unit != model.UnitAantal {
		t.Errorf("label markup mark: note %q unit %q", r.Note, r.Unit)
	}
	if r := at(t, res, 3, 1); r.Unit != model.UnitProcent || r.UnitText != "Percentage" {
		t.Errorf("percentage: %q %q", r.Unit, r.UnitText)
	}
}

// A time series down the rows: the years in the first column are labels,
// not figures.
func TestNormalizeYearRows(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Jaar", "Aantal inwoners", "Aantal woningen"},
		[]string{"2019", "33.907", "14.001"},
		[]string{"2020", "34.012", "14.120"},
	)
	res := Normalize(docWith(tbl))
	noRecord(t, res, 1, 0)
	if r := at(t, res, 2, 1); r.Period != 2020 || r.PeriodSource != "label" || value(r) != 34012 || r.Indicator != "Aantal inwoners" || r.Unit != model.UnitAantal {
		t.Errorf("year row: %d %q %v %q", r.Period, r.PeriodSource, value(r), r.Indicator)
	}
}

// A second header row of years drawn as body cells is still a header.
func TestNormalizeYearsRowUnderHeader(t *testing.T) {
	tbl := grid(1, 1,
		[]string{"Omschrijving", "Realisatie", "<"},
		[]string{"", "2021", "2022"},
		[]string{"Aantal cliënten", "1.039", "1.100"},
	)
	tbl.Rows[1][1].Header, tbl.Rows[1][2].Header = false, false
	res := Normalize(docWith(tbl))
	if len(res.Records) != 2 {
		t.Fatalf("%d records, want 2", len(res.Records))
	}
	if r := at(t, res, 2, 2); r.Column != "Realisatie > 2022" || r.Period != 2022 || r.PeriodKind != model.PeriodRealisatie {
		t.Errorf("column %q period %d %q", r.Column, r.Period, r.PeriodKind)
	}
}
