package pdfium

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	gopdfium "github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

var (
	// ErrMalformed is returned for data PDFium cannot open as a PDF.
	ErrMalformed = errors.New("pdfium: not a readable PDF")
	// ErrPassword is returned for a file encrypted with a user password:
	// it opens only with that password, which jaarzoek never has.
	ErrPassword = errors.New("pdfium: encrypted with a password")
	// ErrUnsupported is returned for a security handler PDFium lacks.
	ErrUnsupported = errors.New("pdfium: unsupported encryption")
)

var (
	poolOnce sync.Once
	pool     gopdfium.Pool
	poolErr  error
)

// start compiles the PDFium module once per process. Compiling takes
// seconds, so the machine code is cached on disk (under the user cache
// folder) and later processes load it in a fraction of that.
func start() (gopdfium.Pool, error) {
	poolOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "jaarzoek", "wazero")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		pool, poolErr = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       1,
			MaxTotal:      1,
			RuntimeConfig: rc,
			// No file system: data is passed in memory, and a PDF must not
			// reach files by name.
			FSConfig: wazero.NewFSConfig(),
			// The worker protocol owns stdout.
			Stdout: io.Discard,
			Stderr: io.Discard,
		})
		if poolErr != nil {
			poolErr = fmt.Errorf("pdfium: start: %w", poolErr)
		}
	})
	return pool, poolErr
}

// Read returns the pages of the PDF in data with their words and rules,
// read by PDFium. Encryption with an empty user password is opened
// transparently; a user password gives ErrPassword, data PDFium cannot
// open ErrMalformed. A page that fails on its own is returned empty with
// its Problem set. The first call in a process starts PDFium, which takes
// about half a second with a warm cache and several without.
func Read(ctx context.Context, data []byte) ([]pdftext.Page, error) {
	pages, _, err := ReadInfo(ctx, data)
	return pages, err
}

// ReadInfo is Read that also returns the document information.
func ReadInfo(ctx context.Context, data []byte) ([]pdftext.Page, pdftext.Info, error) {
	var info pdftext.Info
	p, err := start()
	if err != nil {
		return nil, info, err
	}
	inst, err := p.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, info, fmt.Errorf("pdfium: instance: %w", err)
	}
	defer inst.Close()

	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdferrors.ErrPassword):
			return nil, info, ErrPassword
		case errors.Is(err, pdferrors.ErrSecurity):
			return nil, info, fmt.Errorf("%w: %v", ErrUnsupported, err)
		}
		return nil, info, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})

	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, info, fmt.Errorf("%w: page count: %v", ErrMalformed, err)
	}
	pages := make([]pdftext.Page, 0, count.PageCount)
	for i := range count.PageCount {
		if err := ctx.Err(); err != nil {
			return nil, info, err
		}
		pg, err := readPage(inst, doc.Document, i)
		if err != nil {
			// One page that fails keeps its place, empty, with the reason.
			pg = pdftext.Page{Number: i + 1, Problem: "pdfium: " + err.Error()}
		}
		pages = append(pages, pg)
	}
	meta := func(tag string) string {
		m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag})
		if err != nil {
			return ""
		}
		return strings.TrimSpace(m.Value)
	}
	info = pdftext.Info{Title: meta("Title"), Author: meta("Author"), Producer: meta("Producer"), Creator: meta("Creator")}
	return pages, info, nil
}

// glyph is one character as PDFium reports it, in PDF user space (y
// up), where words are found before their boxes are turned to the
// displayed page.
type glyph struct {
	r                        rune
	left, bottom, right, top float64
	ox, oy                   float64 // origin on the baseline
}

func readPage(inst gopdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (pdftext.Page, error) {
	page := pdftext.Page{Number: index + 1}
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return page, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}

	w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref})
	if err != nil {
		return page, err
	}
	h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
	if err != nil {
		return page, err
	}
	page.Width, page.Height = float64(w.PageWidth), float64(h.PageHeight)
	toDisplay, err := displayMatrix(inst, ref, page.Width, page.Height)
	if err != nil {
		return page, err
	}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return page, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return page, err
	}

	var (
		word     []glyph
		first    int // index of word's first char, for its font
		unmapped int // chars PDFium could not map to Unicode
		odd      int // private-use and control characters
		letters  int // letters and digits
		total    int
	)
	flush := func() {
		if len(word) == 0 {
			return
		}
		page.Words = append(page.Words, makeWord(inst, tp.TextPage, first, word, toDisplay))
		word = word[:0]
	}
	for i := range n.Count {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return page, err
		}
		r := rune(u.Unicode)
		if unicode.IsSpace(r) || r == 0xFFFE || r == 0 && generated(inst, tp.TextPage, i) {
			flush()
			continue
		}
		total++
		switch {
		case r == 0 || r == unicode.ReplacementChar:
			unmapped++
		case unicode.Is(unicode.Co, r) || unicode.IsControl(r) && r != 2:
			odd++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		}
		box, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return page, err
		}
		org, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return page, err
		}
		g := glyph{r: r,
			left: float64(box.Rect.Left), bottom: float64(box.Rect.Bottom),
			right: float64(box.Rect.Right), top: float64(box.Rect.Top),
			ox: org.X, oy: org.Y}
		if len(word) > 0 && breaks(word[len(word)-1], g) {
			flush()
		}
		if len(word) == 0 {
			first = i
		}
		word = append(word, g)
	}
	flush()

	d := drawing{w: page.Width, h: page.Height, display: toDisplay}
	walkObjects(inst, ref, &d)
	page.Rules = d.rules
	page.Trusted, page.Problem = verdict(total, unmapped, odd, letters, d.images)
	return page, nil
}

// verdict is pdftext's text-quality check, on PDFium's characters: text
// from fonts without a usable Unicode mapping is garbage, digits
// included.
func verdict(total, unmapped, odd, letters, images int) (bool, string) {
	n := float64(total)
	switch {
	case total == 0 && images > 0:
		return false, "no text layer"
	case total == 0:
		return true, ""
	case unmapped >= 3 && float64(unmapped)/n > 0.25:
		return false, fmt.Sprintf("fonts without usable Unicode mapping: %d of %d glyphs unmapped", unmapped, total)
	case odd >= 3 && float64(odd)/n > 0.25:
		return false, fmt.Sprintf("text decodes to private-use or control characters: %d of %d glyphs", odd, total)
	case total >= 50 && float64(letters)/n < 0.4:
		return false, fmt.Sprintf("text looks garbled: only %d of %d glyphs are letters or digits", letters, total)
	}
	return true, ""
}

func generated(inst gopdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int) bool {
	g, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp, Index: i})
	return err == nil && g.IsGenerated
}

// breaks says whether g starts a new word after prev: a change of
// baseline or a horizontal gap wider than a fifth of the glyph height.
func breaks(prev, g glyph) bool {
	h := max(prev.top-prev.bottom, g.top-g.bottom, 1)
	if math.Abs(g.oy-prev.oy) > 0.3*h {
		return true
	}
	gap := g.left - prev.right
	return gap > 0.2*h || g.right < prev.left
}

func makeWord(inst gopdfium.Pdfium, tp references.FPDF_TEXTPAGE, first int, gs []glyph, toDisplay affine) pdftext.Word {
	var b strings.Builder
	l, bo, r, t := gs[0].left, gs[0].bottom, gs[0].right, gs[0].top
	for _, g := range gs {
		b.WriteRune(g.r)
		l, bo = min(l, g.left), min(bo, g.bottom)
		r, t = max(r, g.right), max(t, g.top)
	}
	var w pdftext.Word
	ax, ay := toDisplay.apply(l, t)
	bx, by := toDisplay.apply(r, bo)
	w.X0, w.X1 = min(ax, bx), max(ax, bx)
	w.Y0, w.Y1 = min(ay, by), max(ay, by)
	// The baseline as displayed: y of the origin for upright text, x of it
	// on a page turned a quarter.
	ox, oy := toDisplay.apply(gs[0].ox, gs[0].oy)
	w.Base = oy
	if math.Abs(toDisplay.b) > math.Abs(toDisplay.a) {
		w.Base = ox
	}
	w.Text = cleanText(b.String())
	if fs, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp, Index: first}); err == nil {
		w.Size = fs.FontSize
		if m, err := inst.FPDFText_GetMatrix(&requests.FPDFText_GetMatrix{TextPage: tp, Index: first}); err == nil {
			if s := math.Hypot(float64(m.Matrix.C), float64(m.Matrix.D)); s > 0 {
				w.Size *= s
			}
		}
	}
	if fi, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp, Index: first}); err == nil {
		w.Font = fi.FontName
		if i := strings.IndexByte(w.Font, '+'); i == 6 {
			w.Font = w.Font[i+1:] // subset tag
		}
		const italic, forceBold = 1 << 6, 1 << 18
		w.Italic = fi.Flags&italic != 0
		w.Bold = fi.Flags&forceBold != 0
		name := strings.ToLower(w.Font)
		w.Bold = w.Bold || strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy")
		w.Italic = w.Italic || strings.Contains(name, "italic") || strings.Contains(name, "oblique")
	}
	if fw, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp, Index: first}); err == nil && fw.FontWeight >= 600 {
		w.Bold = true
	}
	return w
}

// cleanText normalises a word as pdftext does (pdftext.NormalizeText:
// NFKC but for superscript digits, ligatures expanded, soft hyphens,
// zero-width characters and controls dropped). PDFium reports a hyphen at
// a line end as U+0002, which is put back. A lone accent that NFKC turns
// into space + combining mark at either end loses the space.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\x02", "-")
	return strings.TrimSpace(pdftext.NormalizeText(s))
}

// affine maps page space to displayed space: x' = a·x + c·y + e.
type affine struct{ a, b, c, d, e, f float64 }

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// displayMatrix finds the map from PDF user space to displayed points
// (origin top left, /Rotate applied) by asking PDFium where three points
// land on a device 1000 times the page size; device positions are whole
// numbers, so the scale keeps a thousandth of a point.
func displayMatrix(inst gopdfium.Pdfium, ref requests.Page, w, h float64) (affine, error) {
	const k = 1000.0
	at := func(x, y float64) (float64, float64, error) {
		r, err := inst.FPDF_PageToDevice(&requests.FPDF_PageToDevice{
			Page: ref, SizeX: int(math.Round(w * k)), SizeY: int(math.Round(h * k)), PageX: x, PageY: y,
		})
		if err != nil {
			return 0, 0, err
		}
		return float64(r.DeviceX) / k, float64(r.DeviceY) / k, nil
	}
	const u = 100.0
	x0, y0, err := at(0, 0)
	if err != nil {
		return affine{}, err
	}
	x1, y1, err := at(u, 0)
	if err != nil {
		return affine{}, err
	}
	x2, y2, err := at(0, u)
	if err != nil {
		return affine{}, err
	}
	return affine{a: (x1 - x0) / u, b: (y1 - y0) / u, c: (x2 - x0) / u, d: (y2 - y0) / u, e: x0, f: y0}, nil
}
