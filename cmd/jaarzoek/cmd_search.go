package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/reference"
)

// searchOptions are the flags of "jaarzoek search".
type searchOptions struct {
	index    string
	gemeente string
	year     string
	kind     string
	limit    int
	offset   int
	syntax   bool
	copies   bool
	format   string
}

func (o *searchOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex(), "index `directory` ($JAARZOEK_INDEX)")
	fs.StringVar(&o.gemeente, "gemeente", "", "only this gemeente (`name` or CBS code)")
	fs.StringVar(&o.year, "year", "", "only documents about this `year` or range (2019..2023)")
	fs.StringVar(&o.kind, "kind", "", "only this document `kind` (jaarstukken, begroting, …)")
	fs.IntVar(&o.limit, "limit", 10, "hits to show")
	fs.IntVar(&o.offset, "offset", 0, "hits to skip")
	fs.BoolVar(&o.syntax, "syntax", false, "read WORDS as bleve query-string syntax (field:value, +must, -not)")
	fs.BoolVar(&o.copies, "copies", false, "show every copy of a passage (by default the HTML and PDF copies of a report are one hit)")
	fs.StringVar(&o.format, "format", "text", "output `format`: text, jsonl or json")
}

func searchCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o searchOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek search [flags] WORDS...\n\nFinds passages holding all WORDS (Dutch: plurals and compounds count;\n\"quoted words\" are a phrase).\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runSearch(ctx, o, args, stdout, stderr)
	}
}

// parseYears reads "2022", "2019..2023" or "2019-2023" as an inclusive range.
func parseYears(flagName, s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, nil
	}
	lo, hi, ok := strings.Cut(s, "..")
	if !ok {
		lo, hi, ok = strings.Cut(s, "-")
	}
	if !ok {
		hi = lo
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(lo))
	to, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || from < 1900 || to > 2100 || from > to {
		return 0, 0, usageError("--%s %q: want a year or a range such as 2019..2023", flagName, s)
	}
	return from, to, nil
}

// resolveGemeente turns a name, alias or code the reference list knows
// ("Den Haag", "0518") into its CBS code; anything else is matched against
// the gemeente names in the index as it is.
func resolveGemeente(s string) string {
	if g, ok := reference.Lookup(s); ok {
		return g.Code
	}
	return s
}

// openRead opens the index for queries.
func openRead(path string) (*index.Index, error) {
	return index.Open(path, index.Options{ReadOnly: true})
}

func runSearch(ctx context.Context, o searchOptions, args []string, stdout, stderr io.Writer) error {
	words := strings.TrimSpace(strings.Join(args, " "))
	if words == "" {
		return usageError("search: no WORDS given")
	}
	switch o.format {
	case "text", "jsonl", "json":
	default:
		return usageError("search: unknown format %q (want text, jsonl or json)", o.format)
	}
	if o.limit < 1 || o.offset < 0 {
		return usageError("search: --limit must be at least 1 and --offset at least 0")
	}
	from, to, err := parseYears("year", o.year)
	if err != nil {
		return err
	}
	ix, err := openRead(o.index)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.SearchQuery{
		Words: words, Syntax: o.syntax, Limit: o.limit, Offset: o.offset, Facets: o.format == "json", AllCopies: o.copies,
		Filter: index.Filter{Gemeente: resolveGemeente(o.gemeente), YearFrom: from, YearTo: to, Kind: o.kind},
	})
	if errors.Is(err, index.ErrSyntax) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	return writeHits(stdout, stderr, o.format, res)
}

// writeHits prints a search result in format.
func writeHits(stdout, stderr io.Writer, format string, res *index.SearchResult) error {
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	case "jsonl":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for i := range res.Hits {
			if err := enc.Encode(&res.Hits[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if res.Relaxed {
		fmt.Fprintln(stderr, "no passage holds all words; showing passages with some of them")
	}
	fmt.Fprintf(stderr, "%d hits\n", res.Total)
	var b strings.Builder
	for _, h := range res.Hits {
		fmt.Fprintf(&b, "%d. %s", h.Rank, or(h.Gemeente, "gemeente onbekend"))
		if h.DocYear != 0 {
			fmt.Fprintf(&b, " %d", h.DocYear)
		}
		if h.DocKind != "" {
			fmt.Fprintf(&b, " %s", h.DocKind)
		}
		if h.Section != "" {
			fmt.Fprintf(&b, " · %s", h.Section)
		}
		fmt.Fprintf(&b, "\n   %s", h.Source)
		if h.Page > 0 {
			fmt.Fprintf(&b, " p. %d", h.Page)
		}
		fmt.Fprintf(&b, "  (score %.3f)\n", h.Score)
		for _, c := range h.Copies {
			fmt.Fprintf(&b, "   also %s\n", c)
		}
		fmt.Fprintf(&b, "   %s\n\n", h.Snippet)
	}
	_, err := io.WriteString(stdout, b.String())
	return err
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
