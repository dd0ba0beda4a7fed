package pdftable

import (
	"regexp"
	"strings"
	"unicode"
)

// kind says what a cell's text looks like.
type kind int

const (
	kindText   kind = iota
	kindNumber      // a figure: 1.039, -7.882, 11,6%, - 328 N, 4.977-, 350 kind
	kindMiss        // a missing-value marker: -, nnb, n.v.t.
	kindYear        // a year, maybe with a short tag: 2021, 2018 (w)
	kindMark        // a V/N marker or a lone currency sign, which belongs to a neighbour
)

var (
	// numCore matches a number after signs, currency, percent and marks
	// are taken off: Dutch grouping and decimal comma, or plain digits.
	numCore  = regexp.MustCompile(`^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^,\d+$|^\d+(\.\d+)?$`)
	dutchNum = regexp.MustCompile(`^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$`)
	yearRe   = regexp.MustCompile(`^(19[89]\d|20[0-6]\d)$`)
	// noteRe matches the start of a footnote line.
	noteRe = regexp.MustCompile(`^(\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\)|[a-e]\))`)
	// scaleRe matches a scale or unit line printed above a table.
	scaleRe = regexp.MustCompile(`(?i)(\bx|\bin|maal)\s*(€|eur|euro)?\s*1\.?000|bedragen\s+(x|in)\b|x\s*€\s*1\s*(mln|miljoen)`)
	// captionRe matches a numbered table title.
	captionRe = regexp.MustCompile(`(?i)^(tabel|table|tab\.)\s*\d`)
	// spaceGroup matches thousands grouped with a (non-breaking) space.
	spaceGroup = regexp.MustCompile(`(\d)[ \x{a0}\x{202f}](\d{3})\b`)
)

var missing = map[string]bool{
	"-": true, "--": true, "–": true, "—": true, "−": true, ".": true,
	"nnb": true, "n.n.b.": true, "n.n.b": true, "nb": true, "n.b.": true,
	"ntb": true, "n.t.b.": true, "nvt": true, "n.v.t.": true, "n.v.t": true,
	"p.m.": true, "pm": true, "x": true, "?": true, "n.a.": true,
}

// classify says what the text of one cell is.
func classify(s string) kind {
	s = strings.TrimSpace(s)
	if s == "" {
		return kindText
	}
	l := strings.ToLower(s)
	if missing[l] || missing[strings.TrimRight(l, "*")] {
		return kindMiss
	}
	if s == "V" || s == "N" || s == "€" || s == "%" {
		return kindMark
	}
	f := strings.Fields(s)
	if yearRe.MatchString(f[0]) && len(f) <= 2 && (len(f) == 1 || !isNumberish(f[1])) {
		if len(f) == 1 || strings.HasPrefix(f[1], "(") {
			return kindYear
		}
	}
	if isNumber(s) {
		return kindNumber
	}
	return kindText
}

// isNumberish reports whether a single token starts like a figure.
func isNumberish(tok string) bool {
	return isNumber(tok)
}

// isNumber reports whether s is a figure as printed in a table cell,
// allowing signs, currency, percent, V/N, footnote stars and a short unit
// word after it ("350 kind").
func isNumber(s string) bool {
	s = spaceGroup.ReplaceAllString(s, "$1.$2")
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	// Words after the number: V/N, or one short unit word.
	i := 0
	for i < len(f) && (f[i] == "-" || f[i] == "–" || f[i] == "−" || f[i] == "+" || f[i] == "€" || strings.EqualFold(f[i], "eur")) {
		i++
	}
	if i >= len(f) {
		return false
	}
	core := f[i]
	rest := f[i+1:]
	if len(rest) > 0 && (rest[0] == "%" || rest[0] == "-") {
		core += rest[0]
		rest = rest[1:]
	}
	if len(rest) > 0 && (rest[0] == "V" || rest[0] == "N") {
		rest = rest[1:]
	}
	if len(rest) > 1 {
		return false
	}
	if len(rest) == 1 {
		// A count with a short unit word ("350 kind"), never a
		// numbered label ("1.4 Thema").
		r := []rune(rest[0])
		if len(r) > 6 || !unicode.IsLower(r[0]) || !dutchNum.MatchString(strings.TrimRight(core, "%")) {
			return false
		}
	}
	return numberToken(core)
}

// numberToken reports whether one token is a number with its glued signs,
// currency, percent and marks.
func numberToken(t string) bool {
	// Parentheses come in pairs around a negative amount: "(123)".
	if strings.HasPrefix(t, "(") != strings.HasSuffix(t, ")") {
		return false
	}
	t = strings.TrimLeft(t, "-–−+€(")
	t = strings.TrimRight(t, "*¹²³⁴⁵⁶⁷⁸⁹⁰)")
	t = strings.TrimSuffix(t, ",-")
	t = strings.TrimRight(t, "%-–")
	t = strings.TrimLeft(t, "€")
	t = strings.TrimSpace(t)
	if t == "" {
		return false
	}
	return numCore.MatchString(t)
}

// isFigure reports whether k fills a value cell.
func isFigure(k kind) bool { return k == kindNumber || k == kindMiss }

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// IsNoteLine reports whether a line starts as a footnote does under a
// table: "*", "**", "¹", "1)", "(2)", "a)".
func IsNoteLine(s string) bool { return noteRe.MatchString(s) }

// IsCaptionLine reports whether a line is a numbered table title
// ("Tabel 3", "Tab. 12").
func IsCaptionLine(s string) bool { return captionRe.MatchString(s) }
