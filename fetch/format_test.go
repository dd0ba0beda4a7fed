package fetch

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func TestDetectFormat(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	tests := []struct {
		name, data, file, ct string
		want                 model.Format
		err                  error
	}{
		{"pdf header", "%PDF-1.7\n...", "", "", model.FormatPDF, nil},
		{"pdf after junk", "\r\n\x00junk%PDF-1.4", "", "", model.FormatPDF, nil},
		{"pdf bytes beat html name", "%PDF-1.4", "a.html", "text/html", model.FormatPDF, nil},
		{"doctype", "  <!DOCTYPE html><html>", "", "", model.FormatHTML, nil},
		{"doctype upper with bom", "\ufeff<!DOCTYPE HTML PUBLIC", "", "", model.FormatHTML, nil},
		{"xhtml doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", "", "", model.FormatHTML, nil},
		{"comment first", "<!-- saved page -->\n<html lang=nl>", "", "", model.FormatHTML, nil},
		{"fragment", "<table><tr><td>1</td></tr></table>", "", "", model.FormatHTML, nil},
		{"html bytes beat pdf name", "<html><body>fout</body></html>", "rapport.pdf", "application/pdf", model.FormatHTML, nil},
		{"name decides for plain text", "Programma 1", "x.htm", "", model.FormatHTML, nil},
		{"url name with query", "text", "https://x.nl/a.pdf?download=1", "", model.FormatPDF, nil},
		{"content type last", "Programma 1", "https://x.nl/p12/a", "text/html; charset=windows-1252", model.FormatHTML, nil},
		{"pdf content type", "garbled", "", "application/pdf", model.FormatPDF, nil},
		{"png with pdf name", png, "a.pdf", "application/pdf", "", ErrUnsupported},
		{"plain text", "just words", "a.txt", "text/plain", "", ErrUnsupported},
		{"empty", "", "a.pdf", "", "", ErrEmpty},
		{"blank", " \n\t", "a.html", "", "", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectFormat([]byte(tt.data), tt.file, tt.ct)
			if got != tt.want || !errors.Is(err, tt.err) || (err != nil) != (tt.err != nil) {
				t.Errorf("DetectFormat = %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func FuzzDetectFormat(f *testing.F) {
	for _, s := range []string{"%PDF-1.4", "<!doctype html>", "<?xml?><html>", "<!--", "\ufeff<p>", ""} {
		f.Add([]byte(s), "a.pdf", "text/html")
	}
	f.Fuzz(func(t *testing.T, data []byte, name, ct string) {
		got, err := DetectFormat(data, name, ct)
		if (err == nil) == (got == "") {
			t.Fatalf("format %q with error %v", got, err)
		}
		if err != nil && !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrEmpty) {
			t.Fatalf("unexpected error %v", err)
		}
	})
}

func TestFetchFile(t *testing.T) {
	root := tree(t, map[string]string{
		"a.html":    "<!doctype html><title>x</title>",
		"b.pdf":     "%PDF-1.4 body",
		"noext":     "%PDF-1.5",
		"wrong.pdf": "<html><body>404</body></html>",
		"img.pdf":   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"empty.htm": "",
		"big.pdf":   "%PDF-" + string(make([]byte, 100)),
		"dir/x.pdf": "%PDF",
	})
	in := func(p string) string { return filepath.Join(root, p) }
	tests := []struct {
		file string
		want model.Format
		err  error
	}{
		{"a.html", model.FormatHTML, nil},
		{"b.pdf", model.FormatPDF, nil},
		{"noext", model.FormatPDF, nil},
		{"wrong.pdf", model.FormatHTML, nil},
		{"img.pdf", "", ErrUnsupported},
		{"empty.htm", "", ErrEmpty},
		{"big.pdf", "", ErrTooLarge},
		{"missing.pdf", "", fs.ErrNotExist},
		{"dir", "", errAny},
	}
	f := &Fetcher{MaxSize: 64}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := model.Source{Location: in(tt.file), Hints: model.Hints{Year: 2022}}
			raw, err := f.Fetch(context.Background(), src)
			if tt.err != nil {
				var se *model.SourceError
				if !errors.As(err, &se) || se.Stage != model.StageFetch || se.Source != src.Location {
					t.Fatalf("error %v is not a fetch SourceError for %s", err, src.Location)
				}
				if tt.err != errAny && !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if raw.Format != tt.want || raw.URL != filepath.Clean(src.Location) || raw.Source != src ||
				!raw.FetchedAt.IsZero() || raw.FromCache || len(raw.Data) == 0 {
				t.Errorf("got %+v", raw)
			}
		})
	}
}

// errAny stands for an error of any cause.
var errAny = errors.New("any error")
