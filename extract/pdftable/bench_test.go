package pdftable

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFind runs Find on the words of the largest corpus PDF.
func BenchmarkFind(b *testing.B) {
	dir := corpusDir(b)
	pdfs, _ := filepath.Glob(filepath.Join(dir, "docs", "*.pdf"))
	var path string
	var size int64
	for _, p := range pdfs {
		if st, err := os.Stat(p); err == nil && st.Size() > size {
			path, size = p, st.Size()
		}
	}
	if path == "" {
		b.Skip("no corpus PDFs")
	}
	pages := corpusPages(b, path)
	words := 0
	for _, p := range pages {
		words += len(p.Words)
	}
	b.ResetTimer()
	for b.Loop() {
		Find(pages)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
}
