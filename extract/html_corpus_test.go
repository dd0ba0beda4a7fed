package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// corpusDir returns the repository's sample corpus.
func corpusDir(t testing.TB) string { return testcorpus.Dir(t) }

// specDoc is the part of a corpus transcription (spec/<slug>.json) this test reads.
type specDoc struct {
	Slug   string      `json:"slug"`
	Blocks []specBlock `json:"blocks"`
}

type specBlock struct {
	Type       string       `json:"type"`
	Level      int          `json:"level"`
	Text       string       `json:"text"`
	Caption    *string      `json:"caption"`
	UnitLine   *string      `json:"unit_line"`
	HeaderRows [][]specHead `json:"header_rows"`
	Rows       []specRow    `json:"rows"`
	Notes      []string     `json:"notes"`
}

type specHead struct {
	Text    string `json:"text"`
	ColSpan int    `json:"colspan"`
}

type specRow struct {
	Type  string   `json:"type"` // "data" or "section"
	Cells []string `json:"cells"`
	Text  string   `json:"text"`
}

// nbspThousands matches digits grouped by a space ("1 788"), which the
// transcriptions write with a dot ("1.788").
var nbspThousands = regexp.MustCompile(`(\d) (\d{3})\b`)

func sameCellText(got, want string) bool {
	if got == want {
		return true
	}
	return nbspThousands.ReplaceAllString(got, "$1.$2") == want
}

// TestHTMLCorpusTables compares every table HTML finds in the corpus pages
// with the transcription: the same tables in order, header rows, every cell
// text, caption, unit line and notes; and the headings in order.
func TestHTMLCorpusTables(t *testing.T) {
	corpus := corpusDir(t)
	specs, err := filepath.Glob(filepath.Join(corpus, "spec", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, specFile := range specs {
		slug := strings.TrimSuffix(filepath.Base(specFile), ".json")
		page := filepath.Join(corpus, "docs", slug+".html")
		if _, err := os.Stat(page); err != nil {
			continue
		}
		pages++
		t.Run(slug, func(t *testing.T) {
			var spec specDoc
			b, err := os.ReadFile(specFile)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &spec); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := HTML(context.Background(), model.Raw{Source: model.Source{Location: page}, Data: data})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			compareHeadings(t, spec, doc)
			var want []specBlock
			for _, sb := range spec.Blocks {
				if sb.Type == "table" {
					want = append(want, sb)
				}
			}
			got := doc.Tables()
			if len(got) != len(want) {
				t.Fatalf("%d tables, transcription has %d", len(got), len(want))
			}
			for i := range want {
				compareTable(t, i+1, want[i], got[i])
			}
		})
	}
	if pages == 0 {
		t.Fatal("no corpus HTML pages")
	}
}

func compareHeadings(t *testing.T, spec specDoc, doc *model.Document) {
	t.Helper()
	var want, got []string
	for _, sb := range spec.Blocks {
		if sb.Type == "heading" {
			want = append(want, collapse(sb.Text))
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == model.BlockHeading {
			got = append(got, b.Text)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n got %q\nwant %q", got, want)
	}
}

func compareTable(t *testing.T, n int, want specBlock, got *model.Table) {
	t.Helper()
	if got.HeaderRows != len(want.HeaderRows) {
		t.Errorf("table %d: %d header rows, want %d", n, got.HeaderRows, len(want.HeaderRows))
	}
	var rows [][]string
	for _, hr := range want.HeaderRows {
		var row []string
		for _, h := range hr {
			for k := 0; k < max(h.ColSpan, 1); k++ {
				row = append(row, h.Text)
			}
		}
		rows = append(rows, row)
	}
	sections := map[int]string{}
	for _, r := range want.Rows {
		if r.Type == "section" {
			sections[len(rows)] = r.Text
			rows = append(rows, nil)
			continue
		}
		rows = append(rows, r.Cells)
	}
	if len(got.Rows) != len(rows) {
		t.Errorf("table %d: %d rows, want %d", n, len(got.Rows), len(rows))
	}
	for r := 0; r < len(rows) && r < len(got.Rows); r++ {
		if text, ok := sections[r]; ok {
			var texts []string
			for _, c := range got.Rows[r] {
				if c.Origin && c.Text != "" {
					texts = append(texts, c.Text)
				}
			}
			if len(texts) != 1 || texts[0] != text {
				t.Errorf("table %d row %d: section row %q, want %q", n, r, texts, text)
			}
			continue
		}
		if len(got.Rows[r]) != len(rows[r]) {
			t.Errorf("table %d row %d: %d cells, want %d", n, r, len(got.Rows[r]), len(rows[r]))
			continue
		}
		for c, w := range rows[r] {
			if g := got.Rows[r][c].Text; !sameCellText(g, collapse(w)) {
				t.Errorf("table %d cell %d,%d: %q, want %q", n, r, c, g, w)
			}
		}
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if got.Caption != str(want.Caption) {
		t.Errorf("table %d: caption %q, want %q", n, got.Caption, str(want.Caption))
	}
	if got.UnitLine != str(want.UnitLine) {
		t.Errorf("table %d: unit line %q, want %q", n, got.UnitLine, str(want.UnitLine))
	}
	var wantNotes []string
	for _, s := range want.Notes {
		wantNotes = append(wantNotes, collapse(s))
	}
	if strings.Join(got.Notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("table %d: notes %q, want %q", n, got.Notes, wantNotes)
	}
}
