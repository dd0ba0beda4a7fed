package normalize

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
)

// Check values of a Record.
const (
	CheckOK   = "ok"
	CheckFail = "fail"
)

var (
	totalRowRe  = regexp.MustCompile(`(?i)^(sub)?tota(a|le)l?\b|^som\b`)
	saldoRe     = regexp.MustCompile(`(?i)\bsaldo\b`)
	lastenRe    = regexp.MustCompile(`(?i)\blasten\b`)
	batenRe     = regexp.MustCompile(`(?i)\bbaten\b`)
	dashMissing = map[string]bool{"-": true, "--": true, "–": true, "—": true}
)

// tolerance is how far a printed sum may be off: one unit of the printed
// numbers, the rounding of amounts printed in thousands.
const tolerance = 1.0 + 1e-9

// A checker sets Check on the records of one table.
type checker struct {
	recs   []model.Record
	rows   [][]model.Cell
	hr     int
	cols   []column
	group  []bool
	labels []string
	info   [][]cellInfo
	// financial is set for amount tables; elsewhere a sum that does not
	// hold is taken for a relation misread, and nothing is marked.
	financial bool
	// Per row: what its label says.
	isTotal, isSaldo, isLasten, isBaten []bool
}

// checkTable marks the figures that take part in a sum the table prints:
// total rows, saldo rows and columns (baten and lasten), and verschil
// columns. A relation is only checked when it can be told from the labels
// and headers; everything else keeps Check empty.
func checkTable(recs []model.Record, rows [][]model.Cell, hr int, cols []column, group []bool, labels []string, info [][]cellInfo, financial bool) {
	k := &checker{recs: recs, rows: rows, hr: hr, cols: cols, group: group, labels: labels, info: info, financial: financial}
	n := len(rows)
	k.isTotal, k.isSaldo, k.isLasten, k.isBaten = make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
	any := false
	for r, l := range labels {
		if l == "" || group[r] {
			continue
		}
		low := strings.ToLower(l)
		k.isTotal[r] = (strings.HasPrefix(low, "tota") || strings.HasPrefix(low, "subtota") || strings.HasPrefix(low, "som")) && totalRowRe.MatchString(l)
		k.isSaldo[r] = strings.Contains(low, "saldo") && saldoRe.MatchString(l)
		k.isLasten[r] = strings.Contains(low, "lasten") && lastenRe.MatchString(l)
		k.isBaten[r] = strings.Contains(low, "baten") && batenRe.MatchString(l)
		any = any || k.isTotal[r] || k.isSaldo[r]
	}
	if any {
		k.totalRows()
		k.saldoRows()
	}
	k.saldoColumns()
	k.verschilColumns()
}

// value returns the printed value of cell (r, c) for a sum; a dash counts
// as zero in a financial table.
func (k *checker) value(r, c int) (float64, bool) {
	if r < 0 || r >= len(k.info) || k.info[r] == nil {
		return 0, false
	}
	ci := k.info[r][c]
	if ci.rec < 0 {
		return 0, false
	}
	if u := k.recs[ci.rec].Unit; u == model.UnitProcent || u == model.UnitPer1000 || u == model.UnitPer10000 {
		return 0, false
	}
	if ci.ok {
		v := ci.printed
		// An unsigned amount marked N (nadeel) counts against the V ones.
		if v > 0 && strings.Contains(k.recs[ci.rec].Marks, "N") && !strings.Contains(k.recs[ci.rec].Marks, "V") {
			v = -v
		}
		return v, true
	}
	if dashMissing[strings.TrimSpace(k.recs[ci.rec].Raw)] {
		return 0, true
	}
	return 0, false
}

// mark sets the check of the figure at (r, c); a failure is kept over a
// success from another relation.
func (k *checker) mark(r, c int, v string) {
	ci := k.info[r][c]
	if ci.rec < 0 || !ci.ok {
		return
	}
	rec := &k.recs[ci.rec]
	if rec.Check == CheckFail {
		return
	}
	rec.Check = v
}

// valueCols returns the figure columns whose sums can be checked: not
// those of percentages or rates.
func (k *checker) valueCols() []int {
	var cs []int
	for c, col := range k.cols {
		if col.kind == colValue && col.unit == "" {
			cs = append(cs, c)
		}
	}
	return cs
}

// totalRows checks "Totaal …" rows against the data rows above them up to
// the group row or the previous total.
func (k *checker) totalRows() {
	start := k.hr
	for r := k.hr; r < len(k.rows); r++ {
		if k.group[r] {
			start = r + 1
			continue
		}
		if !k.isTotal[r] && !k.isSaldo[r] {
			continue
		}
		if k.isTotal[r] && !k.isSaldo[r] && r-start >= 2 {
			k.total(start, r)
		}
		start = r + 1
	}
}

// total checks total row r against the rows from start up to it, column by
// column.
func (k *checker) total(start, r int) {
	type result struct {
		c   int
		res string
	}
	var results []result
	for _, c := range k.valueCols() {
		total, ok := k.value(r, c)
		if !ok {
			continue
		}
		sum, all := 0.0, true
		for i := start; i < r; i++ {
			v, ok := k.value(i, c)
			if !ok {
				all = false
				break
			}
			sum += v
		}
		if !all {
			continue
		}
		res := CheckOK
		if math.Abs(sum-total) > tolerance {
			if !k.financial {
				return
			}
			res = CheckFail
		}
		results = append(results, result{c, res})
	}
	for _, x := range results {
		for i := start; i <= r; i++ {
			k.mark(i, x.c, x.res)
		}
	}
}

// saldoRows checks a "Saldo" row against the nearest lasten and baten rows
// above it (saldo = baten − lasten, or the sum when one side is printed
// negative).
func (k *checker) saldoRows() {
	prev := k.hr
	for r := k.hr; r < len(k.rows); r++ {
		if k.group[r] || !k.isSaldo[r] {
			continue
		}
		lr, br := -1, -1
		for i := r - 1; i >= prev; i-- {
			if k.group[i] || k.isSaldo[i] {
				continue
			}
			hasL, hasB := k.isLasten[i], k.isBaten[i]
			if hasL && !hasB && lr < 0 {
				lr = i
			}
			if hasB && !hasL && br < 0 {
				br = i
			}
		}
		prev = r + 1
		if lr < 0 || br < 0 {
			continue
		}
		for _, c := range k.valueCols() {
			k.saldo(r, lr, br, c, c, c)
		}
	}
}

// saldo checks saldo (rs, cs) against lasten (rl, cl) and baten (rb, cb).
func (k *checker) saldo(rs, rl, rb, cs, cl, cb int) {
	s, ok1 := k.value(rs, cs)
	l, ok2 := k.value(rl, cl)
	b, ok3 := k.value(rb, cb)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	// A row filling in only one of the three (a reserve mutation booked
	// under baten, its saldo printed elsewhere) states no saldo.
	nonZero := 0
	for _, x := range []float64{s, l, b} {
		if x != 0 {
			nonZero++
		}
	}
	if nonZero < 2 {
		return
	}
	res := CheckFail
	for _, want := range []float64{b - l, l - b, b + l} {
		if math.Abs(s-want) <= tolerance {
			res = CheckOK
			break
		}
	}
	k.mark(rs, cs, res)
	k.mark(rl, cl, res)
	k.mark(rb, cb, res)
}

// saldoColumns checks "Saldo" columns against the "Lasten" and "Baten"
// columns under the same upper header.
func (k *checker) saldoColumns() {
	type trio struct{ l, b, s int }
	groups := map[string]*trio{}
	var order []string
	for _, c := range k.valueCols() {
		h := k.cols[c].header
		up, last := "", strings.ToLower(h)
		if i := strings.LastIndex(h, " > "); i >= 0 {
			up, last = h[:i], strings.ToLower(h[i+3:])
		}
		g := groups[up]
		if g == nil {
			g = &trio{-1, -1, -1}
			groups[up] = g
			order = append(order, up)
		}
		toks := headerTokens(last)
		switch {
		case slices.Contains(toks, "saldo"):
			g.s = c
		case slices.Contains(toks, "lasten"):
			g.l = c
		case slices.Contains(toks, "baten"):
			g.b = c
		}
	}
	for _, up := range order {
		g := groups[up]
		if g.l < 0 || g.b < 0 || g.s < 0 {
			continue
		}
		for r := k.hr; r < len(k.rows); r++ {
			if !k.group[r] {
				k.saldo(r, r, r, g.s, g.l, g.b)
			}
		}
	}
}

// verschilColumns checks each afwijking column against the pair of value
// columns whose difference it prints in most rows (its sign may follow
// voordeel/nadeel, so either order counts). The pair must fit at least two
// rows and two thirds of the rows with figures.
func (k *checker) verschilColumns() {
	vcs := k.valueCols()
	for _, v := range vcs {
		if k.cols[v].pkind != model.PeriodAfwijking {
			continue
		}
		bestA, bestB, best, bestN := -1, -1, -1, 0
		for ai, a := range vcs {
			for _, b := range vcs[ai+1:] {
				if a == v || b == v || k.cols[a].pkind == model.PeriodAfwijking || k.cols[b].pkind == model.PeriodAfwijking {
					continue
				}
				fit, n := 0, 0
				for r := k.hr; r < len(k.rows); r++ {
					d, ok1 := k.value(r, v)
					x, ok2 := k.value(r, a)
					y, ok3 := k.value(r, b)
					if !ok1 || !ok2 || !ok3 {
						continue
					}
					n++
					if math.Abs(math.Abs(x-y)-math.Abs(d)) <= tolerance {
						fit++
					}
				}
				if fit > best {
					bestA, bestB, best, bestN = a, b, fit, n
				}
			}
		}
		if best < 2 || best*3 < bestN*2 {
			continue
		}
		for r := k.hr; r < len(k.rows); r++ {
			d, ok1 := k.value(r, v)
			x, ok2 := k.value(r, bestA)
			y, ok3 := k.value(r, bestB)
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			res := CheckOK
			if math.Abs(math.Abs(x-y)-math.Abs(d)) > tolerance {
				res = CheckFail
			}
			k.mark(r, v, res)
			k.mark(r, bestA, res)
			k.mark(r, bestB, res)
		}
	}
}
