package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// updating reports whether -update was given: golden files are rewritten.
// The flag is registered once for the package's golden tests.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
	return true
}()

// htmlGolden is what a golden file holds: the Document, or the error.
type htmlGolden struct {
	Error    string          `json:"error,omitempty"`
	Document *model.Document `json:"document,omitempty"`
	Warnings []string        `json:"warnings,omitempty"`
}

// readCase reads testdata/<name>.html as a Raw; testdata/<name>.content-type,
// when present, holds the Content-Type header it was served with.
func readCase(t testing.TB, path string) model.Raw {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	raw := model.Raw{
		Source: model.Source{Location: filepath.Base(path)},
		Format: model.FormatHTML,
		Data:   data,
	}
	if ct, err := os.ReadFile(strings.TrimSuffix(path, ".html") + ".content-type"); err == nil {
		raw.ContentType = strings.TrimSpace(string(ct))
	}
	return raw
}

// corpusGoldenPages are the sample corpus pages (corpus/docs) whose
// Documents have golden files here beside the made cases.
var corpusGoldenPages = []string{"d02", "d05", "d09", "seed-lansingerland-2017",
	"seed-leiderdorp-2022", "seed-ooststellingwerf-2019", "seed-twenterand-2022"}

// htmlCases returns testdata/*.html and the corpus pages with goldens.
func htmlCases(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.html")
	}
	for _, name := range corpusGoldenPages {
		files = append(files, testcorpus.Doc(t, name+".html"))
	}
	return files
}

func TestHTMLGolden(t *testing.T) {
	for _, file := range htmlCases(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".html")
		t.Run(name, func(t *testing.T) {
			raw := readCase(t, file)
			doc, err := HTML(context.Background(), raw)
			var got htmlGolden
			if err != nil {
				got.Error = err.Error()
			} else {
				checkDocument(t, doc)
				got.Document = doc
				for _, w := range doc.Warnings {
					got.Warnings = append(got.Warnings, w.Error())
				}
			}
			out, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if updating() {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to write it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("%s differs from the golden file; run go test ./extract -update and review the diff\n%s",
					name, firstDiff(string(want), string(out)))
			}
		})
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// checkDocument checks what every Document must hold: rectangular tables
// numbered from 1, every cell where its Pos says, spans that cover copies.
func checkDocument(t testing.TB, doc *model.Document) {
	t.Helper()
	for i, tb := range doc.Tables() {
		if tb.Index != i+1 {
			t.Errorf("table %d has Index %d", i+1, tb.Index)
		}
		w := tb.Width()
		if w == 0 {
			t.Errorf("table %d is empty", tb.Index)
		}
		if tb.HeaderRows < 0 || tb.HeaderRows > len(tb.Rows) {
			t.Errorf("table %d: HeaderRows %d of %d rows", tb.Index, tb.HeaderRows, len(tb.Rows))
		}
		for r, row := range tb.Rows {
			if len(row) != w {
				t.Errorf("table %d row %d: %d cells, want %d", tb.Index, r, len(row), w)
			}
			for c, cell := range row {
				if cell.Pos != (model.Pos{Table: tb.Index, Row: r, Col: c}) {
					t.Errorf("table %d cell %d,%d has Pos %+v", tb.Index, r, c, cell.Pos)
				}
				if cell.Pad && (cell.Origin || cell.Text != "") {
					t.Errorf("table %d cell %d,%d: pad with origin or text", tb.Index, r, c)
				}
				if cell.Origin {
					if cell.RowSpan < 1 || cell.ColSpan < 1 || r+cell.RowSpan > len(tb.Rows) || c+cell.ColSpan > w {
						t.Errorf("table %d cell %d,%d: span %dx%d outside the grid", tb.Index, r, c, cell.RowSpan, cell.ColSpan)
						continue
					}
					for dr := 0; dr < cell.RowSpan; dr++ {
						for dc := 0; dc < cell.ColSpan; dc++ {
							if dr == 0 && dc == 0 {
								continue
							}
							cp := tb.Rows[r+dr][c+dc]
							if cp.Origin || cp.Pad || cp.Text != cell.Text {
								t.Errorf("table %d cell %d,%d: slot %d,%d of its span is not its copy", tb.Index, r, c, r+dr, c+dc)
							}
						}
					}
				} else if !cell.Pad && (cell.RowSpan != 0 || cell.ColSpan != 0) {
					t.Errorf("table %d cell %d,%d: a copy with spans", tb.Index, r, c)
				}
			}
		}
	}
	for i, b := range doc.Blocks {
		if b.Section == nil {
			t.Errorf("block %d has a nil Section", i)
		}
		if (b.Kind == model.BlockTable) != (b.Table != nil) {
			t.Errorf("block %d: kind %s with table %v", i, b.Kind, b.Table != nil)
		}
		if b.Kind != model.BlockTable && b.Text == "" {
			t.Errorf("block %d: %s without text", i, b.Kind)
		}
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t \r\n", ErrEmpty},
		{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", ErrNotHTML},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrNotHTML},
		{"binary", "\x01\x02\x03\x00\x04<html>", ErrNotHTML},
		{"plain text", "Jaarverslag 2022, geen opmaak.", ErrNotHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(context.Background(), model.Raw{Data: []byte(tt.data)})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "extract: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
		})
	}
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := HTML(ctx, model.Raw{Data: []byte("<p>x</p>")}); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("no tables is fine", func(t *testing.T) {
		doc, err := HTML(context.Background(), model.Raw{Data: []byte("<p>Alleen tekst.</p>")})
		if err != nil || len(doc.Tables()) != 0 || len(doc.Blocks) != 1 {
			t.Fatalf("doc = %+v, err = %v", doc, err)
		}
	})
}

func TestDecodeHTML(t *testing.T) {
	// 0x80 is € and 0xB9 is ¹ in windows-1252; in UTF-8 they are 3 and 2 bytes.
	cp1252 := "<p>Bedragen x \x80 1.000, Jeugdteam\xB9</p>"
	utf8Body := "<p>Bedragen x € 1.000, Jeugdteam¹</p>"
	longASCII := strings.Repeat("<p>ascii</p>\n", 200) // more than the first kilobyte
	tests := []struct {
		name, data, contentType, want, enc string
	}{
		{"cp1252 with meta", `<meta charset="windows-1252">` + cp1252, "", utf8Body, "windows-1252"},
		{"cp1252 with http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` + cp1252, "", utf8Body, "windows-1252"},
		{"cp1252 without meta", cp1252, "", utf8Body, "windows-1252"},
		{"cp1252 with header", cp1252, "text/html; charset=ISO-8859-1", utf8Body, "windows-1252"},
		{"cp1252 said to be utf-8", `<meta charset="utf-8">` + cp1252, "", utf8Body, "windows-1252"},
		{"utf-8 without meta", utf8Body, "", utf8Body, "utf-8"},
		{"utf-8 after a long ascii start", longASCII + utf8Body, "", longASCII + utf8Body, "utf-8"},
		{"utf-8 header lies latin1", utf8Body, "text/html; charset=latin1", utf8Body, "utf-8"},
		{"utf-8 meta lies windows-1252", `<meta charset="windows-1252">` + utf8Body, "", `<meta charset="windows-1252">` + utf8Body, "utf-8"},
		{"utf-8 bom", "\xEF\xBB\xBF" + utf8Body, "", utf8Body, "utf-8"},
		{"ascii with meta", `<meta charset="iso-8859-1"><p>x</p>`, "", `<meta charset="iso-8859-1"><p>x</p>`, "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := decodeHTML([]byte(tt.data), tt.contentType)
			if string(got) != tt.want && !strings.HasSuffix(string(got), tt.want) {
				t.Errorf("decoded %q, want %q", got, tt.want)
			}
			if enc != tt.enc {
				t.Errorf("encoding %s, want %s", enc, tt.enc)
			}
		})
	}
}

func TestIsUnitLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"bedragen x € 1.000", true},
		{"(x € 1.000)", true},
		{"x € 1.000", true},
		{"(bedragen x € 1.000)", true},
		{"bedrag x € 1.000", true},
		{"Bedragen in €", true},
		{"Bedragen x 1000", true},
		{"bedragen x € 1.000,-", true},
		{"(in € 1.000)", true},
		{"Bedragen x €1000", true},
		{"Bedragen x € 1 mln", true},
		{"In 2022 waren er 1.000 meldingen.", false},
		{"Tabel 3 bedragen x € 1.000", false},
		{"maximaal 1000 deelnemers", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isUnitLine(tt.in); got != tt.want {
			t.Errorf("isUnitLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if rest, scale := splitScale("Beleidsveld: Jeugd bedragen x €1000"); rest != "Beleidsveld: Jeugd" || scale != "bedragen x €1000" {
		t.Errorf("splitScale = %q, %q", rest, scale)
	}
}

// TestHTMLTableParts checks header rows, unit line, caption, notes and marks
// on small tables shaped like those of real report pages.
func TestHTMLTableParts(t *testing.T) {
	tests := []struct {
		name       string
		html       string
		headerRows int
		unit       string
		caption    string
		notes      int
		cell       [3]any // row, col, text
	}{
		{
			name:       "thead two rows (d01)",
			html:       `<table><thead><tr><th>Nr.</th><th colspan=2>Realisatie</th></tr><tr><th></th><th>2017</th><th>2018</th></tr></thead><tr><td>1</td><td>131,0</td><td>131,0</td></tr></table>`,
			headerRows: 2, cell: [3]any{0, 2, "Realisatie"},
		},
		{
			name:       "bold td header then section row (d02)",
			html:       `<table><tr><td><strong>Omschrijving</strong></td><td colspan=2><strong>Realisatie</strong></td></tr><tr><td></td><td><strong>2021</strong></td><td><strong>2022</strong></td></tr><tr><td colspan=3><strong>Veiligheid</strong></td></tr><tr><td>Halt</td><td>7</td><td>nnb</td></tr></table>`,
			headerRows: 2, cell: [3]any{2, 1, "Veiligheid"},
		},
		{
			name:       "th rows then rowgroup th (ooststellingwerf)",
			html:       `<p class="eenheid">x € 1.000</p><table><tr><th>Wat kost het?</th><th>Rekening</th></tr><tr><th></th><th>2018</th></tr><tr><th colspan=2 scope=rowgroup>Lasten</th></tr><tr><td>Jeugd</td><td>- 328 N</td></tr></table>`,
			headerRows: 2, unit: "x € 1.000", cell: [3]any{3, 1, "- 328 N"},
		},
		{
			name:       "plain year row",
			html:       `<table><tr><td>Indicator</td><td>2022</td><td>2021</td><td>2020</td></tr><tr><td>Ongevallen</td><td>12</td><td>14</td><td>15</td></tr></table>`,
			headerRows: 1, cell: [3]any{1, 0, "Ongevallen"},
		},
		{
			name:       "caption with scale (lansingerland)",
			html:       `<table><caption>Beleidsveld: Jeugd bedragen x €1000</caption><tr><td></td><td><strong>Realisatie 2016</strong></td></tr><tr><td><strong>Jeugd</strong></td><td></td></tr><tr><td>Lasten</td><td>10.645</td></tr></table>`,
			headerRows: 1, unit: "bedragen x €1000", caption: "Beleidsveld: Jeugd", cell: [3]any{1, 0, "Jeugd"},
		},
		{
			name:       "scale in header cell (d09)",
			html:       `<p class="tabel-titel">Tabel 44</p><table><thead><tr><th>Programma</th><th>Rekening</th></tr><tr><th>bedragen x € 1.000,-</th><th>2017</th></tr></thead><tr><td>P0</td><td>38.932</td></tr></table>`,
			headerRows: 2, unit: "bedragen x € 1.000,-", caption: "Tabel 44", cell: [3]any{2, 1, "38.932"},
		},
		{
			name:       "footnotes under the table (twenterand)",
			html:       `<table><thead><tr><th>Doel</th><th>2022</th></tr></thead><tr><td>Uitkeringen*</td><td>394</td></tr></table><p><small>* betreft partijen</small></p><p>** tweede noot</p><p>Gewone tekst.</p><p>*** te laat</p>`,
			headerRows: 1, notes: 2, cell: [3]any{1, 0, "Uitkeringen*"},
		},
		{
			name:       "no header at all",
			html:       `<table><tr><td>Lasten</td><td>1.200</td></tr><tr><td>Baten</td><td>800</td></tr></table>`,
			headerRows: 0, cell: [3]any{1, 1, "800"},
		},
		{
			name:       "sup mark and nbsp thousands (d05)",
			html:       `<table><tr><th>Taakveld</th><th>Saldo</th></tr><tr><td>Bestuur</td><td>1&nbsp;788<sup>2</sup></td></tr></table>`,
			headerRows: 1, cell: [3]any{1, 1, "1 788"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := HTML(context.Background(), model.Raw{Data: []byte(tt.html)})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, doc)
			tables := doc.Tables()
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			tb := tables[0]
			if tb.HeaderRows != tt.headerRows {
				t.Errorf("HeaderRows = %d, want %d", tb.HeaderRows, tt.headerRows)
			}
			if tb.UnitLine != tt.unit {
				t.Errorf("UnitLine = %q, want %q", tb.UnitLine, tt.unit)
			}
			if tb.Caption != tt.caption {
				t.Errorf("Caption = %q, want %q", tb.Caption, tt.caption)
			}
			if len(tb.Notes) != tt.notes {
				t.Errorf("Notes = %q, want %d", tb.Notes, tt.notes)
			}
			r, c, text := tt.cell[0].(int), tt.cell[1].(int), tt.cell[2].(string)
			if got := tb.Rows[r][c].Text; got != text {
				t.Errorf("cell %d,%d = %q, want %q", r, c, got, text)
			}
			for _, b := range doc.Blocks {
				if b.Kind == model.BlockParagraph && (isUnitLine(b.Text) || b.Text == tt.caption) {
					t.Errorf("line %q taken by the table is also a paragraph", b.Text)
				}
			}
		})
	}
}
