package fetch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
)

// Expand turns command-line SOURCE arguments into Sources, in order:
//
//   - an http:// or https:// URL is one Source;
//   - a folder is walked recursively in lexical order, yielding its .html,
//     .htm and .pdf files and skipping hidden files and folders (names that
//     start with a dot);
//   - a .csv or .jsonl file is a manifest: one Source per row (see below);
//   - any other file is one Source; Fetch sniffs its bytes, so files without
//     an extension work.
//
// A manifest has the columns source, gemeente, year and kind (a CSV header
// row names them, in any order; only source is required; a CSV may use ';'
// as its separator). A JSONL manifest has one object per line with the same
// keys; year may be a number or a string. A relative source is relative to
// the manifest's own folder; a row may name a file, a folder or a URL.
// Source.Origin is "path:line" with lines counted from 1 (the CSV header is
// line 1).
//
// hints apply to every source; each non-zero field of hints beats the
// manifest's column for that field.
//
// Expand streams: nothing is listed ahead, so a folder of a million files
// costs no memory. A source that cannot be expanded (a missing path, a bad
// manifest row, an unreadable folder) yields a zero Source and a
// *model.SourceError with Stage "fetch"; the other sources go on. A bad row
// wraps ErrManifest and its SourceError.Source is "path:line". When ctx is
// done, Expand yields ctx.Err() once and stops. Sources are not
// de-duplicated.
func Expand(ctx context.Context, args []string, hints model.Hints) iter.Seq2[model.Source, error] {
	return func(yield func(model.Source, error) bool) {
		for _, arg := range args {
			if err := ctx.Err(); err != nil {
				yield(model.Source{}, err)
				return
			}
			if !expandOne(ctx, arg, hints, "", true, yield) {
				return
			}
		}
	}
}

// expandOne yields the sources named by one argument or manifest row. It
// returns false when the consumer stopped or ctx is done. Manifests are read
// only when allowManifest is set, so a manifest cannot name another one
// (and no cycle can form).
func expandOne(ctx context.Context, loc string, hints model.Hints, origin string, allowManifest bool, yield func(model.Source, error) bool) bool {
	fail := func(err error) bool {
		if origin != "" {
			err = &originError{origin, err}
		}
		return yield(model.Source{}, &model.SourceError{Source: loc, Stage: model.StageFetch, Err: err})
	}
	if isURL(loc) {
		u, err := url.Parse(loc)
		if err != nil || u.Host == "" {
			return fail(fmt.Errorf("fetch: bad URL %q", loc))
		}
		return yield(model.Source{Location: loc, Hints: hints, Origin: origin}, nil)
	}
	if i := strings.Index(loc, "://"); i > 0 && !strings.ContainsAny(loc[:i], `/\.`) {
		return fail(fmt.Errorf("fetch: unsupported URL scheme %q", loc[:i]))
	}
	fi, err := os.Stat(loc)
	if err != nil {
		return fail(fmt.Errorf("fetch: %w", err))
	}
	switch {
	case fi.IsDir():
		return walkDir(ctx, loc, hints, origin, yield)
	case isManifest(loc):
		if !allowManifest {
			return fail(fmt.Errorf("%w: a manifest cannot name another manifest", ErrManifest))
		}
		return readManifest(ctx, loc, hints, yield)
	}
	return yield(model.Source{Location: loc, Hints: hints, Origin: origin}, nil)
}

// originError says which manifest row named a source that failed.
type originError struct {
	origin string
	err    error
}

func (e *originError) Error() string {
	return "fetch: named at " + e.origin + ": " + strings.TrimPrefix(e.err.Error(), "fetch: ")
}

func (e *originError) Unwrap() error { return e.err }

// IsURL reports whether s is an http or https URL (the scheme in any case),
// as Expand and Fetch tell URLs from paths.
func IsURL(s string) bool { return isURL(s) }

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func isManifest(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".jsonl":
		return true
	}
	return false
}

// isDocName reports whether a file found in a folder walk is a document.
func isDocName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".pdf":
		return true
	}
	return false
}

// walkDir yields the documents under root. filepath.WalkDir reads one
// folder at a time, sorted, so memory stays bounded by the largest folder.
func walkDir(ctx context.Context, root string, hints model.Hints, origin string, yield func(model.Source, error) bool) bool {
	stopped := false
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable folder or file is reported, and the walk goes on.
			if !yield(model.Source{}, &model.SourceError{Source: p, Stage: model.StageFetch, Err: fmt.Errorf("fetch: walking %s: %w", root, err)}) {
				stopped = true
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isDocName(name) {
			return nil
		}
		// A symlink to a folder would not be walked by WalkDir; a symlink
		// to a file is followed by Fetch.
		if !yield(model.Source{Location: p, Hints: hints, Origin: origin}, nil) {
			stopped = true
			return fs.SkipAll
		}
		return nil
	})
	if stopped {
		return false
	}
	if err != nil {
		yield(model.Source{}, err)
		return false
	}
	return true
}

// mergeHints returns the manifest's hints with every non-zero field of cli
// put over them.
func mergeHints(cli, row model.Hints) model.Hints {
	if cli.Gemeente != "" {
		row.Gemeente = cli.Gemeente
	}
	if cli.Year != 0 {
		row.Year = cli.Year
	}
	if cli.Kind != "" {
		row.Kind = cli.Kind
	}
	return row
}

// manifestRow is one row of a manifest before it is checked.
type manifestRow struct {
	line                   int
	source, gemeente, kind string
	year                   string
	err                    error // the row could not be parsed at all
}

// readManifest yields the sources of the manifest at name.
func readManifest(ctx context.Context, name string, hints model.Hints, yield func(model.Source, error) bool) bool {
	f, err := os.Open(name)
	if err != nil {
		return yield(model.Source{}, &model.SourceError{Source: name, Stage: model.StageFetch, Err: fmt.Errorf("fetch: reading manifest: %w", err)})
	}
	defer f.Close()
	dir := filepath.Dir(name)
	rows := csvRows
	if strings.EqualFold(filepath.Ext(name), ".jsonl") {
		rows = jsonlRows
	}
	for row := range rows(f) {
		if err := ctx.Err(); err != nil {
			yield(model.Source{}, err)
			return false
		}
		origin := name + ":" + strconv.Itoa(row.line)
		src, err := row.check(dir, hints)
		if err != nil {
			if !yield(model.Source{}, &model.SourceError{Source: origin, Stage: model.StageFetch, Err: err}) {
				return false
			}
			continue
		}
		if !expandOne(ctx, src.Location, src.Hints, origin, false, yield) {
			return false
		}
	}
	return true
}

// check validates a row and resolves its source against dir.
func (r manifestRow) check(dir string, cli model.Hints) (model.Source, error) {
	if r.err != nil {
		return model.Source{}, fmt.Errorf("%w: %w", ErrManifest, r.err)
	}
	loc := strings.TrimSpace(r.source)
	if loc == "" {
		return model.Source{}, fmt.Errorf("%w: empty source", ErrManifest)
	}
	var h model.Hints
	h.Gemeente = strings.TrimSpace(r.gemeente)
	h.Kind = strings.TrimSpace(r.kind)
	if y := strings.TrimSpace(r.year); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1000 || n > 9999 {
			return model.Source{}, fmt.Errorf("%w: year %q is not a four-digit year", ErrManifest, y)
		}
		h.Year = n
	}
	if !isURL(loc) && !filepath.IsAbs(loc) {
		loc = filepath.Join(dir, filepath.FromSlash(loc))
	}
	return model.Source{Location: loc, Hints: mergeHints(cli, h)}, nil
}

// csvRows reads a CSV manifest. The separator is ';' when the header has
// one and no ','; a UTF-8 byte-order mark is dropped.
func csvRows(r io.Reader) iter.Seq[manifestRow] {
	return func(yield func(manifestRow) bool) {
		br := bufio.NewReader(r)
		if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
			br.Discard(3)
		}
		first, _ := br.Peek(4096)
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		cr := csv.NewReader(br)
		if bytes.IndexByte(first, ';') >= 0 && bytes.IndexByte(first, ',') < 0 {
			cr.Comma = ';'
		}
		cr.FieldsPerRecord = -1
		cr.TrimLeadingSpace = true
		header, err := cr.Read()
		if err != nil {
			if err == io.EOF {
				err = errors.New("no header row")
			}
			yield(manifestRow{line: 1, err: err})
			return
		}
		cols := map[string]int{}
		for i, h := range header {
			cols[strings.ToLower(strings.TrimSpace(h))] = i
		}
		srcCol, ok := cols["source"]
		if !ok {
			yield(manifestRow{line: 1, err: fmt.Errorf("header %q has no source column", strings.Join(header, string(cr.Comma)))})
			return
		}
		get := func(rec []string, col string) string {
			if i, ok := cols[col]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				line := 0
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = pe.StartLine
				}
				if !yield(manifestRow{line: line, err: err}) {
					return
				}
				continue
			}
			line, _ := cr.FieldPos(0)
			if len(rec) > len(header) {
				if !yield(manifestRow{line: line, err: fmt.Errorf("%d fields, header has %d", len(rec), len(header))}) {
					return
				}
				continue
			}
			row := manifestRow{line: line, gemeente: get(rec, "gemeente"), year: get(rec, "year"), kind: get(rec, "kind")}
			if srcCol < len(rec) {
				row.source = rec[srcCol]
			}
			if !yield(row) {
				return
			}
		}
	}
}

// jsonlRows reads a JSONL manifest; blank lines are skipped.
func jsonlRows(r io.Reader) iter.Seq[manifestRow] {
	return func(yield func(manifestRow) bool) {
		br := bufio.NewReader(r)
		for line := 1; ; line++ {
			b, err := br.ReadBytes('\n')
			if len(b) == 0 && err != nil {
				if err != io.EOF {
					yield(manifestRow{line: line, err: err})
				}
				return
			}
			if line == 1 {
				b = bytes.TrimPrefix(b, []byte("\ufeff"))
			}
			if len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			var obj struct {
				Source   string          `json:"source"`
				Gemeente string          `json:"gemeente"`
				Year     json.RawMessage `json:"year"`
				Kind     string          `json:"kind"`
			}
			row := manifestRow{line: line}
			if jerr := json.Unmarshal(b, &obj); jerr != nil {
				row.err = jerr
			} else {
				row.source, row.gemeente, row.kind = obj.Source, obj.Gemeente, obj.Kind
				row.year, row.err = jsonYear(obj.Year)
			}
			if !yield(row) {
				return
			}
		}
	}
}

// jsonYear accepts a year written as a number, a string or null.
func jsonYear(m json.RawMessage) (string, error) {
	s := strings.TrimSpace(string(m))
	if s == "" || s == "null" {
		return "", nil
	}
	if strings.HasPrefix(s, `"`) {
		var v string
		if err := json.Unmarshal(m, &v); err != nil {
			return "", err
		}
		return v, nil
	}
	return s, nil
}
