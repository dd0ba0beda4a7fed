// Command benchindex measures jaarzoek's index on a synthetic corpus: it
// generates documents (package benchcorpus), writes their passages and
// figures into two indexes, and runs a fixed mix of queries. It prints
// passages and figures written per second, index size against text size,
// and the median and 99th percentile latency per query kind.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/internal/benchcorpus"
	"github.com/jaarzoek/jaarzoek/model"
)

func main() {
	var (
		dir      = flag.String("dir", "", "directory for the indexes (default: a temporary one, removed after)")
		docs     = flag.Int("docs", 1000, "documents")
		passages = flag.Int("passages", 100, "passages per document")
		figures  = flag.Int("figures", 100, "figures per document")
		workers  = flag.Int("workers", 2, "goroutines writing")
		queries  = flag.Int("queries", 200, "queries per kind")
		seed     = flag.Uint64("seed", 1, "corpus seed")
		batch    = flag.Int("batch", 0, "index operations per write (0: the index default)")
		reuse    = flag.Bool("reuse", false, "query the indexes already in -dir instead of writing them")
	)
	flag.Parse()
	if err := run(*dir, *docs, *passages, *figures, *workers, *queries, *seed, *batch, *reuse); err != nil {
		fmt.Fprintln(os.Stderr, "benchindex:", err)
		os.Exit(1)
	}
}

func run(dir string, nDocs, nPass, nFig, workers, nQueries int, seed uint64, batch int, reuse bool) error {
	ctx := context.Background()
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jaarzoek-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	pPath, fPath := filepath.Join(dir, "passages.bleve"), filepath.Join(dir, "figures.bleve")
	if reuse {
		return query(ctx, pPath, fPath, nQueries, seed)
	}
	fmt.Printf("generating %d documents × %d passages, %d figures\n", nDocs, nPass, nFig)
	g := benchcorpus.New(seed)
	corpus := make([]benchcorpus.Doc, nDocs)
	var textBytes, jsonBytes int64
	for i := range corpus {
		corpus[i] = g.Doc(nPass, nFig)
		for _, p := range corpus[i].Passages {
			textBytes += int64(len(p.Text))
		}
		for _, r := range corpus[i].Records {
			b, _ := json.Marshal(r)
			jsonBytes += int64(len(b) + 1)
		}
	}

	pTook, err := write(ctx, pPath, corpus, workers, batch, func(d benchcorpus.Doc) *index.Doc {
		return &index.Doc{Source: d.Info.Source, Info: d.Info, Passages: d.Passages}
	})
	if err != nil {
		return err
	}
	fTook, err := write(ctx, fPath, corpus, workers, batch, func(d benchcorpus.Doc) *index.Doc {
		return &index.Doc{Source: d.Info.Source, Info: d.Info, Records: d.Records}
	})
	if err != nil {
		return err
	}
	pSize, fSize := du(pPath), du(fPath)
	pCPU, fCPU := pTook.cpu, fTook.cpu
	np, nf := nDocs*nPass, nDocs*nFig
	fmt.Printf("\nwrite (%d workers)\n", workers)
	fmt.Printf("  passages  %7d in %6.1fs wall, %6.1fs CPU  %7.0f passages/s (%7.0f per CPU-second)  index %6.1f MB, text %6.1f MB, ratio %.2f×\n",
		np, pTook.wall.Seconds(), pCPU.Seconds(), float64(np)/pTook.wall.Seconds(), float64(np)/pCPU.Seconds(), mb(pSize), mb(textBytes), float64(pSize)/float64(textBytes))
	fmt.Printf("  figures   %7d in %6.1fs wall, %6.1fs CPU  %7.0f figures/s  (%7.0f per CPU-second)  index %6.1f MB, jsonl %5.1f MB, ratio %.2f×\n",
		nf, fTook.wall.Seconds(), fCPU.Seconds(), float64(nf)/fTook.wall.Seconds(), float64(nf)/fCPU.Seconds(), mb(fSize), mb(jsonBytes), float64(fSize)/float64(jsonBytes))
	fmt.Printf("  (the machine is shared: per CPU-second × 2 cores bounds the rate on an idle 2-core machine)\n")
	fmt.Printf("  together  index %.1f MB, text+jsonl %.1f MB, ratio %.2f×\n",
		mb(pSize+fSize), mb(textBytes+jsonBytes), float64(pSize+fSize)/float64(textBytes+jsonBytes))

	return query(ctx, pPath, fPath, nQueries, seed)
}

func query(ctx context.Context, pPath, fPath string, nQueries int, seed uint64) error {
	pix, err := index.Open(pPath, index.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer pix.Close()
	fix, err := index.Open(fPath, index.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer fix.Close()
	if nQueries == 0 {
		return nil
	}
	return queryMix(ctx, pix, fix, nQueries, seed)
}

// took is the wall and CPU time (user and system, all threads) of a step.
type took struct{ wall, cpu time.Duration }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// write puts the corpus into a new index at path from workers goroutines,
// closing it (all written to disk) before the clock stops.
func write(ctx context.Context, path string, corpus []benchcorpus.Doc, workers, batch int, doc func(benchcorpus.Doc) *index.Doc) (took, error) {
	ix, err := index.Open(path, index.Options{Create: true, BatchSize: batch})
	if err != nil {
		return took{}, err
	}
	start, startCPU := time.Now(), cpuTime()
	next := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, err := ix.Put(ctx, doc(corpus[i])); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := range corpus {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ix.Close(); err != nil {
		return took{}, err
	}
	close(errs)
	if err := <-errs; err != nil {
		return took{}, err
	}
	return took{time.Since(start), cpuTime() - startCPU}, nil
}

type queryKind struct {
	name string
	run  func(r *rand.Rand) (int, error)
}

func queryMix(ctx context.Context, pix, fix *index.Index, n int, seed uint64) error {
	words := []string{}
	for _, w := range benchcorpus.Nouns {
		if !strings.ContainsAny(w, " -") {
			words = append(words, w)
		}
	}
	pick := func(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }
	gemeente := func(r *rand.Rand) string { return benchcorpus.Gemeenten[r.IntN(len(benchcorpus.Gemeenten))][0] }
	search := func(q index.SearchQuery) (int, error) {
		res, err := pix.Search(ctx, q)
		if err != nil {
			return 0, err
		}
		return len(res.Hits), nil
	}
	figs := func(q index.FigureQuery) (int, error) {
		n := 0
		for _, err := range fix.Figures(ctx, q) {
			if err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}
	rangeOf := func(r *rand.Rand) (index.FigureQuery, string) {
		ind := benchcorpus.Indicators[r.IntN(len(benchcorpus.Indicators))]
		lo := ind.Min + r.Float64()*(ind.Max-ind.Min)/2
		hi := lo + (ind.Max-ind.Min)/10
		return index.FigureQuery{Indicator: ind.Label, Min: &lo, Max: &hi}, ind.Label
	}
	kinds := []queryKind{
		{"term + gemeente filter", func(r *rand.Rand) (int, error) {
			return search(index.SearchQuery{Words: pick(r, words), Filter: index.Filter{Gemeente: gemeente(r)}})
		}},
		{"two terms", func(r *rand.Rand) (int, error) {
			return search(index.SearchQuery{Words: pick(r, words) + " " + pick(r, words)})
		}},
		{"phrase + years", func(r *rand.Rand) (int, error) {
			y := 2016 + r.IntN(8)
			return search(index.SearchQuery{Words: `"sociale huurwoningen"`, Filter: index.Filter{YearFrom: y, YearTo: y + 1}})
		}},
		{"compound part", func(r *rand.Rand) (int, error) {
			return search(index.SearchQuery{Words: pick(r, []string{"hulp", "zorg", "belasting", "voorzieningen", "onderhoud"})})
		}},
		{"term + facets", func(r *rand.Rand) (int, error) {
			return search(index.SearchQuery{Words: pick(r, words), Facets: true})
		}},
		{"figures value range (100)", func(r *rand.Rand) (int, error) {
			q, _ := rangeOf(r)
			q.Limit = 100
			return figs(q)
		}},
		{"figures range + gemeente (all)", func(r *rand.Rand) (int, error) {
			q, _ := rangeOf(r)
			q.Filter.Gemeente = gemeente(r)
			return figs(q)
		}},
		{"figures indicator + period (all)", func(r *rand.Rand) (int, error) {
			ind := benchcorpus.Indicators[r.IntN(len(benchcorpus.Indicators))]
			y := 2016 + r.IntN(8)
			return figs(index.FigureQuery{Indicator: ind.Label, Filter: index.Filter{Gemeente: gemeente(r), YearFrom: y, YearTo: y}})
		}},
	}
	fmt.Printf("\nqueries (%d per kind, after %d warm-up; wall time, and CPU time of the whole process)\n", n, n/10)
	fmt.Printf("  %-34s %9s %9s %11s %11s %9s\n", "kind", "p50", "p99", "CPU p50", "CPU p99", "results")
	for _, k := range kinds {
		r := rand.New(rand.NewPCG(seed, 7))
		for range n / 10 {
			if _, err := k.run(r); err != nil {
				return fmt.Errorf("%s: %w", k.name, err)
			}
		}
		lat := make([]time.Duration, 0, n)
		cpu := make([]time.Duration, 0, n)
		total := 0
		for range n {
			start, startCPU := time.Now(), cpuTime()
			got, err := k.run(r)
			if err != nil {
				return fmt.Errorf("%s: %w", k.name, err)
			}
			lat = append(lat, time.Since(start))
			cpu = append(cpu, cpuTime()-startCPU)
			total += got
		}
		slices.Sort(lat)
		slices.Sort(cpu)
		fmt.Printf("  %-34s %9s %9s %11s %11s %9.1f\n", k.name, ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]),
			ms(cpu[len(cpu)/2]), ms(cpu[len(cpu)*99/100]), float64(total)/float64(n))
	}
	return nil
}

func du(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

var _ = model.FormatHTML
