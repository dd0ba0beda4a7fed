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
	fs.StringVar(&o.format, "format", "table", "output `format`: table or jsonl")
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
	if o.format != "table" && o.format != "jsonl" {
		return usageError("coverage: unknown format %q (want table or jsonl)", o.format)
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
