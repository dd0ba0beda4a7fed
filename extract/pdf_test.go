package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// pdfCorpus holds the sample PDFs of the repository.
const pdfCorpus = "../corpus/docs"

func TestPDFCorpus(t *testing.T) {
	path := filepath.Join(pdfCorpus, "seed-twenterand-2022.lo.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("no corpus: ", err)
	}
	doc, err := PDF(context.Background(), model.Raw{Source: model.Source{Location: path}, Format: model.FormatPDF, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Engine != "pdftext" || doc.Pages != 12 || len(doc.Warnings) != 0 {
		t.Errorf("Engine %q, Pages %d, Warnings %v", doc.Engine, doc.Pages, doc.Warnings)
	}
	if doc.Title == "" {
		t.Error("no title")
	}
	var heading, para *model.Block
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Page < 1 || b.Page > doc.Pages {
			t.Errorf("block %q on page %d", b.Text, b.Page)
		}
		if b.Kind == model.BlockHeading && b.Text == "Programma Sociaal Domein" {
			heading = b
		}
		if para == nil && b.Kind == model.BlockParagraph && strings.HasPrefix(b.Text, "Zorg en ondersteuning") {
			para = b
		}
	}
	if heading == nil || heading.Level != 1 {
		t.Fatalf("heading Programma Sociaal Domein not found at level 1: %+v", heading)
	}
	if para == nil || para.Page != 1 || len(para.Section) == 0 || para.Section[0] != "Programma Sociaal Domein" {
		t.Errorf("first paragraph: %+v", para)
	}
}

func TestPDFMalformed(t *testing.T) {
	raw := model.Raw{Source: model.Source{Location: "kapot.pdf"}, Format: model.FormatPDF, Data: []byte("%PDF-1.4\nniets hier\n%%EOF\n")}
	doc, err := PDF(context.Background(), raw)
	var se *model.SourceError
	if doc != nil || !errors.As(err, &se) || !errors.Is(err, pdftext.ErrMalformed) {
		t.Fatalf("doc %v, err %v: want a SourceError wrapping ErrMalformed", doc, err)
	}
	if se.Source != "kapot.pdf" || se.Stage != model.StageExtract {
		t.Errorf("SourceError %+v", se)
	}
}

// BenchmarkPDF reads the largest corpus PDF into a Document.
func BenchmarkPDF(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(pdfCorpus, "*.pdf"))
	var largest string
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() > size {
			largest, size = f, st.Size()
		}
	}
	if largest == "" {
		b.Skip("no corpus")
	}
	data, err := os.ReadFile(largest)
	if err != nil {
		b.Fatal(err)
	}
	raw := model.Raw{Source: model.Source{Location: largest}, Format: model.FormatPDF, Data: data}
	for b.Loop() {
		if _, err := PDF(context.Background(), raw); err != nil {
			b.Fatal(err)
		}
	}
}
