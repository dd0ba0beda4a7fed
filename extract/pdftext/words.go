package pdftext

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Word-break thresholds, as fractions of the font size. A gap wider than
// wordGap between one glyph's advance and the next glyph starts a new word,
// as does a step back of more than overlapGap (text drawn twice, or a new
// column written right to left).
const (
	wordGap    = 0.1
	overlapGap = 0.3
)

// buildWords groups glyphs, in drawing order, into words: a word ends at
// a blank glyph, a gap, a change of baseline, direction or font size.
func buildWords(gs []glyph) []Word {
	var words []Word
	var cur []glyph
	nsup := 0 // raised footnote-mark glyphs at the end of cur
	flush := func() {
		if len(cur) > 0 {
			if w, ok := makeWord(cur); ok && !duplicate(words, w) {
				words = append(words, w)
			}
			cur, nsup = cur[:0], 0
		}
	}
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if g.space {
			flush()
			continue
		}
		// A spacing accent drawn over its letter (TeX and some PDF
		// writers build ç and é this way) joins that letter.
		if mark, ok := combiningMark(g.text); ok {
			if len(cur) > 0 && overlaps(&cur[len(cur)-1], &g) {
				cur[len(cur)-1].text += mark
				continue
			}
			if i+1 < len(gs) && !gs[i+1].space && overlaps(&gs[i+1], &g) {
				gs[i+1].text += mark
				continue
			}
		}
		// A footnote mark set as smaller digits raised after a word
		// ("Jeugdteam" and a small "1") joins the word as the superscript
		// it stands for, as if typed as "¹".
		if len(cur) > 0 && g.mark == cur[0].mark {
			if sup, ok := raisedMark(&cur[len(cur)-1-nsup], &cur[len(cur)-1], &g); ok {
				g.text = sup
				cur = append(cur, g)
				nsup++
				continue
			}
		}
		if len(cur) > 0 {
			last := &cur[len(cur)-1]
			size := cur[0].size
			rx, ry := g.ox-last.ex, g.oy-last.ey
			along := rx*last.dx + ry*last.dy
			across := -rx*last.dy + ry*last.dx
			if along > wordGap*size || along < -overlapGap*size ||
				math.Abs(across) > math.Max(0.5, 0.05*size) ||
				math.Abs(g.size-size) > 0.05*size ||
				math.Abs(g.dx-last.dx) > 0.01 || math.Abs(g.dy-last.dy) > 0.01 ||
				g.mark != last.mark {
				flush()
			}
		}
		cur = append(cur, g)
	}
	flush()
	return words
}

// makeWord joins glyphs into a Word; ok is false when nothing visible is
// left after normalisation.
func makeWord(gs []glyph) (Word, bool) {
	var b strings.Builder
	w := Word{X0: gs[0].x0, Y0: gs[0].y0, X1: gs[0].x1, Y1: gs[0].y1, Size: gs[0].size}
	bold, italic := true, true
	for _, g := range gs {
		b.WriteString(g.text)
		w.X0, w.Y0 = math.Min(w.X0, g.x0), math.Min(w.Y0, g.y0)
		w.X1, w.Y1 = math.Max(w.X1, g.x1), math.Max(w.Y1, g.y1)
		bold = bold && g.bold
		italic = italic && g.font.italic
	}
	raw := b.String()
	// A soft hyphen at the end of a word is drawn: the word is broken at
	// the line end, which Blocks mends like any hyphen.
	if t, ok := strings.CutSuffix(raw, "\u00ad"); ok {
		raw = t + "-"
	}
	w.Text = strings.TrimSpace(normalizeText(raw))
	if w.Text == "" {
		return w, false
	}
	w.Base = baseline(gs[0])
	w.Font = gs[0].font.name
	w.Bold, w.Italic = bold, italic
	if m := gs[0].mark; m > 0 {
		w.MCID, w.HasMCID = m-1, true
	}
	return w, true
}

// baseline is the coordinate across the writing direction of the
// baseline: y for horizontal text, x for text running up or down.
func baseline(g glyph) float64 {
	if math.Abs(g.dy) > math.Abs(g.dx) {
		return g.ox
	}
	return g.oy
}

// NormalizeText is the normalisation word texts get (see normalizeText),
// for engines that read words by other means and must match pdftext's.
func NormalizeText(s string) string { return normalizeText(s) }

// normalizeText applies NFKC (which also expands ligatures such as ﬁ)
// and drops soft hyphens, zero-width characters and controls. Superscript
// digits stay as printed: they are footnote marks ("Jeugdteam¹") or unit
// powers (m²), and as plain digits they would run into the word.
func normalizeText(s string) string {
	if strings.ContainsFunc(s, isSuperDigit) {
		var b strings.Builder
		for s != "" {
			i := strings.IndexFunc(s, isSuperDigit)
			if i < 0 {
				b.WriteString(norm.NFKC.String(s))
				break
			}
			b.WriteString(norm.NFKC.String(s[:i]))
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			s = s[i+n:]
		}
		s = b.String()
	} else {
		s = norm.NFKC.String(s)
	}
	if !strings.ContainsFunc(s, dropRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if dropRune(r) {
			return -1
		}
		return r
	}, s)
}

func dropRune(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return r < 0x20 || r == 0x7f
}

// duplicate reports whether w repeats a recent word at the same place:
// fake bold and shadows draw text twice.
func duplicate(words []Word, w Word) bool {
	for i := len(words) - 1; i >= 0 && i >= len(words)-32; i-- {
		o := &words[i]
		if o.Text == w.Text && math.Abs(o.X0-w.X0) < 1 && math.Abs(o.Base-w.Base) < 1 {
			return true
		}
	}
	return false
}

// combiningMark returns the combining form of a spacing accent.
func combiningMark(s string) (string, bool) {
	switch s {
	case "\u00b4", "\u02ca": // acute
		return "\u0301", true
	case "`", "\u02cb":
		return "\u0300", true
	case "\u00a8":
		return "\u0308", true
	case "^", "\u02c6":
		return "\u0302", true
	case "~", "\u02dc":
		return "\u0303", true
	case "\u00b8":
		return "\u0327", true
	case "\u02c7":
		return "\u030c", true
	case "\u02da":
		return "\u030a", true
	case "\u00af", "\u02c9":
		return "\u0304", true
	case "\u02d8":
		return "\u0306", true
	case "\u02d9":
		return "\u0307", true
	case "\u02dd":
		return "\u030b", true
	case "\u02db":
		return "\u0328", true
	}
	return "", false
}

// overlaps reports whether accent a sits over letter g: its middle lies
// within the letter's width and it is no wider than the letter and a bit.
func overlaps(g, a *glyph) bool {
	mid := (a.x0 + a.x1) / 2
	return mid >= g.x0 && mid <= g.x1 && math.Abs(a.size-g.size) < 0.2*g.size && math.Abs(a.oy-g.oy) < 0.5*g.size
}

// superDigits are the superscript forms of 0–9.
const superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

func isSuperDigit(r rune) bool { return strings.ContainsRune(superDigits, r) }

// raisedMark reports whether g, a digit, is a footnote mark after base, the
// last glyph of a word at full size (prev is the glyph g follows: base or
// an earlier mark digit): smaller, raised by a fraction of base's size
// and drawn right after prev. It returns the superscript form of g.
func raisedMark(base, prev, g *glyph) (string, bool) {
	if len(g.text) != 1 || g.text[0] < '0' || g.text[0] > '9' || g.space ||
		math.Abs(g.dx-base.dx) > 0.01 || math.Abs(g.dy-base.dy) > 0.01 {
		return "", false
	}
	size := base.size
	if g.size > 0.85*size || g.size < 0.4*size {
		return "", false
	}
	rx, ry := g.ox-prev.ex, g.oy-prev.ey
	if along := rx*prev.dx + ry*prev.dy; along > wordGap*size || along < -overlapGap*size {
		return "", false
	}
	// Raised: up from base's baseline, which is against y in page space.
	bx, by := g.ox-base.ox, g.oy-base.oy
	if up := -(-bx*base.dy + by*base.dx); up < 0.15*size || up > 0.8*size {
		return "", false
	}
	r := []rune(superDigits)[g.text[0]-'0']
	return string(r), true
}
