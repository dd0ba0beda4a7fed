package pdfguard

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

var (
	// engPid answers with the pid of the process that read.
	engPid = testEngine("test-pid", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		return []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: strconv.Itoa(os.Getpid())}}}}, nil
	})
	// engBig holds 96 MiB while reading, then answers like engPid.
	engBig = testEngine("test-big", func(ctx context.Context, data []byte) ([]pdftext.Page, error) {
		b := make([]byte, 96<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		runtime.KeepAlive(b)
		return []pdftext.Page{{Number: 1, Words: []pdftext.Word{{Text: strconv.Itoa(os.Getpid())}}}}, nil
	})
)

// readPid reads with e in a worker and returns the worker's pid.
func readPid(t *testing.T, e engine, opt Options) int {
	t.Helper()
	res, err := readWith(context.Background(), []byte("data"), opt, []engine{e})
	if err != nil {
		t.Fatalf("%s: %v", e.Name, err)
	}
	pid, err := strconv.Atoi(res.Pages[0].Words[0].Text)
	if err != nil {
		t.Fatalf("%s answered %q", e.Name, res.Pages[0].Words[0].Text)
	}
	if pid == os.Getpid() {
		t.Fatalf("%s read in process", e.Name)
	}
	return pid
}

// TestReuse checks that one worker reads document after document, also
// after an error that leaves it sound.
func TestReuse(t *testing.T) {
	first := readPid(t, engPid, Options{})
	starts := workers.starts.Load()
	if _, err := readWith(context.Background(), nil, Options{}, []engine{engMalformed}); !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want ErrMalformed", err)
	}
	if again := readPid(t, engPid, Options{}); again != first {
		t.Errorf("second document read by worker %d, first by %d", again, first)
	}
	if n := workers.starts.Load() - starts; n != 0 {
		t.Errorf("%d workers started for the second and third document", n)
	}
}

// TestReplaced checks that a worker that failed is ended, never reused,
// and that the next document is read by a new one.
func TestReplaced(t *testing.T) {
	tests := []struct {
		name string
		eng  engine
		opt  Options
		want error
	}{
		{name: "timeout", eng: engLoop, opt: Options{Timeout: 500 * time.Millisecond}, want: ErrTimeout},
		{name: "panic", eng: engPanic, want: ErrCrashed},
		{name: "exit", eng: engExit, want: ErrCrashed},
		{name: "memory", eng: engHog, opt: Options{MemoryLimit: 256 << 20}, want: ErrMemory},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opt.MemoryLimit > 0 && raceEnabled {
				t.Skip("small memory limit under the race detector")
			}
			opt := Options{MemoryLimit: tt.opt.MemoryLimit}
			before := readPid(t, engPid, opt)
			// The failing read takes the worker just put back, the most
			// recently used.
			if _, err := readWith(context.Background(), nil, tt.opt, []engine{tt.eng}); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if syscall.Kill(before, 0) == nil {
				t.Errorf("worker %d still runs after %v", before, tt.want)
			}
			if after := readPid(t, engPid, opt); after == before {
				t.Errorf("worker %d reused after %v", after, tt.want)
			}
		})
	}
}

// TestRetire checks that a worker that needed much of its memory limit
// exits after its reply rather than read the next document.
func TestRetire(t *testing.T) {
	if raceEnabled {
		t.Skip("small memory limit under the race detector")
	}
	opt := Options{MemoryLimit: 320 << 20}
	first := readPid(t, engBig, opt)
	if second := readPid(t, engBig, opt); second == first {
		t.Errorf("worker %d reused after a document that needed %d MiB", first, 96)
	}
	small := readPid(t, engPid, opt)
	if again := readPid(t, engPid, opt); again != small {
		t.Errorf("small documents read by workers %d and %d", small, again)
	}
}

// TestConcurrent reads from several goroutines at once, each checking
// that it got its own document's pages.
func TestConcurrent(t *testing.T) {
	const readers, docs = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, readers*docs)
	for g := range readers {
		wg.Go(func() {
			for d := range docs {
				want := fmt.Sprintf("doc %d.%d", g, d)
				res, err := readWith(context.Background(), []byte(want), Options{}, []engine{engOK})
				switch {
				case err != nil:
					errs <- err
				case res.Pages[0].Words[0].Text != want:
					errs <- fmt.Errorf("read %q, got %q", want, res.Pages[0].Words[0].Text)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	workers.mu.Lock()
	idle := len(workers.idle)
	workers.mu.Unlock()
	if idle > maxIdle {
		t.Errorf("%d idle workers, at most %d kept", idle, maxIdle)
	}
}

// TestIdle checks that an idle worker ends after idleTimeout.
func TestIdle(t *testing.T) {
	pid := readPid(t, engPid, Options{})
	workers.mu.Lock()
	for _, p := range workers.idle {
		if p.cmd.Process.Pid == pid {
			p.timer.Reset(10 * time.Millisecond)
		}
	}
	workers.mu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("idle worker %d still runs", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestIdleKilled checks that a worker killed while idle costs the next
// document nothing: another worker reads it.
func TestIdleKilled(t *testing.T) {
	pid := readPid(t, engPid, Options{})
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// Wait until only the zombie leader is left: the last thread to
	// end closes the pipes.
	deadline := time.Now().Add(5 * time.Second)
	for {
		tasks, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if len(tasks) <= 1 && strings.Contains(string(b), ") Z ") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("worker %d not ended by SIGKILL", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if again := readPid(t, engPid, Options{}); again == pid {
		t.Errorf("killed worker %d answered", pid)
	}
}
