package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/jaarzoek/jaarzoek/model"
)

// ErrSyntax: a query in bleve query-string syntax did not parse.
var ErrSyntax = errors.New("index: query syntax")

// Boosts: a word found as itself outranks the same word found inside a
// compound. The gap is wide because a compound is a rare term with a high
// inverse document frequency.
const (
	boostText  = 1.0
	boostParts = 0.02
)

// Filter narrows a search or figure query to documents. Zero fields do not
// filter.
type Filter struct {
	Gemeente string // name (any case) or CBS code ("GM1700")
	YearFrom int    // doc_year (for figures: period) from, inclusive
	YearTo   int    // … to, inclusive
	Kind     string // doc_kind
}

// A SearchQuery asks for passages.
type SearchQuery struct {
	// Words are plain Dutch words; "quoted words" are a phrase. No other
	// character has a meaning: "Wmo: begeleiding" is the two words.
	Words string
	// Syntax makes Words a bleve query string (field:value, +must,
	// -mustnot, "phrase"); fields are those of the passage mapping, text
	// by default.
	Syntax bool
	Filter Filter
	Limit  int  // hits to return; 0 means 10
	Offset int  // hits to skip, from 0
	Facets bool // count hits per gemeente, doc_year and doc_kind
	// AllCopies shows every copy of a passage. By default a passage
	// printed in several copies of one report (its HTML and PDF) is one
	// hit, the best ranked, with the other copies in Hit.Copies.
	AllCopies bool
}

// A Hit is one passage found.
type Hit struct {
	model.Passage
	Score   float64 `json:"score"`   // higher is better
	Rank    int     `json:"rank"`    // from 1, counting the skipped hits
	Snippet string  `json:"snippet"` // the best part of Text, matched words between « and »
	// Copies are the other sources holding the same passage (same
	// gemeente, year, kind and text), when copies are folded.
	Copies []string `json:"copies,omitempty"`
}

// A FacetCount is the number of hits with one value of a field.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets count all hits (not only the returned page) per field value,
// largest count first.
type Facets struct {
	Gemeente []FacetCount `json:"gemeente"`
	DocYear  []FacetCount `json:"doc_year"`
	DocKind  []FacetCount `json:"doc_kind"`
}

// A SearchResult is one page of hits.
type SearchResult struct {
	Total  uint64  `json:"total"` // hits in all
	Hits   []Hit   `json:"hits"`
	Facets *Facets `json:"facets,omitempty"`
	// Relaxed is set when no passage held every word and the hits hold
	// some of them.
	Relaxed bool          `json:"relaxed,omitempty"`
	Took    time.Duration `json:"-"`
}

// Search finds passages.
func (ix *Index) Search(ctx context.Context, q SearchQuery) (*SearchResult, error) {
	filters := q.Filter.queries(typePassage, "doc_year")
	var main []query.Query
	var terms map[string]bool // stems to mark in snippets; nil: use bleve's locations
	if q.Syntax {
		qs := bleve.NewQueryStringQuery(q.Words)
		if _, err := qs.Parse(); err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrSyntax, q.Words, err)
		}
		main = []query.Query{qs}
	} else {
		var err error
		main, terms, err = ix.plainQueries(ctx, q.Words)
		if err != nil {
			return nil, err
		}
		if len(main) == 0 {
			return &SearchResult{Hits: []Hit{}}, nil
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}

	run := func(words query.Query) (*bleve.SearchResult, error) {
		// Filters join the words in one conjunction, which skips ahead
		// to the documents they allow, but with boost 0: a passage's
		// rank depends on its words only.
		size, from := limit, max(q.Offset, 0)
		if !q.AllCopies {
			// Fold copies within a window from the top; a report
			// rarely comes in more than four copies.
			size, from = min((from+limit)*4, 2000), 0
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(append([]query.Query{words}, filters...)...), size, from, false)
		req.Fields = []string{"stored"}
		// Locations cost a read of term vectors for every match; plain
		// words are marked by analysing the few hits returned instead.
		req.IncludeLocations = terms == nil
		if q.Facets {
			req.AddFacet("gemeente", bleve.NewFacetRequest("gemeente", 50))
			req.AddFacet("doc_year", bleve.NewFacetRequest("year", 50))
			req.AddFacet("doc_kind", bleve.NewFacetRequest("doc_kind", 20))
		}
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: search %q: %w", q.Words, err)
		}
		return res, nil
	}
	res, err := run(bleve.NewConjunctionQuery(main...))
	if err != nil {
		return nil, err
	}
	out := &SearchResult{}
	if res.Total == 0 && len(main) > 1 && !q.Syntax {
		d := bleve.NewDisjunctionQuery(main...)
		d.SetMin(1)
		if res, err = run(d); err != nil {
			return nil, err
		}
		out.Relaxed = true
	}
	out.Total = res.Total
	out.Took = res.Took
	out.Hits = make([]Hit, 0, min(len(res.Hits), limit))
	first := map[string]int{} // fold key -> index in out.Hits
	skip := max(q.Offset, 0)
	if q.AllCopies {
		skip = 0 // bleve skipped them
	}
	seen := 0
	for _, h := range res.Hits {
		stored, _ := h.Fields["stored"].(string)
		p, err := ix.decodePassage(h.ID, stored)
		if errors.Is(err, errNoDoc) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("index: hit %s: %w", h.ID, err)
		}
		if !q.AllCopies {
			key := foldKey(p)
			if i, ok := first[key]; ok {
				if i >= 0 {
					out.Hits[i].Copies = append(out.Hits[i].Copies, p.Source)
				}
				continue
			}
			first[key] = -1
			if seen++; seen <= skip {
				continue
			}
			if len(out.Hits) == limit {
				continue // still fold later copies into the hits shown
			}
			first[key] = len(out.Hits)
		} else if len(out.Hits) == limit {
			break
		}
		out.Hits = append(out.Hits, Hit{
			Passage: p, Score: h.Score, Rank: max(q.Offset, 0) + len(out.Hits) + 1,
			Snippet: Snippet(p.Text, ix.spans(p.Text, h.Locations["text"], terms), snippetLen),
		})
	}
	if q.Facets {
		out.Facets = &Facets{
			Gemeente: facetCounts(res.Facets["gemeente"]),
			DocYear:  facetCounts(res.Facets["doc_year"]),
			DocKind:  facetCounts(res.Facets["doc_kind"]),
		}
	}
	return out, nil
}

// foldKey is what copies of one passage share: the document fields a
// person reads and the text, case and spacing aside.
func foldKey(p model.Passage) string {
	g := p.GemeenteCode
	if g == "" {
		g = p.Gemeente
	}
	return fmt.Sprintf("%s\x00%d\x00%s\x00%s", g, p.DocYear, p.DocKind, strings.Join(strings.Fields(strings.ToLower(p.Text)), " "))
}

func facetCounts(f *search.FacetResult) []FacetCount {
	out := []FacetCount{}
	if f == nil || f.Terms == nil {
		return out
	}
	for _, t := range f.Terms.Terms() {
		out = append(out, FacetCount{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// queries turns the filter into bleve queries on documents of type t; the
// year range applies to yearField. The queries do not score (boost 0).
func (f Filter) queries(t, yearField string) []query.Query {
	qs := f.scored(t, yearField)
	for _, q := range qs {
		if b, ok := q.(query.BoostableQuery); ok {
			b.SetBoost(0)
		}
	}
	return qs
}

func (f Filter) scored(t, yearField string) []query.Query {
	tq := bleve.NewTermQuery(t)
	tq.SetField("t")
	qs := []query.Query{tq}
	if g := strings.TrimSpace(f.Gemeente); g != "" {
		code := bleve.NewTermQuery(strings.ToUpper(g))
		code.SetField("gemeente_code")
		name := bleve.NewTermQuery(lowerTrim(norm.NFKC.String(g)))
		name.SetField("gemeente_lc")
		qs = append(qs, bleve.NewDisjunctionQuery(code, name))
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		var lo, hi *float64
		if f.YearFrom != 0 {
			v := float64(f.YearFrom)
			lo = &v
		}
		if f.YearTo != 0 {
			v := float64(f.YearTo)
			hi = &v
		}
		yes := true
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
		r.SetField(yearField)
		qs = append(qs, r)
	}
	if k := strings.TrimSpace(f.Kind); k != "" {
		kq := bleve.NewTermQuery(strings.ToLower(k))
		kq.SetField("doc_kind")
		qs = append(qs, kq)
	}
	return qs
}

// splitWords cuts plain input into words and "quoted phrases"; curly quotes
// count as quotes.
func splitWords(s string) (words, phrases []string) {
	var cur strings.Builder
	inQuote := false
	flush := func() {
		t := strings.TrimSpace(cur.String())
		cur.Reset()
		if t == "" {
			return
		}
		if inQuote {
			phrases = append(phrases, t)
		} else {
			words = append(words, strings.Fields(t)...)
		}
	}
	for _, r := range s {
		switch r {
		case '"', '“', '”', '„':
			flush()
			inQuote = !inQuote
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return words, phrases
}

// plainQueries builds one query per word or phrase: the word in the text
// (stemmed) or, boosted lower, a compound holding it. It also returns the
// stems a hit is marked with.
func (ix *Index) plainQueries(ctx context.Context, s string) ([]query.Query, map[string]bool, error) {
	textAn := ix.b.Mapping().AnalyzerNamed(analyzerText)
	if textAn == nil {
		return nil, nil, fmt.Errorf("index: analyzer %s missing", analyzerText)
	}
	words, phrases := splitWords(s)
	var qs []query.Query
	terms := map[string]bool{}
	for _, w := range words {
		toks := textAn.Analyze([]byte(w))
		if len(toks) == 0 {
			continue // a stop word or punctuation alone
		}
		for _, t := range toks {
			terms[string(t.Term)] = true
		}
		m := bleve.NewMatchQuery(w)
		m.SetField("text")
		m.Analyzer = analyzerText
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(boostText)
		alts := []query.Query{m}
		for _, p := range ix.wordParts(w) {
			stems, err := ix.compounds(ctx, p)
			if err != nil {
				return nil, nil, err
			}
			for _, st := range stems {
				tq := bleve.NewTermQuery(st)
				tq.SetField("text")
				tq.SetBoost(boostParts)
				alts = append(alts, tq)
				terms[st] = true
			}
		}
		if len(alts) == 1 {
			qs = append(qs, m)
		} else {
			qs = append(qs, bleve.NewDisjunctionQuery(alts...))
		}
	}
	for _, p := range phrases {
		toks := textAn.Analyze([]byte(p))
		if len(toks) == 0 {
			continue
		}
		for _, t := range toks {
			terms[string(t.Term)] = true
		}
		pq := bleve.NewMatchPhraseQuery(p)
		pq.SetField("text")
		pq.Analyzer = analyzerText
		qs = append(qs, pq)
	}
	return qs, terms, nil
}

// maxCompounds bounds the compounds one query word expands into, so a
// short part ("werk") cannot blow up the query.
const maxCompounds = 200

// compounds returns the stems of the vocabulary words holding part, the
// word part itself excluded.
func (ix *Index) compounds(ctx context.Context, part string) ([]string, error) {
	pq := bleve.NewPrefixQuery(part)
	pq.SetField("parts")
	tq := bleve.NewTermQuery(typeWord)
	tq.SetField("t")
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(tq, pq), maxCompounds, 0, false)
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up compounds of %q: %w", part, err)
	}
	stems := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		if st := strings.TrimPrefix(h.ID, "w:"); st != part {
			stems = append(stems, st)
		}
	}
	return stems, nil
}

// wordParts returns the pieces of w that are looked for inside compounds:
// each token of w, NFKC and lower case, of at least minPart runes; its stem
// when that is a prefix of it, so inflected forms match too.
func (ix *Index) wordParts(w string) []string {
	an := ix.b.Mapping().AnalyzerNamed(analyzerText)
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(norm.NFKC.String(w)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		if utf8.RuneCountInString(f) < minPart || allDigits([]byte(f)) {
			continue
		}
		if an != nil {
			if toks := an.Analyze([]byte(f)); len(toks) == 1 && strings.HasPrefix(f, string(toks[0].Term)) &&
				utf8.RuneCount(toks[0].Term) >= minPart {
				f = string(toks[0].Term)
			}
		}
		out = append(out, f)
	}
	return out
}

// snippetLen is the length of a snippet in bytes, about two lines.
const snippetLen = 220

// spans returns the byte ranges of text to mark: the words whose stem is
// one of terms, or, when terms is nil, the terms bleve located.
func (ix *Index) spans(text string, locs search.TermLocationMap, terms map[string]bool) [][2]int {
	var out [][2]int
	if terms == nil {
		for _, ls := range locs {
			for _, l := range ls {
				if int(l.End) <= len(text) && l.Start < l.End {
					out = append(out, [2]int{int(l.Start), int(l.End)})
				}
			}
		}
	} else if an := ix.b.Mapping().AnalyzerNamed(analyzerText); an != nil {
		for _, t := range an.Analyze([]byte(text)) {
			if terms[string(t.Term)] && t.Start < t.End && t.End <= len(text) {
				out = append(out, [2]int{t.Start, t.End})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] || out[i][0] == out[j][0] && out[i][1] > out[j][1] })
	// Merge overlaps.
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// Snippet returns about n bytes of text around the densest group of marks,
// each marked span between « and », cut at spaces, with … where text was
// left out. Marks are sorted, non-overlapping byte ranges of text.
func Snippet(text string, marks [][2]int, n int) string {
	if n <= 0 {
		n = snippetLen
	}
	start, end := 0, len(text)
	if len(text) > n {
		// The window of n bytes starting at a mark that covers most marks.
		best, bestCount := 0, -1
		for i := range marks {
			c := 0
			for j := i; j < len(marks) && marks[j][1] <= marks[i][0]+n; j++ {
				c++
			}
			if c > bestCount {
				best, bestCount = i, c
			}
		}
		if bestCount > 0 {
			// Some context before the first mark.
			start = max(0, marks[best][0]-n/4)
		}
		end = min(len(text), start+n)
		if end == len(text) {
			start = max(0, end-n)
		}
		start = cutAtSpace(text, start, true)
		end = cutAtSpace(text, end, false)
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, m := range marks {
		if m[1] <= start || m[0] >= end {
			continue
		}
		s, e := max(m[0], start), min(m[1], end)
		b.WriteString(text[pos:s])
		b.WriteString("«")
		b.WriteString(text[s:e])
		b.WriteString("»")
		pos = e
	}
	b.WriteString(text[pos:end])
	if end < len(text) {
		b.WriteString("…")
	}
	// One line: line breaks of the source mean nothing in a snippet.
	return strings.Join(strings.Fields(b.String()), " ")
}

// cutAtSpace moves i to a word boundary: forward to just after a space
// (forward true) or back to a space, when one is near; else to a rune
// boundary.
func cutAtSpace(text string, i int, forward bool) int {
	if i <= 0 || i >= len(text) {
		return i
	}
	const near = 30
	if forward {
		for j := i; j < len(text) && j < i+near; j++ {
			if text[j] == ' ' {
				return j + 1
			}
		}
		for i < len(text) && !utf8.RuneStart(text[i]) {
			i++
		}
		return i
	}
	for j := i; j > 0 && j > i-near; j-- {
		if text[j] == ' ' {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
