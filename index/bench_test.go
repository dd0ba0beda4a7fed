package index

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jaarzoek/jaarzoek/internal/benchcorpus"
)

// benchIndex writes docs documents of the synthetic corpus with passages
// and figures each into a new index.
func benchIndex(b *testing.B, docs, passages, figures int) (*Index, []benchcorpus.Doc) {
	b.Helper()
	g := benchcorpus.New(1)
	corpus := make([]benchcorpus.Doc, docs)
	for i := range corpus {
		corpus[i] = g.Doc(passages, figures)
	}
	ix, err := Open(filepath.Join(b.TempDir(), "bench.bleve"), Options{Create: true, BatchSize: benchBatch})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix, corpus
}

func BenchmarkPutPassages(b *testing.B) {
	ix, corpus := benchIndex(b, 20, 100, 0)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		d := corpus[i%len(corpus)]
		d.Info.Doc = d.Info.Doc + string(rune('a'+i/len(corpus)%26))
		if _, err := ix.Put(context.Background(), &Doc{Source: d.Info.Source, Info: d.Info, Passages: d.Passages}); err != nil {
			b.Fatal(err)
		}
		n += len(d.Passages)
	}
	if err := ix.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "passages/s")
}

func BenchmarkPutFigures(b *testing.B) {
	ix, corpus := benchIndex(b, 20, 0, 100)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		d := corpus[i%len(corpus)]
		d.Info.Doc = d.Info.Doc + string(rune('a'+i/len(corpus)%26))
		if _, err := ix.Put(context.Background(), &Doc{Source: d.Info.Source, Info: d.Info, Records: d.Records}); err != nil {
			b.Fatal(err)
		}
		n += len(d.Records)
	}
	if err := ix.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "figures/s")
}

// searchBench fills an index once for the query benchmarks.
func searchBench(b *testing.B) *Index {
	ix, corpus := benchIndex(b, 100, 50, 50)
	for _, d := range corpus {
		if _, err := ix.Put(context.Background(), &Doc{Source: d.Info.Source, Info: d.Info, Passages: d.Passages, Records: d.Records}); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return ix
}

func BenchmarkSearchTermGemeente(b *testing.B) {
	ix := searchBench(b)
	for i := 0; i < b.N; i++ {
		g := benchcorpus.Gemeenten[i%len(benchcorpus.Gemeenten)][0]
		if _, err := ix.Search(context.Background(), SearchQuery{Words: "mantelzorgers", Filter: Filter{Gemeente: g}}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchCompound(b *testing.B) {
	ix := searchBench(b)
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(context.Background(), SearchQuery{Words: "hulp", Facets: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFiguresValueRange(b *testing.B) {
	ix := searchBench(b)
	lo, hi := 8.0, 9.0
	for i := 0; i < b.N; i++ {
		n := 0
		for _, err := range ix.Figures(context.Background(), FigureQuery{Indicator: "% jongeren met jeugdhulp", Min: &lo, Max: &hi}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
}

var benchBatch = 0
