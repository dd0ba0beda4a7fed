package reference

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/model"
)

// Clues are what a document says about itself, strongest first.
type Clues struct {
	URL      string   // where it came from; may be empty
	Title    string   // <title> or PDF title
	Site     string   // site header text naming the publisher ("Gemeente Houten Jaarverslag 2022")
	Headings []string // the document's headings in order
	Text     string   // the first few KB of body text
	Filename string   // base name of a local file; may be empty
}

// Result is what Detect decided. A field left undecided is zero and named
// in Gaps; each From names the clue that decided it ("host", "url",
// "title", "header", "text", "filename").
type Result struct {
	Gemeente     Gemeente
	GemeenteFrom string
	Kind         string
	KindFrom     string
	Year         int
	YearFrom     string

	Detections []model.Detection // one per field, decided or not
	Gaps       []string          // "gemeente", "doc_kind", "doc_year" when undecided
}

// The document kinds Detect gives.
const (
	KindJaarstukken        = "jaarstukken"
	KindBegroting          = "begroting"
	KindVoorjaarsnota      = "voorjaarsnota"
	KindNajaarsnota        = "najaarsnota"
	KindKadernota          = "kadernota"
	KindBestuursrapportage = "bestuursrapportage"
	KindMonitor            = "monitor"
	KindNieuws             = "nieuws"
)

// kindWords maps a word (folded, letters only) to the kind it names. Longer
// words are tried first, so "programmabegroting" wins over "begroting".
var kindWords = map[string]string{
	"jaarstukken":        KindJaarstukken,
	"jaarverslag":        KindJaarstukken,
	"jaarrekening":       KindJaarstukken,
	"jaarverantwoording": KindJaarstukken,
	"begroting":          KindBegroting,
	"programmabegroting": KindBegroting,
	"beleidsbegroting":   KindBegroting,
	"meerjarenbegroting": KindBegroting,
	"voorjaarsnota":      KindVoorjaarsnota,
	"najaarsnota":        KindNajaarsnota,
	"kadernota":          KindKadernota,
	"perspectiefnota":    KindKadernota,
	"bestuursrapportage": KindBestuursrapportage,
	"burap":              KindBestuursrapportage,
	"berap":              KindBestuursrapportage,
	"monitor":            KindMonitor,
}

// newsWords are path segments and title parts that mark a news item.
var newsWords = map[string]bool{
	"nieuws": true, "nieuwsberichten": true, "nieuwsbericht": true, "actueel": true,
	"persberichten": true, "persbericht": true, "news": true, "actualiteiten": true,
}

// hostNoise are host labels and words in them that never name a gemeente:
// report platforms, top-level domains and generic words.
var hostNoise = []string{
	"www", "nl", "com", "net", "org", "eu", "begrotingsapp", "begrotingonline", "tangelo",
	"pcportal", "financien", "gemeente", "online", "app", "publicaties", "documenten",
	"jaarverslagen", "begrotingen", "raad", "bestuur", "digitaal", "p&c", "pc", "site", "web",
}

var hostNoiseSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range hostNoise {
		m[w] = true
	}
	return m
}()

var (
	yearRe      = regexp.MustCompile(`(?:^|[^0-9])((?:19[89]|20[0-4])[0-9])(?:[^0-9]|$)`)
	digitsRe    = regexp.MustCompile(`[0-9]+`)
	dateNumRe   = regexp.MustCompile(`\b([0-3]?[0-9])[-/.]([01]?[0-9])[-/.]((?:19|20)[0-9]{2})\b`)
	dateISORe   = regexp.MustCompile(`\b((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])\b`)
	dateWordRe  = regexp.MustCompile(`(?i)\b([0-3]?[0-9])\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s+((?:19|20)[0-9]{2})\b`)
	kindYearRe  *regexp.Regexp
	gemeenteRe  = regexp.MustCompile(`(?i)\bgemeente\s+`)
	collegeRe   = regexp.MustCompile(`(?i)\bcollege\s+van\s+burgemeester\s+en\s+wethouders\s+(?:van|der\s+gemeente|de\s+gemeente)\s+`)
	segmentSepR = regexp.MustCompile(`\s+[-–—|•:]\s+|\s*\|\s*`)
)

func init() {
	ws := make([]string, 0, len(kindWords))
	for w := range kindWords {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	// A kind word, then optionally a year and a second year of a range.
	kindYearRe = regexp.MustCompile(`(?i)\b(` + strings.Join(ws, "|") + `)(?:\s+sociaal\s+domein)?[\s_-]*((?:19[89]|20[0-4])[0-9])?(?:\s*(?:-+|–|t/m|tot)\s*((?:19[89]|20[0-4])[0-9]))?`)
}

// vote collects weighted evidence for one field.
type vote struct {
	score map[string]float64
	from  map[string]string
	best  map[string]float64 // weight of the strongest single clue per value
	// strongScore counts only clues from outside the body text.
	strongScore map[string]float64
	strongBest  map[string]float64
	strongFrom  map[string]string
	strong      bool
}

func newVote() *vote {
	return &vote{score: map[string]float64{}, from: map[string]string{}, best: map[string]float64{}, strongScore: map[string]float64{},
		strongBest: map[string]float64{}, strongFrom: map[string]string{}}
}

func (v *vote) add(value, from string, w float64) {
	if value == "" || w <= 0 {
		return
	}
	v.score[value] += w
	if w > v.best[value] {
		v.best[value] = w
		v.from[value] = from
	}
	if from != "text" {
		v.strong = true
		v.strongScore[value] += w
		if w > v.strongBest[value] {
			v.strongBest[value] = w
			v.strongFrom[value] = from
		}
	}
}

// decide returns the winner among the clues from the address, file name,
// title and header when they settle it, and only otherwise lets body text
// count: no amount of text outvotes the title.
func (v *vote) decide(min float64) (string, string, bool) {
	if v.strong {
		s := &vote{score: v.strongScore, from: v.strongFrom}
		if val, from, ok := s.winner(min); ok {
			return val, from, true
		}
	}
	return v.winner(min)
}

// winner returns the value with the highest score when it reaches min and
// beats the runner-up.
func (v *vote) winner(min float64) (string, string, bool) {
	var best, second float64
	var val string
	keys := make([]string, 0, len(v.score))
	for k := range v.score {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := v.score[k]
		switch {
		case s > best:
			second, best, val = best, s, k
		case s > second:
			second = s
		}
	}
	if val == "" || best < min || best == second {
		return "", "", false
	}
	return val, v.from[val], true
}

// Evidence weights. Body text decides only what the address, file name,
// title and header leave open.
const (
	wHost     = 10.0
	wURL      = 8.0
	wTitle    = 9.0
	wTitleIn  = 4.0 // kind or name inside a longer title part
	wHeader   = 8.0
	wHeaderIn = 3.0
	wFile     = 5.0
	wCollege  = 5.0
	wTextGem  = 3.0 // "gemeente X" in body text
	wTextBare = 1.0 // a bare, unambiguous name in body text
	wTextKind = 2.0
	minDecide = 2.0
)

// Detect decides whose report a document is, what kind and which year,
// from the clues it gives. The address and the title count most; body text
// decides only when nothing stronger is there, and a name that is also an
// ordinary word or place ("Best", "Houten", "Utrecht") never decides from
// body text unless it follows "gemeente".
func Detect(c Clues) Result {
	kinds, years := newVote(), newVote()
	u := parseReportURL(c.URL)
	if u.Kind != "" {
		kinds.add(u.Kind, u.KindFrom, weightOf(u.KindFrom))
	}
	if u.Year != 0 {
		years.add(strconv.Itoa(u.Year), u.YearFrom, weightOf(u.YearFrom))
	}
	if c.Filename != "" {
		f := parseLabelWords(strings.TrimSuffix(c.Filename, path.Ext(c.Filename)))
		kinds.add(f.kind, "filename", wFile)
		if f.year != 0 {
			years.add(strconv.Itoa(f.year), "filename", wFile)
		}
	}
	kindYearFromTitle(c.Title, "title", wTitle, wTitleIn, kinds, years)
	kindYearFromTitle(c.Site, "header", wHeader, wHeaderIn, kinds, years)
	for i, h := range c.Headings {
		if i >= 3 {
			break
		}
		kindYearFromTitle(h, "text", wTextKind, wTextKind/2, kinds, years)
	}
	text := c.Text
	if len(text) > 8192 {
		text = text[:8192]
		for !utf8.ValidString(text) && len(text) > 0 {
			text = text[:len(text)-1]
		}
	}
	kindYearFromText(text, kinds, years)

	var r Result
	if k, from, ok := kinds.decide(minDecide); ok {
		r.Kind, r.KindFrom = k, from
	}
	if y, from, ok := years.decide(minDecide); ok {
		r.Year, _ = strconv.Atoi(y)
		r.YearFrom = from
	}
	if r.Kind == KindNieuws && (r.Year == 0 || r.YearFrom == "text") {
		// A news item is about when it was published.
		if y := yearFromDates(text); y != 0 {
			r.Year, r.YearFrom = y, "text"
		}
	}
	if r.Year == 0 {
		if y := dominantYear(text); y != 0 {
			r.Year, r.YearFrom = y, "text"
		}
	}

	gems := newVote()
	for _, cand := range u.Gemeenten {
		gems.add(cand, "host", wHost)
	}
	if c.Filename != "" {
		for _, cand := range labelGemeenten(strings.TrimSuffix(c.Filename, path.Ext(c.Filename))) {
			gems.add(cand, "filename", wFile)
		}
	}
	gemeentenFromTitle(c.Title, "title", wTitle, wTitleIn, gems)
	gemeentenFromTitle(c.Site, "header", wHeader, wHeaderIn, gems)
	gemeentenFromText(text, gems)
	if key, from, ok := gems.decide(minDecide); ok {
		if g, found := LookupYear(key, r.Year); found {
			r.Gemeente, r.GemeenteFrom = g, from
		}
	}

	r.Detections = []model.Detection{
		{Field: "gemeente", Value: r.Gemeente.Name, From: r.GemeenteFrom},
		{Field: "doc_year", Value: yearString(r.Year), From: r.YearFrom},
		{Field: "doc_kind", Value: r.Kind, From: r.KindFrom},
	}
	if r.Gemeente.IsZero() {
		r.Gaps = append(r.Gaps, "gemeente")
	}
	if r.Kind == "" {
		r.Gaps = append(r.Gaps, "doc_kind")
	}
	if r.Year == 0 {
		r.Gaps = append(r.Gaps, "doc_year")
	}
	return r
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func weightOf(from string) float64 {
	if from == "host" {
		return wHost
	}
	return wURL
}

// kindMatches returns the matches of kindYearRe in the folded string f
// whose kind word stands as a word of its own or before digits:
// "begroting-2020" and "programmabegroting2020" count, the platform name
// "begrotingsapp" does not.
func kindMatches(f string, n int) [][]int {
	if !plainFolded(f) {
		return kindMatchesRe(f, n)
	}
	var out [][]int
	for pos := 0; pos < len(f); {
		m := nextKindMatch(f, pos)
		if m == nil {
			break
		}
		pos = m[1]
		if end := m[3]; end < len(f) && f[end] >= 'a' && f[end] <= 'z' {
			continue
		}
		out = append(out, m)
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

// kindMatchesRe is kindMatches by the regular expression itself, for text
// the hand-written matcher does not cover.
func kindMatchesRe(f string, n int) [][]int {
	var out [][]int
	for _, m := range kindYearRe.FindAllStringSubmatchIndex(f, -1) {
		if end := m[3]; end < len(f) && f[end] >= 'a' && f[end] <= 'z' {
			continue
		}
		out = append(out, m)
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

// plainFolded reports whether f has no upper-case ASCII letter and no rune
// that case-folds to an ASCII letter (ſ, the Kelvin sign): then a
// case-insensitive match of lower-case ASCII words is a byte comparison.
func plainFolded(f string) bool {
	for i := 0; i < len(f); i++ {
		if c := f[i]; c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return !strings.Contains(f, "\u017f") && !strings.Contains(f, "\u212a")
}

// kindWordsByFirst lists the kind words per first byte, longest first,
// as kindYearRe tries them; an array, as it is read for every byte.
var kindWordsByFirst = func() *[256][]string {
	var m [256][]string
	for w := range kindWords {
		m[w[0]] = append(m[w[0]], w)
	}
	for _, ws := range m {
		sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	return &m
}()

// nextKindMatch returns the submatch indices kindYearRe would give for its
// first match in f at or after pos, or nil. f must be plainFolded. It is
// the expression spelled out: its optional parts are all greedy and none
// can give back what it took to let a later part match, so reading them
// one after the other finds the same match. It is much cheaper than
// running the large case-insensitive alternation over every byte.
func nextKindMatch(f string, pos int) []int {
	for p := pos; p < len(f); p++ {
		ws := kindWordsByFirst[f[p]]
		if ws == nil || p > 0 && isASCIIWordByte(f[p-1]) {
			continue
		}
		word := ""
		for _, w := range ws {
			if strings.HasPrefix(f[p:], w) {
				word = w
				break
			}
		}
		if word == "" {
			continue
		}
		m := []int{p, 0, p, p + len(word), -1, -1, -1, -1}
		i := p + len(word)
		// (?:\s+sociaal\s+domein)?
		if j := skipRESpace(f, i); j > i && strings.HasPrefix(f[j:], "sociaal") {
			j += len("sociaal")
			if k := skipRESpace(f, j); k > j && strings.HasPrefix(f[k:], "domein") {
				i = k + len("domein")
			}
		}
		// [\s_-]*
		for i < len(f) && (isRESpace(f[i]) || f[i] == '_' || f[i] == '-') {
			i++
		}
		// The first year, optional.
		if isKindYear(f, i) {
			m[4], m[5] = i, i+4
			i += 4
		}
		// (?:\s*(?:-+|–|t/m|tot)\s*(year))?
		j := skipRESpace(f, i)
		switch {
		case j < len(f) && f[j] == '-':
			for j < len(f) && f[j] == '-' {
				j++
			}
		case strings.HasPrefix(f[j:], "–"), strings.HasPrefix(f[j:], "t/m"), strings.HasPrefix(f[j:], "tot"):
			j += 3
		default:
			j = -1
		}
		if j >= 0 {
			if j = skipRESpace(f, j); isKindYear(f, j) {
				m[6], m[7] = j, j+4
				i = j + 4
			}
		}
		m[1] = i
		return m
	}
	return nil
}

// isKindYear reports whether (?:19[89]|20[0-4])[0-9] matches at f[i:].
func isKindYear(f string, i int) bool {
	if i+4 > len(f) || f[i+3] < '0' || f[i+3] > '9' {
		return false
	}
	switch f[i : i+2] {
	case "19":
		return f[i+2] == '8' || f[i+2] == '9'
	case "20":
		return f[i+2] >= '0' && f[i+2] <= '4'
	}
	return false
}

// isRESpace reports whether c is in \s of Go's regular expressions.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func skipRESpace(f string, i int) int {
	for i < len(f) && isRESpace(f[i]) {
		i++
	}
	return i
}

// isASCIIWordByte reports whether c is a word character for \b.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// reportURL is what an address says about a report.
type reportURL struct {
	Host      string
	Gemeenten []string // name keys of gemeenten named by host labels
	Kind      string
	KindFrom  string // "host" or "url"
	Year      int
	YearFrom  string
}

// labelWords is what one host label or path segment says.
type labelWords struct {
	kind string
	year int
	news bool
}

// parseLabelWords reads a host label or slug such as "jaarverslag-2022",
// "zaanstad2019", "programmabegroting-2026---2029" or "begroting-2017-".
func parseLabelWords(s string) labelWords {
	var lw labelWords
	f := fold(s)
	sp := strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(f)
	if ms := kindMatches(sp, 1); len(ms) > 0 {
		m := ms[0]
		lw.kind = kindWords[sp[m[2]:m[3]]]
		if m[4] >= 0 {
			lw.year, _ = strconv.Atoi(sp[m[4]:m[5]])
		}
	}
	if lw.year == 0 {
		if m := yearRe.FindStringSubmatch(f); m != nil {
			lw.year, _ = strconv.Atoi(m[1])
		}
	}
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if newsWords[w] {
			lw.news = true
		}
	}
	return lw
}

// labelGemeenten returns the name keys of gemeenten a host label or file
// name stands for once years, digits and known words are removed:
// "zaanstad2019" → zaanstad, "gemeente-best" → best.
func labelGemeenten(label string) []string {
	f := fold(label)
	f = digitsRe.ReplaceAllString(f, " ")
	f = kindYearRe.ReplaceAllString(f, " ")
	f = strings.TrimPrefix(f, "gemeente")
	var parts []string
	for _, p := range strings.FieldsFunc(f, func(r rune) bool { return r < 'a' || r > 'z' }) {
		if !hostNoiseSet[p] {
			parts = append(parts, p)
		}
	}
	var keys []string
	try := func(s string) bool {
		if len(nameKey(s)) < 3 {
			return false
		}
		if _, ok := Lookup(s); ok {
			keys = append(keys, nameKey(s))
			return true
		}
		return false
	}
	if !try(strings.Join(parts, "")) {
		for _, p := range parts {
			try(p)
		}
	}
	return keys
}

// parseReportURL reads gemeente, kind and year from a report address:
// wormerland.begrotingsapp.nl/jaarstukken-2023-/…, denhaag.jaarverslag-2020.nl,
// zaanstad2019.voorjaarsnota.nl, programmabegroting2020.halderberge.tangelo.nl,
// begroting.middelburg.nl/2024/…, www.losser.nl/Actueel/Nieuwsberichten/….
func parseReportURL(raw string) reportURL {
	var ru reportURL
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ru
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ru
	}
	host := strings.ToLower(u.Hostname())
	ru.Host = host
	labels := strings.Split(host, ".")
	if len(labels) > 1 {
		labels = labels[:len(labels)-1] // the top-level domain
	}
	for _, l := range labels {
		lw := parseLabelWords(l)
		if lw.kind != "" && ru.Kind == "" {
			ru.Kind, ru.KindFrom = lw.kind, "host"
		}
		if lw.year != 0 && ru.Year == 0 {
			ru.Year, ru.YearFrom = lw.year, "host"
		}
		ru.Gemeenten = append(ru.Gemeenten, labelGemeenten(l)...)
	}
	// The path: a news section settles the kind, whatever the article's
	// slug says; otherwise the first segment naming a kind or a year.
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	for _, s := range segs {
		if us, err := url.PathUnescape(s); err == nil {
			s = us
		}
		if s == "" {
			continue
		}
		if ru.Kind == KindNieuws {
			// Inside a news section only a year folder counts.
			if ru.Year == 0 && isYear(s) {
				ru.Year, _ = strconv.Atoi(s)
				ru.YearFrom = "url"
			}
			continue
		}
		lw := parseLabelWords(s)
		if lw.news {
			ru.Kind, ru.KindFrom = KindNieuws, "url"
			continue
		}
		if lw.kind != "" && ru.Kind == "" {
			ru.Kind, ru.KindFrom = lw.kind, "url"
			if lw.year != 0 && ru.Year == 0 {
				ru.Year, ru.YearFrom = lw.year, "url"
			}
		}
		if ru.Year == 0 && isYear(s) {
			ru.Year, ru.YearFrom = lw.year, "url"
		}
	}
	return ru
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1980 && y <= 2049
}

// titleParts splits "Indicatoren - Voorjaarsnota 2019-2023 - Gemeente
// Zaanstad" into its parts; a year range keeps its hyphen.
func titleParts(s string) []string {
	var out []string
	for _, p := range segmentSepR.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// kindYearFromTitle votes for the kind and year a title or site header
// names. A part that is nothing but a document title ("Jaarverslag 2017",
// "Nieuws") counts fully; a kind word inside a longer part counts less.
func kindYearFromTitle(s, from string, whole, inside float64, kinds, years *vote) {
	if strings.TrimSpace(s) == "" {
		return
	}
	for _, p := range titleParts(s) {
		fp := fold(p)
		if newsWords[strings.Trim(fp, " .:")] {
			// A news section names what the page is, whatever report the
			// item is about.
			kinds.add(KindNieuws, from, whole*1.2)
			continue
		}
		for _, m := range kindMatches(fp, -1) {
			kind := kindWords[fp[m[2]:m[3]]]
			w := inside
			// The whole part is this title, give or take a "Gemeente X".
			rest := stripGemeente(strings.TrimSpace(fp[:m[0]] + " " + fp[m[1]:]))
			if len(strings.Fields(rest)) <= 1 {
				w = whole
			}
			if kind == KindMonitor && !strings.Contains(fp[m[0]:m[1]], "sociaal") && w == inside {
				continue // "monitor" alone inside a sentence is too loose
			}
			if m[4] < 0 && w == inside {
				w /= 2 // a bare kind word in a menu or sentence
			}
			kinds.add(kind, from, w)
			if m[4] >= 0 {
				y, _ := strconv.Atoi(fp[m[4]:m[5]])
				years.add(strconv.Itoa(y), from, w)
			}
		}
	}
}

// stripGemeente removes "gemeente <name>" from a folded title part, so
// "gemeente berg en dal begroting 2019" leaves the document title alone.
func stripGemeente(f string) string {
	words := strings.Fields(f)
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "gemeente" {
			continue
		}
		for n := min(gemeenten().maxWords, len(words)-i-1); n >= 1; n-- {
			if _, ok := Lookup(strings.Join(words[i+1:i+1+n], " ")); ok {
				words = append(words[:i:i], words[i+1+n:]...)
				return strings.Join(words, " ")
			}
		}
	}
	return f
}

// kindYearFromText votes for a document title near the start of the text
// ("Jaarverslag 2017" on a cover page), and lightly for later mentions.
func kindYearFromText(text string, kinds, years *vote) {
	ft := fold(text)
	for _, m := range kindMatches(ft, 20) {
		w := wTextKind / 2
		if m[0] < 300 {
			w = wTextKind * 1.5
		}
		kind := kindWords[ft[m[2]:m[3]]]
		if kind == KindMonitor && !strings.Contains(ft[m[0]:m[1]], "sociaal") {
			continue
		}
		if m[4] < 0 {
			continue // a kind word without a year is common in any report
		}
		kinds.add(kind, "text", w)
		years.add(ft[m[4]:m[5]], "text", w)
	}
}

// yearFromDates returns the year of the first date in text.
func yearFromDates(text string) int {
	best, pos := 0, len(text)+1
	for _, re := range []*regexp.Regexp{dateWordRe, dateNumRe} {
		if m := re.FindStringSubmatchIndex(text); m != nil && m[0] < pos {
			y, _ := strconv.Atoi(text[m[6]:m[7]])
			best, pos = y, m[0]
		}
	}
	if m := dateISORe.FindStringSubmatchIndex(text); m != nil && m[0] < pos {
		best, _ = strconv.Atoi(text[m[2]:m[3]])
	}
	return best
}

// dominantYear returns the year named most often in text when it is named
// at least twice and more often than any other.
func dominantYear(text string) int {
	counts := map[int]int{}
	for _, m := range yearRe.FindAllStringSubmatch(text, 200) {
		y, _ := strconv.Atoi(m[1])
		counts[y]++
	}
	best, n, tie := 0, 0, false
	for y, c := range counts {
		switch {
		case c > n:
			best, n, tie = y, c, false
		case c == n:
			tie = true
		}
	}
	if n < 2 || tie {
		return 0
	}
	return best
}

// gemeentenFromTitle votes for gemeenten a title or site header names:
// "Gemeente Houten" or a part that is exactly a name counts fully, a name
// inside a longer part less, and an ambiguous name only in full.
func gemeentenFromTitle(s, from string, whole, inside float64, gems *vote) {
	if strings.TrimSpace(s) == "" {
		return
	}
	for _, key := range gemeentePhrases(s, gemeenteMatches(s, 100)) {
		gems.add(key, from, whole)
	}
	for _, p := range titleParts(s) {
		if _, ok := Lookup(p); ok {
			gems.add(nameKey(p), from, whole)
			continue
		}
		for _, key := range bareNames(p) {
			gems.add(key, from, inside)
		}
	}
}

// gemeentenFromText votes for gemeenten named in body text. Only "gemeente
// X" and "college van burgemeester en wethouders van X" may name an
// ambiguous gemeente; bare names count little and are capped.
func gemeentenFromText(text string, gems *vote) {
	if text == "" {
		return
	}
	perKey := map[string]float64{}
	addCapped := func(key string, w, cap float64) {
		if perKey[key] >= cap {
			return
		}
		perKey[key] += w
		gems.add(key, "text", w)
	}
	var college [][]int
	// Most text never names the college; the expression is slow to rule
	// that out, a search for its first word is not.
	if indexFoldASCII(text, "college") >= 0 {
		college = collegeRe.FindAllStringIndex(text, 100)
	}
	for _, key := range gemeentePhrases(text, college) {
		addCapped(key, wCollege, 2*wCollege)
	}
	for _, key := range gemeentePhrases(text, gemeenteMatches(text, 100)) {
		addCapped(key, wTextGem, 3*wTextGem+2*wCollege)
	}
	bare := map[string]float64{}
	for _, key := range bareNames(text) {
		if bare[key] < 4*wTextBare {
			bare[key] += wTextBare
			gems.add(key, "text", wTextBare)
		}
	}
}

// gemeentePhrases returns the name keys of gemeenten named right after
// each match ("gemeente Berg en Dal heeft" → bergendal) of gemeenteRe or
// collegeRe in s. The name must start with a capital, so "de gemeente
// heeft" names nothing.
func gemeentePhrases(s string, matches [][]int) []string {
	idx := gemeenten()
	var keys []string
	var cb, kb []byte // scratch: a candidate and its name key
	for _, m := range matches {
		words := strings.Fields(firstN(s[m[1]:], 120))
		if len(words) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(words[0])
		if !unicode.IsUpper(r) && !strings.HasPrefix(words[0], "'s") {
			continue
		}
		for n := min(idx.maxWords, len(words)); n >= 1; n-- {
			cb = joinWords(cb[:0], words[:n])
			kb = appendNameKey(kb[:0], bytes.TrimRight(cb, ".,;:!?)»”\"'"))
			if _, ok := lookupKey(kb, 0); ok {
				keys = append(keys, string(kb))
				break
			}
		}
	}
	return keys
}

// joinWords appends words joined by single spaces to dst, as strings.Join
// would make them, without a string per candidate name.
func joinWords(dst []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// gemeenteMatches returns what gemeenteRe.FindAllStringIndex(s, n) does,
// by a scan: "gemeente" has no letter that folds to a non-ASCII one, so a
// case-insensitive match is an ASCII one.
func gemeenteMatches(s string, n int) [][]int {
	const word = "gemeente"
	var out [][]int
	for p := 0; len(out) < n; {
		i := indexFoldASCII(s[p:], word)
		if i < 0 {
			break
		}
		i += p
		p = i + 1
		if i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		end := skipRESpace(s, i+len(word))
		if end == i+len(word) {
			continue
		}
		out = append(out, []int{i, end})
		p = end
	}
	return out
}

// indexFoldASCII returns the index of the first match of the lower-case
// ASCII word w in s, ignoring ASCII case, or -1.
func indexFoldASCII(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 != w[0] {
			continue
		}
		j := 1
		for j < len(w) && s[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) && len(s) > 0 {
		s = s[:len(s)-1]
	}
	return s
}

// wordsPool holds the word lists of bareNames, some thousand words for the
// opening text of every document.
var wordsPool = sync.Pool{New: func() any { return new([]string) }}

// appendFields appends the words of s to dst, as strings.Fields splits
// them: around runs of unicode.IsSpace.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += w
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// bareNames returns the name keys of unambiguous gemeenten named anywhere
// in s, longest name first at each position ("Bergen op Zoom" before
// "Bergen"). Names must be capitalised as names are.
func bareNames(s string) []string {
	idx := gemeenten()
	wp := wordsPool.Get().(*[]string)
	defer func() {
		clear(*wp)
		wordsPool.Put(wp)
	}()
	*wp = appendFields((*wp)[:0], s)
	words := *wp
	var keys []string
	var cb, kb []byte // scratch: a candidate and its name key
	for i := 0; i < len(words); i++ {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[i], "(\"'“‘"))
		if !unicode.IsUpper(r) && !strings.HasPrefix(words[i], "'s-") {
			continue
		}
		for n := min(idx.maxWords, len(words)-i); n >= 1; n-- {
			cb = joinWords(cb[:0], words[i:i+n])
			cand := bytes.Trim(cb, ".,;:!?()«»“”\"'‘’")
			if r, _ := utf8.DecodeRune(cand); !unicode.IsUpper(r) && !bytes.HasPrefix(cand, []byte("'s-")) {
				break
			}
			kb = appendNameKey(kb[:0], cand)
			if _, ok := lookupKey(kb, 0); !ok {
				continue
			}
			if isAmbiguousKey(kb) {
				break
			}
			keys = append(keys, string(kb))
			i += n - 1
			break
		}
	}
	return keys
}
