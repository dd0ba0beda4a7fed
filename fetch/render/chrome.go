package render

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jaarzoek/jaarzoek/fetch"
)

// ErrNoBrowser: no Chromium or Chrome executable was found.
var ErrNoBrowser = errors.New("render: no chromium or chrome found")

// Browsers are the executables looked for in PATH, in order, when
// Chrome.ExecPath is empty.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell", "chrome"}

// Defaults for the Chrome fields left zero.
const (
	DefaultSettle = 10 * time.Second
	DefaultPoll   = 250 * time.Millisecond
)

// Chrome renders pages with a headless Chromium started for each call with
// --headless --no-sandbox --disable-gpu --disable-background-networking
// --disable-component-update --disable-sync --no-first-run. The zero value
// is ready to use; a *Chrome is safe for concurrent use.
type Chrome struct {
	// ExecPath is the browser executable. "": the first of Browsers found
	// in PATH.
	ExecPath string
	// UserAgent is the browser's User-Agent. "": fetch.UserAgent.
	UserAgent string
	// Settle bounds the wait, after the load event, for the page's text to
	// stop changing. 0: DefaultSettle (10 s).
	Settle time.Duration
	// Poll is how often the text length is read while waiting.
	// 0: DefaultPoll (250 ms).
	Poll time.Duration
}

var _ fetch.Renderer = (*Chrome)(nil)

// Find returns the browser executable Chrome would start, or ErrNoBrowser.
func (c *Chrome) Find() (string, error) {
	if c.ExecPath != "" {
		p, err := exec.LookPath(c.ExecPath)
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrNoBrowser, err)
		}
		return p, nil
	}
	for _, name := range Browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w (looked for %s)", ErrNoBrowser, strings.Join(Browsers, ", "))
}

// Render loads rawURL and returns "<!DOCTYPE html>" and the outer HTML of
// its document element, after the load event and once the length of the
// body's text has stayed the same for two polls (or Settle has passed).
// A page that ends up on another host is an error.
func (c *Chrome) Render(ctx context.Context, rawURL string) ([]byte, error) {
	want, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	path, err := c.Find()
	if err != nil {
		return nil, err
	}
	ua := c.UserAgent
	if ua == "" {
		ua = fetch.UserAgent
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// Containers often have a tiny /dev/shm.
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserAgent(ua),
	)
	defer cancelAlloc()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	if err := chromedp.Do(bctx, chromedp.Navigate(rawURL)); err != nil {
		return nil, fmt.Errorf("render: loading %s: %w", rawURL, err)
	}
	if err := c.settle(bctx); err != nil {
		return nil, fmt.Errorf("render: %s: %w", rawURL, err)
	}
	href, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", rawURL, err)
	}
	if got, err := url.Parse(href); err != nil || !strings.EqualFold(got.Host, want.Host) {
		return nil, fmt.Errorf("render: %s went to another site: %s", rawURL, href)
	}
	html, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", rawURL, err)
	}
	return []byte("<!DOCTYPE html>\n" + html), nil
}

// settle waits until the body's text length is the same in three polls in
// a row, or Settle has passed.
func (c *Chrome) settle(ctx context.Context) error {
	limit, every := c.Settle, c.Poll
	if limit <= 0 {
		limit = DefaultSettle
	}
	if every <= 0 {
		every = DefaultPoll
	}
	deadline := time.Now().Add(limit)
	last, same := -1, 0
	for time.Now().Before(deadline) {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.body ? document.body.innerText.length : 0`))
		if err != nil {
			return err
		}
		if n == last && n > 0 {
			if same++; same >= 2 {
				return nil
			}
		} else {
			last, same = n, 0
		}
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
