package normalize

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/jaarzoek/jaarzoek/model"
)

// kindWords are the period-kind words of the record contract, rule by
// rule in its order; a header word matches when equal to one of them.
// Phrases ("na wijziging") and "(w)"/"(b)" are handled in PeriodKind.
var kindWords = []struct {
	kind  string
	words map[string]bool
}{
	{model.PeriodAfwijking, set("verschil", "verschillen", "afwijking", "afwijkingen")},
	{model.PeriodBegrotingNaWijziging, set("bijgesteld", "bijgestelde", "actuele", "actueel", "gewijzigd", "gewijzigde", "definitief", "definitieve")},
	{model.PeriodBegroting, set("primitief", "primitieve", "primair", "primaire", "ontwerp")},
	{model.PeriodRealisatie, set("realisatie", "realisaties", "rekening", "werkelijk", "werkelijke", "gerealiseerd", "gerealiseerde", "jaarrekening", "resultaat")},
	{model.PeriodStreefwaarde, set("streefwaarde", "streefwaarden", "streef", "streefcijfer", "streefcijfers", "doel", "doelen", "ambitie", "norm")},
	{model.PeriodRaming, set("raming", "ramingen", "verwachting", "prognose", "prognoses")},
	{model.PeriodBegroting, set("begroting", "begroot")},
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var wijziging = set("wijziging", "wijzigingen", "wijz")

// headerTokens lower-cases a header and splits it into words of letters or
// digits, so "Begroting2019" reads as "begroting 2019" and "Streef-waarde"
// as "streef waarde".
func headerTokens(h string) []string {
	var out []string
	start, class := -1, 0
	flush := func(i int) {
		if start >= 0 {
			out = append(out, strings.ToLower(h[start:i]))
		}
		start, class = -1, 0
	}
	for i, r := range h {
		c := 0
		switch {
		case unicode.IsLetter(r):
			c = 1
		case r >= '0' && r <= '9':
			c = 2
		}
		if c != class {
			flush(i)
			if c != 0 {
				start, class = i, c
			}
		}
	}
	flush(len(h))
	return out
}

// PeriodKind returns the period kind a column header states, by the ordered
// rules of the record contract; "" when it states none. budgetAndActual
// tells whether the table also has begroting and realisatie columns, which
// makes "resultaat" a difference rather than an outcome.
func PeriodKind(header string, budgetAndActual bool) string {
	return periodKind(header, headerTokens(header), budgetAndActual)
}

// periodKind is PeriodKind on a header already split by headerTokens.
func periodKind(header string, toks []string, budgetAndActual bool) string {
	has := func(words map[string]bool) bool {
		for _, t := range toks {
			if words[t] {
				return true
			}
		}
		return false
	}
	phrase := func(first string) bool {
		for i := 0; i+1 < len(toks); i++ {
			if toks[i] == first && wijziging[toks[i+1]] {
				return true
			}
			// "incl. alle wijzigingen"
			if first == "na" && toks[i] == "incl" && (wijziging[toks[i+1]] || toks[i+1] == "alle" && i+2 < len(toks) && wijziging[toks[i+2]]) {
				return true
			}
		}
		return false
	}
	lower := strings.ToLower(header)
	if budgetAndActual && slices.Contains(toks, "resultaat") {
		return model.PeriodAfwijking
	}
	for i, kw := range kindWords {
		switch {
		case has(kw.words):
			return kw.kind
		case i == 1 && phrase("na"):
			return kw.kind
		case i == 2 && phrase("voor"):
			return kw.kind
		case i == 3 && strings.Contains(lower, "(w)"):
			return kw.kind
		case i == 6 && strings.Contains(lower, "(b)"):
			return kw.kind
		}
	}
	return ""
}

// Years returns the years (1980 to 2049) named in s, in order, as whole
// tokens: "Verschil 2018/2019" gives 2018 and 2019, "Begroting2019" 2019,
// "12.2018" or "1.2018" nothing.
func Years(s string) []int {
	var ys []int
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c != '1' && c != '2' {
			continue
		}
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == ',') {
			continue
		}
		if !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if i+4 < len(s) && (isDigit(s[i+4]) || (s[i+4] == '.' || s[i+4] == ',') && i+5 < len(s) && isDigit(s[i+5])) {
			continue
		}
		y, _ := strconv.Atoi(s[i : i+4])
		if y >= 1980 && y <= 2049 {
			ys = append(ys, y)
		}
		i += 3
	}
	return ys
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// labelYear returns the year a row label names as its period, and whether
// that is stated plainly enough to beat a year in the column header: the
// year ends the label as the last item of a parenthesis ("(per 1.000
// inwoners, 2018)", "(2018)") or follows "peiljaar"/"peildatum".
func labelYear(label string) (year int, strong bool) {
	ys := Years(label)
	if len(ys) == 0 {
		return 0, false
	}
	distinct := ys[0]
	for _, y := range ys[1:] {
		if y != distinct {
			return 0, false
		}
	}
	return distinct, periodPhrase(label, distinct)
}

// periodPhrase reports whether year y stands in label as its period.
func periodPhrase(label string, y int) bool {
	ys := strconv.Itoa(y)
	i := strings.LastIndex(label, ys)
	before := strings.TrimRight(label[:i], " ")
	after := strings.TrimSpace(label[i+len(ys):])
	low := strings.ToLower(before)
	if strings.HasSuffix(low, "peiljaar") || strings.HasSuffix(low, "peildatum") {
		return true
	}
	if after != "" && after != ")" {
		return false
	}
	return strings.HasSuffix(before, ",") || strings.HasSuffix(before, "(")
}
