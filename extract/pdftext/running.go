package pdftext

import (
	"math"
	"strings"
	"unicode"
)

// runningMargin is the share of the page height at the top and at the
// bottom where running headers and footers live.
const runningMargin = 0.15

// markRunning sets Word.Running on lines that repeat on most pages at the
// same height with the same text, digits aside ("Pagina 3 van 12",
// "Jaarstukken 2022", a bare page number). Only lines near the top or the
// bottom edge count, so a table header repeated on continued pages is
// left alone.
func markRunning(pages []Page) {
	if len(pages) < 2 {
		return
	}
	type key struct {
		text string
		y    int
	}
	type ref struct{ page, line int }
	lines := make([][][]int, len(pages))
	counts := map[key]map[int]bool{}
	where := map[key][]ref{}
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
				y = y - p.Height
			}
			k := key{b.String(), int(math.Round(y / 4))}
			if counts[k] == nil {
				counts[k] = map[int]bool{}
			}
			counts[k][pi] = true
			where[k] = append(where[k], ref{pi, li})
		}
	}
	need := len(pages)/2 + 1
	if need < 2 {
		need = 2
	}
	for k, pagesSeen := range counts {
		if len(pagesSeen) < need {
			continue
		}
		for _, r := range where[k] {
			for _, wi := range lines[r.page][r.line] {
				pages[r.page].Words[wi].Running = true
			}
		}
	}
}

func maskDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, s)
}
