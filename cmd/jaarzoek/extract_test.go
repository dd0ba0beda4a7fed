package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestExtractFormats(t *testing.T) {
	for _, format := range []string{"jsonl", "csv", "table"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			o := extractOptions{format: format, hints: hintFlags{gemeente: "Leiderdorp", year: 2022, kind: "begroting"}}
			err := runExtract(context.Background(), o, []string{"testdata/extract/leiderdorp-indicatoren.html"}, &stdout, &stderr)
			if err != nil {
				t.Fatalf("runExtract: %v\n%s", err, stderr.String())
			}
			golden(t, "extract/leiderdorp-indicatoren."+format+".golden", stdout.Bytes())
		})
	}
}

// TestExtractBadInput runs a folder holding a good page, an empty file,
// an image named .html and a broken PDF: every bad one is named on stderr
// with its reason, the good page still gives its records, and the run ends
// with ErrSomeFailed (exit 1).
func TestExtractBadInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runExtract(context.Background(), extractOptions{format: "jsonl"}, []string{"testdata/extract"}, &stdout, &stderr)
	if !errors.Is(err, pipeline.ErrSomeFailed) {
		t.Fatalf("runExtract = %v, want ErrSomeFailed", err)
	}
	if got := exitCode(context.Background(), err, &bytes.Buffer{}); got != 1 {
		t.Errorf("exit code %d, want 1", got)
	}
	msgs := stderr.String()
	for _, name := range []string{"empty.html", "plaatje.html", "kapot.pdf"} {
		if !strings.Contains(msgs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, msgs)
		}
	}
	if strings.Contains(msgs, "leiderdorp-indicatoren.html") {
		t.Errorf("the good page is reported as failing:\n%s", msgs)
	}
	if n := strings.Count(stdout.String(), "\n"); n != 6 {
		t.Errorf("%d records on stdout, want the good page's 6:\n%s", n, stdout.String())
	}
}

func TestExtractUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no source", []string{"extract"}},
		{"bad format", []string{"extract", "--format", "xml", "testdata/extract"}},
		{"bad year", []string{"extract", "--year", "22", "testdata/extract"}},
		{"unknown flag", []string{"extract", "--colour", "testdata/extract"}},
		{"unknown command", []string{"extrakt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			if got := exitCode(context.Background(), err, &stderr); got != 2 {
				t.Errorf("exit code %d (%v), want 2", got, err)
			}
			if stdout.Len() > 0 {
				t.Errorf("data on stdout for bad usage: %q", stdout.String())
			}
		})
	}
}

// panicTransport stands for a reader that breaks on a malformed source.
type panicTransport struct{}

func (panicTransport) RoundTrip(*http.Request) (*http.Response, error) { panic("kapotte bron") }

// TestReadSourcePanic shows that a panic while reading a source comes back
// as that source's error instead of ending the command.
func TestReadSourcePanic(t *testing.T) {
	f := &fetch.Fetcher{Client: &http.Client{Transport: panicTransport{}}, IgnoreRobots: true, NoCache: true}
	_, _, err := readSource(context.Background(), f, model.Source{Location: "http://127.0.0.1:9/jaarstukken-2022/"})
	if err == nil || !strings.Contains(err.Error(), "kapotte bron") || !strings.Contains(err.Error(), "127.0.0.1:9") {
		t.Fatalf("readSource = %v, want an error naming the source and the panic", err)
	}
}
