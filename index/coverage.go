package index

import (
	"cmp"
	"context"
	"slices"
)

// A CoverageCell sums the sources of one gemeente, year and kind.
type CoverageCell struct {
	Gemeente     string `json:"gemeente"` // empty when not detected
	GemeenteCode string `json:"gemeente_code"`
	DocYear      int    `json:"doc_year"` // 0 when not detected
	DocKind      string `json:"doc_kind"` // empty when not detected
	Documents    int    `json:"documents"`
	Done         int    `json:"done"`
	Failed       int    `json:"failed"`
	Pages        int    `json:"pages"`
	Passages     int    `json:"passages"`
	Figures      int    `json:"figures"`
	Warnings     int    `json:"warnings"`
	// Gaps counts the sources whose gemeente, year or kind detection
	// could not decide.
	Gaps int `json:"gaps"`
	// Failures are the sources that failed, with their reasons.
	Failures []DocStatus `json:"failures,omitempty"`
}

// Coverage sums the document statuses per gemeente, doc_year and doc_kind,
// sorted by gemeente, year and kind.
func (ix *Index) Coverage(ctx context.Context) ([]CoverageCell, error) {
	type key struct {
		g, code, kind string
		year          int
	}
	cells := map[key]*CoverageCell{}
	for st, err := range ix.Statuses(ctx) {
		if err != nil {
			return nil, err
		}
		k := key{st.Gemeente, st.GemeenteCode, st.DocKind, st.DocYear}
		c := cells[k]
		if c == nil {
			c = &CoverageCell{Gemeente: st.Gemeente, GemeenteCode: st.GemeenteCode, DocYear: st.DocYear, DocKind: st.DocKind}
			cells[k] = c
		}
		c.Documents++
		if st.Status == StatusFailed {
			c.Failed++
			c.Failures = append(c.Failures, st)
		} else {
			c.Done++
			c.Pages += st.Pages
			c.Passages += st.Passages
			c.Figures += st.Records
			c.Warnings += st.Warnings
		}
		if len(st.Gaps) > 0 {
			c.Gaps++
		}
	}
	out := make([]CoverageCell, 0, len(cells))
	for _, c := range cells {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b CoverageCell) int {
		return cmp.Or(cmp.Compare(a.Gemeente, b.Gemeente), cmp.Compare(a.DocYear, b.DocYear), cmp.Compare(a.DocKind, b.DocKind))
	})
	return out, nil
}
