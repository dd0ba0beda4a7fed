package pdftext

import (
	"math"
	"reflect"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// mat is an affine matrix [a b c d e f], applied to row vectors as PDF
// does: x' = a x + c y + e, y' = b x + d y + f.
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// objKey identifies an indirect object of the file, so fonts and forms
// are read once per document. The library keeps the object number
// unexported; reflection reads it without touching the library.
type objKey struct {
	id   uint32
	gen  uint16
	name string
}

func keyOf(v pdf.Value, name string) objKey {
	p := reflect.ValueOf(v).FieldByName("ptr")
	if !p.IsValid() || p.NumField() < 2 {
		return objKey{name: name}
	}
	return objKey{uint32(p.Field(0).Uint()), uint16(p.Field(1).Uint()), name}
}

// A glyph is one shown character code, in display coordinates.
type glyph struct {
	text           string
	x0, y0, x1, y1 float64 // box
	ox, oy         float64 // origin on the baseline
	ex, ey         float64 // origin plus width: where the next glyph of the word would start
	dx, dy         float64 // unit writing direction
	size           float64
	font           *font
	space          bool
	bold           bool
	mark           int // MCID+1 of the marked content it was drawn in; 0 outside any
}

// docState holds what is read once per document.
type docState struct {
	fonts  map[objKey]*font
	forms  map[objKey][]byte
	glyphs []glyph
	// raw is the file as the library reads it, for streams it cannot
	// decode; encrypted files have no usable raw streams.
	raw       []byte
	encrypted bool
}

// pageState collects one page's output.
type pageState struct {
	doc           *docState
	width, height float64
	glyphs        []glyph
	rules         []Rule
	images        int
	shown         int             // non-space glyphs
	unmapped      int             // glyphs without a real Unicode mapping
	odd           int             // private-use and control characters
	letters       int             // letters and digits
	punct         int             // punctuation
	ops           int             // operators run, forms included
	badFonts      int             // fonts missing or unreadable that text was drawn in
	lostFont      map[string]bool // their resource names
}

// Limits that keep hostile pages from exhausting memory or time.
const (
	maxGlyphs    = 200_000
	maxRules     = 1 << 16
	maxFormDepth = 12
	maxOps       = 1 << 24
)

type gstate struct {
	ctm                    mat
	font                   *font
	fontName               string
	fs                     float64
	tc, tw, th, tl, trise  float64
	lineWidth              float64
	tmode                  int // text rendering mode
	fillWhite, strokeWhite bool
}

type point struct{ x, y float64 }

type subpath struct {
	pts    []point
	closed bool
	curved bool
}

// An interp runs one content stream (a page or a form) with one
// resource dictionary.
type interp struct {
	ps    *pageState
	res   pdf.Value
	fonts map[string]*font
	disp  mat // user space of the page → display coordinates
	gs    gstate
	stack []gstate
	tm    mat
	tlm   mat
	path  []subpath
	depth int
	// marks is the marked-content stack (BMC/BDC … EMC): each entry is
	// the MCID+1 in force at that level, inherited from the level below
	// when the sequence has no MCID of its own; mark0 is the level a
	// form XObject starts at, that of the Do drawing it.
	marks []int
	mark0 int
	over  int // sequences opened past maxMarkDepth, not on marks
}

func newInterp(ps *pageState, res pdf.Value, disp mat, ctm mat, depth int) *interp {
	return &interp{
		ps: ps, res: res, fonts: map[string]*font{}, disp: disp, depth: depth,
		gs: gstate{ctm: ctm, th: 1, lineWidth: 1},
	}
}

func num(args []operand, i int) float64 {
	if i < len(args) && (args[i].kind == kNum) {
		return args[i].num
	}
	return 0
}

// run interprets a content stream.
func (in *interp) run(data []byte) {
	lx := lexer{data: data, reuse: true}
	args := make([]operand, 0, 16)
	for {
		o, op, ok := lx.next(0)
		if !ok {
			return
		}
		if op == nil {
			if len(args) < 64 {
				args = append(args, o)
			}
			continue
		}
		// The budget is the page's, forms included: a form drawing itself
		// twice per level would otherwise multiply the work.
		in.ps.ops++
		if in.ps.ops > maxOps {
			return
		}
		if string(op) == "BI" {
			lx.skipInlineImage()
			args = args[:0]
			continue
		}
		in.do(op, args)
		args = args[:0]
	}
}

func (in *interp) do(op []byte, a []operand) {
	g := &in.gs
	switch string(op) {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *g)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*g = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if len(a) == 6 {
			m := mat{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			g.ctm = m.mul(g.ctm)
		}
	case "w":
		g.lineWidth = num(a, 0)
	case "g":
		g.fillWhite = num(a, 0) >= 0.999
	case "G":
		g.strokeWhite = num(a, 0) >= 0.999
	case "rg":
		g.fillWhite = num(a, 0) >= 0.999 && num(a, 1) >= 0.999 && num(a, 2) >= 0.999
	case "RG":
		g.strokeWhite = num(a, 0) >= 0.999 && num(a, 1) >= 0.999 && num(a, 2) >= 0.999
	case "k":
		g.fillWhite = num(a, 0)+num(a, 1)+num(a, 2)+num(a, 3) <= 0.001
	case "K":
		g.strokeWhite = num(a, 0)+num(a, 1)+num(a, 2)+num(a, 3) <= 0.001
	case "sc", "scn":
		g.fillWhite = colorWhite(a)
	case "SC", "SCN":
		g.strokeWhite = colorWhite(a)
	case "cs":
		g.fillWhite = false
	case "CS":
		g.strokeWhite = false

	// Paths.
	case "m":
		x, y := in.user(num(a, 0), num(a, 1))
		in.path = append(in.path, subpath{pts: []point{{x, y}}})
	case "l":
		if n := len(in.path); n > 0 {
			x, y := in.user(num(a, 0), num(a, 1))
			in.path[n-1].pts = append(in.path[n-1].pts, point{x, y})
		}
	case "c", "v", "y":
		if n := len(in.path); n > 0 {
			x, y := in.user(num(a, len(a)-2), num(a, len(a)-1))
			in.path[n-1].pts = append(in.path[n-1].pts, point{x, y})
			in.path[n-1].curved = true
		}
	case "h":
		if n := len(in.path); n > 0 {
			in.path[n-1].closed = true
		}
	case "re":
		x, y, w, h := num(a, 0), num(a, 1), num(a, 2), num(a, 3)
		p0x, p0y := in.user(x, y)
		p1x, p1y := in.user(x+w, y)
		p2x, p2y := in.user(x+w, y+h)
		p3x, p3y := in.user(x, y+h)
		in.path = append(in.path, subpath{pts: []point{{p0x, p0y}, {p1x, p1y}, {p2x, p2y}, {p3x, p3y}}, closed: true})
	case "S", "s":
		in.stroke(string(op) == "s")
		in.path = in.path[:0]
	case "f", "F", "f*":
		in.fill()
		in.path = in.path[:0]
	case "B", "B*", "b", "b*":
		in.fill()
		in.stroke(true)
		in.path = in.path[:0]
	case "n":
		in.path = in.path[:0]

	// Text.
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tc":
		g.tc = num(a, 0)
	case "Tw":
		g.tw = num(a, 0)
	case "Tz":
		g.th = num(a, 0) / 100
	case "TL":
		g.tl = num(a, 0)
	case "Ts":
		g.trise = num(a, 0)
	case "Tr":
		g.tmode = int(num(a, 0))
	case "Tf":
		if len(a) >= 2 {
			g.font, g.fontName = in.font(a[0].str), a[0].str
			g.fs = a[1].num
		}
	case "Td":
		in.moveLine(num(a, 0), num(a, 1))
	case "TD":
		g.tl = -num(a, 1)
		in.moveLine(num(a, 0), num(a, 1))
	case "Tm":
		if len(a) == 6 {
			in.tm = mat{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			in.tlm = in.tm
		}
	case "T*":
		in.moveLine(0, -g.tl)
	case "Tj":
		if len(a) >= 1 {
			in.show(a[len(a)-1].str)
		}
	case "'":
		in.moveLine(0, -g.tl)
		if len(a) >= 1 {
			in.show(a[len(a)-1].str)
		}
	case "\"":
		if len(a) == 3 {
			g.tw, g.tc = num(a, 0), num(a, 1)
			in.moveLine(0, -g.tl)
			in.show(a[2].str)
		}
	case "TJ":
		if len(a) >= 1 {
			for _, e := range a[len(a)-1].arr {
				switch e.kind {
				case kString:
					in.show(e.str)
				case kNum:
					in.tm = mat{1, 0, 0, 1, -e.num / 1000 * g.fs * g.th, 0}.mul(in.tm)
				}
			}
		}
	case "Do":
		if len(a) >= 1 && a[0].kind == kName {
			in.xobject(a[0].str)
		}

	// Marked content.
	case "BMC":
		in.beginMarked(-1)
	case "BDC":
		in.beginMarked(in.mcid(a))
	case "EMC":
		if n := len(in.marks); in.over > 0 {
			in.over--
		} else if n > 0 {
			in.marks = in.marks[:n-1]
		}
	}
}

func colorWhite(a []operand) bool {
	if len(a) == 0 || a[len(a)-1].kind == kName {
		return false
	}
	for _, o := range a {
		if o.num < 0.999 {
			return false
		}
	}
	return len(a) == 1 || len(a) == 3
}

func (in *interp) user(x, y float64) (float64, float64) {
	return in.gs.ctm.mul(in.disp).apply(x, y)
}

func (in *interp) moveLine(tx, ty float64) {
	in.tlm = mat{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// font returns the font named in the resources, reading it once per
// document.
func (in *interp) font(name string) *font {
	if f, ok := in.fonts[name]; ok {
		return f
	}
	in.fonts[name] = nil
	// A font the library cannot read loses its own text, not the page;
	// show counts the loss when text is drawn in it.
	defer func() { recover() }()
	v := in.res.Key("Font").Key(name)
	if v.Kind() != pdf.Dict {
		return nil
	}
	k := keyOf(v, name)
	f := in.ps.doc.fonts[k]
	if f == nil {
		f = loadFont(in.ps.doc, v)
		in.ps.doc.fonts[k] = f
	}
	in.fonts[name] = f
	return f
}

// show draws the glyphs of one string.
func (in *interp) show(s string) {
	g := &in.gs
	f := g.font
	if f == nil || len(s) == 0 {
		// Without a font nothing can be measured; poppler skips it too.
		if f == nil && len(s) > 0 && !in.ps.lostFont[g.fontName] {
			in.ps.lostFont[g.fontName] = true
			in.ps.badFonts++
		}
		return
	}
	ps := in.ps
	// Text space → display: Tm × CTM × display.
	m := in.tm.mul(g.ctm).mul(in.disp)
	ax, ay := m[0], m[1] // x unit of text space
	cx, cy := m[2], m[3] // y unit
	xlen := math.Hypot(ax, ay)
	size := math.Abs(g.fs) * math.Hypot(cx, cy)
	if g.th < 0 {
		xlen = -xlen
	}
	var dx, dy float64
	if xlen != 0 {
		dx, dy = ax/xlen, ay/xlen
	}
	x := 0.0
	asc, desc := f.ascent*g.fs, f.descent*g.fs
	for len(s) > 0 {
		code, n, w, isSpace := f.next(s)
		s = s[n:]
		w0 := w * f.scale
		// The glyph's box is its width; character and word spacing move
		// the next glyph but are not part of this one (poppler does the
		// same, and letter-spaced headings need it to find word gaps).
		box := w0 * g.fs * g.th
		adv := box + g.tc*g.th
		if isSpace {
			adv += g.tw * g.th
		}
		text, mapped := f.text(code)
		if len(ps.glyphs) < maxGlyphs {
			// Fill-and-stroke thickens the glyphs: Word's bold.
			gl := glyph{text: text, size: size, font: f, dx: dx, dy: dy, bold: f.bold || g.tmode == 2 || g.tmode == 6}
			gl.mark = in.mark()
			gl.ox, gl.oy = m.apply(x, g.trise)
			gl.ex, gl.ey = m.apply(x+box, g.trise)
			bx0, by0 := m.apply(x, g.trise+desc)
			bx1, by1 := m.apply(x+box, g.trise+asc)
			if m[1] == 0 && m[2] == 0 {
				gl.x0, gl.x1 = math.Min(bx0, bx1), math.Max(bx0, bx1)
				gl.y0, gl.y1 = math.Min(by0, by1), math.Max(by0, by1)
			} else {
				bx2, by2 := m.apply(x+box, g.trise+desc)
				bx3, by3 := m.apply(x, g.trise+asc)
				gl.x0 = min(bx0, bx1, bx2, bx3)
				gl.x1 = max(bx0, bx1, bx2, bx3)
				gl.y0 = min(by0, by1, by2, by3)
				gl.y1 = max(by0, by1, by2, by3)
			}
			gl.space = isBlank(text)
			// Glyphs whose origin is off the page are not seen.
			if gl.ox >= -1 && gl.ox <= ps.width+1 && gl.oy >= -1 && gl.oy <= ps.height+1 {
				ps.glyphs = append(ps.glyphs, gl)
				if !gl.space {
					ps.shown++
					if !mapped {
						ps.unmapped++
					}
					switch r, _ := utf8.DecodeRuneInString(text); {
					case unicode.Is(unicode.Co, r), unicode.IsControl(r), r == '\uFFFD':
						ps.odd++
					case unicode.IsLetter(r), unicode.IsDigit(r):
						ps.letters++
					case unicode.IsPunct(r):
						// Dot leaders and rules of dashes say nothing
						// about the font's mapping.
						ps.punct++
					}
				}
			}
		}
		x += adv
	}
	in.tm = mat{1, 0, 0, 1, x, 0}.mul(in.tm)
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' {
			return false
		}
	}
	return true
}

// xobject draws a form XObject, or counts an image.
func (in *interp) xobject(name string) {
	v := in.res.Key("XObject").Key(name)
	if v.Kind() != pdf.Stream {
		return
	}
	switch v.Key("Subtype").Name() {
	case "Image":
		in.ps.images++
		return
	case "Form":
	default:
		return
	}
	in.runForm(v, in.gs.ctm)
}

// runForm draws a form XObject whose coordinates map to the page by ctm
// (before the form's own /Matrix).
func (in *interp) runForm(v pdf.Value, ctm mat) {
	if in.depth >= maxFormDepth {
		return
	}
	k := keyOf(v, "")
	data, ok := in.ps.doc.forms[k]
	if !ok || k.id == 0 {
		data = in.ps.doc.readStream(v)
		if k.id != 0 {
			in.ps.doc.forms[k] = data
		}
	}
	if m := v.Key("Matrix"); m.Len() == 6 {
		fm := mat{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}
		ctm = fm.mul(ctm)
	}
	res := v.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = in.res
	}
	sub := newInterp(in.ps, res, in.disp, ctm, in.depth+1)
	sub.mark0 = in.mark()
	sub.gs.fillWhite, sub.gs.strokeWhite = in.gs.fillWhite, in.gs.strokeWhite
	sub.run(data)
}

// scale returns how much the CTM stretches lengths, for line widths.
func (in *interp) scale() float64 {
	m := in.gs.ctm
	return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
}

func (in *interp) addRule(x0, y0, x1, y1 float64) {
	ps := in.ps
	if len(ps.rules) >= maxRules {
		return
	}
	x0, x1 = math.Max(math.Min(x0, x1), 0), math.Min(math.Max(x0, x1), ps.width)
	y0, y1 = math.Max(math.Min(y0, y1), 0), math.Min(math.Max(y0, y1), ps.height)
	if x1 < x0 || y1 < y0 {
		return
	}
	ps.rules = append(ps.rules, Rule{X0: x0, Y0: y0, X1: x1, Y1: y1})
}

// stroke turns the straight, axis-parallel segments of the path into
// rules as wide as the pen.
func (in *interp) stroke(close bool) {
	if in.gs.strokeWhite {
		return
	}
	half := math.Max(in.gs.lineWidth*in.scale(), 0.1) / 2
	for _, sp := range in.path {
		pts := sp.pts
		if sp.curved {
			continue
		}
		n := len(pts)
		segs := n - 1
		if (sp.closed || close) && n > 2 {
			segs = n
		}
		for i := 0; i < segs; i++ {
			p, q := pts[i], pts[(i+1)%n]
			switch {
			case math.Abs(p.y-q.y) < 0.5:
				in.addRule(math.Min(p.x, q.x), (p.y+q.y)/2-half, math.Max(p.x, q.x), (p.y+q.y)/2+half)
			case math.Abs(p.x-q.x) < 0.5:
				in.addRule((p.x+q.x)/2-half, math.Min(p.y, q.y), (p.x+q.x)/2+half, math.Max(p.y, q.y))
			}
		}
	}
}

// fill keeps filled axis-parallel rectangles: thin ones are rules, wide
// ones are cell shading whose edges table finders use.
func (in *interp) fill() {
	if in.gs.fillWhite {
		return
	}
	for _, sp := range in.path {
		if sp.curved {
			continue
		}
		pts := sp.pts
		if n := len(pts); n == 5 && pts[0] == pts[4] {
			pts = pts[:4]
		}
		if len(pts) != 4 {
			continue
		}
		if !axisRect(pts) {
			continue
		}
		x0, y0, x1, y1 := pts[0].x, pts[0].y, pts[0].x, pts[0].y
		for _, p := range pts[1:] {
			x0, y0, x1, y1 = math.Min(x0, p.x), math.Min(y0, p.y), math.Max(x1, p.x), math.Max(y1, p.y)
		}
		in.addRule(x0, y0, x1, y1)
	}
}

func axisRect(p []point) bool {
	const e = 0.5
	h := func(a, b point) bool { return math.Abs(a.y-b.y) < e }
	v := func(a, b point) bool { return math.Abs(a.x-b.x) < e }
	return (h(p[0], p[1]) && v(p[1], p[2]) && h(p[2], p[3]) && v(p[3], p[0])) ||
		(v(p[0], p[1]) && h(p[1], p[2]) && v(p[2], p[3]) && h(p[3], p[0]))
}

// annotations draws the normal appearance of the page's visible
// annotations (free text, stamps, filled-in form fields), as viewers and
// pdftotext show them. The appearance's box, after its matrix, is fitted
// to the annotation's rectangle.
func (in *interp) annotations(annots pdf.Value) {
	for i := 0; i < annots.Len() && i < 4096; i++ {
		a := annots.Index(i)
		flags := a.Key("F").Int64()
		if flags&(2|32) != 0 || a.Key("Subtype").Name() == "Popup" {
			continue // hidden or not for display
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == pdf.Dict {
			ap = ap.Key(a.Key("AS").Name())
		}
		if ap.Kind() != pdf.Stream {
			continue
		}
		rect, ok := box(a.Key("Rect"))
		bb, ok2 := box(ap.Key("BBox"))
		if !ok || !ok2 {
			continue
		}
		fm := identity
		if m := ap.Key("Matrix"); m.Len() == 6 {
			fm = mat{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}
		}
		x0, y0 := math.Inf(1), math.Inf(1)
		x1, y1 := math.Inf(-1), math.Inf(-1)
		for _, p := range [][2]float64{{bb[0], bb[1]}, {bb[2], bb[1]}, {bb[2], bb[3]}, {bb[0], bb[3]}} {
			x, y := fm.apply(p[0], p[1])
			x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
		}
		if x1-x0 < 1e-6 || y1-y0 < 1e-6 {
			continue
		}
		sx, sy := (rect[2]-rect[0])/(x1-x0), (rect[3]-rect[1])/(y1-y0)
		fit := mat{sx, 0, 0, sy, rect[0] - x0*sx, rect[1] - y0*sy}
		in.runForm(ap, fit)
	}
}

// maxMarkDepth bounds the marked-content stack; deeper sequences keep the
// MCID of the deepest one kept.
const maxMarkDepth = 256

// beginMarked opens a marked-content sequence with MCID id, or without
// one when id < 0.
func (in *interp) beginMarked(id int) {
	if len(in.marks) >= maxMarkDepth {
		in.over++
		return
	}
	m := in.mark()
	if id >= 0 {
		m = id + 1
	}
	in.marks = append(in.marks, m)
}

// mark returns the MCID+1 in force, 0 outside marked content with an
// MCID.
func (in *interp) mark() int {
	if n := len(in.marks); n > 0 {
		return in.marks[n-1]
	}
	return in.mark0
}

// mcid returns the MCID of a BDC's properties: an inline dictionary, or
// the name of one in the resources' /Properties; -1 when there is none.
func (in *interp) mcid(a []operand) int {
	if len(a) < 2 {
		return -1
	}
	p := a[len(a)-1]
	switch p.kind {
	case kDict:
		for i := 0; i+1 < len(p.arr); i += 2 {
			if k, v := p.arr[i], p.arr[i+1]; k.kind == kName && k.str == "MCID" && v.kind == kNum && v.num >= 0 && v.num < 1<<31 {
				return int(v.num)
			}
		}
	case kName:
		v := in.res.Key("Properties").Key(p.str).Key("MCID")
		if v.Kind() == pdf.Integer && v.Int64() >= 0 && v.Int64() < 1<<31 {
			return int(v.Int64())
		}
	}
	return -1
}
