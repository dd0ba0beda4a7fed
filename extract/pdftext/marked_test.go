package pdftext

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestMarkedContent(t *testing.T) {
	const fonts = "/Font << /F1 " + helvetica + " >>"
	// mark is the MCID a word should carry; -1 for none.
	type want struct {
		text string
		mark int
	}
	tests := []struct {
		name    string
		content string
		extra   func(b *pdfBuilder) string
		want    []want
	}{
		{name: "inline properties",
			content: "BT /F1 10 Tf 100 700 Td /P <</MCID 0>> BDC (Hello) Tj EMC /P <</MCID 7>> BDC ( world) Tj EMC (out) Tj ET",
			want:    []want{{"Hello", 0}, {"world", 7}, {"out", -1}}},
		{name: "a word split where the MCID changes",
			content: "BT /F1 10 Tf 100 700 Td /Span <</MCID 1>> BDC (12) Tj EMC /Span <</MCID 2>> BDC (34) Tj EMC ET",
			want:    []want{{"12", 1}, {"34", 2}}},
		{name: "named properties",
			content: "/TD /MC0 BDC BT /F1 10 Tf 100 700 Td (cell) Tj ET EMC",
			extra: func(b *pdfBuilder) string {
				return "/Properties << /MC0 << /MCID 4 >> >>"
			},
			want: []want{{"cell", 4}}},
		{name: "BMC and BDC without MCID inherit",
			content: "/P <</MCID 3>> BDC /Span BMC /Span <</ActualText (x)>> BDC BT /F1 10 Tf 100 700 Td (inner) Tj ET EMC EMC EMC BT /F1 10 Tf 100 600 Td (after) Tj ET",
			want:    []want{{"inner", 3}, {"after", -1}}},
		{name: "unbalanced EMC",
			content: "EMC EMC /P <</MCID 5>> BDC BT /F1 10 Tf 100 700 Td (five) Tj ET",
			want:    []want{{"five", 5}}},
		{name: "form drawn inside marked content",
			content: "/P <</MCID 9>> BDC /X1 Do EMC",
			extra: func(b *pdfBuilder) string {
				x := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /G "+helvetica+" >> >>",
					"BT /G 10 Tf 100 700 Td (form) Tj ET")
				return fmt.Sprintf("/XObject << /X1 %d 0 R >>", x)
			},
			want: []want{{"form", 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			res := fonts
			if tt.extra != nil {
				res += " " + tt.extra(b)
			}
			data := b.build([]testPage{{content: tt.content, resources: res}}, "")
			pages, err := Read(context.Background(), data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			ws := pages[0].Words
			if len(ws) != len(tt.want) {
				t.Fatalf("words %v, want %v", texts(ws), tt.want)
			}
			for i, w := range tt.want {
				got := ws[i]
				mark := -1
				if got.HasMCID {
					mark = got.MCID
				}
				if got.Text != w.text || mark != w.mark {
					t.Errorf("word %d: %q MCID %d, want %q MCID %d", i, got.Text, mark, w.text, w.mark)
				}
			}
		})
	}
}

// A hostile stream opening marked content without end must not grow the
// stack without bound, nor lose the words.
func TestMarkedContentDeep(t *testing.T) {
	content := strings.Repeat("/P <</MCID 1>> BDC ", 5000) + "BT /F1 10 Tf 100 700 Td (deep) Tj ET" +
		strings.Repeat(" EMC", 5000) + " BT /F1 10 Tf 100 600 Td (flat) Tj ET"
	b := &pdfBuilder{}
	data := b.build([]testPage{{content: content, resources: "/Font << /F1 " + helvetica + " >>"}}, "")
	pages, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	ws := pages[0].Words
	if len(ws) != 2 || !ws[0].HasMCID || ws[0].MCID != 1 || ws[1].HasMCID {
		t.Errorf("words %+v", ws)
	}
}
