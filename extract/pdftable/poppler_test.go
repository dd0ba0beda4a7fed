package pdftable

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

// popplerPages reads a PDF with `pdftotext -bbox-layout` into pages of
// words: boxes and a size taken from the box height, no fonts, no rules.
// Running headers and footers are marked the way pdftext marks them: lines
// near the top or bottom edge whose text, digits aside, repeats on most
// pages, and "Pagina n van m" lines.
func popplerPages(t testing.TB, path string) []pdftext.Page {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages, err := parseBBox(out)
	if err != nil {
		t.Fatalf("parse bbox of %s: %v", path, err)
	}
	return pages
}

type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []struct {
				Lines []struct {
					Words []struct {
						X0   float64 `xml:"xMin,attr"`
						Y0   float64 `xml:"yMin,attr"`
						X1   float64 `xml:"xMax,attr"`
						Y1   float64 `xml:"yMax,attr"`
						Text string  `xml:",chardata"`
					} `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

var digitsRe = regexp.MustCompile(`\d+`)
var paginaRe = regexp.MustCompile(`(?i)^(pagina|page)\s+\d+(\s+(van|of)\s+\d+)?$`)

func parseBBox(data []byte) ([]pdftext.Page, error) {
	var doc bboxDoc
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	type lineRef struct{ page, first, last int }
	var pages []pdftext.Page
	var lines []lineRef
	var keys []string
	for pi, p := range doc.Pages {
		pg := pdftext.Page{Number: pi + 1, Width: p.Width, Height: p.Height, Trusted: true}
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					first := len(pg.Words)
					var txt []string
					for _, w := range l.Words {
						h := w.Y1 - w.Y0
						pg.Words = append(pg.Words, pdftext.Word{
							Text: w.Text, X0: w.X0, Y0: w.Y0, X1: w.X1, Y1: w.Y1,
							Base: w.Y1 - 0.22*h, Size: h / 1.16,
						})
						txt = append(txt, w.Text)
					}
					if len(l.Words) == 0 {
						continue
					}
					y := l.Words[0].Y0
					if y < 0.1*p.Height || y > 0.9*p.Height {
						lines = append(lines, lineRef{pi, first, len(pg.Words)})
						keys = append(keys, digitsRe.ReplaceAllString(strings.Join(txt, " "), "#"))
					}
				}
			}
		}
		pages = append(pages, pg)
	}
	count := map[string]map[int]bool{}
	for i, k := range keys {
		if count[k] == nil {
			count[k] = map[int]bool{}
		}
		count[k][lines[i].page] = true
	}
	for i, k := range keys {
		txt := strings.ReplaceAll(k, "#", "1")
		if (len(pages) >= 2 && len(count[k]) >= 2 && 2*len(count[k]) >= len(pages) && letters(k) >= 3) || paginaRe.MatchString(txt) {
			for w := lines[i].first; w < lines[i].last; w++ {
				pages[lines[i].page].Words[w].Running = true
			}
		}
	}
	return pages, nil
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
