package pdftext_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// onePage writes a one-page PDF showing content in Helvetica.
func onePage(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R" +
			" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func ExampleRead() {
	data := onePage("BT /F1 10 Tf 100 700 Td (Hello world) Tj ET 0 G 1 w 100 690 m 300 690 l S")
	pages, err := pdftext.Read(context.Background(), data)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := pages[0]
	for _, w := range p.Words {
		fmt.Printf("%s x %.2f–%.2f baseline %.0f size %.0f\n", w.Text, w.X0, w.X1, w.Base, w.Size)
	}
	fmt.Printf("rule %.1f,%.1f–%.1f,%.1f; trusted %v\n", p.Rules[0].X0, p.Rules[0].Y0, p.Rules[0].X1, p.Rules[0].Y1, p.Trusted)
	// Output:
	// Hello x 100.00–122.78 baseline 92 size 10
	// world x 125.56–149.45 baseline 92 size 10
	// rule 100.0,101.5–300.0,102.5; trusted true
}

func ExampleBlocks() {
	data := onePage("BT /F1 18 Tf 72 720 Td (Jeugdhulp) Tj ET " +
		"BT /F1 10 Tf 72 690 Td (Het aantal jongeren met jeugd-) Tj 0 -12 Td (hulp daalde in 2022.) Tj ET")
	pages, _ := pdftext.Read(context.Background(), data)
	for _, b := range pdftext.Blocks(pages, nil) {
		fmt.Printf("%s %d %q %q\n", b.Kind, b.Level, b.Section, b.Text)
	}
	// Output:
	// heading 1 [] "Jeugdhulp"
	// paragraph 0 ["Jeugdhulp"] "Het aantal jongeren met jeugdhulp daalde in 2022."
}
