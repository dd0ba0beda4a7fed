package extract

import (
	"strings"

	"github.com/jaarzoek/jaarzoek/extract/pdftable"
	"github.com/jaarzoek/jaarzoek/extract/pdftagged"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// pdfBlocks lays out pages as text blocks with the tables found on them in
// place: table words are kept out of the text, and each table is numbered
// in document order and given the heading path it stands under. Tables
// the file's structure tree tags (tagged) take the place of those found
// from the layout where they overlap.
func pdfBlocks(pages []pdftext.Page, tagged []pdftagged.Table) []model.Block {
	found := pdftagged.Merge(pdftable.Find(pages), pdftagged.Build(pages, tagged))
	placed := pdftext.Layout(pages, pdftable.Skip(pages, found))
	out := make([]model.Block, 0, len(placed)+len(found))
	next := 0
	for _, b := range placed {
		// A table goes before the first block that starts below its top,
		// on its page or a later one.
		for next < len(found) && below(b, found[next]) {
			out = append(out, tableBlock(found[next], next+1, out))
			next++
		}
		out = append(out, b.Block)
	}
	for ; next < len(found); next++ {
		out = append(out, tableBlock(found[next], next+1, out))
	}
	return out
}

// below reports whether block b starts after the top of table f.
func below(b pdftext.Placed, f pdftable.Found) bool {
	page, top := f.Table.Page, 0.0
	if len(f.Regions) > 0 {
		page, top = f.Regions[0].Page, f.Regions[0].Y0
	}
	return b.Page > page || (b.Page == page && b.Y0 >= top)
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
