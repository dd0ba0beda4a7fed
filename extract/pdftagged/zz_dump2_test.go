package pdftagged_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/model"
)

func TestZZDoc(t *testing.T) {
	f := os.Getenv("DOC")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	doc, err := extract.PDF(context.Background(), model.Raw{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables() {
		fmt.Printf("TABLE %d page %d caption %q unit %q head %d notes %q\n", tb.Index, tb.Page, tb.Caption, tb.UnitLine, tb.HeaderRows, tb.Notes)
		for _, r := range tb.Rows {
			fmt.Print("  ")
			for _, c := range r {
				fl := ""
				if c.Header {
					fl += "H"
				}
				if c.Bold {
					fl += "B"
				}
				if !c.Origin {
					fl += "~"
				}
				fmt.Printf("[%s%s] ", fl, c.Text)
			}
			fmt.Println()
		}
	}
}
