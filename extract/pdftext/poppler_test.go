package pdftext

import (
	"bufio"
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const corpusDir = "../../corpus/docs"

// popplerWord is one word of `pdftotext -tsv`.
type popplerWord struct {
	page           int
	x0, y0, x1, y1 float64
	text           string
}

func popplerWords(t *testing.T, path string) []popplerWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-cropbox", "-tsv", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	var ws []popplerWord
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		page, _ := strconv.Atoi(f[1])
		ws = append(ws, popplerWord{page, num(6), num(7), num(6) + num(8), num(7) + num(9), normalizeText(f[11])})
	}
	return ws
}

// agreement returns how many of poppler's words jaarzoek found with the
// same text and a box within tol points, and the words it missed.
func agreement(pages []Page, want []popplerWord, tol float64) (found int, missed []popplerWord) {
	type key struct {
		page int
		text string
	}
	have := map[key][]Word{}
	for _, p := range pages {
		for _, w := range p.Words {
			k := key{p.Number, w.Text}
			have[k] = append(have[k], w)
		}
	}
	for _, pw := range want {
		ok := false
		for _, w := range have[key{pw.page, pw.text}] {
			if math.Abs(w.X0-pw.x0) <= tol && math.Abs(w.X1-pw.x1) <= tol && math.Abs(w.Y0-pw.y0) <= tol && math.Abs(w.Y1-pw.y1) <= tol {
				ok = true
				break
			}
		}
		if ok {
			found++
		} else {
			missed = append(missed, pw)
		}
	}
	return found, missed
}

// TestAgainstPoppler compares words and boxes with pdftotext on every
// corpus PDF: at least 98% of poppler's words must be found with the same
// text and a box within 1 pt.
func TestAgainstPoppler(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	type tally struct{ found, total int }
	byProducer := map[string]*tally{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Read(context.Background(), data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		want := popplerWords(t, path)
		found, missed := agreement(pages, want, 1)
		name := filepath.Base(path)
		parts := strings.Split(name, ".")
		producer := parts[len(parts)-2]
		if byProducer[producer] == nil {
			byProducer[producer] = &tally{}
		}
		byProducer[producer].found += found
		byProducer[producer].total += len(want)
		if testing.Verbose() {
			t.Logf("%-40s %5d/%5d words agree", name, found, len(want))
			for i, m := range missed {
				if i == 5 {
					break
				}
				t.Logf("    missed p%d %q [%.2f %.2f %.2f %.2f]", m.page, m.text, m.x0, m.y0, m.x1, m.y1)
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
		share := float64(s.found) / float64(max(s.total, 1))
		t.Logf("producer %-9s %6d/%6d = %.2f%%", n, s.found, s.total, 100*share)
		if share < 0.98 {
			t.Errorf("producer %s: only %.2f%% of poppler's words agree, want ≥ 98%%", n, 100*share)
		}
	}
}
