package normalize

import (
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
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
	Records  []model.Record  // one per figure, in table, row, col order
	Passages []model.Passage // the text, in reading order
	// Errors holds one SourceError (stage "normalize", with the cell's Pos)
	// per cell that looked like a number but could not be read; the rest
	// of its table is still read.
	Errors []*model.SourceError
	// Skipped counts, per table number, the grid slots that gave no record:
	// header cells, labels, codes, text, empty cells and span copies.
	Skipped map[int]int
}

// Normalize reads doc with the default Normalizer.
func Normalize(doc *model.Document) Result {
	var n Normalizer
	return n.Normalize(doc)
}

// Normalize turns the tables of doc into Records and its headings,
// paragraphs and list items into Passages. The document fields of every
// record and passage are copied from doc.DocInfo. It does no I/O.
func (n *Normalizer) Normalize(doc *model.Document) Result {
	res := Result{Skipped: map[int]int{}}
	if doc == nil {
		return res
	}
	// Records are large; one allocation for the body cells of all tables
	// saves copying them while the slice grows.
	cells := 0
	for i := range doc.Blocks {
		if t := doc.Blocks[i].Table; t != nil && len(t.Rows) > t.HeaderRows {
			cells += (len(t.Rows) - t.HeaderRows) * (t.Width() - 1)
		}
	}
	res.Records = make([]model.Record, 0, cells)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind != model.BlockTable || b.Table == nil {
			continue
		}
		n.table(doc, b, &res)
	}
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
