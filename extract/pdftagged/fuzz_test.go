package pdftagged_test

import (
	"context"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// FuzzRead checks that no input panics, hangs or gives a cell outside its
// table: Read and Build on the tagged test files and mutations of them.
func FuzzRead(f *testing.F) {
	// "deep" is left out: its size slows every run of the fuzzer.
	for _, mode := range []string{"", "cycle", "wide", "partial"} {
		f.Add(wordTable(mode))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		tables, _ := pdftagged.Read(ctx, data)
		for _, tab := range tables {
			for _, r := range tab.Rows {
				for _, c := range r.Cells {
					if c.RowSpan < 1 || c.ColSpan < 1 {
						t.Fatalf("span %d×%d", c.RowSpan, c.ColSpan)
					}
				}
			}
		}
		pages, _ := pdftext.Read(ctx, data)
		for _, fd := range pdftagged.Build(pages, tables) {
			w := fd.Table.Width()
			for r, row := range fd.Table.Rows {
				if len(row) != w {
					t.Fatalf("row %d has %d cells, table %d", r, len(row), w)
				}
				for c, cell := range row {
					if cell.Row != r || cell.Col != c {
						t.Fatalf("cell at %d,%d says %d,%d", r, c, cell.Row, cell.Col)
					}
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data := wordTable("")
	ctx := context.Background()
	pages, _ := pdftext.Read(ctx, data)
	b.ResetTimer()
	for b.Loop() {
		tables, _ := pdftagged.Read(ctx, data)
		pdftagged.Build(pages, tables)
	}
}
