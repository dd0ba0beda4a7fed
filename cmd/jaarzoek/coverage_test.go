package main

import (
	"bytes"
	"testing"

	"github.com/jaarzoek/jaarzoek/index"
)

// TestCoverageMatrix shows a missing year as "·", failures in the cell,
// and the sources whose gemeente or year was not detected under "?".
func TestCoverageMatrix(t *testing.T) {
	cells := []index.CoverageCell{
		{Gemeente: "", DocYear: 0, DocKind: "", Documents: 1, Failed: 1},
		{Gemeente: "Houten", DocYear: 2018, DocKind: "begroting", Documents: 2},
		{Gemeente: "Houten", DocYear: 2018, DocKind: "jaarstukken", Documents: 1},
		{Gemeente: "Houten", DocYear: 2020, DocKind: "jaarstukken", Documents: 3, Failed: 1},
		{Gemeente: "Losser", DocYear: 2019, DocKind: "nieuws", Documents: 1},
	}
	var out bytes.Buffer
	if err := writeCoverageMatrix(&out, cells); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"gemeente  2018                        2019      2020                      ?\n" +
		"?         ·                           ·         ·                         ? 1 (1 failed)\n" +
		"Houten    begroting 2, jaarstukken 1  ·         jaarstukken 3 (1 failed)  ·\n" +
		"Losser    ·                           nieuws 1  ·                         ·\n"
	if got := out.String(); got != want {
		t.Errorf("matrix:\n%s\nwant:\n%s", got, want)
	}
}
