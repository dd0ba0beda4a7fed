package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

// testFetcher is fast: tiny rate limit and backoff, a cache of its own.
func testFetcher(cache string) *Fetcher {
	return &Fetcher{
		Interval:   time.Millisecond,
		Backoff:    time.Millisecond,
		MaxBackoff: 5 * time.Millisecond,
		CacheDir:   cache,
		MaxSize:    32 << 10,
	}
}

// crawlResult is what one crawl yielded, with the site's URL taken off.
type crawlResult struct {
	pages []string         // locations, in order
	fails map[string]error // location → cause
	depth map[string]int   // location → depth
	srcs  []model.Source
}

func runCrawl(t *testing.T, f *Fetcher, s *site, start model.Source, opt CrawlOptions) crawlResult {
	t.Helper()
	r := crawlResult{fails: map[string]error{}, depth: map[string]int{}}
	for src, err := range f.Crawl(context.Background(), start, opt) {
		if err != nil {
			var se *model.SourceError
			if !errors.As(err, &se) || se.Stage != model.StageFetch || se.Source == "" {
				t.Fatalf("crawl error %v is not a fetch SourceError naming its URL", err)
			}
			loc := strings.TrimPrefix(se.Source, s.srv.URL)
			if _, dup := r.fails[loc]; dup {
				t.Errorf("failure reported twice for %s", loc)
			}
			r.fails[loc] = err
			continue
		}
		loc := strings.TrimPrefix(src.Location, s.srv.URL)
		r.pages = append(r.pages, loc)
		r.depth[loc] = src.Depth
		r.srcs = append(r.srcs, src)
		if src.Hints != start.Hints || src.Origin != start.Origin {
			t.Errorf("%s: hints %+v origin %q not inherited", loc, src.Hints, src.Origin)
		}
	}
	return r
}

func TestCrawl(t *testing.T) {
	s := newSite(t)
	cache := t.TempDir()
	f := testFetcher(cache)
	start := model.Source{Location: s.url("/jaarstukken-2023/"), Hints: model.Hints{Gemeente: "Wormerland", Year: 2023}, Origin: "m.csv:2"}
	r := runCrawl(t, f, s, start, CrawlOptions{})

	wantPages := []string{
		"/jaarstukken-2023/",
		"/jaarstukken-2023/programma-1", "/jaarstukken-2023/programma-2",
		"/jaarstukken-2023/druk", "/jaarstukken-2023/storing", "/jaarstukken-2023/reset", "/jaarstukken-2023/oud",
		"/jaarstukken-2023/ansi", "/documenten/jaarrekening.pdf",
		"/jaarstukken-2023/programma-1?print=1", "/jaarstukken-2023/bijlage-%C3%A9%C3%A9n",
	}
	if !slices.Equal(r.pages, wantPages) {
		t.Errorf("pages:\n got %q\nwant %q", r.pages, wantPages)
	}
	if r.depth["/jaarstukken-2023/"] != 0 || r.depth["/jaarstukken-2023/programma-1"] != 1 || r.depth["/jaarstukken-2023/bijlage-%C3%A9%C3%A9n"] != 2 {
		t.Errorf("depths %v", r.depth)
	}
	wantFails := map[string]error{
		"/jaarstukken-2023/geheim": ErrDisallowed,
		"/jaarstukken-2023/lus-a":  ErrRedirectLoop,
		"/jaarstukken-2023/groot":  ErrTooLarge,
		"/jaarstukken-2023/app":    ErrNeedsJavaScript,
		"/jaarstukken-2023/weg":    nil, // a *StatusError
		"/jaarstukken-2023/extern": ErrOffSite,
	}
	for loc, want := range wantFails {
		err, ok := r.fails[loc]
		switch {
		case !ok:
			t.Errorf("%s: no failure reported", loc)
		case want != nil && !errors.Is(err, want):
			t.Errorf("%s: %v, want %v", loc, err, want)
		case want == nil:
			var se *StatusError
			if !errors.As(err, &se) || se.Code != 404 || !strings.HasSuffix(se.URL, loc) {
				t.Errorf("%s: %v, want a 404 StatusError", loc, err)
			}
		}
		if ok && !strings.Contains(err.Error(), loc) {
			t.Errorf("%s: message %q does not name the URL", loc, err)
		}
	}
	if len(r.fails) != len(wantFails) {
		t.Errorf("failures %v", r.fails)
	}

	// Each page once; retried pages as often as they failed plus one; no
	// disallowed page, PDF, asset or page outside the document.
	wantHits := map[string]int{
		"/robots.txt": 1, "/jaarstukken-2023/": 1, "/jaarstukken-2023/programma-1": 2, // with ?print=1
		"/jaarstukken-2023/druk": 2, "/jaarstukken-2023/storing": 3, "/jaarstukken-2023/reset": 2,
		"/jaarstukken-2023/geheim": 0, "/documenten/jaarrekening.pdf": 0, "/andere-rapport/": 0,
		"/jaarstukken-2023/logo.png": 0, "/jaarstukken-2023/lus-a": 1, "/jaarstukken-2023/lus-b": 1,
		"/jaarstukken-2023/bijlage-één": 1, "/jaarstukken-2023/extern": 1,
		"/jaarstukken-2023/alias": 1, "/jaarstukken-2023/programma-2": 2, // once more through alias
	}
	for p, n := range wantHits {
		if got := s.count(p); got != n {
			t.Errorf("%s requested %d times, want %d", p, got, n)
		}
	}
	for a := range s.agents {
		if a != UserAgent {
			t.Errorf("User-Agent %q", a)
		}
	}

	// Crawl-delay 0.03 s beats the 1 ms Interval (measured on arrival, so
	// over all requests rather than between two).
	s.mu.Lock()
	times := slices.Clone(s.times)
	s.mu.Unlock()
	if d, want := times[len(times)-1].Sub(times[0]), time.Duration(len(times)-1)*27*time.Millisecond; d < want {
		t.Errorf("%d requests in %v, want at least %v", len(times), d, want)
	}

	// Fetching what the crawl yielded costs no request for the pages, one
	// for the PDF.
	before := s.total()
	for _, src := range r.srcs {
		raw, err := f.Fetch(context.Background(), src)
		if err != nil {
			t.Fatalf("fetch after crawl: %v", err)
		}
		if raw.Source != src || len(raw.Data) == 0 {
			t.Errorf("%s: raw %+v", src.Location, raw.Source)
		}
		isPDF := strings.HasSuffix(src.Location, ".pdf")
		if raw.FromCache {
			t.Errorf("%s: FromCache on the first run", src.Location)
		}
		if want := map[bool]model.Format{true: model.FormatPDF, false: model.FormatHTML}[isPDF]; raw.Format != want {
			t.Errorf("%s: format %s", src.Location, raw.Format)
		}
	}
	if got := s.total() - before; got != 1 {
		t.Errorf("fetching crawled sources made %d requests, want 1 (the PDF)", got)
	}

	// A second run with a new Fetcher on the same cache downloads nothing
	// that did not change; a page with a new ETag is downloaded again.
	s.setETag("/jaarstukken-2023/programma-2", `"nieuw"`)
	ok200 := map[string]int{}
	for _, p := range wantPages {
		p = strings.SplitN(p, "?", 2)[0]
		p = strings.ReplaceAll(p, "%C3%A9", "é")
		ok200[p] = s.countCode(p, 200)
	}
	f2 := testFetcher(cache)
	r2 := runCrawl(t, f2, s, start, CrawlOptions{})
	if !slices.Equal(r2.pages, wantPages) {
		t.Errorf("second run pages:\n got %q\nwant %q", r2.pages, wantPages)
	}
	for p, n := range ok200 {
		want := n
		if p == "/jaarstukken-2023/programma-2" {
			want += 2 // itself and through alias, each cached under its own URL
		}
		if got := s.countCode(p, 200); got != want {
			t.Errorf("second run: %s answered 200 %d times, want %d", p, got, want)
		}
	}
	if s.countCode("/jaarstukken-2023/oud", 304) != 1 || s.countCode("/jaarstukken-2023/programma-1", 304) != 2 {
		t.Errorf("second run: no 304s: oud %d, programma-1 %d", s.countCode("/jaarstukken-2023/oud", 304), s.countCode("/jaarstukken-2023/programma-1", 304))
	}
	for _, src := range r2.srcs {
		raw, err := f2.Fetch(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(src.Location, "programma-2") {
			if !strings.Contains(string(raw.Data), "Programma 2") || raw.FromCache {
				t.Errorf("changed page served as %+v", raw.FromCache)
			}
		} else if !raw.FromCache {
			t.Errorf("%s: not from cache on the second run", src.Location)
		}
	}
	if n := s.countCode("/documenten/jaarrekening.pdf", 200); n != 1 {
		t.Errorf("PDF downloaded %d times", n)
	}

	// No temporary files are left in the cache.
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestCrawlLimits(t *testing.T) {
	s := newSite(t)
	start := model.Source{Location: s.url("/jaarstukken-2023/")}
	t.Run("depth", func(t *testing.T) {
		r := runCrawl(t, testFetcher(t.TempDir()), s, start, CrawlOptions{MaxDepth: 1})
		for p, d := range r.depth {
			if d > 1 {
				t.Errorf("%s at depth %d", p, d)
			}
		}
		if slices.Contains(r.pages, "/jaarstukken-2023/bijlage-%C3%A9%C3%A9n") {
			t.Error("depth 2 page crawled")
		}
	})
	t.Run("pages", func(t *testing.T) {
		r := runCrawl(t, testFetcher(t.TempDir()), s, start, CrawlOptions{MaxPages: 3})
		if len(r.pages) != 3 || !errors.Is(r.fails["/jaarstukken-2023/"], ErrCrawlLimit) {
			t.Errorf("pages %q, fails %v", r.pages, r.fails)
		}
	})
	t.Run("start fails", func(t *testing.T) {
		r := runCrawl(t, testFetcher(t.TempDir()), s, model.Source{Location: s.url("/jaarstukken-2023/weg")}, CrawlOptions{})
		if len(r.pages) != 0 || len(r.fails) != 1 {
			t.Errorf("pages %q, fails %v", r.pages, r.fails)
		}
	})
	t.Run("not a URL", func(t *testing.T) {
		for _, err := range testFetcher("").Crawl(context.Background(), model.Source{Location: "docs/a.html"}, CrawlOptions{}) {
			if err == nil {
				t.Error("crawl of a path yielded a source")
			}
		}
	})
}

func TestCrawlStartRedirect(t *testing.T) {
	s := newSite(t)
	short := httptest.NewServer(http.RedirectHandler(s.url("/jaarstukken-2023/programma-2"), http.StatusFound))
	defer short.Close()
	r := runCrawl(t, testFetcher(t.TempDir()), s, model.Source{Location: short.URL + "/jaarverslag"}, CrawlOptions{})
	if len(r.pages) < 5 || r.pages[0] != short.URL+"/jaarverslag" || r.pages[1] != "/jaarstukken-2023/programma-1" {
		t.Errorf("pages %q, fails %v", r.pages, r.fails)
	}
	if s.count("/andere-rapport/") != 0 {
		t.Error("left the document prefix of the redirect target")
	}
}

func TestDocumentPrefix(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://wormerland.begrotingsapp.nl/jaarstukken-2023-/", "/jaarstukken-2023-/"},
		{"https://twenterand.begrotingsapp.nl/jaarstukken-2022/programma/programma-sociaal-domein", "/jaarstukken-2022/"},
		{"https://heemskerk.begroting-2020.nl/p9116/prestatie-indicatoren", "/"},
		{"https://x.nl/P12", "/"},
		{"https://x.nl/", "/"},
		{"https://x.nl", "/"},
		{"https://x.nl/index.html", "/"},
		{"https://x.nl/jaarverslag", "/jaarverslag/"},
	}
	for _, tt := range tests {
		u, _ := parseURL(tt.url)
		if got := DocumentPrefix(u); got != tt.want {
			t.Errorf("DocumentPrefix(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestScanPage(t *testing.T) {
	base, _ := parseURL("https://x.nl/doc/p1")
	tests := []struct {
		name  string
		html  string
		links []string
		shell bool
	}{
		{"vue shell", `<div id="app"></div><noscript>Please enable JavaScript</noscript><script src=a.js></script>`, nil, true},
		{"react root", `<html><body><div id="root"></div><script src="/static/js/main.js"></script></body></html>`, nil, true},
		{"angular", `<app-root></app-root><script src=main.js></script>`, nil, true},
		{"scripts only", `<title>Laden…</title><script src=x.js></script>`, nil, true},
		{"table behind a script", `<script src=x.js></script><table><tr><td>12,5</td></tr></table>`, nil, false},
		{"small real page", `<h1>Inhoud</h1><a href="p2#x">Volgende</a>`, []string{"https://x.nl/doc/p2"}, false},
		{"filled app div", `<div id="app"><p>` + strings.Repeat("tekst ", 50) + `</p></div><noscript>enable JavaScript</noscript>`, nil, false},
		{"base and refresh", `<base href="https://x.nl/other/"><meta http-equiv="Refresh" content="0; URL='next'"><a href="mailto:a@b.nl">m</a><a href=" a b ">s</a><iframe src="/f"></iframe>`,
			[]string{"https://x.nl/other/next", "https://x.nl/other/a%20b", "https://x.nl/f"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, shell := scanPage([]byte(tt.html), "text/html", base)
			var got []string
			for _, l := range links {
				got = append(got, l.String())
			}
			if !slices.Equal(got, tt.links) || shell != tt.shell {
				t.Errorf("got %q shell %v; want %q shell %v", got, shell, tt.links, tt.shell)
			}
		})
	}
}

func FuzzScanPage(f *testing.F) {
	for _, s := range []string{`<a href="x">`, `<div id=app></div><noscript>javascript</noscript>`, `<base href=::><a href=/y>`} {
		f.Add([]byte(s))
	}
	base, _ := parseURL("https://x.nl/doc/")
	f.Fuzz(func(t *testing.T, data []byte) {
		links, _ := scanPage(data, "", base)
		for _, l := range links {
			if l.Scheme != "http" && l.Scheme != "https" || l.Fragment != "" {
				t.Fatalf("bad link %s", l)
			}
		}
	})
}

func parseURL(s string) (*url.URL, error) { return url.Parse(s) }

func TestCrawlRender(t *testing.T) {
	s := newSite(t)
	calls := map[string]int{}
	f := testFetcher(t.TempDir())
	f.Renderer = RendererFunc(func(ctx context.Context, u string) ([]byte, error) {
		calls[strings.TrimPrefix(u, s.srv.URL)]++
		return []byte(page("Gerenderd", "/jaarstukken-2023/uit-script")), nil
	})
	r := runCrawl(t, f, s, model.Source{Location: s.url("/jaarstukken-2023/")}, CrawlOptions{})
	if !slices.Contains(r.pages, "/jaarstukken-2023/app") || r.fails["/jaarstukken-2023/app"] != nil {
		t.Errorf("rendered page not crawled: pages %q, fails %v", r.pages, r.fails)
	}
	if _, ok := r.fails["/jaarstukken-2023/uit-script"]; !ok || s.count("/jaarstukken-2023/uit-script") != 1 {
		t.Error("link found in the rendered page not followed")
	}
	raw, err := f.Fetch(context.Background(), model.Source{Location: s.url("/jaarstukken-2023/app")})
	if err != nil || !strings.Contains(string(raw.Data), "Gerenderd") || raw.ContentType != "text/html; charset=utf-8" {
		t.Errorf("fetch after crawl: %v %q", err, raw.ContentType)
	}
	if calls["/jaarstukken-2023/app"] != 1 || len(calls) != 1 {
		t.Errorf("render calls %v, want the shell page once", calls)
	}

	// A renderer that fails, or leaves the page empty, is reported.
	f = testFetcher(t.TempDir())
	f.Renderer = RendererFunc(func(ctx context.Context, u string) ([]byte, error) {
		return []byte(`<div id="root"></div><script src=x.js></script>`), nil
	})
	if _, err := f.Fetch(context.Background(), model.Source{Location: s.url("/jaarstukken-2023/app")}); !errors.Is(err, ErrNeedsJavaScript) {
		t.Errorf("still empty after rendering: %v", err)
	}
	f.Renderer = RendererFunc(func(ctx context.Context, u string) ([]byte, error) { return nil, errors.New("browser crashed") })
	if _, err := f.Fetch(context.Background(), model.Source{Location: s.url("/jaarstukken-2023/app")}); err == nil || !strings.Contains(err.Error(), "browser crashed") {
		t.Errorf("renderer failure: %v", err)
	}
}

func BenchmarkScanPage(b *testing.B) {
	var links []string
	for i := range 1200 {
		links = append(links, "programma-"+strconv.Itoa(i)+"#x")
	}
	data := []byte(page("Jaarstukken", links...))
	base, _ := parseURL("https://x.nl/jaarstukken-2023/")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		scanPage(data, "text/html; charset=utf-8", base)
	}
}
