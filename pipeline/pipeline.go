package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/jaarzoek/jaarzoek/model"
)

// A Stage turns one input into one output. It must return soon after ctx is
// done and must not keep ctx.
type Stage[In, Out any] func(ctx context.Context, in In) (Out, error)

// Normalized is what the normalize stage makes of a document.
type Normalized struct {
	Records  []model.Record
	Passages []model.Passage
	// Errors are the cells that could not be read; they do not fail the
	// document.
	Errors  []*model.SourceError
	Skipped int // cells that gave no figure (labels, empty cells, text)
}

// An Item is one source on its way through the stages. Each stage fills in
// its part; a failed item keeps its error and passes the later stages
// untouched (except Index, which records the failure).
type Item struct {
	Source model.Source
	Raw    model.Raw // Data is dropped after extraction
	Doc    *model.Document
	Norm   Normalized
	Err    *model.SourceError // the failure, with the stage it happened in
	// Skip is set when the source holds these bytes already (see
	// Config.Unchanged): extract, normalize and index pass it by.
	Skip    bool
	Outcome string // what the index stage did ("added", "unchanged", …)
	Started time.Time
}

// Config holds the stages and how to run them.
type Config struct {
	// Workers is the number of goroutines per stage and the buffer of the
	// channels between stages; 0 means runtime.NumCPU().
	Workers   int
	Fetch     Stage[model.Source, model.Raw]
	Extract   Stage[model.Raw, *model.Document]
	Normalize Stage[*model.Document, Normalized]
	// Index writes a finished item, or records a failed one (Item.Err
	// set), and returns its outcome for the report.
	Index Stage[*Item, string]
	// Unchanged, when set, is asked after fetching whether the index
	// holds these bytes for this source already; such a source skips
	// extraction and indexing and is reported "unchanged".
	Unchanged func(ctx context.Context, raw model.Raw) (bool, error)
	// Progress is told of every source found and finished; nil means none.
	Progress Progress
}

// ErrSomeFailed is returned by Report.Err when at least one source failed;
// everything else was indexed.
var ErrSomeFailed = errors.New("pipeline: some sources failed")

// ErrRunFailed marks an error that ends the whole run (see Fatal).
var ErrRunFailed = errors.New("pipeline: run failed")

// Fatal marks err as a run-wide failure: a stage returning it ends the run
// instead of failing one document.
func Fatal(err error) error {
	if err == nil || errors.Is(err, ErrRunFailed) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrRunFailed, err)
}

// Run sends every source through the stages and returns the report. The
// error is nil when the run finished (check Report.Err for failed sources),
// ctx.Err() when it was canceled, and an ErrRunFailed error when a stage
// returned a Fatal error. The report covers the sources finished so far in
// every case.
func Run(ctx context.Context, cfg Config, sources iter.Seq2[model.Source, error]) (Report, error) {
	n := cfg.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	prog := cfg.Progress
	if prog == nil {
		prog = nopProgress{}
	}
	rep := Report{Started: time.Now()}
	g, gctx := errgroup.WithContext(ctx)

	found := make(chan *Item, n)
	g.Go(func() error {
		defer close(found)
		defer prog.Listed()
		for src, err := range sources {
			it := &Item{Source: src, Started: time.Now()}
			if err != nil {
				if gctx.Err() != nil {
					return gctx.Err()
				}
				it.Err = model.AsSourceError(err, src.Location, model.StageFetch)
				if it.Source.Location == "" {
					it.Source.Location = it.Err.Source
				}
			}
			prog.Found(it.Source.Location)
			select {
			case found <- it:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})

	fetched := stage(gctx, g, n, found, model.StageFetch, false, func(ctx context.Context, it *Item) error {
		raw, err := cfg.Fetch(ctx, it.Source)
		it.Raw = raw
		if err != nil || cfg.Unchanged == nil {
			return err
		}
		skip, err := cfg.Unchanged(ctx, raw)
		if skip {
			it.Skip, it.Outcome = true, "unchanged"
			it.Raw.Data = nil
		}
		return err
	})
	extracted := stage(gctx, g, n, fetched, model.StageExtract, false, func(ctx context.Context, it *Item) error {
		doc, err := cfg.Extract(ctx, it.Raw)
		if doc != nil && doc.Doc == "" {
			doc.Doc = model.DocID(it.Raw.Data)
		}
		it.Doc = doc
		it.Raw.Data = nil // the bytes are not needed any more
		return err
	})
	normalized := stage(gctx, g, n, extracted, model.StageNormalize, false, func(ctx context.Context, it *Item) error {
		norm, err := cfg.Normalize(ctx, it.Doc)
		it.Norm = norm
		return err
	})
	indexed := stage(gctx, g, n, normalized, model.StageIndex, true, func(ctx context.Context, it *Item) error {
		outcome, err := cfg.Index(ctx, it)
		if outcome != "" {
			it.Outcome = outcome
		}
		return err
	})

	var mu sync.Mutex // the report is read after Wait only; the lock documents it
	g.Go(func() error {
		for it := range indexed {
			r := sourceReport(it)
			mu.Lock()
			rep.add(r)
			mu.Unlock()
			prog.Finished(r)
			// Let go of the content as soon as it is counted.
			it.Doc, it.Norm = nil, Normalized{}
		}
		return nil
	})

	err := g.Wait()
	prog.Close()
	rep.Elapsed = time.Since(rep.Started)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, ErrRunFailed) {
		rep.Canceled = true
		return rep, ctx.Err()
	}
	return rep, err
}

// stage starts workers goroutines that apply f to the items of in and send
// them on the returned channel, which one more goroutine closes once they
// all ended. Skipped items are passed on without calling f, and so are
// failed ones unless always is set. An error of f fails the item, unless it is Fatal or the context is
// done: then it ends the run.
func stage(ctx context.Context, g *errgroup.Group, workers int, in <-chan *Item, name string, always bool,
	f func(context.Context, *Item) error) <-chan *Item {
	out := make(chan *Item, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for it := range in {
				if (it.Err == nil && !it.Skip) || (always && !it.Skip) {
					if err := call(ctx, f, it); err != nil {
						if errors.Is(err, ErrRunFailed) {
							return err
						}
						if ctx.Err() != nil {
							return ctx.Err()
						}
						it.Err = model.AsSourceError(err, it.Source.Location, name)
					}
				}
				select {
				case out <- it:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		wg.Wait()
		close(out)
		return nil
	})
	return out
}

// call runs f on it and turns a panic into a failure of that document: a
// malformed source must not end the run.
func call(ctx context.Context, f func(context.Context, *Item) error, it *Item) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pipeline: panic: %v", p)
		}
	}()
	return f(ctx, it)
}
