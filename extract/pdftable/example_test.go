package pdftable_test

import (
	"fmt"

	"github.com/jaarzoek/jaarzoek/extract/pdftable"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// page lays out text lines as words: each line is a baseline and runs of
// text, each run starting at an x and split into words 5 points apart.
func page(lines ...[]any) pdftext.Page {
	p := pdftext.Page{Number: 1, Width: 595, Height: 842, Trusted: true}
	for _, l := range lines {
		y := l[0].(float64)
		for i := 1; i+1 < len(l); i += 2 {
			x := l[i].(float64)
			for _, w := range splitWords(l[i+1].(string)) {
				width := 5.0 * float64(len([]rune(w)))
				p.Words = append(p.Words, pdftext.Word{Text: w, X0: x, X1: x + width, Y0: y - 9, Y1: y + 2, Base: y, Size: 10})
				x += width + 3
			}
		}
	}
	return p
}

func splitWords(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		if r == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func ExampleFind() {
	p := page(
		[]any{100.0, 50.0, "bedragen x € 1.000"},
		[]any{116.0, 50.0, "Programma", 250.0, "2021", 320.0, "2022"},
		[]any{132.0, 50.0, "Lasten"},
		[]any{148.0, 50.0, "1.1 Thema", 240.0, "-7.882", 310.0, "-7.020"},
		[]any{160.0, 50.0, "Jeugd"},
		[]any{176.0, 50.0, "1.2 Thema Zorg", 240.0, "-6.242", 305.0, "- 328 N"},
	)
	for _, f := range pdftable.Find([]pdftext.Page{p}) {
		fmt.Printf("unit %q, %d header row\n", f.Table.UnitLine, f.Table.HeaderRows)
		for _, row := range f.Table.Rows {
			var cells []string
			for _, c := range row {
				cells = append(cells, c.Text)
			}
			fmt.Printf("%q\n", cells)
		}
	}
	// Output:
	// unit "bedragen x € 1.000", 1 header row
	// ["Programma" "2021" "2022"]
	// ["Lasten" "" ""]
	// ["1.1 Thema Jeugd" "-7.882" "-7.020"]
	// ["1.2 Thema Zorg" "-6.242" "- 328 N"]
}
