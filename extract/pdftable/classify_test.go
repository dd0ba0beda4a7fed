package pdftable

import (
	"testing"

	"github.com/jaarzoek/jaarzoek/extract/pdftext"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want kind
	}{
		{"514.907", kindNumber},
		{"1.039", kindNumber},
		{"-7.882", kindNumber},
		{"11,6%", kindNumber},
		{"85 %", kindNumber},
		{"- 328 N", kindNumber},
		{"66 V", kindNumber},
		{"4.977-", kindNumber},
		{"€ 1.000,-", kindNumber},
		{"2,0****", kindNumber},
		{"58**", kindNumber},
		{"350 kind", kindNumber},
		{"1 788", kindNumber},
		{"nnb", kindMiss},
		{"n.v.t.", kindMiss},
		{"-", kindMiss},
		{"–", kindMiss},
		{"Ntb", kindMiss},
		{"2021", kindYear},
		{"2018 (w)", kindYear},
		{"V", kindMark},
		{"€", kindMark},
		{"1.4 Thema", kindText},
		{"Thema Jeugd", kindText},
		{"Begroting 2019", kindText},
		{"CIV", kindText},
		{"1.2 Thema WMO", kindText},
	}
	for _, tt := range tests {
		if got := classify(tt.in); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSplitScale(t *testing.T) {
	tests := []struct{ in, unit, before string }{
		{"bedragen x € 1.000", "bedragen x € 1.000", ""},
		{"(x € 1.000)", "(x € 1.000)", ""},
		{"Beleidsveld: Jeugd bedragen x €1000", "bedragen x €1000", "Beleidsveld: Jeugd"},
		{"Programma (bedragen x € 1.000,-)", "(bedragen x € 1.000,-)", "Programma"},
	}
	for _, tt := range tests {
		u, b := splitScale(tt.in)
		if u != tt.unit || b != tt.before {
			t.Errorf("splitScale(%q) = %q, %q; want %q, %q", tt.in, u, b, tt.unit, tt.before)
		}
	}
}

func TestSkip(t *testing.T) {
	p := pdftext.Page{Number: 2, Trusted: true}
	add := func(text string, x, y float64) {
		p.Words = append(p.Words, pdftext.Word{Text: text, X0: x, X1: x + 5*float64(len(text)), Y0: y - 9, Y1: y + 2, Base: y, Size: 10})
	}
	add("Inleiding", 50, 60)
	add("Post", 50, 100)
	add("2022", 200, 100)
	add("2023", 260, 100)
	for i, v := range []string{"1.200", "1.300", "1.400"} {
		add("Regel"+v[:1], 50, 116+16*float64(i))
		add(v, 200, 116+16*float64(i))
		add(v, 260, 116+16*float64(i))
	}
	pages := []pdftext.Page{p}
	found := Find(pages)
	if len(found) != 1 {
		t.Fatalf("found %d tables", len(found))
	}
	skip := Skip(pages, found)
	if skip(2, p.Words[0]) {
		t.Errorf("heading word skipped")
	}
	for _, w := range p.Words[1:] {
		if !skip(2, w) {
			t.Errorf("table word %q not skipped", w.Text)
		}
	}
	if skip(1, p.Words[1]) {
		t.Errorf("word skipped on another page")
	}
}
