package pdftagged

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/extract/pdftable"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// maxSlots bounds the grid of one table; a larger one is left to the
// geometric finder.
const maxSlots = 1 << 16

// scaleRe matches a scale or unit line: "bedragen x € 1.000", "(x €
// 1.000)", "in € 1 mln", "bedragen in euro's".
var scaleRe = regexp.MustCompile(`(?i)(\bx|×|\bin)\s*(€|eur\b|euro\b)?\s*(1[.\s]?000|1\s*(mln|miljoen|mld|miljard)|duizend|miljoen)|\bbedrag(en)?\s+(zijn\s+)?(x|in)\b`)

// Build makes grids of tables from the words of pages, matched by page
// and MCID, in the shape pdftable.Find returns, in document order (by
// first page, then top). A word a cell refers to is taken even when it is
// marked Running: tagged files leave running headers and footers out of
// the structure tree (as artifacts), so the tree knows better than the
// guess from repeated lines. Left out are tables that are only layout
// (fewer than two rows or columns, or no figure in any cell), tables
// none of whose words is found, tables on a page whose words carry no
// MCID (a page another engine read), and tables the tree tags only in
// part (see the package comment).
func Build(pages []pdftext.Page, tables []Table) []pdftable.Found {
	if len(tables) == 0 {
		return nil
	}
	index := map[Ref][]pdftable.WordRef{}
	byNumber := map[int]*pdftext.Page{}
	// Pages with words but no marked content were read by an engine
	// that does not record MCIDs (or tag nothing): a table on them
	// cannot be filled from the tree.
	unmarked := map[int]bool{}
	for i := range pages {
		p := &pages[i]
		byNumber[p.Number] = p
		for j, w := range p.Words {
			if w.HasMCID {
				r := Ref{p.Number, w.MCID}
				index[r] = append(index[r], pdftable.WordRef{Page: p.Number, Index: j})
			}
		}
		unmarked[p.Number] = len(p.Words) > 0
	}
	for r := range index {
		delete(unmarked, r.Page)
	}
	if len(index) == 0 {
		return nil
	}
	b := &builder{pages: byNumber, index: index, unmarked: unmarked, used: map[pdftable.WordRef]bool{}}
	// Every cell's words first, so that lines taken from above a table
	// never take another table's words.
	for _, t := range tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, ref := range b.words(c.Content) {
					b.used[ref] = true
				}
			}
		}
	}
	var out []pdftable.Found
	for i := range tables {
		if f, ok := b.table(&tables[i]); ok {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i].Regions[0], out[j].Regions[0]
		if a.Page != c.Page {
			return a.Page < c.Page
		}
		return a.Y0 < c.Y0
	})
	return out
}

type builder struct {
	pages    map[int]*pdftext.Page
	index    map[Ref][]pdftable.WordRef
	unmarked map[int]bool              // pages with words, none of them marked
	used     map[pdftable.WordRef]bool // words of any table cell
}

func (b *builder) word(r pdftable.WordRef) *pdftext.Word {
	return &b.pages[r.Page].Words[r.Index]
}

// words returns the words of content, each once, in reading order: by
// page, then line, then left to right. Text drawn twice at one place
// (overprinted, or a header drawn again) counts once.
func (b *builder) words(content []Ref) []pdftable.WordRef {
	var refs []pdftable.WordRef
	seen := map[pdftable.WordRef]bool{}
	for _, c := range content {
		for _, r := range b.index[c] {
			if !seen[r] && !b.drawnAgain(refs, r) {
				seen[r] = true
				refs = append(refs, r)
			}
		}
	}
	sort.SliceStable(refs, func(i, j int) bool {
		a, c := b.word(refs[i]), b.word(refs[j])
		if refs[i].Page != refs[j].Page {
			return refs[i].Page < refs[j].Page
		}
		if math.Abs(a.Base-c.Base) > 0.3*math.Max(a.Size, c.Size) {
			return a.Base < c.Base
		}
		return a.X0 < c.X0
	})
	return refs
}

// firstPrinting returns the words of a cell printed on one page only,
// when each further page it is on repeats the same text: browsers print a
// table's header again on every page, within the same header cells.
func (b *builder) firstPrinting(refs []pdftable.WordRef) []pdftable.WordRef {
	if len(refs) == 0 || refs[0].Page == refs[len(refs)-1].Page {
		return refs
	}
	var texts []string
	var first []pdftable.WordRef
	start := 0
	for i := 1; i <= len(refs); i++ {
		if i == len(refs) || refs[i].Page != refs[start].Page {
			texts = append(texts, b.text(refs[start:i]))
			if start == 0 {
				first = refs[:i]
			}
			start = i
		}
	}
	for _, t := range texts[1:] {
		if t != texts[0] {
			return refs
		}
	}
	return first
}

// drawnAgain reports whether word r repeats one of refs: the same text
// at the same place.
func (b *builder) drawnAgain(refs []pdftable.WordRef, r pdftable.WordRef) bool {
	w := b.word(r)
	for _, o := range refs {
		if x := b.word(o); o.Page == r.Page && x.Text == w.Text && math.Abs(x.X0-w.X0) < 1 && math.Abs(x.Base-w.Base) < 1 {
			return true
		}
	}
	return false
}

// text joins words into a cell's text, mending words hyphenated at a
// line end (see joinHyphen).
func (b *builder) text(refs []pdftable.WordRef) string {
	var sb strings.Builder
	for i, r := range refs {
		w := b.word(r)
		if i > 0 {
			prev := b.word(refs[i-1])
			newLine := refs[i-1].Page != r.Page || math.Abs(prev.Base-w.Base) > 0.3*math.Max(prev.Size, w.Size)
			switch {
			case !newLine || !strings.HasSuffix(prev.Text, "-") || len(prev.Text) < 2:
				sb.WriteByte(' ')
			case joinHyphen(prev.Text, w.Text) == dropHyphen:
				s := sb.String()
				sb.Reset()
				sb.WriteString(s[:len(s)-1])
			case joinHyphen(prev.Text, w.Text) == spaceAfter:
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(w.Text)
	}
	return sb.String()
}

// How a word ending in a hyphen at a line end joins the next.
const (
	spaceAfter = iota // a dash, or "wet- en": keep a space
	dropHyphen        // a word broken at the line end: "jeugd-" "hulp"
	keepHyphen        // a compound or range: "Wmo-" "voorzieningen", "31-" "12"
)

// joinHyphen decides how word, which ends in a hyphen, joins next.
func joinHyphen(word, next string) int {
	frag := strings.TrimSuffix(word, "-")
	last, _ := utf8.DecodeLastRuneInString(frag)
	first, _ := utf8.DecodeRuneInString(next)
	switch strings.ToLower(strings.TrimRight(next, ",.;:")) {
	case "en", "of", "tot", "en/of", "and", "or":
		return spaceAfter
	}
	switch {
	case unicode.IsDigit(last) && unicode.IsDigit(first):
		return keepHyphen
	case !unicode.IsLetter(last):
		return spaceAfter
	case !unicode.IsLetter(first) || unicode.IsUpper(first):
		return keepHyphen
	}
	// An abbreviation or name before the hyphen (Wmo-, WOZ-, Oost-)
	// keeps it: a capital in a Dutch compound marks a proper part.
	if r, _ := utf8.DecodeRuneInString(frag); unicode.IsUpper(r) || strings.ContainsAny(frag, "-0123456789") {
		return keepHyphen
	}
	return dropHyphen
}

// placed is a cell of the structure tree with its words.
type placed struct {
	cell       *Cell
	words      []pdftable.WordRef // the words of its text
	all        []pdftable.WordRef // its words, a header printed again included
	text       string
	rows, cols int // the slots it covers
}

// table builds one grid.
func (b *builder) table(t *Table) (pdftable.Found, bool) {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			for _, ref := range c.Content {
				if b.unmarked[ref.Page] {
					return pdftable.Found{}, false
				}
			}
		}
	}
	// Place cells in the grid as HTML does: each row's cells go to the
	// first free slots left of which rows above spanned down.
	type slot struct {
		p      *placed
		origin bool
		r0, c0 int
	}
	var grid [][]slot
	width := 0
	ensure := func(r, c int) bool {
		if (r+1)*(c+1) > maxSlots {
			return false
		}
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		for len(grid[r]) <= c {
			grid[r] = append(grid[r], slot{})
		}
		return true
	}
	for r := range t.Rows {
		if !ensure(r, 0) {
			return pdftable.Found{}, false
		}
		c := 0
		for i := range t.Rows[r].Cells {
			cell := &t.Rows[r].Cells[i]
			for c < len(grid[r]) && grid[r][c].p != nil {
				c++
			}
			refs := b.words(cell.Content)
			shown := b.firstPrinting(refs)
			p := &placed{cell: cell, words: shown, all: refs, text: b.text(shown)}
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			// A row span past the last row is cut there.
			rs = min(rs, len(t.Rows)-r)
			p.rows, p.cols = rs, cs
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					if !ensure(r+dr, c+dc) {
						return pdftable.Found{}, false
					}
					if grid[r+dr][c+dc].p == nil {
						grid[r+dr][c+dc] = slot{p: p, origin: dr == 0 && dc == 0, r0: r, c0: c}
					}
				}
			}
			c += cs
			width = max(width, c)
		}
		width = max(width, len(grid[r]))
	}
	if len(grid) < 2 || width < 2 || len(grid)*width > maxSlots {
		return pdftable.Found{}, false
	}

	found := pdftable.Found{Table: &model.Table{}, Words: map[pdftable.WordRef]bool{}}
	tab := found.Table
	tab.Rows = make([][]model.Cell, len(grid))
	figure, anyWord := false, false
	lastPage := 0
	for r := range grid {
		// The page of the row: that of its first word.
		rowPage := 0
		for _, s := range grid[r] {
			if s.p != nil && len(s.p.words) > 0 && s.r0 == r {
				rowPage = s.p.words[0].Page
				break
			}
		}
		if rowPage == 0 {
			rowPage = lastPage
		}
		lastPage = rowPage
		tab.Rows[r] = make([]model.Cell, width)
		for c := 0; c < width; c++ {
			cell := model.Cell{Pos: model.Pos{Page: rowPage, Row: r, Col: c}, Origin: true, RowSpan: 1, ColSpan: 1}
			var s slot
			if c < len(grid[r]) {
				s = grid[r][c]
			}
			switch {
			case s.p == nil:
				cell.Pad = true
			default:
				cell.Text = s.p.text
				cell.Header = s.p.cell.Header
				cell.Origin = s.origin
				if s.origin {
					cell.RowSpan, cell.ColSpan = s.p.rows, s.p.cols
				} else {
					cell.RowSpan, cell.ColSpan = 0, 0
				}
				if len(s.p.words) > 0 {
					cell.Page = s.p.words[0].Page
					bold := true
					for _, ref := range s.p.words {
						bold = bold && b.word(ref).Bold
					}
					cell.Bold = bold
					anyWord = true
					if s.origin && !s.p.cell.Header && hasDigit(cell.Text) {
						figure = true
					}
				}
			}
			tab.Rows[r][c] = cell
		}
		if lastPage == 0 {
			lastPage = tab.Rows[r][0].Page
		}
	}
	if !anyWord || !figure {
		return pdftable.Found{}, false
	}
	// Rows before the first page was known take the first page.
	first := 0
	for r := range tab.Rows {
		for c := range tab.Rows[r] {
			if first == 0 && tab.Rows[r][c].Page > 0 {
				first = tab.Rows[r][c].Page
			}
		}
	}
	for r := range tab.Rows {
		for c := range tab.Rows[r] {
			if tab.Rows[r][c].Page == 0 {
				tab.Rows[r][c].Page = first
			}
		}
	}
	tab.Page = first
	tab.HeaderRows = headerRows(t, tab)
	for r := 0; r < tab.HeaderRows; r++ {
		for c := range tab.Rows[r] {
			if !tab.Rows[r][c].Pad {
				tab.Rows[r][c].Header = true
			}
		}
	}

	// The words, regions and trust of the table.
	for _, row := range grid {
		for _, s := range row {
			if s.p != nil && s.origin {
				for _, ref := range s.p.all {
					found.Words[ref] = true
				}
			}
		}
	}
	capWords := b.words(t.Caption)
	if len(capWords) > 0 {
		tab.Caption, tab.UnitLine = splitScale(b.text(capWords))
		for _, ref := range capWords {
			found.Words[ref] = true
		}
	}
	b.linesAbove(&found)
	b.repeatedHeader(&found)
	b.notesBelow(&found)
	if tab.UnitLine == "" {
		tab.UnitLine = unitInCells(tab)
	}
	found.Regions = regions(b, found.Words)
	if b.incomplete(&found) {
		return pdftable.Found{}, false
	}
	for _, reg := range found.Regions {
		if p := b.pages[reg.Page]; p != nil && !p.Trusted {
			tab.Untrusted = true
		}
	}
	return found, len(found.Regions) > 0
}

// incomplete reports whether the structure tree left out much of what is
// printed inside the table's box: more than a tenth of the words there
// (and more than two) belong to no cell. Such a tree tags the table only
// in part, and the geometric finder reads it better.
func (b *builder) incomplete(f *pdftable.Found) bool {
	in, stray := 0, 0
	for _, reg := range f.Regions {
		p := b.pages[reg.Page]
		for i := range p.Words {
			w := &p.Words[i]
			if w.Running || w.X0 < reg.X0-1 || w.X1 > reg.X1+1 || w.Y0 < reg.Y0-1 || w.Y1 > reg.Y1+1 {
				continue
			}
			in++
			if !f.Words[pdftable.WordRef{Page: p.Number, Index: i}] {
				stray++
			}
		}
	}
	return stray > 2 && stray*10 > in
}

// headerRows counts the header rows: the leading rows in THead or made
// of TH cells only, and, where the file marks none, leading rows printed
// bold with text beyond the first column, or holding years. A row of one
// cell across the table (a group row, "Veiligheid") ends the header,
// unless it is a title over header rows. When every row would count,
// none does.
func headerRows(t *Table, tab *model.Table) int {
	h := 0
	for r, row := range tab.Rows {
		if r < len(t.Rows) && t.Rows[r].Head {
			h = r + 1
			continue
		}
		if h != r {
			break
		}
		st := rowStats(row)
		switch {
		case st.section:
			if next := r + 1; r == 0 && next < len(tab.Rows) && (next < len(t.Rows) && t.Rows[next].Head || markedHeader(rowStats(tab.Rows[next]))) {
				h = r + 1
				continue
			}
			return h
		case st.th > 0 && st.other == 0:
			h = r + 1
		case markedHeader(st):
			h = r + 1
		default:
			return h
		}
	}
	if h == len(tab.Rows) && !t.Rows[len(t.Rows)-1].Head {
		return 0
	}
	return h
}

// stats describes the filled origin cells of a row.
type stats struct {
	th, other int  // TH cells and others
	bold      bool // all bold
	beyond    bool // text right of the first column
	years     bool // every cell right of the first column a year
	section   bool // one cell only
	filled    int
}

var yearRe = regexp.MustCompile(`^(19|20)\d\d$`)

func rowStats(row []model.Cell) stats {
	st := stats{bold: true, years: true}
	for c, cell := range row {
		if cell.Pad || !cell.Origin || strings.TrimSpace(cell.Text) == "" {
			continue
		}
		st.filled++
		if cell.Header {
			st.th++
		} else {
			st.other++
		}
		st.bold = st.bold && cell.Bold
		if c > 0 {
			st.beyond = true
			st.years = st.years && yearRe.MatchString(strings.TrimSpace(cell.Text))
		}
	}
	st.section = st.filled == 1
	st.years = st.years && st.beyond
	return st
}

// markedHeader reports whether a row looks like a header row: TH cells
// only, bold with text beyond the first column, or years.
func markedHeader(st stats) bool {
	return st.filled > 0 && !st.section && (st.th > 0 && st.other == 0 || st.bold && st.beyond || st.years)
}

// unitInCells finds a scale phrase in a header cell, or in the first row
// when there is no header.
func unitInCells(t *model.Table) string {
	rows := max(t.HeaderRows, 1)
	for r := 0; r < rows && r < len(t.Rows); r++ {
		for _, c := range t.Rows[r] {
			if c.Origin && scaleRe.MatchString(c.Text) {
				return c.Text
			}
		}
	}
	return ""
}

// linesAbove takes a scale line ("bedragen x € 1.000") and a numbered
// title ("Tabel 3") printed just above the table's first row, over its
// columns, as UnitLine and Caption, when the structure tree did not say.
func (b *builder) linesAbove(f *pdftable.Found) {
	tab := f.Table
	regs := regions(b, f.Words)
	if len(regs) == 0 {
		return
	}
	top := regs[0]
	p := b.pages[top.Page]
	size := 0.0
	for ref := range f.Words {
		if ref.Page == top.Page {
			size = math.Max(size, b.word(ref).Size)
		}
	}
	y := top.Y0
	for k := 0; k < 2; k++ {
		// The line right above y: the lowest baseline of free words
		// within two line heights, over the table.
		var line []int
		base := math.Inf(-1)
		for i := range p.Words {
			w := &p.Words[i]
			ref := pdftable.WordRef{Page: p.Number, Index: i}
			if w.Running || b.used[ref] || f.Words[ref] || w.Y1 > y+0.1*size || w.Y1 < y-2*size || w.X1 < top.X0 || w.X0 > top.X1 {
				continue
			}
			if w.Base > base+0.3*size {
				base, line = w.Base, line[:0]
			}
			if math.Abs(w.Base-base) <= 0.3*size {
				line = append(line, i)
			}
		}
		if len(line) == 0 {
			return
		}
		// The whole line, also the words beside the table.
		line = line[:0]
		for i := range p.Words {
			w := &p.Words[i]
			if !w.Running && math.Abs(w.Base-base) <= 0.3*size && !b.used[pdftable.WordRef{Page: p.Number, Index: i}] {
				line = append(line, i)
			}
		}
		refs := make([]pdftable.WordRef, len(line))
		for i, idx := range line {
			refs[i] = pdftable.WordRef{Page: p.Number, Index: idx}
		}
		sort.Slice(refs, func(i, j int) bool { return b.word(refs[i]).X0 < b.word(refs[j]).X0 })
		text := b.text(refs)
		switch {
		case tab.UnitLine == "" && scaleRe.MatchString(text) && len(text) < 80:
			tab.UnitLine = text
		case tab.Caption == "" && pdftable.IsCaptionLine(text):
			tab.Caption = text
		default:
			return
		}
		for _, r := range refs {
			f.Words[r] = true
			y = math.Min(y, b.word(r).Y0)
		}
	}
}

// repeatedHeader takes the header printed again above the table on the
// pages it continues on: word processors repeat header rows there as
// artifacts, outside the structure tree. Lines right above the table's
// part of such a page, every word of which is a word of the header rows
// and none of which is tagged content, go with the table.
func (b *builder) repeatedHeader(f *pdftable.Found) {
	tab := f.Table
	head := map[string]bool{}
	for r := 0; r < tab.HeaderRows; r++ {
		for _, c := range tab.Rows[r] {
			for _, t := range strings.Fields(c.Text) {
				head[t] = true
			}
		}
	}
	regs := regions(b, f.Words)
	if len(head) == 0 || len(regs) < 2 {
		return
	}
	for _, reg := range regs[1:] {
		p := b.pages[reg.Page]
		y := reg.Y0
		for {
			// The lowest line of untagged words above y, over the table.
			var line []int
			base, size := math.Inf(-1), 0.0
			for i := range p.Words {
				w := &p.Words[i]
				if w.HasMCID || w.Running || w.Y1 > y+1 || w.X1 < reg.X0 || w.X0 > reg.X1 {
					continue
				}
				if w.Base > base+0.3*w.Size {
					base, size, line = w.Base, w.Size, line[:0]
				}
				if math.Abs(w.Base-base) <= 0.3*w.Size {
					line = append(line, i)
				}
			}
			if len(line) == 0 || y-base > 3*size {
				break
			}
			// The whole line, also the words beside the table.
			line = line[:0]
			for i := range p.Words {
				if w := &p.Words[i]; !w.HasMCID && !w.Running && math.Abs(w.Base-base) <= 0.3*size {
					line = append(line, i)
				}
			}
			ok := true
			for _, i := range line {
				ok = ok && head[p.Words[i].Text]
			}
			if !ok {
				break
			}
			for _, i := range line {
				f.Words[pdftable.WordRef{Page: p.Number, Index: i}] = true
				y = math.Min(y, p.Words[i].Y0)
			}
		}
	}
}

// notesBelow takes the footnotes printed right under the table: a line
// starting with a mark ("*", "1)", "¹") close below its last row, and
// the lines that follow it closely, a new note at each mark.
func (b *builder) notesBelow(f *pdftable.Found) {
	regs := regions(b, f.Words)
	if len(regs) == 0 {
		return
	}
	last := regs[len(regs)-1]
	p := b.pages[last.Page]
	var sizes []float64
	for ref := range f.Words {
		if ref.Page == last.Page {
			sizes = append(sizes, b.word(ref).Size)
		}
	}
	sort.Float64s(sizes)
	size := sizes[len(sizes)/2]
	// The free lines below the table, top down.
	type line struct {
		refs         []pdftable.WordRef
		base, y0, y1 float64
		size, x0, x1 float64
	}
	var lines []*line
	for i := range p.Words {
		w := &p.Words[i]
		ref := pdftable.WordRef{Page: p.Number, Index: i}
		if w.Running || b.used[ref] || f.Words[ref] || w.Y0 < last.Y1-0.1*size || w.Y0 > last.Y1+20*size {
			continue
		}
		var l *line
		for _, o := range lines {
			if math.Abs(o.base-w.Base) <= 0.3*w.Size {
				l = o
				break
			}
		}
		if l == nil {
			l = &line{base: w.Base, y0: w.Y0, y1: w.Y1, size: w.Size, x0: w.X0, x1: w.X1}
			lines = append(lines, l)
		}
		l.refs = append(l.refs, ref)
		l.y0, l.y1 = math.Min(l.y0, w.Y0), math.Max(l.y1, w.Y1)
		l.x0, l.x1 = math.Min(l.x0, w.X0), math.Max(l.x1, w.X1)
		l.size = math.Max(l.size, w.Size)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].base < lines[j].base })
	prevY1 := last.Y1
	var notes []string
	for _, l := range lines {
		sort.Slice(l.refs, func(i, j int) bool { return b.word(l.refs[i]).X0 < b.word(l.refs[j]).X0 })
		text := b.text(l.refs)
		gap := l.y0 - prevY1
		mark := pdftable.IsNoteLine(text)
		if l.size > 1.2*size || l.x1 < last.X0 || l.x0 > last.X1 {
			break
		}
		if len(notes) == 0 && (gap > 2*size || !mark) {
			break
		}
		if len(notes) > 0 && (gap > 0.9*size || !mark && gap > 0.6*size) {
			break
		}
		if mark {
			notes = append(notes, text)
		} else {
			notes[len(notes)-1] += " " + text
		}
		for _, r := range l.refs {
			f.Words[r] = true
		}
		prevY1 = l.y1
	}
	f.Table.Notes = notes
}

// splitScale splits a caption into its title and the scale phrase in it:
// "Beleidsveld Jeugd (bedragen x € 1.000)" gives "Beleidsveld Jeugd" and
// "(bedragen x € 1.000)". The phrase runs from the match to a closing
// parenthesis, else to the end.
func splitScale(s string) (rest, scale string) {
	loc := scaleRe.FindStringIndex(s)
	if loc == nil {
		return s, ""
	}
	start, end := loc[0], len(s)
	if i := strings.IndexByte(s[loc[1]:], ')'); i >= 0 {
		end = loc[1] + i + 1
	}
	if j := strings.LastIndexByte(s[:start], '('); j >= 0 && !strings.Contains(s[j:start], ")") {
		start = j
	}
	scale = strings.TrimSpace(s[start:end])
	rest = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[:start]), ",;:-–") + " " + strings.TrimSpace(s[end:]))
	return rest, scale
}

// regions returns one box per page around words, in page order.
func regions(b *builder, words map[pdftable.WordRef]bool) []pdftable.Region {
	boxes := map[int]*pdftable.Region{}
	for ref := range words {
		w := b.word(ref)
		r := boxes[ref.Page]
		if r == nil {
			boxes[ref.Page] = &pdftable.Region{Page: ref.Page, X0: w.X0, Y0: w.Y0, X1: w.X1, Y1: w.Y1}
			continue
		}
		r.X0, r.Y0 = math.Min(r.X0, w.X0), math.Min(r.Y0, w.Y0)
		r.X1, r.Y1 = math.Max(r.X1, w.X1), math.Max(r.Y1, w.Y1)
	}
	out := make([]pdftable.Region, 0, len(boxes))
	for _, r := range boxes {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Page < out[j].Page })
	return out
}

func hasDigit(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit)
}

// Merge returns the tables of tagged and those of geometric that overlap
// none of them, in document order: where a file tags a table, its
// structure decides the grid; elsewhere the geometric finder's tables
// stand.
func Merge(geometric, tagged []pdftable.Found) []pdftable.Found {
	if len(tagged) == 0 {
		return geometric
	}
	out := append([]pdftable.Found(nil), tagged...)
	for _, g := range geometric {
		if !overlapsAny(g, tagged) {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := first(out[i]), first(out[j])
		if a.Page != c.Page {
			return a.Page < c.Page
		}
		return a.Y0 < c.Y0
	})
	return out
}

func first(f pdftable.Found) pdftable.Region {
	if len(f.Regions) > 0 {
		return f.Regions[0]
	}
	return pdftable.Region{Page: f.Table.Page}
}

// overlapsAny reports whether g shares a word, or a quarter of the
// smaller box on some page, with a table of tagged.
func overlapsAny(g pdftable.Found, tagged []pdftable.Found) bool {
	for _, t := range tagged {
		for ref := range g.Words {
			if t.Words[ref] {
				return true
			}
		}
		for _, a := range g.Regions {
			for _, b := range t.Regions {
				if a.Page != b.Page {
					continue
				}
				w := math.Min(a.X1, b.X1) - math.Max(a.X0, b.X0)
				h := math.Min(a.Y1, b.Y1) - math.Max(a.Y0, b.Y0)
				if w <= 0 || h <= 0 {
					continue
				}
				small := math.Min((a.X1-a.X0)*(a.Y1-a.Y0), (b.X1-b.X0)*(b.Y1-b.Y0))
				if w*h >= 0.25*small {
					return true
				}
			}
		}
	}
	return false
}
