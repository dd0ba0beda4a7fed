// Package normalize turns a model.Document into model.Records, one per
// figure in its tables, and model.Passages, its text cut by section for
// search. It does no I/O.
//
// Numbers are read in the Dutch way of gemeente reports (ParseNumber):
//
//	"514.907"      → 514907
//	"11,6%"        → 11.6, unit procent
//	"- 328 N"      → -328, marks "N" (× 1.000 under "bedragen x € 1.000")
//	"4.977-"       → -4977
//	"€ 1.000,-"    → 1000, unit euro
//	"58**"         → 58, marks "**"
//	"350 kind"     → 350, unit aantal
//	"€ 4,6 miljoen" → 4600000
//	"nnb", "n.v.t.", "-" → missing
//	"2018-2022", "6.71a", "zie toelichting" → refused
//
// A table's scale line (ParseScale: "bedragen x € 1.000") multiplies its
// amounts on the decimal digits, never its percentages or cells with a unit
// of their own. The period and period kind of a figure come from its column
// header (PeriodKind, Years) or its row label; the indicator is the row label
// cleaned (CleanIndicator) with a key that groups it across gemeenten
// (IndicatorKey). Where a table prints totals, saldi or differences, the
// figures taking part get Check "ok" or "fail".
package normalize
