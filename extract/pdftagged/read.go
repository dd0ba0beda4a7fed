package pdftagged

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// ErrMalformed is wrapped by every error about a file or a structure tree
// the reader cannot make sense of.
var ErrMalformed = errors.New("pdftagged: malformed PDF")

// A Ref names one marked-content sequence: the page it is drawn on (from
// 1, as pdftext.Page.Number) and its MCID there (pdftext.Word.MCID).
type Ref struct {
	Page, MCID int
}

// A Cell is one TH or TD element.
type Cell struct {
	Content []Ref // the marked content of the cell and its descendants, in tree order
	Header  bool  // a TH
	RowSpan int   // rows spanned, from 1
	ColSpan int   // columns spanned, from 1
}

// A Row is one TR element.
type Row struct {
	Cells []Cell
	Head  bool // inside THead
	Foot  bool // inside TFoot
}

// A Table is one Table element of the structure tree.
type Table struct {
	Rows    []Row
	Caption []Ref // the content of its Caption element
}

// Limits that keep a hostile structure tree from taking time or memory:
// the tree is walked once, every element at most once, to a bounded depth.
const (
	maxDepth    = 128
	maxElements = 1 << 18
	maxRefs     = 1 << 20
	maxTables   = 1 << 12
	maxRoleHops = 8
	maxPages    = 1 << 17
)

// Read returns the tables of the structure tree of the PDF in data, in
// tree order (reading order for a well-tagged file). A file without a
// structure tree, or whose tree has no tables, gives none and no error.
// ctx is checked as the tree is walked. A tree past the limits on depth
// or size is read no further: the tables read so far come back with an
// error wrapping ErrMalformed. The PDF library reports malformed input
// by panicking; Read recovers into ErrMalformed. Read does not
// bound time or memory beyond its fixed limits: run it in a guarded
// process for untrusted input.
func Read(ctx context.Context, data []byte) (tables []Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			tables, err = nil, fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r, err := open(data)
	if err != nil {
		return nil, err
	}
	root := r.Trailer().Key("Root")
	tree := root.Key("StructTreeRoot")
	if tree.Kind() != pdf.Dict {
		return nil, nil
	}
	w := &walker{ctx: ctx, pages: pageNumbers(root.Key("Pages")), roles: tree.Key("RoleMap"), classes: tree.Key("ClassMap"), seen: map[objKey]bool{}}
	w.kids(tree.Key("K"), 0, func(v pdf.Value, depth int) { w.find(v, objKey{}, depth) })
	if w.err != nil {
		return w.tables, w.err
	}
	return w.tables, nil
}

// open hands data to the library after the same lenient fixes pdftext
// makes: bytes after the last %%EOF cut, a version other than 1.x read
// as 1.7.
func open(data []byte) (*pdf.Reader, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 16 {
		return nil, fmt.Errorf("%w: not a PDF file", ErrMalformed)
	}
	if i := bytes.LastIndex(data, []byte("%%EOF")); i > 0 {
		data = data[:i+5]
	}
	if data[5] != '1' || data[7] < '0' || data[7] > '7' || (data[8] != '\r' && data[8] != '\n') {
		d := make([]byte, len(data))
		copy(d, data)
		copy(d[5:], "1.7")
		if d[8] != '\r' && d[8] != '\n' {
			d[8] = '\n'
		}
		data = d
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return r, nil
}

// objKey identifies an indirect object. The library keeps the object
// number unexported; reflection reads it, as pdftext does.
type objKey struct {
	id  uint32
	gen uint16
}

func keyOf(v pdf.Value) objKey {
	p := reflect.ValueOf(v).FieldByName("ptr")
	if !p.IsValid() || p.NumField() < 2 {
		return objKey{}
	}
	return objKey{uint32(p.Field(0).Uint()), uint16(p.Field(1).Uint())}
}

// pageNumbers numbers the leaves of the page tree from 1 in the order
// pdftext reads them, keyed by their object.
func pageNumbers(v pdf.Value) map[objKey]int {
	out := map[objKey]int{}
	seen := map[objKey]bool{}
	n := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if depth > 64 || v.Kind() != pdf.Dict || n >= maxPages {
			return
		}
		k := keyOf(v)
		if k.id != 0 {
			if seen[k] {
				return
			}
			seen[k] = true
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || (kids.Kind() == pdf.Array && v.Key("Type").Name() != "Page") {
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), depth+1)
			}
			return
		}
		n++
		if k.id != 0 {
			out[k] = n
		}
	}
	walk(v, 0)
	return out
}

// A walker reads the structure tree.
type walker struct {
	ctx      context.Context
	pages    map[objKey]int
	roles    pdf.Value // the RoleMap
	classes  pdf.Value // the ClassMap
	seen     map[objKey]bool
	elements int
	refs     int
	tables   []Table
	err      error
}

// budget counts one element and reports whether the walk may go on.
func (w *walker) budget() bool {
	if w.err != nil {
		return false
	}
	w.elements++
	if w.elements > maxElements {
		w.err = fmt.Errorf("%w: structure tree has more than %d elements", ErrMalformed, maxElements)
		return false
	}
	if w.elements%1024 == 0 {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			return false
		}
	}
	return true
}

// kids calls f on each dictionary kid of k (a dictionary or an array of
// them); integers (MCIDs) are left to the callers that want them.
func (w *walker) kids(k pdf.Value, depth int, f func(v pdf.Value, depth int)) {
	switch k.Kind() {
	case pdf.Dict:
		f(k, depth+1)
	case pdf.Array:
		for i := 0; i < k.Len() && w.err == nil; i++ {
			if e := k.Index(i); e.Kind() == pdf.Dict && !selfRef(k, i, e) {
				f(e, depth+1)
			}
		}
	}
}

// selfRef reports whether kid e, element i of array k, is a reference to
// the object holding k: a loop that keys alone do not reveal, as a kid
// written directly inside its parent has the parent's key too.
func selfRef(k pdf.Value, i int, e pdf.Value) bool {
	return keyOf(e) == keyOf(k) && isRef(k, i)
}

// isRef reports whether element i of array a is written as an indirect
// reference. The library resolves references without saying so;
// reflection reads its unexported representation.
func isRef(a pdf.Value, i int) bool {
	d := reflect.ValueOf(a).FieldByName("data")
	if d.Kind() == reflect.Interface {
		d = d.Elem()
	}
	if d.Kind() != reflect.Slice || i >= d.Len() {
		return false
	}
	e := d.Index(i)
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	return e.IsValid() && e.Type().Name() == "objptr"
}

// enter reports whether structure element v may be visited: within depth
// and budget, and an indirect object not visited before (a /K loop).
func (w *walker) enter(v pdf.Value, parent objKey, depth int) bool {
	if depth > maxDepth || !w.budget() {
		return false
	}
	// A kid written directly inside its parent shares the parent's
	// object; only a kid of its own can close a loop.
	if k := keyOf(v); k.id != 0 && k != parent {
		if w.seen[k] {
			return false
		}
		w.seen[k] = true
	}
	return true
}

// role returns the standard structure type of element v, following the
// RoleMap.
func (w *walker) role(v pdf.Value) string {
	s := v.Key("S").Name()
	for i := 0; i < maxRoleHops; i++ {
		switch s {
		case "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Caption":
			return s
		}
		m := w.roles.Key(s)
		if m.Kind() != pdf.Name || m.Name() == s {
			return s
		}
		s = m.Name()
	}
	return s
}

// find looks for tables under element v.
func (w *walker) find(v pdf.Value, parent objKey, depth int) {
	if !w.enter(v, parent, depth) {
		return
	}
	if v.Key("Type").Name() == "MCR" || v.Key("Type").Name() == "OBJR" {
		return
	}
	if w.role(v) == "Table" {
		if len(w.tables) < maxTables {
			if t := w.table(v, depth); len(t.Rows) > 0 {
				w.tables = append(w.tables, t)
			}
		}
		return
	}
	k := keyOf(v)
	w.kids(v.Key("K"), depth, func(e pdf.Value, d int) { w.find(e, k, d) })
}

// table reads a Table element: its rows, directly or in THead, TBody and
// TFoot, and its caption.
func (w *walker) table(v pdf.Value, depth int) Table {
	var t Table
	pg := w.page(v, 0)
	k := keyOf(v)
	var rows func(v pdf.Value, parent objKey, pg, depth int, head, foot bool)
	rows = func(e pdf.Value, parent objKey, pg, depth int, head, foot bool) {
		if !w.enter(e, parent, depth) {
			return
		}
		pg = w.page(e, pg)
		ek := keyOf(e)
		switch w.role(e) {
		case "TR":
			r := Row{Head: head, Foot: foot}
			w.kids(e.Key("K"), depth, func(c pdf.Value, d int) {
				if !w.enter(c, ek, d) {
					return
				}
				switch w.role(c) {
				case "TH", "TD":
					r.Cells = append(r.Cells, w.cell(c, pg, d))
				}
			})
			t.Rows = append(t.Rows, r)
		case "THead", "TBody", "TFoot":
			h, f := head || w.role(e) == "THead", foot || w.role(e) == "TFoot"
			w.kids(e.Key("K"), depth, func(c pdf.Value, d int) { rows(c, ek, pg, d, h, f) })
		case "Caption":
			t.Caption = w.content(e, pg, depth, t.Caption)
		}
	}
	w.kids(v.Key("K"), depth, func(c pdf.Value, d int) { rows(c, k, pg, d, false, false) })
	return t
}

// cell reads a TH or TD element.
func (w *walker) cell(v pdf.Value, pg, depth int) Cell {
	c := Cell{Header: w.role(v) == "TH", RowSpan: 1, ColSpan: 1}
	if n := w.attr(v, "RowSpan"); n > 1 {
		c.RowSpan = n
	}
	if n := w.attr(v, "ColSpan"); n > 1 {
		c.ColSpan = n
	}
	c.Content = w.content(v, pg, depth, nil)
	return c
}

// maxSpan bounds a span read from the file.
const maxSpan = 1000

// attr returns the integer table attribute name of element v, from its
// /A attribute objects or its /C classes; 0 when absent.
func (w *walker) attr(v pdf.Value, name string) int {
	get := func(a pdf.Value) int {
		if a.Kind() == pdf.Stream || a.Kind() == pdf.Dict {
			if n := a.Key(name); n.Kind() == pdf.Integer && n.Int64() > 0 && n.Int64() <= maxSpan {
				return int(n.Int64())
			}
		}
		return 0
	}
	list := func(a pdf.Value) int {
		if a.Kind() == pdf.Array {
			for i := 0; i < a.Len() && i < 64; i++ {
				if n := get(a.Index(i)); n > 0 {
					return n
				}
			}
			return 0
		}
		return get(a)
	}
	if n := list(v.Key("A")); n > 0 {
		return n
	}
	c := v.Key("C")
	if c.Kind() == pdf.Name {
		return list(w.classes.Key(c.Name()))
	}
	for i := 0; i < c.Len() && i < 64; i++ {
		if n := list(w.classes.Key(c.Index(i).Name())); n > 0 {
			return n
		}
	}
	return 0
}

// page returns the page number of element v's /Pg, or pg, its parent's.
func (w *walker) page(v pdf.Value, pg int) int {
	if p := v.Key("Pg"); p.Kind() == pdf.Dict {
		if n, ok := w.pages[keyOf(p)]; ok {
			return n
		}
	}
	return pg
}

// content appends to out the marked content under element v, entered
// already, in tree order: MCIDs on their own, marked-content references,
// and the content of descendant elements.
func (w *walker) content(v pdf.Value, pg, depth int, out []Ref) []Ref {
	pg = w.page(v, pg)
	k := keyOf(v)
	add := func(pg int, id pdf.Value) {
		if id.Kind() == pdf.Integer && id.Int64() >= 0 && id.Int64() < 1<<31 && pg > 0 && w.refs < maxRefs {
			w.refs++
			out = append(out, Ref{Page: pg, MCID: int(id.Int64())})
		}
	}
	one := func(e pdf.Value) {
		switch e.Kind() {
		case pdf.Integer:
			add(pg, e)
		case pdf.Dict:
			switch e.Key("Type").Name() {
			case "MCR":
				add(w.page(e, pg), e.Key("MCID"))
			case "OBJR":
			default:
				if w.enter(e, k, depth+1) {
					out = w.content(e, pg, depth+1, out)
				}
			}
		}
	}
	kids := v.Key("K")
	if kids.Kind() == pdf.Array {
		for i := 0; i < kids.Len() && w.err == nil; i++ {
			if e := kids.Index(i); !selfRef(kids, i, e) {
				one(e)
			}
		}
	} else {
		one(kids)
	}
	return out
}
