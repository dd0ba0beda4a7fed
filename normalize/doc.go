// Package normalize turns a model.Document into model.Records, one per
// figure in its tables and its sentences, and model.Passages, its text cut
// by section for search. It first settles whose document it is (Identify:
// hints, else detection against the reference lists). It does no I/O.
//
// Numbers are read in the Dutch way of gemeente reports (ParseNumber):
//
//	"514.907"       → 514907
//	"11,6%"         → 11.6, unit procent
//	"- 328 N"       → -328, marks "N" (× 1.000 under "bedragen x € 1.000")
//	"4.977-"        → -4977
//	"€ 1.000,-"     → 1000, unit euro
//	"58**"          → 58, marks "**"
//	"350 kind"      → 350, unit aantal
//	"€ 4,6 miljoen" → 4600000
//	"nnb", "n.v.t.", "-" → missing
//	"2018-2022", "6.71a", "zie toelichting" → refused
//
// Normalize reads each table as a grid: it finds the label column, the
// figure columns and the columns that are not figures (taakveld codes,
// numbering, Bron, Eenheid, V/N markers); rows holding one text and no
// figures are group rows and make the RowPath of the rows under them. A
// scale line ("bedragen x € 1.000", in the unit line, caption or a header
// cell; ParseScale) multiplies the table's amounts on their decimal digits,
// never its percentages or cells with a unit of their own; a scale in a row
// label applies to that row. Period and period kind come from the column
// header (Years, PeriodKind) or the row label; the indicator is the row
// label cleaned (CleanIndicator) with a key that groups it across gemeenten
// (IndicatorKey). Where a table prints totals, saldi (baten and lasten) or
// differences, the figures taking part get Check "ok" or "fail". A cell that
// looks like a number but cannot be read becomes an error with its place;
// the rest of its table is still read.
package normalize
