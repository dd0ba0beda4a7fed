package normalize

import (
	"regexp"
	"strings"
)

// A Scale is what a scale line says about the amounts under it.
type Scale struct {
	Pow  int  // the printed numbers are multiplied by 10^Pow
	Euro bool // the line names euros ("x € 1.000", "Bedragen in €")
}

// Factor returns 10^Pow as a float64 (1 for Pow 0).
func (s Scale) Factor() float64 {
	f := 1.0
	for range s.Pow {
		f *= 10
	}
	return f
}

// scaleRe finds a scale statement: "x € 1.000", "× €1000", "in € 1 mln",
// "x 1000", "in €", "x 1.000 euro", "in duizenden euro".
var scaleRe = regexp.MustCompile(`(?i)(?:^|[\s(:])(x|×|in)\s*(€|eur\b|euro\b)?\s*(1(?:[.\s]?000)*|10{1,9})?(?:,-{1,2})?\s*(mln\.?|miljoen|mld\.?|miljard|duizend(?:en)?|miljoenen)?\s*(€|euro\b|eur\b)?`)

// ParseScale reads a scale line such as "bedragen x € 1.000", "(x €
// 1.000)", "(in € 1.000)", "x €1000", "x € 1.000,-", "Bedragen x 1000",
// "bedragen in € 1 mln" or "Bedragen in €" (whole euros: Pow 0, Euro
// true). ok is false when s states no scale.
func ParseScale(s string) (sc Scale, ok bool) {
	s = cleanSpaces(s)
	if s == "" || !mayHoldScale(s) {
		return Scale{}, false
	}
	for _, m := range scaleRe.FindAllStringSubmatch(s, -1) {
		word, euro1, num, mult, euro2 := strings.ToLower(m[1]), m[2], m[3], strings.ToLower(m[4]), m[5]
		euro := euro1 != "" || euro2 != ""
		if num == "" && mult == "" && !euro {
			continue
		}
		// "in" is a common word: it states a scale only with euros or a
		// multiplier ("in € 1.000", "in duizenden euro").
		if word == "in" && !euro && mult == "" {
			continue
		}
		// "x" alone before a number could be a multiplication in prose;
		// demand a round number.
		pow := 0
		if num != "" {
			pow = strings.Count(num, "0")
		}
		switch {
		case strings.HasPrefix(mult, "duizend"):
			pow += 3
		case strings.HasPrefix(mult, "mln"), strings.HasPrefix(mult, "miljoen"):
			pow += 6
		case strings.HasPrefix(mult, "mld"), mult == "miljard":
			pow += 9
		}
		if num == "" && mult == "" {
			// "Bedragen in €": whole euros.
			if word != "in" {
				continue
			}
		}
		return Scale{Pow: pow, Euro: euro}, true
	}
	return Scale{}, false
}

// mayHoldScale is a quick test that spares the regular expression on most
// labels: a scale needs "x" or "×" standing alone before a number or "€",
// or "in" before "€" or a multiplier word.
func mayHoldScale(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		var rest string
		switch {
		case c == 'x' || c == 'X':
			rest = s[i+1:]
		case c == 0xC3 && i+1 < len(s) && s[i+1] == 0x97: // ×
			rest = s[i+2:]
		case (c == 'i' || c == 'I') && i+1 < len(s) && s[i+1] == 'n':
			rest = strings.ToLower(strings.TrimLeft(s[i+2:], " "))
			if i > 0 && isLetterByte(s[i-1]) || len(rest) == len(s[i+2:]) {
				continue
			}
			if strings.HasPrefix(rest, "€") || strings.HasPrefix(rest, "eur") || strings.HasPrefix(rest, "duizend") ||
				strings.HasPrefix(rest, "milj") || strings.HasPrefix(rest, "mln") || strings.HasPrefix(rest, "mld") {
				return true
			}
			continue
		default:
			continue
		}
		if i > 0 && isLetterByte(s[i-1]) {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "€")) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }
