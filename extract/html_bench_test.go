package extract

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// largePage builds a page of about size bytes by repeating the content of
// the sample corpus pages: many tables, headings and paragraphs.
func largePage(tb testing.TB, size int) []byte {
	tb.Helper()
	var parts [][]byte
	for _, name := range []string{"seed-twenterand-2022", "seed-ooststellingwerf-2019", "seed-lansingerland-2017", "d09", "d02"} {
		data, err := os.ReadFile(testcorpus.Doc(tb, name+".html"))
		if err != nil {
			tb.Fatal(err)
		}
		start := bytes.Index(data, []byte("<main"))
		end := bytes.LastIndex(data, []byte("</main>"))
		if start < 0 || end < start {
			tb.Fatalf("%s: no <main>", name)
		}
		start += bytes.IndexByte(data[start:], '>') + 1
		parts = append(parts, data[start:end])
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Groot</title></head><body><header>Gemeente Groot</header><main>\n")
	for i := 0; b.Len() < size; i++ {
		b.Write(parts[i%len(parts)])
	}
	b.WriteString("</main></body></html>\n")
	return b.Bytes()
}

// BenchmarkHTML reads a page of about 8 MB; its MB/s is the throughput of
// HTML on one core.
func BenchmarkHTML(b *testing.B) {
	data := largePage(b, 8<<20)
	raw := model.Raw{Source: model.Source{Location: "groot.html"}, Data: data}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	start, ok := cpuTime()
	n := 0
	for b.Loop() {
		doc, err := HTML(context.Background(), raw)
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Tables()) == 0 {
			b.Fatal("no tables")
		}
		n++
	}
	if end, ok2 := cpuTime(); ok && ok2 && end > start {
		b.ReportMetric(float64(n*len(data))/1e6/(end-start).Seconds(), "MB/cpu-s")
	}
}
