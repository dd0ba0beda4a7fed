package pdfguard

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// The worker is this same executable started again with these variables
// set: envWorker marks it as worker, envMemory gives the memory limit in
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

// request asks a worker to read Data with the engine named Engine.
type request struct {
	Engine string
	Data   []byte
}

// reply is a worker's answer to one request.
type reply struct {
	Pages  []pdftext.Page
	Info   pdftext.Info
	Tagged []pdftagged.Table
	Kind   string
	Msg    string
	// Retire says the worker exits after this reply (see retire).
	Retire bool
}

func init() {
	// Serving here, before main or TestMain runs, means a binary that
	// links this package can never run its own main as a worker and so
	// start workers of its own.
	if IsWorker() {
		ServeWorker()
	}
}

// IsWorker reports whether this process was started by Read to read
// PDFs.
func IsWorker() bool { return os.Getenv(envWorker) != "" }

// ServeWorker reads requests from stdin, one PDF at a time, and writes
// each one's pages or error to stdout, until stdin ends or the worker
// retires; then it exits. It never returns. Call it first in main (and
// in TestMain) when IsWorker reports true; the package's init does so
// already, the call documents it.
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
	in := bufio.NewReader(os.Stdin)
	w := bufio.NewWriter(out)
	for {
		var req request
		if err := readMsg(in, &req); err != nil {
			if errors.Is(err, io.EOF) {
				os.Exit(0) // the parent closed the pool
			}
			fmt.Fprintf(os.Stderr, "pdfguard worker: request: %v\n", err)
			os.Exit(3)
		}
		r := serve(req)
		req = request{}
		r.Retire = retire(limit)
		if err := writeMsg(w, r); err != nil {
			fmt.Fprintf(os.Stderr, "pdfguard worker: reply: %v\n", err)
			os.Exit(3)
		}
		if r.Retire {
			os.Exit(0)
		}
	}
}

// retire returns the memory of the document just read to the OS and
// reports whether the worker should exit rather than read another one:
// when the runtime holds more than a quarter of limit from the OS. The
// hard limit (RLIMIT_DATA) counts mappings, which the runtime never
// unmaps, so a worker reused after a big document would start the next
// one with less than its limit; below a quarter the next document still
// has three quarters of it for new mappings and reuses the rest.
func retire(limit int64) bool {
	debug.FreeOSMemory()
	if limit <= 0 {
		return false
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys) > limit/4 || residentBytes(os.Getpid()) > limit/4
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

func serve(req request) reply {
	e, ok := known[req.Engine]
	if !ok {
		return reply{Kind: kindCrashed, Msg: fmt.Sprintf("no engine %q", req.Engine)}
	}
	pages, info, err := safeRead(context.Background(), e, req.Data)
	if err != nil {
		return reply{Kind: kindOf(err), Msg: err.Error()}
	}
	return reply{Pages: pages, Info: info, Tagged: safeTagged(context.Background(), e, req.Data)}
}

// writeMsg writes v gob-encoded, after its length as 8 bytes big endian,
// and flushes w.
func writeMsg(w *bufio.Writer, v any) error {
	var buf bytes.Buffer
	buf.Write(make([]byte, 8))
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	b := buf.Bytes()
	binary.BigEndian.PutUint64(b, uint64(len(b)-8))
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Flush()
}

// readMsg reads a message writeMsg wrote into v. It returns io.EOF only
// when r ends before the message starts.
func readMsg(r io.Reader, v any) error {
	var n [8]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return err
	}
	size := binary.BigEndian.Uint64(n[:])
	if size > math.MaxInt32*4 {
		return fmt.Errorf("message of %d bytes", size)
	}
	if err := gob.NewDecoder(io.LimitReader(r, int64(size))).Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("decode: %w", err)
	}
	return nil
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

// runWorker reads data with engine name in a worker process of the pool,
// which is killed at ctx's end or when its memory passes opt's limit.
func runWorker(ctx context.Context, name string, data []byte, opt Options) ([]pdftext.Page, pdftext.Info, []pdftagged.Table, error) {
	limit := opt.memoryLimit()
	p, reused, err := workers.get(limit)
	if err != nil {
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: %v", errNoWorker, err)
	}
	p.stderr.reset()
	start := time.Now()

	type result struct {
		r    reply
		err  error
		sent bool // the whole request reached the worker
	}
	ch := make(chan result, 1)
	go func() {
		if err := writeMsg(p.in, request{Engine: name, Data: data}); err != nil {
			ch <- result{err: err}
			return
		}
		var r reply
		err := readMsg(p.out, &r)
		ch <- result{r, err, true}
	}()

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
				if rss := residentBytes(p.cmd.Process.Pid); rss > limit {
					overMemory.Store(rss)
					p.cmd.Process.Kill()
					return
				}
			}
		}
	}()
	var res result
	select {
	case res = <-ch:
	case <-ctx.Done():
		p.cmd.Process.Kill()
		res = <-ch
		if res.err == nil {
			res.err = ctx.Err() // the reply came as the time ran out
		}
	}
	close(done)

	if res.err != nil {
		// The worker is dead or no longer in step: it is never reused.
		waitErr := p.kill()
		switch {
		case reused && !res.sent && overMemory.Load() == 0 && ctx.Err() == nil:
			// An idle worker ended by someone else (the out-of-memory
			// killer, a signal) takes no request; another one will.
			return runWorker(ctx, name, data, opt)
		case overMemory.Load() > 0:
			return nil, pdftext.Info{}, nil, fmt.Errorf("%w: worker used %d MiB, limit %d MiB", ErrMemory, overMemory.Load()>>20, limit>>20)
		case ctx.Err() != nil:
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, pdftext.Info{}, nil, fmt.Errorf("%w: stopped after %v", ErrTimeout, time.Since(start).Round(time.Millisecond))
			}
			return nil, pdftext.Info{}, nil, ctx.Err()
		case waitErr != nil:
			return nil, pdftext.Info{}, nil, exitError(waitErr, p.stderr.String(), limit)
		}
		return nil, pdftext.Info{}, nil, fmt.Errorf("%w: worker reply unreadable: %v%s", ErrCrashed, res.err, firstLine(p.stderr.String()))
	}
	r := res.r
	switch {
	case r.Kind == kindCrashed:
		// A recovered panic may have left the worker's state broken.
		p.kill()
	case r.Retire:
		p.close()
	default:
		workers.put(p)
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
	mu         sync.Mutex
	max        int
	head, rest []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
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

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + string(t.rest)
}

// reset forgets what was written, so that a reused worker's last words
// are about the document it is reading.
func (t *tail) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.head, t.rest = nil, nil
}
