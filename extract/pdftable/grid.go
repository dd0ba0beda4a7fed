package pdftable

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// band is one column: the horizontal extent its cells cover.
type band struct {
	x0, x1 float64
	nText  int // text segments in it
	nFig   int // figures in it
}

// headText is the header of f as one string, for telling a repeated
// header from a new one.
func headText(f *frag) string {
	var parts []string
	for _, l := range f.head {
		parts = append(parts, l.text())
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// joinFrags joins a table ending at the foot of a page with one starting
// at the top of the next page when their columns agree and the second has
// no header or the same header.
func joinFrags(frags []*frag, pageLines [][]*line) [][]*frag {
	var groups [][]*frag
	for i, f := range frags {
		if lead := leadIn(f, frags[:i], pageLines); lead != nil {
			groups = append(groups, []*frag{lead, f})
			continue
		}
		if i > 0 && len(groups) > 0 {
			prev := groups[len(groups)-1]
			a := prev[len(prev)-1]
			if f.page == a.page+1 && lastOnPage(a, pageLines[a.page]) && firstOnPage(f, pageLines[f.page]) &&
				(len(f.head) == 0 || headText(f) == headText(prev[0])) && f.caption == nil && sameColumns(a, f) {
				groups[len(groups)-1] = append(prev, f)
				continue
			}
		}
		groups = append(groups, []*frag{f})
	}
	return groups
}

// leadIn returns the start of table f left at the foot of the previous
// page: its header, the same as f's, and group rows, but no figures yet.
func leadIn(f *frag, before []*frag, pageLines [][]*line) *frag {
	if f.page == 0 || len(f.head) == 0 || !firstOnPage(f, pageLines[f.page]) {
		return nil
	}
	prev := pageLines[f.page-1]
	limit := -1
	for _, b := range before {
		if b.page == f.page-1 {
			limit = indexOf(prev, b.last)
		}
	}
	h := len(f.head)
	for start := len(prev) - h; start > limit && start >= len(prev)-h-3; start-- {
		same := true
		for k := 0; k < h; k++ {
			if prev[start+k].text() != f.head[k].text() {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		lead := &frag{page: f.page - 1, head: prev[start : start+h], body: prev[start+h:], first: prev[start], last: prev[len(prev)-1]}
		for _, l := range lead.body {
			if l.nFig > 0 || len(l.segs) > 2 {
				return nil
			}
		}
		if start > 0 {
			// A unit line or caption just above.
			if u := prev[start-1]; scaleRe.MatchString(u.text()) && len(u.segs) == 1 && start-1 > limit {
				lead.unit = u
				lead.first = u
			}
		}
		return lead
	}
	return nil
}

func lastOnPage(f *frag, lines []*line) bool {
	return len(lines) > 0 && lines[len(lines)-1] == f.last
}

func firstOnPage(f *frag, lines []*line) bool {
	return len(lines) > 0 && lines[0] == f.first
}

// sameColumns reports whether most value columns of b line up with those
// of a.
func sameColumns(a, b *frag) bool {
	ba, bb := bandsOf(a.body), bandsOf(b.body)
	if len(bb) == 0 || len(ba) == 0 || abs(len(ba)-len(bb)) > 1 {
		return false
	}
	hit := 0
	for _, y := range bb {
		for _, x := range ba {
			if overlap(x.x0, x.x1, y.x0, y.x1) > 0 {
				hit++
				break
			}
		}
	}
	return float64(hit) >= 0.7*float64(len(bb))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// bandsOf finds the columns of a table body: the segments of its anchor
// lines, merged where they overlap horizontally. Missing markers and V/N
// or currency marks do not make columns of their own unless nothing else
// stands there.
func bandsOf(body []*line) []band {
	type iv struct {
		x0, x1 float64
		k      kind
	}
	var strong, weak []iv
	// Labels of rows whose figures stand on a line of their own (centred
	// cells) make the label column too: text wholly left of all figures.
	figX0 := math.Inf(1)
	for _, l := range body {
		if !l.anchor() {
			continue
		}
		for _, s := range l.segs {
			if isFigure(s.kind) {
				figX0 = math.Min(figX0, s.x0)
			}
		}
	}
	for _, l := range body {
		if !l.anchor() {
			if len(l.segs) > 0 && l.segs[0].x1 < figX0 && l.segs[0].kind == kindText {
				strong = append(strong, iv{l.segs[0].x0, l.segs[0].x1, kindText})
			}
			continue
		}
		for _, s := range l.segs {
			switch s.kind {
			case kindMiss, kindMark:
				weak = append(weak, iv{s.x0, s.x1, s.kind})
			default:
				strong = append(strong, iv{s.x0, s.x1, s.kind})
			}
		}
	}
	// merge sweeps the intervals and bands left to right, joining those
	// that overlap (transitively) into bands.
	merge := func(ivs []iv, bands []band) []band {
		all := append([]band(nil), bands...)
		for _, v := range ivs {
			b := band{x0: v.x0, x1: v.x1}
			if v.k == kindText {
				b.nText = 1
			} else {
				b.nFig = 1
			}
			all = append(all, b)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].x0 < all[j].x0 })
		var out []band
		for _, b := range all {
			if n := len(out); n > 0 && b.x0 < out[n-1].x1 {
				out[n-1].x1 = math.Max(out[n-1].x1, b.x1)
				out[n-1].nText += b.nText
				out[n-1].nFig += b.nFig
				continue
			}
			out = append(out, b)
		}
		return out
	}
	bands := merge(strong, nil)
	// Weak marks join the band they touch or stand close to; the others
	// make bands of their own.
	var rest []iv
	for _, v := range weak {
		best := colOf(bands, v.x0, v.x1)
		bd := math.Inf(1)
		if best >= 0 {
			bd = math.Max(bands[best].x0-v.x1, v.x0-bands[best].x1)
		}
		if best >= 0 && (bd <= 0 || v.k == kindMark && bd < 3*(v.x1-v.x0+4)) {
			bands[best].nFig++
			continue
		}
		if best >= 0 && v.k == kindMiss && bd < 0.5*(bands[best].x1-bands[best].x0) {
			bands[best].nFig++
			continue
		}
		rest = append(rest, v)
	}
	if len(rest) > 0 {
		bands = merge(rest, bands)
	}
	return bands
}

// colOf returns the band s belongs to: the one it overlaps most, else the
// nearest.
func colOf(bands []band, x0, x1 float64) int {
	if len(bands) == 0 {
		return -1
	}
	// Bands are sorted and apart: the ones overlapping [x0, x1] are
	// neighbours, starting with the first that ends after x0.
	i := sort.Search(len(bands), func(i int) bool { return bands[i].x1 > x0 })
	best, bo := -1, 0.0
	for j := i; j < len(bands) && bands[j].x0 < x1; j++ {
		if o := overlap(bands[j].x0, bands[j].x1, x0, x1); o > bo {
			best, bo = j, o
		}
	}
	if best >= 0 {
		return best
	}
	bd := math.Inf(1)
	for _, j := range []int{i - 1, i} {
		if j < 0 || j >= len(bands) {
			continue
		}
		if d := math.Max(bands[j].x0-x1, x0-bands[j].x1); d < bd {
			best, bd = j, d
		}
	}
	return best
}

// row is one body row being assembled.
type row struct {
	lines  []*line // label lines and the anchor, top to bottom
	extra  []*line // value-only lines that belong to it
	anchor *line
}

// lastLabel returns the lowest line of r holding label text.
func (c *tableCtx) lastLabel(r *row) *line {
	if r == nil {
		return nil
	}
	for i := len(r.lines) - 1; i >= 0; i-- {
		if hasLabelIn(c, r.lines[i]) {
			return r.lines[i]
		}
	}
	return nil
}

// tableCtx holds the geometry of one table being built.
type tableCtx struct {
	bands    []band
	label    int     // index of the label band
	labelX0  float64 // left edge of labels
	labelEnd float64 // right edge of the label band
	valueX0  float64 // left edge of the first band right of the labels
	size     float64
	prow     float64 // baseline distance of rows of one line; 0 when unknown
	pin      float64 // baseline distance of lines inside a cell; 0 when unknown
	// seps holds, per page index, the heights of drawn rules that run
	// across the table between rows; nil when the rules do not separate
	// every row, so that rows are told from line spacing instead.
	seps map[int][]float64
}

// labelSegs splits the segments of l into those in the label band and
// the others (codes left of the labels, values right of them).
func (c *tableCtx) labelSegs(l *line) (lab, val []seg) {
	for _, s := range l.segs {
		if colOf(c.bands, s.x0, s.x1) == c.label && s.x0 < c.valueX0 {
			lab = append(lab, s)
		} else {
			val = append(val, s)
		}
	}
	return lab, val
}

// full reports whether the label text of prev could not take the first
// word of next on its line: next is its wrapped continuation.
func (c *tableCtx) full(prev, next *line) bool {
	pl, _ := c.labelSegs(prev)
	nl, _ := c.labelSegs(next)
	if len(pl) == 0 || len(nl) == 0 {
		return false
	}
	end := pl[len(pl)-1].x1
	if end > c.valueX0 {
		// Wider than the label column: a row across the table.
		return false
	}
	// A wrapped line starts where the label starts.
	if math.Abs(nl[0].x0-pl[0].x0) > c.size && math.Abs(nl[0].x0-c.labelX0) > 0.5*c.size {
		return false
	}
	w := nl[0].toks[0].w
	return end+0.28*c.size+(w.X1-w.X0) > c.labelEnd-0.25*c.size
}

// ruled reports whether rules tell rows apart on the page of a and b,
// and if so whether one runs between them.
func (c *tableCtx) ruled(a, b *line) (ok, sep bool) {
	if a == nil || b == nil || a.page != b.page || c.seps[a.page] == nil {
		return false, false
	}
	for _, y := range c.seps[a.page] {
		if y > a.yc() && y < b.yc() {
			return true, true
		}
	}
	return true, false
}

// ruledRow is ruled for the last line of row r.
func (c *tableCtx) ruledRow(r *row, l *line) (ok, sep bool) {
	if r == nil {
		return false, false
	}
	return c.ruled(r.lines[len(r.lines)-1], l)
}

// rowRules finds, per page, the rules drawn across the table between its
// rows: horizontal edges that together cover most of the table's width.
// A page's rules count only when every pair of neighbouring rows with
// labels and figures has one between them.
func (c *tableCtx) rowRules(body []*line, pages []pdftext.Page) {
	byPage := map[int][]*line{}
	for _, l := range body {
		byPage[l.page] = append(byPage[l.page], l)
	}
	x0, x1 := c.bands[0].x0, c.bands[len(c.bands)-1].x1
	width := x1 - x0
	for pi, ls := range byPage {
		cover := map[int]float64{}
		add := func(y, a, b float64) {
			a, b = math.Max(a, x0), math.Min(b, x1)
			if b > a {
				cover[int(math.Round(y))] += b - a
			}
		}
		top, bot := ls[0].y0-c.size, ls[len(ls)-1].y1+c.size
		for _, r := range pages[pi].Rules {
			if r.Y1 < top || r.Y0 > bot {
				continue
			}
			if r.Y1-r.Y0 <= 2 {
				add((r.Y0+r.Y1)/2, r.X0, r.X1)
			} else if r.X1-r.X0 > 2 {
				add(r.Y0, r.X0, r.X1)
				add(r.Y1, r.X0, r.X1)
			}
		}
		var ys []float64
		for y, w := range cover {
			if w >= 0.5*width {
				ys = append(ys, float64(y))
			}
		}
		if len(ys) < 3 {
			continue
		}
		sort.Float64s(ys)
		kept := c.seps
		c.seps = map[int][]float64{pi: ys}
		pairs, hit := 0, 0
		for i := 1; i < len(ls); i++ {
			a, b := ls[i-1], ls[i]
			if !(a.anchor() && b.anchor() && hasLabelIn(c, a) && hasLabelIn(c, b)) {
				continue
			}
			pairs++
			if _, sep := c.ruled(a, b); sep {
				hit++
			}
		}
		c.seps = kept
		if pairs > 0 && hit == pairs {
			if c.seps == nil {
				c.seps = map[int][]float64{}
			}
			c.seps[pi] = ys
		}
	}
}

// wrapsSure reports whether l continues the cell of prev, for a line
// with figures continuing label lines without: the centred label of a
// row of three or more lines. Only line spacing tells it.
func (c *tableCtx) wrapsSure(prev, l *line) bool {
	w, sure := c.wraps(prev, l)
	if c.prow > 0 {
		return w && sure
	}
	return w && prev.page == l.page && l.y1-prev.y1 <= 1.3*c.size
}

func (c *tableCtx) tight(a, b *line) bool {
	return a.page == b.page && b.y0-a.y1 <= 0.9*c.size
}

// rows groups body lines into rows: each row is anchored by its figures;
// label lines without figures join the row they continue, or stand as
// group rows.
func (c *tableCtx) rows(body []*line) []*row {
	var rows []*row
	var cur *row
	type pending struct {
		l  *line
		at int // rows made before it
	}
	var valueOnly []pending
	for i, l := range body {
		lab, val := c.labelSegs(l)
		figs := false
		for _, s := range val {
			if isFigure(s.kind) {
				figs = true
			}
		}
		if !figs && len(lab) > 0 && l.anchor() && len(val) > 0 {
			figs = true
		}
		switch {
		case figs && len(lab) == 0:
			if ok, sep := c.ruledRow(cur, l); ok {
				if !sep && cur.anchor == nil {
					cur.anchor = l
					cur.lines = append(cur.lines, l)
				} else {
					cur = &row{lines: []*line{l}, anchor: l}
					rows = append(rows, cur)
				}
			} else if cur != nil && cur.anchor == nil && c.tight(cur.lines[len(cur.lines)-1], l) {
				cur.anchor = l
				cur.lines = append(cur.lines, l)
			} else if cur != nil && cur.anchor == nil && l.page == cur.lines[0].page && l.y0-cur.lines[len(cur.lines)-1].y1 <= 1.5*c.size {
				cur.anchor = l
				cur.lines = append(cur.lines, l)
			} else {
				cur = &row{lines: []*line{l}, anchor: l}
				rows = append(rows, cur)
			}
		case figs:
			if ll := c.lastLabel(cur); cur != nil && cur.anchor == nil && ll != nil && c.wrapsSure(ll, l) {
				cur.anchor = l
				cur.lines = append(cur.lines, l)
			} else {
				cur = &row{lines: []*line{l}, anchor: l}
				rows = append(rows, cur)
			}
		case len(lab) > 0:
			if cur != nil && c.continues(cur, l, body[i+1:]) {
				cur.lines = append(cur.lines, l)
			} else {
				cur = &row{lines: []*line{l}}
				rows = append(rows, cur)
			}
		case c.inTextBands(l):
			valueOnly = append(valueOnly, pending{l, len(rows)})
		default:
			// Text alone over figure columns: a group row printed across
			// the table (centred).
			cur = &row{lines: []*line{l}}
			rows = append(rows, cur)
		}
	}
	// Value-only lines (a wrapped text cell) join the nearest anchored
	// row on their page.
	for _, v := range valueOnly {
		l := v.l
		var best *row
		bd := math.Inf(1)
		for _, r := range rows[max(0, v.at-3):min(len(rows), v.at+3)] {
			if r.anchor == nil || r.anchor.page != l.page {
				continue
			}
			if d := math.Abs(r.anchor.yc() - l.yc()); d < bd {
				best, bd = r, d
			}
		}
		if best != nil && bd < 3*c.size {
			best.extra = append(best.extra, l)
		}
	}
	return rows
}

// inTextBands reports whether every segment of l stands in a column of
// text (a wrapped cell of a Bron column) rather than of figures.
func (c *tableCtx) inTextBands(l *line) bool {
	for _, s := range l.segs {
		i := colOf(c.bands, s.x0, s.x1)
		b := c.bands[i]
		right := math.Inf(1)
		if i+1 < len(c.bands) {
			right = c.bands[i+1].x0
		}
		if b.nText < b.nFig || s.x0 < b.x0-c.size || s.x1 > right {
			return false
		}
	}
	return true
}

// continues reports whether label line l, without figures, continues row
// r; rest are the body lines after l.
func (c *tableCtx) continues(r *row, l *line, rest []*line) bool {
	if ok, sep := c.ruled(r.lines[len(r.lines)-1], l); ok {
		return !sep
	}
	prev := c.lastLabel(r)
	if prev == nil {
		// The row so far is figures only (a vertically centred label
		// below them).
		return r.anchor != nil && c.tight(r.anchor, l)
	}
	if prev.page < l.page && r.anchor != nil {
		// A label wrapped over a page break leaves its last line at the
		// top of the next page: a full line before, lower case after.
		lab, _ := c.labelSegs(l)
		return len(lab) > 0 && startsLower(lab[0].text) && c.full(prev, l)
	}
	if !c.tight(prev, l) {
		// Centred cells: the figures stand between the label's lines.
		if r.anchor != nil && !hasLabelIn(c, r.anchor) && prev.page == l.page &&
			r.anchor.yc() > prev.yc() && r.anchor.yc() < l.yc() && l.y0-prev.y1 <= 1.5*c.size {
			return true
		}
		return false
	}
	lab, _ := c.labelSegs(l)
	// Figures without a label right below l: l is the first line of the
	// next row's centred label.
	if len(rest) > 0 && r.anchor != nil && hasLabelIn(c, r.anchor) {
		nl, nv := c.labelSegs(rest[0])
		if len(nl) == 0 && len(nv) > 0 && rest[0].anchor() {
			return false
		}
	}
	if r.anchor != nil && !hasLabelIn(c, r.anchor) && r.anchor.yc() > prev.yc() && r.anchor.yc() < l.yc() {
		return true
	}
	w, sure := c.wraps(prev, l)
	if !w {
		return false
	}
	if r.anchor != nil || sure || startsLower(lab[0].text) {
		return true
	}
	// Two label lines without figures, judged by width alone: one row
	// only if figures without a label follow (a vertically centred
	// cell); otherwise group rows.
	for k, n := range rest {
		if k >= 8 {
			break
		}
		nl, nv := c.labelSegs(n)
		if len(nv) == 0 {
			continue
		}
		return len(nl) == 0
	}
	return false
}

// wraps reports whether label line l is the next line of prev's cell, and
// whether the line spacing made that sure. Lines inside a cell stand
// closer than rows; without that difference, a line continues prev when
// its first word would not have fitted after prev, or it starts in lower
// case.
func (c *tableCtx) wraps(prev, l *line) (yes, sure bool) {
	if ok, sep := c.ruled(prev, l); ok {
		return !sep, true
	}
	if !c.tight(prev, l) {
		return false, false
	}
	pl, _ := c.labelSegs(prev)
	nl, _ := c.labelSegs(l)
	if len(pl) == 0 || len(nl) == 0 {
		return false, false
	}
	if math.Abs(nl[0].x0-pl[0].x0) > c.size && math.Abs(nl[0].x0-c.labelX0) > 0.5*c.size {
		return false, false
	}
	if c.prow > 0 && prev.page == l.page {
		step := l.y1 - prev.y1
		if step <= 0.88*c.prow {
			return true, true
		}
		if step >= 0.95*c.prow {
			return startsLower(nl[0].text), false
		}
	} else if c.pin > 0 && prev.page == l.page {
		step := l.y1 - prev.y1
		if step <= 1.08*c.pin {
			return true, true
		}
		if step >= 1.15*c.pin {
			return startsLower(nl[0].text), false
		}
	}
	return c.full(prev, l) || startsLower(nl[0].text), false
}

func hasLabelIn(c *tableCtx, l *line) bool {
	lab, _ := c.labelSegs(l)
	return len(lab) > 0
}

// buildTable turns the fragments of one table into a Found.
func buildTable(fr []*frag, pages []pdftext.Page) (Found, bool) {
	var body []*line
	for _, f := range fr {
		body = append(body, f.body...)
	}
	bands := bandsOf(body)
	if len(bands) < 2 {
		return Found{}, false
	}
	c := &tableCtx{bands: bands}
	// The label band: the leftmost band holding mostly text.
	c.label = 0
	for i, b := range bands {
		if b.nText > b.nFig {
			c.label = i
			break
		}
		if i >= 1 {
			break
		}
	}
	if c.label == len(bands)-1 {
		c.label = 0
	}
	c.labelX0 = bands[c.label].x0
	c.labelEnd = bands[c.label].x1
	c.valueX0 = bands[c.label+1].x0
	var sizes []float64
	anchors := 0
	for _, l := range body {
		if l.anchor() {
			sizes = append(sizes, l.size)
			anchors++
		}
	}
	c.size = median(sizes, 10)
	c.rowRules(body, pages)
	var steps []float64
	for i := 1; i < len(body); i++ {
		a, b := body[i-1], body[i]
		if a.page == b.page && a.anchor() && b.anchor() && hasLabelIn(c, a) && hasLabelIn(c, b) {
			steps = append(steps, b.y1-a.y1)
		}
	}
	if len(steps) >= 2 {
		c.prow = median(steps, 0)
	}
	// Lines of one cell: label lines around figures without a label
	// (a vertically centred row).
	steps = steps[:0]
	for i := 2; i < len(body); i++ {
		a, m, b := body[i-2], body[i-1], body[i]
		if a.page == b.page && m.page == a.page && m.anchor() && !hasLabelIn(c, m) && hasLabelIn(c, a) && hasLabelIn(c, b) && !a.anchor() && !b.anchor() {
			steps = append(steps, b.y1-a.y1)
		}
	}
	if len(steps) >= 1 {
		c.pin = median(steps, 0)
	}
	head := fr[0].head
	if anchors < 2 && len(head) == 0 {
		return Found{}, false
	}
	// Label lines wider than the label band (group rows across the table)
	// do not widen it; wrapped labels that reach further do.
	for _, l := range body {
		lab, _ := c.labelSegs(l)
		if len(lab) > 0 && lab[len(lab)-1].x1 < c.valueX0 {
			c.labelEnd = math.Max(c.labelEnd, lab[len(lab)-1].x1)
		}
	}

	t := &model.Table{Page: pages[fr[0].page].Number}
	width := len(bands)
	if cp := fr[0].caption; cp != nil {
		t.Caption = cp.text()
	}
	if u := fr[0].unit; u != nil {
		// A title and the scale may share a line ("Beleidsveld: Jeugd
		// ... bedragen x €1000").
		var unit, rest []string
		for _, sg := range u.segs {
			if scaleRe.MatchString(sg.text) {
				un, before := splitScale(sg.text)
				unit = append(unit, un)
				if before != "" {
					rest = append(rest, before)
				}
			} else {
				rest = append(rest, sg.text)
			}
		}
		if len(unit) == 0 {
			unit = []string{u.text()}
			rest = nil
		}
		t.UnitLine = strings.Join(unit, " ")
		if t.Caption == "" && len(rest) > 0 {
			t.Caption = strings.Join(rest, " ")
		}
	}
	for _, f := range fr {
		for _, n := range f.notes {
			t.Notes = append(t.Notes, n.text())
		}
	}
	// Notes that run over lines: a line not starting with a mark
	// continues the note before.
	t.Notes = joinNotes(t.Notes)

	hrows := c.header(head, pages[fr[0].page].Number, width)
	t.Rows = append(t.Rows, hrows...)
	t.HeaderRows = len(hrows)
	if t.UnitLine == "" {
		// A scale printed in a header cell ("bedragen x € 1.000,-" over
		// the labels): the text of that cell on its line.
		for _, l := range head {
			for _, sg := range l.segs {
				if t.UnitLine == "" && scaleRe.MatchString(sg.text) {
					t.UnitLine = sg.text
				}
			}
		}
	}
	rows := c.rows(body)
	// Rows without figures after the last row with figures are text that
	// follows the table, not group rows.
	dropped := map[*line]bool{}
	for len(rows) > 0 && rows[len(rows)-1].anchor == nil {
		for _, l := range rows[len(rows)-1].lines {
			dropped[l] = true
		}
		rows = rows[:len(rows)-1]
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, c.bodyRow(r, pages, width, len(t.Rows)))
	}
	untrusted := false
	for _, f := range fr {
		if !pages[f.page].Trusted {
			untrusted = true
		}
	}
	t.Untrusted = untrusted

	found := Found{Table: t, Words: map[WordRef]bool{}}
	for _, f := range fr {
		reg := Region{Page: pages[f.page].Number, X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
		for _, l := range f.all() {
			if dropped[l] {
				continue
			}
			l.used = true
			reg.X0 = math.Min(reg.X0, l.x0)
			reg.Y0 = math.Min(reg.Y0, l.y0)
			reg.X1 = math.Max(reg.X1, l.x1)
			reg.Y1 = math.Max(reg.Y1, l.y1)
			for _, tk := range l.toks {
				found.Words[tk.ref] = true
			}
		}
		found.Regions = append(found.Regions, reg)
	}
	return found, true
}

func joinNotes(ns []string) []string {
	var out []string
	for _, n := range ns {
		if len(out) > 0 && !noteRe.MatchString(n) {
			out[len(out)-1] += " " + n
			continue
		}
		out = append(out, n)
	}
	return out
}

// bodyRow lays the lines of r out over the columns.
func (c *tableCtx) bodyRow(r *row, pages []pdftext.Page, width, ri int) []model.Cell {
	texts := make([][]string, width)
	var bold, all = make([]bool, width), make([]bool, width)
	for i := range all {
		all[i] = true
	}
	page := r.lines[0].page
	if r.anchor != nil {
		page = r.anchor.page
	}
	lastLine := make([]*line, width)
	put := func(col int, s seg, l *line) {
		if n := len(texts[col]); n > 0 && lastLine[col] != l {
			// A hyphen ending the cell's previous line.
			if j, ok := joinBroken(texts[col][n-1], s.text); ok {
				texts[col][n-1] = j
				lastLine[col] = l
				for _, t := range s.toks {
					if !t.w.Bold {
						all[col] = false
					}
				}
				return
			}
		}
		lastLine[col] = l
		texts[col] = append(texts[col], s.text)
		for _, t := range s.toks {
			if !t.w.Bold {
				all[col] = false
			}
		}
	}
	lines := append(append([]*line(nil), r.lines...), r.extra...)
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].page != lines[j].page {
			return lines[i].page < lines[j].page
		}
		return lines[i].y0 < lines[j].y0
	})
	for _, l := range lines {
		for _, s := range l.segs {
			col := colOf(c.bands, s.x0, s.x1)
			if r.anchor == nil {
				// A group row: its text is its label, wherever it stands.
				col = c.label
			} else if s.kind == kindMark && s.text != "€" && col > 0 && len(texts[col]) == 0 {
				col--
			}
			put(col, s, l)
		}
	}
	cells := make([]model.Cell, width)
	for i := range cells {
		txt := strings.Join(texts[i], " ")
		if len(texts[i]) > 0 {
			bold[i] = all[i]
		}
		cells[i] = model.Cell{
			Pos:     model.Pos{Page: pages[page].Number, Row: ri, Col: i},
			Text:    txt,
			Bold:    bold[i],
			RowSpan: 1, ColSpan: 1,
			Origin: true,
		}
	}
	return cells
}

// spanFill widens the cells of an upper header row over the figure
// columns below them. The columns are cut into consecutive spans, one per
// cell and each holding the column its text stands over, so that every
// text is centred on its span or starts or ends with it, whichever fits
// best; columns of text (a Bron column) are left alone. owner maps
// columns to cells (-1: none); ext gives a cell's text extent. colExt
// gives the extent of the header text a column has to itself in the
// lowest header row (ok false: none): a column is as wide as that text
// too, which matters where headers are centred over right-aligned
// figures.
func (c *tableCtx) spanFill(owner []int, ext func(o int) (float64, float64), colExt func(ci int) (x0, x1 float64, ok bool)) {
	var cols []int // figure columns right of the labels
	for ci := c.label + 1; ci < len(owner); ci++ {
		if b := c.bands[ci]; b.nFig >= b.nText {
			cols = append(cols, ci)
		}
	}
	n := len(cols)
	if n == 0 {
		return
	}
	bx0 := func(ci int) float64 {
		if x0, _, ok := colExt(ci); ok && ci > c.label {
			return math.Min(x0, c.bands[ci].x0)
		}
		return c.bands[ci].x0
	}
	bx1 := func(ci int) float64 {
		if _, x1, ok := colExt(ci); ok && ci > c.label {
			return math.Max(x1, c.bands[ci].x1)
		}
		return c.bands[ci].x1
	}
	left := func(k int) float64 {
		ci := cols[k]
		if ci > 0 {
			return (bx1(ci-1) + bx0(ci)) / 2
		}
		return bx0(ci)
	}
	right := func(k int) float64 {
		ci := cols[k]
		if ci+1 < len(c.bands) {
			return (bx1(ci) + bx0(ci+1)) / 2
		}
		return bx1(ci)
	}
	// The cells, left to right, with the columns they already hold.
	var cells []hspan
	for k, ci := range cols {
		o := owner[ci]
		if o < 0 {
			continue
		}
		if m := len(cells); m > 0 && cells[m-1].o == o {
			cells[m-1].hi = k
			continue
		}
		cells = append(cells, hspan{o, k, k})
	}
	if len(cells) == 0 {
		return
	}
	var bestOwner []int
	bestTotal := math.Inf(1)
	// The cells of one row are aligned alike: try each alignment over
	// the whole row and keep the one that fits best.
	for mode := 0; mode < 3; mode++ {
		try := append([]int(nil), owner...)
		total := c.fitSpans(try, cols, cells, ext, left, right, mode)
		if total < bestTotal {
			bestTotal, bestOwner = total, try
		}
	}
	if bestOwner != nil {
		copy(owner, bestOwner)
	}
}

// fitSpans cuts cols into spans for cells (see spanFill) under one
// alignment (0 centred, 1 left, 2 right), sets owner and returns the
// total misfit in points.
func (c *tableCtx) fitSpans(owner, cols []int, cells []hspan, ext func(o int) (float64, float64),
	left, right func(k int) float64, mode int) float64 {
	n := len(cols)
	pitch := (right(n-1) - left(0)) / float64(n)
	cost := func(s hspan, a, b int) float64 {
		x0, x1 := ext(s.o)
		l, r := left(a), right(b)
		// A span does not reach under the text of another cell.
		under := 0.0
		for _, o := range cells {
			if o.o != s.o {
				ox0, ox1 := ext(o.o)
				under += math.Max(0, math.Min(r, ox1)-math.Max(l, ox0))
			}
		}
		switch mode {
		case 1:
			return under + math.Abs(l-x0)
		case 2:
			return under + math.Abs(r-x1)
		}
		return under + math.Abs((l+r)/2-(x0+x1)/2)
	}
	// best[i][b]: least cost of cells 0..i with cell i ending at column b.
	m := len(cells)
	inf := math.Inf(1)
	best := make([][]float64, m)
	from := make([][]int, m)
	for i := range best {
		best[i] = make([]float64, n)
		from[i] = make([]int, n)
		for b := range best[i] {
			best[i][b] = inf
		}
	}
	for i, s := range cells {
		maxB := n - 1
		if i+1 < m {
			maxB = cells[i+1].lo - 1
		}
		for b := s.hi; b <= maxB; b++ {
			if i == 0 {
				// The first span may start anywhere up to its column.
				for a := 0; a <= s.lo; a++ {
					// Columns left out at the edges cost a column's
					// width each: spans cover the columns below them.
					if v := cost(s, a, b) + float64(a)*pitch; v < best[i][b] {
						best[i][b], from[i][b] = v, a
					}
				}
				continue
			}
			for pb := cells[i-1].hi; pb < s.lo; pb++ {
				if best[i-1][pb] == inf {
					continue
				}
				if v := best[i-1][pb] + cost(s, pb+1, b); v < best[i][b] {
					best[i][b], from[i][b] = v, pb
				}
			}
		}
	}
	// The last span may end anywhere from its column on.
	bEnd, bv := -1, inf
	for b := cells[m-1].hi; b < n; b++ {
		if v := best[m-1][b] + float64(n-1-b)*pitch; v < bv {
			bEnd, bv = b, v
		}
	}
	if bEnd < 0 {
		return inf
	}
	for i := m - 1; i >= 0; i-- {
		a := from[i][bEnd]
		if i > 0 {
			a = from[i][bEnd] + 1
		}
		for k := a; k <= bEnd; k++ {
			owner[cols[k]] = cells[i].o
		}
		if i > 0 {
			bEnd = from[i][bEnd]
		}
	}
	return bv
}

// hspan is a header cell and the first and last of the columns it holds.
type hspan struct{ o, lo, hi int }

// header builds the header rows from the header lines: each segment goes
// to the columns it overlaps; lines that only add text under cells of
// the line above (a wrapped header) join that row; in upper rows a cell
// spans the empty columns nearest to it.
func (c *tableCtx) header(head []*line, pageNo, width int) [][]model.Cell {
	if len(head) == 0 {
		return nil
	}
	type hcell struct {
		text   []string
		x0, x1 float64
		bold   bool
	}
	type hrow struct {
		owner []int // index into cells per column, -1 empty
		cells []*hcell
		last  *line
	}
	var rows []*hrow
	for _, l := range head {
		owner := make([]int, width)
		for i := range owner {
			owner[i] = -1
		}
		var cells []*hcell
		best := make([]float64, width)
		for _, s := range l.segs {
			hc := &hcell{text: []string{s.text}, x0: s.x0, x1: s.x1, bold: true}
			for _, t := range s.toks {
				if !t.w.Bold {
					hc.bold = false
				}
			}
			idx := len(cells)
			cells = append(cells, hc)
			claimed := false
			for ci, b := range c.bands {
				o := overlap(b.x0, b.x1, s.x0, s.x1)
				if o > 0.3*math.Min(b.x1-b.x0, s.x1-s.x0) && o > best[ci] {
					owner[ci], best[ci] = idx, o
					claimed = true
				}
			}
			if !claimed {
				ci := colOf(c.bands, s.x0, s.x1)
				if owner[ci] < 0 {
					owner[ci] = idx
				} else {
					cells[owner[ci]].text = append(cells[owner[ci]].text, s.text)
				}
			}
		}
		// Merge into the row above when this line only continues its
		// cells.
		if n := len(rows); n > 0 {
			up := rows[n-1]
			cont := up.last.page == l.page && l.y0-up.last.y1 <= 0.9*c.size
			// A line with at least twice the cells of the row so far is
			// a finer level of the header ("Baten Lasten Saldo" under
			// "Realisatie 2021"); fewer new cells are parts of cells
			// centred over more lines than their neighbours.
			if cont {
				n, m, fresh := 0, 0, 0
				for ci := c.label + 1; ci < width; ci++ {
					if owner[ci] >= 0 {
						n++
						if up.owner[ci] < 0 {
							fresh++
						}
					}
					if up.owner[ci] >= 0 {
						m++
					}
				}
				if fresh > 0 && n >= 2*m && n >= 3 {
					cont = false
				}
			}
			// Cells of the row above that span several columns must
			// not be split by the new line.
			if cont {
				for ci := range owner {
					if owner[ci] < 0 || up.owner[ci] < 0 {
						continue
					}
					for cj := range owner {
						if up.owner[cj] == up.owner[ci] && owner[cj] >= 0 && owner[cj] != owner[ci] {
							cont = false
						}
					}
				}
			}
			if cont {
				moved := map[int]int{}
				for ci := range owner {
					if owner[ci] < 0 {
						continue
					}
					if up.owner[ci] < 0 {
						// A cell where the row so far had none.
						if k, ok := moved[owner[ci]]; ok {
							up.owner[ci] = k
							continue
						}
						up.cells = append(up.cells, cells[owner[ci]])
						up.owner[ci] = len(up.cells) - 1
						moved[owner[ci]] = up.owner[ci]
						continue
					}
					target := up.cells[up.owner[ci]]
					src := cells[owner[ci]]
					if len(src.text) > 0 {
						target.x0 = math.Min(target.x0, src.x0)
						target.x1 = math.Max(target.x1, src.x1)
						target.text = append(target.text, src.text...)
						src.text = nil
					}
				}
				up.last = l
				continue
			}
		}
		rows = append(rows, &hrow{owner: owner, cells: cells, last: l})
	}
	// Upper rows with fewer cells than the last row: cells span the empty
	// value columns nearest to them.
	lastRow := rows[len(rows)-1]
	filled := func(r *hrow) int {
		n := 0
		for ci := c.label + 1; ci < width; ci++ {
			if r.owner[ci] >= 0 {
				n++
			}
		}
		return n
	}
	colExt := func(ci int) (x0, x1 float64, ok bool) {
		o := lastRow.owner[ci]
		if o < 0 || (ci > 0 && lastRow.owner[ci-1] == o) || (ci+1 < width && lastRow.owner[ci+1] == o) {
			return 0, 0, false
		}
		return lastRow.cells[o].x0, lastRow.cells[o].x1, true
	}
	for _, r := range rows[:len(rows)-1] {
		if filled(r) == 0 || filled(r) >= filled(lastRow) {
			continue
		}
		c.spanFill(r.owner, func(o int) (float64, float64) { return r.cells[o].x0, r.cells[o].x1 }, colExt)
	}
	out := make([][]model.Cell, len(rows))
	for ri, r := range rows {
		cells := make([]model.Cell, width)
		for ci := 0; ci < width; ci++ {
			cell := model.Cell{Pos: model.Pos{Page: pageNo, Row: ri, Col: ci}, Header: true, Origin: true, RowSpan: 1, ColSpan: 1}
			if o := r.owner[ci]; o >= 0 {
				hc := r.cells[o]
				cell.Text = strings.Join(hc.text, " ")
				cell.Bold = hc.bold
				if ci > 0 && r.owner[ci-1] == o {
					cell.Origin = false
					cell.RowSpan, cell.ColSpan = 0, 0
				} else {
					n := 1
					for cj := ci + 1; cj < width && r.owner[cj] == o; cj++ {
						n++
					}
					cell.ColSpan = n
				}
			}
			cells[ci] = cell
		}
		out[ri] = cells
	}
	return out
}

// splitScale splits text at the start of its scale phrase: "Beleidsveld:
// Jeugd bedragen x €1000" gives "bedragen x €1000" and "Beleidsveld:
// Jeugd".
func splitScale(text string) (unit, before string) {
	loc := scaleRe.FindStringIndex(text)
	if loc == nil {
		return text, ""
	}
	start := loc[0]
	low := strings.ToLower(text[:start])
	if i := strings.LastIndex(low, "bedrag"); i >= 0 && start-i <= 12 {
		start = i
	}
	for start > 0 && (text[start-1] == '(' || text[start-1] == ' ') {
		start--
	}
	return strings.TrimSpace(text[start:]), strings.TrimSpace(text[:start])
}

// joinBroken joins the text of a cell line ending in a hyphen to the text
// of the next line when the hyphen breaks a word rather than ends it:
// "31-" + "12" is "31-12", "Wmo-" + "voorzieningen" keeps its hyphen,
// "jeugd-" + "zorg" is "jeugdzorg" (broken at the line end). "Wmo- en"
// and a dash keep a space (ok false).
func joinBroken(prev, next string) (string, bool) {
	before, ok := strings.CutSuffix(prev, "-")
	if !ok || next == "" {
		return "", false
	}
	frag := before
	if i := strings.LastIndexAny(before, " /("); i >= 0 {
		frag = before[i+1:]
	}
	last, _ := utf8.DecodeLastRuneInString(frag)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case frag == "":
		return "", false
	case unicode.IsDigit(last):
		// A date or a range of numbers ("31-12", "2019-2022").
		return prev + next, unicode.IsDigit(first)
	case !unicode.IsLetter(last):
		return "", false
	}
	word, _, _ := strings.Cut(next, " ")
	switch strings.ToLower(strings.TrimRight(word, ",.;:")) {
	case "en", "of", "tot", "en/of", "and", "or":
		return "", false
	}
	if f, _ := utf8.DecodeRuneInString(frag); !unicode.IsLetter(first) || unicode.IsUpper(first) ||
		unicode.IsUpper(f) || strings.ContainsAny(frag, "-0123456789") {
		return prev + next, true
	}
	return before + next, true
}
