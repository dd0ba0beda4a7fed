package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
)

// BenchmarkHTMLToRecords runs the whole HTML path, bytes to records and
// passages, over every HTML page of the corpus; MB/s is of HTML read.
func BenchmarkHTMLToRecords(b *testing.B) {
	names, err := filepath.Glob(filepath.Join("docs", "*.html"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus HTML: %v", err)
	}
	var raws []model.Raw
	var size int64
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, model.Raw{Source: model.Source{Location: n}, Format: model.FormatHTML, Data: data})
		size += int64(len(data))
	}
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	records := 0
	for b.Loop() {
		records = 0
		for _, raw := range raws {
			doc, err := extract.Document(ctx, raw)
			if err != nil {
				b.Fatal(err)
			}
			records += len(normalize.Normalize(doc).Records)
		}
	}
	b.ReportMetric(float64(records), "records/op")
}

// BenchmarkHTMLToRecordsLarge runs the HTML path on one large page: the
// content of every corpus page, repeated to about 4 MB, under one head, as
// a long jaarstukken page is.
func BenchmarkHTMLToRecordsLarge(b *testing.B) {
	names, err := filepath.Glob(filepath.Join("docs", "*.html"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus HTML: %v", err)
	}
	var body strings.Builder
	for body.Len() < 4<<20 {
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			page := string(data)
			start, end := strings.Index(page, "<main"), strings.LastIndex(page, "</main>")
			if start < 0 || end < start || !utf8.ValidString(page) {
				continue
			}
			body.WriteString(page[start : end+len("</main>")])
		}
	}
	data := []byte("<!doctype html><html lang=nl><head><meta charset=utf-8><title>Jaarstukken 2022</title></head><body>" + body.String() + "</body></html>")
	raw := model.Raw{Source: model.Source{Location: "large.html"}, Format: model.FormatHTML, Data: data}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	records := 0
	for b.Loop() {
		doc, err := extract.Document(ctx, raw)
		if err != nil {
			b.Fatal(err)
		}
		records = len(normalize.Normalize(doc).Records)
	}
	b.ReportMetric(float64(records), "records/op")
}

// BenchmarkPDFToRecords runs the whole PDF path, in the worker process
// that guards it, over every PDF of the corpus; it reports pages per
// second.
func BenchmarkPDFToRecords(b *testing.B) {
	names, err := filepath.Glob(filepath.Join("docs", "*.pdf"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus PDF: %v", err)
	}
	var raws []model.Raw
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, model.Raw{Source: model.Source{Location: n}, Format: model.FormatPDF, Data: data})
	}
	ctx := context.Background()
	pages := 0
	for b.Loop() {
		pages = 0
		for _, raw := range raws {
			doc, err := extract.Document(ctx, raw)
			if err != nil {
				b.Fatalf("%s: %v", raw.Source.Location, err)
			}
			pages += doc.Pages
			if len(normalize.Normalize(doc).Records) == 0 && !strings.Contains(raw.Source.Location, "losser") {
				b.Fatalf("%s: no records", raw.Source.Location)
			}
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
