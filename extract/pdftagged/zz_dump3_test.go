package pdftagged

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

func TestZZWords(t *testing.T) {
	f := os.Getenv("WORDS")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	pages, _ := pdftext.Read(context.Background(), data)
	for _, p := range pages {
		for _, w := range p.Words {
			fmt.Printf("p%d mc=%v/%d %q x=%.1f-%.1f base=%.1f size=%.1f run=%v\n", p.Number, w.HasMCID, w.MCID, w.Text, w.X0, w.X1, w.Base, w.Size, w.Running)
		}
	}
}
