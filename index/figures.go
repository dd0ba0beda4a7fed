package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/blevesearch/bleve/v2"
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
		for h, err := range ix.scan(ctx, bleve.NewConjunctionQuery(q.queries()...), q.Limit) {
			if err != nil {
				yield(model.Record{}, err)
				return
			}
			r, err := ix.decodeRecord(h.id, h.stored)
			if errors.Is(err, errNoDoc) {
				continue
			}
			if !yield(r, err) || err != nil {
				return
			}
			n++
		}
	}
}

// CountFigures returns how many figures match q.
func (ix *Index) CountFigures(ctx context.Context, q FigureQuery) (uint64, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q.queries()...), 0, 0, false)
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("index: count figures: %w", err)
	}
	return res.Total, nil
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
		yes := true
		r := bleve.NewNumericRangeInclusiveQuery(q.Min, q.Max, &yes, &yes)
		r.SetField("value")
		qs = append(qs, r)
	}
	return qs
}

// stored is one hit of scan: its id and stored blob.
type stored struct{ id, stored string }

// scan yields every hit of q in id order, at most limit (0: all).
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
