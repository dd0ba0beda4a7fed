package corpus

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jaarzoek/jaarzoek/extract"
	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/normalize"
)

// minF1 are the levels each rendering must keep; they only go up.
var minF1 = map[string]float64{
	"html":         0.99,
	"chromium.pdf": 0.97,
	"lo.pdf":       0.97,
	"rl.pdf":       0.97,
}

type goldRecord struct {
	Indicator  string   `json:"indicator"`
	Period     int      `json:"period"`
	PeriodKind string   `json:"period_kind"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Scale      float64  `json:"scale"`
	Status     string   `json:"status"`
	Column     string   `json:"column"`
	Optional   bool     `json:"optional"`
}

type row struct {
	source, gemeente, kind string
	year                   int
}

func readManifest(t *testing.T) []row {
	t.Helper()
	f, err := os.Open("manifest.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []row
	for _, r := range recs[1:] {
		y, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("manifest: year %q: %v", r[2], err)
		}
		rows = append(rows, row{source: r[0], gemeente: r[1], year: y, kind: r[3]})
	}
	return rows
}

func readGold(t *testing.T, slug string) []goldRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("gold", slug+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var gold []goldRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold/%s.jsonl: %v", slug, err)
		}
		gold = append(gold, g)
	}
	return gold
}

// TestCorpus extracts every document of the manifest with its hints and
// compares the records with the gold: per rendering, F1 must stay at or
// above minF1, and units and period kinds of matched figures must agree.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped under -short")
	}
	type tally struct{ gold, pred, matched, unitN, unitOK, kindN, kindOK int }
	per := map[string]*tally{}
	for _, r := range readManifest(t) {
		name := filepath.Base(r.source)
		slug, format, _ := strings.Cut(name, ".")
		gold := readGold(t, slug)
		recs := extractRecords(t, r)
		var kept []model.Record
		for _, rec := range recs {
			if rec.Table > 0 {
				kept = append(kept, rec)
			}
		}
		pairs := match(kept, gold)
		tl := per[format]
		if tl == nil {
			tl = &tally{}
			per[format] = tl
		}
		tl.gold += len(gold)
		tl.pred += len(kept)
		tl.matched += len(pairs)
		for _, p := range pairs {
			pr, g := kept[p[0]], gold[p[1]]
			if g.Unit != "" {
				tl.unitN++
				if pr.Unit == g.Unit {
					tl.unitOK++
				}
			}
			if g.PeriodKind != "" {
				tl.kindN++
				if pr.PeriodKind == g.PeriodKind {
					tl.kindOK++
				}
			}
		}
		t.Logf("%-40s gold=%4d pred=%4d matched=%4d", name, len(gold), len(kept), len(pairs))
	}
	formats := make([]string, 0, len(per))
	for f := range per {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		tl := per[f]
		p, r := ratio(tl.matched, tl.pred), ratio(tl.matched, tl.gold)
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		t.Logf("%-13s P=%.3f R=%.3f F1=%.3f unit=%.3f period_kind=%.3f", f, p, r, f1,
			ratio(tl.unitOK, tl.unitN), ratio(tl.kindOK, tl.kindN))
		if f1+1e-9 < minF1[f] {
			t.Errorf("%s: F1 %.3f below %.3f", f, f1, minF1[f])
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func extractRecords(t *testing.T, r row) []model.Record {
	t.Helper()
	ctx := context.Background()
	var f fetch.Fetcher
	src := model.Source{Location: r.source, Hints: model.Hints{Gemeente: r.gemeente, Year: r.year, Kind: r.kind}}
	raw, err := f.Fetch(ctx, src)
	if err != nil {
		t.Errorf("%s: %v", r.source, err)
		return nil
	}
	doc, err := extract.Document(ctx, raw)
	if err != nil {
		t.Errorf("%s: %v", r.source, err)
		return nil
	}
	return normalize.Normalize(doc).Records
}

// match pairs predictions with gold records one to one, as the corpus
// scorer does: equal period, equal value (or both missing), and labels
// equal after normalisation or with a token-set Jaccard of at least 0.8.
func match(preds []model.Record, gold []goldRecord) [][2]int {
	type cand struct {
		score  float64
		pi, gi int
	}
	var cands []cand
	for pi, p := range preds {
		for gi, g := range gold {
			if g.Optional || p.Period != g.Period || !valueEqual(p, g) {
				continue
			}
			s := labelScore(p.Indicator, g.Indicator)
			if s == 0 {
				continue
			}
			if p.PeriodKind == g.PeriodKind {
				s += 0.001
			}
			if p.Unit == g.Unit {
				s += 0.0005
			}
			cands = append(cands, cand{s, pi, gi})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	usedP, usedG := map[int]bool{}, map[int]bool{}
	var pairs [][2]int
	for _, c := range cands {
		if usedP[c.pi] || usedG[c.gi] {
			continue
		}
		usedP[c.pi], usedG[c.gi] = true, true
		pairs = append(pairs, [2]int{c.pi, c.gi})
	}
	return pairs
}

func valueEqual(p model.Record, g goldRecord) bool {
	if g.Status == model.StatusMissing || p.Status == model.StatusMissing {
		return g.Status == p.Status
	}
	if p.Value == nil || g.Value == nil {
		return false
	}
	a, b := *p.Value, *g.Value
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

var (
	superscripts = regexp.MustCompile(`[\x{00b9}\x{00b2}\x{00b3}\x{2070}-\x{2079}]|\*+`)
	trailingMark = regexp.MustCompile(`\)\s*\d+\s*$`)
)

func labelTokens(s string) []string {
	s = superscripts.ReplaceAllString(s, " ")
	s = trailingMark.ReplaceAllString(s, " ")
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	toks := strings.Fields(b.String())
	for len(toks) > 0 && isDigits(toks[0]) {
		toks = toks[1:]
	}
	return toks
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func labelScore(a, b string) float64 {
	ta, tb := labelTokens(a), labelTokens(b)
	if strings.Join(ta, " ") == strings.Join(tb, " ") {
		if len(ta) == 0 {
			return 0
		}
		return 2
	}
	best := 0.0
	for _, noDigits := range []bool{false, true} {
		sa, sb := tokenSet(ta, noDigits), tokenSet(tb, noDigits)
		if len(sa) == 0 || len(sb) == 0 {
			continue
		}
		inter := 0
		for k := range sa {
			if sb[k] {
				inter++
			}
		}
		j := float64(inter) / float64(len(sa)+len(sb)-inter)
		best = math.Max(best, j)
	}
	if best < 0.8 {
		return 0
	}
	return best
}

func tokenSet(toks []string, noDigits bool) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if noDigits && isDigits(t) {
			continue
		}
		m[t] = true
	}
	return m
}
