package pdftext

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzInterpret runs arbitrary content streams on a page with a simple
// font, a CID font, a form and an image: no input may panic, and every
// word must have a box that straddles its baseline.
func FuzzInterpret(f *testing.F) {
	for _, s := range []string{
		"BT /F1 10 Tf 100 700 Td [(Hel) -50 (lo)] TJ ET",
		"q 2 0 0 2 0 0 cm BT /C1 12 Tf 1 0 0 1 10 10 Tm <00010002> Tj T* (x) ' ET Q",
		"BI /W 1 /H 1 ID \x00\x01 EI /X1 Do 0 0 10 10 re f 0 0 m 10 0 l S",
		"BT /F1 10 Tf 3 Tr 50 Tz 2 Ts 1 Tc 2 Tw 12 TL (a b) Tj 1 2 (c) \" ET",
	} {
		f.Add([]byte(s))
	}
	// Seed with the content streams of the corpus pages.
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	for i, path := range files {
		if i%4 != 0 {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		r, _, err := open(data)
		if err != nil {
			continue
		}
		refs := pageTree(r)
		if len(refs) > 0 {
			if c := (&docState{}).contents(refs[0].v.Key("Contents")); len(c) > 0 && len(c) < 64<<10 {
				f.Add(c)
			}
		}
	}
	b := &pdfBuilder{}
	cid := b.cidFont(true)
	form := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 "+helvetica+" >> >>", "BT /F1 5 Tf (form) Tj ET /X1 Do")
	res := "/Font << /F1 " + helvetica + " /C1 " + cid + " >> /XObject << /X1 " + itoa(form) + " 0 R >>"
	f.Fuzz(func(t *testing.T, content []byte) {
		bb := &pdfBuilder{objs: append([]string(nil), b.objs...)}
		data := bb.build([]testPage{{content: string(content), resources: res}}, "")
		pages, err := Read(context.Background(), data)
		if err != nil {
			// The content stream is inside the file; only a malformed
			// stream dictionary can make the file unreadable.
			return
		}
		for _, p := range pages {
			for _, w := range p.Words {
				if w.Text == "" || w.X1 < w.X0 || w.Y1 < w.Y0 {
					t.Fatalf("bad word %+v", w)
				}
			}
		}
		Blocks(pages, nil)
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// FuzzRead feeds whole files: whatever the bytes, Read returns pages or
// an error wrapping one of its sentinels, and never panics.
func FuzzRead(f *testing.F) {
	b := &pdfBuilder{}
	f.Add(b.build([]testPage{{content: "BT /F1 10 Tf 100 700 Td (Hallo) Tj ET", resources: "/Font << /F1 " + helvetica + " >>"}}, ""))
	b = &pdfBuilder{}
	cid := b.cidFont(true)
	f.Add(b.build([]testPage{{content: "BT /C1 10 Tf 100 700 Td <00010002> Tj ET", resources: "/Font << /C1 " + cid + " >>", attrs: "/Rotate 90"}}, ""))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := Read(context.Background(), data)
		if err != nil && pages == nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrEncrypted) {
			t.Fatalf("error without a sentinel: %v", err)
		}
		for _, p := range pages {
			for _, w := range p.Words {
				if w.Text == "" || w.X1 < w.X0 || w.Y1 < w.Y0 {
					t.Fatalf("bad word %+v", w)
				}
			}
		}
	})
}
