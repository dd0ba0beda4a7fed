package extract

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// FuzzHTML checks that no input makes HTML panic and that every table it
// returns is a rectangular grid with each cell where its Pos says. The
// corpus under testdata/fuzz/FuzzHTML keeps inputs found by -fuzz runs;
// the seeds are the golden cases. The corpus pages are large seeds: run with -fuzzminimizetime 5s or so, or
// minimizing each new input found takes minutes.
func FuzzHTML(f *testing.F) {
	for _, file := range htmlCases(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte(`<table><tr><td rowspan=0 colspan=3>a<td rowspan=2>b<tr><td colspan=0>c</table>`), "text/html; charset=latin1")
	f.Add([]byte("<p>\x80\xb9</p>"), "text/html; charset=utf-8")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		doc, err := HTML(context.Background(), model.Raw{Data: data, ContentType: contentType})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotHTML) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}
