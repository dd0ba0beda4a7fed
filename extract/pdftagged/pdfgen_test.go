package pdftagged_test

import (
	"bytes"
	"fmt"
	"strings"
)

// A pdfWriter writes small tagged PDFs for tests. Objects are numbered
// from 1 in the order they are reserved; bodies may be set later, so
// that structure elements and pages can refer to each other.
type pdfWriter struct {
	objs []string
}

func (w *pdfWriter) reserve() int {
	w.objs = append(w.objs, "null")
	return len(w.objs)
}

func (w *pdfWriter) set(n int, body string) { w.objs[n-1] = body }

func (w *pdfWriter) add(body string) int {
	n := w.reserve()
	w.set(n, body)
	return n
}

func (w *pdfWriter) stream(dict, data string) int {
	return w.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// bytes writes the file with the catalog root.
func (w *pdfWriter) bytes(root int) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objs))
	for i, o := range w.objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, xref)
	return out.Bytes()
}

// A content is one page's content stream, with its next MCID.
type content struct {
	b    strings.Builder
	next int
}

// text draws lines of text from x, y (PDF user space, y up) 12 points
// apart, inside marked content tagged tag; it returns the MCID, or -1
// for an artifact.
func (c *content) text(tag string, x, y float64, font string, lines ...string) int {
	id := -1
	if tag == "Artifact" {
		c.b.WriteString("/Artifact BMC ")
	} else {
		id = c.next
		c.next++
		fmt.Fprintf(&c.b, "/%s <</MCID %d>> BDC ", tag, id)
	}
	fmt.Fprintf(&c.b, "BT /%s 10 Tf %g %g Td", font, x, y)
	for i, l := range lines {
		if i > 0 {
			c.b.WriteString(" 0 -12 Td")
		}
		fmt.Fprintf(&c.b, " (%s) Tj", l)
	}
	c.b.WriteString(" ET EMC\n")
	return id
}

// rule draws a horizontal line, as Word draws table borders: outside
// the structure, as an artifact.
func (c *content) rule(x0, x1, y float64) {
	fmt.Fprintf(&c.b, "/Artifact BMC 0.5 w %g %g m %g %g l S EMC\n", x0, y, x1, y)
}

const fonts = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> " +
	"/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >>"

// pageObjects reserves the page tree and pages and writes the pages with
// their contents; it returns the page tree and the page numbers.
func (w *pdfWriter) pages(cs []*content) (tree int, pages []int) {
	tree = w.reserve()
	var kids []string
	for _, c := range cs {
		s := w.stream("", c.b.String())
		p := w.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R /StructParents %d >>", tree, fonts, s, len(pages)))
		pages = append(pages, p)
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	w.set(tree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(cs)))
	return tree, pages
}

// A wordTable is the tagged table the tests print, as a word processor
// exports it: a header of two rows (a column span over the years, row
// spans beside it), a label wrapped over two lines, a unit line above,
// and a page break after the fourth row, where the header is printed
// again as an artifact.
//
//	bedragen x € 1.000
//	Indicator            Realisatie        Begroting 2023
//	                     2021      2022
//	Lasten jeugdhulp     1.234     1.456   1.500
//	Aantal jongeren met  512       498     505
//	jeugdhulp
//	--- page 2 ---
//	Baten                300       310     320
//	Percentage bereikt   85%       87%     90%
//
// mode, when not empty, makes the structure tree hostile: "cycle" tags
// the table with rows and cells whose kids loop back to the table and to
// themselves, without marked content; "deep" buries the table under
// 5000 nested Div elements; "wide" adds, after the table, an element
// whose kids are four times itself; "partial" leaves the content of one
// row's cells out of the tree.
func wordTable(mode string) []byte {
	w := &pdfWriter{}
	p1, p2 := &content{}, &content{}
	cols := []float64{72, 250, 330, 410}
	right := 520.0

	// Page 1: a heading, a paragraph, the unit line, the table's head
	// and first rows.
	mHead := p1.text("H1", 72, 780, "F2", "Sociaal domein")
	mPara := p1.text("P", 72, 756, "F1", "De gemeente ondersteunt inwoners die dat nodig hebben.")
	mUnit := p1.text("P", 72, 726, "F1", "bedragen x \x80 1.000")
	p1.rule(cols[0], right, 718)
	thInd := p1.text("P", cols[0], 706, "F2", "Indicator")
	thReal := p1.text("P", cols[1], 706, "F2", "Realisatie")
	thBeg := p1.text("P", cols[3], 706, "F2", "Begroting 2023")
	th21 := p1.text("P", cols[1], 692, "F2", "2021")
	th22 := p1.text("P", cols[2], 692, "F2", "2022")
	p1.rule(cols[0], right, 686)
	r1 := []int{
		p1.text("P", cols[0], 674, "F1", "Lasten"),
		p1.text("Span", cols[0]+35, 674, "F1", "jeugdhulp"),
		p1.text("P", cols[1], 674, "F1", "1.234"),
		p1.text("P", cols[2], 674, "F1", "1.456"),
		p1.text("P", cols[3], 674, "F1", "1.500"),
	}
	r2 := []int{
		p1.text("P", cols[0], 658, "F1", "Aantal jongeren met", "jeugdhulp"),
		p1.text("P", cols[1], 658, "F1", "512"),
		p1.text("P", cols[2], 658, "F1", "498"),
		p1.text("P", cols[3], 658, "F1", "505"),
	}
	// Page 2: the header again (an artifact), two more rows, a paragraph.
	p2.text("Artifact", cols[0], 780, "F2", "Indicator")
	p2.text("Artifact", cols[1], 780, "F2", "Realisatie")
	p2.text("Artifact", cols[3], 780, "F2", "Begroting 2023")
	p2.text("Artifact", cols[1], 766, "F2", "2021")
	p2.text("Artifact", cols[2], 766, "F2", "2022")
	r3 := []int{
		p2.text("P", cols[0], 748, "F1", "Baten"),
		p2.text("P", cols[1], 748, "F1", "300"),
		p2.text("P", cols[2], 748, "F1", "310"),
		p2.text("P", cols[3], 748, "F1", "320"),
	}
	r4 := []int{
		p2.text("P", cols[0], 734, "F1", "Percentage bereikt"),
		p2.text("P", cols[1], 734, "F1", "85%"),
		p2.text("P", cols[2], 734, "F1", "87%"),
		p2.text("P", cols[3], 734, "F1", "90%"),
	}
	mAfter := p2.text("P", 72, 700, "F1", "Het aantal jongeren met jeugdhulp daalt.")

	root := w.reserve()
	structRoot := w.reserve()
	tree, pages := w.pages([]*content{p1, p2})
	pg := func(i int) string { return fmt.Sprintf("%d 0 R", pages[i]) }
	elem := func(s, page, kids, extra string) int {
		if page != "" {
			extra += " /Pg " + page
		}
		return w.add(fmt.Sprintf("<< /Type /StructElem /S /%s /P %d 0 R /K %s%s >>", s, structRoot, kids, extra))
	}
	ref := func(n int) string { return fmt.Sprintf("%d 0 R", n) }
	// Cells: TH with spans in attribute objects, TD with a P inside
	// (Word's way), marked content as an MCID or a marked-content
	// reference naming its page.
	th := func(page string, mcid int, attrs string) string {
		p := elem("P", "", fmt.Sprint(mcid), "")
		return ref(elem("TH", page, "["+ref(p)+"]", attrs))
	}
	td := func(page string, mcids ...int) string {
		var ks []string
		for _, m := range mcids {
			ks = append(ks, fmt.Sprintf("<< /Type /MCR /Pg %s /MCID %d >>", page, m))
		}
		p := elem("P", "", "["+strings.Join(ks, " ")+"]", "")
		return ref(elem("TD", "", "["+ref(p)+"]", ""))
	}
	tr := func(page string, cells ...string) string {
		return ref(elem("TR", page, "["+strings.Join(cells, " ")+"]", ""))
	}
	// "partial" tags the third row's cells without their content.
	partial := 1
	if mode == "partial" {
		partial = 0
	}
	head := elem("THead", "", "["+strings.Join([]string{
		tr(pg(0), th(pg(0), thInd, " /A << /O /Table /RowSpan 2 >>"), th(pg(0), thReal, " /A [<< /O /Layout /Placement /Block >> 0 << /O /Table /ColSpan 2 >> 0]"), th(pg(0), thBeg, " /A << /O /Table /RowSpan 2 >>")),
		tr(pg(0), th(pg(0), th21, ""), th(pg(0), th22, "")),
	}, " ")+"]", "")
	body := elem("TBody", "", "["+strings.Join([]string{
		tr(pg(0), td(pg(0), r1[:2*partial]...), td(pg(0), r1[2:2+partial]...), td(pg(0), r1[3:3+partial]...), td(pg(0), r1[4:4+partial]...)),
		tr(pg(0), td(pg(0), r2[0]), td(pg(0), r2[1]), td(pg(0), r2[2]), td(pg(0), r2[3])),
		tr(pg(1), td(pg(1), r3[0]), td(pg(1), r3[1]), td(pg(1), r3[2]), td(pg(1), r3[3])),
		tr(pg(1), td(pg(1), r4[0]), td(pg(1), r4[1]), td(pg(1), r4[2]), td(pg(1), r4[3])),
	}, " ")+"]", "")
	// The table's type is a custom name the role map maps to Table.
	table := elem("Tabel", "", fmt.Sprintf("[%d 0 R %d 0 R]", head, body), "")
	kids := []string{
		ref(elem("H1", pg(0), fmt.Sprint(mHead), "")),
		ref(elem("P", pg(0), fmt.Sprint(mPara), "")),
		ref(elem("P", pg(0), fmt.Sprint(mUnit), "")),
		ref(table),
		ref(elem("P", pg(1), fmt.Sprint(mAfter), "")),
	}
	doc := w.reserve()
	switch mode {
	case "cycle":
		t, r, c := w.reserve(), w.reserve(), w.reserve()
		w.set(t, fmt.Sprintf("<< /Type /StructElem /S /Table /K [%d 0 R] >>", r))
		w.set(r, fmt.Sprintf("<< /Type /StructElem /S /TR /K [%d 0 R %d 0 R %d 0 R] >>", c, r, t))
		w.set(c, fmt.Sprintf("<< /Type /StructElem /S /TD /K [%d 0 R %d 0 R %d 0 R] >>", t, c, doc))
		kids[3] = ref(t)
	case "deep":
		k := ref(table)
		for i := 0; i < 5000; i++ {
			k = ref(w.add(fmt.Sprintf("<< /Type /StructElem /S /Div /K [%s] >>", k)))
		}
		kids[3] = k
	case "wide":
		x := w.reserve()
		w.set(x, fmt.Sprintf("<< /Type /StructElem /S /Div /K [%d 0 R %d 0 R %d 0 R %d 0 R] >>", x, x, x, x))
		kids = append(kids, ref(x))
	}
	w.set(doc, fmt.Sprintf("<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>", structRoot, strings.Join(kids, " ")))
	w.set(structRoot, fmt.Sprintf("<< /Type /StructTreeRoot /K [%d 0 R] /RoleMap << /Tabel /Table >> >>", doc))
	w.set(root, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> >>", tree, structRoot))
	return w.bytes(root)
}
