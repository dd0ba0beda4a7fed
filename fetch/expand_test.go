package fetch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// tree writes files (path → content) under a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// collect runs Expand and returns its sources as "location|origin|hints"
// and its errors as text, with root replaced by "ROOT".
func collect(t *testing.T, root string, args []string, hints model.Hints) (srcs, errs []string) {
	t.Helper()
	for src, err := range Expand(context.Background(), args, hints) {
		if err != nil {
			var se *model.SourceError
			if !errors.As(err, &se) || se.Stage != model.StageFetch {
				t.Errorf("error %v is not a fetch SourceError", err)
			}
			errs = append(errs, strings.ReplaceAll(err.Error(), root, "ROOT"))
			continue
		}
		line := src.Location + "|" + src.Origin + "|" + src.Hints.Gemeente + "," + itoa(src.Hints.Year) + "," + src.Hints.Kind
		srcs = append(srcs, strings.ReplaceAll(line, root, "ROOT"))
	}
	return srcs, errs
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func TestExpand(t *testing.T) {
	root := tree(t, map[string]string{
		"docs/b.pdf":             "%PDF-1.4",
		"docs/a.html":            "<html>",
		"docs/sub/c.HTM":         "<p>x",
		"docs/sub/notes.txt":     "no",
		"docs/.hidden/d.pdf":     "%PDF",
		"docs/.e.html":           "<html>",
		"noext":                  "<html>",
		"m/manifest.csv":         "source,gemeente,year,kind\nr/x.pdf,Losser,2018,nieuws\nhttps://a.nl/p1/x,,2022,\n\nr/missing.pdf,Losser,2018,\n,Losser,2018,\nr/x.pdf,Losser,twintig,\nr/x.pdf,Losser,2018,kind,extra\nr,Houten,,\n",
		"m/r/x.pdf":              "%PDF",
		"m/r/y.html":             "<html>",
		"m/bom.csv":              "\ufeffkind;source\njaarstukken;r/x.pdf\n",
		"m/list.jsonl":           "{\"source\":\"r/y.html\",\"gemeente\":\"Houten\",\"year\":2022,\"kind\":\"jaarstukken\"}\n\n{\"source\":\"r/x.pdf\",\"year\":\"2021\"}\n{bad json\n{\"source\":\"other.csv\"}\n",
		"m/other.csv":            "source\nr/x.pdf\n",
		"m/noheader.csv":         "path,year\nr/x.pdf,2020\n",
		"m/quote.csv":            "source,year\n\"r/x.pdf,2020\nr/y.html,2021\n",
		"m/sub/relative.csv":     "source\n../r/x.pdf\n",
		"docs/sub/deeper/z.pdf":  "%PDF",
		"docs/sub/deeper/.z.pdf": "%PDF",
	})
	in := func(p string) string { return filepath.Join(root, p) }
	tests := []struct {
		name  string
		args  []string
		hints model.Hints
		srcs  []string
		errs  []string
	}{
		{
			name: "folder walked sorted, hidden skipped",
			args: []string{in("docs")},
			srcs: []string{
				"ROOT/docs/a.html||,,", "ROOT/docs/b.pdf||,,",
				"ROOT/docs/sub/c.HTM||,,", "ROOT/docs/sub/deeper/z.pdf||,,",
			},
		},
		{
			name:  "file, URL and hints",
			args:  []string{in("noext"), "https://x.nl/jaarstukken-2023/", "HTTP://X.NL/a"},
			hints: model.Hints{Gemeente: "Houten", Year: 2023},
			srcs: []string{
				"ROOT/noext||Houten,2023,", "https://x.nl/jaarstukken-2023/||Houten,2023,", "HTTP://X.NL/a||Houten,2023,",
			},
		},
		{
			name: "missing path and bad scheme",
			args: []string{in("nope.pdf"), "ftp://x.nl/a.pdf", "https://"},
			errs: []string{
				"ROOT/nope.pdf: fetch: stat ROOT/nope.pdf: no such file or directory",
				"ftp://x.nl/a.pdf: fetch: unsupported URL scheme \"ftp\"",
				"https://: fetch: bad URL \"https://\"",
			},
		},
		{
			name: "csv manifest: bad rows reported, others go on",
			args: []string{in("m/manifest.csv")},
			srcs: []string{
				"ROOT/m/r/x.pdf|ROOT/m/manifest.csv:2|Losser,2018,nieuws",
				"https://a.nl/p1/x|ROOT/m/manifest.csv:3|,2022,",
				"ROOT/m/r/x.pdf|ROOT/m/manifest.csv:9|Houten,,",
				"ROOT/m/r/y.html|ROOT/m/manifest.csv:9|Houten,,",
			},
			errs: []string{
				"ROOT/m/r/missing.pdf: fetch: named at ROOT/m/manifest.csv:5: stat ROOT/m/r/missing.pdf: no such file or directory",
				"ROOT/m/manifest.csv:6: fetch: bad manifest row: empty source",
				"ROOT/m/manifest.csv:7: fetch: bad manifest row: year \"twintig\" is not a four-digit year",
				"ROOT/m/manifest.csv:8: fetch: bad manifest row: 5 fields, header has 4",
			},
		},
		{
			name:  "command-line hint beats manifest column",
			args:  []string{in("m/manifest.csv")},
			hints: model.Hints{Kind: "begroting", Year: 2020},
			srcs: []string{
				"ROOT/m/r/x.pdf|ROOT/m/manifest.csv:2|Losser,2020,begroting",
				"https://a.nl/p1/x|ROOT/m/manifest.csv:3|,2020,begroting",
				"ROOT/m/r/x.pdf|ROOT/m/manifest.csv:9|Houten,2020,begroting",
				"ROOT/m/r/y.html|ROOT/m/manifest.csv:9|Houten,2020,begroting",
			},
			errs: []string{
				"ROOT/m/r/missing.pdf: fetch: named at ROOT/m/manifest.csv:5: stat ROOT/m/r/missing.pdf: no such file or directory",
				"ROOT/m/manifest.csv:6: fetch: bad manifest row: empty source",
				"ROOT/m/manifest.csv:7: fetch: bad manifest row: year \"twintig\" is not a four-digit year",
				"ROOT/m/manifest.csv:8: fetch: bad manifest row: 5 fields, header has 4",
			},
		},
		{
			name: "semicolon csv with byte-order mark",
			args: []string{in("m/bom.csv")},
			srcs: []string{"ROOT/m/r/x.pdf|ROOT/m/bom.csv:2|,,jaarstukken"},
		},
		{
			name: "jsonl manifest",
			args: []string{in("m/list.jsonl")},
			srcs: []string{
				"ROOT/m/r/y.html|ROOT/m/list.jsonl:1|Houten,2022,jaarstukken",
				"ROOT/m/r/x.pdf|ROOT/m/list.jsonl:3|,2021,",
			},
			errs: []string{
				"ROOT/m/list.jsonl:4: fetch: bad manifest row: invalid character 'b' looking for beginning of object key string",
				"ROOT/m/other.csv: fetch: named at ROOT/m/list.jsonl:5: bad manifest row: a manifest cannot name another manifest",
			},
		},
		{
			name: "manifest without source column",
			args: []string{in("m/noheader.csv")},
			errs: []string{"ROOT/m/noheader.csv:1: fetch: bad manifest row: header \"path,year\" has no source column"},
		},
		{
			name: "csv quote error",
			args: []string{in("m/quote.csv")},
			errs: []string{"ROOT/m/quote.csv:2: fetch: bad manifest row: record on line 2; parse error on line 3, column 15: extraneous or missing \" in quoted-field"},
		},
		{
			name: "relative to the manifest's folder",
			args: []string{in("m/sub/relative.csv")},
			srcs: []string{"ROOT/m/r/x.pdf|ROOT/m/sub/relative.csv:2|,,"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcs, errs := collect(t, root, tt.args, tt.hints)
			if !slices.Equal(srcs, tt.srcs) {
				t.Errorf("sources:\n got %q\nwant %q", srcs, tt.srcs)
			}
			if !slices.Equal(errs, tt.errs) {
				t.Errorf("errors:\n got %q\nwant %q", errs, tt.errs)
			}
		})
	}
}

func TestExpandErrManifest(t *testing.T) {
	root := tree(t, map[string]string{"m.csv": "source,year\nx.pdf,abc\n"})
	for _, err := range Expand(context.Background(), []string{filepath.Join(root, "m.csv")}, model.Hints{}) {
		if !errors.Is(err, ErrManifest) {
			t.Errorf("got %v, want ErrManifest", err)
		}
	}
}

func TestExpandStopsAndCancels(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		files["d/"+n+".pdf"] = "%PDF"
	}
	root := tree(t, files)
	n := 0
	for range Expand(context.Background(), []string{filepath.Join(root, "d")}, model.Hints{}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("break: got %d sources", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var got []error
	for _, err := range Expand(ctx, []string{filepath.Join(root, "d"), filepath.Join(root, "d")}, model.Hints{}) {
		got = append(got, err)
	}
	if len(got) != 1 || !errors.Is(got[0], context.Canceled) {
		t.Errorf("cancelled: got %v, want one context.Canceled", got)
	}
}

func BenchmarkExpandFolder(b *testing.B) {
	root := b.TempDir()
	for i := range 2000 {
		d := filepath.Join(root, string(rune('a'+i%20)))
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, itoa(1000+i)+".pdf"), nil, 0o644)
	}
	b.ResetTimer()
	for b.Loop() {
		for range Expand(context.Background(), []string{root}, model.Hints{}) {
		}
	}
}
