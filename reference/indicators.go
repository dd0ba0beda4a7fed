package reference

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/adrg/strutil/metrics"
)

//go:embed data/indicators.csv
var indicatorsCSV []byte

// An Indicator is one row of the BBV basisset beleidsindicatoren.
type Indicator struct {
	ID       string   // "jongeren-met-jeugdhulp"
	BBVNr    int      // number in the Regeling beleidsindicatoren; 0 when unknown
	Name     string   // official name
	Unit     string   // the unit as the reference states it ("% van alle jongeren tot 18 jaar")
	Taakveld string   // hoofdtaakveld, "0" … "8"
	Source   string   // who publishes the figure
	Status   string   // "current", or why not
	Variants []string // labels seen in published tables
}

// The thresholds of the matcher. A pair of words is the same word when its
// Jaro-Winkler similarity reaches tokenSim (geweldmisdrijven /
// geweldsmisdrijven, woning / woningen); a label is an indicator when the
// token F1 of label and name reaches minScore and no other indicator comes
// within minMargin.
const (
	tokenSim   = 0.92
	minFuzzLen = 5
	minScore   = 0.8
	minShare   = 0.8
	minMargin  = 0.1
)

// matchStop are words that say nothing about which indicator a label is:
// function words, and unit words that the unit check handles instead.
var matchStop = map[string]bool{
	"de": true, "het": true, "een": true, "van": true, "met": true, "in": true, "op": true,
	"voor": true, "en": true, "of": true, "aan": true, "tot": true, "t": true, "m": true, "tm": true,
	"uit": true, "bij": true, "als": true, "naar": true, "door": true, "dat": true, "die": true,
	"is": true, "zijn": true, "te": true, "per": true, "aantal": true, "jaar": true, "jr": true,
	"jarigen": true, "eo": true, "e": true, "o": true, "percentage": true, "aandeel": true,
	"bbv": true, "in%": true, "%": true, "x": true, "alle": true, "totaal": true, "totale": true,
	"ten": true, "opzichte": true, "ouder": true, "wsjg": true, "the": true,
}

type indicatorForm struct {
	ind    int      // index into indicatorIndex.list
	tokens []string // content tokens
	text   string   // the form, for debugging
}

type indicatorIndex struct {
	list   []Indicator
	byID   map[string]int
	units  []unitInfo // reference unit per indicator
	forms  []indicatorForm
	prefix map[string][]int // 4-letter token prefix → forms
	// common prefixes occur in the forms of many indicators ("inwoners",
	// "jongeren"); they do not select candidates.
	common map[string]bool
	jw     *metrics.JaroWinkler
}

var (
	indOnce sync.Once
	indIdx  *indicatorIndex
)

func indicators() *indicatorIndex {
	indOnce.Do(func() {
		var err error
		indIdx, err = loadIndicators(indicatorsCSV)
		if err != nil {
			panic(err) // embedded data: a failure is a build defect
		}
	})
	return indIdx
}

func loadIndicators(b []byte) (*indicatorIndex, error) {
	rows, err := readCSV(bytes.NewReader(b), "indicators.csv")
	if err != nil {
		return nil, err
	}
	idx := &indicatorIndex{byID: map[string]int{}, prefix: map[string][]int{}, jw: metrics.NewJaroWinkler()}
	for _, r := range rows {
		in := Indicator{ID: r["id"], Name: r["official_name"], Unit: r["unit"], Taakveld: r["taakveld"],
			Source: r["source"], Status: r["status"]}
		if r["bbv_nr"] != "" {
			n, err := strconv.Atoi(r["bbv_nr"])
			if err != nil {
				return nil, fmt.Errorf("reading indicators.csv: %s: bbv_nr: %w", in.ID, err)
			}
			in.BBVNr = n
		}
		for _, v := range strings.Split(r["variants"], "|") {
			if v = strings.TrimSpace(v); v != "" {
				in.Variants = append(in.Variants, v)
			}
		}
		if in.ID == "" || in.Name == "" {
			return nil, fmt.Errorf("reading indicators.csv: row without id or name: %v", r)
		}
		if _, dup := idx.byID[in.ID]; dup {
			return nil, fmt.Errorf("reading indicators.csv: duplicate id %q", in.ID)
		}
		idx.byID[in.ID] = len(idx.list)
		idx.list = append(idx.list, in)
		idx.units = append(idx.units, parseUnit(in.Unit))
	}
	for i, in := range idx.list {
		nameToks := map[string]bool{}
		for _, t := range labelForms(in.Name)[0] {
			nameToks[t] = true
		}
		seen := map[string]bool{}
		for _, text := range append([]string{in.Name}, in.Variants...) {
			for fi, toks := range labelForms(text) {
				key := strings.Join(toks, " ")
				if len(toks) == 0 || seen[key] {
					continue
				}
				// A part of a variant stands for the indicator only when it
				// shares a word with the official name: "Onderwijs" in
				// "Onderwijs: Absoluut verzuim …" does not.
				if fi > 0 && !idx.sharesToken(toks, nameToks) {
					continue
				}
				seen[key] = true
				idx.addForm(indicatorForm{ind: i, tokens: toks, text: text})
			}
		}
	}
	idx.common = map[string]bool{}
	for p, fs := range idx.prefix {
		inds := map[int]bool{}
		for _, fi := range fs {
			inds[idx.forms[fi].ind] = true
		}
		if len(inds) > len(idx.list)/6 {
			idx.common[p] = true
		}
	}
	return idx, nil
}

func (idx *indicatorIndex) sharesToken(toks []string, set map[string]bool) bool {
	for _, t := range toks {
		for s := range set {
			if idx.sameToken(t, s) {
				return true
			}
		}
	}
	return false
}

func (idx *indicatorIndex) addForm(f indicatorForm) {
	n := len(idx.forms)
	idx.forms = append(idx.forms, f)
	seen := map[string]bool{}
	for _, t := range f.tokens {
		p := tokPrefix(t)
		if !seen[p] {
			seen[p] = true
			idx.prefix[p] = append(idx.prefix[p], n)
		}
	}
}

func tokPrefix(t string) string {
	if len(t) > 4 {
		return t[:4]
	}
	return t
}

var (
	leadNumRe   = regexp.MustCompile(`^\s*(?:[0-9]+(?:[.-][0-9]+)*[.)]?\s*(?:-\s+)?|[a-z][.)]\s+|[-–•·*]\s+)`)
	footnoteRe  = regexp.MustCompile(`(?:\s*(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)|\d\)))+\s*$`)
	bbvNrRe     = regexp.MustCompile(`\(\s*\d{1,2}\s*\)`)
	perGlueRe   = regexp.MustCompile(`(?i)per(\d)`)
	bracketRe   = regexp.MustCompile(`\([^()]*\)`)
	headCutRe   = regexp.MustCompile(`\(|\bper\s|,|\bin\s+%|\bals\s+%|\bin\s+(?:fte|euro|kg)\b`)
	tokenSplitR = regexp.MustCompile(`[^a-z0-9%]+`)
)

// normLabel lower-cases a label, folds accents and removes what is not the
// name: leading numbering ("1.1", "43-3 - "), a BBV number "(22)", trailing
// footnote marks, "(BBV)".
func normLabel(s string) string {
	s = fold(s)
	s = leadNumRe.ReplaceAllString(s, "")
	s = footnoteRe.ReplaceAllString(s, "")
	s = bbvNrRe.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "(bbv)", " ")
	s = perGlueRe.ReplaceAllString(s, "per $1")
	return strings.Join(strings.Fields(s), " ")
}

// labelForms returns the token lists a label is compared by: first the
// whole label, then its name part (without bracketed explanations, before
// a unit), and the name parts on either side of a colon.
func labelForms(label string) [][]string {
	return normForms(normLabel(label))
}

// normForms is labelForms for a label already through normLabel.
func normForms(n string) [][]string {
	forms := [][]string{tokens(n)}
	parts := []string{n}
	if i := strings.Index(n, ":"); i > 0 {
		parts = append(parts, n[:i], n[i+1:])
	}
	for _, p := range parts {
		p = bracketRe.ReplaceAllString(p, " ")
		if loc := headCutRe.FindStringIndex(p); loc != nil && loc[0] > 0 {
			p = p[:loc[0]]
		}
		if t := tokens(p); len(t) > 0 {
			forms = append(forms, t)
		}
	}
	return forms
}

// tokens splits a normalised label into content words: no function words,
// no numbers, hyphenated words split ("niet-sporters" → niet, sporters).
func tokens(s string) []string {
	var out []string
	for _, t := range tokenSplitR.Split(s, -1) {
		if t == "" || matchStop[t] || isNumber(t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isNumber(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

func (idx *indicatorIndex) sameToken(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < minFuzzLen || len(b) < minFuzzLen {
		return false
	}
	if a[0] != b[0] {
		return false
	}
	// Jaro-Winkler cannot reach tokenSim when one word is much shorter:
	// with all of the shorter matched, jaro ≤ (2 + short/long)/3.
	la, lb := len(a), len(b)
	if la > lb {
		la, lb = lb, la
	}
	if float64(la) < 0.6*float64(lb) {
		return false
	}
	return idx.jw.Compare(a, b) >= tokenSim
}

// overlap counts the tokens of a that have a partner in b, and of b that
// have one in a. A compound on one side may meet two adjacent words on the
// other ("maatwerkarrangement" / "maatwerk arrangement").
func (idx *indicatorIndex) overlap(a, b []string) (na, nb int) {
	usedB := make([]bool, len(b))
	matchedA := make([]bool, len(a))
	for i, x := range a {
		for j, y := range b {
			if !usedB[j] && idx.sameToken(x, y) {
				usedB[j], matchedA[i] = true, true
				break
			}
		}
	}
	// Compounds split on one side only.
	for i := 0; i+1 < len(a); i++ {
		if matchedA[i] || matchedA[i+1] {
			continue
		}
		for j, y := range b {
			if !usedB[j] && idx.sameToken(a[i]+a[i+1], y) {
				usedB[j], matchedA[i], matchedA[i+1] = true, true, true
				break
			}
		}
	}
	for j := 0; j+1 < len(b); j++ {
		if usedB[j] || usedB[j+1] {
			continue
		}
		for i, x := range a {
			if !matchedA[i] && idx.sameToken(x, b[j]+b[j+1]) {
				usedB[j], usedB[j+1], matchedA[i] = true, true, true
				break
			}
		}
	}
	for _, m := range matchedA {
		if m {
			na++
		}
	}
	for _, m := range usedB {
		if m {
			nb++
		}
	}
	return na, nb
}

// similarity compares label tokens a with reference tokens b: the share
// of a found in b and of b found in a. It returns the token F1 and the
// smaller of the two shares.
func (idx *indicatorIndex) similarity(a, b []string) (f1, worst float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	na, nb := idx.overlap(a, b)
	p := float64(na) / float64(len(a))
	r := float64(nb) / float64(len(b))
	if p+r == 0 {
		return 0, 0
	}
	return 2 * p * r / (p + r), min(p, r)
}

// unitInfo is what a unit text or a label says about the unit of a figure.
type unitInfo struct {
	bases   []int // the N of "per N" (1000, 10000); none when not a rate
	percent bool
	euro    bool
	count   bool // a plain count ("aantal" as the record's unit)
}

var perBaseRe = regexp.MustCompile(`per\s*(1[.\s]?000[.\s]?000|100[.\s]?000|10[.\s]?000|1[.\s]?000|100)\b`)

func parseUnit(s string) unitInfo {
	f := fold(s)
	var u unitInfo
	for _, m := range perBaseRe.FindAllStringSubmatch(f, -1) {
		n, _ := strconv.Atoi(strings.NewReplacer(".", "", " ", "").Replace(m[1]))
		if n > 0 && !containsInt(u.bases, n) {
			u.bases = append(u.bases, n)
		}
	}
	u.percent = strings.Contains(f, "%") || strings.Contains(f, "procent") || strings.Contains(f, "percentage")
	u.euro = strings.Contains(f, "euro") || strings.Contains(f, "€")
	return u
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// recordUnit reads the unit field of a record (DESIGN: aantal, procent,
// euro, per_1000, per_10000).
func recordUnit(unit string) unitInfo {
	var u unitInfo
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "per_1000":
		u.bases = []int{1000}
	case "per_10000":
		u.bases = []int{10000}
	case "procent", "%":
		u.percent = true
	case "euro":
		u.euro = true
	case "aantal":
		u.count = true
	case "":
	default:
		return parseUnit(unit)
	}
	return u
}

// unitConflict reports whether a figure with unit fig cannot be the
// indicator whose reference unit is ref: another rate base (per 1.000
// against per 10.000), a rate against a percentage, a count against a rate.
func unitConflict(fig, ref unitInfo) bool {
	refRate := len(ref.bases) > 0
	for _, b := range fig.bases {
		if !containsInt(ref.bases, b) {
			return true
		}
	}
	if fig.percent && !ref.percent {
		return true
	}
	if len(fig.bases) > 0 && !refRate {
		return true
	}
	if fig.count && (refRate || ref.percent) {
		return true
	}
	if fig.euro && !ref.euro && (refRate || ref.percent) {
		return true
	}
	return false
}

// IndicatorMatch is the full answer of the matcher.
type IndicatorMatch struct {
	ID    string  // the indicator, when matched with confidence; else empty
	Score float64 // token F1 of the best form, 0 to 1
	// Candidate is the best-scoring indicator even when it was rejected,
	// and Reason says why: "unit" (the units differ), "score" (too weak),
	// "margin" (another indicator scores as well); empty when matched.
	Candidate string
	Reason    string
}

// MatchIndicator returns the id from indicators.csv of the indicator a row
// label names, with its score (0 to 1), or "" when no indicator matches
// with confidence. unit is the record's unit (per_1000, per_10000,
// procent, euro, aantal, or empty); it and any unit in the label must fit
// the indicator's reference unit: a figure per 10.000 never gets the id of
// an indicator counted per 1.000.
func MatchIndicator(label, unit string) (id string, score float64) {
	m := MatchIndicatorDetail(label, unit)
	return m.ID, m.Score
}

type matchKey struct{ label, unit string }

var (
	matchCacheMu sync.Mutex
	matchCache   = map[matchKey]IndicatorMatch{}
)

const matchCacheMax = 8192

// MatchIndicatorDetail is MatchIndicator with the rejected candidate and
// the reason, for run reports. It is safe for concurrent use.
func MatchIndicatorDetail(label, unit string) IndicatorMatch {
	k := matchKey{label, unit}
	matchCacheMu.Lock()
	m, ok := matchCache[k]
	matchCacheMu.Unlock()
	if ok {
		return m
	}
	m = indicators().match(label, unit)
	matchCacheMu.Lock()
	if len(matchCache) >= matchCacheMax {
		clear(matchCache) // rows repeat within a table; a cold start is cheap
	}
	matchCache[k] = m
	matchCacheMu.Unlock()
	return m
}

func (idx *indicatorIndex) match(label, unit string) IndicatorMatch {
	norm := normLabel(label)
	forms := normForms(norm)
	if len(forms) == 0 || len(forms[0]) == 0 {
		return IndicatorMatch{}
	}
	// Candidates: forms sharing a word beginning with a label form.
	cand := map[int]bool{}
	for _, f := range forms {
		for _, t := range f {
			if idx.common[tokPrefix(t)] {
				continue
			}
			for _, fi := range idx.prefix[tokPrefix(t)] {
				cand[fi] = true
			}
		}
	}
	// Each indicator scores by its best form; a form counts only when both
	// sides are mostly found in each other, so one stray word in four
	// ("Gemiddelde WOZ-waarde bedrijfspanden") is already too many.
	best := make(map[int]float64) // indicator → best score
	for fi := range cand {
		form := idx.forms[fi]
		for _, lf := range forms {
			s, worst := idx.similarity(lf, form.tokens)
			if worst < minShare {
				s = min(s, minScore-0.01)
			}
			if s > best[form.ind] {
				best[form.ind] = s
			}
		}
	}
	if len(best) == 0 {
		return IndicatorMatch{}
	}
	order := make([]int, 0, len(best))
	for i := range best {
		order = append(order, i)
	}
	sort.Slice(order, func(a, b int) bool {
		if best[order[a]] != best[order[b]] {
			return best[order[a]] > best[order[b]]
		}
		return order[a] < order[b]
	})
	top := order[0]
	m := IndicatorMatch{Score: best[top], Candidate: idx.list[top].ID}
	switch {
	case m.Score < minScore:
		m.Reason = "score"
	case len(order) > 1 && m.Score-best[order[1]] < minMargin:
		m.Reason = "margin"
	default:
		fig := recordUnit(unit)
		lab := parseUnit(norm)
		if unitConflict(fig, idx.units[top]) || unitConflict(unitInfo{bases: lab.bases, percent: lab.percent}, idx.units[top]) {
			m.Reason = "unit"
		}
	}
	if m.Reason == "" {
		m.ID = m.Candidate
	}
	return m
}

// Indicators returns the reference indicators in the order of
// indicators.csv.
func Indicators() []Indicator {
	return append([]Indicator(nil), indicators().list...)
}

// IndicatorByID returns the indicator with id.
func IndicatorByID(id string) (Indicator, bool) {
	idx := indicators()
	i, ok := idx.byID[id]
	if !ok {
		return Indicator{}, false
	}
	return idx.list[i], true
}
