package pdfium

import (
	"math"

	gopdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// Limits on the drawing walked per page: a page with more path segments
// than this is a drawing, not a table, and not worth the time.
const (
	maxSegments = 1 << 17
	maxRules    = 1 << 16
	maxDepth    = 8 // nesting of form XObjects
)

// drawing is what walkObjects finds besides text.
type drawing struct {
	images   int
	rules    []pdftext.Rule
	segments int
	w, h     float64
	display  affine
}

// walkObjects counts a page's images and collects its rules, as pdftext
// does: straight axis-parallel stroked segments become rules as wide as
// the pen; filled axis-parallel rectangles become rules whatever their
// size (cell shading has edges table finders use). White paint is left
// out. Form XObjects are walked with their matrices.
func walkObjects(inst gopdfium.Pdfium, ref requests.Page, d *drawing) {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return
	}
	for i := range n.Count {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err == nil {
			walkObject(inst, o.PageObject, affine{a: 1, d: 1}, 0, d)
		}
	}
}

func walkObject(inst gopdfium.Pdfium, obj references.FPDF_PAGEOBJECT, outer affine, depth int, d *drawing) {
	t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		d.images++
	case enums.FPDF_PAGEOBJ_PATH:
		if d.segments < maxSegments && len(d.rules) < maxRules {
			pathRules(inst, obj, outer, d)
		}
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= maxDepth {
			return
		}
		m := outer
		if fm, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj}); err == nil {
			m = fromFS(fm.Matrix).then(outer)
		}
		n, err := inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return
		}
		for i := range n.Count {
			c, err := inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(i)})
			if err == nil {
				walkObject(inst, c.PageObject, m, depth+1, d)
			}
		}
	}
}

type pt struct{ x, y float64 }

type subpath struct {
	pts    []pt
	curved bool
	closed bool
}

func pathRules(inst gopdfium.Pdfium, obj references.FPDF_PAGEOBJECT, outer affine, d *drawing) {
	mode, err := inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: obj})
	if err != nil {
		return
	}
	fill := mode.FillMode != enums.FPDF_FILLMODE_NONE && !white(inst, obj, false)
	stroke := mode.Stroke && !white(inst, obj, true)
	if !fill && !stroke {
		return
	}
	m := outer
	if om, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj}); err == nil {
		m = fromFS(om.Matrix).then(outer)
	}
	// Into displayed coordinates at once: rules are kept there.
	m = m.then(d.display)

	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count <= 0 {
		return
	}
	d.segments += n.Count
	if d.segments > maxSegments {
		return
	}
	var paths []subpath
	for i := range n.Count {
		s, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			return
		}
		p, err1 := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
		t, err2 := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment})
		c, err3 := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment})
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		x, y := m.apply(float64(p.X), float64(p.Y))
		if t.Type == enums.FPDF_SEGMENT_MOVETO || len(paths) == 0 {
			paths = append(paths, subpath{})
		}
		sp := &paths[len(paths)-1]
		if t.Type == enums.FPDF_SEGMENT_BEZIERTO {
			sp.curved = true
		}
		sp.pts = append(sp.pts, pt{x, y})
		if c.IsClose {
			sp.closed = true
		}
	}
	if stroke {
		half := 0.05
		if w, err := inst.FPDFPageObj_GetStrokeWidth(&requests.FPDFPageObj_GetStrokeWidth{PageObject: obj}); err == nil {
			half = math.Max(float64(w.StrokeWidth)*m.scale(), 0.1) / 2
		}
		for _, sp := range paths {
			strokeRules(sp, half, d)
		}
	}
	if fill {
		for _, sp := range paths {
			fillRule(sp, d)
		}
	}
}

func strokeRules(sp subpath, half float64, d *drawing) {
	if sp.curved {
		return
	}
	n := len(sp.pts)
	segs := n - 1
	if sp.closed && n > 2 {
		segs = n
	}
	for i := 0; i < segs; i++ {
		p, q := sp.pts[i], sp.pts[(i+1)%n]
		switch {
		case math.Abs(p.y-q.y) < 0.5:
			d.add(math.Min(p.x, q.x), (p.y+q.y)/2-half, math.Max(p.x, q.x), (p.y+q.y)/2+half)
		case math.Abs(p.x-q.x) < 0.5:
			d.add((p.x+q.x)/2-half, math.Min(p.y, q.y), (p.x+q.x)/2+half, math.Max(p.y, q.y))
		}
	}
}

func fillRule(sp subpath, d *drawing) {
	pts := sp.pts
	if sp.curved {
		return
	}
	if n := len(pts); n == 5 && pts[0] == pts[4] {
		pts = pts[:4]
	}
	if len(pts) != 4 || !axisRect(pts) {
		return
	}
	x0, y0, x1, y1 := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts[1:] {
		x0, y0, x1, y1 = math.Min(x0, p.x), math.Min(y0, p.y), math.Max(x1, p.x), math.Max(y1, p.y)
	}
	d.add(x0, y0, x1, y1)
}

func axisRect(p []pt) bool {
	const e = 0.5
	h := func(a, b pt) bool { return math.Abs(a.y-b.y) < e }
	v := func(a, b pt) bool { return math.Abs(a.x-b.x) < e }
	return (h(p[0], p[1]) && v(p[1], p[2]) && h(p[2], p[3]) && v(p[3], p[0])) ||
		(v(p[0], p[1]) && h(p[1], p[2]) && v(p[2], p[3]) && h(p[3], p[0]))
}

// add keeps a rule clipped to the page.
func (d *drawing) add(x0, y0, x1, y1 float64) {
	if len(d.rules) >= maxRules {
		return
	}
	x0, x1 = math.Max(math.Min(x0, x1), 0), math.Min(math.Max(x0, x1), d.w)
	y0, y1 = math.Max(math.Min(y0, y1), 0), math.Min(math.Max(y0, y1), d.h)
	if x1 < x0 || y1 < y0 {
		return
	}
	d.rules = append(d.rules, pdftext.Rule{X0: x0, Y0: y0, X1: x1, Y1: y1})
}

// white reports whether the object's stroke (or fill) is white or fully
// transparent: paint that shows nothing on paper.
func white(inst gopdfium.Pdfium, obj references.FPDF_PAGEOBJECT, stroke bool) bool {
	var c structs.FPDF_COLOR
	if stroke {
		r, err := inst.FPDFPageObj_GetStrokeColor(&requests.FPDFPageObj_GetStrokeColor{PageObject: obj})
		if err != nil {
			return false
		}
		c = r.StrokeColor
	} else {
		r, err := inst.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: obj})
		if err != nil {
			return false
		}
		c = r.FillColor
	}
	return c.A == 0 || c.R >= 250 && c.G >= 250 && c.B >= 250
}

func fromFS(m structs.FPDF_FS_MATRIX) affine {
	return affine{a: float64(m.A), b: float64(m.B), c: float64(m.C), d: float64(m.D), e: float64(m.E), f: float64(m.F)}
}

// then returns the map that applies m, then n.
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.b*n.c, b: m.a*n.b + m.b*n.d,
		c: m.c*n.a + m.d*n.c, d: m.c*n.b + m.d*n.d,
		e: m.e*n.a + m.f*n.c + n.e, f: m.e*n.b + m.f*n.d + n.f,
	}
}

// scale is how much m stretches lengths.
func (m affine) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }
