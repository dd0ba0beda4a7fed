package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jaarzoek/jaarzoek/model"
)

// Errors HTML returns, wrapped with what was found; test them with errors.Is.
var (
	// ErrEmpty means the source has no bytes, or only white space.
	ErrEmpty = errors.New("extract: empty document")
	// ErrNotHTML means the bytes are not an HTML page (a PDF, an image,
	// other binary data, or text without any markup).
	ErrNotHTML = errors.New("extract: not HTML")
	// ErrRaggedRow is the cause of the warning for a table row with fewer
	// cells than the table is wide; the row is padded and kept.
	ErrRaggedRow = errors.New("extract: ragged table row")
	// ErrTableTooLarge is the cause of the warning for a table whose spans
	// would make a grid of more than maxGridSlots slots; it is left out.
	ErrTableTooLarge = errors.New("extract: table too large")
)

// EngineHTML is the Document.Engine of a document HTML read.
const EngineHTML = "goquery"

// HTML reads an HTML page into a Document: its title, the site banner text,
// and the headings, paragraphs, list items and tables of the page content in
// reading order, each with the heading path above it.
//
// The bytes are decoded first: a byte-order mark, then valid multibyte UTF-8
// (whatever a header or meta says), then the charset of raw.ContentType, then
// a <meta> declaration, else UTF-8 when the whole body is valid UTF-8 and
// windows-1252 when it is not. Site chrome (header, nav, footer, aside,
// breadcrumbs, cookie banners, skip links) is left out, as is everything not
// displayed (the hidden attribute, aria-hidden="true", an inline or
// page-stylesheet display:none, framework classes such as d-none or sr-only;
// a closed accordion or tab panel counts as displayed). When the page has a
// <main> (or role=main), only it is read, with the page's one <h1> if that
// stands outside it.
//
// Tables come out as rectangular grids (see model.Table) numbered from 1 in
// document order; a table hidden from view or printed twice for small
// screens is left out, and a layout table (one holding another table) gives
// its text as paragraphs and its inner tables as tables. Problems that do
// not stop the extraction, such as a ragged row, are in Document.Warnings.
//
// HTML returns an error wrapping ErrEmpty or ErrNotHTML when the bytes are no
// page, and ctx.Err() when ctx is done.
func HTML(ctx context.Context, raw model.Raw) (*model.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	source := raw.Source.Location
	if source == "" {
		source = raw.URL
	}
	if err := sniffHTML(raw.Data); err != nil {
		return nil, err
	}
	text, _ := decodeHTML(raw.Data, raw.ContentType)
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("extract: parse html: %w", err)
	}
	doc := &model.Document{
		DocInfo: model.DocInfo{
			Doc:    model.DocID(raw.Data),
			Source: source,
			Format: model.FormatHTML,
		},
		Engine: EngineHTML,
		Blocks: []model.Block{},
	}
	gq := goquery.NewDocumentFromNode(root)
	doc.Title = collapse(gq.Children().ChildrenFiltered("head").ChildrenFiltered("title").First().Text())
	var lm landmarks
	lm.find(root, false)
	doc.Site = siteText(lm.banner)
	if doc.Site == "" {
		doc.Site = lm.siteName
	}

	w := &walker{ctx: ctx, source: source, section: []string{}, css: lm.css}
	w.blocks = make([]model.Block, 0, len(text)/256+16)
	w.meta = make([]blockMeta, 0, cap(w.blocks))
	content := lm.contentRoot(root)
	if h1 := lm.strayTitle(content); h1 != nil {
		w.walk(h1)
	}
	w.walk(content)
	w.flush()
	if w.err != nil {
		return nil, w.err
	}
	w.finish(doc)
	return doc, nil
}

// sniffHTML refuses bytes that cannot be an HTML page.
func sniffHTML(data []byte) error {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\f\x00")
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	for _, m := range []struct {
		magic []byte
		what  string
	}{
		{[]byte("%PDF-"), "PDF"},
		{[]byte("PK\x03\x04"), "a ZIP archive"},
		{[]byte("\x89PNG"), "a PNG image"},
		{[]byte("GIF8"), "a GIF image"},
		{[]byte("\xFF\xD8\xFF"), "a JPEG image"},
		{[]byte("\x1F\x8B"), "gzip data"},
		{[]byte("\xD0\xCF\x11\xE0"), "an MS Office file"},
	} {
		if bytes.HasPrefix(trimmed, m.magic) {
			return fmt.Errorf("%w: the bytes are %s", ErrNotHTML, m.what)
		}
	}
	// UTF-16 pages start with a byte-order mark and hold NULs legitimately.
	utf16 := bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if !utf16 {
		ctrl := 0
		for _, c := range head {
			if c == 0 {
				return fmt.Errorf("%w: binary data (NUL bytes)", ErrNotHTML)
			}
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				ctrl++
			}
		}
		if ctrl*10 > len(head) {
			return fmt.Errorf("%w: binary data", ErrNotHTML)
		}
		if !hasMarkup(data) {
			return fmt.Errorf("%w: no markup", ErrNotHTML)
		}
	}
	return nil
}

// hasMarkup reports whether data holds anything that looks like a tag.
func hasMarkup(data []byte) bool {
	for i := 0; i+1 < len(data); i++ {
		if data[i] != '<' {
			continue
		}
		c := data[i+1]
		if c == '!' || c == '/' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// landmarks are the elements found in one pass over the tree that decide
// where the content is and what the site banner says.
type landmarks struct {
	body    *html.Node
	mains   []*html.Node // <main> and role=main, outermost first
	article []*html.Node
	h1      []*html.Node // every displayed <h1> outside site chrome
	banner  *html.Node   // the first page header or banner outside the content
	// siteName is <meta property="og:site_name"> or application-name.
	siteName string
	css      pageCSS // from the page's <style> elements
}

func (lm *landmarks) find(n *html.Node, inContent bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Meta && lm.siteName == "" {
			prop, _ := attr(c, "property")
			name, _ := attr(c, "name")
			if prop == "og:site_name" || name == "application-name" {
				content, _ := attr(c, "content")
				lm.siteName = collapse(content)
			}
			continue
		}
		if c.DataAtom == atom.Style {
			lm.css.add(nodeText(c))
			continue
		}
		if skipElement[c.DataAtom] && c.DataAtom != atom.Head || hiddenNode(c) {
			continue
		}
		role, _ := attr(c, "role")
		isMain := c.DataAtom == atom.Main || role == "main"
		switch {
		case c.DataAtom == atom.Body && lm.body == nil:
			lm.body = c
		case isMain:
			lm.mains = append(lm.mains, c)
		case c.DataAtom == atom.Article:
			lm.article = append(lm.article, c)
		case c.DataAtom == atom.H1:
			if !inChrome(c) {
				lm.h1 = append(lm.h1, c)
			}
		}
		if lm.banner == nil && !inContent && c.DataAtom != atom.Table && bannerLike(c, role) {
			lm.banner = c
		}
		lm.find(c, inContent || isMain || c.DataAtom == atom.Article)
	}
}

// inChrome reports whether an ancestor of n is site chrome.
func inChrome(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && chrome(p) {
			return true
		}
	}
	return false
}

// nodeText returns the text children of n joined, as in <style>.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for t := n.FirstChild; t != nil; t = t.NextSibling {
		if t.Type == html.TextNode {
			b.WriteString(t.Data)
		}
	}
	return b.String()
}

// bannerLike reports whether n is the page header: <header>, role=banner,
// or an id or class naming the site header.
func bannerLike(n *html.Node, role string) bool {
	if n.DataAtom == atom.Header || role == "banner" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for f := range classTokens(a.Val) {
			switch f {
			case "header", "site-header", "siteheader", "page-header-site", "masthead", "banner", "top-header":
				return true
			}
		}
	}
	return false
}

// contentRoot picks the element holding the page content: the one <main> or
// role=main (the outermost when they nest), else the one <article>, else
// <body>.
func (lm *landmarks) contentRoot(root *html.Node) *html.Node {
	if len(lm.mains) > 0 {
		outer := lm.mains[0]
		nested := true
		for _, m := range lm.mains[1:] {
			if !isAncestor(outer, m) {
				nested = false
				break
			}
		}
		if nested && hasContent(outer) {
			return outer
		}
	}
	if len(lm.article) == 1 && hasContent(lm.article[0]) {
		return lm.article[0]
	}
	if lm.body != nil {
		return lm.body
	}
	return root
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// hasContent reports whether n holds a heading, paragraph, list or table.
func hasContent(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				return true
			}
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Table, atom.Ul, atom.Ol, atom.Dl:
			return true
		}
		if hasContent(c) {
			return true
		}
	}
	return false
}

// strayTitle returns the page's one <h1> when it stands outside the content
// root (some platforms print the title above <main>) and the root has none.
func (lm *landmarks) strayTitle(content *html.Node) *html.Node {
	if content.DataAtom == atom.Body || content.Type == html.DocumentNode || len(lm.h1) != 1 {
		return nil
	}
	if h1 := lm.h1[0]; !isAncestor(content, h1) {
		return h1
	}
	return nil
}

// siteText returns the text of the site banner (the page <header> or
// role=banner outside the content): the publisher's name and the report
// title, without the menu.
func siteText(banner *html.Node) string {
	if banner == nil {
		return ""
	}
	var t textBuf
	siteWalk(banner, &t)
	s := t.String()
	if len(s) > 300 {
		s = s[:300]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if len(s) > 0 && s[len(s)-1] >= utf8.RuneSelf {
			s = s[:len(s)-1]
		}
	}
	return strings.TrimSpace(s)
}

func siteWalk(n *html.Node, t *textBuf) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t.add(c.Data, false)
		case html.ElementNode:
			if skipElement[c.DataAtom] || hiddenNode(c) || isSkipLink(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Nav, atom.Ul, atom.Ol, atom.Form:
				continue
			case atom.Img:
				if alt, ok := attr(c, "alt"); ok {
					t.brk()
					t.add(alt, false)
					t.brk()
				}
				continue
			}
			if r, _ := attr(c, "role"); r == "navigation" || r == "search" || r == "menubar" {
				continue
			}
			if boilerplateClass(c) && c.DataAtom != atom.Header {
				continue
			}
			t.brk()
			siteWalk(c, t)
			t.brk()
		}
	}
}

// chrome reports whether element n is site chrome and not page content.
func chrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside:
		return true
	case atom.Header, atom.Footer:
		// Inside an article or main, a header holds the article title and
		// a footer may hold notes under a table.
		if !insideContent(n) {
			return true
		}
		if n.DataAtom == atom.Footer && !containsAtom(n, atom.Table) {
			return true
		}
		return false
	}
	if r, ok := attr(n, "role"); ok {
		switch strings.ToLower(strings.TrimSpace(r)) {
		case "navigation", "banner", "contentinfo", "search", "complementary", "menubar", "menu", "dialog", "alertdialog":
			return true
		}
	}
	if isSkipLink(n) {
		return true
	}
	// Chrome by name only: a wrapper that holds a table or a heading is
	// content whatever it is called ("panel-header" over an h3).
	if boilerplateClass(n) && !containsAtom(n, atom.Table) && !containsHeading(n) {
		return true
	}
	return false
}

func insideContent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Main || p.DataAtom == atom.Article {
			return true
		}
		if r, _ := attr(p, "role"); r == "main" {
			return true
		}
	}
	return false
}

func containsHeading(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		if containsHeading(c) {
			return true
		}
	}
	return false
}

func containsAtom(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || containsAtom(c, a)) {
			return true
		}
	}
	return false
}

// heading is one entry of the heading stack.
type heading struct {
	level  int
	text   string
	pseudo bool // a bold-only paragraph acting as a heading
}

// blockMeta is what the walker remembers about an emitted block.
type blockMeta struct {
	class string // class of the element the paragraph came from
	table *tableInfo
}

// walker turns the content tree into blocks in reading order.
type walker struct {
	ctx     context.Context
	err     error
	source  string
	blocks  []model.Block
	meta    []blockMeta
	heads   []heading
	section []string // the current heading path; replaced, never changed in place
	tables  []*tableInfo

	buf       textBuf
	bufClass  string // class of the block element the buffer belongs to
	bufP      bool   // the buffer is a <p> (or a div acting as one) of its own
	listItem  int    // depth of <li>/<dd>
	boldDepth int
	dt        string // a <dt> waiting for its <dd>

	css         pageCSS
	noteTable   *tableInfo // the table whose footnotes may follow
	pendingWarn []*model.SourceError
	nodes       int
}

func (w *walker) walk(n *html.Node) {
	if w.err != nil {
		return
	}
	if w.nodes++; w.nodes&0x3FF == 0 {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			return
		}
	}
	switch n.Type {
	case html.TextNode:
		w.buf.add(n.Data, w.boldDepth > 0)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipElement[n.DataAtom] || hiddenNode(n) || w.css.hides(n) || chrome(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		var t textBuf
		plainText(n, &t, 1<<20)
		w.heading(int(n.Data[1]-'0'), t.String(), false)
		return
	case atom.Table:
		w.flush()
		w.table(n)
		return
	case atom.Div, atom.P, atom.Span:
		if role, _ := attr(n, "role"); role == "heading" {
			w.flush()
			level := 2
			if l, ok := attr(n, "aria-level"); ok && len(l) == 1 && l[0] >= '1' && l[0] <= '6' {
				level = int(l[0] - '0')
			}
			var t textBuf
			plainText(n, &t, 1<<20)
			w.heading(level, t.String(), false)
			return
		}
	case atom.Br:
		w.buf.brk()
		return
	case atom.Img:
		return
	case atom.Sup:
		var t textBuf
		plainText(n, &t, 64)
		s := t.String()
		if s != "" && strings.Trim(s, "0123456789") == "" {
			w.buf.add(superscript.Replace(s), w.boldDepth > 0)
			return
		}
	case atom.Li, atom.Dd:
		w.flush()
		if n.DataAtom == atom.Dd && w.dt != "" {
			w.buf.add(w.dt+":", false)
			w.buf.brk()
			w.dt = ""
		}
		w.listItem++
		w.children(n)
		w.flush()
		w.listItem--
		return
	case atom.Dt:
		w.flush()
		w.flushDT()
		var t textBuf
		plainText(n, &t, 1<<16)
		w.dt = t.String()
		return
	case atom.Dl:
		w.flush()
		w.children(n)
		w.flush()
		w.flushDT()
		return
	}
	if blockElement[n.DataAtom] {
		w.flush()
		class, _ := attr(n, "class")
		w.bufClass = class
		w.bufP = n.DataAtom == atom.P || n.DataAtom == atom.Div
		bold := boldStyle(n)
		if bold {
			w.boldDepth++
		}
		w.children(n)
		if bold {
			w.boldDepth--
		}
		w.flush()
		return
	}
	bold := boldStyle(n)
	if bold {
		w.boldDepth++
	}
	w.children(n)
	if bold {
		w.boldDepth--
	}
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func (w *walker) flushDT() {
	if w.dt == "" {
		return
	}
	w.emit(model.Block{Kind: model.BlockListItem, Text: w.dt, Section: w.section}, blockMeta{})
	w.dt = ""
}

// flush turns the collected inline text into a paragraph, list item,
// bold-only heading or table footnote.
func (w *walker) flush() {
	if w.buf.empty() {
		w.bufClass, w.bufP = "", false
		return
	}
	text := w.buf.String()
	bold := w.buf.allBold()
	class, isP := w.bufClass, w.bufP
	w.buf.reset()
	w.bufClass, w.bufP = "", false

	if w.noteTable != nil && isNoteLine(text) {
		w.noteTable.table.Notes = append(w.noteTable.table.Notes, text)
		return
	}
	if len(text) >= 11 && strings.EqualFold(text[:11], "u bent hier") {
		return // breadcrumb text outside breadcrumb markup
	}
	if w.listItem == 0 && isP && bold && pseudoHeading(text) {
		w.heading(0, text, true)
		return
	}
	kind := model.BlockParagraph
	if w.listItem > 0 {
		kind = model.BlockListItem
	}
	w.emit(model.Block{Kind: kind, Text: text, Section: w.section}, blockMeta{class: class})
}

// pseudoHeading reports whether a bold-only paragraph reads as a heading:
// short, not a sentence, not a footnote or a bare number.
func pseudoHeading(s string) bool {
	if len(s) > 120 || isNoteLine(s) || isUnitLine(s) || titleLineRe.MatchString(s) {
		return false
	}
	if strings.HasSuffix(s, ".") && strings.Count(s, " ") > 3 {
		return false
	}
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7F {
			return true
		}
	}
	return false
}

func (w *walker) emit(b model.Block, m blockMeta) {
	w.noteTable = nil
	w.blocks = append(w.blocks, b)
	w.meta = append(w.meta, m)
}

// heading records a heading of level 1 to 6, or (pseudo) a bold-only
// paragraph one level below the last real heading.
func (w *walker) heading(level int, text string, pseudo bool) {
	if text == "" {
		return
	}
	if pseudo {
		level = 1
		for i := len(w.heads) - 1; i >= 0; i-- {
			if !w.heads[i].pseudo {
				level = w.heads[i].level + 1
				break
			}
		}
		if level > 6 {
			level = 6
		}
	}
	for len(w.heads) > 0 && w.heads[len(w.heads)-1].level >= level {
		w.heads = w.heads[:len(w.heads)-1]
	}
	path := make([]string, len(w.heads))
	for i, h := range w.heads {
		path[i] = h.text
	}
	w.emit(model.Block{Kind: model.BlockHeading, Level: level, Text: text, Section: path}, blockMeta{})
	w.heads = append(w.heads, heading{level: level, text: text, pseudo: pseudo})
	// Clipped: blocks share this slice, so an append by a reader must copy.
	w.section = slices.Clip(append(path[:len(path):len(path)], text))
}
