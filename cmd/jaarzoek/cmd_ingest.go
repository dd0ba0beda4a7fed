package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"time"

	"golang.org/x/term"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/fetch/render"
	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

// defaultIndex is the index path when --index is not given:
// $JAARZOEK_INDEX, else ./jaarzoek.bleve.
func defaultIndex() string {
	if p := os.Getenv("JAARZOEK_INDEX"); p != "" {
		return p
	}
	return "jaarzoek.bleve"
}

// ingestOptions are the flags of "jaarzoek ingest".
type ingestOptions struct {
	index   string
	workers int
	hints   hintFlags
	web     webFlags
}

func (o *ingestOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex(), "index `directory` ($JAARZOEK_INDEX)")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "workers per stage")
	o.hints.addFlags(fs)
	o.web.addFlags(fs)
}

// webFlags say how URLs are fetched.
type webFlags struct {
	crawl    bool
	depth    int
	maxPages int
	render   bool
	offline  bool
	interval time.Duration
	cacheDir string
}

func (w *webFlags) addFlags(fs *flag.FlagSet) {
	fs.BoolVar(&w.crawl, "crawl", false, "from each URL, also read the pages and PDFs of the same report it links to")
	fs.IntVar(&w.depth, "depth", fetch.DefaultMaxDepth, "links to follow from a URL when crawling")
	fs.IntVar(&w.maxPages, "max-pages", fetch.DefaultMaxPages, "pages and PDFs to read at most per crawled URL")
	fs.BoolVar(&w.render, "render", false, "load pages that are empty JavaScript shells in headless Chromium")
	fs.BoolVar(&w.offline, "offline", false, "serve URLs from the cache only, without a request")
	fs.DurationVar(&w.interval, "interval", fetch.DefaultInterval, "least `time` between two requests to one host (robots.txt Crawl-delay may ask more)")
	fs.StringVar(&w.cacheDir, "cache", "", "`directory` of the download cache (default: the user cache folder)")
}

// fetcher returns the Fetcher the flags describe, and the crawl options
// when --crawl is set.
func (w webFlags) fetcher() (*fetch.Fetcher, *fetch.CrawlOptions, error) {
	if w.interval < 0 || w.depth < 0 || w.maxPages < 0 {
		return nil, nil, usageError("ingest: --interval, --depth and --max-pages cannot be negative")
	}
	f := &fetch.Fetcher{Interval: w.interval, Offline: w.offline, CacheDir: w.cacheDir}
	if w.render {
		f.Renderer = &render.Chrome{}
	}
	if !w.crawl {
		return f, nil, nil
	}
	return f, &fetch.CrawlOptions{MaxDepth: w.depth, MaxPages: w.maxPages}, nil
}

func ingestCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o ingestOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek ingest [flags] SOURCE...\n\nReads each source (file, folder, URL or manifest) into the index. A source\nread before with the same bytes is skipped; a changed one is replaced.\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runIngest(ctx, o, args, stdout, stderr)
	}
}

// runIngest runs the pipeline over the sources into the index and prints
// the run report on stderr.
func runIngest(ctx context.Context, o ingestOptions, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("ingest: no SOURCE given")
	}
	if o.workers < 1 {
		return usageError("ingest: --workers must be at least 1")
	}
	hints, err := o.hints.model()
	if err != nil {
		return err
	}
	f, crawl, err := o.web.fetcher()
	if err != nil {
		return err
	}
	ix, err := index.Open(o.index, index.Options{Create: true})
	if err != nil {
		return pipeline.Fatal(err)
	}
	cfg := pipeline.Config{
		Workers: o.workers,
		Fetch:   f.Fetch,
		Extract: func(ctx context.Context, raw model.Raw) (*model.Document, error) {
			doc, err := extract.Document(ctx, raw)
			if err != nil {
				return nil, err
			}
			normalize.Identify(doc)
			return doc, nil
		},
		Normalize: func(ctx context.Context, doc *model.Document) (pipeline.Normalized, error) {
			res := normalize.Normalize(doc)
			skipped := 0
			for _, n := range res.Skipped {
				skipped += n
			}
			return pipeline.Normalized{Records: res.Records, Passages: res.Passages, Errors: res.Errors, Skipped: skipped}, nil
		},
		Index:     pipeline.IndexStage(ix),
		Unchanged: pipeline.UnchangedIn(ix),
		Progress:  newProgress(stderr),
	}
	rep, err := pipeline.Run(ctx, cfg, f.Sources(ctx, args, hints, crawl))
	// Close writes the last batch: after an interrupt too, so every
	// document finished so far is kept, each whole.
	cerr := ix.Close()
	if werr := rep.Write(stderr); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	if cerr != nil {
		return pipeline.Fatal(cerr)
	}
	return rep.Err()
}

// newProgress shows bars when stderr is a terminal, log lines otherwise.
func newProgress(stderr io.Writer) pipeline.Progress {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return pipeline.NewBars(f)
	}
	return pipeline.NewLog(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()})), 10*time.Second)
}
