package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// pageCSS is what the page's own <style> blocks say about visibility, read
// from simple class rules: ".mobile-only { display: none }" hides a class on
// every screen; the same inside "@media (min-width: …)" shows it on small
// screens only, which marks the copy of a table printed for phones.
type pageCSS struct {
	hidden map[string]bool
	small  map[string]bool
}

// add reads one style sheet. Only rules whose selector is a single class
// (".x" or "tag.x") count; anything more specific is left alone.
func (css *pageCSS) add(sheet string) {
	sheet = stripCSSComments(sheet)
	var media []string // the @media condition of each open block
	for len(sheet) > 0 {
		open := strings.IndexAny(sheet, "{}")
		if open < 0 {
			return
		}
		if sheet[open] == '}' {
			if len(media) > 0 {
				media = media[:len(media)-1]
			}
			sheet = sheet[open+1:]
			continue
		}
		head := strings.TrimSpace(sheet[:open])
		sheet = sheet[open+1:]
		if strings.HasPrefix(head, "@") {
			media = append(media, strings.ToLower(head))
			continue
		}
		end := strings.IndexByte(sheet, '}')
		if end < 0 {
			return
		}
		body := sheet[:end]
		sheet = sheet[end+1:]
		if !styleHides(body) {
			continue
		}
		cond := strings.Join(media, " ")
		var dst *map[string]bool
		switch {
		case cond == "":
			dst = &css.hidden
		case strings.Contains(cond, "print"):
			continue
		case strings.Contains(cond, "min-width"):
			dst = &css.small
		default:
			continue // hidden on small screens: the copy for large ones
		}
		for _, sel := range strings.Split(head, ",") {
			if class, ok := singleClass(strings.TrimSpace(sel)); ok {
				if *dst == nil {
					*dst = map[string]bool{}
				}
				(*dst)[class] = true
			}
		}
	}
}

// singleClass returns x for a selector ".x" or "tag.x".
func singleClass(sel string) (string, bool) {
	dot := strings.IndexByte(sel, '.')
	if dot < 0 || strings.ContainsAny(sel[dot+1:], " .#[:>+~*") {
		return "", false
	}
	for _, r := range sel[:dot] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", false
		}
	}
	class := strings.ToLower(sel[dot+1:])
	return class, class != ""
}

func stripCSSComments(s string) string {
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + " " + s[i+2+j+2:]
	}
}

// hides reports whether the page's CSS hides n on every screen.
func (css *pageCSS) hides(n *html.Node) bool {
	return css.hidden != nil && css.hasClass(n, css.hidden)
}

// smallOnly reports whether the page's CSS shows n on small screens only.
func (css *pageCSS) smallOnly(n *html.Node) bool {
	return css.small != nil && css.hasClass(n, css.small)
}

func (css *pageCSS) hasClass(n *html.Node, set map[string]bool) bool {
	class, ok := attr(n, "class")
	if !ok {
		return false
	}
	for tok := range classTokens(class) {
		if set[tok] {
			return true
		}
	}
	return false
}
