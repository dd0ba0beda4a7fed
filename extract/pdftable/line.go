package pdftable

import (
	"math"
	"sort"
	"strings"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// tok is one word with where it came from.
type tok struct {
	w   *pdftext.Word
	ref WordRef
}

// seg is a run of words on a line with no gap wider than a few spaces
// between them: one cell's text on that line.
type seg struct {
	toks   []tok
	x0, x1 float64
	y0, y1 float64
	text   string
	kind   kind
}

// line is the words of one page sharing a baseline, left to right.
type line struct {
	page   int // index into the pages slice
	toks   []tok
	segs   []seg
	x0, x1 float64
	y0, y1 float64
	size   float64 // median font size
	// Derived for table finding.
	nFig  int  // number and missing-marker segments
	nNum  int  // number segments
	nYear int  // year segments
	used  bool // taken by a table
}

func (l *line) text() string {
	var b strings.Builder
	for i, s := range l.segs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

func (l *line) yc() float64 { return (l.y0 + l.y1) / 2 }

// anchor reports whether l holds figures in a table-like way: figures
// beside a label, or several figures.
func (l *line) anchor() bool {
	if l.nNum == 0 && l.nFig < 2 {
		return false
	}
	// Justified prose splits at every word: many runs of text with a
	// number or two among them.
	if nText := len(l.segs) - l.nFig - l.nYear; nText >= 4 && nText > 2*l.nFig {
		return false
	}
	if l.nFig >= 2 {
		return true
	}
	// One figure: it must stand apart, right of some text.
	return len(l.segs) >= 2 && isFigure(l.segs[len(l.segs)-1].kind) || len(l.segs) >= 2 && l.nNum >= 1 && !isFigure(l.segs[0].kind)
}

// yearLine reports whether l is a line of column headers made of years
// ("2022 2021 2020", "Beleidsdoelen 2022 2021 Bron").
func (l *line) yearLine() bool {
	return l.nYear >= 1 && l.nNum == 0 && (l.nYear >= 2 || len(l.segs) >= 2)
}

// buildLines groups the non-running words of one page into lines and
// splits each line into segments.
func buildLines(pageIdx int, p *pdftext.Page) []*line {
	toks := make([]tok, 0, len(p.Words))
	for i := range p.Words {
		w := &p.Words[i]
		if w.Running || strings.TrimSpace(w.Text) == "" || w.Y1 <= w.Y0 {
			continue
		}
		toks = append(toks, tok{w: w, ref: WordRef{Page: p.Number, Index: i}})
	}
	sort.Slice(toks, func(a, b int) bool {
		ya := (toks[a].w.Y0 + toks[a].w.Y1) / 2
		yb := (toks[b].w.Y0 + toks[b].w.Y1) / 2
		if ya != yb {
			return ya < yb
		}
		return toks[a].w.X0 < toks[b].w.X0
	})
	var lines []*line
	var cur *line
	for _, t := range toks {
		h := t.w.Y1 - t.w.Y0
		yc := (t.w.Y0 + t.w.Y1) / 2
		if cur != nil {
			ch := cur.y1 - cur.y0
			if math.Abs(yc-cur.yc()) <= 0.3*math.Min(h, ch) {
				cur.toks = append(cur.toks, t)
				cur.y0 = math.Min(cur.y0, t.w.Y0)
				cur.y1 = math.Max(cur.y1, t.w.Y1)
				continue
			}
		}
		cur = &line{page: pageIdx, toks: []tok{t}, y0: t.w.Y0, y1: t.w.Y1}
		lines = append(lines, cur)
	}
	for _, l := range lines {
		finishLine(l)
	}
	return lines
}

// finishLine orders a line's words, splits them into segments and counts
// what the segments hold.
func finishLine(l *line) {
	sort.Slice(l.toks, func(a, b int) bool { return l.toks[a].w.X0 < l.toks[b].w.X0 })
	sizes := make([]float64, len(l.toks))
	for i, t := range l.toks {
		sizes[i] = wordSize(t.w)
	}
	sort.Float64s(sizes)
	l.size = sizes[len(sizes)/2]
	l.x0, l.x1 = l.toks[0].w.X0, l.toks[0].w.X1
	for _, t := range l.toks {
		l.x0 = math.Min(l.x0, t.w.X0)
		l.x1 = math.Max(l.x1, t.w.X1)
	}
	// A gap wider than about half an em separates cells; ordinary word
	// spaces are a quarter to a third of an em.
	gap := 0.45 * l.size
	var s *seg
	for i, t := range l.toks {
		if s != nil {
			prev := l.toks[i-1]
			split := t.w.X0-prev.w.X1 > gap
			// Two numbers side by side are two cells however close.
			if !split && numberToken(prev.w.Text) && numberToken(t.w.Text) && !isSign(prev.w.Text) &&
				!(t.w.X0-prev.w.X1 < 0.3*l.size && spaceGroup.MatchString(prev.w.Text+" "+t.w.Text)) {
				split = true
			}
			if !split {
				s.toks = append(s.toks, t)
				s.x1 = math.Max(s.x1, t.w.X1)
				s.y0 = math.Min(s.y0, t.w.Y0)
				s.y1 = math.Max(s.y1, t.w.Y1)
				continue
			}
		}
		l.segs = append(l.segs, seg{toks: []tok{t}, x0: t.w.X0, x1: t.w.X1, y0: t.w.Y0, y1: t.w.Y1})
		s = &l.segs[len(l.segs)-1]
	}
	for i := range l.segs {
		s := &l.segs[i]
		s.text = joinToks(s.toks)
		s.kind = classify(s.text)
		switch s.kind {
		case kindNumber:
			l.nNum++
			l.nFig++
		case kindMiss:
			l.nFig++
		case kindYear:
			l.nYear++
		}
	}
}

func isSign(s string) bool { return s == "-" || s == "–" || s == "−" || s == "+" }

// wordSize is the font size of w, or its box height when the size is
// unknown.
func wordSize(w *pdftext.Word) float64 {
	if w.Size > 0 {
		return w.Size
	}
	return (w.Y1 - w.Y0) / 1.15
}

func joinToks(ts []tok) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(t.w.Text))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
