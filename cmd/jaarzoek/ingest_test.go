package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

const corpusManifest = "../../corpus/manifest.csv"

// ingestCorpus ingests the corpus once per test binary run.
func ingestCorpus(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("ingests the corpus")
	}
	if _, err := os.Stat(corpusManifest); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	path := filepath.Join(t.TempDir(), "corpus.bleve")
	var out, errOut bytes.Buffer
	err := runIngest(context.Background(), ingestOptions{index: path, workers: 2}, []string{corpusManifest}, &out, &errOut)
	// A source the extractors cannot read yet is reported, not fatal.
	if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	if out.Len() != 0 {
		t.Errorf("ingest wrote to stdout: %s", out.String())
	}
	if !strings.Contains(errOut.String(), "sources done") {
		t.Errorf("no run report:\n%s", errOut.String())
	}
	return path
}

func TestCorpusEndToEnd(t *testing.T) {
	path := ingestCorpus(t)
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	before, err := ix.Count(context.Background())
	ix.Close()
	if err != nil || before.Passages == 0 || before.Figures == 0 {
		t.Fatalf("counts %+v %v", before, err)
	}

	t.Run("was- en strijkservice in Twenterand 2022", func(t *testing.T) {
		out, _, err := searchOut(t, searchOptions{index: path, limit: 10, format: "jsonl", gemeente: "Twenterand", year: "2022"}, `"was- en strijkservice"`)
		if err != nil {
			t.Fatal(err)
		}
		hits := decodeHits(t, out)
		if len(hits) == 0 {
			t.Fatal("no hit")
		}
		for _, h := range hits {
			if h["gemeente"] != "Twenterand" || h["doc_year"] != 2022.0 || !strings.Contains(strings.ToLower(h["text"].(string)), "strijkservice") {
				t.Errorf("hit %v", h)
			}
		}
	})

	t.Run("mantelzorger finds mantelzorgers", func(t *testing.T) {
		out, _, err := searchOut(t, searchOptions{index: path, limit: 50, format: "jsonl"}, "mantelzorger")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range decodeHits(t, out) {
			found = found || strings.Contains(h["snippet"].(string), "«mantelzorgers»") || strings.Contains(h["snippet"].(string), "«Mantelzorgers»")
		}
		if !found {
			t.Errorf("no snippet with «mantelzorgers»:\n%s", out)
		}
	})

	t.Run("jeugdhulp finds a compound-only passage", func(t *testing.T) {
		out, _, err := searchOut(t, searchOptions{index: path, limit: 500, format: "jsonl"}, "jeugdhulp")
		if err != nil {
			t.Fatal(err)
		}
		word := regexp.MustCompile(`(?i)\bjeugdhulp\b`)
		firstCompound, lastExact := 0, 0
		for _, h := range decodeHits(t, out) {
			text, rank := h["text"].(string), int(h["rank"].(float64))
			if word.MatchString(text) {
				lastExact = rank
				continue
			}
			if firstCompound == 0 && strings.Contains(strings.ToLower(text), "jeugdhulpvoorzieningen") {
				firstCompound = rank
			}
		}
		if firstCompound == 0 {
			t.Fatalf("no passage with only jeugdhulpvoorzieningen found")
		}
		if firstCompound < lastExact {
			t.Errorf("compound-only passage ranked %d, above an exact match at %d", firstCompound, lastExact)
		}
	})

	t.Run("pivot of Leiderdorp jeugdhulp", func(t *testing.T) {
		out, err := figuresOut(t, figuresOptions{index: path, indicator: "jeugdhulp", gemeente: "Leiderdorp", pivot: true, format: "table"})
		if err != nil {
			t.Fatal(err)
		}
		var row string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "Leiderdorp") && strings.Contains(l, "% jongeren met jeugdhulp") && strings.Contains(l, "realisatie") {
				row = l
			}
		}
		if row == "" {
			t.Fatalf("no Leiderdorp realisatie row:\n%s", out)
		}
		// One value per cell: the HTML and PDF copies count once.
		if strings.Contains(row, "≠") || !strings.Contains(row, "11,6") {
			t.Errorf("row %q", row)
		}
	})

	t.Run("re-ingest changes nothing", func(t *testing.T) {
		var out, errOut bytes.Buffer
		err := runIngest(context.Background(), ingestOptions{index: path, workers: 2}, []string{corpusManifest}, &out, &errOut)
		if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
			t.Fatal(err)
		}
		if strings.Contains(errOut.String(), " added") || strings.Contains(errOut.String(), " replaced") {
			t.Errorf("second ingest wrote documents:\n%s", errOut.String())
		}
		ix, err := index.Open(path, index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if after, _ := ix.Count(context.Background()); after != before {
			t.Errorf("counts %+v after re-ingest, were %+v", after, before)
		}
	})
}

func decodeHits(t *testing.T, out string) []map[string]any {
	t.Helper()
	var hits []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var h map[string]any
		if err := json.Unmarshal([]byte(l), &h); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		hits = append(hits, h)
	}
	return hits
}

func TestIngestInterrupted(t *testing.T) {
	if _, err := os.Stat(corpusManifest); err != nil || testing.Short() {
		t.Skip("needs the corpus")
	}
	path := filepath.Join(t.TempDir(), "int.bleve")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	err := runIngest(ctx, ingestOptions{index: path, workers: 2}, []string{corpusManifest}, &out, &errOut)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if !strings.Contains(errOut.String(), "interrupted") {
		t.Errorf("report does not say interrupted:\n%s", errOut.String())
	}
	// The index is usable after the interrupt.
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open after interrupt: %v", err)
	}
	ix.Close()
}

func TestIngestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	for _, o := range []ingestOptions{{index: t.TempDir(), workers: 2}, {index: t.TempDir(), workers: 0}} {
		args := []string{"x.html"}
		if o.workers == 2 {
			args = nil
		}
		if err := runIngest(context.Background(), o, args, &out, &errOut); !errors.Is(err, errUsage) {
			t.Errorf("%+v %v: %v, want usage", o, args, err)
		}
	}
}
