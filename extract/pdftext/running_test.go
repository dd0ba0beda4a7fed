package pdftext

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestRunningStrict draws the same lines on every page of a small document
// and checks which come out Running: headers, footers and page numbers do;
// table rows that happen to stand in the margin band on every page do not.
func TestRunningStrict(t *testing.T) {
	type line struct {
		x, y    int                // PDF user space, y from the bottom of a 792 pt page
		text    func(p int) string // the line's text on page p (from 1)
		running bool
	}
	fixed := func(s string) func(int) string { return func(int) string { return s } }
	tests := []struct {
		name  string
		pages int
		lines []line
	}{
		{"header and footer", 4, []line{
			{50, 760, fixed("Jaarstukken 2022"), true},
			{50, 400, func(p int) string { return fmt.Sprintf("Tekst %d", p) }, false},
			{280, 30, func(p int) string { return fmt.Sprintf("Pagina %d van 4", p) }, true},
		}},
		{"page numbers with an offset", 4, []line{
			{50, 400, fixed("Tekst"), false},
			{300, 30, func(p int) string { return fmt.Sprint(p + 10) }, true},
		}},
		{"amounts in the bottom band", 4, []line{
			{50, 400, fixed("Tekst"), false},
			{50, 100, fixed("Totaal baten"), false},
			{300, 100, func(p int) string { return fmt.Sprint(37*p + 5) }, false},
			{400, 100, func(p int) string { return fmt.Sprint(p + 30) }, false},
			{280, 30, func(p int) string { return fmt.Sprintf("Pagina %d", p) }, true},
		}},
		{"repeated header row of years", 4, []line{
			{50, 770, fixed("Gemeente Voorbeeld"), true},
			{50, 740, fixed("Omschrijving"), false},
			{300, 740, fixed("2021"), false},
			{400, 740, fixed("2022"), false},
		}},
		{"fixed row below varying content", 4, []line{
			{50, 760, func(p int) string { return fmt.Sprintf("Hoofdstuk %d", 3*p) }, false},
			{50, 730, fixed("Totaal lasten"), false},
		}},
		{"page label of a single page", 1, []line{
			{50, 760, fixed("Jaarstukken 2022"), false},
			{50, 400, fixed("Tekst"), false},
			{280, 30, fixed("Pagina 1 van 1"), true},
		}},
		{"page number alone on short pages", 2, []line{
			{50, 400, func(p int) string { return fmt.Sprintf("Tekst %d", p) }, false},
			{300, 30, func(p int) string { return fmt.Sprint(p) }, true},
		}},
		{"figure in the last table row is no page number", 1, []line{
			{50, 400, fixed("Tekst"), false},
			{50, 60, fixed("Elke kern een locatie"), false},
			{300, 60, fixed("1"), false},
			{280, 30, fixed("Pagina 1 van 1"), true},
		}},
		{"number not following the page", 4, []line{
			{50, 400, fixed("Tekst"), false},
			{50, 30, func(p int) string { return fmt.Sprintf("Programma %d", 2*p) }, false},
		}},
	}
	res := "/Font << /F1 " + helvetica + " >>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages []testPage
			for p := 1; p <= tt.pages; p++ {
				var c strings.Builder
				for _, l := range tt.lines {
					fmt.Fprintf(&c, "BT /F1 9 Tf %d %d Td (%s) Tj ET\n", l.x, l.y, l.text(p))
				}
				pages = append(pages, testPage{resources: res, content: c.String()})
			}
			got, err := Read(context.Background(), (&pdfBuilder{}).build(pages, ""))
			if err != nil {
				t.Fatal(err)
			}
			for _, pg := range got {
				for _, l := range tt.lines {
					base := 792 - float64(l.y)
					n := 0
					fields := strings.Fields(l.text(pg.Number))
					for _, w := range pg.Words {
						if w.Base < base-1 || w.Base > base+1 || w.X0 < float64(l.x)-1 || !slices.Contains(fields, w.Text) {
							continue
						}
						n++
						if w.Running != l.running {
							t.Errorf("page %d %q: Running = %v, want %v", pg.Number, w.Text, w.Running, l.running)
						}
					}
					if n == 0 {
						t.Errorf("page %d: no word of %q", pg.Number, l.text(pg.Number))
					}
				}
			}
		})
	}
}

func TestPageLabel(t *testing.T) {
	tests := []struct {
		text string
		page int
		want bool
	}{
		{"Pagina 3 van 12", 3, true},
		{"Pagina 37 van 120", 1, true},
		{"Page 2 of 9", 2, true},
		{"3 / 12", 3, true},
		{"- 4 -", 4, true},
		{"4", 4, true},
		{"5", 4, false},
		{"Pagina 13 van 12", 13, false},
		{"Pagina \u0663", 3, false},
		{"Totaal 4", 4, false},
		{"2021 2022", 1, false},
	}
	for _, tt := range tests {
		if got := pageLabel(strings.Fields(tt.text), tt.page); got != tt.want {
			t.Errorf("pageLabel(%q, %d) = %v, want %v", tt.text, tt.page, got, tt.want)
		}
	}
}
