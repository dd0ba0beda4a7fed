package normalize

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// FuzzParseNumber checks that ParseNumber never panics and that a number it
// reads, printed the Dutch way, reads back as the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"514.907", "1.234,5", "0,56", "11,6%", "85 %", "€ 1.413.000", "€ -64.786", "-8.902.411", "- 328 N",
		"4.977-", "€ 1.000,-", "66 V", "9.643N", "116\u00a0148", "1 788", "58**", "306*", "2,0****", "nnb*",
		"350 kind", "150 deeln", "€ 4,6 miljoen", "7,2 mln", "12 1)", "Ja", "Nee", "n.v.t.", "-", "2018-2022",
		"6.71a", "0546 - 875 656", "zie toelichting", "1.5", "365¹", "999.999.999.999.999.999 miljard", "0 788", "9.007.199.254.740.993", "0,000000000000000000001", "123 mln",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil || n.Missing || n.Unit == "ja_nee" {
			return
		}
		if f, _ := strconv.ParseFloat(n.Decimal(), 64); n.Float() != f {
			t.Fatalf("ParseNumber(%q).Float() = %v, want %v from %s", s, n.Float(), f, n.Decimal())
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

// FuzzNormalize builds a table from text (rows on lines, cells between
// "|", the first line a header; rows may be ragged) and checks that
// Normalize does not panic and that every record lies inside its table
// with a value exactly when its status is ok.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Bedragen x € 1.000|Rekening 2016|Begroting 2017|Verschil\nLasten\n0.1 Bestuur|89.926|84.307|- 5.619 N\n6.1 Wijkteams|1.000|nnb|6.71a\nTotaal|90.926|85.407|5.619",
		"Indicator|Eenheid|2021|NL|Bron\nJongeren met jeugdhulp|%|11,6|10,2|CBS\nAantal|per 1.000|nnb*|1 788|\n|||",
		"2019|33.907\n2020|34.012|x",
		"a",
		"|\n|",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		var rows [][]string
		width := 0
		for _, line := range strings.Split(s, "\n") {
			rows = append(rows, strings.Split(line, "|"))
			width = max(width, len(rows[len(rows)-1]))
		}
		// Keep the squared grid small: the fuzzer is after odd cells, not
		// large tables.
		if width*len(rows) > 4096 {
			return
		}
		tbl := &model.Table{Index: 1, HeaderRows: 1}
		for r, cells := range rows {
			var row []model.Cell
			for c, txt := range cells {
				row = append(row, model.Cell{Pos: model.Pos{Table: 1, Row: r, Col: c}, Text: txt, Origin: true, Header: r == 0})
			}
			tbl.Rows = append(tbl.Rows, row)
		}
		doc := &model.Document{Blocks: []model.Block{{Kind: model.BlockTable, Table: tbl}, {Kind: model.BlockParagraph, Text: s}}}
		res := Normalize(doc)
		for _, r := range res.Records {
			if r.Table == 0 {
				continue // a figure in the paragraph; FuzzProseFigures checks those
			}
			if r.Row < 1 || r.Row >= len(rows) || r.Col < 0 || r.Col >= len(rows[r.Row]) {
				t.Fatalf("record outside the table: row %d col %d", r.Row, r.Col)
			}
			if (r.Value != nil) != (r.Status == model.StatusOK) {
				t.Fatalf("status %q with value %v", r.Status, r.Value)
			}
		}
	})
}
