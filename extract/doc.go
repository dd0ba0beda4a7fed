// Package extract turns fetched bytes (a model.Raw) into a model.Document:
// the page title, the publisher's banner text, and the page's headings,
// paragraphs, list items and tables in reading order, each block carrying the
// heading path above it. HTML pages are read with goquery, PDF files with
// ledongthuc/pdf; Document picks the reader by format.
//
// Tables come out as rectangular grids of model.Cell, numbered from 1 in
// document order, rows and columns counted from 0 with header rows included:
//
//	<tr><th rowspan=2>Omschrijving</th><th colspan=2>Realisatie</th></tr>
//	<tr><th>2021</th><th>2022</th></tr>
//	<tr><td>Halt</td><td>7</td><td>1.234<sup>2</sup></td></tr>
//
// gives three rows of three cells; "Omschrijving" is the origin at 0,0
// (RowSpan 2) with a copy at 1,0, "Realisatie" the origin at 0,1 (ColSpan 2)
// with a copy at 0,2; HeaderRows is 2; the cell at 2,2 has Text "1.234" and
// Marks "2". A row with fewer cells is padded with Pad cells and reported in
// Document.Warnings. A scale line above a table ("bedragen x € 1.000") is its
// UnitLine, a caption its Caption, and footnote lines under it ("* …", "1) …")
// its Notes.
//
// Site chrome (header, navigation, breadcrumbs, cookie banners, skip links,
// footer) and anything not displayed are left out; text is whitespace
// collapsed, with non-breaking spaces as spaces.
package extract
