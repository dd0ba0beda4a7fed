package pdftable

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// WordRef names one word: Page is the pdftext.Page.Number it is on (from
// 1) and Index its index in that page's Words.
type WordRef struct {
	Page, Index int
}

// A Region is the part of one page a table covers, in the coordinates of
// pdftext.Word (points, origin top left, y down).
type Region struct {
	Page           int // pdftext.Page.Number, from 1
	X0, Y0, X1, Y1 float64
}

// Found is one table and what it took from the pages.
type Found struct {
	// Table is the grid. Table.Index and every Cell.Table are 0: the
	// caller numbers tables in document order. Table.Page is the first
	// page; each Cell.Page the page its row is printed on.
	Table *model.Table
	// Regions holds one box per page the table spans, in page order: the
	// caption, unit line, header, body and notes together.
	Regions []Region
	// Words holds every word the table consumed, caption, unit line and
	// notes included; they belong to no paragraph.
	Words map[WordRef]bool
}

// frag is a table as found on one page, before tables running over a page
// break are joined.
type frag struct {
	page    int // index into pages
	head    []*line
	body    []*line
	unit    *line
	caption *line
	notes   []*line
	unitIn  string // a scale line found inside a header cell
	first   *line  // topmost line taken, for joining
	last    *line  // bottom line taken
}

func (f *frag) all() []*line {
	var ls []*line
	if f.caption != nil {
		ls = append(ls, f.caption)
	}
	if f.unit != nil {
		ls = append(ls, f.unit)
	}
	ls = append(ls, f.head...)
	ls = append(ls, f.body...)
	ls = append(ls, f.notes...)
	return ls
}

// Find returns the tables on pages in reading order. Words marked Running
// never take part. Pages that are not Trusted are read like the others;
// their tables are marked Untrusted.
func Find(pages []pdftext.Page) []Found {
	pageLines := make([][]*line, len(pages))
	var frags []*frag
	for i := range pages {
		pageLines[i] = buildLines(i, &pages[i])
		frags = append(frags, splitFrags(pageLines[i], &pages[i], 0)...)
	}
	var out []Found
	for _, group := range joinFrags(frags, pageLines) {
		if f, ok := buildTable(group, pages); ok {
			out = append(out, f)
		}
	}
	return out
}

// Skip returns a function that reports whether word w of page (from 1)
// was taken by one of the tables in found, for leaving those words out of
// the text flow (pdftext.Blocks takes it as its skip argument).
func Skip(pages []pdftext.Page, found []Found) func(page int, w pdftext.Word) bool {
	type key struct {
		page int
		w    pdftext.Word
	}
	taken := map[key]bool{}
	byNumber := map[int]*pdftext.Page{}
	for i := range pages {
		byNumber[pages[i].Number] = &pages[i]
	}
	for _, f := range found {
		for ref := range f.Words {
			if p := byNumber[ref.Page]; p != nil && ref.Index < len(p.Words) {
				taken[key{ref.Page, p.Words[ref.Index]}] = true
			}
		}
	}
	return func(page int, w pdftext.Word) bool { return taken[key{page, w}] }
}

// median returns the median of xs, or def when xs is empty.
func median(xs []float64, def float64) float64 {
	if len(xs) == 0 {
		return def
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// valueIvals returns the extents of the segments of anchor line l that
// stand right of its first segment.
func valueIvals(l *line) [][2]float64 {
	var iv [][2]float64
	for i, s := range l.segs {
		if i == 0 && !isFigure(s.kind) {
			continue
		}
		iv = append(iv, [2]float64{s.x0, s.x1})
	}
	return iv
}

func overlap(a0, a1, b0, b1 float64) float64 {
	return math.Min(a1, b1) - math.Max(a0, b0)
}

// headerLike reports whether l, a line without numbers, has text over the
// value columns that start at valueX0: a line of column headers.
// Strict asks for two texts over the value columns, as a single one may be
// a wrapped cell of a body row.
func headerLike(l *line, valueX0, size float64, strict bool) bool {
	if l.nNum > 0 {
		return false
	}
	if l.yearLine() {
		return true
	}
	n := 0
	for _, s := range l.segs {
		if s.x0 >= valueX0-size {
			n++
		}
	}
	if strict {
		return n >= 2
	}
	return n >= 2 || n >= 1 && (len(l.segs) >= 2 || n == len(l.segs))
}

// proseLike reports whether l looks like a line of running text: one long
// run of words.
func proseLike(l *line, width float64) bool {
	return len(l.segs) == 1 && len(l.toks) >= 6 && l.x1-l.x0 > 0.45*width
}

// pageFrags finds the tables of one page.
func pageFrags(lines []*line, p *pdftext.Page) []*frag {
	var groups [][]int
	var cur []int
	var curIv [][2]float64
	var sizes []float64
	for i, l := range lines {
		if !l.anchor() || l.yearLine() {
			continue
		}
		if len(cur) > 0 && !canJoin(lines, cur[max(0, len(cur)-12):], curIv[max(0, len(curIv)-60):], i, p.Width) {
			groups = append(groups, cur)
			cur, curIv = nil, nil
		}
		cur = append(cur, i)
		curIv = append(curIv, valueIvals(l)...)
		sizes = append(sizes, l.size)
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	var frags []*frag
	prevBottom := -1
	for gi, g := range groups {
		nextTop := len(lines)
		if gi+1 < len(groups) {
			nextTop = groups[gi+1][0]
		}
		f := makeFrag(lines, g, prevBottom, nextTop, p)
		if f == nil {
			continue
		}
		prevBottom = indexOf(lines, f.last)
		frags = append(frags, f)
	}
	return frags
}

func indexOf(lines []*line, l *line) int {
	for i, x := range lines {
		if x == l {
			return i
		}
	}
	return -1
}

// anchorSize is the median font size of the anchor lines of g.
func anchorSize(lines []*line, g []int) float64 {
	var s []float64
	for _, i := range g {
		s = append(s, lines[i].size)
	}
	return median(s, 10)
}

// canJoin decides whether anchor line a continues the table whose anchor
// lines are g.
func canJoin(lines []*line, g []int, iv [][2]float64, a int, width float64) bool {
	p := g[len(g)-1]
	size := anchorSize(lines, g)
	if a-p-1 > 8 {
		return false
	}
	valueX0 := math.Inf(1)
	for _, v := range iv {
		valueX0 = math.Min(valueX0, v[0])
	}
	prose := 0
	for k := p; k < a; k++ {
		if lines[k+1].y0-lines[k].y1 > 2.5*size {
			return false
		}
		if k == p {
			continue
		}
		l := lines[k]
		if l.size > 1.2*size || scaleRe.MatchString(l.text()) && len(l.segs) == 1 || captionRe.MatchString(l.text()) {
			return false
		}
		if headerLike(l, valueX0, size, true) {
			return false
		}
		if proseLike(l, width) {
			prose++
		}
	}
	if prose >= 2 {
		return false
	}
	// A different column structure is a different table.
	if len(g) >= 2 {
		niv := valueIvals(lines[a])
		if len(niv) >= 2 {
			hit := 0
			for _, n := range niv {
				for _, v := range iv {
					if overlap(n[0], n[1], v[0], v[1]) > 0 {
						hit++
						break
					}
				}
			}
			if float64(hit) < 0.5*float64(len(niv)) {
				return false
			}
		}
	}
	return true
}

// makeFrag builds the table around anchor lines g: the lines between them,
// label lines below the last, header, unit line and caption above, and
// notes below. Lines at or above lo and at or below hi belong to
// neighbouring tables.
func makeFrag(lines []*line, g []int, lo, hi int, p *pdftext.Page) *frag {
	size := anchorSize(lines, g)
	top, bot := g[0], g[len(g)-1]
	var iv [][2]float64
	for _, i := range g {
		iv = append(iv, valueIvals(lines[i])...)
	}
	valueX0, tableX1 := math.Inf(1), math.Inf(-1)
	labelX0 := math.Inf(1)
	for i := top; i <= bot; i++ {
		labelX0 = math.Min(labelX0, lines[i].x0)
		tableX1 = math.Max(tableX1, lines[i].x1)
	}
	for _, v := range iv {
		valueX0 = math.Min(valueX0, v[0])
	}
	if math.IsInf(valueX0, 1) {
		return nil
	}
	f := &frag{page: lines[g[0]].page}
	// The distance of rows of one line, for telling wrapped cells (closer)
	// from rows.
	var steps []float64
	for k := 1; k < len(g); k++ {
		if g[k] == g[k-1]+1 {
			steps = append(steps, lines[g[k]].y1-lines[g[k-1]].y1)
		}
	}
	rowStep := 0.0
	if len(steps) >= 2 {
		rowStep = median(steps, 0)
	}

	// Lines below the last anchor: wrapped labels and cells of the last
	// row, then footnotes.
	lastAnchor := bot
	for k := bot + 1; k < hi && k <= lastAnchor+4; k++ {
		l := lines[k]
		if l.y0-lines[k-1].y1 > 0.9*size || l.nFig > 0 && !(len(l.segs) == 1 && l.x1 < valueX0) || l.size > 1.2*size || proseLike(l, p.Width) ||
			noteRe.MatchString(l.text()) || headerLike(l, valueX0, size, true) || l.x0 < labelX0-size || l.x1 > tableX1+size {
			break
		}
		bot = k
	}
	body := lines[top : bot+1]
	for k := bot + 1; k < hi; k++ {
		l := lines[k]
		gap := l.y0 - lines[k-1].y1
		if len(f.notes) == 0 {
			if gap > 2*size || !noteRe.MatchString(l.text()) || l.size > 1.2*size {
				break
			}
		} else if gap > 0.9*size || (!noteRe.MatchString(l.text()) && gap > 0.6*size) || l.size > 1.2*size {
			break
		}
		f.notes = append(f.notes, l)
	}

	// Lines above the first anchor: header lines, group rows, the unit
	// line and the caption.
	var above []*line // bottom up
	for k := top - 1; k > lo && k >= top-8; k-- {
		l := lines[k]
		if lines[k+1].y0-l.y1 > 2*size || l.size > 1.25*size || proseLike(l, p.Width) && lines[k+1].y0-l.y1 > 0.9*size ||
			l.nNum > 0 && !(len(l.segs) == 1 && l.x1 < valueX0) {
			break
		}
		above = append(above, l)
	}
	hiHead := -1 // index in above of the topmost header line
	for i, l := range above {
		t := l.text()
		if scaleRe.MatchString(t) && len(l.segs) == 1 || captionRe.MatchString(t) {
			break
		}
		if headerLike(l, valueX0, size, false) {
			hiHead = i
		}
	}
	// Label-only lines between the header and the first row are group
	// rows unless they continue the header's label cell.
	var groupRows []*line
	start := 0
	if hiHead >= 0 {
		seenFull := false
		cols := mergeIvals(iv)
		// Below a full header line, a line continues the header when it
		// has text over two columns, or only over one column (a wrapped
		// header cell); text across columns is a group row printed across
		// the table, and a label with one text is a body row.
		isHead := func(l *line) bool {
			if !headerLike(l, valueX0, size, false) {
				return false
			}
			if !seenFull || l.yearLine() || headerLike(l, valueX0, size, true) {
				return true
			}
			if len(l.segs) != 1 || !singleColumn(l.segs[0], cols, size) || len(f.head) == 0 {
				return false
			}
			// A wrapped header cell stands under the cell it continues,
			// aligned with it left, right or centre, or under an empty
			// slot (a header cell centred over more lines than its
			// neighbours); text centred on the table is a group row.
			n := l.segs[0]
			if math.Abs(n.x0+n.x1-labelX0-tableX1) < 3*size {
				return false
			}
			empty := true
			for _, s := range f.head[len(f.head)-1].segs {
				if overlap(s.x0, s.x1, n.x0, n.x1) > 0 {
					empty = false
					if math.Abs(s.x0-n.x0) < size || math.Abs(s.x1-n.x1) < size || math.Abs(s.x0+s.x1-n.x0-n.x1) < 2*size {
						return true
					}
				}
			}
			return empty
		}
		for i := hiHead; i >= 0; i-- {
			l := above[i]
			// Below a full header line, one text alone is a group row
			// printed across the table, not a header.
			if isHead(l) {
				f.head = append(f.head, l)
				if headerLike(l, valueX0, size, true) {
					seenFull = true
				}
				continue
			}
			if len(f.head) == 0 {
				groupRows = append(groupRows, above[:i+1]...)
				break
			}
			prev := f.head[len(f.head)-1]
			inLabel := l.x1 <= valueX0+size
			closer := rowStep > 0 && l.y1-prev.y1 < 0.88*rowStep
			if inLabel && l.y0-prev.y1 <= 0.9*size && (startsLower(l.text()) || closer || i > 0 && isHead(above[i-1])) {
				f.head = append(f.head, l)
				continue
			}
			groupRows = append(groupRows, above[:i+1]...)
			break
		}
		start = hiHead + 1
	} else {
		// No header: only tight label lines directly above are rows.
		for i, l := range above {
			below := lines[top]
			if i > 0 {
				below = above[i-1]
			}
			if below.y0-l.y1 > 0.9*size || l.x0 < labelX0-size || l.x0 > valueX0 || proseLike(l, p.Width) {
				break
			}
			start = i + 1
		}
		for i := start - 1; i >= 0; i-- {
			groupRows = append(groupRows, above[i])
		}
	}
	// groupRows were appended bottom-up in the header case.
	if hiHead >= 0 {
		for i, j := 0, len(groupRows)-1; i < j; i, j = i+1, j-1 {
			groupRows[i], groupRows[j] = groupRows[j], groupRows[i]
		}
	}
	f.body = append(append([]*line(nil), groupRows...), body...)
	// Unit line and caption just above.
	k := start
	if hiHead >= 0 {
		k = hiHead + 1
	}
	topLine := f.body[0]
	if len(f.head) > 0 {
		topLine = f.head[0]
	}
	for ; k < len(above) && k < start+3; k++ {
		l := above[k]
		prev := topLine
		if l.y1 < prev.y0-2*size {
			break
		}
		t := l.text()
		if f.unit == nil && f.caption == nil && unitLine(t) {
			f.unit = l
			topLine = l
			continue
		}
		if f.caption == nil && (captionRe.MatchString(t) || allBold(l) && l.size <= 1.1*size && len(l.toks) <= 8 && l.y1 >= prev.y0-0.9*size && !strings.HasSuffix(t, ".") && len(l.segs) == 1) {
			f.caption = l
			topLine = l
		}
		break
	}
	f.first = topLine
	f.last = f.body[len(f.body)-1]
	if len(f.notes) > 0 {
		f.last = f.notes[len(f.notes)-1]
	}
	return f
}

// mergeIvals merges overlapping intervals, left to right.
func mergeIvals(iv [][2]float64) [][2]float64 {
	s := append([][2]float64(nil), iv...)
	sort.Slice(s, func(i, j int) bool { return s[i][0] < s[j][0] })
	var out [][2]float64
	for _, v := range s {
		if n := len(out); n > 0 && v[0] < out[n-1][1] {
			out[n-1][1] = math.Max(out[n-1][1], v[1])
			continue
		}
		out = append(out, v)
	}
	return out
}

// singleColumn reports whether s stands over one column only, centred
// within about an em of it.
func singleColumn(s seg, cols [][2]float64, size float64) bool {
	n, hit := 0, -1
	for i, c := range cols {
		if overlap(c[0], c[1], s.x0, s.x1) > 0 {
			n++
			hit = i
		}
	}
	if n != 1 {
		return false
	}
	mid := (s.x0 + s.x1) / 2
	return mid >= cols[hit][0]-size && mid <= cols[hit][1]+size
}

// splitFrags finds the tables of one page, taking apart tables printed
// side by side: when a found table has a column of labels between columns
// of figures, the lines it spans are cut there and each side is read on
// its own.
func splitFrags(lines []*line, p *pdftext.Page, depth int) []*frag {
	frags := pageFrags(lines, p)
	if depth > 3 {
		return frags
	}
	for _, f := range frags {
		x, ok := sideSplit(f)
		if !ok {
			continue
		}
		y0, y1 := f.first.y0, f.last.y1
		var left, right []*line
		for _, l := range lines {
			if l.y1 < y0 || l.y0 > y1 {
				left = append(left, l)
				continue
			}
			var ls, rs []seg
			for _, s := range l.segs {
				if (s.x0+s.x1)/2 < x {
					ls = append(ls, s)
				} else {
					rs = append(rs, s)
				}
			}
			if len(ls) > 0 {
				left = append(left, lineOf(l.page, ls))
			}
			if len(rs) > 0 {
				right = append(right, lineOf(l.page, rs))
			}
		}
		return append(splitFrags(left, p, depth+1), splitFrags(right, p, depth+1)...)
	}
	return frags
}

// lineOf makes a line of some segments of another.
func lineOf(page int, segs []seg) *line {
	l := &line{page: page}
	for _, s := range segs {
		l.toks = append(l.toks, s.toks...)
	}
	l.y0, l.y1 = math.Inf(1), math.Inf(-1)
	for _, t := range l.toks {
		l.y0 = math.Min(l.y0, t.w.Y0)
		l.y1 = math.Max(l.y1, t.w.Y1)
	}
	finishLine(l)
	return l
}

// sideSplit returns where to cut a table that is two tables side by side:
// before a column of text that has columns of figures on both sides.
func sideSplit(f *frag) (float64, bool) {
	bands := bandsOf(f.body)
	var sizes []float64
	for _, l := range f.body {
		sizes = append(sizes, l.size)
	}
	size := median(sizes, 10)
	for k := 2; k+1 < len(bands); k++ {
		b := bands[k]
		if b.nText <= b.nFig || b.x0-bands[k-1].x1 < 1.5*size {
			continue
		}
		before, after := false, false
		for j := 1; j < k; j++ {
			if bands[j].nFig > bands[j].nText {
				before = true
			}
		}
		for j := k + 1; j < len(bands); j++ {
			if bands[j].nFig > bands[j].nText {
				after = true
			}
		}
		if before && after {
			return (bands[k-1].x1 + b.x0) / 2, true
		}
	}
	return 0, false
}

// allBold reports whether every word of l is printed bold.
func allBold(l *line) bool {
	for _, t := range l.toks {
		if !t.w.Bold {
			return false
		}
	}
	return len(l.toks) > 0
}

// unitLine reports whether t, a line above a table, gives its scale: a
// short line with a scale ("bedragen x € 1.000"), or a title ending in one
// ("Beleidsveld: Maatschappelijke ondersteuning bedragen x €1000"), not a
// sentence that mentions one.
func unitLine(t string) bool {
	if !scaleRe.MatchString(t) {
		return false
	}
	if utf8.RuneCountInString(t) < 60 {
		return true
	}
	unit, before := splitScale(t)
	return utf8.RuneCountInString(unit) < 30 && len(strings.Fields(before)) <= 8 &&
		!strings.ContainsAny(before, ".;?!") && !strings.HasSuffix(t, ".")
}
