package pdftext

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// specDoc is the part of a corpus transcription (spec/<slug>.json) that
// Blocks should reproduce: headings, paragraphs and list items.
type specDoc struct {
	Blocks []struct {
		Type  string   `json:"type"`
		Level int      `json:"level"`
		Text  string   `json:"text"`
		Items []string `json:"items"`
	} `json:"blocks"`
}

func squash(s string) string { return strings.Join(strings.Fields(normalizeText(s)), " ") }

// TestBlocksCorpus checks Blocks against the transcriptions of the corpus
// pages: every transcribed heading must come out as a heading, and every
// paragraph and list item must appear whole inside one block, so search
// finds it. Table text is not checked here.
func TestBlocksCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	type tally struct{ headings, headingsFound, texts, textsFound, levels int }
	byProducer := map[string]*tally{}
	for _, path := range files {
		name := filepath.Base(path)
		parts := strings.Split(name, ".")
		slug, producer := parts[0], parts[len(parts)-2]
		raw, err := os.ReadFile(filepath.Join(corpusDir, "..", "spec", slug+".json"))
		if err != nil {
			continue
		}
		var spec specDoc
		if err := json.Unmarshal(raw, &spec); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Read(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		blocks := Blocks(pages, nil)
		headings := map[string]int{}
		var texts []string
		for _, b := range blocks {
			if b.Kind == model.BlockHeading {
				headings[squash(b.Text)] = b.Level
			}
			texts = append(texts, squash(b.Text))
		}
		if byProducer[producer] == nil {
			byProducer[producer] = &tally{}
		}
		s := byProducer[producer]
		var missed []string
		for _, b := range spec.Blocks {
			switch b.Type {
			case "heading":
				s.headings++
				if _, ok := headings[squash(b.Text)]; ok {
					s.headingsFound++
				} else {
					missed = append(missed, "heading "+b.Text)
				}
			case "paragraph", "list":
				items := b.Items
				if b.Type == "paragraph" {
					items = []string{b.Text}
				}
				for _, it := range items {
					s.texts++
					want := squash(it)
					found := false
					for _, got := range texts {
						if strings.Contains(got, want) {
							found = true
							break
						}
					}
					if found {
						s.textsFound++
					} else {
						missed = append(missed, "text "+it)
					}
				}
			}
		}
		if testing.Verbose() {
			for i, m := range missed {
				if i == 3 {
					break
				}
				t.Logf("%s: missed %.100s", name, m)
			}
		}
	}
	names := make([]string, 0, len(byProducer))
	for n := range byProducer {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := byProducer[n]
		h := float64(s.headingsFound) / float64(max(s.headings, 1))
		x := float64(s.textsFound) / float64(max(s.texts, 1))
		t.Logf("producer %-9s headings %3d/%3d = %.1f%%, paragraphs and items %3d/%3d = %.1f%%", n, s.headingsFound, s.headings, 100*h, s.textsFound, s.texts, 100*x)
		if h < 0.9 || x < 0.9 {
			t.Errorf("producer %s: headings %.1f%%, texts %.1f%%, want ≥ 90%% each", n, 100*h, 100*x)
		}
	}
}
