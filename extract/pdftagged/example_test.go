package pdftagged_test

import (
	"context"
	"fmt"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// Read gives the structure of the tagged tables; Build fills the grid
// from the words of the pages.
func Example() {
	data := wordTable("")
	ctx := context.Background()
	pages, _ := pdftext.Read(ctx, data)
	tables, _ := pdftagged.Read(ctx, data)
	for _, f := range pdftagged.Build(pages, tables) {
		t := f.Table
		fmt.Printf("page %d, %q, %d header rows\n", t.Page, t.UnitLine, t.HeaderRows)
		for _, row := range t.Rows {
			var cells []string
			for _, c := range row {
				cells = append(cells, c.Text)
			}
			fmt.Printf("%q\n", cells)
		}
	}
	// Output:
	// page 1, "bedragen x € 1.000", 2 header rows
	// ["Indicator" "Realisatie" "Realisatie" "Begroting 2023"]
	// ["Indicator" "2021" "2022" "Begroting 2023"]
	// ["Lasten jeugdhulp" "1.234" "1.456" "1.500"]
	// ["Aantal jongeren met jeugdhulp" "512" "498" "505"]
	// ["Baten" "300" "310" "320"]
	// ["Percentage bereikt" "85%" "87%" "90%"]
}
