package pdfguard

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// Sentinel errors of Read. Every error Read returns wraps exactly one of
// them (or ctx's error), whichever process the reading ran in.
var (
	// ErrMalformed: no engine could make sense of the file.
	ErrMalformed = pdftext.ErrMalformed
	// ErrEncrypted: the file is encrypted in a way no engine can open.
	ErrEncrypted = pdftext.ErrEncrypted
	// ErrPassword: the file opens only with a user password, which
	// jaarzoek never has. No engine is tried after it.
	ErrPassword = errors.New("pdfguard: encrypted with a password")
	// ErrNoText: the pages were read but none has a word, as in a scan
	// without a text layer (the pages' Problem says "no text layer") or a
	// blank document. Read returns the pages with it.
	ErrNoText = errors.New("pdfguard: no text layer")
	// ErrTimeout: reading took longer than Options.Timeout and was
	// stopped.
	ErrTimeout = errors.New("pdfguard: reading took too long")
	// ErrMemory: reading needed more than Options.MemoryLimit and was
	// stopped.
	ErrMemory = errors.New("pdfguard: reading needed too much memory")
	// ErrCrashed: the reader failed in a way that is none of the above (a
	// panic, a runtime fault, a worker that died).
	ErrCrashed = errors.New("pdfguard: reader crashed")
)

// Defaults of Options.
const (
	DefaultTimeout     = 60 * time.Second
	DefaultMemoryLimit = 2 << 30
)

// Options set the limits of Read. The zero value is ready to use.
type Options struct {
	// Timeout bounds each engine's attempt on the document, on top of
	// ctx's deadline. Zero means DefaultTimeout.
	Timeout time.Duration
	// MemoryLimit bounds, in bytes, the memory of the worker process that
	// reads the document. Zero means DefaultMemoryLimit.
	MemoryLimit int64
	// InProcess reads in the calling process: panics are still recovered,
	// but a loop runs on after Read returns ErrTimeout and nothing bounds
	// memory. For tests and small inputs from a trusted source.
	InProcess bool
	// Logger receives a line per engine attempt that failed; nil means
	// slog.Default().
	Logger *slog.Logger
}

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

func (o Options) memoryLimit() int64 {
	if o.MemoryLimit <= 0 {
		return DefaultMemoryLimit
	}
	return o.MemoryLimit
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.Default()
	}
	return o.Logger
}

// Result is what Read got out of a document.
type Result struct {
	Pages []pdftext.Page
	Info  pdftext.Info // the document information dictionary
	// Engine names the engine whose pages these are: "pdftext",
	// "pdfium", or "pdftext+pdfium" when pages pdftext could not read
	// were taken from PDFium.
	Engine string
	// Tagged holds the tables of the document's structure tree, whose
	// MCIDs refer to the words of Pages; empty for an untagged file or
	// when the tree could not be read.
	Tagged []pdftagged.Table
}

// Read returns the pages of the PDF in data. The engines, pdftext then
// PDFium, are tried in order, each in a worker process (see IsWorker) bounded by
// Options.Timeout and Options.MemoryLimit; the next one only when the
// previous one failed or found no word on any page. Pages the first
// engine could not read are taken from the next one when it reads them;
// pages no engine read have Problem set and do not make Read fail.
//
// A document that no engine reads gives an error wrapping one of the
// sentinels: ErrPassword or ErrEncrypted when any engine said so, else
// ErrNoText (with the pages), else the first engine's failure with the
// others' reasons in the message. When the worker cannot be started,
// Read reads in the calling process instead and logs why.
func Read(ctx context.Context, data []byte, opt Options) (Result, error) {
	return readWith(ctx, data, opt, chain)
}

func readWith(ctx context.Context, data []byte, opt Options, engines []engine) (Result, error) {
	var (
		errs  []error
		blank *Result // the first pages read without a word
	)
	for i, e := range engines {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		pages, info, tables, err := attempt(ctx, e, data, opt)
		if err == nil && !hasWords(pages) {
			if blank == nil {
				blank = &Result{Pages: pages, Info: info, Engine: e.Name}
			}
			what := "no words"
			if isScan(pages) {
				what = noTextLayer
			}
			err = &tagged{ErrNoText, fmt.Errorf("%s on any of %d pages", what, len(pages))}
		}
		if err == nil {
			res := Result{Pages: pages, Info: info, Engine: e.Name, Tagged: tables}
			if i+1 < len(engines) && len(failedPages(pages)) > 0 {
				res = patch(ctx, res, engines[i+1], data, opt)
			}
			return res, nil
		}
		if !strings.HasPrefix(err.Error(), e.Name+": ") {
			err = fmt.Errorf("%s: %w", e.Name, err)
		}
		if ctx.Err() != nil {
			return Result{}, err
		}
		opt.logger().Debug("pdfguard: engine failed", "engine", e.Name, "err", err)
		errs = append(errs, err)
		if errors.Is(err, ErrPassword) {
			break
		}
	}
	return pick(blank, errs)
}

// pick chooses the error that says most about a document no engine
// read: a password or an encryption no engine opens first, then pages
// that are scans (returned with the error), then the first engine's
// failure, and last pages that are merely blank. The message names
// every engine's reason.
func pick(blank *Result, errs []error) (Result, error) {
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	all := strings.Join(msgs, "; ")
	for _, target := range []error{ErrPassword, ErrEncrypted} {
		for _, err := range errs {
			if errors.Is(err, target) {
				return Result{}, &Error{Err: target, Msg: all}
			}
		}
	}
	if blank != nil && isScan(blank.Pages) {
		return *blank, &Error{Err: ErrNoText, Msg: all}
	}
	for _, err := range errs {
		for _, target := range []error{ErrTimeout, ErrMemory, ErrCrashed, ErrMalformed} {
			if errors.Is(err, target) {
				return Result{}, &Error{Err: target, Msg: all}
			}
		}
	}
	if blank != nil {
		return *blank, &Error{Err: ErrNoText, Msg: all}
	}
	return Result{}, &Error{Err: ErrMalformed, Msg: all}
}

// failedPages returns the indexes of pages an engine could not read:
// no words and a Problem other than a missing text layer.
func failedPages(pages []pdftext.Page) []int {
	var idx []int
	for i, p := range pages {
		if len(p.Words) == 0 && p.Problem != "" && p.Problem != noTextLayer {
			idx = append(idx, i)
		}
	}
	return idx
}

// patch reads the document with e as well and takes from it the pages
// res failed on, when e reads the same number of pages and finds words
// there. The engines agree on words and their places (see package
// pdfium), so a document may mix them.
func patch(ctx context.Context, res Result, e engine, data []byte, opt Options) Result {
	other, _, _, err := attempt(ctx, e, data, opt)
	if err != nil || len(other) != len(res.Pages) {
		return res
	}
	patched := false
	for _, i := range failedPages(res.Pages) {
		if len(other[i].Words) > 0 {
			res.Pages[i] = other[i]
			patched = true
		}
	}
	if patched {
		res.Engine += "+" + e.Name
	}
	return res
}

// noTextLayer is the Problem both engines give a page that shows images
// and no text.
const noTextLayer = "no text layer"

func isScan(pages []pdftext.Page) bool {
	for _, p := range pages {
		if p.Problem == noTextLayer {
			return true
		}
	}
	return false
}

// An Error is Read's failure on a document: Err is the sentinel that
// classifies it, Msg the reasons each engine gave.
type Error struct {
	Err error
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

func hasWords(pages []pdftext.Page) bool {
	for _, p := range pages {
		if len(p.Words) > 0 {
			return true
		}
	}
	return false
}

// attempt runs one engine on data, in a worker unless opt says otherwise
// or none can be started.
func attempt(ctx context.Context, e engine, data []byte, opt Options) ([]pdftext.Page, pdftext.Info, []pdftagged.Table, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.timeout())
	defer cancel()
	if !opt.InProcess && !IsWorker() {
		pages, info, tables, err := runWorker(ctx, e.Name, data, opt)
		if !errors.Is(err, errNoWorker) {
			return pages, info, tables, err
		}
		opt.logger().Warn("pdfguard: reading in process", "err", err)
	}
	return inProcess(ctx, e, data)
}

// inProcess runs e with a recover, and gives up waiting at ctx's end.
func inProcess(ctx context.Context, e engine, data []byte) ([]pdftext.Page, pdftext.Info, []pdftagged.Table, error) {
	type result struct {
		pages  []pdftext.Page
		info   pdftext.Info
		tagged []pdftagged.Table
		err    error
	}
	ch := make(chan result, 1)
	go func() {
		pages, info, err := safeRead(ctx, e, data)
		var tables []pdftagged.Table
		if err == nil {
			tables = safeTagged(ctx, e, data)
		}
		ch <- result{pages, info, tables, err}
	}()
	select {
	case r := <-ch:
		return r.pages, r.info, r.tagged, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, pdftext.Info{}, nil, fmt.Errorf("%w (in process, still running)", ErrTimeout)
		}
		return nil, pdftext.Info{}, nil, ctx.Err()
	}
}
