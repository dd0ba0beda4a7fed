package pdftable

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// pdfDoc builds small PDFs for tests: standard-14 Helvetica text placed
// with Td, and stroked lines. Coordinates are top-down like pdftext's.
type pdfDoc struct {
	w, h  float64
	pages []*bytes.Buffer
}

func newPDF(w, h float64) *pdfDoc { return &pdfDoc{w: w, h: h} }

func (d *pdfDoc) page() *bytes.Buffer {
	b := &bytes.Buffer{}
	d.pages = append(d.pages, b)
	return b
}

// helvWidth returns the advance of s in Helvetica at size, in points,
// from the standard metrics of the characters tables use.
func helvWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			w += 556
		case r == '.' || r == ',' || r == ' ':
			w += 278
		case r == '-':
			w += 333
		case r == '%':
			w += 889
		case r == 'i' || r == 'l' || r == 'j':
			w += 222
		case r == 'f' || r == 't' || r == 'r':
			w += 300
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 833
		case r >= 'A' && r <= 'Z':
			w += 667
		default:
			w += 556
		}
	}
	return w * size / 1000
}

// text draws s with its left end at x and its baseline at y (top-down).
func (d *pdfDoc) text(b *bytes.Buffer, x, y, size float64, s string) {
	s = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
	if enc, err := charmap.Windows1252.NewEncoder().String(s); err == nil {
		s = enc
	}
	fmt.Fprintf(b, "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n", size, x, d.h-y, s)
}

// right draws s with its right end at x.
func (d *pdfDoc) right(b *bytes.Buffer, x, y, size float64, s string) {
	d.text(b, x-helvWidth(s, size), y, size, s)
}

// rule strokes a line from (x0,y0) to (x1,y1).
func (d *pdfDoc) rule(b *bytes.Buffer, x0, y0, x1, y1 float64) {
	fmt.Fprintf(b, "0.5 w %.2f %.2f m %.2f %.2f l S\n", x0, d.h-y0, x1, d.h-y1)
}

// bytes writes the document.
func (d *pdfDoc) bytes() []byte {
	var out bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	out.WriteString("%PDF-1.4\n")
	n := len(d.pages)
	// 1 catalog, 2 pages, 3 font, then page and content pairs.
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range d.pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", d.w, d.h, 5+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", p.Len(), p.String()))
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return out.Bytes()
}
