package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/jaarzoek/jaarzoek/index"
)

// coverageOptions are the flags of "jaarzoek coverage".
type coverageOptions struct {
	index  string
	format string
}

func (o *coverageOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex(), "index `directory` ($JAARZOEK_INDEX)")
	fs.StringVar(&o.format, "format", "matrix", "output `format`: matrix (gemeente × year, the kinds in each cell), table (a row per gemeente, year and kind) or jsonl")
}

func coverageCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o coverageOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek coverage [flags]\n\nShows per gemeente, year and kind how many documents the index holds, their\nfigures and passages, the sources that failed and those whose gemeente, year\nor kind could not be detected.\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runCoverage(ctx, o, args, stdout, stderr)
	}
}

func runCoverage(ctx context.Context, o coverageOptions, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usageError("coverage: unexpected arguments %q", args)
	}
	if o.format != "matrix" && o.format != "table" && o.format != "jsonl" {
		return usageError("coverage: unknown format %q (want matrix, table or jsonl)", o.format)
	}
	ix, err := openRead(o.index)
	if err != nil {
		return err
	}
	defer ix.Close()
	cells, err := ix.Coverage(ctx)
	if err != nil {
		return err
	}
	if o.format == "matrix" {
		return writeCoverageMatrix(stdout, cells)
	}
	if o.format == "jsonl" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for i := range cells {
			if err := enc.Encode(&cells[i]); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "gemeente\tcode\tyear\tkind\tdocuments\tfailed\tfigures\tpassages\tundetected\t")
	var failures []index.DocStatus
	var tot index.CoverageCell
	for _, c := range cells {
		year := "?"
		if c.DocYear != 0 {
			year = strconv.Itoa(c.DocYear)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t\n", or(c.Gemeente, "?"), c.GemeenteCode, year, or(c.DocKind, "?"),
			c.Documents, c.Failed, c.Figures, c.Passages, c.Gaps)
		failures = append(failures, c.Failures...)
		tot.Documents += c.Documents
		tot.Failed += c.Failed
		tot.Figures += c.Figures
		tot.Passages += c.Passages
		tot.Gaps += c.Gaps
	}
	fmt.Fprintf(tw, "total\t\t\t\t%d\t%d\t%d\t%d\t%d\t\n", tot.Documents, tot.Failed, tot.Figures, tot.Passages, tot.Gaps)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(failures) > 0 {
		var b strings.Builder
		b.WriteString("\nfailed:\n")
		for _, f := range failures {
			fmt.Fprintf(&b, "  %s\n", f.Reason)
		}
		_, err = io.WriteString(stdout, b.String())
	}
	return err
}

// writeCoverageMatrix prints one row per gemeente and one column per year
// from the first to the last year in the index, so a missing year shows as
// an empty cell ("·"). A cell names the kinds held, with their documents
// and failures ("jaarstukken 3, begroting 1 (1 failed)"); "?" stands for
// what detection could not decide.
func writeCoverageMatrix(w io.Writer, cells []index.CoverageCell) error {
	type row struct {
		name  string
		years map[int][]index.CoverageCell
	}
	var rows []*row
	byName := map[string]*row{}
	first, last := 0, 0
	for _, c := range cells {
		name := or(c.Gemeente, "?")
		r := byName[name]
		if r == nil {
			r = &row{name: name, years: map[int][]index.CoverageCell{}}
			byName[name] = r
			rows = append(rows, r)
		}
		r.years[c.DocYear] = append(r.years[c.DocYear], c)
		if c.DocYear != 0 {
			if first == 0 || c.DocYear < first {
				first = c.DocYear
			}
			last = max(last, c.DocYear)
		}
	}
	var years []int
	for y := first; y != 0 && y <= last; y++ {
		years = append(years, y)
	}
	undated := false
	for _, r := range rows {
		undated = undated || len(r.years[0]) > 0
	}
	if undated {
		years = append(years, 0)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"gemeente"}
	for _, y := range years {
		if y == 0 {
			head = append(head, "?")
		} else {
			head = append(head, strconv.Itoa(y))
		}
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		line := []string{r.name}
		for _, y := range years {
			var parts []string
			for _, c := range r.years[y] {
				p := fmt.Sprintf("%s %d", or(c.DocKind, "?"), c.Documents)
				if c.Failed > 0 {
					p += fmt.Sprintf(" (%d failed)", c.Failed)
				}
				parts = append(parts, p)
			}
			line = append(line, or(strings.Join(parts, ", "), "·"))
		}
		fmt.Fprintln(tw, strings.Join(line, "\t"))
	}
	return tw.Flush()
}
