package pdftagged_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/extract/pdftable"
	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
)

// grid prints a table one row a line: cells between bars, "~" before a
// span's copy, "H" before a header cell, spans as "/rows×cols", and the
// page of the row at the start.
func grid(t *model.Table) string {
	var b strings.Builder
	for _, row := range t.Rows {
		fmt.Fprintf(&b, "p%d |", row[0].Page)
		for _, c := range row {
			b.WriteByte(' ')
			if !c.Origin {
				b.WriteByte('~')
			}
			if c.Header {
				b.WriteByte('H')
			}
			b.WriteString(c.Text)
			if c.Origin && (c.RowSpan > 1 || c.ColSpan > 1) {
				fmt.Fprintf(&b, "/%d×%d", c.RowSpan, c.ColSpan)
			}
			b.WriteString(" |")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

const wantGrid = `p1 | HIndicator/2×1 | HRealisatie/1×2 | ~HRealisatie | HBegroting 2023/2×1 |
p1 | ~HIndicator | H2021 | H2022 | ~HBegroting 2023 |
p1 | Lasten jeugdhulp | 1.234 | 1.456 | 1.500 |
p1 | Aantal jongeren met jeugdhulp | 512 | 498 | 505 |
p2 | Baten | 300 | 310 | 320 |
p2 | Percentage bereikt | 85% | 87% | 90% |
`

func TestBuild(t *testing.T) {
	data := wordTable("")
	pages, err := pdftext.Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pdftagged.Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	found := pdftagged.Build(pages, tables)
	if len(found) != 1 {
		t.Fatalf("got %d tables", len(found))
	}
	f := found[0]
	tab := f.Table
	if got := grid(tab); got != wantGrid {
		t.Errorf("grid:\n%s\nwant:\n%s", got, wantGrid)
	}
	if tab.HeaderRows != 2 || tab.Page != 1 || tab.UnitLine != "bedragen x € 1.000" || tab.Caption != "" {
		t.Errorf("HeaderRows %d, Page %d, UnitLine %q, Caption %q", tab.HeaderRows, tab.Page, tab.UnitLine, tab.Caption)
	}
	for r, row := range tab.Rows {
		for c, cell := range row {
			if cell.Row != r || cell.Col != c {
				t.Errorf("cell at %d,%d says %d,%d", r, c, cell.Row, cell.Col)
			}
		}
	}
	if len(f.Regions) != 2 || f.Regions[0].Page != 1 || f.Regions[1].Page != 2 {
		t.Errorf("regions %+v", f.Regions)
	}
	// The table took its cells, the unit line above it and the header
	// printed again on page 2; not the heading, paragraphs or rules.
	var taken []string
	for _, p := range pages {
		for i, w := range p.Words {
			if f.Words[pdftable.WordRef{Page: p.Number, Index: i}] {
				taken = append(taken, w.Text)
			}
		}
	}
	if got, want := strings.Join(taken, " "), "bedragen x € 1.000 Indicator Realisatie Begroting 2023 2021 2022 Lasten jeugdhulp 1.234 1.456 1.500 "+
		"Aantal jongeren met jeugdhulp 512 498 505 Indicator Realisatie Begroting 2023 2021 2022 Baten 300 310 320 Percentage bereikt 85% 87% 90%"; got != want {
		t.Errorf("words taken:\n%s\nwant:\n%s", got, want)
	}
}

// TestPDF reads the tagged table through extract and normalize, as the
// command does: in a guarded worker, whose reply must carry the MCIDs of
// the words and the tables of the structure tree.
func TestPDF(t *testing.T) {
	doc, err := extract.PDF(context.Background(), model.Raw{Data: wordTable("")})
	if err != nil {
		t.Fatal(err)
	}
	tables := doc.Tables()
	if len(tables) != 1 {
		t.Fatalf("got %d tables", len(tables))
	}
	if got := grid(tables[0]); got != wantGrid {
		t.Errorf("grid:\n%s\nwant:\n%s", got, wantGrid)
	}
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, fmt.Sprintf("%s %q", b.Kind, b.Text))
	}
	if got, want := strings.Join(texts, "\n"), `heading "Sociaal domein"
paragraph "De gemeente ondersteunt inwoners die dat nodig hebben."
table ""
paragraph "Het aantal jongeren met jeugdhulp daalt."`; got != want {
		t.Errorf("blocks:\n%s\nwant:\n%s", got, want)
	}

	res := normalize.Normalize(doc)
	var got []string
	for _, r := range res.Records {
		v := "-"
		if r.Value != nil {
			v = fmt.Sprint(*r.Value)
		}
		got = append(got, fmt.Sprintf("p%d r%d c%d | %s | %s | %d %s | %s %s", r.Page, r.Row, r.Col, r.Indicator, r.Column, r.Period, r.PeriodKind, v, r.Unit))
	}
	want := []string{
		"p1 r2 c1 | Lasten jeugdhulp | Realisatie > 2021 | 2021 realisatie | 1.234e+06 euro",
		"p1 r2 c2 | Lasten jeugdhulp | Realisatie > 2022 | 2022 realisatie | 1.456e+06 euro",
		"p1 r2 c3 | Lasten jeugdhulp | Begroting 2023 | 2023 begroting | 1.5e+06 euro",
		"p1 r3 c1 | Aantal jongeren met jeugdhulp | Realisatie > 2021 | 2021 realisatie | 512 aantal",
		"p1 r3 c2 | Aantal jongeren met jeugdhulp | Realisatie > 2022 | 2022 realisatie | 498 aantal",
		"p1 r3 c3 | Aantal jongeren met jeugdhulp | Begroting 2023 | 2023 begroting | 505 aantal",
		"p2 r4 c1 | Baten | Realisatie > 2021 | 2021 realisatie | 300000 euro",
		"p2 r4 c2 | Baten | Realisatie > 2022 | 2022 realisatie | 310000 euro",
		"p2 r4 c3 | Baten | Begroting 2023 | 2023 begroting | 320000 euro",
		"p2 r5 c1 | Percentage bereikt | Realisatie > 2021 | 2021 realisatie | 85 procent",
		"p2 r5 c2 | Percentage bereikt | Realisatie > 2022 | 2022 realisatie | 87 procent",
		"p2 r5 c3 | Percentage bereikt | Begroting 2023 | 2023 begroting | 90 procent",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A hostile structure tree costs no more than a bounded walk, and the
// table is then found from the layout.
func TestPDFHostileTree(t *testing.T) {
	for _, mode := range []string{"cycle", "deep", "wide", "partial"} {
		t.Run(mode, func(t *testing.T) {
			start := time.Now()
			doc, err := extract.PDF(context.Background(), model.Raw{Data: wordTable(mode)})
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			tables := doc.Tables()
			if len(tables) != 1 {
				t.Fatalf("got %d tables", len(tables))
			}
			// Every body value once, whichever finder read the table.
			g := grid(tables[0])
			for _, v := range []string{"1.234", "512", "300", "90%"} {
				if n := strings.Count(g, " "+v+" "); n != 1 {
					t.Errorf("%s appears %d times in\n%s", v, n, g)
				}
			}
		})
	}
}

// A table tagged only in part is left to the geometric finder.
func TestBuildPartial(t *testing.T) {
	data := wordTable("partial")
	pages, err := pdftext.Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pdftagged.Read(context.Background(), data)
	if err != nil || len(tables) != 1 {
		t.Fatalf("Read: %d tables, %v", len(tables), err)
	}
	if found := pdftagged.Build(pages, tables); len(found) != 0 {
		t.Errorf("kept a table missing a row:\n%s", grid(found[0].Table))
	}
}

// A cell's words are its own even where pdftext took them for a running
// footer (a row of small numbers at the foot of every page), and a label
// broken at a hyphen is mended.
func TestBuildCellWords(t *testing.T) {
	w := func(text string, mcid int, x, base float64, running bool) pdftext.Word {
		return pdftext.Word{Text: text, X0: x, X1: x + 6*float64(len(text)), Y0: base - 8, Y1: base + 2, Base: base, Size: 10, MCID: mcid, HasMCID: true, Running: running}
	}
	pages := []pdftext.Page{{Number: 1, Width: 595, Height: 842, Trusted: true, Words: []pdftext.Word{
		w("Aantal", 0, 72, 700, false), w("uitkeringen", 0, 112, 700, false), w("op", 0, 180, 700, false), w("31-", 0, 72, 712, false), w("12", 0, 72, 724, false),
		w("346", 1, 300, 700, false),
		w("Totaal", 2, 72, 800, true), w("33", 3, 300, 800, true),
	}}}
	cell := func(id int) pdftagged.Cell {
		return pdftagged.Cell{Content: []pdftagged.Ref{{Page: 1, MCID: id}}, RowSpan: 1, ColSpan: 1}
	}
	tables := []pdftagged.Table{{Rows: []pdftagged.Row{{Cells: []pdftagged.Cell{cell(0), cell(1)}}, {Cells: []pdftagged.Cell{cell(2), cell(3)}}}}}
	found := pdftagged.Build(pages, tables)
	if len(found) != 1 {
		t.Fatalf("got %d tables", len(found))
	}
	want := "p1 | Aantal uitkeringen op 31-12 | 346 |\np1 | Totaal | 33 |\n"
	if got := grid(found[0].Table); got != want {
		t.Errorf("grid:\n%s\nwant:\n%s", got, want)
	}
}

// Build leaves out what is no table of figures: a layout table of text.
func TestBuildLayoutTable(t *testing.T) {
	pages := []pdftext.Page{{Number: 1, Width: 595, Height: 842, Trusted: true, Words: []pdftext.Word{
		{Text: "Inleiding", X0: 72, X1: 120, Y0: 100, Y1: 110, Base: 108, Size: 10, MCID: 0, HasMCID: true},
		{Text: "Toelichting", X0: 300, X1: 360, Y0: 100, Y1: 110, Base: 108, Size: 10, MCID: 1, HasMCID: true},
		{Text: "Doelen", X0: 72, X1: 110, Y0: 120, Y1: 130, Base: 128, Size: 10, MCID: 2, HasMCID: true},
		{Text: "Inwoners", X0: 300, X1: 350, Y0: 120, Y1: 130, Base: 128, Size: 10, MCID: 3, HasMCID: true},
	}}}
	cell := func(id int) pdftagged.Cell {
		return pdftagged.Cell{Content: []pdftagged.Ref{{Page: 1, MCID: id}}, RowSpan: 1, ColSpan: 1}
	}
	tables := []pdftagged.Table{{Rows: []pdftagged.Row{{Cells: []pdftagged.Cell{cell(0), cell(1)}}, {Cells: []pdftagged.Cell{cell(2), cell(3)}}}}}
	if found := pdftagged.Build(pages, tables); len(found) != 0 {
		t.Errorf("layout table kept: %s", grid(found[0].Table))
	}
	// With a figure in a cell it is a table.
	pages[0].Words[3].Text = "1.200"
	if found := pdftagged.Build(pages, tables); len(found) != 1 {
		t.Errorf("got %d tables, want 1", len(found))
	}
}
