package normalize

import (
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/reference"
)

// A Normalizer turns Documents into Records and Passages. The zero value is
// ready to use; its fields are options.
type Normalizer struct {
	// MatchIndicator, when set, returns the id in the reference indicator
	// list for a cleaned row label and the unit decided for the figure, or
	// "" when unsure; it sets Record.IndicatorID. It must be safe for
	// concurrent use when the Normalizer is. Nil leaves IndicatorID empty.
	MatchIndicator func(label, unit string) string

	// PassageMin is the length in bytes under which consecutive paragraphs
	// of one section are merged into one passage; 0 means 400.
	PassageMin int
	// PassageMax is the length in bytes a passage grows to at most before
	// it is split at a sentence end; 0 means 1000.
	PassageMax int
}

// A Result is what Normalize makes of one Document.
type Result struct {
	Records  []model.Record  // one per figure: tables in table, row, col order, then prose in reading order
	Passages []model.Passage // the text, in reading order
	// Errors holds one SourceError (stage "normalize", with the cell's Pos)
	// per cell that looked like a number but could not be read; the rest
	// of its table is still read.
	Errors []*model.SourceError
	// Skipped counts, per table number, the grid slots that gave no record:
	// header cells, labels, codes, text, empty cells and span copies.
	Skipped map[int]int
}

// Normalize reads doc with the default Normalizer, which takes indicator
// ids from the reference list of BBV indicators.
func Normalize(doc *model.Document) Result {
	n := Normalizer{MatchIndicator: matchReference}
	return n.Normalize(doc)
}

// matchReference returns the id of the reference indicator label and unit
// name, or "" when the match is not certain.
func matchReference(label, unit string) string {
	id, _ := reference.MatchIndicator(label, unit)
	return id
}

// Normalize first settles whose document doc is (Identify: hints, else
// detection), then turns the tables of doc into Records, the figures in its
// paragraphs into Records with Table 0 (after the table records), and its
// headings, paragraphs and list items into Passages. The document fields of
// every record and passage are copied from doc.DocInfo. It does no I/O.
//
// Per figure: Column joins the header levels over the cell with " > ";
// PeriodKind follows the contract's ordered keyword rules over that header
// ("resultaat" is a difference only beside begroting and realisatie
// columns); Period is a year the row label states as its period ("(per
// 1.000 inwoners, 2018)", or the label's only year under columns without
// years), else the latest year in the header, else doc.DocYear, with
// PeriodSource "label", "header" or "doc_year". A year in a label under
// columns that each name their own year is a remark ("nieuwe indicator
// 2021") and does not override them. Unit is taken from the cell ("%", "€",
// a count's unit word), then a header that names a rate ("in %"), an
// Eenheid column, the label ("per 1.000", "%", "Aantal …"), and last the
// table (a € or scaled table gives euro). Scope is nederland for columns
// naming the country, referentie for benchmark, regio, average or
// gemeente-group columns, else gemeente. Marks on a cell or its label are
// joined to the table's footnote lines into Note.
func (n *Normalizer) Normalize(doc *model.Document) Result {
	res := Result{Skipped: map[int]int{}}
	if doc == nil {
		return res
	}
	Identify(doc)
	// Records are large; one allocation for the body cells of all tables
	// saves copying them while the slice grows.
	cells := 0
	for i := range doc.Blocks {
		if t := doc.Blocks[i].Table; t != nil && len(t.Rows) > t.HeaderRows {
			for _, row := range t.Rows[t.HeaderRows:] {
				for c := 1; c < len(row); c++ {
					if row[c].Text != "" && row[c].Origin && !row[c].Header {
						cells++
					}
				}
			}
		}
	}
	// Figures in prose come after the table records; reading them first
	// lets one allocation hold both.
	prose, proseErrs := n.ProseFigures(doc)
	res.Records = make([]model.Record, 0, cells+len(prose))
	ordinal := 0
	var sc scratch
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind != model.BlockTable || b.Table == nil {
			continue
		}
		ordinal++
		n.table(doc, b, ordinal, &sc, &res)
	}
	res.Records = append(res.Records, prose...)
	res.Errors = append(res.Errors, proseErrs...)
	res.Passages = n.passages(doc)
	return res
}

// joinPath joins heading or group levels with " > ".
func joinPath(levels []string) string {
	switch len(levels) {
	case 0:
		return ""
	case 1:
		return levels[0]
	}
	return strings.Join(levels, " > ")
}
