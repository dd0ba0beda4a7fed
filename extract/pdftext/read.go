package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Sentinel errors of Read.
var (
	// ErrMalformed is wrapped by every error about a file the PDF reader
	// cannot make sense of.
	ErrMalformed = errors.New("pdftext: malformed PDF")
	// ErrEncrypted says the file is encrypted with a password jaarzoek
	// does not have (files that open with the empty password are read).
	ErrEncrypted = errors.New("pdftext: encrypted PDF")
)

// A PageError says why one page could not be read. Read returns it
// (joined with the others) together with all pages; the page itself is
// in the result with its Problem set.
type PageError struct {
	Page int // from 1
	Err  error
}

func (e *PageError) Error() string { return fmt.Sprintf("pdftext: page %d: %v", e.Page, e.Err) }

// Unwrap returns the cause.
func (e *PageError) Unwrap() error { return e.Err }

// Info is what the document information dictionary says.
type Info struct {
	Title    string
	Author   string
	Producer string
	Creator  string
}

// Read returns the pages of the PDF in data, words and rules in the
// coordinates of Page. A file that cannot be opened gives an error
// wrapping ErrMalformed or ErrEncrypted and no pages. Pages that fail on
// their own come back with Problem set, and the error returned with the
// pages joins one *PageError per such page. ctx is checked between pages.
func Read(ctx context.Context, data []byte) ([]Page, error) {
	pages, _, err := ReadInfo(ctx, data)
	return pages, err
}

// ReadInfo is Read that also returns the document information.
func ReadInfo(ctx context.Context, data []byte) (pages []Page, info Info, err error) {
	pages, info, err = read(ctx, data)
	if err == nil || ctx.Err() != nil || errors.Is(err, ErrEncrypted) {
		return pages, info, err
	}
	// A broken cross-reference table fails the whole file or some of its
	// pages; read again with a table rebuilt from the objects themselves,
	// and keep whichever reading lost fewer pages.
	if k := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); k > 0 {
		data = data[k:]
	}
	fixed, ok := rebuildXref(data)
	if !ok {
		return pages, info, err
	}
	pages2, info2, err2 := read(ctx, fixed)
	if ctx.Err() == nil && lost(pages2, err2) < lost(pages, err) {
		for i := range pages2 {
			// A truncated file loses the end of its streams.
			if p := &pages2[i]; len(p.Words) == 0 && p.Problem == "" {
				p.Trusted, p.Problem = false, "no text found in a damaged file"
			}
		}
		return pages2, info2, err2
	}
	return pages, info, err
}

// lost counts the pages a reading failed on; a failed file counts as
// losing everything.
func lost(pages []Page, err error) int {
	if err != nil && pages == nil {
		return 1 << 30
	}
	n := 0
	for _, p := range pages {
		if strings.HasPrefix(p.Problem, pageFailed) {
			n++
		}
	}
	return n
}

// pageFailed starts the Problem of a page that could not be read.
const pageFailed = "page could not be read"

func read(ctx context.Context, data []byte) (pages []Page, info Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r, raw, err := open(data)
	if err != nil {
		return nil, Info{}, err
	}
	info = readInfo(r)
	refs := pageTree(r)
	if len(refs) == 0 {
		return nil, info, fmt.Errorf("%w: no pages", ErrMalformed)
	}
	doc := &docState{fonts: map[objKey]*font{}, forms: map[objKey][]byte{}, raw: raw, encrypted: !r.Trailer().Key("Encrypt").IsNull()}
	var errs []error
	for i, ref := range refs {
		if err := ctx.Err(); err != nil {
			return pages, info, err
		}
		p, perr := readPage(doc, i+1, ref)
		if perr != nil {
			errs = append(errs, &PageError{Page: i + 1, Err: perr})
		}
		pages = append(pages, p)
	}
	markRunning(pages)
	return pages, info, errors.Join(errs...)
}

// open checks the header and trailer leniently, then hands the bytes to
// the library. The library insists on "%PDF-1.x" and a final %%EOF;
// files with "%PDF-2.0", bytes after %%EOF or junk after the version are
// common and otherwise fine, so those are patched without moving any
// offset.
func open(data []byte) (*pdf.Reader, []byte, error) {
	// Bytes before the header (a mail or HTTP wrapper) shift the file;
	// offsets then usually count from the header. When they do not, the
	// rebuilt cross-reference table finds the objects anyway.
	if k := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); k > 0 {
		data = data[k:]
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 16 {
		return nil, nil, fmt.Errorf("%w: not a PDF file", ErrMalformed)
	}
	if i := bytes.LastIndex(data, []byte("%%EOF")); i > 0 {
		data = data[:i+5]
	}
	if len(data) > 9 && (data[5] != '1' || data[7] < '0' || data[7] > '7' || (data[8] != '\r' && data[8] != '\n')) {
		d := make([]byte, len(data))
		copy(d, data)
		copy(d[5:], "1.7")
		if d[8] != '\r' && d[8] != '\n' {
			d[8] = '\n'
		}
		data = d
	}
	data = fixTrailerSize(data)
	data = defuse(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || hasEncrypt(data) {
			return nil, nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return r, data, nil
}

// hasEncrypt reports whether a trailer names an /Encrypt dictionary.
func hasEncrypt(data []byte) bool {
	tail := data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	return bytes.Contains(tail, []byte("/Encrypt"))
}

func readInfo(r *pdf.Reader) Info {
	v := r.Trailer().Key("Info")
	return Info{
		Title:    v.Key("Title").Text(),
		Author:   v.Key("Author").Text(),
		Producer: v.Key("Producer").Text(),
		Creator:  v.Key("Creator").Text(),
	}
}

// pageRef is a page dictionary with its inherited attributes resolved.
type pageRef struct {
	v         pdf.Value
	resources pdf.Value
	media     [4]float64
	crop      [4]float64
	hasCrop   bool
	rotate    int
}

// pageTree walks the page tree once: the library's Reader.Page walks it
// from the root for every page, re-parsing each node.
func pageTree(r *pdf.Reader) []pageRef {
	var out []pageRef
	seen := map[objKey]bool{}
	var walk func(v pdf.Value, inh pageRef, depth int)
	walk = func(v pdf.Value, inh pageRef, depth int) {
		if depth > 64 || v.Kind() != pdf.Dict || len(out) > 1<<17 {
			return
		}
		k := keyOf(v, "")
		if k.id != 0 {
			if seen[k] {
				return
			}
			seen[k] = true
		}
		if res := v.Key("Resources"); res.Kind() == pdf.Dict {
			inh.resources = res
		}
		if b, ok := box(v.Key("MediaBox")); ok {
			inh.media = b
		}
		if b, ok := box(v.Key("CropBox")); ok {
			inh.crop, inh.hasCrop = b, true
		}
		if rot := v.Key("Rotate"); rot.Kind() == pdf.Integer || rot.Kind() == pdf.Real {
			inh.rotate = int(rot.Float64())
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || (kids.Kind() == pdf.Array && v.Key("Type").Name() != "Page") {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), inh, depth+1)
			}
			return
		}
		inh.v = v
		out = append(out, inh)
	}
	walk(r.Trailer().Key("Root").Key("Pages"), pageRef{media: [4]float64{0, 0, 612, 792}}, 0)
	return out
}

func box(v pdf.Value) ([4]float64, bool) {
	if v.Len() != 4 {
		return [4]float64{}, false
	}
	var b [4]float64
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	b = [4]float64{math.Min(b[0], b[2]), math.Min(b[1], b[3]), math.Max(b[0], b[2]), math.Max(b[1], b[3])}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return b, false
	}
	return b, true
}

// readPage interprets one page; a panic becomes the page's Problem.
func readPage(doc *docState, n int, ref pageRef) (p Page, err error) {
	b := ref.media
	if ref.hasCrop {
		c := [4]float64{math.Max(b[0], ref.crop[0]), math.Max(b[1], ref.crop[1]), math.Min(b[2], ref.crop[2]), math.Min(b[3], ref.crop[3])}
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			b = c
		}
	}
	w, h := b[2]-b[0], b[3]-b[1]
	rot := ((ref.rotate % 360) + 360) % 360 / 90 * 90
	var disp mat
	switch rot {
	case 90:
		disp = mat{0, 1, 1, 0, -b[1], -b[0]}
		w, h = h, w
	case 180:
		disp = mat{-1, 0, 0, 1, b[2], -b[1]}
	case 270:
		disp = mat{0, -1, -1, 0, b[3], b[2]}
		w, h = h, w
	default:
		disp = mat{1, 0, 0, -1, -b[0], b[3]}
	}
	p = Page{Number: n, Width: w, Height: h}
	defer func() {
		if r := recover(); r != nil {
			p.Words, p.Rules, p.Trusted = nil, nil, false
			p.Problem = fmt.Sprintf("%s: %v", pageFailed, r)
			err = fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	// The glyph buffer is reused from page to page; words copy out of it.
	ps := &pageState{doc: doc, width: w, height: h, glyphs: doc.glyphs[:0], lostFont: map[string]bool{}}
	defer func() { doc.glyphs = ps.glyphs[:0] }()
	data := doc.contents(ref.v.Key("Contents"))
	in := newInterp(ps, ref.resources, disp, identity, 0)
	in.run(data)
	in.gs = gstate{ctm: identity, th: 1, lineWidth: 1}
	// Annotations are outside the page's marked content.
	in.marks, in.over = nil, 0
	in.annotations(ref.v.Key("Annots"))
	p.Words = buildWords(ps.glyphs)
	p.Rules = ps.rules
	p.Trusted, p.Problem = verdict(ps)
	return p, nil
}

// contents concatenates a page's content streams; a stream that cannot
// be decoded is left out.
func (doc *docState) contents(v pdf.Value) []byte {
	switch v.Kind() {
	case pdf.Stream:
		return doc.readStream(v)
	case pdf.Array:
		var buf []byte
		for i := 0; i < v.Len(); i++ {
			buf = append(buf, doc.readStream(v.Index(i))...)
			buf = append(buf, '\n')
		}
		return buf
	}
	return nil
}

// verdict is the text-quality check: text from fonts without a usable
// Unicode mapping is garbage, digits included.
func verdict(ps *pageState) (bool, string) {
	if ps.badFonts > 0 {
		// Text in those fonts is missing: a table may have lost cells.
		return false, fmt.Sprintf("%d fonts missing or unreadable; their text is lost", ps.badFonts)
	}
	if ps.shown == 0 {
		if ps.images > 0 {
			return false, "no text layer"
		}
		return true, ""
	}
	n := float64(ps.shown)
	switch {
	case ps.unmapped >= 3 && float64(ps.unmapped)/n > 0.25:
		return false, fmt.Sprintf("fonts without usable Unicode mapping: %d of %d glyphs unmapped", ps.unmapped, ps.shown)
	case ps.odd >= 3 && float64(ps.odd)/n > 0.25:
		return false, fmt.Sprintf("text decodes to private-use or control characters: %d of %d glyphs", ps.odd, ps.shown)
	case ps.shown-ps.punct >= 50 && float64(ps.letters)/float64(ps.shown-ps.punct) < 0.5:
		return false, fmt.Sprintf("text looks garbled: only %d of %d glyphs other than punctuation are letters or digits", ps.letters, ps.shown-ps.punct)
	}
	return true, ""
}

// fixTrailerSize raises a trailer /Size that is smaller than the last
// cross-reference table: the library cuts the table to /Size, and some
// tools (pdfunite among them) write a /Size that is too small. The
// trailer comes after every object the table points to, so rewriting it
// moves no offset.
func fixTrailerSize(data []byte) []byte {
	sx := bytes.LastIndex(data, []byte("startxref"))
	if sx < 0 {
		return data
	}
	fields := bytes.Fields(data[sx+len("startxref"):])
	if len(fields) == 0 {
		return data
	}
	off, err := strconv.Atoi(string(fields[0]))
	if err != nil || off < 0 || off >= sx || !bytes.HasPrefix(data[off:], []byte("xref")) {
		return data
	}
	t := bytes.Index(data[off:sx], []byte("trailer"))
	if t < 0 {
		return data
	}
	maxObj := 0
	for _, line := range bytes.FieldsFunc(data[off+4:off+t], func(r rune) bool { return r == '\n' || r == '\r' }) {
		f := bytes.Fields(line)
		if len(f) != 2 {
			continue
		}
		start, err1 := strconv.Atoi(string(f[0]))
		n, err2 := strconv.Atoi(string(f[1]))
		if err1 == nil && err2 == nil && start+n > maxObj {
			maxObj = start + n
		}
	}
	tr := off + t
	k := bytes.Index(data[tr:sx], []byte("/Size"))
	if k < 0 {
		return data
	}
	p := tr + k + len("/Size")
	for p < sx && isWhite(data[p]) {
		p++
	}
	q := p
	for q < sx && data[q] >= '0' && data[q] <= '9' {
		q++
	}
	size, err := strconv.Atoi(string(data[p:q]))
	if err != nil || size >= maxObj {
		return data
	}
	out := make([]byte, 0, len(data)+8)
	out = append(out, data[:p]...)
	out = strconv.AppendInt(out, int64(maxObj), 10)
	return append(out, data[q:]...)
}
