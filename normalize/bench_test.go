package normalize

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

// largeDocument builds a report of n financial and indicator tables with
// text between them, like a long jaarstukken PDF.
func largeDocument(n int) (*model.Document, int64) {
	doc := &model.Document{DocInfo: model.DocInfo{Doc: "sha256:bench", Source: "bench.pdf", Format: model.FormatPDF, Gemeente: "Twenterand", DocYear: 2022}}
	var size int64
	add := func(b model.Block) {
		size += int64(len(b.Text))
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					size += int64(len(c.Text))
				}
			}
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	for i := range n {
		sec := []string{fmt.Sprintf("Programma %d", i/10+1), "Wat heeft het gekost?"}
		add(model.Block{Kind: model.BlockHeading, Level: 2, Text: sec[1], Section: sec[:1]})
		add(model.Block{Kind: model.BlockParagraph, Section: sec,
			Text: "Het saldo van baten en lasten is € 1.413.000 lager dan geraamd. Dit verschil wordt onder andere veroorzaakt door hogere lasten voor jeugdhulp en lagere baten uit de rijksbijdrage."})
		var rows [][]string
		if i%2 == 0 {
			rows = append(rows, []string{"Bedragen x € 1.000", "Rekening 2021", "Primitieve begroting 2022", "Actuele begroting 2022", "Rekening 2022", "Verschil"})
			rows = append(rows, []string{"Lasten", "<", "<", "<", "<", "<"})
			for r := range 12 {
				rows = append(rows, []string{fmt.Sprintf("6.%d Taakveld %d", r+1, r), "-7.882", "-7.020", "-7.814", "-8.142", "- 328 N"})
			}
			rows = append(rows, []string{"Totaal lasten", "-94.584", "-84.240", "-93.768", "-97.704", "-3.936"})
			rows = append(rows, []string{"Baten", "<", "<", "<", "<", "<"})
			for r := range 12 {
				rows = append(rows, []string{fmt.Sprintf("6.%d Taakveld %d", r+1, r), "629", "225", "265", "334", "69 V"})
			}
			rows = append(rows, []string{"Saldo van baten en lasten", "-87.036", "-81.540", "-90.588", "-93.696", "-3.108"})
		} else {
			rows = append(rows, []string{"Indicator", "Eenheid", "2019", "2020", "2021", "2022", "Nederland", "Bron"})
			for r := range 25 {
				rows = append(rows, []string{fmt.Sprintf("%d.1 Jongeren met jeugdhulp (%%, 2021)*", r), "%", "11,6%", "12,4", "nnb", "85 %", "1 788", "CBS"})
			}
		}
		tbl := grid(i+1, 1, rows...)
		tbl.Notes = []string{"* voorlopig cijfer"}
		add(model.Block{Kind: model.BlockTable, Section: sec, Table: tbl})
	}
	return doc, size
}

// BenchmarkNormalize measures Document → Records and Passages; the bytes
// are the text of the blocks and cells.
func BenchmarkNormalize(b *testing.B) {
	doc, size := largeDocument(200)
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		res := Normalize(doc)
		if len(res.Records) == 0 {
			b.Fatal("no records")
		}
	}
	reportCPU(b, start, size)
}

// reportCPU adds the CPU time per op and the throughput it gives, next to
// the wall-clock figures.
func reportCPU(b *testing.B, start time.Duration, size int64) {
	cpu := cpuTime() - start
	if cpu <= 0 || b.N == 0 {
		return
	}
	perOp := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(size)/perOp*1e3, "cpu-MB/s")
}

// BenchmarkNormalizeCorpus runs Normalize on the corpus pages as
// transcribed; the bytes are those of their HTML renderings, to set the
// stage against the whole HTML → records path.
func BenchmarkNormalizeCorpus(b *testing.B) {
	dir := corpusDir(b)
	slugs, _ := filepath.Glob(filepath.Join(dir, "spec", "*.json"))
	var docs []*model.Document
	var size int64
	for _, p := range slugs {
		slug := filepath.Base(p[:len(p)-len(".json")])
		docs = append(docs, specDocument(loadSpec(b, dir, slug)))
		if fi, err := os.Stat(filepath.Join(dir, "docs", slug+".html")); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			Normalize(d)
		}
	}
	reportCPU(b, start, size)
}
