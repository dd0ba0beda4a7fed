package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jaarzoek/jaarzoek/internal/fold"
)

// leadNumberRe matches leading numbering of a label: "1.1 ", "2.1. ",
// "01 ", "43-3 - ", "3) ", "a. ", "- ", "• ".
var leadNumberRe = regexp.MustCompile(`^(?:(?:\d{1,3}(?:[.\-]\d{1,3})*[a-z]?[.)]?|[a-z][.)])\s+(?:[-–]\s+)?|[-–•·*▪●◦]\s*)`)

// taakveldRe matches an Iv3 taakveld code: "0.1", "0.10", "6.71a", "8.3".
var taakveldRe = regexp.MustCompile(`^[0-8]\.\d{1,2}[a-z]?$`)

// CleanIndicator returns a row label as the indicator field prints it:
// single spaces, no leading numbering ("1.1", "2.1 ", "01 ", "43-3 - ") or
// bullet ("- ", "• "), no trailing footnote marks ("*", "**", "¹", "1)").
// Marks inside the label stay ("Aantal uitkeringsgerechtigden*
// (participatiewet)"). The marks taken off the end are returned apart.
func CleanIndicator(label string) (indicator, marks string) {
	s := cleanSpaces(label)
	for range 3 {
		if s == "" || !startsNumbering(s) {
			break
		}
		loc := leadNumberRe.FindStringIndex(s)
		if loc == nil || loc[1] >= len(s) {
			break
		}
		rest := s[loc[1]:]
		// "2018 begroting" or "100% …" is not numbering: the number must be
		// followed by a word.
		r := []rune(rest)[0]
		if !unicode.IsLetter(r) && r != '%' && r != '(' && r != '"' && r != '“' {
			break
		}
		s = rest
	}
	var ms []string
	s, ms = stripTrailingMarks(s, nil)
	// Footnote digits glued to the last word by a font ("Jeugdteam¹") are
	// handled above; a plain digit glued to a word is kept: it may be part
	// of the name ("Programma 3").
	return s, joinMarks(ms)
}

// leadingTaakveld returns a taakveld code at the start of a label and the
// label without it.
func leadingTaakveld(label string) (code, rest string) {
	f, r, ok := strings.Cut(strings.TrimSpace(label), " ")
	if !ok || !taakveldRe.MatchString(f) {
		return "", label
	}
	return f, strings.TrimSpace(r)
}

// IndicatorKey returns the key that groups the same indicator across
// documents: the cleaned label in lower case, accents folded ("cliënten" →
// "clienten"), "%" kept, other punctuation turned into spaces, single spaces.
func IndicatorKey(label string) string {
	s, _ := CleanIndicator(label)
	s = strings.ToLower(s)
	if hasNonASCII(s) {
		if t, err := fold.Accents(norm.NFKC.String(s)); err == nil {
			s = t
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	rs := []rune(s)
	for i, r := range rs {
		keep := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '€'
		// A point or comma inside a number stays: "1.000", "0,5".
		if (r == '.' || r == ',') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
			keep = true
		}
		if !keep {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// startsNumbering is a quick test for what leadNumberRe may match.
func startsNumbering(s string) bool {
	c := s[0]
	if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' && len(s) > 1 && (s[1] == '.' || s[1] == ')') {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("-–•·*▪●◦", r)
}
