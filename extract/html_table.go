package extract

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jaarzoek/jaarzoek/model"
)

// Limits on spans, as browsers clamp them, and on the grid a table may make.
const (
	maxColSpan   = 1000
	maxGridSlots = 1 << 18
)

// tableInfo is a table the walker found, before numbering.
type tableInfo struct {
	table       *model.Table
	block       int  // index in walker.blocks
	smallScreen bool // marked as shown on small screens only
	sig         uint64
	ragged      []raggedRow
	dropped     bool
}

type raggedRow struct{ row, cells, width int }

// srcCell is one <td> or <th> as read from the source.
type srcCell struct {
	text, marks string
	bold, th    bool
	rowSpan     int
	colSpan     int
}

// srcRow is one <tr>.
type srcRow struct {
	cells []srcCell
	head  bool // in <thead>
}

// table handles a <table>: a layout table gives its content as blocks, a
// data table becomes a Table block.
func (w *walker) table(n *html.Node) {
	if layoutTable(n) {
		w.children(n)
		w.flush()
		return
	}
	rows, caption := readRows(n, &w.css)
	t, head, ragged, tooLarge := buildGrid(rows)
	if tooLarge {
		w.warn(model.Pos{}, fmt.Errorf("%w: more than %d cells", ErrTableTooLarge, maxGridSlots))
		return
	}
	if t == nil {
		return
	}
	t.Caption, t.UnitLine = splitScale(caption)
	t.HeaderRows = headerRows(t, head)
	for r := 0; r < t.HeaderRows; r++ {
		for c := range t.Rows[r] {
			if !t.Rows[r][c].Pad {
				t.Rows[r][c].Header = true
			}
		}
	}
	w.takeLinesAbove(t)
	if t.UnitLine == "" {
		t.UnitLine = unitInCells(t)
	}
	if t.UnitLine == "" && len(w.blocks) > 0 {
		// "Wat heeft het gekost? (bedragen x € 1.000)" just above the table.
		if b := w.blocks[len(w.blocks)-1]; b.Kind == model.BlockHeading {
			if _, scale := splitScale(b.Text); scale != "" {
				t.UnitLine = scale
			}
		}
	}
	info := &tableInfo{table: t, ragged: ragged, sig: signature(t)}
	for p := n; p != nil && !info.smallScreen; p = p.Parent {
		if p.Type == html.ElementNode {
			c, _ := attr(p, "class")
			info.smallScreen = smallScreenOnly(c) || w.css.smallOnly(p)
		}
	}
	info.block = len(w.blocks)
	w.emit(model.Block{Kind: model.BlockTable, Section: w.section, Table: t}, blockMeta{table: info})
	w.tables = append(w.tables, info)
	w.noteTable = info
}

// takeLinesAbove moves a unit line ("bedragen x € 1.000") and a title line
// ("Tabel 44") printed just above the table from the paragraphs into t.
func (w *walker) takeLinesAbove(t *model.Table) {
	for k := 0; k < 2 && len(w.blocks) > 0; k++ {
		i := len(w.blocks) - 1
		b := w.blocks[i]
		if b.Kind != model.BlockParagraph {
			return
		}
		switch {
		case t.UnitLine == "" && isUnitLine(b.Text):
			t.UnitLine = b.Text
		case t.Caption == "" && isTitleLine(b.Text, w.meta[i].class):
			rest, scale := splitScale(b.Text)
			if scale != "" && t.UnitLine == "" {
				t.UnitLine = scale
			}
			t.Caption = rest
		default:
			return
		}
		w.blocks = w.blocks[:i]
		w.meta = w.meta[:i]
	}
}

// unitInCells finds a scale phrase in a header cell ("bedragen x € 1.000,-"
// over the labels) or in a first row that spans the whole table.
func unitInCells(t *model.Table) string {
	rows := t.HeaderRows
	if rows == 0 && len(t.Rows) > 0 {
		rows = 1
	}
	for r := 0; r < rows && r < len(t.Rows); r++ {
		for _, c := range t.Rows[r] {
			if !c.Origin || c.Text == "" {
				continue
			}
			if _, scale := splitScale(c.Text); scale != "" {
				return scale
			}
		}
	}
	return ""
}

// layoutTable reports whether a table only arranges other content: it holds
// a displayed table, says role=presentation, or is one cell.
func layoutTable(n *html.Node) bool {
	if r, _ := attr(n, "role"); r == "presentation" || r == "none" {
		return true
	}
	if holdsTable(n) {
		return true
	}
	return false
}

func holdsTable(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || hiddenNode(c) || skipElement[c.DataAtom] {
			continue
		}
		if c.DataAtom == atom.Table || holdsTable(c) {
			return true
		}
	}
	return false
}

// readRows reads the rows of a table in display order (<thead> rows first,
// <tfoot> rows last) and its <caption>.
func readRows(n *html.Node, css *pageCSS) (rows []srcRow, caption string) {
	var head, body, foot []srcRow
	var addRows func(sec *html.Node, dst *[]srcRow, isHead bool)
	addRows = func(sec *html.Node, dst *[]srcRow, isHead bool) {
		for c := sec.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || hiddenNode(c) || css.hides(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				*dst = append(*dst, readRow(c, isHead, css))
			case atom.Thead:
				addRows(c, &head, true)
			case atom.Tbody:
				addRows(c, &body, false)
			case atom.Tfoot:
				addRows(c, &foot, false)
			case atom.Caption:
				if caption == "" {
					var t textBuf
					plainText(c, &t, 1<<12)
					caption = t.String()
				}
			case atom.Form:
				// Forms wrapped around rows are parsed as their parents.
				addRows(c, dst, isHead)
			}
		}
	}
	addRows(n, &body, false)
	rows = make([]srcRow, 0, len(head)+len(body)+len(foot))
	rows = append(rows, head...)
	rows = append(rows, body...)
	rows = append(rows, foot...)
	return rows, caption
}

func readRow(tr *html.Node, head bool, css *pageCSS) srcRow {
	n := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		n++
	}
	row := srcRow{head: head, cells: make([]srcCell, 0, n)}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || hiddenNode(c) || css.hides(c) {
			continue
		}
		var cb cellBuf
		cb.walk(c, boldStyle(c))
		sc := srcCell{
			text:    cb.text.String(),
			marks:   strings.Join(cb.marks, " "),
			th:      c.DataAtom == atom.Th,
			rowSpan: spanAttr(c, "rowspan", 1),
			colSpan: spanAttr(c, "colspan", 1),
		}
		sc.bold = cb.text.allBold() || (sc.th && sc.text != "")
		if sc.colSpan < 1 {
			sc.colSpan = 1
		}
		if sc.colSpan > maxColSpan {
			sc.colSpan = maxColSpan
		}
		row.cells = append(row.cells, sc)
	}
	return row
}

// spanAttr reads a rowspan or colspan; rowspan="0" (to the end of the
// table) is returned as 0.
func spanAttr(n *html.Node, key string, def int) int {
	v, ok := attr(n, key)
	if !ok {
		return def
	}
	v = strings.TrimSpace(v)
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == 0 {
		return def
	}
	if end > 7 {
		end = 7
	}
	k, err := strconv.Atoi(v[:end])
	if err != nil {
		return def
	}
	return k
}

// cellBuf collects the text of a cell, with footnote markup set apart.
type cellBuf struct {
	text  textBuf
	marks []string
}

func (cb *cellBuf) walk(n *html.Node, bold bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			cb.text.add(c.Data, bold)
		case html.ElementNode:
			if skipElement[c.DataAtom] || hiddenNode(c) || c.DataAtom == atom.Table {
				continue
			}
			if c.DataAtom == atom.Br || blockElement[c.DataAtom] {
				cb.text.brk()
			}
			if mark, ok := footnoteMark(c, cb.text.String()); ok {
				if mark != "" {
					cb.marks = append(cb.marks, mark)
				}
				continue
			}
			if c.DataAtom == atom.Sup {
				// A unit power (m², km³) stays in the text.
				var t textBuf
				plainText(c, &t, 8)
				cb.text.add(superscript.Replace(t.String()), bold)
				continue
			}
			cb.walk(c, bold || boldStyle(c))
			if blockElement[c.DataAtom] {
				cb.text.brk()
			}
		}
	}
}

// footnoteMark reports whether element n is a footnote mark set apart by
// markup, <sup>2</sup> or a link to a footnote, and returns its text.
func footnoteMark(n *html.Node, before string) (string, bool) {
	switch n.DataAtom {
	case atom.Sup:
		var t textBuf
		plainText(n, &t, 64)
		s := t.String()
		if len(s) > 12 || unitExponent(before, s) {
			return "", false
		}
		return s, true
	case atom.A, atom.Span:
		class, _ := attr(n, "class")
		href, _ := attr(n, "href")
		c := strings.ToLower(class)
		h := strings.ToLower(href)
		if strings.Contains(c, "footnote") || strings.Contains(c, "voetnoot") || strings.Contains(c, "noteref") ||
			strings.HasPrefix(h, "#fn") || strings.HasPrefix(h, "#footnote") || strings.HasPrefix(h, "#voetnoot") {
			var t textBuf
			plainText(n, &t, 64)
			s := strings.Trim(t.String(), "[]() ")
			if len(s) <= 6 {
				return s, true
			}
		}
	}
	return "", false
}

// buildGrid lays the rows out on a rectangular grid, expanding spans, and
// says which grid rows came from <thead>. It returns nil when the table has
// no cells.
func buildGrid(rows []srcRow) (t *model.Table, head []bool, ragged []raggedRow, tooLarge bool) {
	nrows := len(rows)
	if nrows == 0 {
		return nil, nil, nil, false
	}
	// Count the slots before allocating any; the widest row's span total is
	// the usual width, so each row needs one allocation.
	guess, total := 0, 0
	for r, row := range rows {
		n := 0
		for _, sc := range row.cells {
			n += sc.colSpan
			rs := sc.rowSpan
			if rs <= 0 || rs > nrows-r {
				rs = nrows - r
			}
			total += rs * sc.colSpan
			if total > maxGridSlots {
				return nil, nil, nil, true
			}
		}
		guess = max(guess, n)
	}
	guess = min(guess, maxGridSlots/nrows+1)
	grid := make([][]model.Cell, nrows)
	owner := make([][]int32, nrows) // 0: no cell; else the number of the source cell from 1
	cells := make([]model.Cell, nrows*guess)
	owners := make([]int32, nrows*guess)
	for r := range grid {
		grid[r] = cells[r*guess : r*guess : (r+1)*guess]
		owner[r] = owners[r*guess : r*guess : (r+1)*guess]
	}
	slots := 0
	var id int32
	for r, row := range rows {
		c := 0
		for _, sc := range row.cells {
			id++
			for c < len(owner[r]) && owner[r][c] != 0 {
				c++
			}
			rs := sc.rowSpan
			if rs <= 0 || rs > nrows-r {
				rs = nrows - r
			}
			cs := sc.colSpan
			slots += rs * cs
			if slots > maxGridSlots {
				return nil, nil, nil, true
			}
			for dr := 0; dr < rs; dr++ {
				rr := r + dr
				if need := c + cs; len(grid[rr]) < need {
					grid[rr] = slices.Grow(grid[rr], need-len(grid[rr]))[:need]
					owner[rr] = slices.Grow(owner[rr], need-len(owner[rr]))[:need]
				}
				for dc := 0; dc < cs; dc++ {
					if owner[rr][c+dc] != 0 {
						continue // overlapping spans: the first cell keeps the slot
					}
					owner[rr][c+dc] = id
					grid[rr][c+dc] = model.Cell{
						Text:   sc.text,
						Marks:  sc.marks,
						Header: sc.th,
						Bold:   sc.bold,
						Origin: dr == 0 && dc == 0,
					}
				}
			}
			c += cs
		}
	}
	// A row no cell reaches (an empty <tr>) is dropped; no span covers it,
	// or it would not be empty.
	width := 0
	kept, keptOwner := grid[:0], owner[:0]
	for r := range grid {
		if !slices.ContainsFunc(owner[r], func(o int32) bool { return o != 0 }) {
			continue
		}
		kept = append(kept, grid[r])
		keptOwner = append(keptOwner, owner[r])
		head = append(head, rows[r].head)
		width = max(width, len(grid[r]))
	}
	if len(kept) == 0 || width == 0 {
		return nil, nil, nil, false
	}
	if len(kept)*width > maxGridSlots {
		return nil, nil, nil, true
	}
	for r := range kept {
		n := 0
		for _, o := range keptOwner[r] {
			if o != 0 {
				n++
			}
		}
		if n < width {
			ragged = append(ragged, raggedRow{row: r, cells: n, width: width})
		}
		if len(kept[r]) < width {
			kept[r] = slices.Grow(kept[r], width-len(kept[r]))[:width]
		}
		for c := range kept[r] {
			if c >= len(keptOwner[r]) || keptOwner[r][c] == 0 {
				kept[r][c] = model.Cell{Pad: true}
			}
			kept[r][c].Row, kept[r][c].Col = r, c
		}
	}
	// Spans are counted on the grid, so an origin's RowSpan and ColSpan
	// cover exactly its copies even where spans overlapped.
	ownerAt := func(r, c int) int32 {
		if c < len(keptOwner[r]) {
			return keptOwner[r][c]
		}
		return 0
	}
	for r := range kept {
		for c := range kept[r] {
			cell := &kept[r][c]
			if !cell.Origin {
				continue
			}
			o := ownerAt(r, c)
			cs := 1
			for c+cs < width && ownerAt(r, c+cs) == o && !kept[r][c+cs].Origin {
				cs++
			}
			rs := 1
			for r+rs < len(kept) && ownerAt(r+rs, c) == o && !kept[r+rs][c].Origin {
				rs++
			}
			cell.RowSpan, cell.ColSpan = rs, cs
		}
	}
	return &model.Table{Rows: kept}, head, ragged, false
}

// headerRows counts the header rows at the top of t: rows of <thead>, rows
// of <th> cells, and rows whose cells are all bold or name years ("2022",
// "Rekening 2018"). A row that is one label across the table (a section row)
// ends the header, unless it is the first row and header rows follow it.
func headerRows(t *model.Table, head []bool) int {
	h := 0
	for r := range t.Rows {
		if head[r] {
			h = r + 1
			continue
		}
		if h != r {
			break
		}
		if sectionRow(t.Rows[r]) {
			// A title or unit line across the top, over header rows.
			if r == 0 && r+1 < len(t.Rows) && (head[r+1] || headerLike(t.Rows[r+1]) || wordsOverNumbers(t.Rows, r+1)) {
				h = r + 1
				continue
			}
			break
		}
		if headerLike(t.Rows[r]) || (r == 0 && wordsOverNumbers(t.Rows, r)) {
			h = r + 1
			continue
		}
		break
	}
	if h >= len(t.Rows) && len(t.Rows) > 1 {
		// Every row looked like a header: then none is.
		if h == len(t.Rows) && !head[len(head)-1] {
			return 0
		}
	}
	return h
}

func headerLike(row []model.Cell) bool {
	return !sectionRow(row) && (allTh(row) || (beyondFirst(row) && (allBold(row) || yearRow(row))))
}

// wordsOverNumbers reports whether row r holds only words after its first
// column ("Omschrijving | Lasten | Baten | Saldo") over a row of figures: the
// column headers of a table printed without header markup.
func wordsOverNumbers(rows [][]model.Cell, r int) bool {
	if r+1 >= len(rows) || sectionRow(rows[r]) {
		return false
	}
	words := 0
	for i, c := range rows[r] {
		if i == 0 || !c.Origin || c.Text == "" {
			continue
		}
		if hasDigit(c.Text) || len(c.Text) > 60 {
			return false
		}
		words++
	}
	if words < 2 && !(words == 1 && len(rows[r]) == 2) {
		return false
	}
	figures, cells := 0, 0
	for i, c := range rows[r+1] {
		if i == 0 || !c.Origin || c.Text == "" {
			continue
		}
		cells++
		if hasDigit(c.Text) {
			figures++
		}
	}
	return cells > 0 && figures*2 >= cells
}

// sectionRow reports whether the row holds one label only: a single cell
// across the table, or text in the first column and the rest empty.
func sectionRow(row []model.Cell) bool {
	if len(row) < 2 {
		return false
	}
	n, at, span := 0, 0, 0
	for i, c := range row {
		if c.Origin && c.Text != "" {
			n++
			at, span = i, c.ColSpan
		}
	}
	return n == 1 && (at == 0 || span == len(row))
}

func allTh(row []model.Cell) bool {
	any := false
	for _, c := range row {
		if !c.Origin {
			continue
		}
		if !c.Header {
			return false
		}
		any = true
	}
	return any
}

func allBold(row []model.Cell) bool {
	any := false
	for _, c := range row {
		if !c.Origin || c.Text == "" {
			continue
		}
		if !c.Bold {
			return false
		}
		any = true
	}
	return any
}

// beyondFirst reports whether the row has text outside its first column.
func beyondFirst(row []model.Cell) bool {
	for i, c := range row {
		if i > 0 && c.Origin && c.Text != "" {
			return true
		}
	}
	return false
}

// yearRow reports whether the cells after the first column name years, with
// at most some words between them ("Rekening 2018 | Begroting 2019 | Verschil").
func yearRow(row []model.Cell) bool {
	years, other := 0, 0
	for i, c := range row {
		if i == 0 || !c.Origin || c.Text == "" {
			continue
		}
		switch {
		case isYearLike(c.Text):
			years++
		case !hasDigit(c.Text) && len(c.Text) <= 40:
			other++
		default:
			return false
		}
	}
	return years >= 1 && years >= other && years+other >= 2 || years >= 1 && len(row) == 2
}

// signature is a hash of the multiset of a table's cell texts: equal for a
// table and its copy for small screens, even when the copy is transposed.
func signature(t *model.Table) uint64 {
	var sum, n uint64
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Origin && c.Text != "" {
				h := fnv.New64a()
				h.Write([]byte(c.Text))
				h.Write([]byte{1})
				h.Write([]byte(c.Marks))
				// Mixing before summing keeps the sum from cancelling out.
				x := h.Sum64()
				x ^= x >> 33
				x *= 0xff51afd7ed558ccd
				x ^= x >> 33
				sum += x
				n++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return sum ^ n*0x9e3779b97f4a7c15
}

func (w *walker) warn(pos model.Pos, err error) {
	w.pendingWarn = append(w.pendingWarn, &model.SourceError{Source: w.source, Stage: model.StageExtract, Pos: pos, Err: err})
}

// finish drops duplicate tables, numbers the rest from 1 and fills doc.
func (w *walker) finish(doc *model.Document) {
	var kept []*tableInfo
	for _, ti := range w.tables {
		if ti.smallScreen {
			if twin := twinOf(w.tables, ti); twin != nil {
				ti.dropped = true
				mergeLines(twin.table, ti.table)
				continue
			}
		}
		if len(kept) > 0 {
			prev := kept[len(kept)-1]
			if prev.sig == ti.sig && ti.sig != 0 && !w.headingBetween(prev.block, ti.block) {
				ti.dropped = true
				mergeLines(prev.table, ti.table)
				continue
			}
		}
		kept = append(kept, ti)
	}
	for i, ti := range kept {
		t := ti.table
		t.Index = i + 1
		for r := range t.Rows {
			for c := range t.Rows[r] {
				t.Rows[r][c].Table = t.Index
			}
		}
		for _, rr := range ti.ragged {
			doc.Warnings = append(doc.Warnings, &model.SourceError{
				Source: w.source, Stage: model.StageExtract,
				Pos: model.Pos{Table: t.Index, Row: rr.row},
				Err: fmt.Errorf("%w: %d of %d cells, padded", ErrRaggedRow, rr.cells, rr.width),
			})
		}
	}
	doc.Warnings = append(doc.Warnings, w.pendingWarn...)
	blocks := make([]model.Block, 0, len(w.blocks))
	for i, b := range w.blocks {
		if ti := w.meta[i].table; ti != nil && ti.dropped {
			continue
		}
		blocks = append(blocks, b)
	}
	doc.Blocks = blocks
}

// twinOf returns the table printed for all screens that ti, a copy for
// small screens, repeats; nil when there is none.
func twinOf(all []*tableInfo, ti *tableInfo) *tableInfo {
	for _, o := range all {
		if o != ti && !o.smallScreen && o.sig == ti.sig {
			return o
		}
	}
	return nil
}

func (w *walker) headingBetween(from, to int) bool {
	for i := from + 1; i < to && i < len(w.blocks); i++ {
		if w.blocks[i].Kind == model.BlockHeading {
			return true
		}
	}
	return false
}

// mergeLines gives the kept table the lines only its dropped copy caught.
func mergeLines(kept, dup *model.Table) {
	if kept.Caption == "" {
		kept.Caption = dup.Caption
	}
	if kept.UnitLine == "" {
		kept.UnitLine = dup.UnitLine
	}
	if len(kept.Notes) == 0 {
		kept.Notes = dup.Notes
	}
}
