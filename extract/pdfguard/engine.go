package pdfguard

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/jaarzoek/jaarzoek/extract/pdfium"
	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// An engine reads a whole PDF into pages.
type engine struct {
	Name string
	Read func(ctx context.Context, data []byte) ([]pdftext.Page, pdftext.Info, error)
	// Tagged, when set, reads the tables of the structure tree after a
	// successful Read: the pages' words carry the MCIDs they refer to.
	Tagged func(ctx context.Context, data []byte) ([]pdftagged.Table, error)
}

// chain is the order Read tries engines in: pdftext marks running lines,
// gives the text-quality verdict and starts at once; PDFium repairs what
// pdftext cannot open (damaged cross-references, AES-256 and other
// encryption, filters pdftext lacks) but takes half a second or more to
// start.
var chain = []engine{
	{Name: "pdftext", Read: pdftext.ReadInfo, Tagged: pdftagged.Read},
	{Name: "pdfium", Read: readPDFium},
}

// known holds every engine a worker may be asked to run, by name. It is
// filled as a variable, not in an init function, so it is complete before
// init serves a worker.
var known = func() map[string]engine {
	m := map[string]engine{}
	for _, e := range chain {
		m[e.Name] = e
	}
	return m
}()

// readPDFium tries PDFium as is and, for a file it cannot open, once more
// with a trailer rebuilt from the objects found in the file.
func readPDFium(ctx context.Context, data []byte) ([]pdftext.Page, pdftext.Info, error) {
	pages, info, err := pdfium.ReadInfo(ctx, data)
	if !errors.Is(err, pdfium.ErrMalformed) {
		return pages, info, err
	}
	fixed, ok := pdfium.Retrail(data)
	if !ok {
		return nil, info, err
	}
	pages, info, err2 := pdfium.ReadInfo(ctx, fixed)
	if err2 != nil {
		return nil, info, err
	}
	return pages, info, nil
}

// safeRead runs e, turning a panic into an error. Pages that pdftext
// failed on one by one are in the result with Problem set; that is not a
// failure of the document.
func safeRead(ctx context.Context, e engine, data []byte) (pages []pdftext.Page, info pdftext.Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages = nil
			err = fmt.Errorf("%w: panic: %v%s", ErrCrashed, r, panicSite(debug.Stack()))
		}
	}()
	pages, info, err = e.Read(ctx, data)
	if len(pages) > 0 {
		var pe *pdftext.PageError
		if err == nil || errors.As(err, &pe) && onlyPageErrors(err) {
			return pages, info, nil
		}
	}
	if err == nil {
		err = &tagged{ErrMalformed, errors.New("no pages")}
	}
	return nil, info, classify(err)
}

// safeTagged runs e.Tagged, if any: its failure, a panic included, only
// loses the tagged tables, as the pages can do without them.
func safeTagged(ctx context.Context, e engine, data []byte) (tables []pdftagged.Table) {
	if e.Tagged == nil {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			tables = nil
		}
	}()
	// A tree cut short by Read's limits still gives the tables read
	// before the cut.
	tables, _ = e.Tagged(ctx, data)
	return tables
}

// onlyPageErrors reports whether err is nothing but *pdftext.PageError
// values, as Read joins them.
func onlyPageErrors(err error) bool {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if !onlyPageErrors(e) {
				return false
			}
		}
		return true
	}
	_, ok := err.(*pdftext.PageError)
	return ok
}

// classify makes err wrap the sentinel of this package that fits it.
func classify(err error) error {
	switch {
	case errors.Is(err, ErrMalformed), errors.Is(err, ErrEncrypted), errors.Is(err, ErrPassword),
		errors.Is(err, ErrCrashed), errors.Is(err, ErrMemory), errors.Is(err, ErrTimeout),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, pdfium.ErrPassword):
		return &tagged{ErrPassword, err}
	case errors.Is(err, pdfium.ErrUnsupported):
		return &tagged{ErrEncrypted, err}
	case errors.Is(err, pdfium.ErrMalformed):
		return &tagged{ErrMalformed, err}
	}
	return &tagged{ErrCrashed, err}
}

// tagged gives err a sentinel without repeating the sentinel's text:
// errors.Is finds both, Error says only err.
type tagged struct{ kind, err error }

func (t *tagged) Error() string { return t.err.Error() }

// Unwrap returns the sentinel and the cause.
func (t *tagged) Unwrap() []error { return []error{t.kind, t.err} }

// panicSite returns " at function (file:line)" for the frame that
// panicked, read from a stack as debug.Stack prints it.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+2 < len(lines) {
			fn := lines[i+2]
			if j := strings.LastIndexByte(fn, '('); j > 0 {
				fn = fn[:j]
			}
			file := strings.TrimSpace(lines[i+3])
			if j := strings.LastIndex(file, " +0x"); j > 0 {
				file = file[:j]
			}
			return fmt.Sprintf(" at %s (%s)", fn, file)
		}
	}
	return ""
}
