package pdftable

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// corpusDir returns the repository's sample corpus.
func corpusDir(t testing.TB) string { return testcorpus.Dir(t) }

type specTable struct {
	Caption    *string `json:"caption"`
	UnitLine   *string `json:"unit_line"`
	HeaderRows [][]struct {
		Text    string `json:"text"`
		Colspan int    `json:"colspan"`
	} `json:"header_rows"`
	Rows []struct {
		Type  string   `json:"type"`
		Text  string   `json:"text"`
		Cells []string `json:"cells"`
	} `json:"rows"`
	Notes []string `json:"notes"`
}

func loadSpec(t testing.TB, path string) []specTable {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Blocks []struct {
			Type string `json:"type"`
			specTable
		} `json:"blocks"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var ts []specTable
	for _, b := range doc.Blocks {
		if b.Type == "table" {
			ts = append(ts, b.specTable)
		}
	}
	return ts
}

// specBody returns the body rows of a spec table as cell texts; a section
// row is its text in the first cell.
func specBody(st specTable) [][]string {
	var out [][]string
	for _, r := range st.Rows {
		if r.Type == "section" {
			out = append(out, []string{r.Text})
			continue
		}
		out = append(out, r.Cells)
	}
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// squeeze drops whitespace for comparing cell texts; thousands grouped
// with a space as printed ("1 788") read as grouped with a dot.
func squeeze(s string) string {
	return strings.Join(strings.Fields(spaceGroup.ReplaceAllString(s, "$1.$2")), "")
}

// cellsAgree compares the body rows of a found table with a spec table
// row by row (aligned on labels) and cell by cell; it returns the number
// of spec body cells matched and their total.
func cellsAgree(ft *model.Table, st specTable) (int, int, []string) {
	want := specBody(st)
	var got [][]string
	for _, r := range ft.Rows[ft.HeaderRows:] {
		var cs []string
		for _, c := range r {
			cs = append(cs, c.Text)
		}
		got = append(got, cs)
	}
	total := 0
	for _, w := range want {
		total += len(w)
	}
	// Align rows by their texts (longest common subsequence on rows that
	// agree in most cells).
	score := func(w, g []string) int {
		n := 0
		for i := range w {
			if i < len(g) && squeeze(w[i]) == squeeze(g[i]) {
				n++
			}
		}
		if len(w) == 1 && len(g) > 0 && squeeze(w[0]) == squeeze(strings.Join(g, " ")) {
			n = 1
		}
		return n
	}
	n, m := len(want), len(got)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(dp[i+1][j], dp[i][j+1])
			if s := score(want[i], got[j]); s > 0 {
				best = max(best, s+dp[i+1][j+1])
			}
			dp[i][j] = best
		}
	}
	var diffs []string
	i, j := 0, 0
	for i < n && j < m {
		s := score(want[i], got[j])
		if s > 0 && dp[i][j] == s+dp[i+1][j+1] {
			if s < len(want[i]) {
				diffs = append(diffs, fmt.Sprintf("row want %q\n        got  %q", want[i], got[j]))
			}
			i, j = i+1, j+1
		} else if dp[i][j] == dp[i+1][j] {
			diffs = append(diffs, fmt.Sprintf("row missing %q", want[i]))
			i++
		} else {
			diffs = append(diffs, fmt.Sprintf("row extra %q", got[j]))
			j++
		}
	}
	for ; i < n; i++ {
		diffs = append(diffs, fmt.Sprintf("row missing %q", want[i]))
	}
	for ; j < m; j++ {
		diffs = append(diffs, fmt.Sprintf("row extra %q", got[j]))
	}
	return dp[0][0], total, diffs
}

type producerScore struct {
	heads, headsTotal           int
	docs, found, want, tablesOK int
	cells, cellsTotal           int
	bodyRows, bodyRowsWant      int
}

// corpusPages reads a corpus PDF with pdftext.Read, or with pdftotext
// when PDFTABLE_POPPLER is set or pdftext fails on it.
func corpusPages(t testing.TB, path string) []pdftext.Page {
	t.Helper()
	if os.Getenv("PDFTABLE_POPPLER") == "" {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := pdftext.Read(context.Background(), data)
		if err == nil && len(pages) > 0 {
			return pages
		}
		t.Logf("%s: pdftext: %v; reading with pdftotext", filepath.Base(path), err)
	}
	return popplerPages(t, path)
}

func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	pdfs, _ := filepath.Glob(filepath.Join(dir, "docs", "*.pdf"))
	sort.Strings(pdfs)
	scores := map[string]*producerScore{}
	verbose := os.Getenv("PDFTABLE_VERBOSE") != ""
	for _, pdf := range pdfs {
		base := filepath.Base(pdf)
		parts := strings.Split(strings.TrimSuffix(base, ".pdf"), ".")
		slug, producer := parts[0], parts[len(parts)-1]
		spec := loadSpec(t, filepath.Join(dir, "spec", slug+".json"))
		pages := corpusPages(t, pdf)
		found := Find(pages)
		ps := scores[producer]
		if ps == nil {
			ps = &producerScore{}
			scores[producer] = ps
		}
		ps.docs++
		ps.found += len(found)
		ps.want += len(spec)
		for _, f := range found {
			checkGrid(t, base, f)
		}
		// Pair spec tables with found tables in order, best match first.
		used := map[int]bool{}
		docCells, docTotal := 0, 0
		for si, st := range spec {
			best, bi := -1, -1
			var bd []string
			total := 0
			for fi, f := range found {
				if used[fi] {
					continue
				}
				c, tot, d := cellsAgree(f.Table, st)
				total = tot
				if c > best {
					best, bi, bd = c, fi, d
				}
			}
			if bi < 0 {
				_, total, _ = cellsAgree(&model.Table{}, st)
				best = 0
				bd = []string{"no table"}
			} else {
				used[bi] = true
				ft := found[bi].Table
				h, ht, hd := headsAgree(ft, st)
				ps.heads += h
				ps.headsTotal += ht
				if verbose && h < ht {
					t.Logf("%s table %d: column names %d/%d: %s", base, si+1, h, ht, hd)
				}
				ps.bodyRows += len(ft.Rows) - ft.HeaderRows
				if len(ft.Rows)-ft.HeaderRows == len(st.Rows) && best == total {
					ps.tablesOK++
				} else if verbose && len(ft.Rows)-ft.HeaderRows != len(st.Rows) {
					t.Logf("%s table %d: %d body rows, want %d; header rows %d, want %d", base, si+1, len(ft.Rows)-ft.HeaderRows, len(st.Rows), ft.HeaderRows, len(st.HeaderRows))
					for _, r := range ft.Rows {
						var cs []string
						for _, c := range r {
							cs = append(cs, c.Text)
						}
						t.Logf("    %q", cs)
					}
				}
			}
			ps.bodyRowsWant += len(st.Rows)
			ps.cells += best
			ps.cellsTotal += total
			docCells += best
			docTotal += total
			if verbose && best < total {
				t.Logf("%s table %d: %d/%d cells", base, si+1, best, total)
				for _, d := range bd {
					t.Logf("  %s", d)
				}
			}
		}
		t.Logf("%-40s tables %d/%d cells %d/%d", base, len(found), len(spec), docCells, docTotal)
		if verbose {
			for _, f := range found {
				t.Logf("  found: pages %v caption %q unit %q header %d rows %d notes %d", regionsPages(f), f.Table.Caption, f.Table.UnitLine, f.Table.HeaderRows, len(f.Table.Rows), len(f.Table.Notes))
				for _, r := range f.Table.Rows {
					var cs []string
					for _, c := range r {
						cs = append(cs, c.Text)
					}
					t.Logf("    %q", cs)
				}
			}
		}
	}
	var names []string
	for k := range scores {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s := scores[k]
		pct := 100 * float64(s.cells) / float64(max(1, s.cellsTotal))
		t.Logf("%-9s docs %2d tables %d/%d (exact %d) body rows %d/%d body cells %d/%d = %.1f%%, column names %d/%d", k, s.docs, s.found, s.want, s.tablesOK,
			s.bodyRows, s.bodyRowsWant, s.cells, s.cellsTotal, pct, s.heads, s.headsTotal)
		// Floors a little under what the finder reaches, so that a
		// regression fails.
		if s.found != s.want {
			t.Errorf("%s: found %d tables, want %d", k, s.found, s.want)
		}
		if pct < 95 {
			t.Errorf("%s: body cells agree %.1f%%, want at least 95%%", k, pct)
		}
		if float64(s.heads) < 0.9*float64(s.headsTotal) {
			t.Errorf("%s: column names agree %d/%d, want at least 90%%", k, s.heads, s.headsTotal)
		}
	}
}

func regionsPages(f Found) []int {
	var ps []int
	for _, r := range f.Regions {
		ps = append(ps, r.Page)
	}
	return ps
}

// checkGrid checks the invariants of a found table: a rectangle, positions
// matching the slots, spans consistent.
func checkGrid(t *testing.T, name string, f Found) {
	t.Helper()
	tb := f.Table
	w := tb.Width()
	for r, row := range tb.Rows {
		if len(row) != w {
			t.Errorf("%s: row %d has %d cells, want %d", name, r, len(row), w)
		}
		for c, cell := range row {
			if cell.Row != r || cell.Col != c || cell.Table != 0 || cell.Page < 1 {
				t.Errorf("%s: cell at %d,%d has pos %+v", name, r, c, cell.Pos)
			}
			if cell.Origin && cell.ColSpan > 1 && c+cell.ColSpan > w {
				t.Errorf("%s: cell %d,%d spans past the table", name, r, c)
			}
		}
	}
	if tb.HeaderRows > len(tb.Rows) {
		t.Errorf("%s: %d header rows of %d", name, tb.HeaderRows, len(tb.Rows))
	}
	if len(f.Words) == 0 || len(f.Regions) == 0 {
		t.Errorf("%s: table without words or regions", name)
	}
}

// headsAgree compares the column names (header levels joined per column)
// of the value columns of a found table with those of the spec table.
func headsAgree(ft *model.Table, st specTable) (int, int, string) {
	var want []string
	for _, hr := range st.HeaderRows {
		c := 0
		for _, cell := range hr {
			for k := 0; k < max(1, cell.Colspan); k++ {
				for len(want) <= c {
					want = append(want, "")
				}
				want[c] += " " + cell.Text
				c++
			}
		}
	}
	got := make([]string, ft.Width())
	for r := 0; r < ft.HeaderRows; r++ {
		for c, cell := range ft.Rows[r] {
			got[c] += " " + cell.Text
		}
	}
	n, total := 0, 0
	var diffs []string
	for c := 1; c < len(want); c++ {
		total++
		if c < len(got) && squeeze(want[c]) == squeeze(got[c]) {
			n++
		} else if c < len(got) {
			diffs = append(diffs, fmt.Sprintf("%q≠%q", norm(want[c]), norm(got[c])))
		}
	}
	return n, total, strings.Join(diffs, " ")
}
