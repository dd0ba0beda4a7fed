package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/jaarzoek/jaarzoek/model"
)

// A recordWriter prints records in one output format. Close flushes what
// is buffered.
type recordWriter interface {
	Write(r *model.Record) error
	Close() error
}

// newRecordWriter returns the writer for format ("jsonl", "csv" or "table").
func newRecordWriter(format string, w io.Writer) (recordWriter, error) {
	switch format {
	case "jsonl", "":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return jsonlWriter{enc}, nil
	case "csv":
		cw := csv.NewWriter(w)
		return &csvWriter{w: cw}, nil
	case "table":
		return &tableWriter{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}, nil
	}
	return nil, usageError("unknown format %q (want jsonl, csv or table)", format)
}

type jsonlWriter struct{ enc *json.Encoder }

func (j jsonlWriter) Write(r *model.Record) error { return j.enc.Encode(r) }
func (j jsonlWriter) Close() error                { return nil }

// csvColumns are the record fields in the order of the contract in DESIGN.md.
var csvColumns = []string{
	"id", "doc", "source", "format", "gemeente", "gemeente_code", "doc_kind", "doc_year",
	"section", "page", "table", "row", "col", "row_path", "indicator", "indicator_key",
	"indicator_id", "taakveld", "column", "period", "period_kind", "value", "unit",
	"unit_text", "scale", "raw", "marks", "note", "bron", "status", "scope", "check",
}

// csvFields returns r's fields in the order of csvColumns.
func csvFields(r *model.Record) []string {
	itoa := strconv.Itoa
	return []string{
		r.ID, r.Doc, r.Source, string(r.Format), r.Gemeente, r.GemeenteCode, r.DocKind, itoa(r.DocYear),
		r.Section, itoa(r.Page), itoa(r.Table), itoa(r.Row), itoa(r.Col), r.RowPath, r.Indicator, r.IndicatorKey,
		r.IndicatorID, r.Taakveld, r.Column, itoa(r.Period), r.PeriodKind, formatValue(r.Value), r.Unit,
		r.UnitText, strconv.FormatFloat(r.Scale, 'f', -1, 64), r.Raw, r.Marks, r.Note, r.Bron, r.Status, r.Scope, r.Check,
	}
}

type csvWriter struct {
	w      *csv.Writer
	header bool
}

func (c *csvWriter) Write(r *model.Record) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(csvColumns); err != nil {
			return err
		}
	}
	return c.w.Write(csvFields(r))
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// tableWriter prints the fields a person reads first, aligned.
type tableWriter struct {
	tw     *tabwriter.Writer
	header bool
}

func (t *tableWriter) Write(r *model.Record) error {
	if !t.header {
		t.header = true
		fmt.Fprintln(t.tw, "gemeente\tperiod\tkind\tindicator\tcolumn\tvalue\tunit\traw\twhere\t")
	}
	value := formatValue(r.Value)
	if r.Status != model.StatusOK {
		value = r.Status
	}
	_, err := fmt.Fprintf(t.tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
		r.Gemeente, r.Period, r.PeriodKind, clip(r.Indicator, 48), clip(r.Column, 32),
		value, r.Unit, r.Raw, where(r))
	return err
}

func (t *tableWriter) Close() error { return t.tw.Flush() }

// where prints a record's place as "source p3 t2 r4 c1".
func where(r *model.Record) string {
	var b strings.Builder
	b.WriteString(r.Source)
	if r.Page > 0 {
		fmt.Fprintf(&b, " p%d", r.Page)
	}
	fmt.Fprintf(&b, " t%d r%d c%d", r.Table, r.Row, r.Col)
	return b.String()
}

// formatValue prints v as the shortest decimal that reads back to it, or
// nothing when there is no value.
func formatValue(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// clip shortens s to n runes, marking the cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
