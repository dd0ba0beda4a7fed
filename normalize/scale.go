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
			pow = strings.Count(strings.NewReplacer(".", "", " ", "").Replace(num), "0")
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
// labels: a scale needs an "x", "×" or "in" and a digit, "€" or a
// multiplier word.
func mayHoldScale(s string) bool {
	l := strings.ToLower(s)
	if !strings.ContainsAny(l, "x×") && !strings.Contains(l, "in") {
		return false
	}
	return strings.ContainsAny(l, "0123456789€") || strings.Contains(l, "eur") ||
		strings.Contains(l, "mln") || strings.Contains(l, "milj") || strings.Contains(l, "mld") || strings.Contains(l, "duizend")
}
