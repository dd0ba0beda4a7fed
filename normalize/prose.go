package normalize

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/model"
)

// ProseFigures reads the figures printed in the paragraphs and list items of
// doc with the default Normalizer.
func ProseFigures(doc *model.Document) ([]model.Record, []*model.SourceError) {
	var n Normalizer
	return n.ProseFigures(doc)
}

// ProseFigures returns one Record (Table 0, Row 0, Col 0) per figure printed
// in a sentence of doc's paragraph and list-item blocks: amounts ("€
// 754.000", "€ 4,6 miljoen", "nadeel € 328.000", "- 328 N"), percentages
// ("8,2% van de jongeren"), counts with a noun ("1.039 cliënten") and
// measures ("4,5 jaar"). Headings and tables are not read. Years, dates,
// times, codes and numbering ("6.71", "hoofdstuk 3", "artikel 12"), phone
// numbers, postcodes, ordinals ("18e"), numbers inside names ("Covid-19"),
// ranges ("0-18 jaar") and age limits ("tot 18 jaar") are not figures.
//
// Offset is the byte offset of Raw in the document's prose text: the texts
// of its paragraph and list-item blocks joined with "\n"; the record id
// hashes it, so it is stable for the same bytes. Period is the one year the
// figure's clause or sentence names (PeriodSource "label"), else doc_year;
// in "van 332 in 2017 naar 295 in 2018" each figure takes its own year, and
// the first one takes a year the sentence names as its comparison ("ten
// opzichte van 2017"). The errors are amounts marked as such (a € or %)
// whose number cannot be read; the other figures are still returned.
func (n *Normalizer) ProseFigures(doc *model.Document) ([]model.Record, []*model.SourceError) {
	recs, errs := n.proseFigures(doc, nil)
	n.matchProse(recs)
	return recs, errs
}

// matchProse sets the IndicatorID of prose records.
func (n *Normalizer) matchProse(recs []model.Record) {
	if n.MatchIndicator == nil {
		return
	}
	for i := range recs {
		if rec := &recs[i]; rec.Indicator != "" {
			rec.IndicatorID = n.MatchIndicator(rec.Indicator, rec.Unit)
		}
	}
}

// proseFigures is ProseFigures without IndicatorID, appending to recs.
func (n *Normalizer) proseFigures(doc *model.Document, recs []model.Record) ([]model.Record, []*model.SourceError) {
	if doc == nil {
		return nil, nil
	}
	var errs []*model.SourceError
	var toks []proseTok // scratch, reused from block to block
	off, first := 0, true
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind != model.BlockParagraph && b.Kind != model.BlockListItem {
			continue
		}
		if !first {
			off++ // the "\n" between blocks
		}
		first = false
		start := off
		off += len(b.Text)
		if !mayHoldFigure(b.Text) {
			continue
		}
		recs, errs, toks = n.proseBlock(doc, b, start, recs, errs, toks)
	}
	return recs, errs
}

// mayHoldFigure is a quick test: a figure needs a digit.
func mayHoldFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// errProseNumber marks a printed amount that could not be read.
var errProseNumber = errors.New("normalize: amount in text not read")

// A proseFig is one figure found in a block.
type proseFig struct {
	start, end int // Raw: text[start:end]
	num        Number
	pow        int    // scale word: 10^pow
	unit       string // model.Unit…
	unitText   string // words printed with the number
	marks      string
	phrase     string // the noun phrase after the number, when there is one
	after      int    // end of the unit words after the number
	measure    bool   // a measure ("4,5 jaar"), not a count
	sent       int    // index of its sentence
	from       bool   // the first figure of "van A naar B"
}

// proseBlock appends the figures of one block.
func (n *Normalizer) proseBlock(doc *model.Document, b *model.Block, base int, recs []model.Record, errs []*model.SourceError, scratch []proseTok) ([]model.Record, []*model.SourceError, []proseTok) {
	text := b.Text
	toks := appendProseTokens(scratch[:0], text)
	sents := sentenceSpans(text, toks)
	masked := maskSpans(text)

	var figs []proseFig
	for ti := 0; ti < len(toks); ti++ {
		if toks[ti].kind != tokNum {
			continue
		}
		f, ok, err := readProseFigure(text, toks, ti, masked)
		if err != nil {
			errs = append(errs, &model.SourceError{
				Source: doc.Source, Stage: model.StageNormalize, Pos: model.Pos{Page: b.Page},
				Err: fmt.Errorf("%w: prose offset %d: %w", errProseNumber, base+f.start, err),
			})
			continue
		}
		if !ok {
			continue
		}
		f.sent = sentenceOf(sents, f.start)
		figs = append(figs, f)
		// Skip the tokens the figure took.
		for ti+1 < len(toks) && toks[ti+1].start < f.end {
			ti++
		}
	}
	if len(figs) == 0 {
		return recs, errs, toks
	}
	pairFigures(text, figs)

	// The text with the figures blanked, so a year scan does not read an
	// amount such as "€ 2019" as a year.
	blank := []byte(text)
	for _, f := range figs {
		for i := f.start; i < f.end; i++ {
			blank[i] = ' '
		}
	}
	blankText := string(blank)
	section := strings.Join(b.Section, " > ")
	// Per sentence, computed once: its comparison years and period kind.
	comps := make([]map[int]bool, len(sents))
	kinds := make([]string, len(sents))
	// Figures of one sentence mostly share its scope part; the last one
	// read is kept.
	scopeStart, scopeEnd, scope := -1, -1, ""
	for i := range figs {
		f := &figs[i]
		s := sents[f.sent]
		if comps[f.sent] == nil {
			comps[f.sent] = comparisonYears(blankText[s.start:s.end])
			kinds[f.sent] = sentenceKind(text[s.start:s.end])
		}
		sentence := strings.TrimSpace(text[s.start:s.end])
		if ss, se := scopeBounds(text, s, f.start); ss != scopeStart || se != scopeEnd {
			scopeStart, scopeEnd, scope = ss, se, proseScope(text[ss:se])
		}
		rec := model.Record{
			DocInfo:   doc.DocInfo,
			Section:   section,
			Pos:       model.Pos{Page: b.Page},
			Raw:       text[f.start:f.end],
			Status:    model.StatusOK,
			Scope:     scope,
			Scale:     pow10f(f.pow),
			Context:   sentence,
			Offset:    base + f.start,
			Untrusted: b.Untrusted,
		}
		rec.ID = model.RecordID(doc.Doc, model.Pos{}, rec.Offset)
		v := f.num.Float()
		rec.Value = &v
		rec.Indicator = proseIndicator(text, toks, s, f)
		rec.IndicatorKey = IndicatorKey(rec.Indicator)
		rec.Unit, rec.UnitText, rec.Marks = f.unit, f.unitText, f.marks
		// "het aantal mensen …": a count, as a label starting with Aantal.
		if rec.Unit == "" && !f.measure && countLabel(rec.Indicator) {
			rec.Unit = model.UnitAantal
		}
		if y := proseYear(text, blankText, s, comps[f.sent], f); y != 0 {
			rec.Period, rec.PeriodSource = y, "label"
		} else {
			rec.Period, rec.PeriodSource = doc.DocYear, "doc_year"
		}
		rec.PeriodKind = kinds[f.sent]
		if strings.ContainsAny(rec.Marks, "VN") {
			// An amount marked voordeel or nadeel is a difference.
			rec.PeriodKind = model.PeriodAfwijking
		}
		recs = append(recs, rec)
	}
	return recs, errs, toks
}

// countLabel reports whether an indicator names a count ("aantal …",
// "totaal aantal …").
func countLabel(ind string) bool {
	ws := strings.Fields(strings.ToLower(ind))
	return len(ws) > 1 && (ws[0] == "aantal" || len(ws) > 2 && ws[1] == "aantal")
}

func pow10f(p int) float64 {
	f := 1.0
	for range p {
		f *= 10
	}
	return f
}

// Token kinds.
const (
	tokWord  = 'w'
	tokNum   = 'n'
	tokPunct = 'p'
)

// A proseTok is a word (letters, with inner "-" or "'"), a number (digits
// with inner "." or ","), or one other non-space rune.
type proseTok struct {
	start, end int
	kind       byte
}

// appendProseTokens appends the tokens of s to toks.
func appendProseTokens(toks []proseTok, s string) []proseTok {
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isProseSpace(r):
			i += w
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) && (isDigit(s[j]) || (s[j] == '.' || s[j] == ',') && j+1 < len(s) && isDigit(s[j+1])) {
				j++
			}
			toks = append(toks, proseTok{i, j, tokNum})
			i = j
		case unicode.IsLetter(r):
			j := i + w
			for j < len(s) {
				if c := s[j] | 0x20; c >= 'a' && c <= 'z' {
					j++ // an ASCII letter, the common case
					continue
				}
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					j += w2
					continue
				}
				// "Wmo-cliënten", "cliënt's": joined by one mark between letters.
				if (r2 == '-' || r2 == '\'' || r2 == '’') && j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if unicode.IsLetter(r3) {
						j += w2
						continue
					}
				}
				break
			}
			toks = append(toks, proseTok{i, j, tokWord})
			i = j
		default:
			toks = append(toks, proseTok{i, i + w, tokPunct})
			i += w
		}
	}
	return toks
}

func isProseSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u2007' || r == '\u200a' || r == '\u200b' || r == '\ufeff'
}

type span struct{ start, end int }

// abbreviations end in a point that does not end a sentence.
var abbreviations = set("ca", "bijv", "bv", "o.a", "m.b.t", "i.v.m", "t.o.v", "nr", "nrs", "blz", "pag", "p", "art", "mr", "dr", "drs", "ir", "ing", "mw", "dhr", "e.d", "etc", "ect", "incl", "excl", "zgn", "resp", "evt", "max", "min", "gem", "jl", "vs", "d.w.z", "m.u.v", "t/m", "n.v", "b.v")

// sentenceSpans cuts s at ".", "!" or "?" followed by a space and a capital,
// digit, quote or "€", and at line breaks; not after abbreviations.
func sentenceSpans(s string, toks []proseTok) []span {
	var out []span
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			if strings.TrimSpace(s[start:i]) != "" {
				out = append(out, span{start, i})
			}
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == ')' || s[j] == '\'') {
			j++
		}
		k := j
		for k < len(s) {
			r, w := utf8.DecodeRuneInString(s[k:])
			if !isProseSpace(r) || r == '\n' {
				break
			}
			k += w
		}
		if k == j || k >= len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !(unicode.IsUpper(r) || r >= '0' && r <= '9' || strings.ContainsRune("\"'“‘€(•-–", r)) {
			continue
		}
		if c == '.' && isAbbreviation(s[start:i]) {
			continue
		}
		out = append(out, span{start, j})
		start = k
		i = k - 1
	}
	if strings.TrimSpace(s[start:]) != "" || len(out) == 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// isAbbreviation reports whether the word ending s is an abbreviation or a
// single letter ("N.V", "o.a").
func isAbbreviation(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return isProseSpace(r) || r == '(' })
	w := strings.ToLower(s[i+1:])
	if w == "" {
		return false
	}
	if abbreviations[w] || utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0]) {
		return true
	}
	// "N.V", "i.v.m": points between single letters.
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) > 2 {
			return false
		}
	}
	return true
}

func sentenceOf(sents []span, pos int) int {
	for i, s := range sents {
		if pos < s.end {
			return i
		}
	}
	return len(sents) - 1
}

// phoneRe and postcodeRe find numbers that are not figures; their digits
// would otherwise read as counts.
var (
	phoneRe    = regexp.MustCompile(`(?:\+31\s?(?:\(0\))?|\(0\d{1,3}\)|\b0\d{1,3})(?:\s?[-–]?\s?\d{2,4}){2,4}|\b14\s?0\d{2,3}\b`)
	postcodeRe = regexp.MustCompile(`\b[1-9]\d{3}\s?[A-Z]{2}\b`)
)

// maskSpans returns the spans of phone numbers and postcodes in s.
func maskSpans(s string) []span {
	var out []span
	phone, postcode := false, false
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == ',') {
			continue
		}
		// A number that starts with 0 ("053"), the short "14 0546", or
		// four digits and two capitals ("7581 AG").
		if s[i] == '0' && i+1 < len(s) && isDigit(s[i+1]) || s[i] == '1' && strings.HasPrefix(s[i:], "14 0") || i > 0 && s[i-1] == '+' {
			phone = true
		}
		if j := i + 4; j < len(s) && allDigits(s[i:j]) {
			k := j
			if s[k] == ' ' {
				k++
			}
			if k+1 < len(s) && s[k] >= 'A' && s[k] <= 'Z' && s[k+1] >= 'A' && s[k+1] <= 'Z' {
				postcode = true
			}
		}
	}
	for _, m := range []struct {
		on bool
		re *regexp.Regexp
	}{{phone, phoneRe}, {postcode, postcodeRe}} {
		if !m.on {
			continue
		}
		for _, loc := range m.re.FindAllStringIndex(s, -1) {
			out = append(out, span{loc[0], loc[1]})
		}
	}
	return out
}

func overlaps(spans []span, start, end int) bool {
	for _, s := range spans {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

// labelWords name a thing by its number: the number after them is a code,
// not a figure ("artikel 12", "hoofdstuk 3", "groep 8", "pagina 4").
var labelWords = set("artikel", "art", "artikelen", "lid", "leden", "hoofdstuk", "hoofdstukken", "paragraaf", "par",
	"bijlage", "bijlagen", "programma", "programma's", "thema", "taakveld", "taakvelden", "pagina", "paginas", "pagina's", "pag",
	"blz", "bladzijde", "p", "pp", "nr", "nrs", "nummer", "nummers", "no", "versie", "fase", "groep", "groepen", "klas", "klassen",
	"niveau", "stap", "deel", "onderdeel", "postbus", "huisnummer", "kamer", "route", "lijn", "buslijn", "boek", "titel",
	"sub", "punt", "item", "tabel", "figuur", "grafiek", "motie", "amendement", "besluit", "week", "weeknummer", "kwartaal",
	"q", "zone", "ronde", "editie", "jaargang", "code", "tel", "telefoon", "telefoonnummer", "bel", "kvk", "iban",
	"rekeningnummer", "prioriteit", "doelstelling", "doel", "actie", "maatregel", "ambitie", "risico", "trede", "tranche",
	"regel", "regels", "zaak", "zaaknummer", "kenmerk", "agendapunt", "vraag", "opgave", "x", "×", "sector", "cluster", "product")

// ageWords before "N jaar" make it an age limit ("tot 18 jaar").
var ageWords = set("tot", "vanaf", "onder", "boven", "dan", "t/m", "tm", "na")

// spanWords before a time measure make it a span, not a figure ("de eerste
// 1000 dagen", "de komende 4 jaar").
var spanWords = set("eerste", "laatste", "afgelopen", "komende", "volgende", "voorgaande", "vorige")

var months = set("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
	"november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec")

// proseScaleWords multiply the number they follow.
var proseScaleWords = map[string]int{"duizend": 3, "miljoen": 6, "mln": 6, "mio": 6, "miljard": 9, "mld": 9, "mrd": 9}

// proseMeasures follow a number that measures rather than counts.
var proseMeasures = set("jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren", "minuut",
	"minuten", "seconden", "km", "kilometer", "kilometers", "meter", "m", "m2", "m3", "kg", "kilo", "ton", "ha", "hectare",
	"liter", "kwh", "mwh", "gj", "fte", "punten", "punt", "keer", "maal", "graden", "procentpunt", "procentpunten", "cm", "mm")

var timeMeasures = set("jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren")

// stopWords end a noun phrase: articles, prepositions, conjunctions,
// pronouns, common verbs and adverbs.
var stopWords = set(
	"de", "het", "een", "der", "des", "'t",
	"in", "op", "aan", "uit", "over", "tot", "om", "te", "tegen", "onder", "boven", "na", "sinds", "vanaf", "tijdens",
	"zonder", "per", "dan", "als", "naar", "door", "bij", "met", "voor", "van", "binnen", "buiten", "tussen", "via",
	"vanuit", "volgens", "rond", "circa", "ca", "ruim", "bijna", "ongeveer", "zo'n", "t/m",
	"en", "of", "maar", "dat", "die", "dit", "deze", "omdat", "doordat", "waardoor", "wat", "waarbij", "waarvan",
	"waarin", "terwijl", "zodat", "want", "hoewel",
	"is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had", "hadden", "kan",
	"kunnen", "kon", "konden", "zal", "zullen", "zou", "zouden", "moet", "moeten", "mag", "mogen", "gaat", "gaan",
	"ging", "gingen", "komt", "komen", "kwam", "kwamen", "ligt", "liggen", "lag", "blijft", "blijven", "bleef",
	"bedraagt", "bedragen", "bedroeg", "bedroegen", "ontving", "ontvingen", "ontvangen", "kreeg", "kregen", "krijgen",
	"staat", "stond", "geweest", "gebleven", "geworden", "gedaald", "gestegen", "toegenomen", "afgenomen",
	"verhoogd", "verlaagd", "gegroeid", "gerealiseerd", "ingezet", "uitgegeven", "besteed", "bijgeraamd", "geraamd",
	"begroot", "geplaatst", "gesloten", "beëindigd", "verdubbeld", "gehalveerd", "opgeleverd", "gedaan", "nodig",
	"ook", "nog", "niet", "wel", "al", "fors", "zo", "er", "hier", "daar", "nu", "toen", "dus", "echter", "sterk",
	"vooral", "wij", "we", "zij", "ze", "hij", "u", "ik", "hun", "onze", "ons", "zich", "hen", "totaal", "gemiddeld",
	"hiermee", "daarmee", "hierdoor", "daardoor", "waarvan", "elk", "elke", "ieder", "iedere", "alle", "welke",
	"voordeel", "nadeel", "voordelig", "nadelig", "positief", "negatief",
	"opnieuw", "goed", "samen", "zelf", "weer", "dagelijks", "jaarlijks", "maandelijks", "wekelijks", "inmiddels",
	"waarschijnlijk", "daarnaast", "verder", "bovendien", "eveneens", "reeds", "steeds", "meest", "minst", "zeer",
	"heel", "erg", "veel", "weinig", "enkele", "enige", "allemaal", "beide", "slechts", "pas", "direct",
	"meer", "minder", "zoveel", "x", "kost", "kosten", "kostte", "kostten", "stijgt", "stijgen", "steeg", "stegen",
	"daalt", "dalen", "daalde", "daalden", "groeit", "groeien", "groeide", "neemt", "nemen", "nam", "namen", "toe",
	"af", "maakt", "maken", "maakte", "maakten", "doet", "doen", "deed", "deden", "krijgt", "ontvangt", "geeft",
	"geven", "gaf", "gaven", "betaalt", "betalen", "betaalde", "levert", "leveren", "leverde", "duurt", "duurde",
	"telt", "tellen", "telde", "bereikt", "bereikte", "verwacht", "verwachten", "hebt", "heb", "ben", "bent",
)

// adjectives that may stand between a number and its noun.
var proseAdjectives = set("extra", "meer", "minder", "andere", "overige", "nieuwe", "unieke", "verschillende",
	"actieve", "nog", "ruim", "totaal")

func isAdjective(w string) bool {
	if proseAdjectives[w] {
		return true
	}
	// Attributive adjectives end in -e ("duurzame", "psychische"); nouns
	// in -ie or -ee do not count.
	return len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ie") && !strings.HasSuffix(w, "ee")
}

// isVerbForm tells past participles ("gesloten", "geplaatst") from nouns.
func isVerbForm(w string) bool {
	if stopWords[w] {
		return true
	}
	return strings.HasPrefix(w, "ge") && len(w) > 5 && (strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t")) && !strings.HasSuffix(w, "heid")
}

func (t proseTok) text(s string) string { return s[t.start:t.end] }

func lowerWord(s string, t proseTok) string { return strings.ToLower(s[t.start:t.end]) }

// readProseFigure reads the figure whose digits are toks[ti], or says it is
// not one. err is set for an amount marked as such that does not read.
func readProseFigure(s string, toks []proseTok, ti int, masked []span) (f proseFig, ok bool, err error) {
	num := toks[ti]
	digits := num.text(s)
	if overlaps(masked, num.start, num.end) {
		return f, false, nil
	}
	prevR, _ := utf8.DecodeLastRuneInString(s[:num.start])
	nextR, nextW := utf8.DecodeRuneInString(s[num.end:])
	if num.end == len(s) {
		nextR, nextW = 0, 0
	}
	if num.start == 0 {
		prevR = 0
	}
	// Glued to letters: ordinals ("18e"), codes ("A7", "6.71a"), names
	// ("Covid-19") and footnote digits ("Jeugdteam1").
	if unicode.IsLetter(prevR) || unicode.IsLetter(nextR) && !isScaleStart(s[num.end:]) {
		return f, false, nil
	}
	before := s[:num.start]
	if prevR == '-' || prevR == '–' || prevR == '/' || prevR == '.' || prevR == ',' || prevR == ':' || prevR == '§' || prevR == '#' || prevR == '+' || prevR == '@' || prevR == '_' {
		b2 := strings.TrimSuffix(before, string(prevR))
		r2, _ := utf8.DecodeLastRuneInString(b2)
		if b2 != "" && (unicode.IsLetter(r2) || unicode.IsDigit(r2)) || prevR == '§' || prevR == '#' || prevR == '@' || prevR == '_' || prevR == '/' {
			return f, false, nil
		}
		if prevR == '.' || prevR == ',' || prevR == ':' {
			return f, false, nil
		}
	}
	if nextR == '-' || nextR == '–' || nextR == '/' || nextR == ':' || nextR == '°' || nextR == '+' {
		rest := s[num.end+nextW:]
		r3, _ := utf8.DecodeRuneInString(rest)
		switch {
		case rest != "" && (unicode.IsDigit(r3) || unicode.IsLetter(r3)):
			// "0-18", "31-12-2019", "65-plussers", "7/8", "9:30".
			return f, false, nil
		case nextR == '°' || nextR == '+' || nextR == '/':
			return f, false, nil
		}
	}
	// Numbering at the start of a block or in brackets: "1. ", "2) ", "(3)".
	if strings.TrimSpace(strings.TrimLeft(before, "•-–·*▪ ")) == "" && (nextR == '.' || nextR == ')') {
		return f, false, nil
	}
	if prevR == '(' && nextR == ')' && len(digits) <= 2 {
		return f, false, nil
	}
	// A long bare digit string is an id (KvK, IBAN part, zaaknummer).
	if allDigits(digits) && len(digits) >= 6 {
		return f, false, nil
	}

	f.start, f.end = num.start, num.end
	// To the left: a sign glued to the number, then "€".
	euro := false
	neg := false
	i := num.start
	if prevR == '-' || prevR == '–' || prevR == '−' {
		p := i - utf8.RuneLen(prevR)
		r, _ := utf8.DecodeLastRuneInString(s[:p])
		if p == 0 || isProseSpace(r) || r == '(' || r == '€' {
			neg = true
			i = p
		}
	}
	if j, ok := euroBefore(s, i); ok {
		euro = true
		i = j
	}
	// "- 328 N": a detached sign before an amount with a V/N mark.
	signAt := -1
	if !neg {
		p := strings.TrimRightFunc(s[:i], isProseSpace)
		if r, w := utf8.DecodeLastRuneInString(p); (r == '-' || r == '–' || r == '−') && len(p) < i {
			q := p[:len(p)-w]
			r2, _ := utf8.DecodeLastRuneInString(q)
			if q == "" || isProseSpace(r2) || r2 == '(' {
				signAt = len(p) - w
			}
		}
	}
	f.start = i

	// To the right: ",-", "%", a scale word, "euro", marks, V/N.
	j := num.end
	if strings.HasPrefix(s[j:], ",-") && !strings.Contains(digits, ",") {
		j += 2
		if strings.HasPrefix(s[j:], "-") {
			j++
		}
	}
	percent := false
	if k := skipSpaces(s, j, 1); strings.HasPrefix(s[k:], "%") {
		percent = true
		j = k + 1
		for strings.HasPrefix(s[j:], "%") {
			j++
		}
	}
	pow := 0
	if !percent {
		if k := skipSpaces(s, j, 1); k > j || isScaleStart(s[j:]) {
			w, end := wordAt(s, k)
			if p, ok := proseScaleWords[strings.ToLower(w)]; ok {
				pow = p
				j = end
			}
		}
	}
	euroWord := false
	if !percent && !euro {
		if k := skipSpaces(s, j, 1); k > j {
			w, end := wordAt(s, k)
			if lw := strings.ToLower(w); lw == "euro" || lw == "eur" {
				euroWord = true
				j = end
			}
		}
	}
	percentWord := ""
	if !percent && !euro && !euroWord {
		if k := skipSpaces(s, j, 1); k > j {
			w, end := wordAt(s, k)
			if lw := strings.ToLower(w); lw == "procent" || lw == "procentpunt" || lw == "procentpunten" {
				percentWord = w
				j = end
			}
		}
	}
	coreEnd := j
	// Marks glued to the figure: "*", "**", superscripts.
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r != '*' && !isSuperscript(r) {
			break
		}
		j += w
	}
	marksEnd := j
	// A V or N after the amount: "66 V", "9.643N".
	vn := ""
	if k := skipSpaces(s, j, 1); k < len(s) && (s[k] == 'V' || s[k] == 'N') {
		after := k + 1
		r, _ := utf8.DecodeRuneInString(s[after:])
		if after == len(s) || isProseSpace(r) || strings.ContainsRune(",;)", r) || r == '.' && !nextIsLetter(s, after+1) {
			vn = s[k : k+1]
			j = after
		}
	}
	if signAt >= 0 && vn != "" {
		f.start = signAt
		neg = true
	}
	f.end = j

	numbers := digits
	if strings.HasPrefix(s[num.end:], ",-") {
		numbers = s[num.start:coreEnd]
		if pow > 0 || percent {
			numbers = digits
		}
	}
	core := numbers
	if neg {
		core = "-" + core
	}
	if euro {
		core = "€ " + core
	}
	if percent {
		core += "%"
	}
	switch pow {
	case 3:
		core += " duizend"
	case 6:
		core += " miljoen"
	case 9:
		core += " miljard"
	}
	if marksEnd > coreEnd {
		core += s[coreEnd:marksEnd]
	}
	if vn != "" {
		core += " " + vn
	}
	n, perr := ParseNumber(core)
	if perr != nil || n.Missing || n.Unit == model.UnitJaNee {
		if perr != nil && (euro || percent || euroWord) && looksAmount(digits) {
			return f, false, perr
		}
		return f, false, nil
	}
	f.num = n
	f.pow = pow
	f.marks = n.Marks
	switch {
	case percent || percentWord != "":
		f.unit = model.UnitProcent
		if percentWord != "" {
			f.unitText = percentWord
			f.measure = !strings.EqualFold(percentWord, "procent")
		}
	case euro || euroWord:
		f.unit = model.UnitEuro
	}
	plainInt := allDigits(digits) && !euro && !euroWord && !percent && percentWord == "" && pow == 0 && !neg
	prevWord, prevIdx := wordBefore(s, toks, ti, f.start)
	// Years: a bare 1900–2099 not counting a noun.
	year := plainInt && len(digits) == 4 && digits >= "1900" && digits <= "2099"

	// The words after: the noun a count or percentage is of.
	f.after = f.end
	if f.unit == "" || f.unit == model.UnitProcent && percentWord == "" {
		f.readNoun(s, toks, ti)
	} else if f.unit == model.UnitEuro {
		// "€ 389 per huishouden".
		if k := skipSpaces(s, f.end, 1); strings.HasPrefix(strings.ToLower(s[k:]), "per ") {
			w, end := wordAt(s, skipSpaces(s, k+3, 1))
			if w != "" && !stopWords[strings.ToLower(w)] {
				f.unitText = s[k:end]
				f.after = end
			}
		}
	}
	if year && (f.unit != model.UnitAantal || yearWords[prevWord] || !plural(f.phrase) || prevIdx >= 0 && isCapitalized(toks[prevIdx].text(s))) {
		return f, false, nil
	}
	if f.unit == "" && f.unitText != "" && months[strings.ToLower(f.unitText)] {
		return f, false, nil
	}
	if prevWord != "" && labelWords[prevWord] && !euro && f.unit != model.UnitEuro {
		return f, false, nil
	}
	if prevWord == "x" || prevWord == "×" {
		return f, false, nil
	}
	// A multiplier: "3 x zoveel", "2 × per jaar".
	if w, _ := wordAt(s, skipSpaces(s, f.end, 1)); f.unit == "" && (w == "x" || strings.HasPrefix(s[skipSpaces(s, f.end, 1):], "×")) {
		return f, false, nil
	}
	// Thresholds: "afwijkingen > € 25.000".
	if p := strings.TrimRightFunc(s[:f.start], isProseSpace); strings.HasSuffix(p, ">") || strings.HasSuffix(p, "<") || strings.HasSuffix(p, "≥") || strings.HasSuffix(p, "≤") {
		return f, false, nil
	}
	if f.measure && timeMeasures[strings.ToLower(f.unitText)] {
		if ageWords[prevWord] || spanWords[prevWord] || prevWord == "de" && prevIdx > 0 && ageWords[lowerWord(s, toks[prevIdx-1])] {
			return f, false, nil
		}
		if prevWord == "om" || strings.EqualFold(f.unitText, "uur") && prevWord == "tot" {
			return f, false, nil
		}
	}
	// A number after a name ("Agenda 22", "Wet 2015") that counts nothing.
	if plainInt && f.unit == "" && f.unitText == "" && prevIdx >= 0 && toks[prevIdx].kind == tokWord {
		w := toks[prevIdx].text(s)
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !sentenceStartAt(s, toks, prevIdx) {
			return f, false, nil
		}
	}
	if neg && f.unit == "" && f.unitText == "" && vn == "" {
		// A dash before a bare number in running text is punctuation.
		return f, false, nil
	}
	return f, true, nil
}

// plural reports whether the last word of a noun phrase looks plural
// ("woningen", "cliënten", "auto's").
func plural(p string) bool {
	if i := strings.Index(p, " met "); i >= 0 {
		p = p[:i]
	}
	if i := strings.Index(p, " zonder "); i >= 0 {
		p = p[:i]
	}
	return strings.HasSuffix(p, "en") || strings.HasSuffix(p, "s")
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// yearWords before a bare year make it a year even when a noun follows
// ("in 2018 inwoners …").
var yearWords = set("in", "sinds", "vanaf", "tot", "van", "per", "uit", "over", "jaar", "begroting", "jaarrekening", "eind", "begin", "medio", "najaar", "voorjaar", "zomer", "winter", "na", "voor", "t/m", "en", "of")

func nextIsLetter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// looksAmount reports whether digits are grouped or decimal like an amount,
// so a refusal is worth reporting.
func looksAmount(digits string) bool {
	return strings.ContainsAny(digits, ".,")
}

func isScaleStart(s string) bool {
	w, _ := wordAt(s, 0)
	_, ok := proseScaleWords[strings.ToLower(w)]
	return ok
}

// euroBefore finds "€" (or "EUR") just before position i, with at most one
// space between; it returns the position of the sign.
func euroBefore(s string, i int) (int, bool) {
	p := i
	r, w := utf8.DecodeLastRuneInString(s[:p])
	if isProseSpace(r) {
		p -= w
	}
	if strings.HasSuffix(s[:p], "€") {
		return p - len("€"), true
	}
	if strings.HasSuffix(s[:p], "EUR") || strings.HasSuffix(s[:p], "eur") {
		q := p - 3
		r2, _ := utf8.DecodeLastRuneInString(s[:q])
		if q == 0 || !unicode.IsLetter(r2) {
			return q, true
		}
	}
	return i, false
}

// skipSpaces skips at most max spaces from i.
func skipSpaces(s string, i, max int) int {
	for n := 0; n < max && i < len(s); n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isProseSpace(r) || r == '\n' {
			break
		}
		i += w
	}
	return i
}

// wordAt returns the word of letters (with a final "." for "mln.") at i.
func wordAt(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !(r == '-' && j > i && nextIsLetter(s, j+1)) {
			break
		}
		j += w
	}
	return s[i:j], j
}

// wordBefore returns the lower-case word before the figure starting at
// start, and its token index (-1 when there is none in the sentence).
func wordBefore(s string, toks []proseTok, ti, start int) (string, int) {
	for k := ti - 1; k >= 0; k-- {
		t := toks[k]
		if t.end > start {
			continue
		}
		if t.kind == tokWord {
			return lowerWord(s, t), k
		}
		if t.kind == tokPunct && s[t.start] == '.' {
			// "blz. 4", "art. 12": the word before the point.
			if k > 0 && toks[k-1].kind == tokWord && toks[k-1].end == t.start {
				return lowerWord(s, toks[k-1]), k - 1
			}
		}
		if t.kind == tokPunct && strings.ContainsRune("€-–−", rune(s[t.start])) || s[t.start:t.end] == "€" {
			continue
		}
		return "", -1
	}
	return "", -1
}

// sentenceStartAt reports whether token k starts a sentence.
func sentenceStartAt(s string, toks []proseTok, k int) bool {
	if k == 0 {
		return true
	}
	p := toks[k-1]
	if p.kind != tokPunct {
		return false
	}
	return strings.ContainsRune(".!?:•\"“(", rune(s[p.start]))
}

// readNoun reads the words after the figure: "van de jongeren (met X)" for a
// percentage, "[adjectives] noun (met X)" for a count; a measure word gives
// UnitText without a count.
func (f *proseFig) readNoun(s string, toks []proseTok, ti int) {
	k := ti + 1
	for k < len(toks) && toks[k].start < f.end {
		k++
	}
	// "121 (meest lokale) aanbieders": a short aside before the noun.
	if k < len(toks) && toks[k].kind == tokPunct && s[toks[k].start] == '(' {
		for m := k + 1; m < len(toks) && m <= k+6; m++ {
			if toks[m].kind == tokPunct && s[toks[m].start] == ')' {
				k = m + 1
				break
			}
			if toks[m].kind != tokWord {
				break
			}
		}
	}
	if k >= len(toks) || toks[k].kind != tokWord {
		return
	}
	first := lowerWord(s, toks[k])
	if f.unit == model.UnitProcent {
		// "8,2% van de jongeren", "7,3% van alle inwoners".
		if first != "van" || k+1 >= len(toks) {
			if p, end := nounPhrase(s, toks, k, true); p != "" {
				f.phrase, f.after = p, end
				f.unitText = unitWords(s, toks[k].start, toks, k, p)
			}
			return
		}
		m := k + 1
		if m < len(toks) && toks[m].kind == tokWord {
			switch lowerWord(s, toks[m]) {
			case "de", "het", "alle", "onze", "hun":
				m++
			}
		}
		if p, end := nounPhrase(s, toks, m, true); p != "" {
			f.phrase, f.after = p, end
			f.unitText = unitWords(s, toks[k].start, toks, m, p)
		}
		return
	}
	if proseMeasures[first] {
		f.measure = true
		f.unitText = toks[k].text(s)
		f.after = toks[k].end
		return
	}
	if months[first] {
		f.unitText = toks[k].text(s)
		return
	}
	p, end := nounPhrase(s, toks, k, true)
	if p == "" {
		return
	}
	f.phrase, f.after = p, end
	f.unit = model.UnitAantal
	f.unitText = unitWords(s, toks[k].start, toks, k, p)
}

// unitWords returns the printed words from from up to the noun of phrase p
// (without its "met …" part).
func unitWords(s string, from int, toks []proseTok, k int, p string) string {
	head := p
	if i := strings.Index(head, " met "); i >= 0 {
		head = head[:i]
	}
	if i := strings.Index(head, " zonder "); i >= 0 {
		head = head[:i]
	}
	n := len(strings.Fields(head))
	end := from
	for c := 0; k < len(toks) && c < n; k++ {
		if toks[k].kind == tokWord {
			end = toks[k].end
			c++
		}
	}
	return s[from:end]
}

// nounPhrase reads a noun phrase from token k: adjectives, a noun, and
// when ext is set a "met …"/"zonder …" part of up to four words. It returns
// "" when no noun stands there.
func nounPhrase(s string, toks []proseTok, k int, ext bool) (string, int) {
	var words []string
	end := 0
	noun := false
	for ; k < len(toks) && len(words) < 3; k++ {
		t := toks[k]
		if t.kind != tokWord {
			break
		}
		w := t.text(s)
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if stopWords[lw] || months[lw] || isVerbForm(lw) || utf8.RuneCountInString(w) < 2 || (unicode.IsUpper(r) && !strings.ContainsRune(w, '-') && len(words) == 0) {
			break
		}
		words = append(words, w)
		end = t.end
		if !isAdjective(lw) {
			noun = true
			k++
			break
		}
	}
	if len(words) == 0 {
		return "", 0
	}
	if !noun {
		// "1 uitkeringsgerechtigde": the last -e word is the noun.
		if k < len(toks) && toks[k].kind == tokWord && !stopWords[lowerWord(s, toks[k])] {
			return "", 0
		}
	}
	if ext && k+1 < len(toks) && toks[k].kind == tokWord {
		if lw := lowerWord(s, toks[k]); lw == "met" || lw == "zonder" {
			extra := []string{toks[k].text(s)}
			e := end
			for m := k + 1; m < len(toks) && len(extra) < 5; m++ {
				t := toks[m]
				if t.kind != tokWord {
					break
				}
				lw2 := lowerWord(s, t)
				article := lw2 == "een" || lw2 == "de" || lw2 == "het"
				if article && m > k+1 || !article && (stopWords[lw2] || isVerbForm(lw2) || months[lw2]) {
					break
				}
				extra = append(extra, t.text(s))
				e = t.end
			}
			// Keep the part only when it holds a noun, not just "met een".
			if last := strings.ToLower(extra[len(extra)-1]); len(extra) > 1 && last != "een" && last != "de" && last != "het" {
				words = append(words, extra...)
				end = e
			}
		}
	}
	return strings.Join(words, " "), end
}

// pairFigures marks "van A naar B": A is the earlier value, B the later,
// and A borrows B's noun when it has none ("van 332 naar 295 huishoudens").
func pairFigures(s string, figs []proseFig) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := &figs[i], &figs[i+1]
		if a.sent != b.sent || b.start < a.after {
			continue
		}
		between := strings.Fields(strings.ToLower(s[a.after:b.start]))
		hasNaar := false
		for _, w := range between {
			if w == "naar" || w == "tot" {
				hasNaar = true
			}
		}
		if !hasNaar || len(between) > 5 {
			continue
		}
		if !precededByVan(s[:a.start]) {
			continue
		}
		a.from = true
		if a.phrase == "" && b.phrase != "" && a.unit == "" {
			a.phrase, a.unit, a.unitText = b.phrase, b.unit, b.unitText
		}
		if a.unit == "" && b.unit != "" && a.unitText == "" {
			a.unit = b.unit
		}
		if a.unitText == "" && b.measure {
			a.unitText, a.measure = b.unitText, true
		}
	}
}

// precededByVan reports whether "van" stands in the three words before.
func precededByVan(before string) bool {
	ws := strings.Fields(strings.ToLower(before))
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-3; i-- {
		if strings.Trim(ws[i], ",;:()") == "van" {
			return true
		}
	}
	return false
}

// clauseBounds returns the clause of the sentence around pos: the text
// between ",", ";", ":", brackets and the word "naar".
func clauseBounds(s string, sent span, pos, end int) (int, int) {
	start := sent.start
	for i := pos - 1; i >= sent.start; i-- {
		if strings.IndexByte(",;:()", s[i]) >= 0 && !(s[i] == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])) {
			start = i + 1
			break
		}
		if i >= sent.start+5 && strings.EqualFold(s[i-5:i], " naar") && (i == len(s) || s[i] == ' ') {
			start = i
			break
		}
	}
	stop := sent.end
	for i := end; i < sent.end; i++ {
		if strings.IndexByte(",;:()", s[i]) >= 0 && !(s[i] == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])) {
			stop = i
			break
		}
		if i+5 <= sent.end && strings.EqualFold(s[i:i+5], " naar") && (i+5 == len(s) || s[i+5] == ' ') {
			stop = i
			break
		}
	}
	return start, stop
}

// comparisonRe finds a year named as what a figure is compared with.
var comparisonRe = regexp.MustCompile(`(?i)(?:ten opzichte van|t\.o\.v\.?|vergeleken met|in vergelijking met|dan in|sinds|vanaf)\s+(?:eind\s+|begin\s+)?((?:19|20)\d\d)\b`)

// comparisonYears returns the years a sentence names as what is compared
// with ("ten opzichte van 2017").
func comparisonYears(sentence string) map[int]bool {
	comp := map[int]bool{}
	low := strings.ToLower(sentence)
	if !strings.Contains(low, "opzichte") && !strings.Contains(low, "t.o.v") && !strings.Contains(low, "vergel") &&
		!strings.Contains(low, "dan in") && !strings.Contains(low, "sinds") && !strings.Contains(low, "vanaf") {
		return comp
	}
	for _, m := range comparisonRe.FindAllStringSubmatch(sentence, -1) {
		if y := Years(m[1]); len(y) == 1 {
			comp[y[0]] = true
		}
	}
	return comp
}

// proseYear returns the year figure i is about: the one year of its
// clause, else the one year of its sentence that is not a comparison, else
// 0. The first figure of "van A naar B" takes the comparison year.
func proseYear(s, blank string, sent span, comp map[int]bool, f *proseFig) int {
	cs, ce := clauseBounds(s, sent, f.start, f.end)
	// pick returns the one year of ys that is not a comparison, 0 for
	// none, -1 for several.
	pick := func(ys []int) int {
		one := 0
		for _, y := range ys {
			if comp[y] {
				continue
			}
			if one != 0 && one != y {
				return -1
			}
			one = y
		}
		return one
	}
	earliestComp := func(ys []int) int {
		cy := 0
		for _, y := range ys {
			if comp[y] && (cy == 0 || y < cy) {
				cy = y
			}
		}
		return cy
	}
	clause := Years(blank[cs:ce])
	if f.from {
		if cy := earliestComp(clause); cy != 0 {
			return cy
		}
	}
	if y := pick(clause); y > 0 {
		return y
	} else if y < 0 {
		return 0
	}
	sentence := Years(blank[sent.start:sent.end])
	if f.from {
		if cy := earliestComp(sentence); cy != 0 {
			return cy
		}
	}
	if y := pick(sentence); y > 0 {
		return y
	}
	return 0
}

// scopeBounds returns the part of the sentence around pos between ";" and
// ":", which may tell a national figure from the gemeente's own: "1.200
// inwoners (12%) …; landelijk is dat 9%".
func scopeBounds(s string, sent span, pos int) (int, int) {
	start, end := sent.start, sent.end
	if i := strings.LastIndexAny(s[sent.start:pos], ";:"); i >= 0 {
		start = sent.start + i + 1
	}
	if i := strings.IndexAny(s[pos:sent.end], ";:"); i >= 0 {
		end = pos + i
	}
	return start, end
}

// proseScope says whose figure a sentence gives.
func proseScope(sentence string) string {
	ws := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) })
	scope := model.ScopeGemeente
	for i, w := range ws {
		switch w {
		case "nederland", "landelijk", "landelijke", "nationaal", "nationale", "rijksgemiddelde":
			return model.ScopeNederland
		case "regio", "regionaal", "regionale", "arbeidsmarktregio", "benchmark", "referentiegemeenten", "regiogemiddelde":
			scope = model.ScopeReferentie
		case "gemiddelde":
			// "het gemiddelde", "gemiddelde van": a benchmark, unlike
			// "de gemiddelde uitkeringsduur".
			if i > 0 && ws[i-1] == "het" || i+1 < len(ws) && ws[i+1] == "van" || i+1 == len(ws) {
				scope = model.ScopeReferentie
			}
		case "gemeenten":
			if i > 0 && (ws[i-1] == "andere" || ws[i-1] == "vergelijkbare" || ws[i-1] == "omliggende") {
				scope = model.ScopeReferentie
			}
		}
	}
	return scope
}

// proseKinds are the period-kind words of prose, in the contract's order.
var proseKinds = []struct {
	kind  string
	words map[string]bool
}{
	{model.PeriodAfwijking, set("afwijking", "afwijkingen", "overschrijding", "onderschrijding")},
	{model.PeriodBegrotingNaWijziging, set("bijgesteld", "bijgeraamd", "begrotingswijziging", "najaarsnota", "najaarsrapportage", "voorjaarsnota", "bestuursrapportage", "burap", "turap")},
	{model.PeriodBegroting, set("begroting", "begroot", "begrote", "geraamd", "primitieve")},
	{model.PeriodRealisatie, set("gerealiseerd", "gerealiseerde", "realisatie", "werkelijk", "werkelijke", "jaarrekening")},
	{model.PeriodStreefwaarde, set("streefwaarde", "streefcijfer", "streven", "streefwaarden")},
	{model.PeriodRaming, set("raming", "prognose", "verwachting", "verwacht", "geprognosticeerd")},
}

// sentenceKind returns the period kind a sentence states: the first kind
// word of the contract's order not used as a comparison ("dan begroot").
func sentenceKind(sentence string) string {
	ws := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, k := range proseKinds {
		for i, w := range ws {
			if !k.words[w] {
				continue
			}
			if i > 0 && (ws[i-1] == "dan" || i > 1 && ws[i-2] == "dan") {
				continue
			}
			return k.kind
		}
	}
	return ""
}

// vnWords before or after an amount mark it as voordeel or nadeel.
var vnWords = map[string]string{"voordeel": "V", "voordelig": "V", "positief": "V", "nadeel": "N", "nadelig": "N", "negatief": "N"}

// proseIndicator derives what figure f measures, and sets its V/N mark from
// words beside it: the noun phrase it counts; else a label before a comma
// ("Jeugdgezondheidszorg, nadeel € 328.000"); else the object after it ("op
// de Jeugdhulp"); else the words between voordeel/nadeel and the amount;
// else "aantal …" or the nearest noun phrase before it in the sentence.
func proseIndicator(s string, toks []proseTok, sent span, f *proseFig) string {
	cs, ce := clauseBounds(s, sent, f.start, f.end)
	// V/N words within four words before, or just after, in the clause.
	vnAt, vnEnd := -1, -1
	var before []proseTok
	for _, t := range toks {
		if t.start >= cs && t.end <= f.start && t.kind == tokWord {
			before = append(before, t)
		}
	}
	if !strings.ContainsAny(f.marks, "VN") {
		for k := len(before) - 1; k >= 0 && k >= len(before)-4; k-- {
			if m, ok := vnWords[lowerWord(s, before[k])]; ok {
				f.marks = strings.TrimSpace(m + " " + f.marks)
				vnAt, vnEnd = before[k].start, before[k].end
				break
			}
		}
		if vnAt < 0 {
			w, _ := wordAt(s, skipSpaces(s, f.end, 1))
			if m, ok := vnWords[strings.ToLower(w)]; ok && f.unit == model.UnitEuro {
				f.marks = strings.TrimSpace(m + " " + f.marks)
			}
		}
	}
	if f.phrase != "" {
		return cleanPhrase(f.phrase)
	}
	// A label before the comma that opens the sentence.
	if vnAt >= 0 && cs > sent.start && (s[cs-1] == ',' || s[cs-1] == ':') {
		lab := strings.TrimSpace(s[sent.start : cs-1])
		if n := len(strings.Fields(lab)); n > 0 && n <= 6 && !strings.ContainsAny(lab, ".;:") {
			return cleanPhrase(lab)
		}
	}
	// "op de Jeugdhulp", "voor het project …" right after the amount.
	k := 0
	for k < len(toks) && toks[k].start < f.after {
		k++
	}
	if vnAt >= 0 && k < len(toks) && toks[k].kind == tokWord && toks[k].end <= ce {
		switch lowerWord(s, toks[k]) {
		case "op", "voor", "aan", "bij":
			m := k + 1
			if m < len(toks) && toks[m].kind == tokWord {
				switch lowerWord(s, toks[m]) {
				case "de", "het":
					m++
				}
			}
			if p := capitalNounPhrase(s, toks, m, ce); p != "" {
				return cleanPhrase(p)
			}
		}
	}
	// "Voordeel uitvoeringsbudget participatie € 34.000".
	if vnAt >= 0 && len(before) > 0 && before[0].start == vnAt {
		mid := strings.Fields(s[vnEnd:f.start])
		var keep []string
		for _, w := range mid {
			lw := strings.ToLower(strings.Trim(w, ",;:"))
			if stopWords[lw] || isVerbForm(lw) || w == "€" {
				continue
			}
			keep = append(keep, strings.Trim(w, ",;:"))
		}
		if len(keep) > 0 && len(keep) <= 4 {
			return cleanPhrase(strings.Join(keep, " "))
		}
	}
	// "het aantal mensen met een arbeidshandicap" earlier in the sentence.
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.start < sent.start || t.end > f.start {
			continue
		}
		if t.kind == tokWord && lowerWord(s, t) == "aantal" {
			p, _ := nounPhrase(s, toks, k+1, true)
			if p == "" {
				continue
			}
			lead := "aantal"
			if k > 0 && toks[k-1].kind == tokWord {
				if pw := lowerWord(s, toks[k-1]); pw == "totaal" || pw == "totale" || pw == "gemiddeld" || pw == "gemiddelde" {
					lead = toks[k-1].text(s) + " aantal"
				}
			}
			return cleanPhrase(lead + " " + p)
		}
	}
	if p := nearestPhrase(s, toks, sent, f.start); p != "" {
		return cleanPhrase(p)
	}
	return cleanPhrase(f.unitText)
}

// capitalNounPhrase reads up to six words from token m (names allowed, as
// in "op de Jeugdhulp") that end before limit, stopping at a stop word.
func capitalNounPhrase(s string, toks []proseTok, m, limit int) string {
	var ws []string
	for ; m < len(toks) && len(ws) < 6; m++ {
		t := toks[m]
		if t.kind != tokWord || t.end > limit {
			break
		}
		lw := lowerWord(s, t)
		if stopWords[lw] || isVerbForm(lw) {
			break
		}
		ws = append(ws, t.text(s))
	}
	return strings.Join(ws, " ")
}

var articles = set("de", "het", "een", "onze", "hun", "deze", "dit")

// chainPreps join a noun phrase to the one before it: "budget voor hulp bij
// het huishouden".
var chainPreps = set("voor", "bij", "van", "met")

// nearestPhrase returns the noun phrase after the last article before pos
// in the sentence, grown to the left through "voor", "bij", "van", "met".
func nearestPhrase(s string, toks []proseTok, sent span, pos int) string {
	var ws []proseTok
	for _, t := range toks {
		if t.start >= sent.start && t.end <= pos {
			ws = append(ws, t)
		}
	}
	for a := len(ws) - 1; a >= 0; a-- {
		if ws[a].kind != tokWord || !articles[lowerWord(s, ws[a])] {
			continue
		}
		// Forward from the article to the first stop.
		end := a + 1
		for end < len(ws) && ws[end].kind == tokWord && end-a <= 4 {
			lw := lowerWord(s, ws[end])
			if stopWords[lw] || isVerbForm(lw) {
				break
			}
			end++
		}
		if end == a+1 {
			continue
		}
		if end == len(ws) && isAdjective(lowerWord(s, ws[end-1])) {
			// "de eerste" running into the figure: no noun here.
			continue
		}
		start := a + 1
		// Grow to the left: "<noun> voor|bij <article> …"; cur is where
		// the phrase now begins, its article included.
		cur := a
		for g := 0; g < 3; g++ {
			p := cur - 1
			if p < 1 || ws[p].kind != tokWord || !chainPreps[lowerWord(s, ws[p])] {
				break
			}
			q := p - 1
			for q >= 0 && ws[q].kind == tokWord && !stopWords[lowerWord(s, ws[q])] && !isVerbForm(lowerWord(s, ws[q])) && p-q <= 3 {
				q--
			}
			if q == p-1 {
				break
			}
			start = q + 1
			cur = q + 1
			if q >= 0 && ws[q].kind == tokWord && articles[lowerWord(s, ws[q])] {
				cur = q
			}
		}
		return s[ws[start].start:ws[end-1].end]
	}
	return ""
}

// cleanPhrase makes an indicator of a phrase: single spaces, no leading
// article, no trailing punctuation or footnote marks.
func cleanPhrase(p string) string {
	p = cleanSpaces(p)
	p = strings.Trim(p, " ,;:.()\"'“”‘’")
	for {
		f, rest, ok := strings.Cut(p, " ")
		if !ok || !articles[strings.ToLower(f)] {
			break
		}
		p = rest
	}
	p, _ = CleanIndicator(p)
	return p
}
