package normalize

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/jaarzoek/jaarzoek/model"
)

// colKind says what a table column holds.
type colKind int

const (
	colEmpty colKind = iota // nothing in the body
	colLabel                // the row labels
	colCode                 // taakveld codes
	colNr                   // row numbering
	colBron                 // the source of the row's figures
	colUnit                 // the unit of the row ("Eenheid")
	colVN                   // V/N markers of the amount before
	colValue                // figures
	colText                 // other text (toelichting, …)
)

// A column is what the table says about one grid column.
type column struct {
	kind   colKind
	header string // header levels joined with " > "
	years  []int
	tokens []string // headerTokens of header
	pkind  string
	scope  string
	// unit is what the lowest header level says of the whole column
	// ("Afwijking in %"); unitText is those words.
	unit, unitText string
}

// A parsed cell is the reading of a body cell's text, made once.
type parsed struct {
	num Number
	err error
}

// scratch holds the per-table working grids, reused from table to table
// of one document.
type scratch struct {
	parsed []parsed
	info   []cellInfo
}

// grow returns buf resliced to n elements, reallocated when too small.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n, n+n/4)
	}
	return buf[:n]
}

// parseBody reads every non-empty origin cell of the body rows.
func parseBody(rows [][]model.Cell, hr int, sc *scratch) [][]parsed {
	out := make([][]parsed, len(rows))
	if len(rows) <= hr {
		return out
	}
	w := len(rows[hr])
	sc.parsed = grow(sc.parsed, (len(rows)-hr)*w)
	flat := sc.parsed
	for r := hr; r < len(rows); r++ {
		out[r], flat = flat[:w:w], flat[w:]
		for c := range rows[r] {
			cell := &rows[r][c]
			if cell.Text == "" || cell.Pad || !cell.Origin {
				out[r][c] = parsed{err: ErrNotNumber}
				continue
			}
			out[r][c].num, out[r][c].err = parseNumber(cell.Text)
		}
	}
	return out
}

// A cellInfo is the reading of one body cell, kept for the sum checks.
type cellInfo struct {
	rec     int     // index in Result.Records, -1 when none
	printed float64 // the value as printed, before the scale
	ok      bool    // a figure with a value
}

var (
	nrHeaderRe    = regexp.MustCompile(`(?i)^(nr\.?|nummer|no\.?|#|code|taakveld(code)?|bbv[- ]?(nr\.?|nummer))$`)
	bronHeaderRe  = regexp.MustCompile(`(?i)^(bron|bronnen|databron|bron\s*/\s*peildatum)$`)
	unitHeaderRe  = regexp.MustCompile(`(?i)^(eenheid|eenheden)$`)
	vnHeaderRe    = regexp.MustCompile(`(?i)^(v\s*/\s*n|voordeel\s*/\s*nadeel)$`)
	labelPerRe10k = regexp.MustCompile(`(?i)per\s*10\.?000\b`)
	labelPerRe1k  = regexp.MustCompile(`(?i)per\s*1\.?000\b`)
	labelPctRe    = regexp.MustCompile(`(?i)%|\bpercentage\b|\bprocent\b`)
	labelAantalRe = regexp.MustCompile(`(?i)^aantal\b`)
)

// headerOf joins the header levels over column c, skipping empty levels and
// a level repeating the one above (a span over two header rows).
func headerOf(t *model.Table, hr, c int) string {
	var parts []string
	for r := 0; r < hr; r++ {
		txt := strings.TrimSpace(t.Rows[r][c].Text)
		if txt == "" || len(parts) > 0 && parts[len(parts)-1] == txt || scaleOnly(txt) {
			continue
		}
		parts = append(parts, txt)
	}
	return joinPath(parts)
}

// scaleOnly reports whether a header text states only a scale ("Bedragen x
// € 1.000" spanning the table), which names no column.
func scaleOnly(s string) bool {
	if _, ok := ParseScale(s); !ok {
		return false
	}
	return len(Years(s)) == 0 && PeriodKind(s, false) == ""
}

// headerRows returns the number of header rows of t: HeaderRows when the
// extractor set it, else the leading rows that are marked Header or bold,
// or that hold only text and years (header rows drawn as plain cells).
func headerRows(t *model.Table) int {
	if t.HeaderRows > 0 {
		h := min(t.HeaderRows, len(t.Rows))
		// A row of years right under the header rows, drawn as body
		// cells, is a header row too: years are not figures there.
		for h < len(t.Rows)-1 && yearsRow(t.Rows[h]) {
			h++
		}
		return h
	}
	h := 0
	for h < len(t.Rows)-1 && headerLike(t.Rows[h]) {
		h++
	}
	return h
}

// yearsRow reports whether row holds years in two or more cells and
// nothing else: no label, which a row of figures that happen to be years
// ("Bouwjaar 1985 2001") would have.
func yearsRow(row []model.Cell) bool {
	years := 0
	for _, c := range row {
		txt := strings.TrimSpace(c.Text)
		if txt == "" || c.Pad || !c.Origin {
			continue
		}
		if ys := Years(txt); len(ys) != 1 || len(txt) != 4 {
			return false
		}
		years++
	}
	return years >= 2
}

func headerLike(row []model.Cell) bool {
	filled, marked, texts := 0, 0, 0
	for _, c := range row {
		txt := strings.TrimSpace(c.Text)
		if txt == "" || c.Pad || !c.Origin {
			continue
		}
		filled++
		if c.Header || c.Bold {
			marked++
		}
		if ys := Years(txt); len(ys) == 1 && len(txt) == 4 {
			texts++
			continue
		}
		if _, err := parseNumber(txt); err != nil && !looksNumeric(txt) {
			texts++
		}
	}
	if filled == 0 {
		return false
	}
	if marked == filled {
		return true
	}
	// A single text is a group row, not a header.
	return filled >= 2 && texts == filled
}

// groupRow reports whether body row r holds one text and no figures: a
// group label such as "Lasten" or a full-width row.
func groupRow(row []model.Cell, ps []parsed) (string, bool) {
	text := ""
	n, at := 0, 0
	for i, c := range row {
		if c.Text == "" || c.Pad || !c.Origin && c.Text == text {
			continue
		}
		n++
		text, at = c.Text, i
	}
	if n != 1 {
		return "", false
	}
	if row[at].Origin && ps[at].err == nil {
		return "", false
	}
	if !hasLetter(text) {
		return "", false
	}
	return text, true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// looksNumeric reports whether a cell that failed to parse was meant as a
// figure: digits and at most two letters ("6.71a", "2018-2022").
func looksNumeric(s string) bool {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return digits > 0 && letters <= 2
}

func isVN(s string) bool {
	switch s {
	case "V", "N", "v", "n", "V/N", "-/-":
		return true
	}
	return false
}

// tableScale finds the scale of t's amounts: the unit line, the caption, or
// a header cell.
func tableScale(t *model.Table, hr int) (Scale, bool) {
	if sc, ok := ParseScale(t.UnitLine); ok {
		return sc, true
	}
	if sc, ok := ParseScale(t.Caption); ok {
		return sc, true
	}
	for r := 0; r < hr; r++ {
		for _, c := range t.Rows[r] {
			if !c.Origin {
				continue
			}
			if sc, ok := ParseScale(c.Text); ok {
				return sc, true
			}
		}
	}
	return Scale{}, false
}

// unitFromText reads a unit from a label or unit column.
func unitFromText(s string) string {
	l := strings.ToLower(s)
	if strings.Contains(l, "per") {
		switch {
		case labelPerRe10k.MatchString(l):
			return model.UnitPer10000
		case labelPerRe1k.MatchString(l):
			return model.UnitPer1000
		}
	}
	if strings.Contains(l, "%") || (strings.Contains(l, "procent") || strings.Contains(l, "percentage")) && labelPctRe.MatchString(l) {
		return model.UnitProcent
	}
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "aantal") && labelAantalRe.MatchString(t) {
		return model.UnitAantal
	}
	return ""
}

// unitPhrase returns the words of label that state unit: "per 1.000
// jongeren 12 - 18 jaar" up to the end of its parenthesis or clause, "%",
// "percentage", "aantal".
func unitPhrase(label, unit string) string {
	low := strings.ToLower(label)
	var i int
	switch unit {
	case model.UnitPer1000, model.UnitPer10000:
		i = strings.Index(low, "per")
		for i >= 0 && !(labelPerRe1k.MatchString(low[i:min(len(low), i+12)]) || labelPerRe10k.MatchString(low[i:min(len(low), i+12)])) {
			j := strings.Index(low[i+3:], "per")
			if j < 0 {
				i = -1
				break
			}
			i += 3 + j
		}
	case model.UnitProcent:
		if strings.Contains(label, "%") {
			return "%"
		}
		i = strings.Index(low, "percentage")
		if i < 0 {
			i = strings.Index(low, "procent")
		}
		return strings.Fields(label[i:])[0]
	case model.UnitAantal:
		return "aantal"
	}
	if i < 0 {
		return ""
	}
	end := len(label)
	if j := strings.IndexAny(label[i:], ",)"); j >= 0 {
		end = i + j
	}
	return strings.TrimSpace(label[i:end])
}

// unitFromColumn reads an Eenheid cell, which may also be "€" or "euro".
func unitFromColumn(s string) string {
	if u := unitFromText(s); u != "" {
		return u
	}
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "€"), strings.Contains(l, "euro"):
		return model.UnitEuro
	case strings.HasPrefix(l, "aantal"), l == "#", l == "abs", l == "absoluut":
		return model.UnitAantal
	case l == "ja/nee":
		return model.UnitJaNee
	}
	return ""
}

// noteMarkRe takes the mark off a footnote line: "* …", "** …", "¹ …",
// "1) …", "(1) …", "1. …".
var noteMarkRe = regexp.MustCompile(`^(\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\)|\d{1,2}\.?\s|[a-z]\))\s*`)

// markKey normalises a mark so "¹", "1)", "(1)" and "1" meet.
func markKey(m string) string {
	m = strings.TrimSpace(m)
	m = strings.Trim(m, "()")
	m = strings.TrimSuffix(m, ".")
	var b strings.Builder
	for _, r := range m {
		switch r {
		case '¹':
			r = '1'
		case '²':
			r = '2'
		case '³':
			r = '3'
		case '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
			r = '0' + (r - '⁰')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// parseNotes maps each footnote mark of notes to its text; the first line
// with a mark wins.
func parseNotes(notes []string) map[string]string {
	if len(notes) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, line := range notes {
		line = cleanSpaces(line)
		loc := noteMarkRe.FindStringSubmatchIndex(line)
		if loc == nil {
			continue
		}
		k := markKey(line[loc[2]:loc[3]])
		if _, dup := m[k]; !dup && k != "" {
			m[k] = strings.TrimSpace(line[loc[1]:])
		}
	}
	return m
}

// noteFor returns the footnote text of the marks, joined with " | " when
// several point to notes.
func noteFor(notes map[string]string, marks string) string {
	if notes == nil || marks == "" {
		return ""
	}
	var out []string
	for _, m := range strings.Fields(marks) {
		if txt, ok := notes[markKey(m)]; ok {
			out = append(out, txt)
		}
	}
	return strings.Join(out, " | ")
}

// ErrUnreadable is the cause of a Result error: a cell in a figure column
// looked like a number ("6.71a", "2018-2022") but could not be read. The
// error also wraps the cause from ParseNumber (ErrNotNumber or ErrRange).
var ErrUnreadable = errors.New("normalize: cell looks like a figure but cannot be read")

// table reads one table block into res.
// ordinal numbers the table in doc from 1, for an extractor that left
// Table.Index unset.
func (n *Normalizer) table(doc *model.Document, b *model.Block, ordinal int, scr *scratch, res *Result) {
	t := b.Table
	if len(t.Rows) == 0 || t.Width() == 0 {
		return
	}
	t = squared(t)
	idx := t.Index
	if idx == 0 {
		idx = ordinal
	}
	hr := headerRows(t)
	w := t.Width()
	rows := t.Rows
	skipped := 0

	// Group rows first: they hold no figures and must not sway the column
	// kinds.
	ps := parseBody(rows, hr, scr)
	groups := make([]string, len(rows))
	isGroup := make([]bool, len(rows))
	for r := hr; r < len(rows); r++ {
		groups[r], isGroup[r] = groupRow(rows[r], ps[r])
	}

	cols := make([]column, w)
	for c := range w {
		cols[c].header = headerOf(t, hr, c)
	}
	classify(t, hr, isGroup, cols, ps)
	labelCol := -1
	for c := range cols {
		if cols[c].kind == colLabel {
			labelCol = c
			break
		}
	}

	// In a time series down the rows the years label the rows and the
	// column headers name the indicators.
	yearRows := labelCol >= 0 && yearColumn(rows, hr, isGroup, labelCol)
	var colLabs []labelInfo
	if yearRows {
		colLabs = make([]labelInfo, w)
		for c := range cols {
			colLabs[c] = readLabel(lastLevel(cols[c].header))
		}
	}

	sc, hasScale := tableScale(t, hr)
	euroTable := hasScale && (sc.Euro || sc.Pow > 0)
	if !euroTable {
		for _, s := range []string{t.UnitLine, t.Caption} {
			if strings.Contains(s, "€") {
				euroTable = true
			}
		}
		for r := 0; r < hr && !euroTable; r++ {
			for _, c := range rows[r] {
				if strings.Contains(c.Text, "€") {
					euroTable = true
					break
				}
			}
		}
	}

	// Period kinds need to know whether the table has both budget and
	// actual columns ("resultaat" then means the difference).
	hasBudget, hasActual := false, false
	var yearSet = map[int]bool{}
	for c := range cols {
		if cols[c].kind != colValue {
			continue
		}
		cols[c].tokens = headerTokens(cols[c].header)
		k := periodKind(cols[c].header, cols[c].tokens, false)
		switch {
		case k == model.PeriodBegroting || k == model.PeriodBegrotingNaWijziging:
			hasBudget = true
		case k == model.PeriodRealisatie && !slices.Contains(cols[c].tokens, "resultaat"):
			hasActual = true
		}
	}
	for c := range cols {
		if cols[c].kind != colValue {
			continue
		}
		cols[c].pkind = periodKind(cols[c].header, cols[c].tokens, hasBudget && hasActual)
		cols[c].years = Years(cols[c].header)
		for _, y := range cols[c].years {
			yearSet[y] = true
		}
		cols[c].scope = scopeOf(cols[c].header, cols[c].tokens, doc.Gemeente)
		if u := unitFromText(lastLevel(cols[c].header)); u == model.UnitProcent || u == model.UnitPer1000 || u == model.UnitPer10000 {
			cols[c].unit, cols[c].unitText = u, unitPhrase(lastLevel(cols[c].header), u)
		}
	}
	notes := parseNotes(t.Notes)
	financial := euroTable || isFinancial(cols)
	codedLabels := financial && labelCol >= 0 && taakveldLabels(rows, hr, labelCol)

	section := joinPath(b.Section)
	untrusted := b.Untrusted || t.Untrusted
	var path []string
	lastGroup := false
	info := make([][]cellInfo, len(rows))
	scr.info = grow(scr.info, len(rows)*w)
	infoFlat := scr.info
	// Values live in one array per table; records point into it.
	values := make([]float64, 0, (len(rows)-hr)*w)
	labels := make([]string, len(rows))

	for r := range rows {
		row := rows[r]
		if r < hr {
			skipped += len(row)
			continue
		}
		if isGroup[r] {
			g := cleanSpaces(groups[r])
			if i := indexOf(path, g); i >= 0 {
				path = append(path[:i], g)
			} else if lastGroup || len(path) == 0 {
				path = append(path, g)
			} else {
				path[len(path)-1] = g
			}
			lastGroup = true
			labels[r] = g
			skipped += len(row)
			continue
		}
		lastGroup = false
		info[r] = infoFlat[r*w : (r+1)*w : (r+1)*w]
		for c := range info[r] {
			info[r][c] = cellInfo{rec: -1}
		}

		var label, taakveld, bron, unitText, unitCol string
		if labelCol >= 0 {
			label = row[labelCol].Text
		}
		for c := range cols {
			txt := strings.TrimSpace(row[c].Text)
			switch cols[c].kind {
			case colCode:
				if taakveldRe.MatchString(txt) {
					taakveld = txt
				}
			case colBron:
				bron = txt
			case colUnit:
				unitText = txt
				unitCol = unitFromColumn(txt)
			}
		}
		if code, rest := leadingTaakveld(label); code != "" && codedLabels && taakveld == "" {
			taakveld, label = code, rest
		}
		rowLab := readLabel(label)
		if labelCol >= 0 && row[labelCol].Marks != "" {
			rowLab.marks = strings.TrimSpace(row[labelCol].Marks + " " + rowLab.marks)
		}
		labels[r] = rowLab.indicator
		ly, strong := labelYear(rowLab.indicator)
		rowPath := joinPath(path)

		for c := range cols {
			cell := &row[c]
			if cols[c].kind != colValue || !cell.Origin || cell.Pad || cell.Header || strings.TrimSpace(cell.Text) == "" {
				skipped++
				continue
			}
			pos := cell.Pos
			pos.Table, pos.Row, pos.Col = idx, r, c
			if pos.Page == 0 {
				pos.Page = t.Page
			}
			num, err := ps[r][c].num, ps[r][c].err
			if err != nil {
				skipped++
				if looksNumeric(cell.Text) {
					res.Errors = append(res.Errors, &model.SourceError{
						Source: doc.Source, Stage: model.StageNormalize, Pos: pos,
						Err: fmt.Errorf("%w: %q: %w", ErrUnreadable, cell.Text, err),
					})
				}
				continue
			}
			printed := num
			marks := num.Marks
			if cell.Marks != "" {
				marks = strings.TrimSpace(cell.Marks + " " + marks)
			}
			// A V/N in the next column belongs to this amount.
			if c+1 < w && cols[c+1].kind == colVN {
				if vn := strings.TrimSpace(row[c+1].Text); vn != "" {
					marks = strings.TrimSpace(marks + " " + strings.ToUpper(vn))
				}
			}

			lab := &rowLab
			if yearRows {
				lab = &colLabs[c]
			}
			rec := model.Record{
				DocInfo:      doc.DocInfo,
				Section:      section,
				Pos:          pos,
				RowPath:      rowPath,
				Indicator:    lab.indicator,
				IndicatorKey: lab.key,
				Taakveld:     taakveld,
				Column:       cols[c].header,
				PeriodKind:   cols[c].pkind,
				Raw:          cell.Text,
				Marks:        marks,
				Bron:         bron,
				Scope:        cols[c].scope,
				Scale:        1,
				Untrusted:    untrusted,
			}
			rec.ID = model.RecordID(doc.Doc, pos, 0)

			// Period: a year the label states plainly, or the only year of
			// a label under columns without years; else the header's
			// latest year; else the document year.
			switch {
			case ly != 0 && (len(cols[c].years) == 0 || strong && len(yearSet) <= 1):
				rec.Period, rec.PeriodSource = ly, "label"
			case len(cols[c].years) > 0:
				rec.Period, rec.PeriodSource = maxInt(cols[c].years), "header"
			default:
				rec.Period, rec.PeriodSource = doc.DocYear, "doc_year"
			}

			if num.Missing {
				rec.Status = model.StatusMissing
				if hasScale && sc.Pow > 0 && lab.unit == "" && unitCol == "" {
					rec.Scale = sc.Factor()
				}
			} else {
				rec.Status = model.StatusOK
				unit := num.Unit
				own := unit != ""
				rec.UnitText = num.UnitText
				if unit == "" && cols[c].unit != "" {
					unit, rec.UnitText = cols[c].unit, cols[c].unitText
				}
				if unit == "" && unitCol != "" {
					unit, rec.UnitText = unitCol, unitText
				}
				if unit == "" && lab.unit != "" {
					unit, rec.UnitText = lab.unit, lab.unitText
				}
				pow := 0
				switch {
				case lab.hasScale && !own:
					pow = lab.scale.Pow
					if unit == "" {
						unit = model.UnitEuro
					}
				case hasScale && !own && (unit == "" || unit == model.UnitEuro):
					pow = sc.Pow
				}
				if unit == "" && euroTable {
					unit = model.UnitEuro
				}
				rec.Unit = unit
				if pow != 0 {
					num = num.Scaled(pow)
				}
				rec.Scale = Scale{Pow: pow}.Factor()
				values = append(values, num.Float())
				rec.Value = &values[len(values)-1]
			}
			if rec.Note = noteFor(notes, marks); rec.Note == "" {
				rec.Note = noteFor(notes, lab.marks)
			}
			if n.MatchIndicator != nil {
				rec.IndicatorID = n.MatchIndicator(lab.indicator, rec.Unit)
			}
			info[r][c] = cellInfo{rec: len(res.Records), printed: printed.Float(), ok: rec.Status == model.StatusOK}
			res.Records = append(res.Records, rec)
		}
	}
	res.Skipped[idx] += skipped
	checkTable(res.Records, rows, hr, cols, isGroup, labels, info, financial)
}

// squared returns t, or a copy padded to its widest row when an extractor
// left it ragged, so every row can be indexed by column.
func squared(t *model.Table) *model.Table {
	w := 0
	ragged := false
	for _, row := range t.Rows {
		if w != 0 && len(row) != w {
			ragged = true
		}
		w = max(w, len(row))
	}
	if !ragged {
		return t
	}
	c := *t
	c.Rows = make([][]model.Cell, len(t.Rows))
	for r, row := range t.Rows {
		c.Rows[r] = append(make([]model.Cell, 0, w), row...)
		for len(c.Rows[r]) < w {
			c.Rows[r] = append(c.Rows[r], model.Cell{Pos: model.Pos{Table: t.Index, Row: r, Col: len(c.Rows[r])}, Origin: true, Pad: true})
		}
	}
	return &c
}

// A labelInfo is what a row label (or, in a time series down the rows, a
// column header) says about the figures it names.
type labelInfo struct {
	indicator, key string
	marks          string // footnote marks taken off its end
	unit, unitText string
	scale          Scale // a scale of its own ("WOZ-waarde (x 1.000 euro)")
	hasScale       bool
}

func readLabel(label string) labelInfo {
	var l labelInfo
	l.indicator, l.marks = CleanIndicator(label)
	l.key = IndicatorKey(l.indicator)
	if l.unit = unitFromText(l.indicator); l.unit != "" {
		l.unitText = unitPhrase(l.indicator, l.unit)
	}
	if s, ok := ParseScale(l.indicator); ok && s.Pow > 0 {
		l.scale, l.hasScale = s, true
	}
	return l
}

// taakveldLabels reports whether the labels of column c start with
// taakveld codes of more than one hoofdtaakveld ("0.1 Bestuur", "6.1
// Samenkracht"), which tells them from programme numbering ("1.1 Thema
// Jeugd", "1.2 Thema WMO").
func taakveldLabels(rows [][]model.Cell, hr, c int) bool {
	first := byte(0)
	for r := hr; r < len(rows); r++ {
		code, _ := leadingTaakveld(rows[r][c].Text)
		if code == "" {
			continue
		}
		if first == 0 {
			first = code[0]
		} else if code[0] != first {
			return true
		}
	}
	return false
}

// yearColumn reports whether the body labels of column c are all years.
func yearColumn(rows [][]model.Cell, hr int, isGroup []bool, c int) bool {
	n := 0
	for r := hr; r < len(rows); r++ {
		if isGroup[r] {
			continue
		}
		txt := strings.TrimSpace(rows[r][c].Text)
		if txt == "" {
			continue
		}
		if ys := Years(txt); len(ys) != 1 || len(txt) != 4 {
			return false
		}
		n++
	}
	return n > 0
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func maxInt(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

// nlWords and refWords name national and reference columns.
var (
	nlWords  = set("nl", "nederland", "landelijk", "landelijke", "rijk")
	refWords = set("benchmark", "regio", "regionaal", "referentie", "gemiddeld", "gemiddelde", "peer", "peergroup",
		"vergelijkbare", "vergelijkingsgroep", "gemeenten", "grootteklasse", "provincie")
)

// scopeOf says whose figures a column holds: a column naming the country
// is nederland ("NL", "Landelijk gemiddelde"), one naming a benchmark,
// region, average or group of gemeenten is referentie ("Weinig stedelijke
// gemeenten", "G40"), anything else is the gemeente's own.
func scopeOf(header string, toks []string, gemeente string) string {
	if header == "" {
		return model.ScopeGemeente
	}
	if gemeente != "" && strings.Contains(strings.ToLower(header), strings.ToLower(gemeente)) {
		return model.ScopeGemeente
	}
	nl, ref := false, false
	for i, t := range toks {
		switch {
		case nlWords[t]:
			nl = true
		case refWords[t]:
			ref = true
		case t == "g" && i+1 < len(toks) && toks[i+1][0] >= '0' && toks[i+1][0] <= '9':
			ref = true // "G40", "G4"
		}
	}
	switch {
	case nl:
		return model.ScopeNederland
	case ref:
		return model.ScopeReferentie
	}
	return model.ScopeGemeente
}

// isFinancial reports whether the columns are those of a baten/lasten
// overview.
func isFinancial(cols []column) bool {
	for _, c := range cols {
		h := strings.ToLower(c.header)
		if strings.Contains(h, "lasten") || strings.Contains(h, "baten") || strings.Contains(h, "saldo") {
			return true
		}
	}
	return false
}

// classify decides the kind of every column from its header and body.
func classify(t *model.Table, hr int, isGroup []bool, cols []column, ps [][]parsed) {
	w := len(cols)
	type stats struct{ nonEmpty, num, missing, text, code, vn, smallInt, bad, years int }
	st := make([]stats, w)
	for r := hr; r < len(t.Rows); r++ {
		if isGroup[r] {
			continue
		}
		for c := range w {
			cell := t.Rows[r][c]
			txt := strings.TrimSpace(cell.Text)
			if txt == "" || cell.Pad || !cell.Origin {
				continue
			}
			s := &st[c]
			s.nonEmpty++
			if taakveldRe.MatchString(txt) {
				s.code++
			}
			if isVN(txt) {
				s.vn++
			}
			num, err := ps[r][c].num, ps[r][c].err
			switch {
			case err == nil && num.Missing:
				s.missing++
			case err == nil:
				s.num++
				if num.Exp == 0 && num.Mant > 0 && num.Mant < 1000 && !strings.ContainsAny(txt, ".,%€") {
					s.smallInt++
				}
				if len(txt) == 4 && num.Exp == 0 && num.Mant >= 1980 && num.Mant <= 2049 {
					s.years++
				}
			case looksNumeric(txt):
				s.bad++
			default:
				s.text++
			}
		}
	}
	textElsewhere := false
	for _, x := range st[1:] {
		textElsewhere = textElsewhere || x.text > 0
	}
	label := -1
	for c := range w {
		h := strings.TrimSpace(t.Rows[0][c].Text)
		if hr > 0 {
			h = cols[c].header
		}
		s := st[c]
		switch {
		case s.nonEmpty == 0:
			cols[c].kind = colEmpty
		case bronHeaderRe.MatchString(lastLevel(h)):
			cols[c].kind = colBron
		case unitHeaderRe.MatchString(lastLevel(h)):
			cols[c].kind = colUnit
		case s.vn == s.nonEmpty || vnHeaderRe.MatchString(lastLevel(h)):
			cols[c].kind = colVN
		case s.code*2 > s.nonEmpty && s.code >= s.num/2 && label < 0:
			cols[c].kind = colCode
		case label < 0 && (nrHeaderRe.MatchString(lastLevel(h)) || c+1 < w && st[c+1].text > 0 && s.smallInt == s.nonEmpty && ascending(t, hr, isGroup, c, ps)):
			cols[c].kind = colNr
		case label < 0 && s.text*2 >= s.nonEmpty:
			cols[c].kind = colLabel
			label = c
		case c == 0 && s.years == s.nonEmpty && !textElsewhere:
			// A time series down the rows: the years are the labels.
			cols[c].kind = colLabel
			label = c
		case s.num+s.missing+s.bad > s.text:
			cols[c].kind = colValue
		default:
			cols[c].kind = colText
		}
	}
}

// lastLevel returns the lowest header level of a joined header.
func lastLevel(h string) string {
	if i := strings.LastIndex(h, " > "); i >= 0 {
		return h[i+3:]
	}
	return h
}

// ascending reports whether the body numbers of column c rise row by row,
// as numbering does.
func ascending(t *model.Table, hr int, isGroup []bool, c int, ps [][]parsed) bool {
	prev := int64(-1)
	for r := hr; r < len(t.Rows); r++ {
		if isGroup[r] {
			continue
		}
		txt := strings.TrimSpace(t.Rows[r][c].Text)
		if txt == "" {
			continue
		}
		num, err := ps[r][c].num, ps[r][c].err
		if err != nil || num.Mant <= prev {
			return false
		}
		prev = num.Mant
	}
	return true
}
