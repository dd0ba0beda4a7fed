package pdftable

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// readPDF reads generated PDF bytes with pdftext.Read, or with pdftotext
// when PDFTABLE_POPPLER is set.
func readPDF(t *testing.T, data []byte) []pdftext.Page {
	t.Helper()
	if os.Getenv("PDFTABLE_POPPLER") != "" {
		path := filepath.Join(t.TempDir(), "t.pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return popplerPages(t, path)
	}
	pages, err := pdftext.Read(context.Background(), data)
	if err != nil {
		t.Fatalf("pdftext.Read: %v", err)
	}
	return pages
}

func rowTexts(tb *model.Table, r int) []string {
	var out []string
	for _, c := range tb.Rows[r] {
		out = append(out, c.Text)
	}
	return out
}

func wantRow(t *testing.T, tb *model.Table, r int, want ...string) {
	t.Helper()
	if r >= len(tb.Rows) {
		t.Errorf("row %d: table has %d rows", r, len(tb.Rows))
		return
	}
	got := rowTexts(tb, r)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row %d = %q, want %q", r, got, want)
	}
}

// postName is a row label that differs from its neighbours in letters,
// not only in digits, as labels of real tables do.
func postName(n int) string {
	return "Post " + string(rune('a'+n%26)) + string(rune('a'+n/26%26)) + "kosten"
}

// amount prints n the Dutch way with thousands dots.
func amount(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var parts []string
	for len(s) > 3 {
		parts = append([]string{s[len(s)-3:]}, parts...)
		s = s[:len(s)-3]
	}
	parts = append([]string{s}, parts...)
	out := strings.Join(parts, ".")
	if neg {
		out = "-" + out
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		build func() []byte
		check func(t *testing.T, pages []pdftext.Page, found []Found)
	}{
		{
			name: "three pages, header repeated",
			build: func() []byte {
				d := newPDF(595, 842)
				n := 0
				for p := 0; p < 3; p++ {
					b := d.page()
					d.text(b, 50, 40, 8, "Gemeente Voorbeeld   Jaarstukken 2023")
					// Continued pages start at different heights, so no row
					// repeats at one height on most pages.
					y := []float64{0, 70, 135}[p]
					if p == 0 {
						d.text(b, 50, 80, 14, "Overzicht van baten en lasten")
						d.text(b, 50, 110, 9, "Tabel 7 Lasten per taakveld")
						d.text(b, 50, 124, 9, "bedragen x € 1.000")
						y = 140
					}
					d.text(b, 50, y, 9, "Omschrijving")
					for i, yr := range []string{"2021", "2022", "2023"} {
						d.right(b, 350+float64(i)*80, y, 9, yr)
					}
					y += 18
					for r := 0; r < 25; r++ {
						d.text(b, 50, y, 9, postName(n+1))
						for i := 0; i < 3; i++ {
							d.right(b, 350+float64(i)*80, y, 9, amount((n+1)*(i+7)*97-2500))
						}
						n++
						y += 15
					}
					d.text(b, 260, 810, 8, fmt.Sprintf("Pagina %d van 3", p+1))
				}
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				if tb.HeaderRows != 1 || len(tb.Rows) != 76 {
					t.Fatalf("header rows %d, rows %d; want 1 and 76", tb.HeaderRows, len(tb.Rows))
				}
				wantRow(t, tb, 0, "Omschrijving", "2021", "2022", "2023")
				wantRow(t, tb, 1, postName(1), amount(1*7*97-2500), amount(1*8*97-2500), amount(1*9*97-2500))
				wantRow(t, tb, 26, postName(26), amount(26*7*97-2500), amount(26*8*97-2500), amount(26*9*97-2500))
				wantRow(t, tb, 75, postName(75), amount(75*7*97-2500), amount(75*8*97-2500), amount(75*9*97-2500))
				if tb.UnitLine != "bedragen x € 1.000" {
					t.Errorf("unit line %q", tb.UnitLine)
				}
				if tb.Caption != "Tabel 7 Lasten per taakveld" {
					t.Errorf("caption %q", tb.Caption)
				}
				if tb.Rows[1][1].Page != 1 || tb.Rows[26][1].Page != 2 || tb.Rows[75][0].Page != 3 || tb.Page != 1 {
					t.Errorf("pages of rows: %d %d %d", tb.Rows[1][1].Page, tb.Rows[26][1].Page, tb.Rows[75][0].Page)
				}
				if len(found[0].Regions) != 3 {
					t.Errorf("regions %+v, want one per page", found[0].Regions)
				}
				for ref := range found[0].Words {
					w := pages[ref.Page-1].Words[ref.Index]
					if strings.Contains(w.Text, "Pagina") || strings.Contains(w.Text, "Gemeente") || strings.Contains(w.Text, "Overzicht") {
						t.Errorf("table took word %q", w.Text)
					}
				}
			},
		},
		{
			name: "two tables side by side",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				d.text(b, 40, 60, 14, "Kerncijfers")
				for side, x := range []float64{40, 310} {
					d.text(b, x, 100, 9, []string{"Inwoners", "Woningen"}[side])
					d.right(b, x+170, 100, 9, "2022")
					d.right(b, x+240, 100, 9, "2023")
					for r := 0; r < 6; r++ {
						y := 118 + float64(r)*15
						d.text(b, x, y, 9, fmt.Sprintf("%s %d", []string{"Wijk", "Kern"}[side], r+1))
						d.right(b, x+170, y, 9, amount(1000*(side+1)+r*37))
						d.right(b, x+240, y, 9, amount(1100*(side+1)+r*41))
					}
				}
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 2 {
					t.Fatalf("found %d tables, want 2", len(found))
				}
				for i, f := range found {
					tb := f.Table
					if tb.Width() != 3 || len(tb.Rows) != 7 || tb.HeaderRows != 1 {
						t.Errorf("table %d: width %d rows %d header %d", i, tb.Width(), len(tb.Rows), tb.HeaderRows)
						continue
					}
				}
				wantRow(t, found[0].Table, 0, "Inwoners", "2022", "2023")
				wantRow(t, found[0].Table, 1, "Wijk 1", "1.000", "1.100")
				wantRow(t, found[1].Table, 0, "Woningen", "2022", "2023")
				wantRow(t, found[1].Table, 6, "Kern 6", amount(2000+5*37), amount(2200+5*41))
			},
		},
		{
			name: "label wrapped over four lines, figures on the first",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				d.text(b, 50, 80, 9, "Programma")
				d.right(b, 380, 80, 9, "Begroting")
				d.right(b, 470, 80, 9, "Realisatie")
				y := 98.0
				row := func(label []string, figs ...string) {
					for i, l := range label {
						d.text(b, 50, y+float64(i)*11, 9, l)
					}
					for i, f := range figs {
						d.right(b, 380+float64(i)*90, y, 9, f)
					}
					y += float64(len(label)-1)*11 + 15
				}
				row([]string{"Lasten"})
				row([]string{"Bestuur"}, "1.200", "1.150")
				row([]string{"Voorzieningen voor", "jeugd en gezin in", "de wijken en de", "kernen"}, "4.977-", "- 328 N")
				row([]string{"Veiligheid"}, "800", "66 V")
				row([]string{"Baten"})
				row([]string{"Bestuur"}, "300", "310")
				row([]string{"Overige baten en", "lasten"}, "-", "12")
				d.text(b, 50, y+4, 8, "* inclusief reserves")
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				wantRow(t, tb, 0, "Programma", "Begroting", "Realisatie")
				wantRow(t, tb, 1, "Lasten", "", "")
				wantRow(t, tb, 2, "Bestuur", "1.200", "1.150")
				wantRow(t, tb, 3, "Voorzieningen voor jeugd en gezin in de wijken en de kernen", "4.977-", "- 328 N")
				wantRow(t, tb, 4, "Veiligheid", "800", "66 V")
				wantRow(t, tb, 5, "Baten", "", "")
				wantRow(t, tb, 7, "Overige baten en lasten", "-", "12")
				if len(tb.Rows) != 8 {
					t.Errorf("rows %d, want 8", len(tb.Rows))
				}
				if len(tb.Notes) != 1 || tb.Notes[0] != "* inclusief reserves" {
					t.Errorf("notes %q", tb.Notes)
				}
			},
		},
		{
			name: "label wrapped over four lines, figures centred",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				d.text(b, 50, 80, 10, "Indicator")
				d.text(b, 330, 80, 10, "2022")
				d.text(b, 400, 80, 10, "2023")
				y := 100.0
				row := func(label []string, figs ...string) {
					for i, l := range label {
						d.text(b, 50, y+float64(i)*12, 10, l)
					}
					mid := y + float64(len(label)-1)*6
					for i, f := range figs {
						d.text(b, 330+float64(i)*70, mid, 10, f)
					}
					y += float64(len(label)-1)*12 + 17
				}
				row([]string{"Aantal inwoners"}, "12.400", "12.510")
				row([]string{"Aantal jongeren met", "jeugdhulp per 1.000", "jongeren tot 18 jaar", "(bron CBS)"}, "9,9", "9,7")
				row([]string{"Veiligheid"})
				row([]string{"Geweldsmisdrijven per", "1.000 inwoners"}, "2,8", "nnb")
				row([]string{"Winkeldiefstal"}, "1,1", "1,4")
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				wantRow(t, tb, 0, "Indicator", "2022", "2023")
				wantRow(t, tb, 1, "Aantal inwoners", "12.400", "12.510")
				wantRow(t, tb, 2, "Aantal jongeren met jeugdhulp per 1.000 jongeren tot 18 jaar (bron CBS)", "9,9", "9,7")
				wantRow(t, tb, 3, "Veiligheid", "", "")
				wantRow(t, tb, 4, "Geweldsmisdrijven per 1.000 inwoners", "2,8", "nnb")
				wantRow(t, tb, 5, "Winkeldiefstal", "1,1", "1,4")
			},
		},
		{
			name: "ruled table with a two-level header",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				d.text(b, 40, 60, 14, "Financieel overzicht")
				d.text(b, 40, 85, 9, "(x € 1.000)")
				xs := []float64{40, 260, 310, 360, 410, 460, 510, 560}
				ys := []float64{95, 110, 125}
				d.text(b, 44, 106, 9, "Programma")
				d.text(b, 302, 106, 9, "Realisatie 2021")
				d.text(b, 455, 106, 9, "Begroting 2022")
				for i, h := range []string{"Baten", "Lasten", "Saldo", "Baten", "Lasten", "Saldo"} {
					d.right(b, xs[i+2]-4, 121, 9, h)
				}
				rows := [][]string{
					{"Bestuur", "1.200", "-3.400", "-2.200", "1.250", "-3.300", "-2.050"},
					{"Sociaal domein en zorg voor", "5.000", "-9.000", "-4.000", "5.100", "-9.300", "-4.200"},
					{"Totaal van alle programma's en posten", "6.200", "-12.400", "-6.200", "6.350", "-12.600", "-6.250"},
				}
				y := 125.0
				for ri, r := range rows {
					// The wrapped line stands as far below as the next row
					// and starts in upper case: only the rules tell.
					h := 15.0
					if ri == 1 {
						h = 30
					}
					ys = append(ys, y+h)
					d.text(b, 44, y+11, 9, r[0])
					if ri == 1 {
						d.text(b, 44, y+26, 9, "Inkomen")
					}
					for i, v := range r[1:] {
						d.right(b, xs[i+2]-4, y+11, 9, v)
					}
					y += h
				}
				for _, yy := range ys {
					d.rule(b, xs[0], yy, xs[len(xs)-1], yy)
				}
				for i, x := range xs {
					top := ys[0]
					if i > 1 && i != 4 && i != len(xs)-1 {
						top = ys[1]
					}
					d.rule(b, x, top, x, ys[len(ys)-1])
				}
				d.text(b, 40, y+30, 10, "De lasten stijgen door hogere kosten van jeugdzorg en bijstand in het hele jaar.")
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if os.Getenv("PDFTABLE_POPPLER") != "" {
					t.Skip("pdftotext gives no rules")
				}
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				if tb.HeaderRows != 2 {
					t.Fatalf("header rows %d, want 2: %q %q", tb.HeaderRows, rowTexts(tb, 0), rowTexts(tb, 1))
				}
				wantRow(t, tb, 0, "Programma", "Realisatie 2021", "Realisatie 2021", "Realisatie 2021", "Begroting 2022", "Begroting 2022", "Begroting 2022")
				wantRow(t, tb, 1, "", "Baten", "Lasten", "Saldo", "Baten", "Lasten", "Saldo")
				wantRow(t, tb, 3, "Sociaal domein en zorg voor Inkomen", "5.000", "-9.000", "-4.000", "5.100", "-9.300", "-4.200")
				if c := tb.Rows[0][1]; !c.Origin || c.ColSpan != 3 || !c.Header {
					t.Errorf("spanning header cell %+v", c)
				}
				if c := tb.Rows[0][2]; c.Origin {
					t.Errorf("covered header cell has Origin set: %+v", c)
				}
				if tb.UnitLine != "(x € 1.000)" {
					t.Errorf("unit line %q", tb.UnitLine)
				}
				if len(tb.Rows) != 5 {
					t.Errorf("rows %d, want 5", len(tb.Rows))
				}
			},
		},
		{
			name: "table over a page break, header not repeated, V/N apart",
			build: func() []byte {
				d := newPDF(595, 842)
				labels := []string{"Bestuur", "Veiligheid", "Verkeer en vervoer", "Economie", "Onderwijs", "Sport en cultuur",
					"Sociaal domein", "Volksgezondheid", "Wonen en bouwen", "Algemene dekking"}
				b := d.page()
				d.text(b, 50, 640, 14, "Overzicht per programma")
				d.text(b, 50, 670, 9, "Programma")
				d.right(b, 330, 670, 9, "Begroting")
				d.right(b, 420, 670, 9, "Rekening")
				d.right(b, 500, 670, 9, "Verschil")
				y := 688.0
				for i, l := range labels {
					if i == 6 {
						b = d.page()
						y = 60
					}
					d.text(b, 50, y, 9, l)
					d.right(b, 330, y, 9, amount(1000+i*211))
					d.right(b, 420, y, 9, amount(990+i*205))
					d.right(b, 490, y, 9, fmt.Sprint(10+i*6))
					d.text(b, 512, y, 9, []string{"V", "N"}[i%2])
					y += 15
				}
				d.text(b, 50, y+30, 10, "Toelichting op de verschillen volgt per programma in de paragrafen hierna.")
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				if tb.HeaderRows != 1 || len(tb.Rows) != 11 || tb.Width() != 4 {
					t.Fatalf("header rows %d, rows %d, width %d; want 1, 11, 4", tb.HeaderRows, len(tb.Rows), tb.Width())
				}
				wantRow(t, tb, 0, "Programma", "Begroting", "Rekening", "Verschil")
				wantRow(t, tb, 1, "Bestuur", "1.000", "990", "10 V")
				wantRow(t, tb, 7, "Sociaal domein", amount(1000+6*211), amount(990+6*205), "46 V")
				wantRow(t, tb, 10, "Algemene dekking", amount(1000+9*211), amount(990+9*205), "64 N")
				if tb.Rows[6][1].Page != 1 || tb.Rows[7][1].Page != 2 {
					t.Errorf("pages of rows 6 and 7: %d, %d", tb.Rows[6][1].Page, tb.Rows[7][1].Page)
				}
			},
		},
		{
			name: "label wrapped over a page break",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				d.text(b, 50, 640, 9, "Indicator")
				d.right(b, 450, 640, 9, "Begroting 2017")
				d.right(b, 530, 640, 9, "Resultaat 2017")
				long := [2]string{"Aantal inwoners dat hulp en ondersteuning ontvangt via vrij", "toegankelijke voorzieningen"}
				y := 658.0
				for i := 0; i < 9; i++ {
					if i == 6 {
						b = d.page()
						y = 60
					}
					label := postName(i)
					if i == 5 {
						// The last row of the page wraps; its second line
						// opens the next page.
						label = long[0]
					}
					d.text(b, 50, y, 9, label)
					d.right(b, 450, y, 9, amount(300+i*97))
					d.right(b, 530, y, 9, amount(310+i*89))
					y += 15
					if i == 5 {
						b = d.page()
						y = 60
						d.text(b, 50, y, 9, long[1])
						y += 15
						i++
						d.text(b, 50, y, 9, "Werk en inkomen")
						y += 15
					}
				}
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 1 {
					t.Fatalf("found %d tables, want 1", len(found))
				}
				tb := found[0].Table
				if len(tb.Rows) != 10 {
					for r := range tb.Rows {
						t.Log(rowTexts(tb, r))
					}
					t.Fatalf("rows %d, want 10", len(tb.Rows))
				}
				wantRow(t, tb, 6, "Aantal inwoners dat hulp en ondersteuning ontvangt via vrij toegankelijke voorzieningen", amount(300+5*97), amount(310+5*89))
				wantRow(t, tb, 7, "Werk en inkomen", "", "")
				wantRow(t, tb, 8, postName(7), amount(300+7*97), amount(310+7*89))
			},
		},
		{
			name: "justified prose with figures is no table",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				lines := [][]string{
					{"In", "2022", "telde", "de", "gemeente", "12.400", "inwoners,", "ruim"},
					{"300", "meer", "dan", "in", "2021;", "het", "aantal", "woningen"},
					{"steeg", "met", "1,8%", "naar", "5.210", "en", "de", "bijstand"},
				}
				for i, ws := range lines {
					x := 50.0
					for _, w := range ws {
						d.text(b, x, 100+float64(i)*13, 10, w)
						x += helvWidth(w, 10) + 9 // wide justified spaces
					}
				}
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 0 {
					t.Errorf("found %d tables in prose", len(found))
				}
			},
		},
		{
			name: "two tables apart, a paragraph between",
			build: func() []byte {
				d := newPDF(595, 842)
				b := d.page()
				table := func(y float64, head string, cols []string, n int) float64 {
					d.text(b, 50, y, 9, head)
					for i, c := range cols {
						d.right(b, 300+float64(i)*70, y, 9, c)
					}
					for r := 0; r < n; r++ {
						y += 15
						d.text(b, 50, y, 9, fmt.Sprintf("Regel %d", r+1))
						for i := range cols {
							d.right(b, 300+float64(i)*70, y, 9, fmt.Sprintf("%d,%d", r+i, r))
						}
					}
					return y
				}
				y := table(80, "Indicator", []string{"2021", "2022"}, 4)
				d.text(b, 50, y+30, 10, "Het aantal meldingen is in het afgelopen jaar licht gestegen, vooral in de kernen.")
				d.text(b, 50, y+43, 10, "Daarom zetten we in op preventie en op samenwerking met de partners in de wijk.")
				table(y+80, "Kengetal", []string{"Norm", "2021", "2022"}, 3)
				return d.bytes()
			},
			check: func(t *testing.T, pages []pdftext.Page, found []Found) {
				if len(found) != 2 {
					t.Fatalf("found %d tables, want 2", len(found))
				}
				if found[0].Table.Width() != 3 || len(found[0].Table.Rows) != 5 {
					t.Errorf("first table %dx%d", len(found[0].Table.Rows), found[0].Table.Width())
				}
				if found[1].Table.Width() != 4 || len(found[1].Table.Rows) != 4 {
					t.Errorf("second table %dx%d", len(found[1].Table.Rows), found[1].Table.Width())
				}
				for _, f := range found {
					for ref := range f.Words {
						if w := pages[ref.Page-1].Words[ref.Index]; strings.Contains(w.Text, "preventie") {
							t.Errorf("table took paragraph word %q", w.Text)
						}
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := readPDF(t, tt.build())
			found := Find(pages)
			for _, f := range found {
				checkGrid(t, tt.name, f)
			}
			defer func() {
				if t.Failed() || os.Getenv("PDFTABLE_VERBOSE") != "" {
					for i, f := range found {
						for r := range f.Table.Rows {
							t.Logf("table %d: %q", i, rowTexts(f.Table, r))
						}
					}
				}
			}()
			tt.check(t, pages, found)
		})
	}
}
