package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/jaarzoek/jaarzoek/model"
)

// A FigureQuery asks for figures. Zero fields do not filter.
type FigureQuery struct {
	// Indicator matches the indicator id or key exactly, or the words of
	// the printed label (all of them, stemmed).
	Indicator string
	// Filter selects gemeente and doc_kind; its year range applies to the
	// period of the figure.
	Filter Filter
	Unit   string   // model.UnitProcent, …
	Scope  string   // model.ScopeGemeente, …
	Min    *float64 // value at least; figures without a value never match a bound
	Max    *float64 // value at most
	Limit  int      // figures to return at most; 0 means all
}

// pageSize is the number of hits fetched per request when iterating.
const pageSize = 1000

// Figures returns the figures matching q, by id when q.Limit is 0 or more
// than 1000 (else in index order). It fetches them page by page, so memory
// does not grow with the result.
func (ix *Index) Figures(ctx context.Context, q FigureQuery) iter.Seq2[model.Record, error] {
	return func(yield func(model.Record, error) bool) {
		n := 0
		limit := q.Limit
		if limit > 0 && (q.Min != nil || q.Max != nil) {
			// The index range is a little wider than asked (see
			// coarse); room for the few values it adds.
			limit += 16
		}
		for h, err := range ix.scan(ctx, bleve.NewConjunctionQuery(q.queries()...), limit) {
			if err != nil {
				yield(model.Record{}, err)
				return
			}
			r, err := ix.decodeRecord(h.id, h.stored)
			if errors.Is(err, errNoDoc) || err == nil && !q.inRange(r.Value) {
				continue
			}
			if !yield(r, err) || err != nil {
				return
			}
			if n++; q.Limit > 0 && n >= q.Limit {
				return
			}
		}
	}
}

func (q FigureQuery) queries() []query.Query {
	qs := q.Filter.queries(typeFigure, "period")
	if s := strings.TrimSpace(q.Indicator); s != "" {
		id := bleve.NewTermQuery(s)
		id.SetField("indicator_id")
		key := bleve.NewTermQuery(strings.ToLower(s))
		key.SetField("indicator_key")
		words := bleve.NewMatchQuery(s)
		words.SetField("indicator")
		words.Analyzer = analyzerText
		words.SetOperator(query.MatchQueryOperatorAnd)
		qs = append(qs, bleve.NewDisjunctionQuery(id, key, words))
	}
	for field, v := range map[string]string{"unit": q.Unit, "scope": q.Scope} {
		if v = strings.TrimSpace(v); v != "" {
			t := bleve.NewTermQuery(strings.ToLower(v))
			t.SetField(field)
			qs = append(qs, t)
		}
	}
	if q.Min != nil || q.Max != nil {
		var lo, hi *float64
		if q.Min != nil {
			v := coarse(*q.Min, false)
			lo = &v
		}
		if q.Max != nil {
			v := coarse(*q.Max, true)
			hi = &v
		}
		qs = append(qs, valueRange(lo, hi))
	}
	return qs
}

// valueRange returns the query for values from lo to hi (nil: open). A
// range of positive (or of negative) bounds is cut at powers of two: bleve
// enumerates far more terms for a range across one (1.5 to 2.5: 50 ms)
// than for the pieces (under 1 ms each).
func valueRange(lo, hi *float64) query.Query {
	yes := true
	one := func(lo, hi *float64) query.Query {
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
		r.SetField("value")
		return r
	}
	if lo == nil || hi == nil || *lo > *hi || (*lo <= 0) != (*hi <= 0) || *lo == 0 {
		return one(lo, hi)
	}
	neg := *hi < 0
	a, b := *lo, *hi
	if neg {
		a, b = -b, -a
	}
	_, ea := math.Frexp(a)
	_, eb := math.Frexp(b)
	if ea == eb || eb-ea > 64 {
		return one(lo, hi)
	}
	var pieces []query.Query
	for e := ea; e <= eb; e++ {
		from, to := math.Ldexp(0.5, e), math.Nextafter(math.Ldexp(1, e), 0)
		from, to = max(from, a), min(to, b)
		if neg {
			from, to = -to, -from
		}
		pieces = append(pieces, one(&from, &to))
	}
	return bleve.NewDisjunctionQuery(pieces...)
}

func (q FigureQuery) inRange(v *float64) bool {
	if q.Min == nil && q.Max == nil {
		return true
	}
	return v != nil && (q.Min == nil || *v >= *q.Min) && (q.Max == nil || *v <= *q.Max)
}

// coarse rounds a range bound outward (up when up is set, else down) in
// bleve's sortable integer form of floats: a lower bound to one whose low
// 32 bits are zero, an upper bound to one whose low 32 bits are one. bleve
// splits a numeric range into terms down to the lowest bit where a bound
// is not aligned so: a bound such as 1.6, whose mantissa bits never end,
// costs tens of thousands of dictionary look-ups (80 ms), an aligned one a
// few hundred. The values the wider range adds, within a millionth of the
// bound, are dropped after decoding.
func coarse(x float64, up bool) float64 {
	const mask = 1<<32 - 1
	i := numeric.Float64ToInt64(x)
	if up {
		i |= mask
	} else {
		i &^= mask
	}
	if f := numeric.Int64ToFloat64(i); !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	return x
}

// stored is one hit of scan: its id and stored blob.
type stored struct{ id, stored string }

// scan yields every hit of q, at most limit (0: all): in id order when it
// pages, in index order when one page holds the limit.
func (ix *Index) scan(ctx context.Context, q query.Query, limit int) iter.Seq2[stored, error] {
	return func(yield func(stored, error) bool) {
		var after []string
		n := 0
		for {
			size := pageSize
			if limit > 0 {
				size = min(size, limit-n)
			}
			if size <= 0 {
				return
			}
			req := bleve.NewSearchRequestOptions(q, size, 0, false)
			req.Fields = []string{"stored"}
			req.Score = bleve.ScoreNone
			// One page of a limited scan needs no order; paging does.
			if limit <= 0 || limit > pageSize {
				req.SortBy([]string{"_id"})
				if after != nil {
					req.SetSearchAfter(after)
				}
			}
			res, err := ix.b.SearchInContext(ctx, req)
			if err != nil {
				yield(stored{}, fmt.Errorf("index: scan: %w", err))
				return
			}
			for _, h := range res.Hits {
				blob, _ := h.Fields["stored"].(string)
				if !yield(stored{h.ID, blob}, nil) {
					return
				}
				n++
			}
			if len(res.Hits) < size || (limit > 0 && limit <= pageSize) {
				return
			}
			after = []string{res.Hits[len(res.Hits)-1].ID}
		}
	}
}

// Statuses returns the status of every source in the index, in source
// order.
func (ix *Index) Statuses(ctx context.Context) iter.Seq2[DocStatus, error] {
	return func(yield func(DocStatus, error) bool) {
		tq := bleve.NewTermQuery(typeDocument)
		tq.SetField("t")
		for h, err := range ix.scan(ctx, tq, 0) {
			var st DocStatus
			if err == nil {
				if uerr := json.Unmarshal([]byte(h.stored), &st); uerr != nil {
					err = fmt.Errorf("index: decode status: %w", uerr)
				}
			}
			if !yield(st, err) || err != nil {
				return
			}
		}
	}
}

// Status returns the status of one source; ok is false when the index does
// not know it.
func (ix *Index) Status(ctx context.Context, source string) (st DocStatus, ok bool, err error) {
	q := bleve.NewDocIDQuery([]string{statusID(source)})
	for h, err := range ix.scan(ctx, q, 1) {
		if err != nil {
			return st, false, err
		}
		if err := json.Unmarshal([]byte(h.stored), &st); err != nil {
			return st, false, fmt.Errorf("index: decode status of %s: %w", source, err)
		}
		return st, true, nil
	}
	return st, false, nil
}

// Counts are the numbers of index documents by type.
type Counts struct {
	Passages, Figures, Documents uint64
}

// Count counts passages, figures and document statuses.
func (ix *Index) Count(ctx context.Context) (Counts, error) {
	var c Counts
	for t, dst := range map[string]*uint64{typePassage: &c.Passages, typeFigure: &c.Figures, typeDocument: &c.Documents} {
		tq := bleve.NewTermQuery(t)
		tq.SetField("t")
		res, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(tq, 0, 0, false))
		if err != nil {
			return c, fmt.Errorf("index: count %s: %w", t, err)
		}
		*dst = res.Total
	}
	return c, nil
}
