// Package fetch turns SOURCE arguments into model.Sources and Sources into
// model.Raw bytes: local files and folders, manifests, and http(s) URLs
// fetched politely (robots.txt, a rate limit per host, retries with
// backoff) through an on-disk cache with conditional requests.
//
// Expand reads the command line:
//
//	report.pdf               one Source
//	reports/                 every .html, .htm and .pdf below it, sorted
//	https://x.nl/p12/a       one Source
//	manifest.csv             one Source per row: source,gemeente,year,kind
//
// Fetcher.Fetch reads one Source and tells HTML from PDF by the bytes
// ("%PDF-" → pdf, a doctype or HTML tag → html), then by the extension, then
// by the Content-Type; anything else is ErrUnsupported.
//
// Fetcher.Crawl walks one report published as many pages (a "document"
// such as https://gemeente.begrotingsapp.nl/jaarstukken-2023/ or a whole
// host such as https://gemeente.jaarverslag-2022.nl/) and yields a Source
// for each of its pages and the PDFs they link to. The pages it read are
// in the cache, so fetching those Sources with the same Fetcher makes no
// second request. Pages that are empty shells filled by JavaScript fail
// with ErrNeedsJavaScript unless Fetcher.Renderer is set (package
// fetch/render drives a headless Chromium).
//
// Every failure concerning one source is a *model.SourceError with Stage
// "fetch" whose cause is a sentinel of this package (ErrDisallowed,
// ErrTooLarge, …), a *StatusError or an I/O error; test them with
// errors.Is and errors.As.
package fetch
