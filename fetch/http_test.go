package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

func fetchURL(t *testing.T, f *Fetcher, u string) (model.Raw, error) {
	t.Helper()
	raw, err := f.Fetch(context.Background(), model.Source{Location: u})
	if err != nil {
		var se *model.SourceError
		if !errors.As(err, &se) || se.Stage != model.StageFetch || se.Source != u {
			t.Fatalf("error %v is not a fetch SourceError for %s", err, u)
		}
	}
	return raw, err
}

func TestFetchHTTP(t *testing.T) {
	s := newSite(t)
	cache := t.TempDir()
	f := testFetcher(cache)
	f.Client = s.srv.Client()

	raw, err := fetchURL(t, f, s.url("/jaarstukken-2023/ansi"))
	if err != nil {
		t.Fatal(err)
	}
	if raw.Format != model.FormatHTML || !strings.Contains(string(raw.Data), "\x80 1.000") ||
		raw.ContentType != "text/html; charset=windows-1252" || raw.FromCache || raw.FetchedAt.IsZero() ||
		raw.URL != s.url("/jaarstukken-2023/ansi") {
		t.Errorf("windows-1252 page: %+v", raw)
	}

	raw, err = fetchURL(t, f, s.url("/documenten/jaarrekening.pdf#page=2"))
	if err != nil || raw.Format != model.FormatPDF || string(raw.Data) != pdfBody {
		t.Errorf("pdf: %v %+v", err, raw.Format)
	}

	raw, err = fetchURL(t, f, s.url("/jaarstukken-2023/app"))
	if !errors.Is(err, ErrNeedsJavaScript) || len(raw.Data) == 0 {
		t.Errorf("shell: %v, %d bytes", err, len(raw.Data))
	}

	_, err = fetchURL(t, f, s.url("/jaarstukken-2023/geheim"))
	if !errors.Is(err, ErrDisallowed) || s.count("/jaarstukken-2023/geheim") != 0 {
		t.Errorf("disallowed: %v", err)
	}

	// Offline: the cache answers, without a request; a miss is an error.
	before := s.total()
	off := testFetcher(cache)
	off.Offline = true
	raw, err = fetchURL(t, off, s.url("/jaarstukken-2023/ansi"))
	if err != nil || !raw.FromCache || raw.URL != s.url("/jaarstukken-2023/ansi") {
		t.Errorf("offline hit: %v %+v", err, raw.FromCache)
	}
	if _, err := fetchURL(t, off, s.url("/jaarstukken-2023/programma-1")); !errors.Is(err, ErrNotCached) {
		t.Errorf("offline miss: %v", err)
	}
	if s.total() != before {
		t.Errorf("offline made %d requests", s.total()-before)
	}

	// A damaged cached body is never served: it is downloaded again.
	filepath.WalkDir(filepath.Join(cache, "body"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.WriteFile(p, []byte("<html>kapot"), 0o644)
		}
		return nil
	})
	again := testFetcher(cache)
	n200 := s.countCode("/jaarstukken-2023/ansi", 200)
	raw, err = fetchURL(t, again, s.url("/jaarstukken-2023/ansi"))
	if err != nil || raw.FromCache || !strings.Contains(string(raw.Data), "\x80") || s.countCode("/jaarstukken-2023/ansi", 200) != n200+1 {
		t.Errorf("damaged cache: %v, FromCache %v", err, raw.FromCache)
	}
}

func TestFetchHTTPFailures(t *testing.T) {
	var tries atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/altijd-storing", func(w http.ResponseWriter, r *http.Request) {
		tries.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	})
	mux.HandleFunc("/wacht", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/lang", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "999999999")
		w.WriteHeader(200)
	})
	mux.HandleFunc("/keten/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/keten/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/keten/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/verhuisd", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/nieuw.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/nieuw.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Nieuw"))
	})
	mux.HandleFunc("/leeg", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/plaatje", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := testFetcher(t.TempDir())

	tests := []struct {
		path string
		is   error
		code int
	}{
		{"/altijd-storing", nil, 502},
		{"/wacht", nil, 429},
		{"/bestaat-niet", nil, 404},
		{"/lang", ErrTooLarge, 0},
		{"/keten/0", ErrTooManyRedirects, 0},
		{"/leeg", ErrEmpty, 0},
		{"/plaatje", ErrUnsupported, 0},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			_, err := fetchURL(t, f, srv.URL+tt.path)
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("got %v, want %v", err, tt.is)
			}
			var se *StatusError
			if tt.code != 0 && (!errors.As(err, &se) || se.Code != tt.code || se.URL != srv.URL+tt.path) {
				t.Errorf("got %v, want status %d", err, tt.code)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v: Retry-After not capped", d)
			}
		})
	}
	if n := tries.Load(); n != DefaultMaxAttempts {
		t.Errorf("502 tried %d times, want %d", n, DefaultMaxAttempts)
	}

	raw, err := fetchURL(t, f, srv.URL+"/verhuisd")
	if err != nil || raw.URL != srv.URL+"/nieuw.html" {
		t.Errorf("redirect: %v, final URL %q", err, raw.URL)
	}
}

func TestInsecureRedirect(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Onveilig"))
	}))
	defer plain.Close()
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/x", http.StatusFound)
	}))
	defer tls.Close()
	f := testFetcher(t.TempDir())
	f.Client = tls.Client()
	if _, err := fetchURL(t, f, tls.URL+"/doc"); !errors.Is(err, ErrInsecureRedirect) {
		t.Errorf("got %v, want ErrInsecureRedirect", err)
	}
}

func TestRobotsServerError(t *testing.T) {
	var pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		pages.Add(1)
		fmt.Fprint(w, page("x"))
	}))
	defer srv.Close()
	f := testFetcher(t.TempDir())
	if _, err := fetchURL(t, f, srv.URL+"/a"); !errors.Is(err, ErrDisallowed) || pages.Load() != 0 {
		t.Errorf("got %v after %d page requests; a failing robots.txt must stop the crawl", err, pages.Load())
	}
	f = testFetcher(t.TempDir())
	f.IgnoreRobots = true
	if _, err := fetchURL(t, f, srv.URL+"/a"); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestFetchCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	f := testFetcher(t.TempDir())
	f.Backoff, f.MaxBackoff, f.MaxAttempts = time.Hour, time.Hour, 5
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.Fetch(ctx, model.Source{Location: srv.URL + "/x"})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("got %v after %v", err, time.Since(start))
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
	}{
		{"", 0},
		{"7", 7 * time.Second},
		{" 0 ", 0},
		{"-3", 0},
		{"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.v, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	f := &Fetcher{Backoff: 100 * time.Millisecond, MaxBackoff: time.Second}
	for try, hi := range []time.Duration{0, 100, 200, 400, 800, 1000, 1000} {
		if try == 0 {
			continue
		}
		hi *= time.Millisecond
		for range 50 {
			if d := f.backoff(try); d < hi/2 || d > hi {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", try, d, hi/2, hi)
			}
		}
	}
}

func TestFetchConcurrent(t *testing.T) {
	s := newSite(t)
	f := testFetcher(t.TempDir())
	paths := []string{"/jaarstukken-2023/", "/jaarstukken-2023/programma-1", "/jaarstukken-2023/programma-2",
		"/jaarstukken-2023/oud", "/jaarstukken-2023/ansi", "/documenten/jaarrekening.pdf"}
	errs := make(chan error, 2*len(paths))
	for range 2 {
		for _, p := range paths {
			go func() {
				_, err := f.Fetch(context.Background(), model.Source{Location: s.url(p)})
				errs <- err
			}()
		}
	}
	for range 2 * len(paths) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt read %d times", n)
	}
	s.mu.Lock()
	times := slices.Clone(s.times)
	s.mu.Unlock()
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	if d, want := times[len(times)-1].Sub(times[0]), time.Duration(len(times)-1)*27*time.Millisecond; d < want {
		t.Errorf("%d concurrent requests in %v: Crawl-delay not kept", len(times), d)
	}
}
