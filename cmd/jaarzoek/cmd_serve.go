package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/model"
)

// serveOptions are the flags of "jaarzoek serve".
type serveOptions struct {
	index string
	addr  string
}

func (o *serveOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex(), "index `directory` ($JAARZOEK_INDEX)")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen `address`")
}

func serveCommand(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
	var o serveOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: jaarzoek serve [flags]\n\nServes a search page at /, and JSON at /search?q=… and /figures?indicator=….\nThe index is held open for reading: stop serve to ingest into it.\n\nFlags:")
		fs.PrintDefaults()
	}
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runServe(ctx, o, args, stdout, stderr)
	}
}

func runServe(ctx context.Context, o serveOptions, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usageError("serve: unexpected arguments %q", args)
	}
	ix, err := openRead(o.index)
	if err != nil {
		return err
	}
	defer ix.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: newServer(ix), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "serving %s on http://%s/\n", o.index, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		return ctx.Err()
	}
}

// maxFigures bounds the figures one /figures request returns.
const maxFigures = 10000

type server struct{ ix *index.Index }

// newServer returns the handler of jaarzoek serve: the search page at /,
// JSON at /search and /figures.
func newServer(ix *index.Index) http.Handler {
	s := server{ix}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /figures", s.figures)
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	if errors.Is(err, errUsage) || errors.Is(err, index.ErrSyntax) {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]string{"error": strings.TrimPrefix(err.Error(), "usage: ")})
}

func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, usageError("%s=%q: want a number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

func (s server) searchQuery(r *http.Request) (index.SearchQuery, error) {
	q := r.URL.Query()
	sq := index.SearchQuery{Words: strings.TrimSpace(q.Get("q")), Syntax: q.Get("syntax") == "1", Facets: true, AllCopies: q.Get("copies") == "1",
		Filter: index.Filter{Gemeente: resolveGemeente(q.Get("gemeente")), Kind: q.Get("kind")}}
	var err error
	if sq.Filter.YearFrom, sq.Filter.YearTo, err = parseYears("year", q.Get("year")); err != nil {
		return sq, err
	}
	if sq.Limit, err = intParam(r, "limit", 10, 1, 1000); err != nil {
		return sq, err
	}
	if sq.Offset, err = intParam(r, "offset", 0, 0, 1_000_000); err != nil {
		return sq, err
	}
	return sq, nil
}

func (s server) search(w http.ResponseWriter, r *http.Request) {
	sq, err := s.searchQuery(r)
	if err == nil && sq.Words == "" {
		err = usageError("q: no words given")
	}
	if err != nil {
		writeError(w, err)
		return
	}
	res, err := s.ix.Search(r.Context(), sq)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s server) figures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	o := figuresOptions{indicator: q.Get("indicator"), gemeente: q.Get("gemeente"), period: q.Get("period"),
		kind: q.Get("kind"), unit: q.Get("unit"), scope: q.Get("scope"), min: q.Get("min"), max: q.Get("max")}
	fq, err := o.query()
	if err != nil {
		writeError(w, err)
		return
	}
	limit, err := intParam(r, "limit", 1000, 1, maxFigures)
	if err != nil {
		writeError(w, err)
		return
	}
	fq.Limit = limit + 1
	recs := []model.Record{}
	for rec, err := range s.ix.Figures(r.Context(), fq) {
		if err != nil {
			writeError(w, err)
			return
		}
		recs = append(recs, rec)
	}
	truncated := len(recs) > limit
	if truncated {
		recs = recs[:limit]
	}
	writeJSON(w, http.StatusOK, map[string]any{"figures": recs, "count": len(recs), "truncated": truncated})
}

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"marked": func(s string) template.HTML {
		e := template.HTMLEscapeString(s)
		e = strings.ReplaceAll(e, "«", "<mark>")
		return template.HTML(strings.ReplaceAll(e, "»", "</mark>"))
	},
}).Parse(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>jaarzoek{{if .Q}} – {{.Q}}{{end}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
form{display:flex;gap:.5rem;flex-wrap:wrap}input{padding:.4rem;font-size:1rem}input[name=q]{flex:1 1 20rem}
.hit{margin:1.2rem 0}.meta{color:#555;font-size:.9rem}mark{background:#ffe58a}.err{color:#a00}
</style></head><body>
<h1>jaarzoek</h1>
<form method="get" action="/">
<input name="q" value="{{.Q}}" placeholder="zoekwoorden, bijv. jeugdhulp" autofocus>
<input name="gemeente" value="{{.Gemeente}}" placeholder="gemeente" size="12">
<input name="year" value="{{.Year}}" placeholder="jaar of 2019..2023" size="12">
<button>Zoeken</button></form>
{{with .Err}}<p class="err">{{.}}</p>{{end}}
{{with .Res}}<p>{{.Total}} resultaten</p>
{{range .Hits}}<div class="hit"><div class="meta">{{.Rank}}. {{.Gemeente}} {{if .DocYear}}{{.DocYear}}{{end}} {{.DocKind}}{{if .Section}} · {{.Section}}{{end}}<br>{{.Source}}{{if .Page}} p. {{.Page}}{{end}}</div>
<div>{{marked .Snippet}}</div></div>{{end}}{{end}}
</body></html>
`))

func (s server) page(w http.ResponseWriter, r *http.Request) {
	data := struct {
		Q, Gemeente, Year string
		Res               *index.SearchResult
		Err               string
	}{Q: r.URL.Query().Get("q"), Gemeente: r.URL.Query().Get("gemeente"), Year: r.URL.Query().Get("year")}
	if data.Q != "" {
		sq, err := s.searchQuery(r)
		if err == nil {
			data.Res, err = s.ix.Search(r.Context(), sq)
		}
		if err != nil {
			data.Err = strings.TrimPrefix(err.Error(), "usage: ")
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTmpl.Execute(w, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
