package model

// Status values of a Record.
const (
	StatusOK      = "ok"
	StatusMissing = "missing"
)

// Unit values of a Record.
const (
	UnitAantal   = "aantal"
	UnitProcent  = "procent"
	UnitEuro     = "euro"
	UnitPer1000  = "per_1000"
	UnitPer10000 = "per_10000"
	UnitJaNee    = "ja_nee"
)

// Period kinds of a Record.
const (
	PeriodRealisatie           = "realisatie"
	PeriodBegroting            = "begroting"
	PeriodBegrotingNaWijziging = "begroting_na_wijziging"
	PeriodAfwijking            = "afwijking"
	PeriodStreefwaarde         = "streefwaarde"
	PeriodRaming               = "raming"
)

// Scopes of a Record.
const (
	ScopeGemeente   = "gemeente"
	ScopeNederland  = "nederland"
	ScopeReferentie = "referentie"
)

// A Record is one figure: a number in a table (or in a sentence, with Table
// 0), what it measures, and where it came from. Its JSON is the public record
// contract of jaarzoek.
type Record struct {
	ID string `json:"id"` // stable: a hash of doc, table, row, col (and the prose offset for table 0)
	DocInfo
	Section string `json:"section"` // heading path, " > " between levels
	Pos
	RowPath      string   `json:"row_path"`      // group rows above this row, " > " between levels
	Indicator    string   `json:"indicator"`     // the row label as printed, cleaned
	IndicatorKey string   `json:"indicator_key"` // lower case, no accents, keeps %
	IndicatorID  string   `json:"indicator_id"`  // id in the reference indicator list; empty when unsure
	Taakveld     string   `json:"taakveld"`      // Iv3 taakveld code of the row
	Column       string   `json:"column"`        // header levels joined with " > "
	Period       int      `json:"period"`        // the year the value is about
	PeriodKind   string   `json:"period_kind"`   // realisatie, begroting, …; empty when the header says nothing
	Value        *float64 `json:"value,omitempty"`
	Unit         string   `json:"unit"`
	UnitText     string   `json:"unit_text"`
	Scale        float64  `json:"scale"` // multiplier applied to the printed number; 1 when none
	Raw          string   `json:"raw"`   // the cell text exactly as printed
	Marks        string   `json:"marks"` // footnote marks and V/N taken off the cell
	Note         string   `json:"note"`  // footnote text the marks point to
	Bron         string   `json:"bron"`
	Status       string   `json:"status"` // "ok" or "missing"
	Scope        string   `json:"scope"`  // "gemeente", "nederland" or "referentie"
	Check        string   `json:"check"`  // "ok" or "fail" when part of a printed sum

	// PeriodSource says where Period came from: "header", "label" or "doc_year".
	PeriodSource string `json:"period_source,omitempty"`
	// Context is the sentence a prose figure (Table 0) was read from.
	Context string `json:"context,omitempty"`
	// Offset is the byte offset of a prose figure in the document's prose:
	// the texts of its paragraph and list-item blocks joined with "\n".
	Offset int `json:"offset,omitempty"`
	// Untrusted marks a figure read from a PDF page that failed the
	// text-quality check.
	Untrusted bool `json:"untrusted,omitempty"`
}

// A Passage is a piece of a section's text, about a paragraph, for search.
type Passage struct {
	ID string `json:"id"` // stable: a hash of doc and Seq
	DocInfo
	Section string `json:"section"` // heading path, " > " between levels
	Page    int    `json:"page"`    // PDF page from 1; 0 for HTML
	Seq     int    `json:"seq"`     // position of the passage in its document from 0
	Text    string `json:"text"`
}
