package pdfguard

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

func TestMain(m *testing.M) {
	if IsWorker() {
		ServeWorker()
	}
	if os.Getenv(envTestParent) != "" {
		orphanWorker()
	}
	os.Exit(m.Run())
}

// envTestParent makes the test binary a parent that starts a looping
// worker, prints its pid and dies.
const envTestParent = "JAARZOEK_PDFGUARD_TEST_PARENT"

func orphanWorker() {
	exe, _ := os.Executable()
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envWorker+"=1", envTestParent+"=", envParent+"="+strconv.Itoa(os.Getpid()))
	// The request waits in a pipe, so that it reaches the worker even
	// after this process is gone.
	r, w, err := os.Pipe()
	if err != nil {
		os.Exit(1)
	}
	if err := writeMsg(bufio.NewWriter(w), request{Engine: engLoop.Name, Data: []byte("data")}); err != nil {
		os.Exit(1)
	}
	w.Close()
	cmd.Stdin = r
	if err := cmd.Start(); err != nil {
		os.Exit(1)
	}
	fmt.Println(cmd.Process.Pid)
	os.Exit(0)
}

// TestOrphan checks that a worker whose parent died ends by itself.
func TestOrphan(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envTestParent+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("parent said %q", out)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Signal 0 only asks whether the process exists; a zombie that
		// init has not reaped yet counts as ended.
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if syscall.Kill(pid, 0) != nil || strings.Contains(string(b), ") Z ") {
			return
		}
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("worker %d still running 5 s after its parent died: %s", pid, b)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Engines that misbehave on purpose. They are registered while package
// variables are set up, before init serves a worker, so workers know
// them too.
var (
	engOK = testEngine("test-ok", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: string(data)}}, Trusted: true}}, nil
	})
	engChatty = testEngine("test-chatty", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		fmt.Println("noise a library printed on stdout")
		os.Stdout.WriteString("more noise\n")
		return []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: "ok"}}}}, nil
	})
	engPanic = testEngine("test-panic", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		var m map[string]int
		m["x"]++
		return nil, nil
	})
	engLoop = testEngine("test-loop", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		for n := 0; ; n++ {
			if n < 0 {
				return nil, nil
			}
		}
	})
	engSlow = testEngine("test-slow", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		time.Sleep(5 * time.Second)
		return nil, nil
	})
	engHog = testEngine("test-hog", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		var keep [][]byte
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = byte(i)
			}
			keep = append(keep, b)
			if len(keep) < 0 {
				return nil, nil
			}
		}
	})
	engHuge = testEngine("test-huge", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		// One allocation far past the limit, as a hostile /Columns asks.
		b := make([]byte, 6<<30)
		b[len(b)-1] = 1
		return nil, nil
	})
	engExit = testEngine("test-exit", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		os.Exit(7)
		return nil, nil
	})
	engMalformed = testEngine("test-malformed", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return nil, fmt.Errorf("%w: xref damaged", pdftext.ErrMalformed)
	})
	engPassword = testEngine("test-password", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return nil, fmt.Errorf("%w: user password", ErrPassword)
	})
	engBlank = testEngine("test-blank", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return []pdftext.Page{{Number: 1, Problem: "no text layer"}, {Number: 2, Problem: "no text layer"}}, nil
	})
	engTwo = testEngine("test-two", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: "één"}}}, {Number: 2, Words: []pdftext.Word{{Text: "twee"}}}}, nil
	})
	engPartial = testEngine("test-partial", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		pages := []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: "een"}}}, {Number: 2, Problem: "page could not be read"}}
		return pages, errors.Join(&pdftext.PageError{Page: 2, Err: pdftext.ErrMalformed})
	})
)

func testEngine(name string, read func(context.Context, []byte) ([]pdftext.Page, error)) engine {
	e := engine{Name: name, Read: func(ctx context.Context, data []byte) ([]pdftext.Page, pdftext.Info, error) {
		pages, err := read(ctx, data)
		return pages, pdftext.Info{Title: name}, err
	}}
	known[name] = e
	return e
}

func TestReadWith(t *testing.T) {
	tests := []struct {
		name    string
		engines []engine
		opt     Options
		worker  bool // only in a worker: in process it would take the test down
		want    error
		engine  string // engine of the result when want is nil
		page2   string // first word of page 2, when set
		within  time.Duration
	}{
		{name: "ok", engines: []engine{engOK}, engine: "test-ok"},
		{name: "stdout noise", engines: []engine{engChatty}, engine: "test-chatty"},
		{name: "panic", engines: []engine{engPanic}, want: ErrCrashed},
		{name: "partial", engines: []engine{engPartial}, engine: "test-partial"},
		{name: "partial, other page count", engines: []engine{engPartial, engOK}, engine: "test-partial"},
		{name: "partial patched", engines: []engine{engPartial, engTwo}, engine: "test-partial+test-two", page2: "twee"},
		{name: "fallback after malformed", engines: []engine{engMalformed, engOK}, engine: "test-ok"},
		{name: "fallback after panic", engines: []engine{engPanic, engOK}, engine: "test-ok"},
		{name: "all malformed", engines: []engine{engMalformed, engMalformed}, want: ErrMalformed},
		{name: "password stops", engines: []engine{engPassword, engOK}, want: ErrPassword},
		{name: "no text", engines: []engine{engBlank, engBlank}, want: ErrNoText},
		// In process a loop would spin on after the test; a sleep shows the
		// same timeout without burning a core.
		{name: "loop", engines: []engine{engLoop}, opt: Options{Timeout: time.Second}, worker: true, want: ErrTimeout, within: 4 * time.Second},
		{name: "loop then ok", engines: []engine{engLoop, engOK}, opt: Options{Timeout: 3 * time.Second}, worker: true, engine: "test-ok", within: 10 * time.Second},
		{name: "slow", engines: []engine{engSlow}, opt: Options{Timeout: 500 * time.Millisecond}, want: ErrTimeout, within: 3 * time.Second},
		{name: "memory hog", engines: []engine{engHog}, opt: Options{MemoryLimit: 256 << 20}, worker: true, want: ErrMemory, within: 20 * time.Second},
		{name: "huge allocation", engines: []engine{engHuge}, opt: Options{MemoryLimit: 256 << 20}, worker: true, want: ErrMemory, within: 20 * time.Second},
		{name: "exit", engines: []engine{engExit}, worker: true, want: ErrCrashed},
	}
	for _, tt := range tests {
		for _, inProcess := range []bool{false, true} {
			if inProcess && tt.worker {
				continue
			}
			name := tt.name + map[bool]string{false: "/worker", true: "/inprocess"}[inProcess]
			t.Run(name, func(t *testing.T) {
				opt := tt.opt
				opt.InProcess = inProcess
				start := time.Now()
				res, err := readWith(context.Background(), []byte("data"), opt, tt.engines)
				if d := time.Since(start); tt.within > 0 && d > tt.within {
					t.Errorf("took %v, limit %v", d, tt.within)
				}
				if tt.want != nil {
					if !errors.Is(err, tt.want) {
						t.Fatalf("err = %v, want %v", err, tt.want)
					}
					t.Logf("%v in %v", err, time.Since(start).Round(time.Millisecond))
					if tt.want == ErrNoText && len(res.Pages) != 2 {
						t.Errorf("ErrNoText came with %d pages, want 2", len(res.Pages))
					}
					return
				}
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				if res.Engine != tt.engine {
					t.Errorf("engine = %q, want %q", res.Engine, tt.engine)
				}
				if first, _, _ := strings.Cut(tt.engine, "+"); res.Info.Title != first {
					t.Errorf("info title %q, want %q", res.Info.Title, first)
				}
				if !hasWords(res.Pages) {
					t.Errorf("no words in %+v", res.Pages)
				}
				if tt.page2 != "" && (len(res.Pages) < 2 || len(res.Pages[1].Words) == 0 || res.Pages[1].Words[0].Text != tt.page2) {
					t.Errorf("page 2 is %+v, want %q", res.Pages[1:], tt.page2)
				}
			})
		}
	}
}

// TestCrashMessage checks that a worker's death is told with its exit
// status.
func TestCrashMessage(t *testing.T) {
	_, err := readWith(context.Background(), nil, Options{}, []engine{engExit})
	if err == nil || !strings.Contains(err.Error(), "exit status 7") {
		t.Errorf("err = %v, want the exit status", err)
	}
}

// TestCancel checks that a canceled ctx ends a worker at once and is
// returned as such.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err := readWith(ctx, nil, Options{}, []engine{engLoop, engOK})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v after cancel", d)
	}
}

// TestNoWorker checks that Read reads in process, and says so, when no
// worker can be started.
func TestNoWorker(t *testing.T) {
	defer func(f func() (string, error)) { executable = f }(executable)
	executable = func() (string, error) { return "/nonexistent/jaarzoek", nil }
	var log strings.Builder
	opt := Options{Logger: slog.New(slog.NewTextHandler(&log, nil))}
	res, err := readWith(context.Background(), []byte("ok"), opt, []engine{engOK})
	if err != nil || res.Engine != "test-ok" {
		t.Fatalf("engine %q, err %v", res.Engine, err)
	}
	if _, err := readWith(context.Background(), nil, opt, []engine{engPanic}); !errors.Is(err, ErrCrashed) {
		t.Errorf("panic in process: err = %v, want ErrCrashed", err)
	}
	if !strings.Contains(log.String(), "reading in process") {
		t.Errorf("log %q does not say it read in process", log.String())
	}
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(testcorpus.Doc(b, "seed-twenterand-2022.chromium.pdf"))
	if err != nil {
		b.Skip("no corpus")
	}
	for _, inProcess := range []bool{false, true} {
		b.Run(map[bool]string{false: "worker", true: "inprocess"}[inProcess], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(context.Background(), data, Options{InProcess: inProcess}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
