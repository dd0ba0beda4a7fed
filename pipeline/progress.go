package pipeline

import (
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// Progress is told how a run advances. Implementations must be safe for
// concurrent use: Found and Listed come from the goroutine reading the
// sources, Finished from the one collecting results.
type Progress interface {
	Found(source string)     // a source entered the run
	Listed()                 // all sources have been found
	Finished(r SourceReport) // a source is done or failed
	Close()                  // the run ended; flush the display
}

type nopProgress struct{}

func (nopProgress) Found(string)          {}
func (nopProgress) Listed()               {}
func (nopProgress) Finished(SourceReport) {}
func (nopProgress) Close()                {}

// counters are the running totals both displays show.
type counters struct {
	found, finished, failed, pages, records, passages atomic.Int64
}

func (c *counters) add(r SourceReport) {
	c.finished.Add(1)
	if r.Status == StatusFailed {
		c.failed.Add(1)
	}
	c.pages.Add(int64(r.Pages))
	c.records.Add(int64(r.Records))
	c.passages.Add(int64(r.Passages))
}

// Bars shows a progress bar of documents on a terminal: done of found,
// pages, figures, errors, rate and time left.
type Bars struct {
	c      counters
	p      *mpb.Progress
	bar    *mpb.Bar
	mu     sync.Mutex // orders SetTotal calls
	listed bool
}

// NewBars starts a bar display on w, which should be a terminal.
func NewBars(w io.Writer) *Bars {
	// The caller chose a terminal; auto refresh keeps a wrapped writer drawing.
	b := &Bars{p: mpb.New(mpb.WithOutput(w), mpb.WithAutoRefresh(), mpb.WithRefreshRate(150*time.Millisecond))}
	b.bar = b.p.AddBar(0,
		mpb.PrependDecorators(
			decor.Name("documents "),
			decor.CountersNoUnit("%d/%d", decor.WCSyncWidth),
		),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string {
				return fmt.Sprintf(" pages %d  figures %d  passages %d  errors %d ",
					b.c.pages.Load(), b.c.records.Load(), b.c.passages.Load(), b.c.failed.Load())
			}),
			decor.AverageSpeed(nil, "%.1f docs/s "),
			decor.Name("left "),
			decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	return b
}

// Found grows the total.
func (b *Bars) Found(string) {
	n := b.c.found.Add(1)
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.listed {
		b.bar.SetTotal(n, false)
	}
}

// Listed fixes the total.
func (b *Bars) Listed() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.listed = true
	b.bar.SetTotal(b.c.found.Load(), false)
	b.bar.EnableTriggerComplete()
}

// Finished advances the bar.
func (b *Bars) Finished(r SourceReport) {
	b.c.add(r)
	b.bar.EwmaIncrement(r.Took)
}

// Close ends the display, leaving the last state on screen.
func (b *Bars) Close() {
	if !b.bar.Completed() {
		b.bar.Abort(false)
	}
	b.p.Wait()
}

// Log reports progress as log lines: every failure at once, and a summary
// line at most every Every.
type Log struct {
	c     counters
	log   *slog.Logger
	every time.Duration
	start time.Time
	mu    sync.Mutex
	last  time.Time
}

// NewLog reports to logger, a summary at most every every (0: 10 s).
func NewLog(logger *slog.Logger, every time.Duration) *Log {
	if every <= 0 {
		every = 10 * time.Second
	}
	now := time.Now()
	return &Log{log: logger, every: every, start: now, last: now}
}

// Found counts a source.
func (l *Log) Found(string) { l.c.found.Add(1) }

// Listed logs the number of sources.
func (l *Log) Listed() { l.log.Info("sources listed", "sources", l.c.found.Load()) }

// Finished logs failures and, now and then, the totals.
func (l *Log) Finished(r SourceReport) {
	l.c.add(r)
	if r.Status == StatusFailed {
		l.log.Warn("source failed", "source", r.Source, "stage", r.Stage, "reason", r.Reason)
	} else {
		l.log.Debug("source done", "source", r.Source, "outcome", r.Outcome, "pages", r.Pages, "figures", r.Records, "passages", r.Passages)
	}
	l.mu.Lock()
	due := time.Since(l.last) >= l.every
	if due {
		l.last = time.Now()
	}
	l.mu.Unlock()
	if due {
		l.summary("progress")
	}
}

// Close logs the final totals.
func (l *Log) Close() { l.summary("finished") }

func (l *Log) summary(msg string) {
	done, found := l.c.finished.Load(), l.c.found.Load()
	el := time.Since(l.start)
	rate := float64(done) / el.Seconds()
	args := []any{"documents", done, "of", found, "pages", l.c.pages.Load(), "figures", l.c.records.Load(),
		"passages", l.c.passages.Load(), "errors", l.c.failed.Load(), "docs_per_s", fmt.Sprintf("%.1f", rate),
		"elapsed", el.Round(time.Second).String()}
	if rate > 0 && found > done {
		args = append(args, "left", (time.Duration(float64(found-done)/rate) * time.Second).Round(time.Second).String())
	}
	l.log.Info(msg, args...)
}
