package pdftagged

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	tabs, err := Read(context.Background(), data)
	fmt.Println("err", err, len(tabs))
	pages, _ := pdftext.Read(context.Background(), data)
	words := map[Ref]string{}
	for _, p := range pages {
		for _, w := range p.Words {
			if w.HasMCID {
				words[Ref{p.Number, w.MCID}] += w.Text + " "
			}
		}
	}
	for i, tb := range tabs {
		fmt.Println("TABLE", i, "caption", tb.Caption)
		for _, r := range tb.Rows {
			fmt.Print(" head=", r.Head, " |")
			for _, c := range r.Cells {
				txt := ""
				for _, ref := range c.Content {
					txt += words[ref]
				}
				fmt.Printf(" %v%d/%d[%s] %v|", map[bool]string{true: "TH"}[c.Header], c.RowSpan, c.ColSpan, txt, c.Content)
			}
			fmt.Println()
		}
	}
}
