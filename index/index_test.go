package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

// testDoc builds a document of source with the given passage texts and one
// figure per value.
func testDoc(source, gemeente, code string, year int, texts []string, values ...float64) *Doc {
	content := source + strings.Join(texts, "|") + fmt.Sprint(values)
	info := model.DocInfo{Doc: model.DocID([]byte(content)), Source: source, Format: model.FormatHTML,
		Gemeente: gemeente, GemeenteCode: code, DocKind: "jaarstukken", DocYear: year}
	d := &Doc{Source: source, Info: info, Engine: "test"}
	for i, t := range texts {
		d.Passages = append(d.Passages, model.Passage{ID: model.PassageID(info.Doc, i), DocInfo: info,
			Section: "Programma 6 > Jeugd", Seq: i, Text: t})
	}
	for i, v := range values {
		v := v
		pos := model.Pos{Table: 1, Row: 1, Col: i + 1}
		d.Records = append(d.Records, model.Record{ID: model.RecordID(info.Doc, pos, 0), DocInfo: info, Pos: pos,
			Indicator: "% jongeren met jeugdhulp", IndicatorKey: "% jongeren met jeugdhulp", Column: fmt.Sprint(year - 2 + i),
			Period: year - 2 + i, Value: &v, Unit: model.UnitProcent, Scale: 1, Raw: fmt.Sprint(v), Status: model.StatusOK,
			Scope: model.ScopeGemeente})
	}
	return d
}

func openTemp(t *testing.T) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.bleve")
	ix, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, path
}

func put(t *testing.T, ix *Index, d *Doc) Outcome {
	t.Helper()
	o, err := ix.Put(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	return o
}

func counts(t *testing.T, ix *Index) Counts {
	t.Helper()
	c, err := ix.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func find(t *testing.T, ix *Index, q SearchQuery) *SearchResult {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(filepath.Join(dir, "missing.bleve"), Options{ReadOnly: true})
	if !errors.Is(err, ErrNoIndex) || !strings.Contains(err.Error(), "jaarzoek ingest") {
		t.Errorf("missing index: %v, want ErrNoIndex with a hint", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, Options{ReadOnly: true})
	if !errors.Is(err, ErrNoIndex) {
		t.Errorf("not an index: %v, want ErrNoIndex", err)
	}
}

func TestSchemaVersionRefused(t *testing.T) {
	ix, path := openTemp(t)
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"tekst"}))
	b := ix.b.NewBatch()
	b.SetInternal([]byte(keySchema), []byte("jaarzoek-index-0"))
	if err := ix.write(b); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), "do not mix") {
		t.Fatalf("Open = %v, want ErrSchema", err)
	}
}

func TestReingestUnchanged(t *testing.T) {
	ix, _ := openTemp(t)
	d := testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"Het aantal mantelzorgers groeit.", "Jeugdhulp kost meer."}, 1, 2)
	if o := put(t, ix, d); o != Added {
		t.Fatalf("first put: %s", o)
	}
	before := counts(t, ix)
	st, _, _ := ix.Status(context.Background(), "a.html")
	if o := put(t, ix, d); o != Unchanged {
		t.Fatalf("second put: %s, want unchanged", o)
	}
	after := counts(t, ix)
	st2, _, _ := ix.Status(context.Background(), "a.html")
	if before != after || !st.Updated.Equal(st2.Updated) {
		t.Errorf("re-ingest changed the index: %+v -> %+v", before, after)
	}
	if after.Passages != 2 || after.Figures != 2 || after.Documents != 1 {
		t.Errorf("counts %+v", after)
	}
}

func TestChangedDocumentReplaced(t *testing.T) {
	ix, _ := openTemp(t)
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"oude tekst over wegen", "nog meer oud", "derde"}, 1, 2, 3))
	if o := put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"nieuwe tekst over jeugdzorg"}, 7)); o != Replaced {
		t.Fatalf("outcome %s, want replaced", o)
	}
	c := counts(t, ix)
	if c.Passages != 1 || c.Figures != 1 || c.Documents != 1 {
		t.Fatalf("counts after replace %+v, want 1/1/1", c)
	}
	if res := find(t, ix, SearchQuery{Words: "wegen"}); res.Total != 0 {
		t.Errorf("stale passage still found")
	}
	var vals []float64
	for r, err := range ix.Figures(context.Background(), FigureQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		vals = append(vals, *r.Value)
	}
	if !slices.Equal(vals, []float64{7}) {
		t.Errorf("figures %v, want [7]", vals)
	}
}

func TestDuplicateBytesTwoSources(t *testing.T) {
	ix, _ := openTemp(t)
	a := testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"gedeelde tekst"}, 5)
	b := *a
	b.Source = "b.html"
	put(t, ix, a)
	if o := put(t, ix, &b); o != Duplicate {
		t.Fatalf("outcome %s, want duplicate", o)
	}
	// a changes: b still holds the shared content.
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"andere tekst"}))
	if res := find(t, ix, SearchQuery{Words: "gedeelde"}); res.Total != 1 {
		t.Errorf("shared passage: %d hits, want 1", res.Total)
	}
	c := counts(t, ix)
	if c.Passages != 2 || c.Figures != 1 || c.Documents != 2 {
		t.Errorf("counts %+v", c)
	}
}

func TestHintChangeRewrites(t *testing.T) {
	ix, _ := openTemp(t)
	d := testDoc("a.html", "", "", 0, []string{"tekst zonder gemeente"}, 5)
	put(t, ix, d)
	d2 := *d
	d2.Info.Gemeente, d2.Info.GemeenteCode = "Twenterand", "GM1700"
	if o := put(t, ix, &d2); o != Replaced {
		t.Fatalf("outcome %s, want replaced", o)
	}
	res := find(t, ix, SearchQuery{Words: "tekst", Filter: Filter{Gemeente: "twenterand"}})
	if res.Total != 1 || res.Hits[0].Gemeente != "Twenterand" {
		t.Fatalf("after hint change: %+v", res)
	}
}

func TestSearch(t *testing.T) {
	ix, _ := openTemp(t)
	put(t, ix, testDoc("tw.html", "Twenterand", "GM1700", 2022, []string{
		"De was- en strijkservice voor inwoners met een Wmo-indicatie is voortgezet.",
		"Het aantal mantelzorgers dat ondersteuning krijgt is gestegen.",
		"De jeugdhulpvoorzieningen in de regio zijn herzien.",
	}))
	put(t, ix, testDoc("ld.html", "Leiderdorp", "GM0547", 2021, []string{
		"Jeugdhulp blijft een zorg: de jeugdhulp kostte meer dan begroot.",
		"De jeugdhulpkosten stegen met tien procent.",
		"Begeleiding vanuit de Wmo: begeleiding thuis.",
	}))
	tests := []struct {
		name    string
		q       SearchQuery
		want    []string // sources of the hits in rank order (prefix of texts checked below)
		snippet string   // in the first hit's snippet
	}{
		{"phrase in gemeente and year", SearchQuery{Words: `"was- en strijkservice"`, Filter: Filter{Gemeente: "Twenterand", YearFrom: 2022, YearTo: 2022}},
			[]string{"De was- en strijkservice"}, "«strijkservice»"},
		{"stemmed plural", SearchQuery{Words: "mantelzorger"}, []string{"Het aantal mantelzorgers"}, "«mantelzorgers»"},
		{"compound parts, exact first", SearchQuery{Words: "jeugdhulp"},
			[]string{"Jeugdhulp blijft", "De jeugdhulp", "De jeugdhulp"}, "«Jeugdhulp»"},
		{"compound only", SearchQuery{Words: "jeugdhulp", Filter: Filter{Gemeente: "GM1700"}}, []string{"De jeugdhulpvoorzieningen"}, "«jeugdhulpvoorzieningen»"},
		{"colon is not a field", SearchQuery{Words: "Wmo: begeleiding"}, []string{"Begeleiding vanuit"}, "«Wmo»"},
		{"leading minus is a word", SearchQuery{Words: "-begeleiding"}, []string{"Begeleiding vanuit"}, "«Begeleiding»"},
		{"year range excludes", SearchQuery{Words: "jeugdhulp", Filter: Filter{YearFrom: 2023, YearTo: 2024}}, nil, ""},
		{"kind filter", SearchQuery{Words: "jeugdhulp", Filter: Filter{Kind: "begroting"}}, nil, ""},
		{"stop words only", SearchQuery{Words: "de en het"}, nil, ""},
		{"syntax", SearchQuery{Words: "+text:begeleiding -text:thuis", Syntax: true}, nil, ""},
		{"relaxed when no passage has all", SearchQuery{Words: "mantelzorgers pinguïn"}, []string{"Het aantal mantelzorgers"}, "«mantelzorgers»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := find(t, ix, tt.q)
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("hits %q, want %d starting %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("hit %d = %q, want prefix %q", i+1, got[i], tt.want[i])
				}
			}
			if tt.snippet != "" && !strings.Contains(res.Hits[0].Snippet, tt.snippet) {
				t.Errorf("snippet %q lacks %q", res.Hits[0].Snippet, tt.snippet)
			}
			for i, h := range res.Hits {
				if h.Rank != i+1 || h.Gemeente == "" || h.Doc == "" || h.Source == "" {
					t.Errorf("hit %d incomplete: %+v", i, h)
				}
			}
		})
	}
	// The compound-only passage ranks below those with the word itself.
	res := find(t, ix, SearchQuery{Words: "jeugdhulp", Limit: 10})
	last := res.Hits[len(res.Hits)-1]
	if !strings.HasPrefix(last.Text, "De jeugdhulpvoorzieningen") && !strings.HasPrefix(last.Text, "De jeugdhulpkosten") {
		t.Errorf("a compound-only passage is not last: %q", last.Text)
	}
	if res.Hits[0].Score <= last.Score {
		t.Errorf("exact match score %v not above compound %v", res.Hits[0].Score, last.Score)
	}
}

func TestSearchSyntaxError(t *testing.T) {
	ix, _ := openTemp(t)
	_, err := ix.Search(context.Background(), SearchQuery{Words: "text:", Syntax: true})
	if !errors.Is(err, ErrSyntax) {
		t.Fatalf("err %v, want ErrSyntax", err)
	}
}

func TestFacets(t *testing.T) {
	ix, _ := openTemp(t)
	put(t, ix, testDoc("a.html", "Twenterand", "GM1700", 2022, []string{"armoede beleid", "armoede regeling"}))
	put(t, ix, testDoc("b.html", "Leiderdorp", "GM0547", 2021, []string{"armoede"}))
	res := find(t, ix, SearchQuery{Words: "armoede", Facets: true, Limit: 1})
	if res.Total != 3 || len(res.Hits) != 1 {
		t.Fatalf("total %d hits %d", res.Total, len(res.Hits))
	}
	want := Facets{
		Gemeente: []FacetCount{{"Twenterand", 2}, {"Leiderdorp", 1}},
		DocYear:  []FacetCount{{"2022", 2}, {"2021", 1}},
		DocKind:  []FacetCount{{"jaarstukken", 3}},
	}
	if fmt.Sprint(*res.Facets) != fmt.Sprint(want) {
		t.Errorf("facets %+v, want %+v", *res.Facets, want)
	}
}

func TestFigures(t *testing.T) {
	ix, _ := openTemp(t)
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, nil, 10.5, 11.5, 12.5))
	put(t, ix, testDoc("b.html", "Twenterand", "GM1700", 2022, nil, 9, 30))
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		q    FigureQuery
		want int
	}{
		{"all", FigureQuery{}, 5},
		{"indicator words", FigureQuery{Indicator: "jeugdhulp"}, 5},
		{"indicator key", FigureQuery{Indicator: "% jongeren met jeugdhulp"}, 5},
		{"gemeente name", FigureQuery{Filter: Filter{Gemeente: "leiderdorp"}}, 3},
		{"period range", FigureQuery{Filter: Filter{YearFrom: 2021, YearTo: 2022}}, 3},
		{"value range", FigureQuery{Min: f(10), Max: f(12)}, 2},
		{"value range inclusive, fractional bounds", FigureQuery{Min: f(10.5), Max: f(11.5)}, 2},
		{"value just above", FigureQuery{Min: f(12.500001)}, 1},
		{"value range and limit", FigureQuery{Min: f(9), Limit: 2}, 2},
		{"unit", FigureQuery{Unit: "procent"}, 5},
		{"scope other", FigureQuery{Scope: "nederland"}, 0},
		{"limit", FigureQuery{Limit: 4}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for r, err := range ix.Figures(context.Background(), tt.q) {
				if err != nil {
					t.Fatal(err)
				}
				if r.Gemeente == "" || r.Source == "" || r.Value == nil || r.Indicator == "" {
					t.Errorf("record incomplete: %+v", r)
				}
				n++
			}
			if n != tt.want {
				t.Errorf("%d figures, want %d", n, tt.want)
			}
		})
	}
}

func TestFigureRoundTrip(t *testing.T) {
	ix, _ := openTemp(t)
	d := testDoc("a.pdf", "Leiderdorp", "GM0547", 2022, nil, 12.3)
	d.Records[0].Marks, d.Records[0].Note, d.Records[0].Page, d.Records[0].Successor = "*", "voorlopig", 4, ""
	put(t, ix, d)
	for r, err := range ix.Figures(context.Background(), FigureQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%+v", r) != fmt.Sprintf("%+v", d.Records[0]) || *r.Value != 12.3 {
			t.Errorf("record changed:\n got %+v\nwant %+v", r, d.Records[0])
		}
	}
}

func TestReadWhileWriting(t *testing.T) {
	ix, path := openTemp(t)
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"tekst"}))
	start := time.Now()
	_, err := Open(path, Options{ReadOnly: true, Wait: 200 * time.Millisecond})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "being written by another jaarzoek process") {
		t.Fatalf("read during write: %v, want ErrBusy", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("Open waited %v", time.Since(start))
	}
	ix.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read after write: %v", err)
	}
	defer r.Close()
	if res := find(t, r, SearchQuery{Words: "tekst"}); res.Total != 1 {
		t.Errorf("read-only search: %d hits", res.Total)
	}
	if _, err := r.Put(context.Background(), testDoc("b.html", "", "", 0, nil)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("put on read-only: %v", err)
	}
}

func TestFailureKeepsContent(t *testing.T) {
	ix, _ := openTemp(t)
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"armoede"}))
	if err := ix.PutFailure(context.Background(), Failure{Source: "a.html", Stage: "fetch", Reason: "404"}); err != nil {
		t.Fatal(err)
	}
	if err := ix.PutFailure(context.Background(), Failure{Source: "b.pdf", Stage: "extract", Reason: "kapot"}); err != nil {
		t.Fatal(err)
	}
	ix.Flush(context.Background())
	if res := find(t, ix, SearchQuery{Words: "armoede"}); res.Total != 1 {
		t.Errorf("content of failed source gone")
	}
	cov, err := ix.Coverage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, c := range cov {
		failed += c.Failed
	}
	if failed != 2 {
		t.Errorf("coverage failures %d, want 2: %+v", failed, cov)
	}
	// A later success of the same bytes is recorded as done again.
	put(t, ix, testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"armoede"}))
	st, ok, err := ix.Status(context.Background(), "a.html")
	if err != nil || !ok || st.Status != StatusDone || st.Passages != 1 {
		t.Errorf("status after recovery %+v %v %v", st, ok, err)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("woord ", 60) + "de jeugdhulp stijgt " + strings.Repeat("rest ", 60)
	i := strings.Index(long, "jeugdhulp")
	tests := []struct {
		name  string
		text  string
		marks [][2]int
		n     int
		want  string
	}{
		{"short", "De jeugdhulp stijgt.", [][2]int{{3, 12}}, 100, "De «jeugdhulp» stijgt."},
		{"two marks", "a bc d", [][2]int{{0, 1}, {5, 6}}, 100, "«a» bc «d»"},
		{"no marks", "kort", nil, 100, "kort"},
		{"window", long, [][2]int{{i, i + 9}}, 60, "…woord de «jeugdhulp» stijgt rest rest rest rest rest…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Snippet(tt.text, tt.marks, tt.n); got != tt.want {
				t.Errorf("Snippet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnchangedBeforeExtraction(t *testing.T) {
	ix, _ := openTemp(t)
	d := testDoc("a.html", "Leiderdorp", "GM0547", 2022, []string{"tekst"})
	d.Hints = model.Hints{Year: 2022}
	ctx := context.Background()
	if ok, err := ix.Unchanged(ctx, "a.html", d.Info.Doc, d.Hints); ok || err != nil {
		t.Fatalf("unknown source unchanged: %v %v", ok, err)
	}
	put(t, ix, d)
	tests := []struct {
		name   string
		source string
		doc    string
		hints  model.Hints
		want   bool
	}{
		{"same", "a.html", d.Info.Doc, d.Hints, true},
		{"other bytes", "a.html", "sha256:00", d.Hints, false},
		{"other hints", "a.html", d.Info.Doc, model.Hints{Year: 2021}, false},
		{"other source", "b.html", d.Info.Doc, d.Hints, false},
	}
	for _, tt := range tests {
		if ok, err := ix.Unchanged(ctx, tt.source, tt.doc, tt.hints); ok != tt.want || err != nil {
			t.Errorf("%s: %v %v, want %v", tt.name, ok, err, tt.want)
		}
	}
	ix.PutFailure(ctx, Failure{Source: "a.html", Stage: "fetch", Reason: "x"})
	if ok, _ := ix.Unchanged(ctx, "a.html", d.Info.Doc, d.Hints); ok {
		t.Errorf("a failed source counts as unchanged")
	}
}

func TestCoarseBounds(t *testing.T) {
	for _, x := range []float64{1.6, 2.5, -1.6, 186.06, -5e6, 1e-9, 123456789.123} {
		lo, hi := coarse(x, false), coarse(x, true)
		if lo > x || hi < x || (x-lo) > 1e-6*abs(x) || (hi-x) > 1e-6*abs(x) {
			t.Errorf("coarse(%v) = [%v, %v]", x, lo, hi)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestValueRangePieces(t *testing.T) {
	ix, _ := openTemp(t)
	d := testDoc("a.html", "Leiderdorp", "GM0547", 2022, nil, 1.5, 1.99, 2, 2.5, 2.51, -1.6, -2.4, -3)
	put(t, ix, d)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		lo, hi *float64
		want   int
	}{
		{f(1.5), f(2.5), 4},
		{f(1.6), f(2.5), 3},
		{f(-2.5), f(-1.5), 2},
		{f(-3), f(2), 6},
		{nil, f(0), 3},
		{f(2.5), nil, 2},
	}
	for _, tt := range tests {
		n := 0
		for _, err := range ix.Figures(context.Background(), FigureQuery{Min: tt.lo, Max: tt.hi}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != tt.want {
			t.Errorf("[%v, %v]: %d figures, want %d", tt.lo, tt.hi, n, tt.want)
		}
	}
}

func TestCopiesFolded(t *testing.T) {
	ix, _ := openTemp(t)
	texts := []string{"Armoede daalt in de wijk.", "Armoede stijgt in het dorp.", "Armoede blijft gelijk."}
	html := testDoc("r.html", "Houten", "GM0321", 2022, texts)
	pdf := testDoc("r.pdf", "Houten", "GM0321", 2022, []string{"Armoede daalt  in de wijk.", "ARMOEDE stijgt in het dorp.", "Armoede blijft anders."})
	put(t, ix, html)
	put(t, ix, pdf)
	res := find(t, ix, SearchQuery{Words: "armoede"})
	if res.Total != 6 || len(res.Hits) != 4 {
		t.Fatalf("total %d, %d hits; want 6 passages as 4 hits", res.Total, len(res.Hits))
	}
	folded := 0
	for i, h := range res.Hits {
		folded += len(h.Copies)
		if h.Rank != i+1 {
			t.Errorf("hit %d has rank %d", i, h.Rank)
		}
	}
	if folded != 2 {
		t.Errorf("%d copies folded, want 2", folded)
	}
	// Pages of folded hits do not repeat a hit.
	seen := map[string]bool{}
	for off := 0; off < 4; off++ {
		page := find(t, ix, SearchQuery{Words: "armoede", Limit: 1, Offset: off})
		if len(page.Hits) != 1 || seen[page.Hits[0].ID] || page.Hits[0].Rank != off+1 {
			t.Fatalf("offset %d: %+v", off, page.Hits)
		}
		seen[page.Hits[0].ID] = true
	}
	if all := find(t, ix, SearchQuery{Words: "armoede", AllCopies: true}); len(all.Hits) != 6 {
		t.Errorf("AllCopies: %d hits, want 6", len(all.Hits))
	}
}
