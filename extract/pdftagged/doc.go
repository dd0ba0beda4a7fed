// Package pdftagged reads the tables of a tagged PDF's structure tree and
// builds them into grids from the words pdftext reads.
//
// A tagged PDF (Word, LibreOffice and Chromium write them) carries its
// own logical structure: a tree under the catalog's /StructTreeRoot whose
// elements have standard types (or names the /RoleMap maps to them). A
// table is
//
//	Table
//	  THead / TBody / TFoot (optional)
//	    TR
//	      TH or TD  (/A << /O /Table /ColSpan 2 >>)
//	        P, Span, … down to marked content: an MCID on a page
//
// and the page's content stream wraps each piece of text in
// "/P <</MCID 4>> BDC … EMC", which pdftext records as Word.MCID. Read
// walks the tree into Table values (rows of cells, each a list of page
// and MCID, with header flag and spans); Build joins them with the
// words of the pages into the pdftable.Found shape the geometric table
// finder returns, so that the two are used alike:
//
//	TR [TH "Programma"] [TH /ColSpan 2 "Realisatie"]
//	TR [TD "Jeugd"]     [TD "1.039"] [TD "514"]
//
// gives a grid of three columns whose first row is a header row, the
// "Realisatie" cell in slots 1 and 2 (the second a copy, Origin false).
//
// The walk visits each element once, to a bounded depth and number of
// elements, so a tree whose /K entries loop or nest absurdly ends with
// an error instead of hanging. The PDF library reports malformed input
// by panicking; Read recovers into ErrMalformed.
package pdftagged
