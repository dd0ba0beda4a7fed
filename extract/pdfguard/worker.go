package pdfguard

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// The worker is this same executable started again with these variables
// set: envWorker names the engine to run, envMemory the memory limit in
// bytes.
const (
	envWorker = "JAARZOEK_PDF_WORKER"
	envMemory = "JAARZOEK_PDF_MEMORY"
	envParent = "JAARZOEK_PDF_PARENT" // pid of the process waiting for the reply
)

// errNoWorker says the worker process could not be started at all.
var errNoWorker = errors.New("pdfguard: cannot start worker")

// executable finds the program to start as worker; tests replace it.
var executable = os.Executable

// Error kinds as they cross from worker to parent.
const (
	kindNone      = ""
	kindMalformed = "malformed"
	kindEncrypted = "encrypted"
	kindPassword  = "password"
	kindCrashed   = "crashed"
)

// reply is what a worker writes on its stdout, gob-encoded.
type reply struct {
	Pages  []pdftext.Page
	Info   pdftext.Info
	Tagged []pdftagged.Table
	Kind   string
	Msg    string
}

func init() {
	// Serving here, before main or TestMain runs, means a binary that
	// links this package can never run its own main as a worker and so
	// start workers of its own.
	if IsWorker() {
		ServeWorker()
	}
}

// IsWorker reports whether this process was started by Read to read one
// PDF.
func IsWorker() bool { return os.Getenv(envWorker) != "" }

// ServeWorker reads one PDF from stdin with the engine named in the
// environment, writes the pages or the error to stdout and exits. It
// never returns. Call it first in main (and in TestMain) when IsWorker
// reports true; the package's init does so already, the call documents
// it.
func ServeWorker() {
	// Replies go to the original stdout; anything else a library prints
	// goes to stderr, where the parent keeps it for diagnosis.
	out := redirectStdout()
	if parent, err := strconv.Atoi(os.Getenv(envParent)); err == nil {
		go exitWithParent(parent)
	}
	limit, _ := strconv.ParseInt(os.Getenv(envMemory), 10, 64)
	if limit > 0 {
		// The soft limit makes the collector work hard before the hard
		// limit makes an allocation fail.
		debug.SetMemoryLimit(limit / 4 * 3)
		if err := limitMemory(limit); err != nil {
			fmt.Fprintf(os.Stderr, "pdfguard worker: memory limit not set: %v\n", err)
		}
	}
	r := serve(os.Stdin, os.Getenv(envWorker))
	w := bufio.NewWriter(out)
	if err := gob.NewEncoder(w).Encode(r); err != nil {
		fmt.Fprintf(os.Stderr, "pdfguard worker: reply: %v\n", err)
		os.Exit(3)
	}
	if err := w.Flush(); err != nil {
		os.Exit(3)
	}
	os.Exit(0)
}

// exitWithParent ends a worker whose parent is gone (killed, crashed):
// nobody waits for its reply, and a worker stuck in a loop would
// otherwise run on. The parent's pid comes from the environment, as the
// parent may be gone before the worker first looks.
func exitWithParent(parent int) {
	for {
		if os.Getppid() != parent {
			os.Exit(4)
		}
		time.Sleep(time.Second)
	}
}

func serve(in io.Reader, name string) reply {
	e, ok := known[name]
	if !ok {
		return reply{Kind: kindCrashed, Msg: fmt.Sprintf("no engine %q", name)}
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return reply{Kind: kindCrashed, Msg: "read input: " + err.Error()}
	}
	pages, info, err := safeRead(context.Background(), e, data)
	if err != nil {
		return reply{Kind: kindOf(err), Msg: err.Error()}
	}
	return reply{Pages: pages, Info: info, Tagged: safeTagged(context.Background(), e, data)}
}

func kindOf(err error) string {
	switch {
	case errors.Is(err, ErrPassword):
		return kindPassword
	case errors.Is(err, ErrEncrypted):
		return kindEncrypted
	case errors.Is(err, ErrMalformed):
		return kindMalformed
	}
	return kindCrashed
}

// errorOf turns a reply's kind back into an error wrapping the sentinel.
func errorOf(r reply) error {
	var s error
	switch r.Kind {
	case kindNone:
		return nil
	case kindPassword:
		s = ErrPassword
	case kindEncrypted:
		s = ErrEncrypted
	case kindMalformed:
		s = ErrMalformed
	default:
		s = ErrCrashed
	}
	return &tagged{s, errors.New(r.Msg)}
}

// runWorker reads data with engine name in a worker process, stopped at
// ctx's end or when its memory passes opt's limit.
func runWorker(ctx context.Context, name string, data []byte, opt Options) ([]pdftext.Page, pdftext.Info, []pdftagged.Table, error) {
	exe, err := executable()
	if err != nil {
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: %v", errNoWorker, err)
	}
	limit := opt.memoryLimit()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), envWorker+"="+name, envMemory+"="+strconv.FormatInt(limit, 10), envParent+"="+strconv.Itoa(os.Getpid()))
	cmd.Stdin = bytes.NewReader(data)
	var stdout bytes.Buffer
	stderr := &tail{max: 4 << 10}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: %v", errNoWorker, err)
	}

	// The worker limits itself; watching its resident memory from here
	// also catches what the limit inside does not count.
	var overMemory atomic.Int64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if rss := residentBytes(cmd.Process.Pid); rss > limit {
					overMemory.Store(rss)
					cmd.Process.Kill()
					return
				}
			}
		}
	}()
	err = cmd.Wait()
	close(done)

	switch {
	case overMemory.Load() > 0:
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: worker used %d MiB, limit %d MiB", ErrMemory, overMemory.Load()>>20, limit>>20)
	case ctx.Err() != nil && err != nil:
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, pdftext.Info{}, nil, fmt.Errorf("%w: stopped after %v", ErrTimeout, time.Since(start).Round(time.Millisecond))
		}
		return nil, pdftext.Info{}, nil, ctx.Err()
	case err != nil:
		return nil, pdftext.Info{}, nil, exitError(err, stderr.String(), limit)
	}
	var r reply
	if err := gob.NewDecoder(&stdout).Decode(&r); err != nil {
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: worker reply unreadable: %v", ErrCrashed, err)
	}
	if err := errorOf(r); err != nil {
		return nil, pdftext.Info{}, nil, err
	}
	return r.Pages, r.Info, r.Tagged, nil
}

// exitError says why a worker ended without a reply. The Go runtime ends
// a process whose allocation the memory limit refused with "out of
// memory"; anything else is a crash, told with the worker's last words.
func exitError(err error, stderr string, limit int64) error {
	for _, l := range strings.Split(stderr, "\n") {
		// A thread that cannot get its stack under the limit fails to
		// start with EAGAIN, reported by the runtime as pthread_create.
		if strings.Contains(l, "out of memory") || strings.Contains(l, "cannot allocate memory") || strings.Contains(l, "pthread_create failed") {
			return fmt.Errorf("%w: over %d MiB: %s", ErrMemory, limit>>20, strings.TrimSpace(l))
		}
	}
	why := firstLine(stderr)
	var ee *exec.ExitError
	if errors.As(err, &ee) && !ee.Exited() {
		return fmt.Errorf("%w: worker %v (by the out-of-memory killer?)%s", ErrCrashed, ee, why)
	}
	return fmt.Errorf("%w: worker %v%s", ErrCrashed, err, why)
}

// firstLine returns ": " and the first non-empty line of s (a Go crash
// report starts with its reason), or "" when there is none.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return ": " + l
		}
	}
	return ""
}

// tail keeps the first and the last bytes written to it, up to max: a
// Go crash report begins with the reason and ends with the stacks.
type tail struct {
	max        int
	head, rest []byte
}

func (t *tail) Write(p []byte) (int, error) {
	n := len(p)
	if room := t.max/2 - len(t.head); room > 0 {
		k := min(room, len(p))
		t.head = append(t.head, p[:k]...)
		p = p[k:]
	}
	t.rest = append(t.rest, p...)
	if over := len(t.rest) - t.max/2; over > 0 {
		t.rest = t.rest[over:]
	}
	return n, nil
}

func (t *tail) String() string { return string(t.head) + string(t.rest) }
