package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/jaarzoek/jaarzoek/model"
)

// Crawl limits used when CrawlOptions leaves them zero.
const (
	DefaultMaxDepth = 8
	DefaultMaxPages = 1000
)

// CrawlOptions bound a crawl.
type CrawlOptions struct {
	// MaxDepth is the number of links followed from the start page (which
	// has depth 0). 0: DefaultMaxDepth (8).
	MaxDepth int
	// MaxPages bounds the pages and PDFs visited, yielded or failed; the
	// crawl then stops with ErrCrawlLimit. 0: DefaultMaxPages (1000).
	MaxPages int
	// Prefix is the path every page must start with. "": DocumentPrefix
	// of the start URL.
	Prefix string
}

// pageID matches the first path segment of sites that give every page of
// one report an id ("/p9116/…"): there the whole host is the document.
var pageID = regexp.MustCompile(`^[pP][0-9]+$`)

// DocumentPrefix returns the path prefix that holds the report u is part
// of: its first path segment as a folder ("/jaarstukken-2023-/" for
// https://x.begrotingsapp.nl/jaarstukken-2023-/programma/p1), or "/" (the
// whole host) when that segment is a page id ("/p9116/…"), a file
// ("/index.html") or missing.
func DocumentPrefix(u *url.URL) string {
	p := strings.TrimPrefix(u.Path, "/")
	first, _, _ := strings.Cut(p, "/")
	if first == "" || pageID.MatchString(first) || path.Ext(first) != "" {
		return "/"
	}
	return "/" + first + "/"
}

// Crawl walks the report that start.Location (an http(s) URL) belongs to
// (after the start page's redirects, which may lead to another host) and
// yields one Source per page and per PDF, breadth first, in the order
// links appear. It follows <a>, <area>, <frame> and <iframe> links and
// meta refreshes that stay on the start URL's host under opt.Prefix; PDFs
// on the same host are taken even outside the prefix. It never leaves the
// host, skips links to images, styles, scripts and office files, and
// reads each page once: URLs are compared without fragment, default port,
// scheme or trailing slash, with their query; a link that redirects to a
// page already yielded is dropped.
//
// Yielded Sources carry start's Hints and Origin and their link Depth.
// Crawl has fetched every page it yields (not the PDFs) into the
// Fetcher's cache: fetching them with the same Fetcher makes no request
// (without a cache, NoCache, they are downloaded again).
//
// A page or PDF that cannot be had yields a zero Source and a
// *model.SourceError naming its URL: a robots.txt refusal (ErrDisallowed),
// a bad status (*StatusError), a redirect off the site (ErrOffSite), an
// empty JavaScript shell when the Fetcher has no Renderer
// (ErrNeedsJavaScript), and so on; the crawl goes
// on. It ends early, after yielding the error, when the start page fails,
// when opt.MaxPages is reached (ErrCrawlLimit) or when ctx is done.
func (f *Fetcher) Crawl(ctx context.Context, start model.Source, opt CrawlOptions) iter.Seq2[model.Source, error] {
	return func(yield func(model.Source, error) bool) {
		fail := func(loc string, err error) bool {
			return yield(model.Source{}, model.AsSourceError(err, loc, model.StageFetch))
		}
		su, err := url.Parse(start.Location)
		if err != nil || (su.Scheme != "http" && su.Scheme != "https") || su.Host == "" {
			fail(start.Location, fmt.Errorf("fetch: crawl needs an http(s) URL, not %q", start.Location))
			return
		}
		su = normalURL(su)
		prefix := opt.Prefix
		if prefix == "" {
			prefix = DocumentPrefix(su)
		}
		maxDepth, maxPages := opt.MaxDepth, opt.MaxPages
		if maxDepth <= 0 {
			maxDepth = DefaultMaxDepth
		}
		if maxPages <= 0 {
			maxPages = DefaultMaxPages
		}
		type item struct {
			u     *url.URL
			depth int
		}
		queue := []item{{su, 0}}
		seen := map[string]bool{pageKey(su): true} // queued
		done := map[string]bool{}                  // yielded, by final URL
		visited := 0
		emit := func(loc string, depth int) bool {
			return yield(model.Source{Location: loc, Hints: start.Hints, Origin: start.Origin, Depth: depth}, nil)
		}
		for len(queue) > 0 {
			it := queue[0]
			queue = queue[1:]
			if err := ctx.Err(); err != nil {
				yield(model.Source{}, err)
				return
			}
			loc := it.u.String()
			if visited >= maxPages {
				fail(start.Location, fmt.Errorf("%w: %d pages, %d links not followed", ErrCrawlLimit, maxPages, len(queue)+1))
				return
			}
			visited++
			if isPDFPath(it.u.Path) {
				// PDFs are left to the fetch stage; only robots.txt is asked now.
				if err := f.allowed(ctx, it.u); err != nil {
					if !fail(loc, err) {
						return
					}
					continue
				}
				if !emit(loc, it.depth) {
					return
				}
				continue
			}
			stayOn := su.Host
			if it.depth == 0 {
				// The start URL may redirect to where the report lives
				// (a short link, another host); the crawl stays there.
				stayOn = ""
			}
			raw, err := f.fetchURL(ctx, loc, stayOn)
			if cerr := ctx.Err(); cerr != nil {
				yield(model.Source{}, cerr)
				return
			}
			if err != nil {
				if !fail(loc, err) || it.depth == 0 {
					return
				}
				continue
			}
			final, err := url.Parse(raw.URL)
			if err == nil && it.depth == 0 {
				su = normalURL(final)
				if opt.Prefix == "" {
					prefix = DocumentPrefix(su)
				}
			}
			if err != nil || !sameHost(final, su) {
				if !fail(loc, fmt.Errorf("%w: %s", ErrOffSite, raw.URL)) || it.depth == 0 {
					return
				}
				continue
			}
			final = normalURL(final)
			seen[pageKey(final)] = true
			if done[pageKey(final)] {
				continue // a redirect to a page already yielded
			}
			done[pageKey(final)] = true
			if raw.Format == model.FormatPDF {
				if !emit(loc, it.depth) {
					return
				}
				continue
			}
			links, shell := scanPage(raw.Data, raw.ContentType, final)
			if shell {
				raw, err = f.render(ctx, loc, raw)
				if err != nil {
					if !fail(loc, err) || it.depth == 0 {
						return
					}
					continue
				}
				links, _ = scanPage(raw.Data, raw.ContentType, final)
			}
			if !emit(loc, it.depth) {
				return
			}
			if it.depth >= maxDepth {
				continue
			}
			for _, l := range links {
				if !sameHost(l, su) {
					continue
				}
				if su.Scheme == "https" {
					l.Scheme = "https"
				}
				if !isPDFPath(l.Path) && (skipExt[strings.ToLower(path.Ext(l.Path))] || !underPrefix(l.Path, prefix)) {
					continue
				}
				k := pageKey(l)
				if seen[k] {
					continue
				}
				seen[k] = true
				queue = append(queue, item{l, it.depth + 1})
			}
		}
	}
}

// normalURL drops the fragment and default port, lower-cases scheme and
// host and makes an empty path "/".
func normalURL(u *url.URL) *url.URL {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if (c.Scheme == "http" && strings.HasSuffix(c.Host, ":80")) || (c.Scheme == "https" && strings.HasSuffix(c.Host, ":443")) {
		c.Host = c.Host[:strings.LastIndexByte(c.Host, ':')]
	}
	if c.Path == "" {
		c.Path, c.RawPath = "/", ""
	}
	return &c
}

// pageKey identifies a page: host, path without trailing slash, and query.
func pageKey(u *url.URL) string {
	p := u.EscapedPath()
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	k := u.Host + p
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	return k
}

func sameHost(a, b *url.URL) bool {
	return strings.EqualFold(a.Hostname(), b.Hostname()) && normalURL(a).Port() == normalURL(b).Port()
}

func underPrefix(p, prefix string) bool {
	if p == "" {
		p = "/"
	}
	return prefix == "/" || strings.HasPrefix(p, prefix) || p == strings.TrimSuffix(prefix, "/")
}

func isPDFPath(p string) bool {
	return strings.EqualFold(path.Ext(p), ".pdf")
}

// skipExt are extensions of linked files that are not report pages.
var skipExt = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`.css .js .mjs .json .xml .rss .atom .png .jpg .jpeg .gif
		.svg .webp .ico .bmp .tif .tiff .woff .woff2 .ttf .eot .otf .mp3 .mp4 .m4v .avi
		.mov .webm .wav .zip .gz .tgz .rar .7z .doc .docx .xls .xlsx .ppt .pptx .odt .ods
		.odp .csv .txt .ics .vcf .exe .dmg .msi`) {
		skipExt[e] = true
	}
}

// scanPage reads an HTML page: the links it holds, resolved against base
// (or its <base href>), and whether it is an empty shell that JavaScript
// fills.
func scanPage(data []byte, contentType string, base *url.URL) (links []*url.URL, shell bool) {
	var r io.Reader = bytes.NewReader(data)
	if cr, err := charset.NewReader(r, contentType); err == nil {
		r = cr
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, false
	}
	var st pageStats
	var raw []string
	var walk func(n *html.Node, hidden bool)
	walk = func(n *html.Node, hidden bool) {
		switch n.Type {
		case html.TextNode:
			t := strings.TrimSpace(n.Data)
			if n.Parent != nil && n.Parent.Data == "noscript" {
				if strings.Contains(strings.ToLower(t), "javascript") {
					st.noscriptJS = true
				}
				return
			}
			if !hidden {
				st.text += len(strings.Join(strings.Fields(t), " "))
			}
			return
		case html.ElementNode:
			name := n.Data
			switch name {
			case "script":
				st.scripts++
			case "table":
				st.tables++
			case "base":
				if h := attr(n, "href"); h != "" {
					if b, err := base.Parse(h); err == nil {
						base = b
					}
				}
			case "a", "area":
				if h := attr(n, "href"); h != "" {
					raw = append(raw, h)
					st.links++
				}
			case "frame", "iframe":
				if h := attr(n, "src"); h != "" {
					raw = append(raw, h)
					st.links++
				}
			case "meta":
				if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
					if h := refreshURL(attr(n, "content")); h != "" {
						raw = append(raw, h)
						st.links++
					}
				}
			}
			if rootIDs[attr(n, "id")] || name == "app-root" {
				st.roots = append(st.roots, n)
			}
			hidden = hidden || name == "script" || name == "style" || name == "template" ||
				name == "head" || name == "title"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, hidden)
		}
	}
	walk(doc, false)
	for _, h := range raw {
		h = strings.TrimSpace(h)
		l, err := base.Parse(h)
		if err != nil || (l.Scheme != "http" && l.Scheme != "https") {
			continue // mailto:, javascript:, tel:, data: and broken links
		}
		links = append(links, normalURL(l))
	}
	return links, st.isShell()
}

// pageStats are the signs of a page built by JavaScript.
type pageStats struct {
	text       int // characters of visible text
	scripts    int
	tables     int
	links      int
	noscriptJS bool         // a <noscript> asks for JavaScript
	roots      []*html.Node // mount points of script frameworks
}

// rootIDs are the ids script frameworks mount their application on.
var rootIDs = map[string]bool{"root": true, "app": true, "__next": true, "__nuxt": true, "q-app": true, "svelte": true}

// isShell: little visible text, no table, and a sign that scripts make
// the content: an empty mount point or a <noscript> that asks for
// JavaScript; or next to no text, scripts and no links at all.
func (st pageStats) isShell() bool {
	if st.text >= 200 || st.tables > 0 {
		return false
	}
	for _, r := range st.roots {
		if visibleText(r) == 0 {
			return true
		}
	}
	return st.noscriptJS || (st.text < 50 && st.scripts > 0 && st.links == 0)
}

func visibleText(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "template" || n.Data == "noscript") {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += visibleText(c)
	}
	return t
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// refreshURL takes the URL out of a meta refresh: "0; url=/p2".
func refreshURL(content string) string {
	_, after, ok := strings.Cut(content, ";")
	if !ok {
		return ""
	}
	after = strings.TrimSpace(after)
	if len(after) > 4 && strings.EqualFold(after[:4], "url=") {
		return strings.Trim(strings.TrimSpace(after[4:]), `'"`)
	}
	return ""
}
