package normalize

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// corpusDir returns the repository's sample corpus.
func corpusDir(t testing.TB) string { return testcorpus.Dir(t) }

// The transcription of one corpus page (corpus/spec/<slug>.json).
type specDoc struct {
	Slug         string      `json:"slug"`
	Gemeente     string      `json:"gemeente"`
	GemeenteCode string      `json:"gemeente_code"`
	DocKind      string      `json:"doc_kind"`
	DocYear      int         `json:"doc_year"`
	URL          string      `json:"url"`
	Blocks       []specBlock `json:"blocks"`
}

type specBlock struct {
	Type       string              `json:"type"`
	Level      int                 `json:"level"`
	Text       string              `json:"text"`
	Items      []string            `json:"items"`
	Entries    []map[string]string `json:"entries"`
	Caption    *string             `json:"caption"`
	UnitLine   *string             `json:"unit_line"`
	HeaderRows [][]struct {
		Text    string `json:"text"`
		ColSpan int    `json:"colspan"`
	} `json:"header_rows"`
	Rows []struct {
		Type  string   `json:"type"`
		Text  string   `json:"text"`
		Cells []string `json:"cells"`
	} `json:"rows"`
	Notes []string `json:"notes"`
}

var groupedThousands = regexp.MustCompile(`(\d)\.(\d{3})`)

// specDocument builds the model.Document an extractor gives for the page:
// header rows with spans copied into every slot, section rows as one cell
// spanning the width (or, as on seed-lansingerland, a label alone), and the
// thousands drawn with a non-breaking space where the page does so (d05).
func specDocument(sd *specDoc) *model.Document {
	doc := &model.Document{DocInfo: model.DocInfo{
		Doc: "sha256:" + sd.Slug, Source: sd.Slug + ".html", Format: model.FormatHTML,
		Gemeente: sd.Gemeente, GemeenteCode: sd.GemeenteCode, DocKind: sd.DocKind, DocYear: sd.DocYear,
	}}
	var headings []string
	var levels []int
	section := func() []string { return append([]string(nil), headings...) }
	tableNo := 0
	for _, b := range sd.Blocks {
		switch b.Type {
		case "heading":
			for len(levels) > 0 && levels[len(levels)-1] >= b.Level {
				levels, headings = levels[:len(levels)-1], headings[:len(headings)-1]
			}
			doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockHeading, Level: b.Level, Text: b.Text, Section: section()})
			levels, headings = append(levels, b.Level), append(headings, b.Text)
		case "paragraph":
			doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockParagraph, Text: cleanSpaces(b.Text), Section: section()})
		case "list":
			for _, it := range b.Items {
				doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockListItem, Text: cleanSpaces(it), Section: section()})
			}
		case "deflist":
			for _, e := range b.Entries {
				for k, v := range e {
					doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockParagraph, Text: k + " " + cleanSpaces(v), Section: section()})
				}
			}
		case "table":
			tableNo++
			doc.Blocks = append(doc.Blocks, model.Block{Kind: model.BlockTable, Section: section(),
				Table: specTable(sd.Slug, tableNo, &b)})
		}
	}
	return doc
}

func specTable(slug string, idx int, b *specBlock) *model.Table {
	t := &model.Table{Index: idx, HeaderRows: len(b.HeaderRows), Notes: b.Notes}
	if b.Caption != nil {
		t.Caption = *b.Caption
	}
	if b.UnitLine != nil {
		t.UnitLine = *b.UnitLine
	}
	width := 0
	for _, h := range b.HeaderRows[0] {
		width += max(h.ColSpan, 1)
	}
	for _, hr := range b.HeaderRows {
		var row []model.Cell
		for _, h := range hr {
			span := max(h.ColSpan, 1)
			for k := range span {
				row = append(row, model.Cell{Text: cleanSpaces(h.Text), Header: true, Origin: k == 0, ColSpan: span, RowSpan: 1})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	for _, r := range b.Rows {
		var row []model.Cell
		if r.Type == "section" {
			if strings.Contains(slug, "lansingerland") {
				row = append(row, model.Cell{Text: r.Text, Origin: true, ColSpan: 1, RowSpan: 1})
				for len(row) < width {
					row = append(row, model.Cell{Origin: true, ColSpan: 1, RowSpan: 1})
				}
			} else {
				for k := range width {
					row = append(row, model.Cell{Text: r.Text, Origin: k == 0, ColSpan: width, RowSpan: 1, Bold: true})
				}
			}
		} else {
			for _, c := range r.Cells {
				txt := cleanSpaces(c)
				if slug == "d05" {
					txt = groupedThousands.ReplaceAllString(txt, "$1\u00a0$2")
				}
				row = append(row, model.Cell{Text: txt, Origin: true, ColSpan: 1, RowSpan: 1})
			}
		}
		for len(row) < width {
			row = append(row, model.Cell{Origin: true, Pad: true, ColSpan: 1, RowSpan: 1})
		}
		t.Rows = append(t.Rows, row)
	}
	for r := range t.Rows {
		for c := range t.Rows[r] {
			t.Rows[r][c].Pos = model.Pos{Table: idx, Row: r, Col: c}
		}
	}
	return t
}

type goldRecord struct {
	Indicator  string   `json:"indicator"`
	Period     int      `json:"period"`
	PeriodKind string   `json:"period_kind"`
	Column     string   `json:"column"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Scale      float64  `json:"scale"`
	Raw        string   `json:"raw"`
	Status     string   `json:"status"`
	Scope      string   `json:"scope"`
	Table      int      `json:"table"`
	Row        int      `json:"row"`
	Col        int      `json:"col"`
	Section    string   `json:"section"`
	PeriodSrc  string   `json:"period_source"`
}

func loadSpec(t testing.TB, dir, slug string) *specDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "spec", slug+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var sd specDoc
	if err := json.Unmarshal(data, &sd); err != nil {
		t.Fatalf("decode spec %s: %v", slug, err)
	}
	return &sd
}

func loadGold(t testing.TB, dir, slug string) []goldRecord {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "gold", slug+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold %s: %v", slug, err)
		}
		out = append(out, g)
	}
	return out
}

// TestCorpusSpec runs Normalize on every corpus page as transcribed and
// compares the records with the gold, cell by cell: precision and recall of
// figure positions, and the share of matched records with each attribute
// right (period_kind and unit only where the gold states one, as the scorer
// does).
func TestCorpusSpec(t *testing.T) {
	t.Run("header rows marked", func(t *testing.T) { testCorpusSpec(t, false) })
	// As an extractor gives tables whose header rows are <td><strong>
	// (seed-lansingerland, d02): no HeaderRows, bold cells.
	t.Run("header rows bold", func(t *testing.T) { testCorpusSpec(t, true) })
}

func testCorpusSpec(t *testing.T, boldHeaders bool) {
	dir := corpusDir(t)
	slugs, _ := filepath.Glob(filepath.Join(dir, "spec", "*.json"))
	sort.Strings(slugs)
	attrs := []string{"value", "status", "period", "period_kind", "unit", "scale", "indicator", "scope"}
	right := map[string]int{}
	total := map[string]int{}
	predicted, gold, matched := 0, 0, 0
	checks := map[string]int{}
	for _, p := range slugs {
		slug := strings.TrimSuffix(filepath.Base(p), ".json")
		sd := loadSpec(t, dir, slug)
		gs := loadGold(t, dir, slug)
		doc := specDocument(sd)
		if boldHeaders {
			for _, tbl := range doc.Tables() {
				for r := 0; r < tbl.HeaderRows; r++ {
					for c := range tbl.Rows[r] {
						tbl.Rows[r][c].Header, tbl.Rows[r][c].Bold = false, true
					}
				}
				tbl.HeaderRows = 0
			}
		}
		res := Normalize(doc)
		for _, e := range res.Errors {
			t.Errorf("%s: unexpected error %v", slug, e)
		}
		byPos := map[model.Pos]*model.Record{}
		tableRecords := 0
		for i := range res.Records {
			r := &res.Records[i]
			if r.Table == 0 {
				continue // figures in prose have tests of their own
			}
			tableRecords++
			checks[r.Check]++
			// Every sum in the corpus tables was verified by hand.
			if r.Check == CheckFail {
				t.Errorf("%s t%d r%d c%d %q: check fail", slug, r.Table, r.Row, r.Col, r.Raw)
			}
			byPos[model.Pos{Table: r.Table, Row: r.Row, Col: r.Col}] = r
		}
		predicted += tableRecords
		gold += len(gs)
		for _, g := range gs {
			r := byPos[model.Pos{Table: g.Table, Row: g.Row, Col: g.Col}]
			if r == nil {
				t.Errorf("%s t%d r%d c%d %q: no record", slug, g.Table, g.Row, g.Col, g.Raw)
				continue
			}
			matched++
			delete(byPos, model.Pos{Table: g.Table, Row: g.Row, Col: g.Col})
			got := map[string]bool{
				"value":       sameValue(r.Value, g.Value),
				"status":      r.Status == g.Status,
				"period":      r.Period == g.Period,
				"period_kind": r.PeriodKind == g.PeriodKind,
				"unit":        r.Unit == g.Unit,
				"scale":       r.Scale == g.Scale,
				"indicator":   r.Indicator == g.Indicator,
				"scope":       r.Scope == g.Scope,
			}
			for _, a := range attrs {
				if a == "period_kind" && g.PeriodKind == "" || a == "unit" && g.Unit == "" {
					continue
				}
				total[a]++
				if got[a] {
					right[a]++
				} else {
					t.Logf("%s t%d r%d c%d %q: %s differs: got %s, gold %s", slug, g.Table, g.Row, g.Col, g.Raw, a, show(r, a), showGold(g, a))
				}
			}
		}
		for _, r := range byPos {
			t.Errorf("%s t%d r%d c%d %q: record not in gold", slug, r.Table, r.Row, r.Col, r.Raw)
		}
	}
	prec := float64(matched) / float64(max(predicted, 1))
	rec := float64(matched) / float64(max(gold, 1))
	t.Logf("checks: ok %d, fail %d, none %d", checks[CheckOK], checks[CheckFail], checks[""])
	t.Logf("records: predicted %d, gold %d, matched %d: precision %.3f recall %.3f", predicted, gold, matched, prec, rec)
	for _, a := range attrs {
		acc := float64(right[a]) / float64(max(total[a], 1))
		t.Logf("%-12s %4d/%4d = %.3f", a, right[a], total[a], acc)
		if acc < 0.98 {
			t.Errorf("%s accuracy %.3f below 0.98", a, acc)
		}
	}
	if prec < 0.99 || rec < 0.99 {
		t.Errorf("precision %.3f / recall %.3f below 0.99", prec, rec)
	}
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(math.Abs(*a), math.Abs(*b))
}

func show(r *model.Record, a string) string {
	b, _ := json.Marshal(map[string]any{"value": r.Value, "status": r.Status, "period": r.Period, "period_kind": r.PeriodKind,
		"unit": r.Unit, "scale": r.Scale, "indicator": r.Indicator, "scope": r.Scope, "column": r.Column}[a])
	return string(b)
}

func showGold(g goldRecord, a string) string {
	b, _ := json.Marshal(map[string]any{"value": g.Value, "status": g.Status, "period": g.Period, "period_kind": g.PeriodKind,
		"unit": g.Unit, "scale": g.Scale, "indicator": g.Indicator, "scope": g.Scope, "column": g.Column}[a])
	return string(b)
}
