package reference

import (
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
)

// corpusDir is the sample corpus: documents, gold records and the
// manifest with the expected gemeente, year and kind; specDir holds the
// transcriptions with each page's URL and site header.
const corpusDir, specDir = "../corpus", "../corpus/spec"

type manifestRow struct {
	source, gemeente, kind string
	year                   int
}

func readManifest(t *testing.T) []manifestRow {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "manifest.csv"))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("reading manifest: %v", err)
	}
	var rows []manifestRow
	for _, r := range recs[1:] {
		y, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("manifest year %q: %v", r[2], err)
		}
		rows = append(rows, manifestRow{source: r[0], gemeente: r[1], year: y, kind: r[3]})
	}
	return rows
}

type specDoc struct {
	Slug     string `json:"slug"`
	Gemeente string `json:"gemeente"`
	Code     string `json:"gemeente_code"`
	Kind     string `json:"doc_kind"`
	Year     int    `json:"doc_year"`
	URL      string `json:"url"`
	Site     struct {
		Title         string `json:"title"`
		GemeenteLabel string `json:"gemeente_label"`
	} `json:"site"`
	Blocks []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"blocks"`
}

func readSpecs(t *testing.T) []specDoc {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(specDir, "*.json"))
	if len(files) == 0 {
		t.Skip("corpus specs not available")
	}
	var out []specDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s specDoc
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, s)
	}
	return out
}

func specClues(s specDoc, withURL bool) Clues {
	c := Clues{Title: s.Site.Title, Site: s.Site.GemeenteLabel}
	if withURL {
		c.URL = s.URL
	}
	var text strings.Builder
	for _, b := range s.Blocks {
		if b.Text == "" {
			continue
		}
		if b.Type == "heading" {
			c.Headings = append(c.Headings, b.Text)
		}
		text.WriteString(b.Text)
		text.WriteString("\n")
	}
	c.Text = text.String()
	return c
}

type tally struct{ n, gem, kind, year int }

func (tl *tally) check(t *testing.T, name string, r Result, wantGem string, wantKind string, wantYear int) {
	t.Helper()
	tl.n++
	if r.Gemeente.Name == wantGem {
		tl.gem++
	} else {
		t.Logf("%s: gemeente %q (from %s), want %q", name, r.Gemeente.Name, r.GemeenteFrom, wantGem)
	}
	if r.Kind == wantKind {
		tl.kind++
	} else {
		t.Logf("%s: kind %q (from %s), want %q", name, r.Kind, r.KindFrom, wantKind)
	}
	if r.Year == wantYear {
		tl.year++
	} else {
		t.Logf("%s: year %d (from %s), want %d", name, r.Year, r.YearFrom, wantYear)
	}
}

func (tl *tally) require(t *testing.T, what string) {
	t.Helper()
	pct := func(k int) float64 { return 100 * float64(k) / float64(tl.n) }
	t.Logf("%s: %d documents: gemeente %.1f%%, kind %.1f%%, year %.1f%%", what, tl.n, pct(tl.gem), pct(tl.kind), pct(tl.year))
	if pct(tl.gem) < 98 || pct(tl.kind) < 95 || pct(tl.year) < 95 {
		t.Errorf("%s: below target (gemeente ≥ 98%%, kind and year ≥ 95%%)", what)
	}
}

func TestDetectCorpusSpecs(t *testing.T) {
	specs := readSpecs(t)
	for _, withURL := range []bool{true, false} {
		var tl tally
		for _, s := range specs {
			r := Detect(specClues(s, withURL))
			tl.check(t, s.Slug, r, s.Gemeente, s.Kind, s.Year)
			if r.Gemeente.Name == s.Gemeente && r.Gemeente.Code != s.Code {
				t.Errorf("%s: code %s, want %s", s.Slug, r.Gemeente.Code, s.Code)
			}
		}
		tl.require(t, map[bool]string{true: "specs with URL", false: "specs without URL"}[withURL])
	}
}

var (
	titleRe  = regexp.MustCompile(`(?is)<title>(.*?)</title>`)
	headerRe = regexp.MustCompile(`(?is)<header[^>]*>(.*?)</header>`)
	bodyRe   = regexp.MustCompile(`(?is)<body[^>]*>(.*)</body>`)
	hRe      = regexp.MustCompile(`(?is)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	tagRe    = regexp.MustCompile(`(?s)<[^>]*>`)
	navRe    = regexp.MustCompile(`(?is)<nav.*?</nav>`)
	styleRe  = regexp.MustCompile(`(?is)<style.*?</style>`)
	cp1252Re = regexp.MustCompile(`(?i)charset=["']?windows-1252`)
)

func plain(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(s, " "))), " ")
}

// htmlClues reads the clues of an HTML page crudely: enough for detection
// tests, not an extractor.
func htmlClues(t *testing.T, file string) Clues {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if cp1252Re.MatchString(s) {
		if d, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			s = string(d)
		}
	}
	s = styleRe.ReplaceAllString(s, " ")
	var c Clues
	if m := titleRe.FindStringSubmatch(s); m != nil {
		c.Title = plain(m[1])
	}
	if m := headerRe.FindStringSubmatch(s); m != nil {
		c.Site = plain(navRe.ReplaceAllString(m[1], " "))
	}
	body := s
	if m := bodyRe.FindStringSubmatch(s); m != nil {
		body = m[1]
	}
	body = headerRe.ReplaceAllString(body, " ")
	for _, m := range hRe.FindAllStringSubmatch(body, -1) {
		c.Headings = append(c.Headings, plain(m[1]))
	}
	c.Text = plain(body)
	return c
}

func TestDetectCorpusHTML(t *testing.T) {
	rows := readManifest(t)
	urls := map[string]string{}
	for _, s := range readSpecs(t) {
		urls[s.Slug] = s.URL
	}
	for _, withURL := range []bool{true, false} {
		var tl tally
		for _, row := range rows {
			if !strings.HasSuffix(row.source, ".html") {
				continue
			}
			c := htmlClues(t, filepath.Join(corpusDir, row.source))
			slug := strings.TrimSuffix(filepath.Base(row.source), ".html")
			if withURL {
				c.URL = urls[slug]
			}
			tl.check(t, row.source, Detect(c), row.gemeente, row.kind, row.year)
		}
		tl.require(t, map[bool]string{true: "HTML with URL", false: "HTML without URL"}[withURL])
	}
}

// pdfClues reads the PDF title and the text of the first page crudely with
// ledongthuc/pdf: enough for detection tests.
func pdfClues(t *testing.T, file string) Clues {
	f, r, err := pdf.Open(file)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer f.Close()
	var c Clues
	c.Title = r.Trailer().Key("Info").Key("Title").Text()
	if r.NumPage() > 0 {
		p := r.Page(1)
		if txt, err := p.GetPlainText(nil); err == nil {
			c.Text = txt
		}
	}
	return c
}

func TestDetectCorpusPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every PDF of the corpus")
	}
	rows := readManifest(t)
	var tl, text tally
	for _, row := range rows {
		if !strings.HasSuffix(row.source, ".pdf") {
			continue
		}
		c := pdfClues(t, filepath.Join(corpusDir, row.source))
		c.Filename = filepath.Base(row.source)
		tl.check(t, row.source, Detect(c), row.gemeente, row.kind, row.year)
		// The first page's text alone, as for a PDF without a title.
		text.check(t, row.source+" (text only)", Detect(Clues{Text: c.Text}), row.gemeente, row.kind, row.year)
	}
	tl.require(t, "PDF title and first page")
	text.require(t, "PDF first page only")
}
