package extract

import (
	"strings"

	"github.com/jaarzoek/jaarzoek/extract/pdftable"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// pdfBlocks lays out pages as text blocks with the tables found on them in
// place: table words are kept out of the text, and each table is numbered
// in document order and given the heading path it stands under.
func pdfBlocks(pages []pdftext.Page) []model.Block {
	found := pdftable.Find(pages)
	blocks := pdftext.Blocks(pages, pdftable.Skip(pages, found))
	if len(found) == 0 {
		return blocks
	}
	out := make([]model.Block, 0, len(blocks)+len(found))
	next := 0
	flush := func(before int) {
		for next < len(found) && firstPage(found[next]) < before {
			out = append(out, tableBlock(found[next], next+1, out))
			next++
		}
	}
	for _, b := range blocks {
		flush(b.Page)
		out = append(out, b)
	}
	flush(int(^uint(0) >> 1))
	return out
}

func firstPage(f pdftable.Found) int {
	if len(f.Regions) > 0 {
		return f.Regions[0].Page
	}
	return f.Table.Page
}

// tableBlock numbers f's table index and places it under the heading path
// of the blocks before it.
func tableBlock(f pdftable.Found, index int, before []model.Block) model.Block {
	t := f.Table
	t.Index = index
	for r := range t.Rows {
		for c := range t.Rows[r] {
			t.Rows[r][c].Table = index
		}
	}
	var section []string
	if n := len(before); n > 0 {
		last := before[n-1]
		section = last.Section
		if last.Kind == model.BlockHeading {
			section = append(append([]string(nil), last.Section...), last.Text)
		}
	}
	return model.Block{Kind: model.BlockTable, Section: section, Page: t.Page, Table: t, Untrusted: t.Untrusted}
}

// pdfSite is what a PDF says of its publisher outside the content: the
// author in its information dictionary and the running header of its first
// page ("Gemeente Maassluis"), which detection reads like a site header.
func pdfSite(pages []pdftext.Page, author string) string {
	parts := []string{}
	if author = strings.TrimSpace(author); author != "" {
		parts = append(parts, author)
	}
	for _, p := range pages {
		var words []string
		for _, w := range p.Words {
			if w.Running && w.Y1 < p.Height/2 {
				words = append(words, w.Text)
			}
		}
		if len(words) > 0 {
			parts = append(parts, strings.Join(words, " "))
			break
		}
	}
	return strings.Join(parts, " · ")
}
