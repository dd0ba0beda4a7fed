package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textBuf collects inline text with whitespace collapsed: every run of
// spaces, tabs, newlines and non-breaking spaces becomes one space, and the
// text never starts or ends with one. It also counts how much of the text
// was printed bold.
type textBuf struct {
	b       []byte
	space   bool // a space is due before the next visible character
	bold    int  // visible bytes inside bold markup
	visible int  // visible bytes
}

func (t *textBuf) reset() {
	t.b = t.b[:0]
	t.space, t.bold, t.visible = false, 0, 0
}

func (t *textBuf) empty() bool { return len(t.b) == 0 }

// brk asks for a space before the next text, as <br> or a block edge does.
func (t *textBuf) brk() { t.space = true }

func (t *textBuf) add(s string, bold bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7F {
			// A run of printable ASCII goes in at once.
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7F {
				j++
			}
			t.put(bold, j-i)
			t.b = append(t.b, s[i:j]...)
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				t.space = true
				continue
			}
			continue // control characters print nothing
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == 0xAD || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
			// soft hyphen and zero-width characters print nothing
		case unicode.IsSpace(r) || r == 0x2007 || r == 0x202F:
			t.space = true
		default:
			t.put(bold, n)
			t.b = utf8.AppendRune(t.b, r)
		}
	}
}

func (t *textBuf) put(bold bool, n int) {
	if t.space && len(t.b) > 0 {
		t.b = append(t.b, ' ')
	}
	t.space = false
	t.visible += n
	if bold {
		t.bold += n
	}
}

func (t *textBuf) String() string { return string(t.b) }

// allBold reports whether there is text and all of it is bold.
func (t *textBuf) allBold() bool { return t.visible > 0 && t.bold == t.visible }

// collapse returns s with whitespace collapsed as textBuf does.
func collapse(s string) string {
	var t textBuf
	t.add(s, false)
	return t.String()
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// hiddenNode reports whether n is not displayed: the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or a class
// that hides it at every screen size.
func hiddenNode(n *html.Node) bool {
	if len(n.Attr) == 0 {
		return false
	}
	hidden := false
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			hidden = true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				hidden = true
			}
		case "style":
			if styleHides(a.Val) {
				hidden = true
			}
		case "class":
			if classHides(a.Val) {
				return true
			}
		}
	}
	// A closed accordion or an inactive tab is hidden until clicked, but
	// its content belongs to the page.
	return hidden && !disclosurePanel(n)
}

// disclosurePanel reports whether n is the panel of an accordion, a
// collapsible section or a tab.
func disclosurePanel(n *html.Node) bool {
	if n.DataAtom == atom.Table || n.DataAtom == atom.Tr || n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if a.Val == "tabpanel" || a.Val == "region" {
				return true
			}
		case "class", "id":
			for tok := range classTokens(a.Val) {
				for _, w := range []string{"collapse", "accordion", "panel", "tab-pane", "tabpanel", "toggle", "uitklap", "expand", "details"} {
					if strings.Contains(tok, w) {
						return true
					}
				}
			}
		}
	}
	return false
}

func styleHides(style string) bool {
	s := strings.ToLower(style)
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	for _, decl := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		if (k == "display" && v == "none") || (k == "visibility" && (v == "hidden" || v == "collapse")) {
			return true
		}
	}
	return false
}

// classHides knows the utility classes of the common CSS frameworks that hide
// an element everywhere (Bootstrap d-none without a d-md-block to show it
// again, hidden, sr-only, visually-hidden) or show it to screen readers only.
func classHides(class string) bool {
	if class == "" {
		return false
	}
	none, shown := false, false
	for c := range classTokens(class) {
		switch c {
		case "d-none":
			none = true
		case "hidden", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
			"screen-reader-text", "screenreader", "screenreader-only", "element-invisible", "offscreen", "u-hidden":
			return true
		default:
			if strings.HasPrefix(c, "d-") && !strings.HasSuffix(c, "-none") {
				shown = true // d-md-block, d-lg-table, …
			}
		}
	}
	return none && !shown
}

// classTokens yields the words of a class attribute in lower case.
func classTokens(class string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(class); {
			for i < len(class) && (class[i] == ' ' || class[i] == '\t' || class[i] == '\n' || class[i] == '\r' || class[i] == '\f') {
				i++
			}
			j := i
			for j < len(class) && !(class[j] == ' ' || class[j] == '\t' || class[j] == '\n' || class[j] == '\r' || class[j] == '\f') {
				j++
			}
			if j > i {
				tok := class[i:j]
				if hasUpperASCII(tok) {
					tok = strings.ToLower(tok)
				}
				if !yield(tok) {
					return
				}
			}
			i = j
		}
	}
}

// smallScreenOnly reports whether a class marks an element shown on small
// screens only, the responsive copy of a table printed again for phones.
func smallScreenOnly(class string) bool {
	if class == "" {
		return false
	}
	for c := range classTokens(class) {
		switch c {
		case "visible-xs", "visible-sm", "visible-xs-block", "visible-sm-block", "d-sm-none", "d-md-none", "d-lg-none",
			"hidden-md", "hidden-lg", "show-for-small", "show-for-small-only", "hide-for-medium", "hide-for-large",
			"mobile", "mobile-only", "only-mobile", "is-mobile", "table-mobile", "mobile-table", "responsive-table-mobile":
			return true
		}
	}
	return false
}

// boilerToken lists the class and id words of site chrome.
var boilerToken = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "navigatie": true, "menu": true, "mainmenu": true,
	"submenu": true, "menubar": true, "breadcrumb": true, "breadcrumbs": true, "kruimelpad": true,
	"cookie": true, "cookies": true, "cookiebar": true, "cookiebanner": true, "consent": true,
	"skip": true, "skiplink": true, "skiplinks": true, "skipnav": true, "footer": true, "sidebar": true,
	"share": true, "social": true, "toolbar": true, "pagination": true, "pager": true, "masthead": true,
	"banner": true, "topbar": true, "header": true, "siteheader": true, "searchbar": true, "zoeken": true, "search": true,
}

// boilerplateClass reports whether the class or id of n marks site chrome
// (navigation, breadcrumbs, cookie banners, skip links, footers). A wrapper
// whose name also speaks of a table or content is not chrome.
func boilerplateClass(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		hit, keep := false, false
		v := a.Val
		for i := 0; i < len(v); {
			for i < len(v) && !isWordByte(v[i]) {
				i++
			}
			j := i
			for j < len(v) && isWordByte(v[j]) {
				j++
			}
			if j > i {
				tok := v[i:j]
				if hasUpperASCII(tok) {
					tok = strings.ToLower(tok)
				}
				switch {
				case boilerToken[tok]:
					hit = true
				case tok == "table" || tok == "tabel" || tok == "content" || tok == "main" || tok == "article" || tok == "inhoud":
					keep = true
				case strings.HasPrefix(tok, "breadcrumb") || strings.HasPrefix(tok, "cookie") || strings.HasPrefix(tok, "skiplink"):
					hit = true
				}
			}
			i = j
		}
		if hit && !keep {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// skipLinkPrefixes start the text of links that only move around the page.
var skipLinkPrefixes = []string{
	"terug naar navigatie", "terug naar de navigatie", "terug naar boven", "terug naar top", "terug naar begin",
	"terug naar het begin", "terug naar menu", "terug naar het menu", "terug naar hoofdmenu", "terug naar inhoud",
	"terug naar de inhoud", "terug naar inhoudsopgave", "terug naar de inhoudsopgave", "naar boven", "ga naar boven",
	"ga naar de inhoud", "ga naar inhoud", "ga direct naar", "ga naar hoofdinhoud", "ga naar de hoofdinhoud",
	"ga naar navigatie", "ga naar de navigatie", "ga naar zoeken", "ga naar menu", "ga naar het menu",
	"direct naar", "spring naar", "skip to", "skip navigation", "back to top",
}

// skipLinkWhole are link texts that move around the page when they are all
// the text.
var skipLinkWhole = map[string]bool{"terug": true, "ga terug": true, "top": true, "naar top": true}

func skipLinkText(s string) bool {
	if len(s) > 200 {
		return false
	}
	if len(s) <= 9 && skipLinkWhole[strings.ToLower(s)] {
		return true
	}
	for _, p := range skipLinkPrefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// isSkipLink reports whether n is a link or button whose whole text only moves
// around the page ("Terug naar navigatie - Metingen", "Ga naar de inhoud").
func isSkipLink(n *html.Node) bool {
	if n.DataAtom != atom.A && n.DataAtom != atom.Button {
		return false
	}
	// Every such text starts with one of these letters; most links do not.
	switch firstTextByte(n) | 0x20 {
	case 't', 'n', 'g', 'd', 's', 'b':
	default:
		return false
	}
	var t textBuf
	plainText(n, &t, 200)
	return skipLinkText(t.String())
}

// firstTextByte returns the first byte of visible text under n, 0 if none.
func firstTextByte(n *html.Node) byte {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if s := strings.TrimLeft(c.Data, " \t\r\n\u00a0"); s != "" {
				return s[0]
			}
		case html.ElementNode:
			if b := firstTextByte(c); b != 0 {
				return b
			}
		}
	}
	return 0
}

// plainText appends the visible text under n to t, stopping after limit bytes.
func plainText(n *html.Node, t *textBuf, limit int) {
	for c := n.FirstChild; c != nil && len(t.b) < limit; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t.add(c.Data, false)
		case html.ElementNode:
			if skipElement[c.DataAtom] || hiddenNode(c) {
				continue
			}
			if c.DataAtom == atom.Br || blockElement[c.DataAtom] {
				t.brk()
			}
			if c.DataAtom == atom.Img {
				if alt, ok := attr(c, "alt"); ok {
					t.brk()
					t.add(alt, false)
					t.brk()
				}
			}
			plainText(c, t, limit)
			if blockElement[c.DataAtom] {
				t.brk()
			}
		}
	}
}

// skipElement holds elements whose content is never page text.
var skipElement = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Video: true,
	atom.Audio: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Button: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Map: true, atom.Dialog: true,
}

// blockElement holds elements that start a new block of text.
var blockElement = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Menu: true, atom.Listing: true, atom.Plaintext: true,
}

// boldStyle reports whether an element prints its text bold by its own markup:
// <b>, <strong>, or an inline font-weight of bold or 600 and up.
func boldStyle(n *html.Node) bool {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return true
	}
	if s, ok := attr(n, "style"); ok && strings.Contains(s, "font-weight") {
		s = strings.ToLower(s)
		for _, decl := range strings.Split(s, ";") {
			k, v, ok := strings.Cut(decl, ":")
			if !ok || strings.TrimSpace(k) != "font-weight" {
				continue
			}
			switch strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")) {
			case "bold", "bolder", "600", "700", "800", "900":
				return true
			}
		}
	}
	return false
}

// scaleRe finds a scale or unit phrase: "bedragen x € 1.000", "(x € 1.000)",
// "(in € 1.000)", "Bedragen x 1000", "x €1000,-", "bedragen in €", "x 1 mln".
var scaleRe = regexp.MustCompile(`(?i)(?:^|[\s(])\(?\s*(?:(?:alle\s+)?(?:bedragen|bedrag)\s+)?(?:(?:€\s*)?(?:x|×)\s*|in\s+)(?:€|eur\b|euro\b)?\s*(?:1[.\s]?000(?:[.\s]?000)*|1\s*(?:mln|miljoen|mld|miljard)\.?|duizend(?:en)?|miljoen(?:en)?|mln\.?)\s*(?:,-|,--)?\s*(?:€|euro'?s?\b|eur\b)?\s*\)?|\(?\s*(?:alle\s+)?(?:bedragen|bedrag)\s+(?:zijn\s+)?(?:in|x)\s+(?:hele\s+)?(?:€|euro'?s?\b|eur\b)\s*\)?`)

// unitLineWords are the words a unit line may hold besides its scale.
var unitLineWords = map[string]bool{
	"bedragen": true, "bedrag": true, "alle": true, "zijn": true, "in": true, "x": true, "€": true,
	"euro": true, "euro's": true, "eur": true, "hele": true, "cijfers": true, "getallen": true, "genoemd": true,
}

// isUnitLine reports whether a short line says nothing but the scale or unit
// of the amounts below it.
func isUnitLine(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	loc := scaleRe.FindStringIndex(s)
	if loc == nil {
		return false
	}
	rest := s[:loc[0]] + " " + s[loc[1]:]
	for _, w := range strings.FieldsFunc(strings.ToLower(rest), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()[]:;,.-–", r)
	}) {
		if !unitLineWords[w] {
			return false
		}
	}
	return true
}

// splitScale takes a scale phrase out of a caption: "Beleidsveld: Jeugd
// bedragen x €1000" gives "Beleidsveld: Jeugd" and "bedragen x €1000".
func splitScale(s string) (rest, scale string) {
	loc := scaleRe.FindStringIndex(s)
	if loc == nil {
		return s, ""
	}
	scale = balanceParens(strings.TrimSpace(s[loc[0]:loc[1]]))
	rest = strings.TrimSpace(s[:loc[0]] + " " + s[loc[1]:])
	rest = strings.TrimRight(rest, " ,;:-–")
	rest = strings.TrimSpace(rest)
	return rest, scale
}

// balanceParens drops a parenthesis the scale match took without its partner.
func balanceParens(s string) string {
	open, close := strings.Count(s, "("), strings.Count(s, ")")
	if open > close && strings.HasPrefix(s, "(") {
		s = strings.TrimSpace(s[1:])
	}
	if close > open && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return s
}

// noteRe matches the start of a footnote line under a table: "*", "**",
// "1)", "(1)", "¹", "(*)", "Noot", "Noten".
var noteRe = regexp.MustCompile(`^(?:\*+|\(\*+\)|\d{1,2}\)|\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|†|‡|(?i:noot|noten|voetnoot)\b)`)

func isNoteLine(s string) bool {
	return len(s) > 1 && len(s) <= 2000 && noteRe.MatchString(s)
}

// titleLineRe matches a table title printed above it: "Tabel 44", "Tabel 3:
// Lasten per programma".
var titleLineRe = regexp.MustCompile(`(?i)^(?:tabel|tab\.|table|overzicht)\s*\d+[a-z]?\b`)

// isTitleLine reports whether a short paragraph just above a table names it.
func isTitleLine(s, class string) bool {
	if s == "" || len(s) > 150 {
		return false
	}
	if titleLineRe.MatchString(s) {
		return true
	}
	c := strings.ToLower(class)
	return strings.Contains(c, "titel") || strings.Contains(c, "title") || strings.Contains(c, "caption") ||
		strings.Contains(c, "bijschrift") || strings.Contains(c, "kop-tabel")
}

// yearRe finds a year a report speaks of.
var yearRe = regexp.MustCompile(`(?:^|[^\d.,])(19[5-9]\d|20[0-4]\d)(?:$|[^\d.,])`)

// isYearLike reports whether a cell reads as a column header naming a year:
// "2022", "Rekening 2018", "2021 (b)", "Begroting 2019-2022".
func isYearLike(s string) bool {
	if len(s) > 60 || !yearRe.MatchString(s) {
		return false
	}
	// A number with decimals or a percentage is a value, not a year.
	return !strings.ContainsAny(s, "%€")
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// superscript maps digits to their superscript forms, so a footnote mark in
// prose ("1.234<sup>2</sup>") stays apart from the number.
var superscript = strings.NewReplacer("0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹")

// unitExponent reports whether a <sup> after text is a power of a unit
// (m<sup>2</sup>, km<sup>2</sup>, m<sup>3</sup>) rather than a footnote mark.
func unitExponent(before, sup string) bool {
	if sup != "2" && sup != "3" {
		return false
	}
	before = strings.TrimRight(before, " ")
	for _, u := range []string{"m", "km", "cm", "dm", "mm", "ha"} {
		if strings.HasSuffix(before, u) {
			rest := before[:len(before)-len(u)]
			if rest == "" {
				return true
			}
			r, _ := utf8.DecodeLastRuneInString(rest)
			if !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}
