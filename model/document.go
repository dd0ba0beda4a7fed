package model

// DocInfo are the fields every record and passage carries about its document.
// Their JSON tags are part of the record contract.
type DocInfo struct {
	Doc          string `json:"doc"`           // "sha256:" + hex of the raw bytes
	Source       string `json:"source"`        // URL or path
	Format       Format `json:"format"`        // "html" or "pdf"
	Gemeente     string `json:"gemeente"`      // name as in the reference list; empty when unknown
	GemeenteCode string `json:"gemeente_code"` // CBS code, e.g. "GM1700"; empty when unknown
	DocKind      string `json:"doc_kind"`      // "jaarstukken", "begroting", …; empty when unknown
	DocYear      int    `json:"doc_year"`      // the year reported on; 0 when unknown

	// Successor names the gemeente a historic gemeente merged into, when
	// Gemeente no longer exists.
	Successor     string `json:"successor,omitempty"`
	SuccessorCode string `json:"successor_code,omitempty"`
}

// A Detection says how one document field was decided.
type Detection struct {
	Field string `json:"field"` // "gemeente", "doc_year" or "doc_kind"
	Value string `json:"value"` // the value decided; empty when undecided
	From  string `json:"from"`  // "hint", "host", "url", "filename", "title", "header", "text", or "" when undecided
}

// A Document is the content of one source: its blocks in reading order.
type Document struct {
	DocInfo
	Title      string      // the page or PDF title
	Site       string      // site-wide text naming the publisher (e.g. "Gemeente Houten"), for detection
	Pages      int         // PDF pages; 0 for HTML
	Engine     string      // what read the bytes ("goquery", "ledongthuc/pdf", …)
	Blocks     []Block     // headings, paragraphs, list items and tables in reading order
	Hints      Hints       `json:"-"` // what the user or manifest said of the source; beats detection
	Detections []Detection // how gemeente, year and kind were decided
	// Warnings are problems that did not stop the extraction: a page
	// without trustworthy text, a ragged row. Each carries its position.
	Warnings []*SourceError
}

// Tables returns the tables of d in order.
func (d *Document) Tables() []*Table {
	var ts []*Table
	for i := range d.Blocks {
		if d.Blocks[i].Table != nil {
			ts = append(ts, d.Blocks[i].Table)
		}
	}
	return ts
}

// BlockKind says what a block is.
type BlockKind string

// The kinds of block.
const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockListItem  BlockKind = "list_item"
	BlockTable     BlockKind = "table"
)

// A Block is one heading, paragraph, list item or table.
type Block struct {
	Kind    BlockKind `json:"kind"`
	Level   int       `json:"level,omitempty"` // heading level, 1 to 6
	Text    string    `json:"text,omitempty"`  // the text, whitespace collapsed; empty for a table
	Section []string  `json:"section"`         // the heading path above this block (a heading's own path ends with its parent)
	Page    int       `json:"page,omitempty"`  // PDF page from 1; 0 for HTML
	Table   *Table    `json:"table,omitempty"` // set when Kind is BlockTable
	// Trusted is false for PDF text whose font decoding failed the
	// text-quality check: fine for search, not for figures.
	Untrusted bool `json:"untrusted,omitempty"`
}

// A Table is a rectangular grid of cells: every row has the same number of
// cells, spans expanded.
type Table struct {
	Index      int      `json:"index"`               // number in the document from 1
	Page       int      `json:"page,omitempty"`      // first PDF page; 0 for HTML
	Caption    string   `json:"caption,omitempty"`   // <caption> or a title line printed just above
	UnitLine   string   `json:"unit_line,omitempty"` // a scale or unit line above or in the table ("bedragen x € 1.000")
	HeaderRows int      `json:"header_rows"`         // the first HeaderRows rows are header rows
	Rows       [][]Cell `json:"rows"`                // the grid; Rows[r][c].Row == r, .Col == c
	Notes      []string `json:"notes,omitempty"`     // footnote lines printed under the table ("1) inclusief …")
	Untrusted  bool     `json:"untrusted,omitempty"` // cells come from a page that failed the text-quality check
}

// Width returns the number of columns of t.
func (t *Table) Width() int {
	if len(t.Rows) == 0 {
		return 0
	}
	return len(t.Rows[0])
}

// A Cell is one slot of a table grid. A cell spanning several slots appears
// in each of them; only the first (top-left) has Origin set.
type Cell struct {
	Pos
	Text    string `json:"text"`              // visible text, whitespace collapsed; marks from markup removed
	Marks   string `json:"marks,omitempty"`   // footnote marks that markup set apart (<sup>2</sup>)
	Header  bool   `json:"header,omitempty"`  // a <th> or a cell of a header row
	Bold    bool   `json:"bold,omitempty"`    // printed bold
	RowSpan int    `json:"rowspan,omitempty"` // rows spanned by the origin cell (1 when not spanning)
	ColSpan int    `json:"colspan,omitempty"` // columns spanned by the origin cell
	Origin  bool   `json:"origin"`            // false for the copies a span leaves in the slots it covers
	Pad     bool   `json:"pad,omitempty"`     // added to square a ragged row; not in the source
}
