package pdftext

import (
	"bytes"
	"compress/lzw"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// wantWord is a word expected on the first page; NaN fields are not
// checked.
type wantWord struct {
	text         string
	x0, x1, base float64
	size         float64
}

var nan = math.NaN()

func TestInterpret(t *testing.T) {
	const fonts = "/Font << /F1 " + helvetica + " /F2 " + timesBold + " /F3 " + courier + " /F4 " + widths500 + " /F5 " + helveticaDiff + " >>"
	tests := []struct {
		name    string
		content string
		extra   func(b *pdfBuilder) string // more resources
		attrs   string
		want    []wantWord
		width   float64 // page width as displayed; 0 means 612
	}{
		{name: "Td and standard 14 widths",
			content: "BT /F1 10 Tf 100 700 Td (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 122.78, 92, 10}}},
		{name: "TD sets leading for T*",
			content: "BT /F1 10 Tf 100 700 Td (A) Tj 0 -20 TD (B) Tj T* (C) Tj ET",
			want:    []wantWord{{"A", 100, nan, 92, 10}, {"B", 100, nan, 112, 10}, {"C", 100, nan, 132, 10}}},
		{name: "TL and quote operators",
			content: "BT /F1 10 Tf 14 TL 100 700 Td (A) Tj (B) ' 1 0 (C) \" ET",
			want:    []wantWord{{"A", 100, nan, 92, 10}, {"B", 100, nan, 106, 10}, {"C", 100, nan, 120, 10}}},
		{name: "TJ kerning within a word",
			content: "BT /F1 10 Tf 100 700 Td [(Hel) -50 (lo)] TJ ET",
			want:    []wantWord{{"Hello", 100, 123.28, 92, 10}}},
		{name: "TJ gap splits words",
			content: "BT /F1 10 Tf 100 700 Td [(Hel) -1000 (lo)] TJ ET",
			want:    []wantWord{{"Hel", 100, 115, 92, 10}, {"lo", 125, 132.78, 92, 10}}},
		{name: "explicit space splits words, Tw widens it",
			content: "BT /F1 10 Tf 2 Tw 100 700 Td (ab cd) Tj ET",
			want:    []wantWord{{"ab", 100, 111.12, 92, 10}, {"cd", 111.12 + 2.78 + 2, nan, 92, 10}}},
		{name: "Tc spaces characters",
			content: "BT /F3 10 Tf 0.5 Tc 100 700 Td (abc) Tj ET",
			want:    []wantWord{{"abc", 100, 119, 92, 10}}},
		{name: "Tz scales horizontally",
			content: "BT /F1 10 Tf 50 Tz 100 700 Td (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 111.39, 92, 10}}},
		{name: "Ts raises the baseline",
			content: "BT /F1 10 Tf 5 Ts 100 700 Td (x) Tj ET",
			want:    []wantWord{{"x", 100, nan, 87, 10}}},
		{name: "Tm with scaling",
			content: "BT /F1 1 Tf 12 0 0 12 100 700 Tm (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 100 + 2.278*12, 92, 12}}},
		{name: "cm scales text",
			content: "2 0 0 2 0 0 cm BT /F1 10 Tf 50 350 Td (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 145.56, 92, 20}}},
		{name: "q and Q restore the CTM",
			content: "q 1 0 0 1 200 0 cm Q BT /F1 10 Tf 100 700 Td (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 122.78, 92, 10}}},
		{name: "Times-Bold and Courier widths",
			content: "BT /F2 10 Tf 100 700 Td (Hi) Tj /F3 10 Tf 0 -20 Td (Hello) Tj ET",
			want:    []wantWord{{"Hi", 100, 110.56, 92, 10}, {"Hello", 100, 130, 112, 10}}},
		{name: "font Widths array",
			content: "BT /F4 10 Tf 100 700 Td (Hello) Tj ET",
			want:    []wantWord{{"Hello", 100, 125, 92, 10}}},
		{name: "Differences and ligature",
			content: "BT /F5 10 Tf 100 700 Td (Ane) Tj ET",
			want:    []wantWord{{"fine", 100, 100 + (0.5+0.556+0.556)*10, 92, 10}}},
		{name: "CID font with W and ToUnicode",
			content: "BT /C1 10 Tf 100 700 Td <000100020003000A000B> Tj ET",
			extra:   func(b *pdfBuilder) string { return "/Font << /C1 " + b.cidFont(true) + " >>" },
			want:    []wantWord{{"AB\uFFFDab", 100, 100 + 6 + 7 + 10 + 4 + 4, 92, 10}}},
		{name: "form XObject with matrix and own resources",
			content: "q 1 0 0 1 0 -100 cm /X1 Do Q",
			extra: func(b *pdfBuilder) string {
				x := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 50 0] /Resources << /Font << /G "+helvetica+" >> >>",
					"BT /G 10 Tf 100 700 Td (Form) Tj ET")
				return fmt.Sprintf("/XObject << /X1 %d 0 R >>", x)
			},
			want: []wantWord{{"Form", 150, nan, 192, 10}}},
		{name: "inline image skipped",
			content: "q 10 0 0 10 0 0 cm BI /W 4 /H 1 /BPC 8 /CS /G ID \x00EI\xff(\x01 EI Q BT /F1 10 Tf 100 700 Td (after) Tj ET",
			want:    []wantWord{{"after", 100, nan, 92, 10}}},
		{name: "rotated page",
			content: "BT /F1 10 Tf 100 700 Td (Hello) Tj ET",
			attrs:   "/Rotate 90",
			width:   792,
			want:    []wantWord{{"Hello", nan, nan, 700, 10}}},
		{name: "crop box moves the origin",
			content: "BT /F1 10 Tf 100 700 Td (Hello) Tj ET",
			attrs:   "/CropBox [50 0 562 742]",
			width:   512,
			want:    []wantWord{{"Hello", 50, 72.78, 42, 10}}},
		{name: "text off the page is dropped",
			content: "BT /F1 10 Tf -500 700 Td (gone) Tj 600 0 Td (kept) Tj ET",
			want:    []wantWord{{"kept", 100, nan, 92, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			res := fonts
			if tt.extra != nil {
				extra := tt.extra(b)
				if strings.HasPrefix(extra, "/Font") {
					res = extra
				} else {
					res += " " + extra
				}
			}
			data := b.build([]testPage{{content: tt.content, resources: res, attrs: tt.attrs}}, "")
			pages, err := Read(context.Background(), data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			p := pages[0]
			wantW := tt.width
			if wantW == 0 {
				wantW = 612
			}
			if math.Abs(p.Width-wantW) > 0.01 {
				t.Errorf("page width %.2f, want %.2f", p.Width, wantW)
			}
			if len(p.Words) != len(tt.want) {
				t.Fatalf("got %d words %v, want %d", len(p.Words), texts(p.Words), len(tt.want))
			}
			for i, w := range tt.want {
				g := p.Words[i]
				if g.Text != w.text {
					t.Errorf("word %d: text %q, want %q", i, g.Text, w.text)
				}
				check := func(field string, got, want float64) {
					if !math.IsNaN(want) && math.Abs(got-want) > 0.01 {
						t.Errorf("word %d %q: %s = %.3f, want %.3f", i, g.Text, field, got, want)
					}
				}
				check("X0", g.X0, w.x0)
				check("X1", g.X1, w.x1)
				check("Base", g.Base, w.base)
				if tt.attrs == "/Rotate 90" {
					// The text runs down the displayed page.
					check("Y0", g.Y0, 100)
					check("Y1", g.Y1, 122.78)
					continue
				}
				check("Size", g.Size, w.size)
				if g.Y0 >= g.Base || g.Y1 <= g.Base {
					t.Errorf("word %d %q: box %.2f–%.2f does not straddle baseline %.2f", i, g.Text, g.Y0, g.Y1, g.Base)
				}
			}
		})
	}
}

func texts(ws []Word) []string {
	var s []string
	for _, w := range ws {
		s = append(s, w.Text)
	}
	return s
}

func TestRules(t *testing.T) {
	b := &pdfBuilder{}
	content := "0 0 0 RG 1 w 100 100 m 300 100 l S " + // horizontal line
		"2 w 50 50 m 50 150 l S " + // vertical line
		"0 g 100 200 200 0.5 re f " + // thin filled rectangle
		"1 g 100 300 200 20 re f " + // white fill: invisible
		"0.5 g 100 400 200 20 re f " + // shading
		"100 500 m 150 550 l S " + // diagonal: not a rule
		"100 600 50 50 re W n" // clip only
	data := b.build([]testPage{{content: content}}, "")
	pages, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Rule{
		{100, 691.5, 300, 692.5},
		{49, 642, 51, 742},
		{100, 591.5, 300, 592},
		{100, 372, 300, 392},
	}
	got := pages[0].Rules
	if len(got) != len(want) {
		t.Fatalf("got %d rules %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if math.Abs(g.X0-w.X0) > 0.01 || math.Abs(g.Y0-w.Y0) > 0.01 || math.Abs(g.X1-w.X1) > 0.01 || math.Abs(g.Y1-w.Y1) > 0.01 {
			t.Errorf("rule %d = %v, want %v", i, g, w)
		}
	}
}

func TestVerdict(t *testing.T) {
	tests := []struct {
		name    string
		page    func(b *pdfBuilder) testPage
		trusted bool
		problem string
	}{
		{"mapped text", func(b *pdfBuilder) testPage {
			return testPage{content: "BT /F1 10 Tf 100 700 Td (Gewoon leesbare tekst) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"}
		}, true, ""},
		{"CID font without ToUnicode", func(b *pdfBuilder) testPage {
			return testPage{content: "BT /C1 10 Tf 100 700 Td <0001000200030004> Tj ET", resources: "/Font << /C1 " + b.cidFont(false) + " >>"}
		}, false, "fonts without usable Unicode mapping"},
		{"scan", func(b *pdfBuilder) testPage {
			img := b.stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", "\x80")
			return testPage{content: "q 612 0 0 792 0 0 cm /Im1 Do Q", resources: fmt.Sprintf("/XObject << /Im1 %d 0 R >>", img)}
		}, false, "no text layer"},
		{"empty page", func(b *pdfBuilder) testPage { return testPage{content: ""} }, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			data := b.build([]testPage{tt.page(b)}, "")
			pages, err := Read(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			if p.Trusted != tt.trusted || !strings.Contains(p.Problem, tt.problem) || (tt.problem == "" && p.Problem != "") {
				t.Errorf("Trusted=%v Problem=%q, want %v %q", p.Trusted, p.Problem, tt.trusted, tt.problem)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	good := (&pdfBuilder{}).build([]testPage{{content: "BT /F1 10 Tf 100 700 Td (x) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"}}, "")
	encrypted := (&pdfBuilder{}).build([]testPage{{content: ""}}, "/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /O (x) /U (y) /P -4 >> /ID [(a) (a)]")
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a pdf", []byte("<html>hello</html>"), ErrMalformed},
		{"truncated", good[:len(good)/2], ErrMalformed},
		{"encrypted", encrypted, ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Read(context.Background(), tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if pages != nil {
				t.Errorf("got %d pages with a fatal error", len(pages))
			}
		})
	}
	// Lenient header: PDF 2.0 and bytes after %%EOF.
	v2 := append([]byte("%PDF-2.0"), good[8:]...)
	v2 = append(v2, "\n\x00\x00junk"...)
	pages, err := Read(context.Background(), v2)
	if err != nil || len(pages) != 1 || len(pages[0].Words) != 1 {
		t.Errorf("PDF 2.0 with trailing junk: %d pages, err %v", len(pages), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, good); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled ctx: err = %v", err)
	}
}

func TestRunning(t *testing.T) {
	b := &pdfBuilder{}
	res := "/Font << /F1 " + helvetica + " >>"
	var pages []testPage
	for i := 1; i <= 3; i++ {
		pages = append(pages, testPage{resources: res, content: fmt.Sprintf(
			"BT /F1 8 Tf 50 770 Td (Jaarstukken 2022) Tj ET "+
				"BT /F1 10 Tf 50 %d Td (Tekst op pagina %d) Tj ET "+
				"BT /F1 8 Tf 280 20 Td (Pagina %d van 3) Tj ET "+
				"BT /F1 8 Tf %d 40 Td (%d) Tj ET", 700-20*i, i, i, 300+10*i, 10+i)})
	}
	got, err := Read(context.Background(), b.build(pages, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		for _, w := range p.Words {
			wantRunning := !strings.HasPrefix(w.Text, "Tekst") && w.Text != "op" && w.Text != "pagina" && !(w.Base < 200 && w.Base > 100)
			if w.Base > 100 && w.Base < 700 {
				wantRunning = false
			}
			if w.Running != wantRunning {
				t.Errorf("page %d word %q at %.0f: Running=%v, want %v", p.Number, w.Text, w.Base, w.Running, wantRunning)
			}
		}
	}
}

// TestStreamFilters reads page content behind the filters the library
// does not decode.
func TestStreamFilters(t *testing.T) {
	content := "BT /F1 10 Tf 100 700 Td (Hello) Tj ET"
	var lz bytes.Buffer
	w := lzw.NewWriter(&lz, lzw.MSB, 8)
	w.Write([]byte(content))
	w.Close()
	tests := []struct {
		name, dict, data string
	}{
		{"LZW without early change", "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", lz.String()},
		{"ASCIIHex", "/Filter /ASCIIHexDecode", hex.EncodeToString([]byte(content)) + ">"},
		{"RunLength", "/Filter /RunLengthDecode", string(rune(len(content)-1)) + content + "\x80"},
		{"ASCIIHex then RunLength", "/Filter [/ASCIIHexDecode /RunLengthDecode]", hex.EncodeToString(append([]byte{byte(len(content) - 1)}, content+"\x80"...)) + ">"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			c := b.stream(tt.dict, tt.data)
			// A later /Contents overrides the builder's empty one.
			data := b.build([]testPage{{content: "", resources: "/Font << /F1 " + helvetica + " >>", attrs: fmt.Sprintf("/Contents [%d 0 R]", c)}}, "")
			pages, err := Read(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(pages[0].Words); len(got) != 1 || got[0] != "Hello" {
				t.Errorf("words %v, want [Hello]", got)
			}
		})
	}
	// PDF's default LZW grows the code width one code early.
	if got := string(lzwDecode([]byte{0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01}, true)); got != "-----A---B" {
		t.Errorf("lzwDecode(spec example) = %q", got)
	}
}

// TestPagePanic: a page whose objects make the library panic comes back
// with its Problem set and a *PageError; the other pages are read. A font
// that cannot be read costs only its own text.
func TestPagePanic(t *testing.T) {
	b := &pdfBuilder{}
	f := b.add(helvetica)
	res := "/Font << /F1 " + helvetica + fmt.Sprintf(" /F2 %d 0 R >>", f)
	data := b.build([]testPage{
		{content: "BT /F1 10 Tf 100 700 Td (Hello) Tj /F2 10 Tf (lost) Tj ET", resources: res},
		{content: "BT /F1 10 Tf 100 700 Td (Bye) Tj ET", resources: res},
	}, "")
	// Break object headers without moving any offset: the font's, and
	// that of the second page's content stream.
	// breakObj spoils the header of the object that holds data[i].
	breakObj := func(i int) { copy(data[bytes.LastIndex(data[:i], []byte(" obj")):], " xyz") }
	breakObj(bytes.Index(data, []byte("/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj")))
	breakObj(bytes.Index(data, []byte("(Bye)")))
	pages, _, err := read(context.Background(), data)
	var pe *PageError
	if !errors.As(err, &pe) || pe.Page != 2 || !errors.Is(err, ErrMalformed) {
		t.Fatalf("err = %v, want a *PageError for page 2 wrapping ErrMalformed", err)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages", len(pages))
	}
	if p := pages[0]; len(p.Words) != 1 || p.Words[0].Text != "Hello" || p.Trusted || !strings.Contains(p.Problem, "fonts missing or unreadable") {
		t.Errorf("page 1: words %v, Trusted=%v Problem=%q", texts(p.Words), p.Trusted, p.Problem)
	}
	if p := pages[1]; p.Trusted || !strings.Contains(p.Problem, "could not be read") || p.Number != 2 {
		t.Errorf("page 2: Trusted=%v Problem=%q", p.Trusted, p.Problem)
	}
	// Read rebuilds the cross-reference table from the objects it finds:
	// the broken objects are then missing rather than fatal.
	pages, err = Read(context.Background(), data)
	if err != nil || len(pages) != 2 || pages[0].Trusted || pages[1].Trusted || pages[1].Problem != "no text found in a damaged file" {
		t.Errorf("after rebuilding: err %v, pages %+v", err, pages)
	}
}

// TestRebuildXref reads files whose cross-reference data is wrong or
// missing.
func TestRebuildXref(t *testing.T) {
	b := &pdfBuilder{}
	good := b.build([]testPage{
		{content: "BT /F1 10 Tf 100 700 Td (Een) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"},
		{content: "BT /F1 10 Tf 100 700 Td (Twee) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"},
	}, "/Info << /Title (Titel) >>")
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	tests := []struct {
		name string
		data []byte
	}{
		{"wrong startxref", append(append([]byte{}, good[:bytes.LastIndex(good, []byte("startxref"))]...), "startxref\n999999\n%%EOF\n"...)},
		{"offsets shifted", append([]byte("%PDF-1.7\n%junk junk\n"), good[len("%PDF-1.7\n"):]...)},
		{"truncated before the table", good[:xref]},
		{"bytes before the header", append([]byte("Content-Type: application/pdf\r\n\r\n"), good...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Read(context.Background(), tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 2 || texts(pages[0].Words)[0] != "Een" || texts(pages[1].Words)[0] != "Twee" {
				t.Errorf("pages %+v", pages)
			}
		})
	}
}

// TestFormRecursion: a form that draws itself twice ends, within the
// page's operator budget.
func TestFormRecursion(t *testing.T) {
	b := &pdfBuilder{}
	// The form refers to itself: object number of the stream about to be added.
	self := len(b.objs) + 1
	b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 %d 0 R >> /Font << /G %s >> >>", self, helvetica),
		"/X1 Do /X1 Do BT /G 10 Tf 100 700 Td (x) Tj ET")
	data := b.build([]testPage{{content: "/X1 Do", resources: fmt.Sprintf("/XObject << /X1 %d 0 R >>", self)}}, "")
	start := time.Now()
	pages, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages[0].Words) != 1 || time.Since(start) > 20*time.Second {
		t.Errorf("words %v after %v", texts(pages[0].Words), time.Since(start))
	}
}

// TestDefuse: files whose cross-reference sections point at each other
// are read instead of looping.
func TestDefuse(t *testing.T) {
	b := &pdfBuilder{}
	good := b.build([]testPage{{content: "BT /F1 10 Tf 100 700 Td (Een) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"}}, "")
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	// A trailer whose /Prev is its own table.
	loop := bytes.Replace(good, []byte("trailer\n<<"), []byte(fmt.Sprintf("trailer\n<< /Prev %d", xref)), 1)
	done := make(chan error, 1)
	go func() {
		_, err := Read(context.Background(), loop)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("err = %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Read loops on a /Prev cycle")
	}
}
