package pdftext

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/model"
)

// A tline is one printed line (or one column's part of it) in reading
// order, ready to be grouped into blocks.
type tline struct {
	page           int
	col            int // 0 full width or single column, 1 left, 2 right
	x0, y0, x1, y1 float64
	size           float64
	bold           bool
	words          []string
	cells          int // segments apart by wide gaps: 3 and more is a table row
	untrusted      bool
}

func (l *tline) text() string { return strings.Join(l.words, " ") }

// Blocks turns pages into headings, paragraphs and list items in reading
// order, each with its page and heading path. Running words are left
// out, and so is every word for which skip returns true (skip may be nil;
// table finders use it to keep table words out of the text). page counts
// from 1.
func Blocks(pages []Page, skip func(page int, w Word) bool) []model.Block {
	placed := Layout(pages, skip)
	out := make([]model.Block, len(placed))
	for i := range placed {
		out[i] = placed[i].Block
	}
	return out
}

// A Placed block is a Block with where it starts and ends on the page,
// in the coordinates of Word: a table found on the page can be put
// between the blocks above and below it. A block that runs on to the
// next page or column ends at EndPage, EndY1.
type Placed struct {
	model.Block
	X0, Y0, X1, Y1 float64 // box of the block's lines on its first page
	EndPage        int     // page of its last line, from 1
	EndY1          float64 // bottom of its last line
}

// Layout is Blocks with the place of every block.
func Layout(pages []Page, skip func(page int, w Word) bool) []Placed {
	var lines []tline
	for pi := range pages {
		lines = append(lines, pageLines(&pages[pi], skip)...)
	}
	body := bodySize(lines)
	blocks := groupBlocks(lines)
	return sectionBlocks(blocks, body)
}

// pageLines returns the lines of one page in reading order, for one or
// two columns.
func pageLines(p *Page, skip func(page int, w Word) bool) []tline {
	var ws []Word
	for _, w := range p.Words {
		if w.Running || (skip != nil && skip(p.Number, w)) {
			continue
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return nil
	}
	segs := textLines(ws)
	mk := func(idx []int) tline {
		l := tline{page: p.Number, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), bold: true, untrusted: !p.Trusted}
		chars := 0
		for _, i := range idx {
			w := &ws[i]
			l.x0, l.y0 = math.Min(l.x0, w.X0), math.Min(l.y0, w.Y0)
			l.x1, l.y1 = math.Max(l.x1, w.X1), math.Max(l.y1, w.Y1)
			l.words = append(l.words, w.Text)
			n := utf8.RuneCountInString(w.Text)
			if n > chars {
				chars, l.size = n, w.Size
			}
			l.size = math.Max(l.size, 0)
			l.bold = l.bold && w.Bold
		}
		// The size of a line is that of most of its characters.
		l.size = dominantSize(ws, idx)
		return l
	}
	gutter := findGutter(ws, segs, p.Width)
	var out []tline
	// Group segments of one baseline, split at the gutter.
	for i := 0; i < len(segs); {
		j := i + 1
		base := ws[segs[i][0]].Base
		for j < len(segs) && math.Abs(ws[segs[j][0]].Base-base) < 0.01 {
			j++
		}
		var left, right, full []int
		nLeft, nRight := 0, 0
		for _, s := range segs[i:j] {
			x0, x1 := ws[s[0]].X0, ws[s[len(s)-1]].X1
			switch {
			case gutter == 0:
				full = append(full, s...)
			case x1 <= gutter:
				left = append(left, s...)
				nLeft++
			case x0 >= gutter:
				right = append(right, s...)
				nRight++
			default:
				full = append(full, s...)
			}
		}
		if len(full) > 0 {
			full = append(append(full, left...), right...)
			sort.SliceStable(full, func(a, b int) bool { return ws[full[a]].X0 < ws[full[b]].X0 })
			l := mk(full)
			l.cells = j - i
			out = append(out, l)
		} else {
			if len(left) > 0 {
				l := mk(left)
				l.col, l.cells = 1, nLeft
				out = append(out, l)
			}
			if len(right) > 0 {
				l := mk(right)
				l.col, l.cells = 2, nRight
				out = append(out, l)
			}
		}
		i = j
	}
	if gutter == 0 {
		return out
	}
	// Reading order: bands between full-width lines; in a band the left
	// column, then the right.
	var ordered, band []tline
	flush := func() {
		sort.SliceStable(band, func(a, b int) bool { return band[a].col < band[b].col })
		ordered = append(ordered, band...)
		band = band[:0]
	}
	for _, l := range out {
		if l.col == 0 {
			flush()
			ordered = append(ordered, l)
			continue
		}
		band = append(band, l)
	}
	flush()
	return ordered
}

func dominantSize(ws []Word, idx []int) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, -1
	for _, i := range idx {
		s := math.Round(ws[i].Size*2) / 2
		count[s] += utf8.RuneCountInString(ws[i].Text)
		if count[s] > bestN {
			best, bestN = ws[i].Size, count[s]
		}
	}
	return best
}

// findGutter returns the x of the gap between two text columns, or 0 for
// a page of one column: an x in the middle of the page that many line
// segments end before and many start after, and few cross.
func findGutter(ws []Word, segs [][]int, width float64) float64 {
	if len(segs) < 10 {
		return 0
	}
	// Only lines of running text count: table cells and labels are short
	// and would make any table look like columns.
	type span struct{ x0, x1 float64 }
	var sp []span
	for _, s := range segs {
		x0, x1 := ws[s[0]].X0, ws[s[len(s)-1]].X1
		if len(s) >= 4 && x1-x0 >= 0.2*width {
			sp = append(sp, span{x0, x1})
		}
	}
	best, bestScore := 0.0, 0
	for x := width * 0.3; x <= width*0.7; x += 2 {
		left, right, cross := 0, 0, 0
		for _, s := range sp {
			switch {
			case s.x1 < x:
				left++
			case s.x0 > x:
				right++
			default:
				cross++
			}
		}
		if left < 5 || right < 5 || cross*4 > left+right {
			continue
		}
		if score := min(left, right) - 2*cross; score > bestScore {
			best, bestScore = x, score
		}
	}
	return best
}

// bodySize is the font size of most of the text.
func bodySize(lines []tline) float64 {
	count := map[float64]int{}
	best, bestN := 10.0, 0
	for _, l := range lines {
		s := math.Round(l.size*2) / 2
		n := 0
		for _, w := range l.words {
			n += utf8.RuneCountInString(w)
		}
		count[s] += n
		if count[s] > bestN {
			best, bestN = s, count[s]
		}
	}
	return best
}

// A pblock is a block under construction.
type pblock struct {
	kind      model.BlockKind
	page      int
	size      float64
	bold      bool
	lines     []tline
	untrusted bool
}

var bullets = map[string]bool{"•": true, "·": true, "▪": true, "■": true, "●": true, "◦": true, "○": true, "-": true, "–": true, "": true, "➢": true, "►": true, "✓": true}

func groupBlocks(lines []tline) []*pblock {
	var blocks []*pblock
	var cur *pblock
	for i := range lines {
		l := lines[i]
		bullet := len(l.words) > 1 && bullets[l.words[0]]
		if bullet {
			l.words = l.words[1:]
		}
		// A number ("1.", "2)", "a.") where the text before has ended a
		// sentence opens an item of an ordered list, a block of its own
		// (mid-sentence it can be a wrapped reference: "artikel" + "2.
		// van de wet"). The number stays: numbered headings are headings.
		numbered := len(l.words) > 1 && orderedMarker(l.words[0]) && cur != nil && endsSentence(cur)
		if cur != nil && !bullet && !numbered && continues(cur, &l) {
			cur.lines = append(cur.lines, l)
			continue
		}
		cur = &pblock{kind: model.BlockParagraph, page: l.page, size: l.size, bold: l.bold, lines: []tline{l}, untrusted: l.untrusted}
		if bullet {
			cur.kind = model.BlockListItem
		}
		blocks = append(blocks, cur)
	}
	return blocks
}

// orderedMarker reports whether w numbers an item of an ordered list:
// "1.", "12)", "a." or "b)".
func orderedMarker(w string) bool {
	if len(w) < 2 || len(w) > 3 || (w[len(w)-1] != '.' && w[len(w)-1] != ')') {
		return false
	}
	n := w[:len(w)-1]
	if len(n) == 1 && n[0] >= 'a' && n[0] <= 'z' {
		return true
	}
	return strings.Trim(n, "0123456789") == "" && n[0] != '0'
}

// endsSentence reports whether the last line of b ends a sentence or
// opens a list (a colon).
func endsSentence(b *pblock) bool {
	ws := b.lines[len(b.lines)-1].words
	last := ws[len(ws)-1]
	return strings.ContainsAny(last[len(last)-1:], ".:;!?")
}

// continues reports whether l goes on the block b: same column, same
// style, close below its last line, and not outdented.
func continues(b *pblock, l *tline) bool {
	prev := &b.lines[len(b.lines)-1]
	if math.Abs(l.size-b.size) > 0.1*b.size || l.bold != b.bold {
		return false
	}
	if l.page != prev.page {
		// A paragraph broken by the page: the previous line does not end
		// a sentence and this one starts in lower case.
		last := prev.words[len(prev.words)-1]
		r, _ := utf8.DecodeRuneInString(l.words[0])
		return !strings.ContainsAny(last[len(last)-1:], ".:!?") && unicode.IsLower(r)
	}
	if l.col != prev.col {
		// A column break: the line goes on at the top of the next column.
		if prev.col == 1 && l.col == 2 && l.y0 < prev.y0 {
			last := prev.words[len(prev.words)-1]
			r, _ := utf8.DecodeRuneInString(l.words[0])
			return !strings.ContainsAny(last[len(last)-1:], ".:!?") && unicode.IsLower(r)
		}
		return false
	}
	gap := l.y0 - prev.y1
	if gap > 0.6*b.size || gap < -0.5*b.size {
		return false
	}
	// A line that starts well left of the block's second and later lines
	// is another block (its first line may be indented; in a list item,
	// wrapped lines are).
	if len(b.lines) >= 2 && b.kind == model.BlockParagraph {
		left := math.Inf(1)
		for _, bl := range b.lines[1:] {
			left = math.Min(left, bl.x0)
		}
		if l.x0 < left-1.5*b.size {
			return false
		}
	}
	// An indented first line after a line that ends a sentence starts a
	// paragraph, in text set without space between paragraphs.
	if b.kind == model.BlockParagraph && len(b.lines) >= 2 && l.x0 > prev.x0+b.size && math.Abs(prev.x0-b.lines[len(b.lines)-2].x0) < 0.5 {
		last := prev.words[len(prev.words)-1]
		if strings.ContainsAny(last[len(last)-1:], ".!?:") {
			return false
		}
	}
	return true
}

// blockText joins the lines of a block, mending words hyphenated at line
// ends: "jeugd-" + "hulp" is "jeugdhulp", but "Noord-" + "Holland",
// "Wmo-" + "voorzieningen" and "wet-" + "en regelgeving" keep the hyphen.
func blockText(b *pblock) string {
	var sb strings.Builder
	for i, l := range b.lines {
		t := l.text()
		if i > 0 {
			prev := sb.String()
			if strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, "\u2010") {
				hy := "-"
				if strings.HasSuffix(prev, "\u2010") {
					hy = "\u2010"
				}
				switch joinHyphen(prev[:len(prev)-len(hy)], l.words[0]) {
				case dropHyphen:
					s := prev[:len(prev)-len(hy)]
					sb.Reset()
					sb.WriteString(s)
				case keepHyphen:
				default:
					sb.WriteByte(' ')
				}
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(t)
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

type hyphenJoin int

const (
	spaceAfter hyphenJoin = iota // a dash, or "wet- en": keep a space
	dropHyphen                   // a word broken at the line end
	keepHyphen                   // a compound written with a hyphen
)

func joinHyphen(before, next string) hyphenJoin {
	// The fragment before the hyphen: the last word of the line.
	frag := before
	if i := strings.LastIndexAny(before, " /("); i >= 0 {
		frag = before[i+1:]
	}
	last, _ := utf8.DecodeLastRuneInString(frag)
	first, _ := utf8.DecodeRuneInString(next)
	if frag == "" || !unicode.IsLetter(last) {
		return spaceAfter
	}
	switch strings.ToLower(strings.TrimRight(next, ",.;:")) {
	case "en", "of", "tot", "en/of", "and", "or":
		return spaceAfter
	}
	if !unicode.IsLetter(first) || unicode.IsUpper(first) {
		return keepHyphen
	}
	// An abbreviation or name before the hyphen (Wmo-, WOZ-, Oost-) keeps
	// it: a capital first letter in a Dutch compound marks a proper part.
	if r, _ := utf8.DecodeRuneInString(frag); unicode.IsUpper(r) || strings.ContainsAny(frag, "-0123456789") {
		return keepHyphen
	}
	return dropHyphen
}

// sectionBlocks decides headings and their levels, and gives every
// block its heading path.
func sectionBlocks(blocks []*pblock, body float64) []Placed {
	type style struct {
		size float64
		bold bool
	}
	isHeading := make([]bool, len(blocks))
	texts := make([]string, len(blocks))
	styles := map[style]bool{}
	for i, b := range blocks {
		texts[i] = blockText(b)
		if b.kind != model.BlockParagraph || len(b.lines) > 3 || utf8.RuneCountInString(texts[i]) > 160 || !strings.ContainsFunc(texts[i], unicode.IsLetter) || tableLike(b) {
			continue
		}
		big := b.size >= body*1.15
		boldBody := b.bold && b.size >= body*0.95 && !strings.HasSuffix(texts[i], ".") && utf8.RuneCountInString(texts[i]) <= 120
		if big || boldBody {
			isHeading[i] = true
			styles[style{math.Round(b.size*2) / 2, b.bold}] = true
		}
	}
	order := make([]style, 0, len(styles))
	for s := range styles {
		order = append(order, s)
	}
	sort.Slice(order, func(a, b int) bool {
		if order[a].size != order[b].size {
			return order[a].size > order[b].size
		}
		return order[a].bold && !order[b].bold
	})
	level := map[style]int{}
	for i, s := range order {
		level[s] = min(i+1, 6)
	}
	type entry struct {
		level int
		text  string
	}
	var path []entry
	names := func() []string {
		s := make([]string, len(path))
		for i, e := range path {
			s[i] = e.text
		}
		return s
	}
	out := make([]Placed, 0, len(blocks))
	for i, b := range blocks {
		if texts[i] == "" {
			continue
		}
		blk := model.Block{Kind: b.kind, Text: texts[i], Page: b.page, Untrusted: b.untrusted}
		if isHeading[i] {
			lv := level[style{math.Round(b.size*2) / 2, b.bold}]
			for len(path) > 0 && path[len(path)-1].level >= lv {
				path = path[:len(path)-1]
			}
			blk.Kind, blk.Level, blk.Section = model.BlockHeading, lv, names()
			path = append(path, entry{lv, texts[i]})
		} else {
			blk.Section = names()
		}
		pl := Placed{Block: blk, X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
		for _, l := range b.lines {
			if l.page == b.page {
				pl.X0, pl.Y0 = math.Min(pl.X0, l.x0), math.Min(pl.Y0, l.y0)
				pl.X1, pl.Y1 = math.Max(pl.X1, l.x1), math.Max(pl.Y1, l.y1)
			}
		}
		last := b.lines[len(b.lines)-1]
		pl.EndPage, pl.EndY1 = last.page, last.y1
		out = append(out, pl)
	}
	return out
}

// tableLike reports whether a block reads as a table row rather than a
// heading: cells set apart by wide gaps, or mostly numbers.
func tableLike(b *pblock) bool {
	words, numeric := 0, 0
	for _, l := range b.lines {
		if l.cells >= 3 {
			return true
		}
		for _, w := range l.words {
			words++
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
				numeric++
			}
		}
	}
	return numeric*5 >= words*2 && words >= 3
}
