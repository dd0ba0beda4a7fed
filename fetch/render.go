package fetch

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

// A Renderer loads a web page in a browser and returns the HTML of its
// document after the page's scripts have run, encoded as UTF-8.
//
// Render must be safe for concurrent use, must return soon after ctx is
// done, and should not follow the page to another site. The Fetcher has
// already checked robots.txt for the URL and waited for the host's rate
// limit; what the browser loads besides (scripts, data) is up to the
// Renderer.
type Renderer interface {
	Render(ctx context.Context, url string) ([]byte, error)
}

// RendererFunc lets a plain function be a Renderer.
type RendererFunc func(ctx context.Context, url string) ([]byte, error)

// Render calls fn(ctx, url).
func (fn RendererFunc) Render(ctx context.Context, url string) ([]byte, error) { return fn(ctx, url) }

// renderKey is the cache key of the rendered form of a page.
func renderKey(key string) string { return "render:" + key }

// render replaces shell, the fetched HTML of rawURL, by the page as a
// browser shows it. A page rendered earlier in this run is served from the
// cache; later runs render again (unless Offline), since the content comes
// from requests the cache does not see.
func (f *Fetcher) render(ctx context.Context, rawURL string, shell model.Raw) (model.Raw, error) {
	if f.Renderer == nil {
		// The bytes are returned too: the caller may still want them.
		return shell, fmt.Errorf("%w: %s", ErrNeedsJavaScript, rawURL)
	}
	s := f.init()
	u, err := url.Parse(rawURL)
	if err != nil {
		return shell, fmt.Errorf("fetch: bad URL %q", rawURL)
	}
	u.Fragment = ""
	rkey := renderKey(u.String())
	if fresh, _ := s.isFresh(rkey); fresh || f.Offline {
		if m := s.loadMeta(rkey); m != nil {
			if raw, err := s.fromCache(m); err == nil {
				raw.FromCache = false
				return raw, nil
			}
		}
	}
	if f.Offline {
		return shell, fmt.Errorf("%w: %s needs rendering", ErrNotCached, rawURL)
	}
	h, err := f.host(ctx, u)
	if err != nil {
		return shell, err
	}
	if err := h.limiter.Wait(ctx); err != nil {
		return shell, err
	}
	data, err := f.Renderer.Render(ctx, u.String())
	if err != nil {
		return shell, fmt.Errorf("fetch: rendering %s: %w", rawURL, err)
	}
	if int64(len(data)) > f.maxSize() {
		return shell, fmt.Errorf("%w: rendered %s is %d bytes", ErrTooLarge, rawURL, len(data))
	}
	const ct = "text/html; charset=utf-8"
	raw := model.Raw{URL: shell.URL, ContentType: ct, Format: model.FormatHTML, Data: data, FetchedAt: time.Now().UTC()}
	if base, err := url.Parse(shell.URL); err == nil {
		if _, still := scanPage(data, ct, base); still {
			return raw, fmt.Errorf("%w: %s is still empty after rendering", ErrNeedsJavaScript, rawURL)
		}
	}
	if s.cacheDir != "" {
		m := &cacheMeta{URL: rkey, FinalURL: shell.URL, ContentType: ct, Size: int64(len(data)), FetchedAt: raw.FetchedAt}
		if err := s.store(rkey, m, data); err != nil {
			f.logger().Warn("fetch: cache", "err", err)
		}
		s.markFresh(rkey, true)
	}
	return raw, nil
}
