// Package pdftagged reads the tables of a tagged PDF's structure tree and
// builds them into grids from the words pdftext reads.
//
// A tagged PDF (Word, LibreOffice and Chromium write them) carries its
// own logical structure: a tree under the catalog's /StructTreeRoot whose
// elements have standard types, or names its /RoleMap maps to them. A
// table is
//
//	Table
//	  Caption (optional)
//	  THead / TBody / TFoot (optional)
//	    TR
//	      TH or TD  (/A << /O /Table /ColSpan 2 >>)
//	        P, Span, … down to marked content: an MCID on a page
//
// and each page's content stream wraps the text in
// "/P <</MCID 4>> BDC … EMC", which pdftext records as Word.MCID.
//
// Read walks the tree into Table values: rows of cells, each a list of
// (page, MCID) with its header flag and spans. Build joins them with the
// words of the pages into the pdftable.Found shape the geometric finder
// returns, and Merge puts both together, a tagged table replacing the
// geometric one it overlaps:
//
//	TR [TH /RowSpan 2 "Indicator"] [TH /ColSpan 2 "Realisatie"]
//	TR [TH "2021"] [TH "2022"]
//	TR [TD "Jeugd"] [TD "1.039"] [TD "514"]
//
// gives a grid of three columns and two header rows: "Realisatie" in
// slots 1 and 2 of the first row, "Indicator" in slot 0 of the first two
// rows, the copies with Origin false.
//
// Build trusts the tree where it can and checks it where producers
// differ. A cell's text is its words in reading order (page, line, left
// to right), text drawn twice at one place counted once, and a header
// that a browser printed again on the next page inside the same cell
// kept once. Words a cell refers to are taken even when pdftext marked
// them Running, since tagged files keep running headers and footers out
// of the tree. Header rows are the rows of THead or of TH cells only, or,
// where the file marks none, the leading bold or year rows above the
// first row of one cell across. A scale line ("bedragen x € 1.000") or
// numbered title just above the table, a header printed again above its
// continuation on a later page, and footnote lines ("* …") right under
// it go with the table. A table with fewer than two rows or columns or
// no figure is layout and left out; so is one whose box holds many
// words that belong to none of its cells (a tree that tags it in part).
//
// The walk visits each element once (a /K entry pointing back is
// skipped), to a bounded depth and number of elements, so a tree that
// loops or nests absurdly ends soon. The PDF library reports malformed
// input by panicking; Read recovers into ErrMalformed.
package pdftagged
