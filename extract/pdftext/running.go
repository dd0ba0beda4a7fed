package pdftext

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Running lines are searched for in the top and bottom runningMargin of
// the page, and must recur within runningDrift points of height.
const (
	runningMargin = 0.15
	runningDrift  = 6.0
)

// markRunning sets Word.Running on lines that recur on many pages at about
// the same height with the same text: running headers and footers
// ("Jaarstukken 2022", "Pagina 3 van 12"), bare page numbers. Book-style
// documents alternate their headers between left and right pages, so a
// line recurring on 40% of the pages is running (with at least two pages,
// all of them in short documents).
//
// Table rows can stand at the same height on many pages too, so a running
// line must also
//   - repeat its text exactly, but for one number that follows the page
//     number (page 3 says 13, page 4 says 14),
//   - not be mostly figures (a row of amounts, a header of years),
//   - stand between the page edge and the content: only other running
//     lines may come nearer the edge or share its baseline.
//
// A page label ("Pagina 1 van 1", or the page's own number alone) in the
// margin band is running on any page, recurring or not, so that short
// documents lose theirs too.
func markRunning(pages []Page) {
	need := (len(pages)*2 + 4) / 5 // 40%, rounded up
	if len(pages) <= 3 {
		need = len(pages)
	}
	need = max(need, 2)

	var band []*bandLine
	byText := map[string][]*bandLine{}
	for pi := range pages {
		p := &pages[pi]
		for _, ln := range textLines(p.Words) {
			w0 := &p.Words[ln[0]]
			if w0.Base > p.Height*runningMargin && w0.Base < p.Height*(1-runningMargin) {
				continue
			}
			l := &bandLine{page: pi, words: ln, base: w0.Base, size: w0.Size, y: w0.Base}
			var key strings.Builder
			for _, wi := range ln {
				t := p.Words[wi].Text
				l.texts = append(l.texts, t)
				key.WriteString(maskDigits(t))
				key.WriteByte(' ')
			}
			// Near the bottom, measure from the bottom edge: page sizes vary.
			if l.y > p.Height/2 {
				l.y -= p.Height
				l.bottom = true
			}
			l.label = pageLabel(l.texts, p.Number)
			l.running = l.label
			band = append(band, l)
			byText[key.String()] = append(byText[key.String()], l)
		}
	}

	for _, occs := range byText {
		for _, o := range recurring(occs, need, pages) {
			o.running = true
		}
	}
	// A line kept from the edge by content is content itself. Dropping
	// it can leave its fellows on too few pages, which can in turn
	// uncover content, so repeat until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, l := range band {
			if l.running && blocked(l, band) {
				l.running, changed = false, true
			}
		}
		for _, occs := range byText {
			pagesLeft := map[int]bool{}
			for _, o := range occs {
				if o.running && !o.label {
					pagesLeft[o.page] = true
				}
			}
			if len(pagesLeft) > 0 && len(pagesLeft) < need {
				for _, o := range occs {
					if o.running && !o.label {
						o.running, changed = false, true
					}
				}
			}
		}
	}
	for _, l := range band {
		if l.running {
			for _, wi := range l.words {
				pages[l.page].Words[wi].Running = true
			}
		}
	}
}

// A bandLine is a line segment in the top or bottom margin band.
type bandLine struct {
	page    int
	words   []int
	texts   []string
	base    float64
	size    float64
	y       float64 // base, from the bottom edge (negative) when bottom
	bottom  bool
	running bool
	label   bool // a page label, running without recurring
}

// pageLabelRe matches a page label once digit runs are masked.
var pageLabelRe = regexp.MustCompile(`(?i)^(pagina|page|blz\.?|blad)\s+#(\s+(van|of|/)\s+#)?$|^#\s*/\s*#$|^[-–]?\s*#\s*[-–]?$`)

// pageLabel reports whether the words of a line label page number n:
// "Pagina 3 van 12", "Page 3 of 12", "3 / 12" with a first number not
// past the last, or n alone ("3", "- 3 -").
func pageLabel(texts []string, n int) bool {
	t := strings.Join(texts, " ")
	if !pageLabelRe.MatchString(maskDigits(t)) {
		return false
	}
	nums := digitRuns(t)
	if len(nums) == 0 || len(nums) > 2 {
		return false // digits of other scripts
	}
	first, err := strconv.Atoi(nums[0])
	if err != nil {
		return false
	}
	if len(nums) == 1 {
		return first == n
	}
	last, err := strconv.Atoi(nums[1])
	return err == nil && first >= 1 && first <= last
}

// blocked reports whether a line that is not running stands between l and
// its page edge, or beside it on its baseline (the rest of a table row).
func blocked(l *bandLine, band []*bandLine) bool {
	tol := 0.5 * l.size
	for _, m := range band {
		if m.page != l.page || m.bottom != l.bottom || m.running {
			continue
		}
		if math.Abs(m.base-l.base) <= tol || (!l.bottom && m.base < l.base) || (l.bottom && m.base > l.base) {
			return true
		}
	}
	return false
}

// recurring returns the occurrences of one masked text that make a running
// line: those in the runningDrift window holding the most pages, when they
// are on need pages or more and agree in text as markRunning asks.
func recurring(occs []*bandLine, need int, pages []Page) []*bandLine {
	if len(occs) < need {
		return nil
	}
	sort.Slice(occs, func(a, b int) bool { return occs[a].y < occs[b].y })
	best, bestLo, bestHi := 0, 0, 0
	for lo, hi := 0, 0; lo < len(occs); lo++ {
		for hi < len(occs) && occs[hi].y-occs[lo].y <= runningDrift {
			hi++
		}
		if n := countPages(occs[lo:hi]); n > best {
			best, bestLo, bestHi = n, lo, hi
		}
	}
	if best < need {
		return nil
	}
	win := occs[bestLo:bestHi]
	// Words that differ between the occurrences: at most one, a page
	// number.
	varying := -1
	for k := range win[0].texts {
		for _, o := range win[1:] {
			if o.texts[k] != win[0].texts[k] {
				if varying >= 0 && varying != k {
					return nil
				}
				varying = k
			}
		}
	}
	if varying >= 0 {
		win = pageNumbered(win, varying, pages)
		if countPages(win) < need {
			return nil
		}
	}
	figures, words := 0, 0
	for k, t := range win[0].texts {
		switch {
		case k == varying:
		case isFigure(t):
			figures++
		case strings.ContainsFunc(t, unicode.IsLetter):
			words++
		}
	}
	if figures > words || (varying < 0 && words == 0) {
		return nil
	}
	return win
}

// pageNumbered keeps the occurrences whose word k holds a number that goes
// with the page number: one digit run varies, and it is the page's number
// plus the same offset throughout (front matter shifts the numbering).
func pageNumbered(win []*bandLine, k int, pages []Page) []*bandLine {
	runs := make([][]string, len(win))
	for i, o := range win {
		runs[i] = digitRuns(o.texts[k])
	}
	run := -1
	for j := range runs[0] {
		for i := range runs {
			if len(runs[i]) != len(runs[0]) {
				return nil
			}
			if runs[i][j] != runs[0][j] {
				if run >= 0 && run != j {
					return nil
				}
				run = j
			}
		}
	}
	if run < 0 {
		return nil
	}
	offsets := make([]int, len(win))
	count := map[int]int{}
	for i, o := range win {
		n, err := strconv.Atoi(runs[i][run])
		if err != nil {
			return nil
		}
		offsets[i] = n - pages[o.page].Number
		count[offsets[i]]++
	}
	bestOff, bestN := 0, 0
	for off, n := range count {
		if n > bestN || (n == bestN && off < bestOff) {
			bestOff, bestN = off, n
		}
	}
	var out []*bandLine
	for i, o := range win {
		if offsets[i] == bestOff {
			out = append(out, o)
		}
	}
	return out
}

func countPages(occs []*bandLine) int {
	seen := map[int]bool{}
	for _, o := range occs {
		seen[o.page] = true
	}
	return len(seen)
}

// isFigure reports whether a word is a number, an amount or a year:
// digits with at most punctuation around them.
func isFigure(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			return false
		}
	}
	return digits > 0
}

// digitRuns returns the runs of digits in s.
func digitRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// maskDigits replaces each run of digits by one '#', so "Pagina 9" and
// "Pagina 10" match.
func maskDigits(s string) string {
	var b strings.Builder
	prevDigit := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !prevDigit {
				b.WriteByte('#')
			}
			prevDigit = true
			continue
		}
		prevDigit = false
		b.WriteRune(r)
	}
	return b.String()
}
