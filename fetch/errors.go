package fetch

import (
	"errors"
	"fmt"
	"net/http"
)

// Sentinel errors. Every error the package returns for a source is a
// *model.SourceError with Stage "fetch" that wraps one of these (or an I/O
// error), so callers test them with errors.Is.
var (
	// ErrUnsupported: the bytes are neither HTML nor PDF.
	ErrUnsupported = errors.New("fetch: not an HTML or PDF document")
	// ErrEmpty: the file or response body has no bytes.
	ErrEmpty = errors.New("fetch: empty document")
	// ErrDisallowed: the site's robots.txt forbids jaarzoek to fetch the URL.
	ErrDisallowed = errors.New("fetch: disallowed by robots.txt")
	// ErrTooLarge: the body is larger than Fetcher.MaxSize; nothing is kept.
	ErrTooLarge = errors.New("fetch: response too large")
	// ErrTooManyRedirects: more than Fetcher.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("fetch: too many redirects")
	// ErrRedirectLoop: a redirect leads back to a URL already visited.
	ErrRedirectLoop = errors.New("fetch: redirect loop")
	// ErrInsecureRedirect: an https URL redirects to plain http.
	ErrInsecureRedirect = errors.New("fetch: redirect from https to http refused")
	// ErrNotCached: Fetcher.Offline is set and the URL is not in the cache.
	ErrNotCached = errors.New("fetch: not in the cache (offline)")
	// ErrNeedsJavaScript: the page is an empty shell that a browser fills
	// with JavaScript; its text is not in the HTML.
	ErrNeedsJavaScript = errors.New("fetch: page needs JavaScript to show its content")
	// ErrOffSite: a crawled page redirected to another site.
	ErrOffSite = errors.New("fetch: redirected off the site")
	// ErrCrawlLimit: a crawl stopped at CrawlOptions.MaxPages before it had
	// seen every page of the document.
	ErrCrawlLimit = errors.New("fetch: crawl page limit reached")
	// ErrManifest: a manifest row cannot be read.
	ErrManifest = errors.New("fetch: bad manifest row")
)

// A StatusError is an HTTP response whose status is not a success, after any
// retries. Code is the last status received.
type StatusError struct {
	URL  string // the URL that answered with Code (after redirects)
	Code int    // HTTP status code, e.g. 404
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch: %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}
