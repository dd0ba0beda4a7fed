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

func squash(s string) string {
	return strings.Join(strings.Fields(normalizeText(strings.Join(strings.Fields(s), " "))), " ")
}

// TestBlocksCorpus checks Blocks against the transcriptions of the corpus
// pages: every transcribed heading must come out as a heading, and every
// paragraph and list item must appear whole inside one block, so search
// finds it. Table text is not checked here.
func TestBlocksCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	type tally struct{ headings, headingsFound, extraHeadings, texts, textsFound int }
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
						missed = append(missed, "text "+it+" || "+closest(texts, want))
					}
				}
			}
		}
		specHeadings := map[string]bool{}
		for _, b := range spec.Blocks {
			if b.Type == "heading" {
				specHeadings[squash(b.Text)] = true
			}
		}
		for h := range headings {
			if !specHeadings[h] {
				s.extraHeadings++
				if testing.Verbose() {
					t.Logf("%s: heading not in the transcription: %.80s", name, h)
				}
			}
		}
		if testing.Verbose() {
			for i, m := range missed {
				if i == 3 {
					break
				}
				t.Logf("%s: missed %s", name, m[strings.Index(m, "||"):])
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
		t.Logf("producer %-9s headings %3d/%3d = %.1f%% (%d more), paragraphs and items %3d/%3d = %.1f%%", n, s.headingsFound, s.headings, 100*h, s.extraHeadings, s.textsFound, s.texts, 100*x)
		if h < 0.9 || x < 0.9 {
			t.Errorf("producer %s: headings %.1f%%, texts %.1f%%, want ≥ 90%% each", n, 100*h, 100*x)
		}
	}
}

// closest returns the block text sharing the longest prefix with want,
// from where they part, for failure messages.
func closest(texts []string, want string) string {
	best, bestN := "", -1
	for _, t := range texts {
		for i := 0; i+20 <= len(t); i++ {
			n := 0
			for n < len(want) && i+n < len(t) && t[i+n] == want[n] {
				n++
			}
			if n > bestN {
				best, bestN = t[i:], n
			}
		}
	}
	if bestN < 0 {
		return ""
	}
	lo := max(bestN-30, 0)
	return want[lo:min(bestN+30, len(want))] + " ≠ " + best[lo:min(bestN+30, len(best))]
}
