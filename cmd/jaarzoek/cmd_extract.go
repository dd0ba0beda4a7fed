package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

// extractOptions are the flags of "jaarzoek extract".
type extractOptions struct {
	format string
	hints  hintFlags
}

func (o *extractOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "jsonl", "output `format`: jsonl, csv or table")
	o.hints.addFlags(fs)
}

func extractCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o extractOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek extract [flags] SOURCE...\n\nPrints one record per figure in the tables of each source (file, folder, URL or manifest).\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runExtract(ctx, o, args, stdout, stderr)
	}
}

// runExtract reads each source and prints its records. A source that fails
// is reported on stderr and the others go on.
func runExtract(ctx context.Context, o extractOptions, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("extract: no SOURCE given")
	}
	hints, err := o.hints.model()
	if err != nil {
		return err
	}
	out, err := newRecordWriter(o.format, stdout)
	if err != nil {
		return err
	}
	var (
		f      fetch.Fetcher
		failed int
	)
	report := func(err error) {
		failed++
		fmt.Fprintf(stderr, "jaarzoek: %v\n", err)
	}
	for src, err := range fetch.Expand(ctx, args, hints) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			report(err)
			continue
		}
		doc, res, err := readSource(ctx, &f, src)
		if err != nil {
			report(err)
			continue
		}
		for _, w := range doc.Warnings {
			slog.Warn(w.Error())
		}
		for _, e := range res.Errors {
			slog.Warn(e.Error())
		}
		for i := range res.Records {
			if err := out.Write(&res.Records[i]); err != nil {
				return fmt.Errorf("extract: writing records: %w", err)
			}
		}
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("extract: writing records: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d source(s)", pipeline.ErrSomeFailed, failed)
	}
	return nil
}

// readSource fetches, extracts and normalises one source. A panic in any
// of it is that source's failure, as in the pipeline: one bad document
// never ends the run.
func readSource(ctx context.Context, f *fetch.Fetcher, src model.Source) (doc *model.Document, res normalize.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &model.SourceError{Source: src.Location, Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	raw, err := f.Fetch(ctx, src)
	if err != nil {
		return nil, res, err
	}
	if doc, err = extract.Document(ctx, raw); err != nil {
		return nil, res, err
	}
	return doc, normalize.Normalize(doc), nil
}

// hintFlags are the --gemeente, --year and --kind hints shared by ingest
// and extract.
type hintFlags struct {
	gemeente string
	year     int
	kind     string
}

func (h *hintFlags) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&h.gemeente, "gemeente", "", "the gemeente of every source (`name` or CBS code); beats detection")
	fs.IntVar(&h.year, "year", 0, "the `year` every source reports on; beats detection")
	fs.StringVar(&h.kind, "kind", "", "the document `kind` of every source (jaarstukken, begroting, …)")
}

func (h hintFlags) model() (model.Hints, error) {
	if h.year != 0 && (h.year < 1900 || h.year > 2100) {
		return model.Hints{}, usageError("--year %d is not a year", h.year)
	}
	return model.Hints{Gemeente: h.gemeente, Year: h.year, Kind: h.kind}, nil
}
