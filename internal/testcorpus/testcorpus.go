// Package testcorpus gives tests in any package of jaarzoek the path of
// the sample corpus at the root of the module: corpus/docs (the pages as
// HTML and PDF), corpus/gold (the expected records), corpus/spec (the
// transcription of each page: headings, paragraphs, tables) and
// corpus/manifest.csv.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of the corpus folder. It fails the test
// when the folder is not there: the corpus is part of the repository.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(d, "corpus")
			if _, err := os.Stat(filepath.Join(c, "manifest.csv")); err != nil {
				t.Fatalf("testcorpus: %v", err)
			}
			return c
		}
		if filepath.Dir(d) == d {
			t.Fatalf("testcorpus: no go.mod above %s", dir)
		}
	}
}

// Doc returns the path of corpus/docs/name.
func Doc(t testing.TB, name string) string {
	t.Helper()
	return filepath.Join(Dir(t), "docs", name)
}
