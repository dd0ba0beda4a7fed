package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSnippet checks that any text and marks give a valid snippet with
// balanced marks and no panic.
func FuzzSnippet(f *testing.F) {
	f.Add("De jeugdhulp stijgt.", 3, 12, 100)
	f.Add(strings.Repeat("woord ", 80)+"jeugdhulp", 480, 489, 60)
	f.Add("één café", 0, 4, 3)
	f.Fuzz(func(t *testing.T, text string, a, b, n int) {
		if !utf8.ValidString(text) || a < 0 || b > len(text) || a >= b || !utf8.RuneStart(text[a]) ||
			(b < len(text) && !utf8.RuneStart(text[b])) {
			t.Skip()
		}
		s := Snippet(text, [][2]int{{a, b}}, n)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
		if strings.Count(s, "«") != strings.Count(s, "»") {
			t.Fatalf("unbalanced marks: %q", s)
		}
	})
}

// FuzzSplitWords checks that no input is lost except quotes and spaces.
func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{`"was- en strijkservice" jeugd`, `Wmo: begeleiding`, `-jeugd "`, `„zorg” “hulp”`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, phrases := splitWords(s)
		var got, want strings.Builder
		for _, w := range append(words, phrases...) {
			got.WriteString(strings.Join(strings.Fields(w), ""))
		}
		for _, r := range s {
			switch r {
			case '"', '“', '”', '„':
			default:
				want.WriteRune(r)
			}
		}
		if len(strings.Join(strings.Fields(got.String()), "")) != len(strings.Join(strings.Fields(want.String()), "")) {
			t.Fatalf("splitWords(%q) = %q %q", s, words, phrases)
		}
	})
}
