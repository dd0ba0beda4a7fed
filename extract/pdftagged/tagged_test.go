package pdftagged_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
)

func TestMain(m *testing.M) {
	// extract.PDF reads through pdfguard, whose workers are this test
	// binary started again; pdfguard's init serves them before this runs.
	os.Exit(m.Run())
}

func TestRead(t *testing.T) {
	tables, err := pdftagged.Read(context.Background(), wordTable(""))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(tables))
	}
	tab := tables[0]
	type cell struct {
		header           bool
		rowSpan, colSpan int
		refs             int
		page             int
	}
	want := [][]cell{
		{{true, 2, 1, 1, 1}, {true, 1, 2, 1, 1}, {true, 2, 1, 1, 1}},
		{{true, 1, 1, 1, 1}, {true, 1, 1, 1, 1}},
		{{false, 1, 1, 2, 1}, {false, 1, 1, 1, 1}, {false, 1, 1, 1, 1}, {false, 1, 1, 1, 1}},
		{{false, 1, 1, 1, 1}, {false, 1, 1, 1, 1}, {false, 1, 1, 1, 1}, {false, 1, 1, 1, 1}},
		{{false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}},
		{{false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}, {false, 1, 1, 1, 2}},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(tab.Rows), len(want))
	}
	for r, row := range tab.Rows {
		if row.Head != (r < 2) {
			t.Errorf("row %d: Head %v", r, row.Head)
		}
		if len(row.Cells) != len(want[r]) {
			t.Errorf("row %d: %d cells, want %d", r, len(row.Cells), len(want[r]))
			continue
		}
		for c, got := range row.Cells {
			g := cell{got.Header, got.RowSpan, got.ColSpan, len(got.Content), 0}
			if len(got.Content) > 0 {
				g.page = got.Content[0].Page
			}
			if g != want[r][c] {
				t.Errorf("row %d col %d: %+v, want %+v", r, c, g, want[r][c])
			}
		}
	}
	// The first body row's label is two pieces of marked content, in order.
	if got := tab.Rows[2].Cells[0].Content; got[0].MCID+1 != got[1].MCID {
		t.Errorf("label content %v", got)
	}
}

// Hostile trees end in bounded time; the table is found where it can
// be, and never twice.
func TestReadHostile(t *testing.T) {
	tests := []struct {
		mode   string
		tables int
		err    bool
	}{
		{"cycle", 1, false}, // found, but its cells hold no content
		{"deep", 0, false},
		{"wide", 1, false}, // the self-references are skipped at once
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			start := time.Now()
			tables, err := pdftagged.Read(context.Background(), wordTable(tt.mode))
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if (err != nil) != tt.err || len(tables) != tt.tables {
				t.Errorf("got %d tables, err %v; want %d tables, error %v", len(tables), err, tt.tables, tt.err)
			}
			for _, tab := range tables {
				if tt.mode == "cycle" {
					for _, r := range tab.Rows {
						for _, c := range r.Cells {
							if len(c.Content) > 0 {
								t.Errorf("cyclic cell has content %v", c.Content)
							}
						}
					}
				}
			}
		})
	}
}

func TestReadUntagged(t *testing.T) {
	for _, data := range [][]byte{
		[]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
		[]byte("not a pdf"),
		nil,
	} {
		tables, _ := pdftagged.Read(context.Background(), data)
		if len(tables) != 0 {
			t.Errorf("%q: got %d tables", data, len(tables))
		}
	}
}
