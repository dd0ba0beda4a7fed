package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRead reads every corpus PDF, or the files matching the glob in
// $PDFTEXT_BENCH, and reports pages/s.
func BenchmarkRead(b *testing.B) {
	pattern := os.Getenv("PDFTEXT_BENCH")
	if pattern == "" {
		pattern = filepath.Join(corpusDir, "*.pdf")
	}
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		b.Skip("no corpus at " + corpusDir)
	}
	var docs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	cpu0 := cpuTime()
	pages := 0
	for b.Loop() {
		for _, d := range docs {
			ps, err := Read(context.Background(), d)
			if err != nil {
				b.Fatal(err)
			}
			pages += len(ps)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	// On a shared machine wall time says little; CPU time is what a
	// worker pays.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(pages)/cpu.Seconds(), "pages/cpu-s")
	}
}

// BenchmarkBlocks measures layout alone on the largest corpus PDF.
func BenchmarkBlocks(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpusDir, "seed-twenterand-2022.chromium.pdf"))
	if err != nil {
		b.Skip("no corpus")
	}
	pages, err := Read(context.Background(), data)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Blocks(pages, nil)
	}
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
