// Package pdftable finds tables in the words of PDF pages: it takes the
// pages pdftext reads (words with boxes, optional rules, running headers
// marked) and returns each table as a model.Table grid together with the
// regions it covers and the words it consumed, so that the text flow can
// leave those words out and put the table in their place.
//
// Tables are found from the words alone, so they work with or without
// drawn rules:
//
//   - a row is anchored by its figures: a line holding numbers (or missing
//     markers such as "-", "nnb") beside a label or beside other numbers;
//   - columns are the bands in which the cells of those rows overlap
//     horizontally (right-aligned, left-aligned and centred figures alike);
//   - label lines without figures join the row they wrapped from, or the
//     row whose figures stand between them (vertically centred cells);
//     otherwise they are group rows ("Lasten", "Thema Jeugd"). Drawn rules
//     across the table decide this where they separate every row; without
//     them, lines closer than rows are, a line starting in lower case, or
//     a previous line too full to take the next word, mark a wrap;
//   - lines above the first row that have text over the figure columns are
//     header rows; lines of one wrapped or vertically centred header cell
//     join one row, a line with twice the cells starts a finer level, and a
//     cell of an upper level spans the columns it is centred on (or starts
//     or ends with): "Realisatie 2021" over "Baten | Lasten | Saldo";
//   - a scale line ("bedragen x € 1.000") above the table is its UnitLine,
//     a "Tabel 3" line its Caption, lines starting with a footnote mark
//     right under it its Notes;
//   - two tables side by side (a column of labels between columns of
//     figures) are cut apart; a heading, a paragraph, a new header line or
//     other columns end a table;
//   - a table ending at the foot of a page and one with the same columns
//     starting at the top of the next are one table; a header printed again
//     on the next page is dropped.
//
// Example: the lines
//
//	bedragen x € 1.000
//	Programma        2021     2022
//	Lasten
//	1.1 Thema       -7.882   -7.020
//	    Jeugd
//
// give UnitLine "bedragen x € 1.000", header row [Programma, 2021, 2022] and
// body rows [Lasten, "", ""] and ["1.1 Thema Jeugd", "-7.882", "-7.020"].
package pdftable
