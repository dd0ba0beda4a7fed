package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"

	"github.com/jaarzoek/jaarzoek/model"
)

// host is what the Fetcher knows about one scheme://host[:port].
type host struct {
	ready     chan struct{} // closed when robots and limiter are set
	robots    *robotstxt.Group
	robotsErr error // robots.txt could not be read; every URL of the host fails
	limiter   *rate.Limiter
	aborted   bool // robots.txt was not read: the ctx of the reader ended
}

// response is one final answer to a GET, after redirects and retries.
type response struct {
	url    string // final URL
	code   int
	header http.Header
	body   []byte // only for 2xx
}

// hostKey returns the scheme and host of u in lower case.
func hostKey(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
}

// host returns the state of u's host, reading its robots.txt on first use.
// Concurrent callers for a new host wait for the first one; when that one's
// ctx ends before robots.txt is read, the next caller reads it.
func (f *Fetcher) host(ctx context.Context, u *url.URL) (*host, error) {
	s := f.init()
	key := hostKey(u)
	for {
		s.mu.Lock()
		h, ok := s.hosts[key]
		if !ok {
			// http and https of one host share a limiter: the rate is the
			// server's, not the scheme's.
			name := strings.ToLower(u.Hostname())
			lim := s.limiters[name]
			if lim == nil {
				lim = rate.NewLimiter(rate.Every(f.interval()), 1)
				s.limiters[name] = lim
			}
			h = &host{ready: make(chan struct{}), limiter: lim}
			s.hosts[key] = h
		}
		s.mu.Unlock()
		if !ok {
			f.loadRobots(ctx, h, key)
			if err := ctx.Err(); err != nil {
				s.mu.Lock()
				delete(s.hosts, key)
				s.mu.Unlock()
				h.aborted = true
				close(h.ready)
				return nil, err
			}
			close(h.ready)
			return h, nil
		}
		select {
		case <-h.ready:
			if !h.aborted {
				return h, nil
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func (f *Fetcher) interval() time.Duration {
	if f.Interval > 0 {
		return f.Interval
	}
	return DefaultInterval
}

// loadRobots fetches key/robots.txt into h and slows h's limiter to its
// Crawl-delay when that is longer than the Interval.
func (f *Fetcher) loadRobots(ctx context.Context, h *host, key string) {
	if f.IgnoreRobots || f.Offline {
		return
	}
	robotsURL := key + "/robots.txt"
	resp, err := f.follow(ctx, h, robotsURL, nil, false, "")
	var sc *StatusError
	switch {
	case errors.As(err, &sc) && sc.Code == http.StatusTooManyRequests:
		// Google reads a robots.txt that keeps answering 429 as a server
		// error: crawl nothing.
		resp, err = &response{code: http.StatusServiceUnavailable}, nil
	case errors.As(err, &sc):
		resp, err = &response{code: sc.Code}, nil
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrRedirectLoop),
		errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrInsecureRedirect):
		// Like Google, an oversized robots.txt or one behind broken
		// redirects counts as none.
		resp, err = &response{code: http.StatusNotFound}, nil
	}
	if err != nil {
		h.robotsErr = fmt.Errorf("fetch: reading %s: %w", robotsURL, err)
		return
	}
	data, err := robotstxt.FromStatusAndBytes(resp.code, resp.body)
	if err != nil {
		// A robots.txt the parser rejects is read as allowing everything,
		// rather than blocking a site over a syntax slip.
		f.logger().Warn("fetch: unreadable robots.txt, treating it as allowing all", "url", robotsURL, "err", err)
		return
	}
	h.robots = data.FindGroup(robotsAgent)
	if resp.code >= 500 {
		h.robotsErr = fmt.Errorf("%w: %s answered HTTP %d", ErrDisallowed, robotsURL, resp.code)
	}
	if d := h.robots.CrawlDelay; d > f.interval() && rate.Every(d) < h.limiter.Limit() {
		h.limiter.SetLimit(rate.Every(d))
		// The token that refilled at the old rate while robots.txt was read
		// is taken, so the next request waits the whole delay.
		if h.limiter.Tokens() >= 1 {
			h.limiter.Allow()
		}
	}
}

// allowed reports whether robots.txt lets jaarzoek fetch u.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	h, err := f.host(ctx, u)
	if err != nil {
		return err
	}
	if h.robotsErr != nil {
		return h.robotsErr
	}
	if h.robots == nil {
		return nil
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	if !h.robots.Test(p) {
		return fmt.Errorf("%w: %s", ErrDisallowed, u.Redacted())
	}
	return nil
}

// follow GETs rawURL with hdr, following redirects itself: each hop is
// checked against robots.txt (when checkRobots), rate limited and retried.
// A status that is neither 2xx nor 304 is a *StatusError. When stayOn is
// a host ("x.nl", "127.0.0.1:8080"), a redirect to another host fails with
// ErrOffSite before it is followed.
func (f *Fetcher) follow(ctx context.Context, h *host, rawURL string, hdr http.Header, checkRobots bool, stayOn string) (*response, error) {
	max := f.MaxRedirects
	if max <= 0 {
		max = DefaultMaxRedirects
	}
	seen := map[string]bool{}
	cur := rawURL
	for hops := 0; ; hops++ {
		u, err := url.Parse(cur)
		if err != nil {
			return nil, fmt.Errorf("fetch: bad URL %q: %w", cur, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return nil, fmt.Errorf("fetch: unsupported URL scheme %q in %s", u.Scheme, cur)
		}
		u.Fragment = ""
		seen[u.String()] = true
		// robots.txt itself is fetched under its own host's limiter on every
		// hop: asking for another host's state here could wait on the
		// robots.txt being read.
		hh := h
		if checkRobots && (hh == nil || hops > 0) {
			if err := f.allowed(ctx, u); err != nil {
				return nil, err
			}
			if hh, err = f.host(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, err := f.retry(ctx, hh, u.String(), hdr)
		if err != nil {
			return nil, err
		}
		switch resp.code {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
			http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		default:
			if resp.code/100 == 2 || resp.code == http.StatusNotModified {
				return resp, nil
			}
			return nil, &StatusError{URL: resp.url, Code: resp.code}
		}
		loc := resp.header.Get("Location")
		if loc == "" {
			return nil, &StatusError{URL: resp.url, Code: resp.code}
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("fetch: %s redirects to a bad URL %q: %w", u, loc, err)
		}
		next.Fragment = ""
		switch {
		case u.Scheme == "https" && next.Scheme == "http":
			return nil, fmt.Errorf("%w: %s to %s", ErrInsecureRedirect, u, next)
		case stayOn != "" && normalURL(next).Host != stayOn:
			return nil, fmt.Errorf("%w: %s redirects to %s", ErrOffSite, u, next)
		case seen[next.String()]:
			return nil, fmt.Errorf("%w: %s leads back to %s", ErrRedirectLoop, u, next)
		case hops+1 > max:
			return nil, fmt.Errorf("%w: more than %d, last %s", ErrTooManyRedirects, max, next)
		}
		cur = next.String()
	}
}

// retry sends one GET, trying again on network errors, 408, 429 and 5xx
// with exponential backoff and jitter.
func (f *Fetcher) retry(ctx context.Context, h *host, u string, hdr http.Header) (*response, error) {
	attempts := f.MaxAttempts
	if attempts <= 0 {
		attempts = DefaultMaxAttempts
	}
	for try := 1; ; try++ {
		resp, err := f.attempt(ctx, h, u, hdr)
		var wait time.Duration
		switch {
		case err == nil && !retryable(resp.code):
			return resp, nil
		case err != nil && !transient(ctx, err):
			return nil, err
		case try >= attempts:
			if err != nil {
				return nil, fmt.Errorf("fetch: giving up after %d tries: %w", try, err)
			}
			return resp, nil
		case err == nil:
			wait = retryAfter(resp.header.Get("Retry-After"), time.Now())
		}
		if wait <= 0 {
			wait = f.backoff(try)
		}
		wait = min(wait, f.maxBackoff())
		f.logger().Debug("fetch: retrying", "url", u, "try", try, "wait", wait, "status", statusOf(resp), "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

func statusOf(r *response) int {
	if r == nil {
		return 0
	}
	return r.code
}

func (f *Fetcher) maxBackoff() time.Duration {
	if f.MaxBackoff > 0 {
		return f.MaxBackoff
	}
	return DefaultMaxBackoff
}

// backoff returns the wait after the try-th failure: Backoff·2^(try-1)
// capped at MaxBackoff, then a random part of its lower half taken off so
// that clients do not retry in step.
func (f *Fetcher) backoff(try int) time.Duration {
	base := f.Backoff
	if base <= 0 {
		base = DefaultBackoff
	}
	d := base
	for i := 1; i < try && d < f.maxBackoff(); i++ {
		d *= 2
	}
	d = min(d, f.maxBackoff())
	return d/2 + rand.N(d/2+1)
}

// retryAfter parses a Retry-After header, in seconds or as an HTTP date;
// it returns 0 when there is none or it cannot be read.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

func retryable(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests ||
		(code >= 500 && code != http.StatusNotImplemented && code != http.StatusHTTPVersionNotSupported)
}

// transient reports whether a failed try is worth repeating: network
// errors, time-outs and cut-off bodies are; our own refusals, a done ctx,
// an unknown host and a bad certificate are not.
func transient(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEmpty) {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false
	}
	var cert *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	if errors.As(err, &cert) || errors.As(err, &unknownCA) || errors.As(err, &hostname) || errors.As(err, &invalid) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED)
}

// attempt sends one GET after waiting for the host's rate limit and reads
// a 2xx body, refusing one larger than MaxSize.
func (f *Fetcher) attempt(ctx context.Context, h *host, u string, hdr http.Header) (*response, error) {
	if err := h.limiter.Wait(ctx); err != nil {
		return nil, err
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", f.userAgent())
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5")
	}
	resp, err := f.init().client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{url: u, code: resp.StatusCode, header: resp.Header}
	if resp.StatusCode/100 != 2 {
		// Drain a little so the connection can be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return r, nil
	}
	max := f.maxSize()
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: %s is %d bytes, limit %d", ErrTooLarge, u, resp.ContentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: reading body of %s: %w", u, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: %s is more than %d bytes", ErrTooLarge, u, max)
	}
	r.body = body
	return r, nil
}

// fetchURL fetches one URL through the cache: a URL already fetched in this
// run is served from the cache without a request; one cached earlier is
// revalidated with If-None-Match / If-Modified-Since. stayOn is passed to
// follow.
func (f *Fetcher) fetchURL(ctx context.Context, rawURL, stayOn string) (model.Raw, error) {
	s := f.init()
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return model.Raw{}, fmt.Errorf("fetch: bad URL %q", rawURL)
	}
	u.Fragment = ""
	key := u.String()
	meta := s.loadMeta(key)
	if fresh, downloaded := s.isFresh(key); meta != nil && (f.Offline || fresh) {
		if raw, err := s.fromCache(meta); err == nil {
			// Bytes downloaded earlier in this run are new to the caller.
			raw.FromCache = !downloaded
			return raw, nil
		} else if f.Offline {
			return model.Raw{}, err
		}
		meta = nil
	}
	if f.Offline {
		return model.Raw{}, fmt.Errorf("%w: %s", ErrNotCached, key)
	}
	if err := f.allowed(ctx, u); err != nil {
		return model.Raw{}, err
	}
	hdr := http.Header{}
	if meta != nil {
		if meta.ETag != "" {
			hdr.Set("If-None-Match", meta.ETag)
		}
		if meta.LastModified != "" {
			hdr.Set("If-Modified-Since", meta.LastModified)
		}
	}
	h, err := f.host(ctx, u)
	if err != nil {
		return model.Raw{}, err
	}
	resp, err := f.follow(ctx, h, key, hdr, true, stayOn)
	if err != nil {
		return model.Raw{}, err
	}
	now := time.Now().UTC()
	if resp.code == http.StatusNotModified {
		if meta == nil {
			return model.Raw{}, &StatusError{URL: resp.url, Code: resp.code}
		}
		raw, err := s.fromCache(meta)
		if err != nil {
			// The cached body is gone or damaged: fetch it whole.
			s.dropMeta(key)
			return f.fetchURL(ctx, rawURL, stayOn)
		}
		meta.FetchedAt = now
		if et := resp.header.Get("ETag"); et != "" {
			meta.ETag = et
		}
		if err := s.storeMeta(key, meta); err != nil {
			f.logger().Warn("fetch: cache", "err", err)
		}
		s.markFresh(key, false)
		raw.FetchedAt = now
		return raw, nil
	}
	ct := resp.header.Get("Content-Type")
	format, err := DetectFormat(resp.body, resp.url, ct)
	if err != nil {
		return model.Raw{}, fmt.Errorf("%s: %w", resp.url, err)
	}
	raw := model.Raw{URL: resp.url, ContentType: ct, Format: format, Data: resp.body, FetchedAt: now}
	if s.cacheDir != "" {
		m := &cacheMeta{
			URL: key, FinalURL: resp.url, ETag: resp.header.Get("ETag"),
			LastModified: resp.header.Get("Last-Modified"), ContentType: ct,
			Size: int64(len(resp.body)), FetchedAt: now,
		}
		if err := s.store(key, m, resp.body); err != nil {
			f.logger().Warn("fetch: cache", "err", err)
		}
	}
	s.markFresh(key, true)
	return raw, nil
}
