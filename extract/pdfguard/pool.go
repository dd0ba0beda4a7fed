package pdfguard

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Starting a worker costs far more than reading a small PDF, so workers
// that answered cleanly wait in a pool for the next document.
const idleTimeout = 10 * time.Second

// maxIdle bounds the workers kept waiting; one per core serves as many
// documents read at once as the machine runs.
var maxIdle = runtime.NumCPU()

// workers is the process-wide pool, started lazily by the first Read.
var workers pool

// pool holds idle workers, the most recently used last.
type pool struct {
	mu     sync.Mutex
	idle   []*proc
	starts atomic.Int64 // workers started, for tests
}

// proc is one worker process, used by one Read at a time.
type proc struct {
	cmd    *exec.Cmd
	in     *bufio.Writer
	stdin  io.Closer
	out    *bufio.Reader
	stderr *tail
	exe    string
	limit  int64
	timer  *time.Timer // ends the worker when idle too long
}

// get returns an idle worker of the current executable with memory
// limit limit, and true, or starts one.
func (pl *pool) get(limit int64) (*proc, bool, error) {
	exe, err := executable()
	if err != nil {
		return nil, false, err
	}
	pl.mu.Lock()
	for i := len(pl.idle) - 1; i >= 0; i-- {
		if p := pl.idle[i]; p.exe == exe && p.limit == limit {
			pl.idle = slices.Delete(pl.idle, i, i+1)
			pl.mu.Unlock()
			// A timer that fired already finds p gone from the pool
			// and leaves it alone.
			p.timer.Stop()
			return p, true, nil
		}
	}
	pl.mu.Unlock()
	p, err := pl.start(exe, limit)
	return p, false, err
}

func (pl *pool) start(exe string, limit int64) (*proc, error) {
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envWorker+"=1", envMemory+"="+strconv.FormatInt(limit, 10), envParent+"="+strconv.Itoa(os.Getpid()))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := &proc{cmd: cmd, in: bufio.NewWriter(stdin), stdin: stdin, out: bufio.NewReader(stdout), stderr: &tail{max: 4 << 10}, exe: exe, limit: limit}
	cmd.Stderr = p.stderr
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	pl.starts.Add(1)
	return p, nil
}

// put returns a worker that answered cleanly to the pool; when the pool
// is full, the worker idle longest ends to make room.
func (pl *pool) put(p *proc) {
	pl.mu.Lock()
	var old *proc
	if len(pl.idle) >= maxIdle {
		old = pl.idle[0]
		pl.idle = slices.Delete(pl.idle, 0, 1)
	}
	pl.idle = append(pl.idle, p)
	p.timer = time.AfterFunc(idleTimeout, func() { pl.expire(p) })
	pl.mu.Unlock()
	if old != nil {
		old.timer.Stop()
		old.close()
	}
}

// expire ends p when it is still idle.
func (pl *pool) expire(p *proc) {
	pl.mu.Lock()
	i := slices.Index(pl.idle, p)
	if i >= 0 {
		pl.idle = slices.Delete(pl.idle, i, i+1)
	}
	pl.mu.Unlock()
	if i >= 0 {
		p.close()
	}
}

// close ends a worker by closing its stdin, where it waits for the next
// request, and waits for it to exit.
func (p *proc) close() error {
	p.stdin.Close()
	return p.cmd.Wait()
}

// kill ends a worker at once and returns how it ended.
func (p *proc) kill() error {
	p.cmd.Process.Kill()
	p.stdin.Close()
	return p.cmd.Wait()
}
