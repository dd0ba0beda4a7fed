package pdfguard

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdfguard/internal/damage"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

var allCorpus = flag.Bool("damaged.all", false, "damage every corpus PDF, not a sample of each producer")

// corpusSample are corpus PDFs from each producer (Chromium, LibreOffice,
// ReportLab), small and large, damaged by default.
var corpusSample = []string{"d01.lo.pdf", "d05.rl.pdf", "d07.chromium.pdf"}

// A damagedCase is one file for Read. Every case must end in pages or an
// error wrapping a sentinel, within its limits.
type damagedCase struct {
	name string
	data []byte
	// same names the clean file whose words a lossless change must keep.
	same string
	// want, when set, is the only acceptable error.
	want error
	opt  Options
	// within bounds the whole Read; zero: two attempts at opt's timeout.
	within time.Duration
}

var textLines = [][]string{
	{"Jaarstukken 2022 gemeente Voorbeeld", "Programma 1 Veiligheid", "Lasten 1.234.567 en baten 89.012", "Aantal inwoners per 1.000: 12,5%"},
	{"Programma 2 Verkeer en vervoer", "Wegen, straten en pleinen € 4.977-", "Overzicht (x € 1.000) café façade"},
}

func madePages(image, inline bool) []damage.Page {
	var ps []damage.Page
	for _, l := range textLines {
		ps = append(ps, damage.Page{Lines: l, Inline: inline})
	}
	if image {
		ps = []damage.Page{{Image: true}, {Image: true}}
	}
	return ps
}

// madeCases are PDFs made here: a clean one, lossless changes of it, and
// hostile ones.
func madeCases(t *testing.T) (cases []damagedCase, clean map[string][]byte) {
	text := damage.Build(damage.Spec{Pages: madePages(false, false)})
	clean = map[string][]byte{"made": text}
	cases = []damagedCase{
		{name: "made", data: text, same: "made"},
		{name: "made.objstm", data: damage.Build(damage.Spec{Pages: madePages(false, false), ObjectStreams: true}), same: "made"},
		{name: "made.pdf20", data: damage.Build(damage.Spec{Version: "2.0", Pages: madePages(false, false)}), same: "made"},
		{name: "made.pdf20.objstm", data: damage.Build(damage.Spec{Version: "2.0", Pages: madePages(false, false), ObjectStreams: true}), same: "made"},
		{name: "made.asciihex", data: damage.Build(damage.Spec{Pages: madePages(false, false), Filter: "ASCIIHexDecode"}), same: "made"},
		{name: "made.runlength", data: damage.Build(damage.Spec{Pages: madePages(false, false), Filter: "RunLengthDecode"}), same: "made"},
		{name: "made.raw", data: damage.Build(damage.Spec{Pages: madePages(false, false), Filter: "none"}), same: "made"},
		{name: "made.inline", data: damage.Build(damage.Spec{Pages: madePages(false, true)}), same: "made"},
		{name: "made.scan", data: damage.Build(damage.Spec{Pages: madePages(true, false)}), want: ErrNoText},
		{name: "made.empty", data: nil, want: ErrMalformed},
		{name: "made.notpdf", data: []byte("<html><body>404 niet gevonden</body></html>"), want: ErrMalformed},
		{name: "made.cyclic-extends", data: damage.CyclicExtends(), opt: Options{Timeout: 3 * time.Second}},
		{name: "made.cyclic-pages", data: damage.CyclicPages(), opt: Options{Timeout: 3 * time.Second}},
		{name: "made.hostile-columns", data: damage.HostileColumns(), opt: Options{MemoryLimit: 512 << 20}},
		{name: "made.flate-bomb", data: damage.Bomb(1 << 30), opt: Options{MemoryLimit: 512 << 20, Timeout: 4 * time.Second}},
	}
	cases = append(cases, encryptedCases(t, "made", text, true)...)
	for _, c := range []damage.Cipher{{Method: "AES", Bits: 256}, {Method: "RC4", Bits: 128}} {
		enc, err := damage.Encrypt(text, c, "geheim")
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, damagedCase{name: fmt.Sprintf("made.%s%d.password", c.Method, c.Bits), data: enc, want: ErrPassword})
	}
	return cases, clean
}

func encryptedCases(t *testing.T, name string, data []byte, all bool) []damagedCase {
	var cases []damagedCase
	ciphers := []damage.Cipher{{Method: "AES", Bits: 256}, {Method: "AES", Bits: 128}, {Method: "RC4", Bits: 128}, {Method: "RC4", Bits: 40}}
	if !all {
		ciphers = ciphers[:3]
	}
	for _, c := range ciphers {
		enc, err := damage.Encrypt(data, c, "")
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, damagedCase{name: fmt.Sprintf("%s.%s%d", name, c.Method, c.Bits), data: enc, same: name})
	}
	return cases
}

// corpusCases damages corpus PDFs: broken in seeded ways, and changed
// without loss.
func corpusCases(t *testing.T) (cases []damagedCase, clean map[string][]byte) {
	dir := filepath.Join(testcorpus.Dir(t), "docs")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Logf("no corpus at %s: corpus cases skipped", dir)
		return nil, nil
	}
	clean = map[string][]byte{}
	for i, f := range files {
		name := filepath.Base(f)
		if !*allCorpus && !slices.Contains(corpusSample, name) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		clean[name] = data
		seed := uint64(i)
		cases = append(cases,
			damagedCase{name: name + ".trunc50", data: damage.Truncate(data, 0.5)},
			damagedCase{name: name + ".trunc90", data: damage.Truncate(data, 0.9)},
			damagedCase{name: name + ".zero4k", data: damage.Zero(data, seed, 4096)},
			damagedCase{name: name + ".flip10", data: damage.Flip(data, seed, 10)},
			damagedCase{name: name + ".flip100", data: damage.Flip(data, seed, 100)},
			damagedCase{name: name + ".xref-shifted", data: damage.ShiftXRef(data, 7)},
			damagedCase{name: name + ".startxref-wrong", data: damage.BadStartXRef(data)},
			damagedCase{name: name + ".pdf20", data: damage.Header(data, "2.0"), same: name},
		)
		if o, err := damage.ObjectStreams(data); err == nil {
			cases = append(cases, damagedCase{name: name + ".objstm", data: o, same: name})
		} else {
			t.Errorf("%s: %v", name, err)
		}
		cases = append(cases, encryptedCases(t, name, data, false)...)
	}
	return cases, clean
}

func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}

func wordTexts(pages []pdftext.Page) []string {
	var ws []string
	for _, p := range pages {
		for _, w := range p.Words {
			ws = append(ws, w.Text)
		}
	}
	return ws
}

// TestDamaged feeds damaged and unusual PDFs through Read in workers:
// each must end in pages or a clear error within its limits, and each
// lossless change must give the words of its clean original.
func TestDamaged(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a worker per file")
	}
	made, cleanMade := madeCases(t)
	corpus, cleanCorpus := corpusCases(t)
	cases := append(made, corpus...)

	ctx := context.Background()
	want := map[string][]string{}
	title := map[string]string{}
	for name, data := range mergeMaps(cleanMade, cleanCorpus) {
		res, err := Read(ctx, data, Options{})
		if err != nil || res.Engine != "pdftext" {
			t.Fatalf("clean %s: engine %q, err %v", name, res.Engine, err)
		}
		want[name] = wordTexts(res.Pages)
		title[name] = res.Info.Title
	}

	var (
		mu       sync.Mutex
		outcomes = map[string]int{}
		slowest  time.Duration
	)
	t.Run("files", func(t *testing.T) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				within := c.within
				if within == 0 {
					within = 2*c.opt.timeout() + 5*time.Second
				}
				start := time.Now()
				res, err := Read(ctx, c.data, c.opt)
				took := time.Since(start)
				if took > within {
					t.Errorf("took %v, limit %v", took, within)
				}
				outcome := outcomeOf(res, err)
				mu.Lock()
				outcomes[outcome]++
				slowest = max(slowest, took)
				mu.Unlock()
				t.Logf("%s in %v: %v", outcome, took.Round(time.Millisecond), err)
				if err != nil && !errors.Is(err, sentinelOf(err)) {
					t.Errorf("error wraps no sentinel: %v", err)
				}
				if c.want != nil && !errors.Is(err, c.want) {
					t.Errorf("err = %v, want %v", err, c.want)
				}
				if c.want == ErrNoText {
					if len(res.Pages) == 0 || res.Pages[0].Problem != "no text layer" {
						t.Errorf("no-text result %+v lacks the page problem", res.Pages)
					}
				}
				if c.same != "" {
					if err != nil {
						t.Fatalf("lossless change failed: %v", err)
					}
					if got := wordTexts(res.Pages); !slices.Equal(got, want[c.same]) {
						t.Errorf("words (engine %s) differ from %s: %s", res.Engine, c.same, firstDiff(got, want[c.same]))
					}
					if res.Info.Title != title[c.same] {
						t.Errorf("title (engine %s) %q, %s has %q", res.Engine, res.Info.Title, c.same, title[c.same])
					}
				}
			})
		}
	})
	keys := make([]string, 0, len(outcomes))
	for k := range outcomes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%d", k, outcomes[k])
	}
	t.Logf("%d files on %d cores, slowest %v:%s", len(cases), runtime.NumCPU(), slowest.Round(time.Millisecond), b.String())
}

func mergeMaps(ms ...map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

var sentinels = []error{ErrPassword, ErrEncrypted, ErrNoText, ErrTimeout, ErrMemory, ErrCrashed, ErrMalformed}

func sentinelOf(err error) error {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return s
		}
	}
	return errors.New("none")
}

func outcomeOf(res Result, err error) string {
	if err == nil {
		return "text/" + res.Engine
	}
	s := sentinelOf(err)
	return strings.TrimPrefix(strings.TrimPrefix(s.Error(), "pdfguard: "), "pdftext: ")
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("word %d: %q vs %q (%d vs %d words)", i, a[i], b[i], len(a), len(b))
		}
	}
	return fmt.Sprintf("%d vs %d words", len(a), len(b))
}
