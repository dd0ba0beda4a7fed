package pdftext

import (
	"sort"
	"strings"
	"unicode"
)

// Running lines are searched for in the top and bottom runningMargin of
// the page, and must recur within runningDrift points of height.
const (
	runningMargin = 0.15
	runningDrift  = 14.0
)

// markRunning sets Word.Running on lines that recur on many pages at about
// the same height with the same text, numbers aside: running headers and
// footers ("Jaarstukken 2022", "Pagina 3 van 12"), bare page numbers.
// Only lines near the top or bottom edge count, so a table header repeated
// on continued pages is left alone. Book-style documents alternate their
// headers between left and right pages, so a line recurring on 40% of the
// pages is running (with at least two pages, all of them in short
// documents).
func markRunning(pages []Page) {
	if len(pages) < 2 {
		return
	}
	type occ struct {
		page, line int
		y          float64
	}
	lines := make([][][]int, len(pages))
	byText := map[string][]occ{}
	for pi := range pages {
		p := &pages[pi]
		lines[pi] = textLines(p.Words)
		for li, ln := range lines[pi] {
			w0 := &p.Words[ln[0]]
			if w0.Base > p.Height*runningMargin && w0.Base < p.Height*(1-runningMargin) {
				continue
			}
			var b strings.Builder
			for _, wi := range ln {
				b.WriteString(maskDigits(p.Words[wi].Text))
				b.WriteByte(' ')
			}
			// Near the bottom, measure from the bottom edge: page sizes vary.
			y := w0.Base
			if y > p.Height/2 {
				y -= p.Height
			}
			byText[b.String()] = append(byText[b.String()], occ{pi, li, y})
		}
	}
	need := (len(pages)*2 + 4) / 5 // 40%, rounded up
	if len(pages) <= 3 {
		need = len(pages)
	}
	need = max(need, 2)
	for _, occs := range byText {
		if len(occs) < need {
			continue
		}
		sort.Slice(occs, func(a, b int) bool { return occs[a].y < occs[b].y })
		// The window of runningDrift points holding the most pages.
		best, bestLo, bestHi := 0, 0, 0
		for lo, hi := 0, 0; lo < len(occs); lo++ {
			for hi < len(occs) && occs[hi].y-occs[lo].y <= runningDrift {
				hi++
			}
			seen := map[int]bool{}
			for _, o := range occs[lo:hi] {
				seen[o.page] = true
			}
			if len(seen) > best {
				best, bestLo, bestHi = len(seen), lo, hi
			}
		}
		if best < need {
			continue
		}
		for _, o := range occs[bestLo:bestHi] {
			for _, wi := range lines[o.page][o.line] {
				pages[o.page].Words[wi].Running = true
			}
		}
	}
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
