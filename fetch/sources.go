package fetch

import (
	"context"
	"iter"

	"github.com/jaarzoek/jaarzoek/model"
)

// Sources is Expand, with every http(s) URL crawled when crawl is not
// nil: the start page and the pages and PDFs of the same report it links
// to (see Crawl) take the URL's place. Errors of one source or page are
// yielded and the sequence goes on.
func (f *Fetcher) Sources(ctx context.Context, args []string, hints model.Hints, crawl *CrawlOptions) iter.Seq2[model.Source, error] {
	return func(yield func(model.Source, error) bool) {
		for src, err := range Expand(ctx, args, hints) {
			if err != nil || crawl == nil || !IsURL(src.Location) {
				if !yield(src, err) {
					return
				}
				continue
			}
			for page, err := range f.Crawl(ctx, src, *crawl) {
				if !yield(page, err) {
					return
				}
			}
		}
	}
}
