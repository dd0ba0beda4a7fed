package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a small report site on loopback. It counts requests per path and
// status, and remembers when each request came.
type site struct {
	t   testing.TB
	srv *httptest.Server

	mu     sync.Mutex
	hits   map[string]int // path → requests
	codes  map[string]int // "path code" → responses
	times  []time.Time    // arrival of every request, robots.txt included
	agents map[string]bool
	etag   map[string]string // path → ETag override
	flaky  map[string]int    // path → failures still to serve
}

const pdfBody = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"

func newSite(t testing.TB) *site {
	s := &site{t: t, hits: map[string]int{}, codes: map[string]int{}, agents: map[string]bool{},
		etag: map[string]string{}, flaky: map[string]int{
			"/jaarstukken-2023/druk":    1, // one 429
			"/jaarstukken-2023/storing": 2, // two 503s
			"/jaarstukken-2023/reset":   1, // one dropped connection
		}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(p string) string { return s.srv.URL + p }

func (s *site) count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func (s *site) countCode(p string, code int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.codes[fmt.Sprintf("%s %d", p, code)]
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func (s *site) setETag(p, etag string) {
	s.mu.Lock()
	s.etag[p] = etag
	s.mu.Unlock()
}

// page wraps body text and links in an HTML page with enough text to not
// look like a JavaScript shell.
func page(title string, links ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>%s</title><script src=/app.js></script></head><body><h1>%s</h1>", title, title)
	b.WriteString("<p>" + strings.Repeat("De gemeente legt verantwoording af over het jaar. ", 6) + "</p><ul>")
	for _, l := range links {
		fmt.Fprintf(&b, `<li><a href="%s">link</a></li>`, l)
	}
	b.WriteString("</ul></body></html>")
	return b.String()
}

var lastMod = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.mu.Lock()
	s.hits[p]++
	s.times = append(s.times, time.Now())
	s.agents[r.Header.Get("User-Agent")] = true
	fails := s.flaky[p]
	if fails > 0 {
		s.flaky[p]--
	}
	etag := s.etag[p]
	s.mu.Unlock()
	rec := &codeRecorder{ResponseWriter: w, code: 200}
	defer func() {
		s.mu.Lock()
		s.codes[fmt.Sprintf("%s %d", p, rec.code)]++
		s.mu.Unlock()
	}()
	w = rec

	const pre = "/jaarstukken-2023/"
	switch p {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /jaarstukken-2023/geheim\nCrawl-delay: 0.03\n")
		return
	case pre:
		s.conditional(w, r, etag, page("Jaarstukken 2023",
			"programma-1", "programma-2", "geheim", "druk", "storing", "reset", "oud",
			"lus-a", "groot", "app", "weg", "extern", "ansi", "alias",
			"/documenten/jaarrekening.pdf", "/andere-rapport/", "https://elders.invalid/x",
			"programma-1/#top", "#inhoud", "mailto:info@gemeente.nl", "logo.png", "style.css",
			"tel:14020", "javascript:void(0)"), "")
	case pre + "programma-1":
		s.conditional(w, r, etag, page("Programma 1", "/jaarstukken-2023/", "programma-2#doelen", "HTTP://"+r.Host+"/jaarstukken-2023/programma-1?print=1"), "")
	case pre + "programma-2":
		s.conditional(w, r, etag, page("Programma 2", "../jaarstukken-2023/programma-1"), "")
	case pre + "druk":
		if fails > 0 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		s.conditional(w, r, etag, page("Druk"), "")
	case pre + "storing":
		if fails > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		s.conditional(w, r, etag, page("Storing"), "")
	case pre + "reset":
		if fails > 0 {
			// Promise more body than is sent: the client reads an
			// unexpected EOF, a network error the transport leaves to us.
			w.Header().Set("Content-Length", "5000")
			fmt.Fprint(w, "<html><body>afgebroken")
			return
		}
		s.conditional(w, r, etag, page("Reset"), "")
	case pre + "oud":
		// Last-Modified only, no ETag.
		if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !lastMod.After(ims) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod.Format(http.TimeFormat))
		fmt.Fprint(w, page("Oud"))
	case pre + "lus-a":
		http.Redirect(w, r, pre+"lus-b", http.StatusFound)
	case pre + "lus-b":
		http.Redirect(w, r, pre+"lus-a", http.StatusMovedPermanently)
	case pre + "groot":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>")
		for range 64 {
			fmt.Fprint(w, strings.Repeat("x", 1024))
			w.(http.Flusher).Flush() // no Content-Length: the limit must hold while reading
		}
	case pre + "app":
		fmt.Fprint(w, `<!doctype html><html><head><script src="/js/chunk-vendors.js"></script><script src="/js/app.js"></script></head>`+
			`<body><noscript><strong>We're sorry but this site doesn't work properly without JavaScript enabled.</strong></noscript><div id="app"></div></body></html>`)
	case pre + "alias":
		http.Redirect(w, r, pre+"programma-2", http.StatusMovedPermanently)
	case pre + "extern":
		http.Redirect(w, r, "http://localhost.invalid/elders", http.StatusFound)
	case pre + "ansi":
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		// "Bijlage – € 1.000" in windows-1252: 0x96 is an en dash, 0x80 the euro sign.
		body := page("Bijlage \x96 \x80 1.000", "bijlage-\xe9\xe9n")
		s.conditional(w, r, etag, body, "text/html; charset=windows-1252")
	case pre + "bijlage-één":
		s.conditional(w, r, etag, page("Bijlage één"), "")
	case "/documenten/jaarrekening.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		s.conditional(w, r, etag, pdfBody, "application/pdf")
	default:
		http.NotFound(w, r)
	}
}

// conditional serves body with an ETag (the override, else a hash of the
// body) and answers 304 to a matching If-None-Match.
func (s *site) conditional(w http.ResponseWriter, r *http.Request, etag, body, ct string) {
	if etag == "" {
		sum := sha256.Sum256([]byte(body))
		etag = `"` + hex.EncodeToString(sum[:8]) + `"`
	}
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if ct == "" {
		ct = "text/html; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	fmt.Fprint(w, body)
}

// codeRecorder remembers the status written.
type codeRecorder struct {
	http.ResponseWriter
	code int
}

func (c *codeRecorder) WriteHeader(code int) {
	c.code = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *codeRecorder) Flush() { c.ResponseWriter.(http.Flusher).Flush() }
