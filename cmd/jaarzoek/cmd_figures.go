package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/parquet-go/parquet-go"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
)

// figuresOptions are the flags of "jaarzoek figures".
type figuresOptions struct {
	index     string
	indicator string
	gemeente  string
	period    string
	kind      string
	unit      string
	scope     string
	min, max  string
	pivot     bool
	format    string
	output    string
}

func (o *figuresOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex(), "index `directory` ($JAARZOEK_INDEX)")
	fs.StringVar(&o.indicator, "indicator", "", "indicator `words`, key or id")
	fs.StringVar(&o.gemeente, "gemeente", "", "only this gemeente (`name` or CBS code)")
	fs.StringVar(&o.period, "period", "", "only figures about this `year` or range (2019..2023)")
	fs.StringVar(&o.kind, "kind", "", "only documents of this `kind` (jaarstukken, begroting, …)")
	fs.StringVar(&o.unit, "unit", "", "only this `unit` (aantal, procent, euro, per_1000, per_10000, ja_nee)")
	fs.StringVar(&o.scope, "scope", "", "only this `scope` (gemeente, nederland, referentie)")
	fs.StringVar(&o.min, "min", "", "only values at least `V` (Dutch notation: 10.000.000, 2,5, € 10 mln)")
	fs.StringVar(&o.max, "max", "", "only values at most `V` (Dutch notation)")
	fs.BoolVar(&o.pivot, "pivot", false, "one row per gemeente and indicator, one column per period")
	fs.StringVar(&o.format, "format", "table", "output `format`: table, csv, jsonl or parquet")
	fs.StringVar(&o.output, "output", "", "write to `FILE` instead of stdout")
}

func figuresCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o figuresOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek figures [flags]\n\nSelects figures from the index.\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runFigures(ctx, o, args, stdout, stderr)
	}
}

// parseBound reads a --min or --max value written the Dutch way, as in
// the reports (10.000.000, "2,5", "€ 10 mln"; so 1.234 is 1234), or else
// as a plain number (2.5, 1e7).
func parseBound(name, s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if n, err := normalize.ParseNumber(s); err == nil && !n.Missing {
		v := n.Float()
		return &v, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, usageError("--%s %q is not a number", name, s)
	}
	return &v, nil
}

func (o figuresOptions) query() (index.FigureQuery, error) {
	q := index.FigureQuery{Indicator: o.indicator, Unit: o.unit, Scope: o.scope,
		Filter: index.Filter{Gemeente: resolveGemeente(o.gemeente), Kind: o.kind}}
	var err error
	if q.Filter.YearFrom, q.Filter.YearTo, err = parseYears("period", o.period); err != nil {
		return q, err
	}
	if q.Min, err = parseBound("min", o.min); err != nil {
		return q, err
	}
	if q.Max, err = parseBound("max", o.max); err != nil {
		return q, err
	}
	return q, nil
}

func runFigures(ctx context.Context, o figuresOptions, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) > 0 {
		return usageError("figures: unexpected arguments %q (use --indicator)", args)
	}
	switch o.format {
	case "table", "csv", "jsonl":
	case "parquet":
		if o.pivot {
			return usageError("figures: --pivot prints a table, csv or jsonl, not parquet")
		}
	default:
		return usageError("figures: unknown format %q (want table, csv, jsonl or parquet)", o.format)
	}
	q, err := o.query()
	if err != nil {
		return err
	}
	ix, err := openRead(o.index)
	if err != nil {
		return err
	}
	defer ix.Close()

	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			return fmt.Errorf("figures: %w", err)
		}
		defer func() {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("figures: %w", cerr)
			}
		}()
		out = f
	}

	if o.pivot {
		var recs []model.Record
		for r, err := range ix.Figures(ctx, q) {
			if err != nil {
				return err
			}
			recs = append(recs, r)
		}
		return writePivot(out, o.format, index.NewPivot(recs))
	}

	var w recordWriter
	if o.format == "parquet" {
		w = newParquetWriter(out)
	} else if w, err = newRecordWriter(o.format, out); err != nil {
		return err
	}
	n := 0
	for r, err := range ix.Figures(ctx, q) {
		if err != nil {
			return err
		}
		if err := w.Write(&r); err != nil {
			return fmt.Errorf("figures: writing: %w", err)
		}
		n++
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("figures: writing: %w", err)
	}
	fmt.Fprintf(stderr, "%d figures\n", n)
	return nil
}

// parquetRow is one record as a Parquet row: the columns of the record
// contract.
type parquetRow struct {
	ID           string   `parquet:"id"`
	Doc          string   `parquet:"doc"`
	Source       string   `parquet:"source"`
	Format       string   `parquet:"format"`
	Gemeente     string   `parquet:"gemeente"`
	GemeenteCode string   `parquet:"gemeente_code"`
	DocKind      string   `parquet:"doc_kind"`
	DocYear      int32    `parquet:"doc_year"`
	Section      string   `parquet:"section"`
	Page         int32    `parquet:"page"`
	Table        int32    `parquet:"table"`
	Row          int32    `parquet:"row"`
	Col          int32    `parquet:"col"`
	RowPath      string   `parquet:"row_path"`
	Indicator    string   `parquet:"indicator"`
	IndicatorKey string   `parquet:"indicator_key"`
	IndicatorID  string   `parquet:"indicator_id"`
	Taakveld     string   `parquet:"taakveld"`
	Column       string   `parquet:"column"`
	Period       int32    `parquet:"period"`
	PeriodKind   string   `parquet:"period_kind"`
	Value        *float64 `parquet:"value,optional"`
	Unit         string   `parquet:"unit"`
	UnitText     string   `parquet:"unit_text"`
	Scale        float64  `parquet:"scale"`
	Raw          string   `parquet:"raw"`
	Marks        string   `parquet:"marks"`
	Note         string   `parquet:"note"`
	Bron         string   `parquet:"bron"`
	Status       string   `parquet:"status"`
	Scope        string   `parquet:"scope"`
	Check        string   `parquet:"check"`
}

func toParquet(r *model.Record) parquetRow {
	return parquetRow{
		ID: r.ID, Doc: r.Doc, Source: r.Source, Format: string(r.Format), Gemeente: r.Gemeente,
		GemeenteCode: r.GemeenteCode, DocKind: r.DocKind, DocYear: int32(r.DocYear), Section: r.Section,
		Page: int32(r.Page), Table: int32(r.Table), Row: int32(r.Row), Col: int32(r.Col), RowPath: r.RowPath,
		Indicator: r.Indicator, IndicatorKey: r.IndicatorKey, IndicatorID: r.IndicatorID, Taakveld: r.Taakveld,
		Column: r.Column, Period: int32(r.Period), PeriodKind: r.PeriodKind, Value: r.Value, Unit: r.Unit,
		UnitText: r.UnitText, Scale: r.Scale, Raw: r.Raw, Marks: r.Marks, Note: r.Note, Bron: r.Bron,
		Status: r.Status, Scope: r.Scope, Check: r.Check,
	}
}

// parquetWriter buffers rows and writes them a row group at a time.
type parquetWriter struct {
	w   *parquet.GenericWriter[parquetRow]
	buf []parquetRow
}

func newParquetWriter(w io.Writer) *parquetWriter {
	return &parquetWriter{w: parquet.NewGenericWriter[parquetRow](w)}
}

func (p *parquetWriter) Write(r *model.Record) error {
	p.buf = append(p.buf, toParquet(r))
	if len(p.buf) == 1024 {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if _, err := p.w.Write(p.buf); err != nil {
		return err
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// writePivot prints a pivot as a table (Dutch decimal commas; a cell whose
// copies disagree shows all values, "12,3 ≠ 12,4 [1]", and footnote 1 says
// where each came from), csv (the values with ≠, no footnotes) or jsonl.
func writePivot(w io.Writer, format string, p *index.Pivot) error {
	header := []string{"gemeente", "indicator", "unit", "scope", "period_kind"}
	for _, y := range p.Periods {
		header = append(header, strconv.Itoa(y))
	}
	var notes []string
	cell := func(r index.PivotRow, y int, dutch bool) string {
		c := r.Cells[y]
		if c == nil {
			return ""
		}
		num := func(v float64) string {
			s := strconv.FormatFloat(v, 'f', -1, 64)
			if dutch {
				s = strings.Replace(s, ".", ",", 1)
			}
			return s
		}
		s := num(c.Value)
		for _, o := range c.Conflicts {
			s += " ≠ " + num(*o.Value)
		}
		if len(c.Conflicts) == 0 || !dutch {
			return s
		}
		var src []string
		src = append(src, fmt.Sprintf("%s (%s)", num(c.Value), where(&c.Record)))
		for _, o := range c.Conflicts {
			src = append(src, fmt.Sprintf("%s (%s)", num(*o.Value), where(&o)))
		}
		notes = append(notes, fmt.Sprintf("%s, %s, %d: %s", r.Gemeente, r.Indicator, y, strings.Join(src, " ≠ ")))
		return fmt.Sprintf("%s [%d]", s, len(notes))
	}
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		for _, r := range p.Rows {
			row := []string{r.Gemeente, r.Indicator, r.Unit, r.Scope, r.PeriodKind}
			for _, y := range p.Periods {
				row = append(row, cell(r, y, false))
			}
			cw.Write(row)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		type jsonCell struct {
			Value     float64   `json:"value"`
			Record    string    `json:"record"`
			Copies    int       `json:"copies"`
			Conflicts []float64 `json:"conflicts,omitempty"`
		}
		for _, r := range p.Rows {
			cells := map[string]jsonCell{}
			for y, c := range r.Cells {
				jc := jsonCell{Value: c.Value, Record: c.Record.ID, Copies: c.Copies}
				for _, o := range c.Conflicts {
					jc.Conflicts = append(jc.Conflicts, *o.Value)
				}
				cells[strconv.Itoa(y)] = jc
			}
			if err := enc.Encode(map[string]any{"gemeente": r.Gemeente, "gemeente_code": r.GemeenteCode,
				"indicator": r.Indicator, "indicator_key": r.IndicatorKey, "unit": r.Unit, "scope": r.Scope,
				"period_kind": r.PeriodKind, "periods": cells}); err != nil {
				return err
			}
		}
		return nil
	default:
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(header, "\t")+"\t")
		for _, r := range p.Rows {
			row := []string{r.Gemeente, clip(r.Indicator, 48), r.Unit, r.Scope, r.PeriodKind}
			for _, y := range p.Periods {
				row = append(row, cell(r, y, true))
			}
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "\ncopies that disagree:")
		for i, n := range notes {
			fmt.Fprintf(w, "[%d] %s\n", i+1, n)
		}
	}
	return nil
}
