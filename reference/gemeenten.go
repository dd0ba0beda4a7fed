package reference

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	textfold "github.com/jaarzoek/jaarzoek/internal/fold"
)

//go:embed data/gemeenten.csv
var gemeentenCSV []byte

//go:embed data/gemeenten_historic.csv
var historicCSV []byte

// A Gemeente is a Dutch municipality as listed by CBS, current or historic.
type Gemeente struct {
	Code     string // CBS code, "GM0321"
	Name     string // official name, "Houten", "'s-Gravenhage"
	Province string

	// Historic is true for a gemeente that no longer exists. EndYear is the
	// first year it did not exist as of 1 January (merged on 2022-01-01 →
	// 2022), LastYear the last year it existed in (2021; Weesp, merged on
	// 2022-03-24, has EndYear 2022 and LastYear 2022).
	Historic bool
	EndYear  int
	LastYear int
	// Successor and SuccessorCode name the gemeente it went into; a gemeente
	// split over several successors lists them all, separated by ";".
	Successor     string
	SuccessorCode string
	// Change is how a historic gemeente ended: "merged", "renamed" or
	// "split"; empty for a current gemeente.
	Change string
}

// IsZero reports whether g is the zero Gemeente (none found).
func (g Gemeente) IsZero() bool { return g.Code == "" }

// aliases are names in common use that are not the official name. Keys and
// values are resolved through nameKey, so spelling variants of both count.
var aliases = map[string]string{
	"Den Haag":              "'s-Gravenhage",
	"The Hague":             "'s-Gravenhage",
	"Den Bosch":             "'s-Hertogenbosch",
	"Nuenen c.a.":           "Nuenen, Gerwen en Nederwetten",
	"Nuenen ca":             "Nuenen, Gerwen en Nederwetten",
	"Nuenen":                "Nuenen, Gerwen en Nederwetten",
	"Bergen NH":             "Bergen (NH.)",
	"Bergen Noord-Holland":  "Bergen (NH.)",
	"Bergen L":              "Bergen (L.)",
	"Bergen Limburg":        "Bergen (L.)",
	"Laren Noord-Holland":   "Laren (NH.)",
	"Rijswijk Zuid-Holland": "Rijswijk (ZH.)",
	"Beek Limburg":          "Beek (L.)",
	"Stein Limburg":         "Stein (L.)",
	"Hengelo Overijssel":    "Hengelo (O.)",
	"Middelburg Zeeland":    "Middelburg (Z.)",
	"Sudwest Friesland":     "Súdwest-Fryslân",
	"Noordoost Friesland":   "Noardeast-Fryslân",
}

type gemeenteIndex struct {
	current  []Gemeente
	historic []Gemeente
	// byKey maps a name key or code to every gemeente it may mean (a current
	// and a historic gemeente may share a name).
	byKey map[string][]Gemeente
	// ambiguous keys name more than one gemeente at the same time ("bergen").
	ambiguous map[string]bool
	maxWords  int // most words in a name, for scanning text
	// renamedFrom maps the code of a renamed gemeente to its former self.
	renamedFrom map[string]Gemeente
}

var (
	gemOnce sync.Once
	gemIdx  *gemeenteIndex
	gemErr  error
)

func gemeenten() *gemeenteIndex {
	gemOnce.Do(func() {
		gemIdx, gemErr = loadGemeenten(bytes.NewReader(gemeentenCSV), bytes.NewReader(historicCSV))
		if gemErr != nil {
			panic(gemErr) // embedded data: a failure is a build defect
		}
	})
	return gemIdx
}

func readCSV(r io.Reader, what string) ([]map[string]string, error) {
	cr := csv.NewReader(r)
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("reading %s: no header", what)
	}
	head := recs[0]
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				m[h] = strings.TrimSpace(rec[i])
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func loadGemeenten(cur, hist io.Reader) (*gemeenteIndex, error) {
	rows, err := readCSV(cur, "gemeenten.csv")
	if err != nil {
		return nil, err
	}
	idx := &gemeenteIndex{byKey: map[string][]Gemeente{}, ambiguous: map[string]bool{}, renamedFrom: map[string]Gemeente{}}
	for _, r := range rows {
		idx.current = append(idx.current, Gemeente{Code: r["code"], Name: r["name"], Province: r["province"]})
	}
	hrows, err := readCSV(hist, "gemeenten_historic.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range hrows {
		end, err := strconv.Atoi(r["year_ended"])
		if err != nil {
			return nil, fmt.Errorf("reading gemeenten_historic.csv: %s: year_ended: %w", r["old_name"], err)
		}
		last, err := strconv.Atoi(r["last_year_in_existence"])
		if err != nil {
			return nil, fmt.Errorf("reading gemeenten_historic.csv: %s: last_year_in_existence: %w", r["old_name"], err)
		}
		idx.historic = append(idx.historic, Gemeente{
			Code: r["old_code"], Name: r["old_name"], Province: r["old_province"],
			Historic: true, EndYear: end, LastYear: last,
			Successor: r["successor_name"], SuccessorCode: r["successor_code"],
			Change: changeKind(r["change_type"]),
		})
	}

	for _, h := range idx.historic {
		if h.Change == "renamed" && !strings.Contains(h.SuccessorCode, ";") {
			idx.renamedFrom[h.SuccessorCode] = h
		}
	}

	// Names without their province mark ("Hengelo (O.)" → "Hengelo") count
	// only when no other gemeente has the same short name.
	short := map[string][]Gemeente{}
	add := func(key string, g Gemeente) {
		if key == "" {
			return
		}
		for _, h := range idx.byKey[key] {
			if h.Code == g.Code {
				return
			}
		}
		idx.byKey[key] = append(idx.byKey[key], g)
	}
	all := append(append([]Gemeente{}, idx.current...), idx.historic...)
	for _, g := range all {
		add(nameKey(g.Name), g)
		add(g.Code, g)
		add(strings.TrimPrefix(g.Code, "GM"), g)
		if i := strings.Index(g.Name, "("); i > 0 {
			s := nameKey(g.Name[:i])
			short[s] = append(short[s], g)
		}
		if n := len(strings.Fields(g.Name)); n > idx.maxWords {
			idx.maxWords = n
		}
	}
	for k, gs := range short {
		if len(gs) == 1 && len(idx.byKey[k]) == 0 {
			add(k, gs[0])
		} else {
			idx.ambiguous[k] = true
		}
	}
	for alias, name := range aliases {
		gs := idx.byKey[nameKey(name)]
		if len(gs) == 0 {
			return nil, fmt.Errorf("alias %q: no gemeente %q", alias, name)
		}
		for _, g := range gs {
			add(nameKey(alias), g)
		}
	}
	return idx, nil
}

// changeKind reduces the change_type column ("renamed (code 0241->1945)")
// to its first word.
func changeKind(s string) string {
	if i := strings.IndexAny(s, " ("); i > 0 {
		s = s[:i]
	}
	return s
}

// fold lower-cases s and removes its accents ("Súdwest-Fryslân" →
// "sudwest-fryslan").
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		if t, err := textfold.Accents(s); err == nil {
			s = t
		}
	}
	return strings.ToLower(s)
}

// nameKey reduces a gemeente name to its letters, lower case and without
// accents, so "'s-Gravenhage", "s Gravenhage" and "sgravenhage" (a host
// name) meet. A leading "gemeente" is dropped; a bare code stays a code.
func nameKey(s string) string {
	var buf [64]byte
	return string(appendNameKey(buf[:0], s))
}

// appendNameKey appends nameKey(s) to dst. Detection looks up every
// capitalised run of words in the text; for ASCII, which nearly all of
// them are, this takes no allocation.
func appendNameKey[S string | []byte](dst []byte, s S) []byte {
	for len(s) > 0 && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, nameKeySlow(string(s))...)
		}
	}
	// normCode, for ASCII: ToUpper changes only a-z.
	if c := s; len(c) == 4 || len(c) == 6 && c[0]|0x20 == 'g' && c[1]|0x20 == 'm' {
		c = c[len(c)-4:]
		if isDigit(c[0]) && isDigit(c[1]) && isDigit(c[2]) && isDigit(c[3]) {
			return append(append(dst, "GM"...), c...)
		}
	}
	if len(s) >= 9 && s[8] == ' ' {
		if p := s[:8]; p[0]|0x20 == 'g' && p[1]|0x20 == 'e' && p[2]|0x20 == 'm' && p[3]|0x20 == 'e' &&
			p[4]|0x20 == 'e' && p[5]|0x20 == 'n' && p[6]|0x20 == 't' && p[7]|0x20 == 'e' {
			s = s[9:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' {
			dst = append(dst, c)
		}
	}
	return dst
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// nameKeySlow is nameKey for any text.
func nameKeySlow(s string) string {
	s = strings.TrimSpace(s)
	if c, ok := normCode(s); ok {
		return c
	}
	f := fold(s)
	f = strings.TrimPrefix(f, "gemeente ")
	var b strings.Builder
	for _, r := range f {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normCode turns "GM0321", "gm0321" and "0321" into "GM0321".
func normCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "GM")
	if len(s) != 4 {
		return "", false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return "GM" + s, true
}

// Lookup finds a gemeente by official name, alias, host-style squashed name
// ("denhaag", "horstaandemaas") or CBS code ("GM0321", "0321"). Case,
// accents, spaces, hyphens and apostrophes do not matter. When a current
// and a historic gemeente share the name, the current one is returned; use
// LookupYear when the year is known. A name that means several gemeenten
// ("Bergen") finds none.
func Lookup(name string) (Gemeente, bool) {
	return LookupYear(name, 0)
}

// LookupYear is Lookup for a document about year: a historic gemeente is
// preferred over a current one of the same name when it still existed in
// that year. year 0 means unknown.
func LookupYear(name string, year int) (Gemeente, bool) {
	var buf [64]byte
	return lookupKey(appendNameKey(buf[:0], name), year)
}

// lookupKey is LookupYear for the name key of a name.
func lookupKey(key []byte, year int) (Gemeente, bool) {
	idx := gemeenten()
	if len(key) == 0 || idx.ambiguous[string(key)] && len(idx.byKey[string(key)]) == 0 {
		return Gemeente{}, false
	}
	g, ok := pickByYear(idx.byKey[string(key)], year)
	if ok && !g.Historic && year > 0 {
		// A gemeente renamed with a new code was the old one before.
		if old, found := idx.renamedFrom[g.Code]; found && year <= old.LastYear {
			return old, true
		}
	}
	return g, ok
}

func pickByYear(gs []Gemeente, year int) (Gemeente, bool) {
	switch len(gs) {
	case 0:
		return Gemeente{}, false
	case 1:
		return gs[0], true
	}
	var cur, hist []Gemeente
	for _, g := range gs {
		if g.Historic {
			hist = append(hist, g)
		} else {
			cur = append(cur, g)
		}
	}
	if year > 0 {
		// The historic gemeente that existed in year, the latest if several.
		best := -1
		for i, h := range hist {
			if year <= h.LastYear && (best < 0 || h.LastYear < hist[best].LastYear) {
				best = i
			}
		}
		if best >= 0 {
			return hist[best], true
		}
	}
	if len(cur) == 1 {
		return cur[0], true
	}
	if len(cur) == 0 && len(hist) > 0 {
		best := 0
		for i, h := range hist {
			if h.LastYear > hist[best].LastYear {
				best = i
			}
		}
		return hist[best], true
	}
	return Gemeente{}, false
}

// Gemeenten returns the current gemeenten in the order of gemeenten.csv.
func Gemeenten() []Gemeente {
	return append([]Gemeente(nil), gemeenten().current...)
}

// HistoricGemeenten returns the gemeenten that merged away or were renamed,
// in the order of gemeenten_historic.csv.
func HistoricGemeenten() []Gemeente {
	return append([]Gemeente(nil), gemeenten().historic...)
}
