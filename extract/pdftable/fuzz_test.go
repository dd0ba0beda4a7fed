package pdftable

import (
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

var fuzzVocab = []string{"Lasten", "Baten", "1.039", "-7.882", "- ", "328", "N", "V", "nnb", "-", "2021", "2022",
	"Totaal", "x", "€", "1.000", "bedragen", "11,6%", "Thema", "jeugd", "*", "¹", "(w)", "4.977-", "Tabel", "3", "Pagina"}

// fuzzPages turns bytes into pages of words: each group of five bytes is
// one word (text, x, y, width, flags).
func fuzzPages(data []byte) []pdftext.Page {
	pages := []pdftext.Page{{Number: 1, Width: 595, Height: 842, Trusted: true}}
	for i := 0; i+5 <= len(data); i += 5 {
		b := data[i : i+5]
		if b[4]&0x80 != 0 && len(pages) < 4 {
			pages = append(pages, pdftext.Page{Number: len(pages) + 1, Width: 595, Height: 842, Trusted: true})
		}
		p := &pages[len(pages)-1]
		x := float64(b[1]) * 2.2
		y := float64(b[2]) * 3.2
		size := 6 + float64(b[4]&7)
		w := pdftext.Word{
			Text: fuzzVocab[int(b[0])%len(fuzzVocab)],
			X0:   x, X1: x + 4 + float64(b[3]%60),
			Y0: y, Y1: y + size*1.15, Base: y + size, Size: size,
			Bold: b[4]&8 != 0, Running: b[4]&16 != 0,
		}
		p.Words = append(p.Words, w)
		if b[4]&32 != 0 {
			p.Rules = append(p.Rules, pdftext.Rule{X0: 0, Y0: y, X1: x + 200, Y1: y + 0.5})
		}
	}
	return pages
}

// FuzzFind checks that Find never panics and returns well-formed grids
// whose words exist and are not running.
func FuzzFind(f *testing.F) {
	f.Add([]byte{2, 100, 10, 20, 1, 3, 140, 10, 20, 1, 0, 10, 10, 30, 1, 2, 100, 15, 20, 1, 3, 140, 15, 20, 1, 1, 10, 15, 30, 1})
	f.Add([]byte{10, 50, 20, 30, 2, 11, 90, 20, 30, 2, 2, 50, 25, 30, 2, 3, 90, 25, 30, 2, 4, 50, 30, 30, 0x82, 5, 90, 30, 30, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		pages := fuzzPages(data)
		for _, fd := range Find(pages) {
			checkGrid(t, "fuzz", fd)
			for ref := range fd.Words {
				if ref.Page < 1 || ref.Page > len(pages) || ref.Index >= len(pages[ref.Page-1].Words) {
					t.Fatalf("word %+v out of range", ref)
				}
				if pages[ref.Page-1].Words[ref.Index].Running {
					t.Fatalf("running word %+v in a table", ref)
				}
			}
		}
	})
}
