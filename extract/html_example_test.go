package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/model"
)

func ExampleHTML() {
	page := `<html><head><title>Financiën</title></head><body>
<header>Gemeente Houten <nav><a href="/">Home</a></nav></header>
<main><h1>Financiën</h1><h2>Lasten</h2>
<p>(bedragen x € 1.000)</p>
<table>
<tr><th rowspan="2">Programma</th><th colspan="2">Realisatie</th></tr>
<tr><th>2021</th><th>2022</th></tr>
<tr><td>Veiligheid</td><td>2.699</td><td>1.234<sup>2</sup></td></tr>
</table>
<p>2) Inclusief brandweer.</p></main></body></html>`
	doc, err := extract.HTML(context.Background(), model.Raw{Data: []byte(page)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("site:", doc.Site)
	t := doc.Tables()[0]
	fmt.Println("section:", strings.Join(doc.Blocks[2].Section, " > "))
	fmt.Println("unit:", t.UnitLine, "| header rows:", t.HeaderRows, "| notes:", t.Notes)
	for _, row := range t.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, fmt.Sprintf("[%d,%d %q origin=%v marks=%q]", c.Row, c.Col, c.Text, c.Origin, c.Marks))
		}
		fmt.Println(strings.Join(cells, " "))
	}
	// Output:
	// site: Gemeente Houten
	// section: Financiën > Lasten
	// unit: (bedragen x € 1.000) | header rows: 2 | notes: [2) Inclusief brandweer.]
	// [0,0 "Programma" origin=true marks=""] [0,1 "Realisatie" origin=true marks=""] [0,2 "Realisatie" origin=false marks=""]
	// [1,0 "Programma" origin=false marks=""] [1,1 "2021" origin=true marks=""] [1,2 "2022" origin=true marks=""]
	// [2,0 "Veiligheid" origin=true marks=""] [2,1 "2.699" origin=true marks=""] [2,2 "1.234" origin=true marks="2"]
}
