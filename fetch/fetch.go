package fetch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/jaarzoek/jaarzoek/model"
)

// UserAgent is sent with every request unless Fetcher.UserAgent is set. Its
// first word is also the name jaarzoek looks for in robots.txt.
const UserAgent = "jaarzoek/0.1 (+https://github.com/jaarzoek/jaarzoek)"

// robotsAgent is the product token matched against robots.txt groups.
const robotsAgent = "jaarzoek"

// Defaults for the Fetcher fields left zero.
const (
	DefaultMaxSize      = 200 << 20 // bytes
	DefaultInterval     = time.Second
	DefaultMaxAttempts  = 4
	DefaultBackoff      = 500 * time.Millisecond
	DefaultMaxBackoff   = 30 * time.Second
	DefaultMaxRedirects = 10
	DefaultTimeout      = 10 * time.Minute
)

// A Fetcher gets the bytes of Sources: local files, and http(s) URLs with
// robots.txt, a rate limit per host, retries, conditional requests and an
// on-disk cache. Its methods are safe for concurrent use; set the fields
// before the first call and do not change them afterwards. The zero value
// is ready to use with the defaults named below.
type Fetcher struct {
	// Client sends the requests. nil: a client whose transport has
	// connection, TLS and header time-outs. Its CheckRedirect is ignored:
	// the Fetcher follows redirects itself, so that each hop is checked
	// against robots.txt and the rate limit.
	Client *http.Client

	// UserAgent is the User-Agent header. "": UserAgent (the constant).
	UserAgent string

	// Interval is the least time between two requests to one host,
	// retries and robots.txt included. 0: DefaultInterval (one second).
	// A robots.txt Crawl-delay that is longer wins.
	Interval time.Duration

	// MaxAttempts bounds the tries of one request that fails with a
	// network error, 408, 429 or 5xx. 0: DefaultMaxAttempts (4).
	MaxAttempts int

	// Backoff is the wait before the second try; it doubles with each
	// further try, with random jitter (the wait is between half and all of
	// it), up to MaxBackoff. 0: DefaultBackoff (500 ms) and
	// DefaultMaxBackoff (30 s). A Retry-After header (seconds or an HTTP
	// date) replaces the computed wait but is also capped at MaxBackoff.
	Backoff, MaxBackoff time.Duration

	// Timeout bounds one try, from sending the request to the last byte of
	// the body. 0: DefaultTimeout (10 minutes, for large PDFs on slow
	// sites).
	Timeout time.Duration

	// MaxSize is the largest body accepted, in bytes, for URLs and local
	// files. A larger one fails with ErrTooLarge; it is never cut short.
	// 0: DefaultMaxSize (200 MiB).
	MaxSize int64

	// MaxRedirects bounds the redirects followed for one URL.
	// 0: DefaultMaxRedirects (10).
	MaxRedirects int

	// CacheDir holds the cache of downloaded bodies. "": the folder
	// jaarzoek/http under os.UserCacheDir(). NoCache turns the cache off.
	CacheDir string
	NoCache  bool

	// Offline serves URLs from the cache only, without any request; a URL
	// not in the cache fails with ErrNotCached.
	Offline bool

	// IgnoreRobots skips robots.txt (for sites one is allowed to crawl
	// whatever their robots.txt says). Crawl-delay is then not known.
	IgnoreRobots bool

	// Renderer loads pages that are empty JavaScript shells in a browser.
	// nil: such pages fail with ErrNeedsJavaScript.
	Renderer Renderer

	// Logger receives retries and cache problems at Debug and Warn level.
	// nil: slog.Default().
	Logger *slog.Logger

	once  sync.Once
	state *state
}

// state is what a Fetcher builds on first use.
type state struct {
	client   *http.Client
	cacheDir string // "" when the cache is off
	mu       sync.Mutex
	hosts    map[string]*host         // by scheme://host:port
	limiters map[string]*rate.Limiter // by host name
	fresh    map[string]bool          // URLs fetched (true) or revalidated (false) in this run
}

func (f *Fetcher) init() *state {
	f.once.Do(func() {
		s := &state{hosts: map[string]*host{}, limiters: map[string]*rate.Limiter{}, fresh: map[string]bool{}}
		c := f.Client
		if c == nil {
			c = defaultClient()
		}
		cc := *c
		cc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		s.client = &cc
		if !f.NoCache {
			s.cacheDir = f.CacheDir
			if s.cacheDir == "" {
				if d, err := os.UserCacheDir(); err == nil {
					s.cacheDir = filepath.Join(d, "jaarzoek", "http")
				} else {
					f.logger().Warn("fetch: no user cache folder; the cache is off", "err", err)
				}
			}
		}
		f.state = s
	})
	return f.state
}

func defaultClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = time.Minute
	t.TLSHandshakeTimeout = 15 * time.Second
	t.IdleConnTimeout = 90 * time.Second
	return &http.Client{Transport: t}
}

func (f *Fetcher) logger() *slog.Logger {
	if f.Logger != nil {
		return f.Logger
	}
	return slog.Default()
}

func (f *Fetcher) maxSize() int64 {
	if f.MaxSize > 0 {
		return f.MaxSize
	}
	return DefaultMaxSize
}

func (f *Fetcher) userAgent() string {
	if f.UserAgent != "" {
		return f.UserAgent
	}
	return UserAgent
}

// Fetch returns the bytes of src, a local path or an http(s) URL, with
// their format. Raw.URL is the cleaned path or the final URL after
// redirects. Every error is a *model.SourceError with Stage "fetch" naming
// src.Location; its cause is one of the package's sentinels, a *StatusError
// or an I/O error. An HTML page fetched from a URL that is an empty shell
// filled by JavaScript is rendered by the Renderer, or without one
// returned as fetched with ErrNeedsJavaScript.
func (f *Fetcher) Fetch(ctx context.Context, src model.Source) (model.Raw, error) {
	var raw model.Raw
	var err error
	if isURL(src.Location) {
		raw, err = f.fetchURL(ctx, src.Location, "")
		if err == nil && raw.Format == model.FormatHTML {
			if base, perr := url.Parse(raw.URL); perr == nil {
				if _, shell := scanPage(raw.Data, raw.ContentType, base); shell {
					raw, err = f.render(ctx, src.Location, raw)
				}
			}
		}
	} else {
		raw, err = f.fetchFile(ctx, src.Location)
	}
	raw.Source = src
	if err != nil {
		return raw, &model.SourceError{Source: src.Location, Stage: model.StageFetch, Err: err}
	}
	return raw, nil
}

// fetchFile reads a local file.
func (f *Fetcher) fetchFile(ctx context.Context, name string) (model.Raw, error) {
	if err := ctx.Err(); err != nil {
		return model.Raw{}, err
	}
	clean := filepath.Clean(name)
	fh, err := os.Open(clean)
	if err != nil {
		return model.Raw{}, fmt.Errorf("fetch: %w", err)
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return model.Raw{}, fmt.Errorf("fetch: %w", err)
	}
	if fi.IsDir() {
		return model.Raw{}, fmt.Errorf("fetch: %s is a folder", clean)
	}
	max := f.maxSize()
	if fi.Size() > max {
		return model.Raw{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, fi.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return model.Raw{}, fmt.Errorf("fetch: reading %s: %w", clean, err)
	}
	if int64(len(data)) > max {
		return model.Raw{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	format, err := DetectFormat(data, clean, "")
	if err != nil {
		return model.Raw{}, err
	}
	return model.Raw{URL: clean, Format: format, Data: data}, nil
}
