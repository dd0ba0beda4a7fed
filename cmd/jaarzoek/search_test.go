package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/model"
)

// fixtureDocs are two small reports: Leiderdorp as HTML and PDF (the same
// figures, one of them printed differently in the PDF) and Twenterand.
func fixtureDocs() []*index.Doc {
	mk := func(source string, format model.Format, gemeente, code string, year int, texts []string, vals map[int]float64) *index.Doc {
		info := model.DocInfo{Doc: model.DocID([]byte(source)), Source: source, Format: format,
			Gemeente: gemeente, GemeenteCode: code, DocKind: "jaarstukken", DocYear: year}
		d := &index.Doc{Source: source, Info: info, Engine: "fixture"}
		for i, t := range texts {
			d.Passages = append(d.Passages, model.Passage{ID: model.PassageID(info.Doc, i), DocInfo: info, Section: "Sociaal domein", Page: 2, Seq: i, Text: t})
		}
		col := 1
		for period := year - 2; period <= year; period++ {
			v, ok := vals[period]
			if !ok {
				continue
			}
			pos := model.Pos{Table: 1, Row: 3, Col: col}
			col++
			d.Records = append(d.Records, model.Record{ID: model.RecordID(info.Doc, pos, 0), DocInfo: info, Pos: pos,
				Section: "Sociaal domein > Indicatoren", Indicator: "% jongeren met jeugdhulp", IndicatorKey: "% jongeren met jeugdhulp",
				Column: fmt.Sprint(period), Period: period, Value: &v, Unit: model.UnitProcent, Scale: 1,
				Raw: strings.Replace(fmt.Sprint(v), ".", ",", 1) + "%", Status: model.StatusOK, Scope: model.ScopeGemeente})
		}
		return d
	}
	return []*index.Doc{
		mk("ld.html", model.FormatHTML, "Leiderdorp", "GM0547", 2022,
			[]string{"De jeugdhulpvoorzieningen zijn herzien.", "Jeugdhulp blijft een zorg voor de gemeente."},
			map[int]float64{2020: 12.4, 2021: 12, 2022: 11.5}),
		mk("ld.pdf", model.FormatPDF, "Leiderdorp", "GM0547", 2022,
			[]string{"De jeugdhulpvoorzieningen zijn herzien.", "Jeugdhulp blijft een zorg voor de gemeente!"},
			map[int]float64{2020: 12.4, 2021: 12.1, 2022: 11.5}),
		mk("tw.html", model.FormatHTML, "Twenterand", "GM1700", 2022,
			[]string{"Medio 2022 zijn we gestart met de was- en strijkservice.", "Het aantal mantelzorgers groeit."},
			map[int]float64{2022: 9}),
	}
}

func fixtureIndex(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.bleve")
	ix, err := index.Open(path, index.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range fixtureDocs() {
		if _, err := ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func searchOut(t *testing.T, o searchOptions, words ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := runSearch(context.Background(), o, words, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestSearchCommand(t *testing.T) {
	path := fixtureIndex(t)
	base := searchOptions{index: path, limit: 10, format: "text"}

	out, _, err := searchOut(t, searchOptions{index: path, limit: 10, format: "text", gemeente: "Twenterand", year: "2022"}, "was-", "en", "strijkservice")
	if err != nil || !strings.Contains(out, "1. Twenterand 2022 jaarstukken · Sociaal domein") || !strings.Contains(out, "«strijkservice»") {
		t.Errorf("text output (%v):\n%s", err, out)
	}

	o := base
	o.format = "jsonl"
	out, _, err = searchOut(t, o, "mantelzorger")
	var hit map[string]any
	if err != nil || json.Unmarshal([]byte(strings.TrimSpace(out)), &hit) != nil {
		t.Fatalf("jsonl (%v): %s", err, out)
	}
	for _, f := range []string{"doc", "source", "format", "gemeente", "gemeente_code", "doc_kind", "doc_year", "section", "page", "text", "score", "rank", "snippet"} {
		if _, ok := hit[f]; !ok {
			t.Errorf("jsonl hit lacks %q: %s", f, out)
		}
	}
	if hit["snippet"] != "Het aantal «mantelzorgers» groeit." || hit["rank"] != 1.0 {
		t.Errorf("jsonl hit %v", hit)
	}

	o.format = "json"
	out, _, err = searchOut(t, o, "jeugdhulp")
	var res struct {
		Total  int
		Hits   []map[string]any
		Facets map[string][]index.FacetCount
	}
	if err != nil || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("json (%v): %s", err, out)
	}
	// The HTML and PDF copies of one passage are one hit.
	if res.Total != 4 || len(res.Hits) != 3 || len(res.Facets["gemeente"]) != 1 || res.Facets["doc_year"][0] != (index.FacetCount{Value: "2022", Count: 4}) {
		t.Errorf("json result %+v", res)
	}
	// Passages with the word itself come before those with it inside a compound.
	if !strings.HasPrefix(res.Hits[0]["text"].(string), "Jeugdhulp") || !strings.Contains(res.Hits[2]["text"].(string), "jeugdhulpvoorzieningen") {
		t.Errorf("ranking: %v … %v", res.Hits[0]["text"], res.Hits[2]["text"])
	}
	if c, _ := res.Hits[2]["copies"].([]any); len(c) != 1 {
		t.Errorf("folded hit copies %v, want the other source", res.Hits[2]["copies"])
	}
	o.copies = true
	out, _, _ = searchOut(t, o, "jeugdhulp")
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) != 4 {
		t.Errorf("--copies: %d hits, want 4", len(res.Hits))
	}
	o.copies = false

	// A gemeente is found by code without "GM" too, through the reference list.
	out, _, err = searchOut(t, searchOptions{index: path, limit: 10, format: "text", gemeente: "1700"}, "mantelzorger")
	if err != nil || !strings.Contains(out, "1. Twenterand") {
		t.Errorf("--gemeente 1700 (%v):\n%s", err, out)
	}

	// Usage errors exit 2.
	for _, tc := range []struct {
		o     searchOptions
		words []string
	}{
		{searchOptions{index: path, limit: 10, format: "text", syntax: true}, []string{"text:"}},
		{searchOptions{index: path, limit: 10, format: "xml"}, []string{"a"}},
		{searchOptions{index: path, limit: 10, format: "text", year: "2019..20x"}, []string{"a"}},
		{base, nil},
	} {
		if _, _, err := searchOut(t, tc.o, tc.words...); !errors.Is(err, errUsage) {
			t.Errorf("%+v %q: err %v, want usage", tc.o, tc.words, err)
		}
	}
}

func TestSearchMissingIndex(t *testing.T) {
	_, _, err := searchOut(t, searchOptions{index: filepath.Join(t.TempDir(), "none.bleve"), limit: 10, format: "text"}, "jeugd")
	if !errors.Is(err, index.ErrNoIndex) || !strings.Contains(err.Error(), "jaarzoek ingest corpus/") {
		t.Errorf("err %v", err)
	}
}

func TestSearchDuringIngest(t *testing.T) {
	path := fixtureIndex(t)
	w, err := index.Open(path, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	done := make(chan error, 1)
	go func() {
		_, _, err := searchOut(t, searchOptions{index: path, limit: 10, format: "text"}, "jeugdhulp")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, index.ErrBusy) || !strings.Contains(err.Error(), "being written by another jaarzoek process") {
			t.Errorf("search during ingest: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("search hangs while the index is being written")
	}
}

func figuresOut(t *testing.T, o figuresOptions) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	if o.index == "" {
		t.Fatal("no index")
	}
	err := runFigures(context.Background(), o, nil, &out, &errOut)
	return out.String(), err
}

func TestFiguresPivot(t *testing.T) {
	path := fixtureIndex(t)
	out, err := figuresOut(t, figuresOptions{index: path, indicator: "jeugdhulp", pivot: true, format: "table"})
	if err != nil {
		t.Fatal(err)
	}
	want := `gemeente    indicator                 unit     scope     period_kind  2020  2021           2022  
Leiderdorp  % jongeren met jeugdhulp  procent  gemeente               12,4  12 ≠ 12,1 [1]  11,5  
Twenterand  % jongeren met jeugdhulp  procent  gemeente                                    9     

copies that disagree:
[1] Leiderdorp, % jongeren met jeugdhulp, 2021: 12 (ld.html t1 r3 c2) ≠ 12,1 (ld.pdf t1 r3 c2)
`
	if out != want {
		t.Errorf("pivot:\n%s\nwant:\n%s", out, want)
	}
	out, err = figuresOut(t, figuresOptions{index: path, indicator: "jeugdhulp", pivot: true, format: "csv"})
	if err != nil || !strings.Contains(out, "Leiderdorp,% jongeren met jeugdhulp,procent,gemeente,,12.4,12 ≠ 12.1,11.5\n") {
		t.Errorf("pivot csv (%v):\n%s", err, out)
	}
}

func TestFiguresFormats(t *testing.T) {
	path := fixtureIndex(t)
	var want []model.Record
	for _, d := range fixtureDocs() {
		want = append(want, d.Records...)
	}

	// jsonl prints each record as extract does: the record JSON.
	out, err := figuresOut(t, figuresOptions{index: path, format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r model.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		got[r.ID] = line
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for _, r := range want {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.Encode(r)
		if got[r.ID] != strings.TrimSpace(b.String()) {
			t.Errorf("record %s:\n got %s\nwant %s", r.ID, got[r.ID], b.String())
		}
	}

	// Filters.
	tests := []struct {
		name string
		o    figuresOptions
		n    int
	}{
		{"gemeente code", figuresOptions{gemeente: "GM1700"}, 1},
		{"period", figuresOptions{period: "2021..2022"}, 5},
		{"min max with comma", figuresOptions{min: "11,5", max: "12"}, 3},
		{"unit", figuresOptions{unit: "euro"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.index, tt.o.format = path, "jsonl"
			out, err := figuresOut(t, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(out, "\n"); n != tt.n {
				t.Errorf("%d records, want %d", n, tt.n)
			}
		})
	}

	// Parquet read back gives the same rows.
	file := filepath.Join(t.TempDir(), "f.parquet")
	if _, err := figuresOut(t, figuresOptions{index: path, format: "parquet", output: file}); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[parquetRow](file)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%d parquet rows, want %d", len(rows), len(want))
	}
	byID := map[string]model.Record{}
	for _, r := range want {
		byID[r.ID] = r
	}
	for _, row := range rows {
		r, ok := byID[row.ID]
		if !ok {
			t.Fatalf("unknown row %s", row.ID)
		}
		wantRow := toParquet(&r)
		if row.Value == nil || *row.Value != *r.Value {
			t.Errorf("parquet value %v, want %v", row.Value, *r.Value)
		}
		row.Value, wantRow.Value = nil, nil
		if row != wantRow {
			t.Errorf("parquet row %+v, want %+v", row, toParquet(&r))
		}
	}

	if _, err := figuresOut(t, figuresOptions{index: path, format: "parquet", pivot: true}); !errors.Is(err, errUsage) {
		t.Errorf("pivot parquet: %v, want usage", err)
	}
	if _, err := figuresOut(t, figuresOptions{index: path, format: "table", min: "veel"}); !errors.Is(err, errUsage) {
		t.Errorf("bad min: %v, want usage", err)
	}
}

func TestServe(t *testing.T) {
	path := fixtureIndex(t)
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h := newServer(ix)
	get := func(url string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		return rec
	}

	rec := get("/search?q=jeugdhulp&gemeente=leiderdorp&limit=2")
	var res index.SearchResult
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &res) != nil || res.Total != 4 || len(res.Hits) != 2 || res.Facets == nil {
		t.Errorf("/search: %d %s", rec.Code, rec.Body)
	}
	rec = get("/figures?indicator=jeugdhulp&period=2022&limit=1")
	var figs struct {
		Figures   []model.Record
		Count     int
		Truncated bool
	}
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &figs) != nil || figs.Count != 1 || !figs.Truncated || figs.Figures[0].Period != 2022 {
		t.Errorf("/figures: %d %s", rec.Code, rec.Body)
	}
	for _, url := range []string{"/search", "/search?q=a&year=x", "/search?q=text:&syntax=1", "/figures?min=x", "/figures?limit=0"} {
		if rec := get(url); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"error"`) {
			t.Errorf("%s: %d %s, want 400 with an error", url, rec.Code, rec.Body)
		}
	}
	rec = get("/?q=mantelzorger")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "<mark>mantelzorgers</mark>") || !strings.Contains(rec.Body.String(), "<form") {
		t.Errorf("/: %d %s", rec.Code, rec.Body)
	}
	if rec := get("/?q=%3Cscript%3E"); strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("page does not escape the query")
	}
	if rec := get("/nothing"); rec.Code != http.StatusNotFound {
		t.Errorf("/nothing: %d", rec.Code)
	}
}

func TestCoverageCommand(t *testing.T) {
	path := fixtureIndex(t)
	w, err := index.Open(path, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.PutFailure(context.Background(), index.Failure{Source: "kapot.pdf", Stage: "extract", Reason: "kapot.pdf: extract: not a pdf"})
	w.Close()
	var out, errOut bytes.Buffer
	if err := runCoverage(context.Background(), coverageOptions{index: path, format: "table"}, nil, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Leiderdorp  GM0547  2022  jaarstukken          2       0        6         4", "kapot.pdf: extract: not a pdf", "total"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("coverage lacks %q:\n%s", s, out.String())
		}
	}
}
