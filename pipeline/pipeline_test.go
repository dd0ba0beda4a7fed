package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

var errBroken = errors.New("broken pdf")

// fakeIndex collects what the index stage receives.
type fakeIndex struct {
	mu     sync.Mutex
	docs   map[string]int // source -> passages
	failed map[string]string
}

func newFakeIndex() *fakeIndex {
	return &fakeIndex{docs: map[string]int{}, failed: map[string]string{}}
}

func (f *fakeIndex) stage(ctx context.Context, it *Item) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if it.Err != nil {
		f.failed[it.Source.Location] = it.Err.Error()
		return "", nil
	}
	f.docs[it.Source.Location] = len(it.Norm.Passages)
	return "added", nil
}

// fakeConfig has stages that fail or panic for sources whose name says so.
func fakeConfig(workers int, ix Stage[*Item, string]) Config {
	return Config{
		Workers: workers,
		Fetch: func(ctx context.Context, s model.Source) (model.Raw, error) {
			if strings.Contains(s.Location, "404") {
				return model.Raw{}, fmt.Errorf("fetch: %s: not found", s.Location)
			}
			return model.Raw{Source: s, URL: s.Location, Format: model.FormatPDF, Data: []byte(s.Location)}, nil
		},
		Extract: func(ctx context.Context, r model.Raw) (*model.Document, error) {
			if strings.Contains(r.URL, "broken") {
				return nil, model.Errorf(r.URL, model.StageExtract, model.Pos{Page: 2}, "%w", errBroken)
			}
			if strings.Contains(r.URL, "panic") {
				panic("index out of range")
			}
			return &model.Document{DocInfo: model.DocInfo{Doc: model.DocID(r.Data), Source: r.URL, Format: r.Format, Gemeente: "Houten", DocYear: 2022},
				Pages: 3, Engine: "fake"}, nil
		},
		Normalize: func(ctx context.Context, d *model.Document) (Normalized, error) {
			return Normalized{
				Passages: make([]model.Passage, 2),
				Records:  make([]model.Record, 5),
				Skipped:  1,
			}, nil
		},
		Index: ix,
	}
}

func list(names ...string) iter.Seq2[model.Source, error] {
	return func(yield func(model.Source, error) bool) {
		for _, n := range names {
			if !yield(model.Source{Location: n}, nil) {
				return
			}
		}
	}
}

func TestRunFailuresRecorded(t *testing.T) {
	fx := newFakeIndex()
	names := []string{"a.pdf", "broken.pdf", "b.pdf", "404.html", "panic.pdf", "c.pdf"}
	rep, err := Run(context.Background(), fakeConfig(2, fx.stage), list(names...))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.Done != 3 || rep.Failed != 3 || len(rep.Sources) != 6 {
		t.Fatalf("report: done %d failed %d sources %d", rep.Done, rep.Failed, len(rep.Sources))
	}
	if !errors.Is(rep.Err(), ErrSomeFailed) {
		t.Errorf("Err() = %v, want ErrSomeFailed", rep.Err())
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		if fx.docs[n] != 2 {
			t.Errorf("%s not indexed: %v", n, fx.docs)
		}
	}
	want := map[string]string{"broken.pdf": "extract", "404.html": "fetch", "panic.pdf": "extract"}
	for _, s := range rep.Sources {
		if stage, bad := want[s.Source]; bad {
			if s.Status != StatusFailed || s.Stage != stage || s.Reason == "" {
				t.Errorf("%s: %+v, want failed in %s", s.Source, s, stage)
			}
			if _, ok := fx.failed[s.Source]; !ok {
				t.Errorf("%s: failure not passed to the index stage", s.Source)
			}
			continue
		}
		if s.Status != StatusDone || s.Pages != 3 || s.Records != 5 || s.Passages != 2 || s.Skipped != 1 || s.Engine != "fake" || s.Outcome != "added" {
			t.Errorf("%s: %+v", s.Source, s)
		}
		if strings.Join(s.Undetected, ",") != "doc_kind" {
			t.Errorf("%s: undetected %v, want doc_kind", s.Source, s.Undetected)
		}
	}
	if rep.Pages != 9 || rep.Records != 15 || rep.Passages != 6 {
		t.Errorf("totals %+v", rep)
	}
	var out bytes.Buffer
	rep.Write(&out)
	for _, s := range []string{"broken.pdf: page 2: extract: broken pdf", "404.html", "panic", "3 sources done, 3 failed", "doc_kind"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("report text lacks %q:\n%s", s, out.String())
		}
	}
}

func TestRunSourceListError(t *testing.T) {
	fx := newFakeIndex()
	srcs := func(yield func(model.Source, error) bool) {
		if !yield(model.Source{Location: "a.pdf"}, nil) {
			return
		}
		yield(model.Source{}, &model.SourceError{Source: "manifest.csv:3", Stage: model.StageFetch, Err: errors.New("no source column")})
	}
	rep, err := Run(context.Background(), fakeConfig(1, fx.stage), srcs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Done != 1 || rep.Failed != 1 || rep.Sources[1].Source != "manifest.csv:3" && rep.Sources[0].Source != "manifest.csv:3" {
		t.Errorf("report %+v", rep.Sources)
	}
}

func TestRunFatalIndexError(t *testing.T) {
	full := errors.New("no space left on device")
	var calls atomic.Int32
	ix := func(ctx context.Context, it *Item) (string, error) {
		if calls.Add(1) == 3 {
			return "", Fatal(full)
		}
		return "added", nil
	}
	_, err := Run(context.Background(), fakeConfig(2, ix), list("a", "b", "c", "d", "e", "f", "g"))
	if !errors.Is(err, ErrRunFailed) || !errors.Is(err, full) {
		t.Fatalf("Run = %v, want ErrRunFailed wrapping the cause", err)
	}
}

// endless yields sources until the consumer stops.
func endless(yield func(model.Source, error) bool) {
	for i := 0; ; i++ {
		if !yield(model.Source{Location: fmt.Sprintf("doc-%d.pdf", i)}, nil) {
			return
		}
	}
}

func TestRunCancelReturnsPromptly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var inFlight, maxInFlight atomic.Int64
	cfg := fakeConfig(3, func(ctx context.Context, it *Item) (string, error) {
		select {
		case <-time.After(time.Millisecond):
		case <-ctx.Done():
		}
		return "added", nil
	})
	fetch := cfg.Fetch
	cfg.Fetch = func(ctx context.Context, s model.Source) (model.Raw, error) {
		n := inFlight.Add(1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		return fetch(ctx, s)
	}
	var finished atomic.Int64
	cfg.Progress = progressFunc(func(r SourceReport) {
		finished.Add(1)
		inFlight.Add(-1)
		if finished.Load() == 200 {
			cancel()
		}
	})
	done := make(chan struct{})
	var rep Report
	var err error
	go func() {
		rep, err = Run(ctx, cfg, endless)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if !errors.Is(err, context.Canceled) || !rep.Canceled {
		t.Errorf("Run = %v (canceled %v), want context.Canceled", err, rep.Canceled)
	}
	if rep.Done < 200 {
		t.Errorf("report lost finished sources: %d", rep.Done)
	}
	// Workers and buffers bound what is in flight: 4 stages of 3 workers,
	// 4 channels of 3, the collector.
	if m := maxInFlight.Load(); m > 4*3+4*3+1 {
		t.Errorf("%d sources in flight at once, want at most 25", m)
	}
}

type progressFunc func(SourceReport)

func (f progressFunc) Found(string)            {}
func (f progressFunc) Listed()                 {}
func (f progressFunc) Finished(r SourceReport) { f(r) }
func (f progressFunc) Close()                  {}

func TestLogProgress(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &buf, mu: &mu}, nil))
	cfg := fakeConfig(2, newFakeIndex().stage)
	cfg.Progress = NewLog(logger, time.Nanosecond)
	if _, err := Run(context.Background(), cfg, list("a.pdf", "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, s := range []string{"sources listed", "source failed", "broken.pdf", "finished", "documents=2", "errors=1"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("log lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestBarsProgress(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	cfg := fakeConfig(2, newFakeIndex().stage)
	cfg.Progress = NewBars(&lockedWriter{w: &buf, mu: &mu})
	if _, err := Run(context.Background(), cfg, list("a.pdf", "b.pdf", "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(buf.String(), "documents") || !strings.Contains(buf.String(), "3/3") {
		t.Errorf("bar output %q", buf.String())
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestRunSkipsUnchanged(t *testing.T) {
	fx := newFakeIndex()
	cfg := fakeConfig(2, fx.stage)
	extract := cfg.Extract
	var extracted atomic.Int32
	cfg.Extract = func(ctx context.Context, r model.Raw) (*model.Document, error) {
		extracted.Add(1)
		return extract(ctx, r)
	}
	cfg.Unchanged = func(ctx context.Context, raw model.Raw) (bool, error) {
		return raw.Source.Location == "old.pdf", nil
	}
	rep, err := Run(context.Background(), cfg, list("old.pdf", "new.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if extracted.Load() != 1 || len(fx.docs) != 1 || fx.docs["new.pdf"] != 2 {
		t.Errorf("extracted %d, indexed %v; want only new.pdf", extracted.Load(), fx.docs)
	}
	for _, s := range rep.Sources {
		want := map[string]string{"old.pdf": "unchanged", "new.pdf": "added"}[s.Source]
		if s.Status != StatusDone || s.Outcome != want {
			t.Errorf("%s: %s %s, want done %s", s.Source, s.Status, s.Outcome, want)
		}
	}
}
