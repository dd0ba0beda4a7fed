package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

// reportSite serves a small report the way report platforms do: a start
// page linking to its chapters, a PDF, a page robots.txt forbids, a dead
// link and a link off the site. It counts requests and answers
// conditional GETs by ETag.
type reportSite struct {
	mu       sync.Mutex
	pages    map[string]string // path → HTML
	pdf      []byte
	version  map[string]int // path → ETag version
	requests map[string]int // path → requests, 304s included
	bodies   map[string]int // path → responses with a body
}

func newReportSite(t *testing.T) *reportSite {
	pdf, err := os.ReadFile("../../corpus/docs/seed-leiderdorp-2022.rl.pdf")
	if err != nil {
		t.Skipf("no corpus PDF: %v", err)
	}
	page := func(title, body string) string {
		return "<!doctype html><html lang=nl><head><meta charset=utf-8><title>" + title +
			" - Jaarstukken 2022 - Gemeente Leiderdorp</title></head><body><header>Gemeente Leiderdorp</header><main><h1>" +
			title + "</h1>" + body + "</main></body></html>"
	}
	return &reportSite{
		pages: map[string]string{
			"/jaarstukken-2022/": page("Inleiding", `<p>Welkom bij de jaarstukken.</p>
				<a href="programma/sociaal-domein">Sociaal domein</a> <a href="programma/financien">Financiën</a>
				<a href="/jaarstukken-2022/prive/concept">Concept</a> <a href="/jaarstukken-2022/weg">Weg</a>
				<a href="https://elders.example/">Elders</a> <a href="/bijlagen/leiderdorp-2022.pdf">PDF</a>`),
			"/jaarstukken-2022/programma/sociaal-domein": page("Sociaal domein", `<p>De mantelzorgers krijgen steun.</p>
				<table><thead><tr><th>Indicator</th><th>2021</th><th>2022</th></tr></thead>
				<tbody><tr><td>% jongeren met jeugdhulp</td><td>12,0%</td><td>11,5%</td></tr></tbody></table>`),
			"/jaarstukken-2022/programma/financien": page("Financiën", `<p>Het resultaat is een overschot.</p>`),
			"/jaarstukken-2022/prive/concept":       page("Concept", `<p>Niet voor publicatie.</p>`),
		},
		pdf:      pdf,
		version:  map[string]int{},
		requests: map[string]int{},
		bodies:   map[string]int{},
	}
}

func (s *reportSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.URL.Path]++
	if r.URL.Path == "/robots.txt" {
		fmt.Fprint(w, "User-agent: *\nDisallow: /jaarstukken-2022/prive/\n")
		return
	}
	var body []byte
	ctype := "text/html; charset=utf-8"
	if r.URL.Path == "/bijlagen/leiderdorp-2022.pdf" {
		body, ctype = s.pdf, "application/pdf"
	} else if p, ok := s.pages[r.URL.Path]; ok {
		body = []byte(p)
	} else {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, s.version[r.URL.Path])
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.bodies[r.URL.Path]++
	w.Header().Set("Content-Type", ctype)
	w.Write(body)
}

func (s *reportSite) change(path, html string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = html
	s.version[path]++
}

func (s *reportSite) counts() (requests, bodies map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	requests, bodies = map[string]int{}, map[string]int{}
	for k, v := range s.requests {
		requests[k] = v
	}
	for k, v := range s.bodies {
		bodies[k] = v
	}
	clear(s.requests)
	clear(s.bodies)
	return requests, bodies
}

// TestIngestCrawl crawls a report site into an index three times: the
// first run reads exactly the allowed pages and the PDF once and reports
// every failure; the second downloads nothing unchanged; the third
// fetches and re-indexes the one page whose ETag changed.
func TestIngestCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline three times")
	}
	site := newReportSite(t)
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	o := ingestOptions{index: filepath.Join(dir, "site.bleve"), workers: 2,
		web: webFlags{crawl: true, depth: 3, maxPages: 50, interval: time.Millisecond, cacheDir: filepath.Join(dir, "cache")}}
	start := srv.URL + "/jaarstukken-2022/"
	ingest := func() string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		err := runIngest(context.Background(), o, []string{start}, &stdout, &stderr)
		if !errors.Is(err, pipeline.ErrSomeFailed) {
			t.Fatalf("ingest = %v, want ErrSomeFailed for the forbidden and dead links\n%s", err, stderr.String())
		}
		return stderr.String()
	}

	report := ingest()
	for _, want := range []string{"/jaarstukken-2022/prive/concept", "/jaarstukken-2022/weg"} {
		if !strings.Contains(report, want) {
			t.Errorf("run report does not name %s:\n%s", want, report)
		}
	}
	requests, bodies := site.counts()
	for _, path := range []string{"/jaarstukken-2022/", "/jaarstukken-2022/programma/sociaal-domein", "/jaarstukken-2022/programma/financien", "/bijlagen/leiderdorp-2022.pdf"} {
		if bodies[path] != 1 {
			t.Errorf("%s downloaded %d times, want once", path, bodies[path])
		}
	}
	if requests["/jaarstukken-2022/prive/concept"] != 0 {
		t.Error("the page robots.txt forbids was requested")
	}
	done := indexedSources(t, o.index)
	if len(done) != 4 {
		t.Errorf("indexed %d sources, want the 3 pages and the PDF: %v", len(done), done)
	}

	ingest()
	_, bodies = site.counts()
	if len(bodies) != 0 {
		t.Errorf("second run downloaded unchanged bodies: %v", bodies)
	}

	site.change("/jaarstukken-2022/programma/financien", strings.Replace(site.pages["/jaarstukken-2022/programma/financien"],
		"Het resultaat is een overschot.", "Het resultaat is een tekort door de jeugdzorgkosten.", 1))
	ingest()
	_, bodies = site.counts()
	if len(bodies) != 1 || bodies["/jaarstukken-2022/programma/financien"] != 1 {
		t.Errorf("third run downloaded %v, want only the changed page", bodies)
	}
	ix, err := index.Open(o.index, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for words, want := range map[string]uint64{"tekort": 1, "overschot": 0} {
		res, err := ix.Search(context.Background(), index.SearchQuery{Words: words, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("search %q: %d hits after the change, want %d", words, res.Total, want)
		}
	}
}

// indexedSources returns the sources the index holds as done.
func indexedSources(t *testing.T, path string) []string {
	t.Helper()
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var done []string
	for st, err := range ix.Statuses(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if st.Status == "done" {
			done = append(done, st.Source)
		}
	}
	return done
}
