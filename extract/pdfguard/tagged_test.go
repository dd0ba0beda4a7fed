package pdfguard

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// Engines whose structure-tree reading succeeds, panics, or fails after
// some tables. Package-level, so that workers know them too.
var (
	taggedTables = []pdftagged.Table{{Rows: []pdftagged.Row{
		{Head: true, Cells: []pdftagged.Cell{{Header: true, RowSpan: 1, ColSpan: 2, Content: []pdftagged.Ref{{Page: 1, MCID: 0}}}}},
		{Cells: []pdftagged.Cell{{RowSpan: 1, ColSpan: 1, Content: []pdftagged.Ref{{Page: 1, MCID: 1}}}, {RowSpan: 1, ColSpan: 1}}},
	}}}
	engTagged       = taggedEngine("test-tagged", func() ([]pdftagged.Table, error) { return taggedTables, nil })
	engTaggedPanic  = taggedEngine("test-tagged-panic", func() ([]pdftagged.Table, error) { panic("bad tree") })
	engTaggedCutOff = taggedEngine("test-tagged-cut", func() ([]pdftagged.Table, error) {
		return taggedTables, errors.New("tree too large")
	})
)

func taggedEngine(name string, tagged func() ([]pdftagged.Table, error)) engine {
	e := engine{
		Name: name,
		Read: func(ctx context.Context, data []byte) ([]pdftext.Page, pdftext.Info, error) {
			return []pdftext.Page{{Number: 1, Trusted: true, Words: []pdftext.Word{{Text: "Lasten", MCID: 0, HasMCID: true}, {Text: "1.234", MCID: 1, HasMCID: true}}}}, pdftext.Info{}, nil
		},
		Tagged: func(ctx context.Context, data []byte) ([]pdftagged.Table, error) { return tagged() },
	}
	known[name] = e
	return e
}

func TestReadTagged(t *testing.T) {
	tests := []struct {
		name string
		eng  engine
		want []pdftagged.Table
	}{
		{"tables", engTagged, taggedTables},
		{"panic loses only the tables", engTaggedPanic, nil},
		{"tables read before a limit", engTaggedCutOff, taggedTables},
	}
	for _, tt := range tests {
		for _, inProcess := range []bool{false, true} {
			name := tt.name + map[bool]string{false: "/worker", true: "/inprocess"}[inProcess]
			t.Run(name, func(t *testing.T) {
				res, err := readWith(context.Background(), []byte("data"), Options{InProcess: inProcess}, []engine{tt.eng})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(res.Tagged, tt.want) {
					t.Errorf("Tagged %+v, want %+v", res.Tagged, tt.want)
				}
				if w := res.Pages[0].Words[1]; !w.HasMCID || w.MCID != 1 {
					t.Errorf("word %+v lost its MCID", w)
				}
			})
		}
	}
}
