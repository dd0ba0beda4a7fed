package pdfium

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"

	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// makePDF writes a one-page PDF showing lines in Helvetica 12 pt from
// (72, 800) down, on an A4 page with the given /Rotate.
func makePDF(rotate int, lines ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf\n")
	for i, l := range lines {
		fmt.Fprintf(&content, "1 0 0 1 72 %d Tm (%s) Tj\n", 800-16*i, l)
	}
	content.WriteString("ET\n0.5 w 72 700 m 300 700 l S\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>", rotate),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func texts(pages []pdftext.Page) []string {
	var ws []string
	for _, p := range pages {
		for _, w := range p.Words {
			ws = append(ws, w.Text)
		}
	}
	return ws
}

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		rotate int
		w, h   float64
	}{
		{"upright", 0, 595, 842},
		{"rotated 90", 90, 842, 595},
		{"rotated 180", 180, 595, 842},
		{"rotated 270", 270, 842, 595},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Read(context.Background(), makePDF(tt.rotate, "Lasten 1.234.567 baten", "Bedragen x 1.000"))
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 1 {
				t.Fatalf("%d pages", len(pages))
			}
			p := pages[0]
			if p.Number != 1 || p.Width != tt.w || p.Height != tt.h {
				t.Errorf("page %d is %v×%v, want 1 and %v×%v", p.Number, p.Width, p.Height, tt.w, tt.h)
			}
			got, want := texts(pages), []string{"Lasten", "1.234.567", "baten", "Bedragen", "x", "1.000"}
			if tt.rotate != 0 {
				// PDFium orders the lines of a turned page as they are
				// read on screen, not as drawn.
				slices.Sort(got)
				slices.Sort(want)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("words %q, want %q", got, want)
			}
			if !p.Trusted || p.Problem != "" {
				t.Errorf("trusted %v, problem %q", p.Trusted, p.Problem)
			}
			for _, w := range p.Words {
				if !(0 <= w.X0 && w.X0 < w.X1 && w.X1 <= p.Width && 0 <= w.Y0 && w.Y0 < w.Y1 && w.Y1 <= p.Height) {
					t.Errorf("%q box %.1f %.1f %.1f %.1f outside the page", w.Text, w.X0, w.Y0, w.X1, w.Y1)
				}
				if math.Abs(w.Size-12) > 0.01 || w.Font != "Helvetica" {
					t.Errorf("%q size %v font %q, want 12 Helvetica", w.Text, w.Size, w.Font)
				}
			}
			if tt.rotate == 0 {
				// First line's baseline is 842-800 = 42 pt from the top.
				if w := p.Words[0]; math.Abs(w.Base-42) > 0.5 || math.Abs(w.X0-72) > 1 || w.Y0 > w.Base || w.Y1 < w.Base {
					t.Errorf("first word at x %.2f base %.2f (box y %.2f–%.2f), want x 72 base 42", w.X0, w.Base, w.Y0, w.Y1)
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	clean := makePDF(0, "geheim")
	locked, err := encrypt(clean, "wachtwoord")
	if err != nil {
		t.Fatal(err)
	}
	open, err := encrypt(clean, "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		data  []byte
		want  error
		words []string
	}{
		{"garbage", []byte("geen pdf"), ErrMalformed, nil},
		{"empty", nil, ErrMalformed, nil},
		{"user password", locked, ErrPassword, nil},
		{"owner password only", open, nil, []string{"geheim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Read(context.Background(), tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if got := texts(pages); !slices.Equal(got, tt.words) {
				t.Errorf("words %q, want %q", got, tt.words)
			}
		})
	}
}

func encrypt(data []byte, user string) ([]byte, error) {
	api.DisableConfigDir()
	var out bytes.Buffer
	err := api.Encrypt(bytes.NewReader(data), &out, model.NewAESConfiguration(user, "eigenaar", 256))
	return out.Bytes(), err
}

func TestRetrail(t *testing.T) {
	data := makePDF(0, "afgebroken download")
	cut := data[:bytes.Index(data, []byte("xref"))]
	if _, err := Read(context.Background(), cut); !errors.Is(err, ErrMalformed) {
		t.Fatalf("cut file: err = %v, want ErrMalformed", err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"trailer lost", cut},
		{"catalog lost", bytes.Replace(cut, []byte("/Type /Catalog"), []byte("/Type /Xatalog"), 1)},
		{"page tree lost", bytes.Replace(bytes.Replace(cut, []byte("/Type /Catalog"), []byte("/Type /Xatalog"), 1), []byte("/Type /Pages"), []byte("/Type /Xages"), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fixed, ok := Retrail(tt.data)
			if !ok {
				t.Fatal("not retrailed")
			}
			pages, err := Read(context.Background(), fixed)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(texts(pages), " "); got != "afgebroken download" {
				t.Errorf("words %q", got)
			}
		})
	}
	if _, ok := Retrail([]byte("%PDF-1.4\n1 0 obj << >> endobj\n")); ok {
		t.Error("retrailed a file without pages")
	}
}

// TestCorpus checks that PDFium finds the words and rules pdftext finds
// on every corpus PDF, in the same places: the engines stand in for each
// other.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the corpus twice")
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir(t), "*.pdf"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := pdftext.Read(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d pages, pdftext %d", len(got), len(want))
			}
			g, w := texts(got), texts(want)
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("word %d is %q, pdftext %q", i, g[i], w[i])
				}
			}
			if len(g) != len(w) {
				t.Fatalf("%d words, pdftext %d", len(g), len(w))
			}
			near := func(a, b float64) bool { return math.Abs(a-b) < 1 }
			var words, placed, rules, matched int
			for i := range want {
				if got[i].Trusted != want[i].Trusted {
					t.Errorf("page %d trusted %v (%s), pdftext %v (%s)", i+1, got[i].Trusted, got[i].Problem, want[i].Trusted, want[i].Problem)
				}
				for j, ww := range want[i].Words {
					gw := got[i].Words[j]
					words++
					if near(gw.X0, ww.X0) && near(gw.X1, ww.X1) && near(gw.Base, ww.Base) && near(gw.Size, ww.Size) {
						placed++
					}
				}
				for _, r := range want[i].Rules {
					rules++
					for _, q := range got[i].Rules {
						if near(r.X0, q.X0) && near(r.X1, q.X1) && near(r.Y0, q.Y0) && near(r.Y1, q.Y1) {
							matched++
							break
						}
					}
				}
			}
			t.Logf("%d of %d words placed within 1 pt, %d of %d rules", placed, words, matched, rules)
			if placed < words*95/100 || matched < rules*95/100 {
				t.Errorf("%d of %d words placed within 1 pt, %d of %d rules: want 95%%", placed, words, matched, rules)
			}
		})
	}
}

// corpusDir returns the folder of the sample corpus's documents.
func corpusDir(t testing.TB) string { return filepath.Join(testcorpus.Dir(t), "docs") }

func FuzzRetrail(f *testing.F) {
	data := makePDF(0, "zaad")
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("1 0 obj << /Type /Page >> endobj 2 0 obj << /Type /Pages /Parent 9 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fixed, ok := Retrail(data)
		if !ok {
			return
		}
		if !bytes.Contains(fixed, []byte("trailer")) || !bytes.Contains(fixed, []byte("/Root")) {
			t.Errorf("no trailer in %q", fixed)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpusDir(b), "seed-twenterand-2022.chromium.pdf"))
	if err != nil {
		b.Skip("no corpus")
	}
	if _, err := start(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(context.Background(), data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestVerdict(t *testing.T) {
	tests := []struct {
		name                                  string
		total, unmapped, odd, letters, images int
		trusted                               bool
		problem                               string
	}{
		{"text", 100, 0, 0, 80, 0, true, ""},
		{"blank", 0, 0, 0, 0, 0, true, ""},
		{"scan", 0, 0, 0, 0, 1, false, "no text layer"},
		{"few unmapped", 100, 10, 0, 70, 0, true, ""},
		{"unmapped", 100, 30, 0, 60, 0, false, "fonts without usable Unicode mapping: 30 of 100 glyphs unmapped"},
		{"private use", 100, 0, 40, 50, 0, false, "text decodes to private-use or control characters: 40 of 100 glyphs"},
		{"garbled", 100, 0, 0, 30, 0, false, "text looks garbled: only 30 of 100 glyphs are letters or digits"},
	}
	for _, tt := range tests {
		trusted, problem := verdict(tt.total, tt.unmapped, tt.odd, tt.letters, tt.images)
		if trusted != tt.trusted || problem != tt.problem {
			t.Errorf("%s: %v %q, want %v %q", tt.name, trusted, problem, tt.trusted, tt.problem)
		}
	}
}
