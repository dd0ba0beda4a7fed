package pdftext

import (
	"bytes"
	"fmt"
	"strings"
)

// A pdfBuilder writes small PDFs for tests: objects are added as source
// text and numbered from 1; build adds the catalog, page tree and xref.
type pdfBuilder struct {
	objs []string
}

// add stores an object and returns its number.
func (b *pdfBuilder) add(obj string) int {
	b.objs = append(b.objs, obj)
	return len(b.objs)
}

// stream stores a stream object with the given dictionary entries.
func (b *pdfBuilder) stream(dict, data string) int {
	return b.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data)+0, data))
}

// testPage is one page: its content, resources and page attributes.
type testPage struct {
	content   string
	resources string // the inside of the resource dictionary
	attrs     string // extra page entries (/Rotate 90, /CropBox […])
}

// build writes the document; trailer adds entries to the trailer.
func (b *pdfBuilder) build(pages []testPage, trailer string) []byte {
	pagesNum := len(b.objs) + 2*len(pages) + 1
	var kids []string
	for _, p := range pages {
		c := b.stream("", p.content)
		n := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << %s >> /Contents %d 0 R %s >>", pagesNum, p.resources, c, p.attrs))
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
	}
	b.add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	root := b.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesNum))
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(b.objs))
	for i, o := range b.objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, trailer, xref)
	return out.Bytes()
}

// Fonts used by the tests, as resource entries.
const (
	helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	timesBold = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>"
	courier   = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"
	// A font with its own widths: every glyph 500.
	widths500 = "<< /Type /Font /Subtype /Type1 /BaseFont /Foo /FirstChar 32 /LastChar 126 /Widths [" +
		"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
		"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
		"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500] " +
		"/FontDescriptor << /Type /FontDescriptor /FontName /Foo /Flags 32 /Ascent 800 /Descent -200 /ItalicAngle 0 >> >>"
	// Helvetica with code 65 drawing the fi ligature.
	helveticaDiff = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /fi] >> >>"
)

// cidFont adds a Type0 font with Identity-H codes, /W widths (CID 1: 600,
// CID 2: 700, CIDs 10–20: 400, others /DW 1000) and, when toUnicode is
// set, a ToUnicode map (1 → A, 2 → B, 10–20 → a…k). It returns the font
// dictionary reference.
func (b *pdfBuilder) cidFont(toUnicode bool) string {
	desc := b.add("<< /Type /FontDescriptor /FontName /Bar /Flags 32 /Ascent 900 /Descent -300 /ItalicAngle 0 >>")
	cid := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bar /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [1 [600 700] 10 20 400] >>", desc))
	tu := ""
	if toUnicode {
		cm := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
			"2 beginbfchar\n<0001> <0041>\n<0002> <0042>\nendbfchar\n1 beginbfrange\n<000A> <0014> <0061>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
		tu = fmt.Sprintf("/ToUnicode %d 0 R", b.stream("", cm))
	}
	f := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Bar /Encoding /Identity-H /DescendantFonts [%d 0 R] %s >>", cid, tu))
	return fmt.Sprintf("%d 0 R", f)
}
