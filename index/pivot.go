package index

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
)

// A Pivot lays figures out as one row per gemeente and indicator and one
// column per period. Each cell holds one value even when several copies of
// the report (HTML and PDF, a figure printed twice, a later report quoting
// it) gave it; copies that disagree are kept so the disagreement is shown.
type Pivot struct {
	Periods []int // the columns, ascending
	Rows    []PivotRow
}

// A PivotRow is one gemeente's figures for one indicator.
type PivotRow struct {
	Gemeente     string
	GemeenteCode string
	Indicator    string // the label as printed most often
	IndicatorKey string
	Unit         string
	Scope        string // empty or "gemeente" for the gemeente's own figure
	PeriodKind   string
	Cells        map[int]*PivotCell // by period
}

// A PivotCell is the value of one row in one period.
type PivotCell struct {
	Value  float64
	Record model.Record // the copy the value was taken from
	// Copies counts the records that gave this cell.
	Copies int
	// Conflicts are copies whose value differs from Value, one per
	// distinct value.
	Conflicts []model.Record
}

// NewPivot builds a pivot from records. Records without a value are left
// out. Of the copies of one cell it takes, in this order: the report about
// that period (its doc_year is the period), HTML over PDF, the newest report,
// then the lowest id.
func NewPivot(records []model.Record) *Pivot {
	type rowKey struct{ gemeente, indicator, unit, scope, kind string }
	rows := map[rowKey]*PivotRow{}
	labels := map[rowKey]map[string]int{}
	cands := map[rowKey]map[int][]model.Record{}
	periods := map[int]bool{}
	for _, r := range records {
		if r.Value == nil || r.Status == model.StatusMissing || r.Period == 0 {
			continue
		}
		ind := r.IndicatorKey
		if ind == "" {
			ind = strings.ToLower(r.Indicator)
		}
		g := r.GemeenteCode
		if g == "" {
			g = r.Gemeente
		}
		k := rowKey{g, ind, r.Unit, r.Scope, r.PeriodKind}
		if rows[k] == nil {
			rows[k] = &PivotRow{Gemeente: r.Gemeente, GemeenteCode: r.GemeenteCode, IndicatorKey: r.IndicatorKey,
				Unit: r.Unit, Scope: r.Scope, PeriodKind: r.PeriodKind, Cells: map[int]*PivotCell{}}
			labels[k] = map[string]int{}
			cands[k] = map[int][]model.Record{}
		}
		labels[k][r.Indicator]++
		cands[k][r.Period] = append(cands[k][r.Period], r)
		periods[r.Period] = true
	}
	p := &Pivot{}
	for y := range periods {
		p.Periods = append(p.Periods, y)
	}
	slices.Sort(p.Periods)
	for k, row := range rows {
		row.Indicator = mostCommon(labels[k])
		for period, rs := range cands[k] {
			row.Cells[period] = pivotCell(period, rs)
		}
		p.Rows = append(p.Rows, *row)
	}
	slices.SortFunc(p.Rows, func(a, b PivotRow) int {
		return cmp.Or(cmp.Compare(a.Gemeente, b.Gemeente), cmp.Compare(a.Indicator, b.Indicator),
			cmp.Compare(a.Scope, b.Scope), cmp.Compare(a.PeriodKind, b.PeriodKind), cmp.Compare(a.Unit, b.Unit))
	})
	return p
}

func pivotCell(period int, rs []model.Record) *PivotCell {
	rank := func(r model.Record) int {
		n := 0
		if r.DocYear != period {
			n += 2
		}
		if r.Format != model.FormatHTML {
			n++
		}
		return n
	}
	slices.SortFunc(rs, func(a, b model.Record) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(b.DocYear, a.DocYear), cmp.Compare(a.ID, b.ID))
	})
	c := &PivotCell{Value: *rs[0].Value, Record: rs[0], Copies: len(rs)}
	seen := []float64{c.Value}
	for _, r := range rs[1:] {
		if !slices.ContainsFunc(seen, func(v float64) bool { return sameValue(v, *r.Value) }) {
			seen = append(seen, *r.Value)
			c.Conflicts = append(c.Conflicts, r)
		}
	}
	return c
}

// sameValue treats values that differ only by float noise as equal.
func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func mostCommon(m map[string]int) string {
	best, n := "", -1
	for s, c := range m {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}
