package render

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/model"
)

// shellSite serves a page whose text and links a script writes after a
// short delay, as single-page applications do.
func shellSite() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/doc/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Jaarstukken</title></head><body>`+
			`<noscript>Schakel JavaScript in om deze site te gebruiken.</noscript><div id="app"></div>`+
			`<script src="/app.js"></script></body></html>`)
	})
	mux.HandleFunc("/app.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `setTimeout(function () {
  var p = location.pathname;
  document.getElementById("app").innerHTML =
    "<h1>Programma " + p + "</h1><p>" + "De lasten waren hoger dan begroot. ".repeat(10) + "</p>" +
    "<table><tr><th>Indicator</th><th>2023</th></tr><tr><td>Banen</td><td>612,3</td></tr></table>" +
    (p === "/doc/" ? "<a href=\"/doc/p2\">volgende</a>" : "");
}, 150);`)
	})
	return httptest.NewServer(mux)
}

func needBrowser(t *testing.T) *Chrome {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	c := &Chrome{Settle: 5 * time.Second, Poll: 100 * time.Millisecond}
	if _, err := c.Find(); err != nil {
		t.Skipf("no browser to render with (%v); install the Debian package chromium to run this test", err)
	}
	return c
}

func TestRender(t *testing.T) {
	c := needBrowser(t)
	srv := shellSite()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	html, err := c.Render(ctx, srv.URL+"/doc/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<h1>Programma /doc/</h1>", "<td>612,3</td>", `href="/doc/p2"`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("rendered page lacks %q:\n%s", want, html)
		}
	}
}

func TestRenderInCrawl(t *testing.T) {
	c := needBrowser(t)
	srv := shellSite()
	defer srv.Close()
	var calls int
	f := &fetch.Fetcher{Interval: time.Millisecond, CacheDir: t.TempDir(),
		Renderer: fetch.RendererFunc(func(ctx context.Context, u string) ([]byte, error) {
			calls++
			return c.Render(ctx, u)
		})}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var pages []string
	for src, err := range f.Crawl(ctx, model.Source{Location: srv.URL + "/doc/"}, fetch.CrawlOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, strings.TrimPrefix(src.Location, srv.URL))
		raw, err := f.Fetch(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw.Data), "612,3") {
			t.Errorf("%s: fetched page is not the rendered one", src.Location)
		}
	}
	if strings.Join(pages, " ") != "/doc/ /doc/p2" || calls != 2 {
		t.Errorf("pages %q, %d renders; want /doc/ and /doc/p2, each rendered once", pages, calls)
	}
}

func TestRenderCancel(t *testing.T) {
	c := needBrowser(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Render(ctx, "http://127.0.0.1:1/"); err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestNoBrowser(t *testing.T) {
	c := &Chrome{ExecPath: "/nonexistent/chromium"}
	if _, err := c.Render(context.Background(), "http://127.0.0.1:1/"); !errors.Is(err, ErrNoBrowser) {
		t.Errorf("got %v, want ErrNoBrowser", err)
	}
}
