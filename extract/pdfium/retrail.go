package pdfium

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

var (
	objRE     = regexp.MustCompile(`(\d{1,10})\s+(\d{1,5})\s+obj\b`)
	typeRE    = regexp.MustCompile(`/Type\s*/(Catalog|Pages|Page)\b`)
	parentRE  = regexp.MustCompile(`/Parent\s+\d+\s+\d+\s+R`)
	endobjTok = []byte("endobj")
)

// Retrail returns data with a trailer appended that PDFium can start
// from, for a file whose own trailer is lost (a truncated download, a
// damaged tail). PDFium rebuilds the cross-references by scanning for
// objects but needs a trailer naming the catalog; Retrail names the last
// catalog object in the file or, when there is none, appends a catalog
// over the root of the page tree, or over every page found. ok is false
// when the file has no page objects outside object streams.
func Retrail(data []byte) (fixed []byte, ok bool) {
	type ref struct{ num, gen int }
	var catalog, pagesRoot *ref
	var pages []ref
	maxNum := 0
	for _, m := range objRE.FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		maxNum = max(maxNum, num)
		body := data[m[1]:]
		if e := bytes.Index(body, endobjTok); e >= 0 {
			body = body[:e]
		} else {
			body = body[:min(len(body), 4096)]
		}
		if s := bytes.Index(body, []byte("stream")); s >= 0 {
			body = body[:s]
		}
		t := typeRE.FindSubmatch(body)
		if t == nil {
			continue
		}
		r := ref{num, gen}
		switch string(t[1]) {
		case "Catalog":
			catalog = &r
		case "Pages":
			if !parentRE.Match(body) {
				pagesRoot = &r
			}
		case "Page":
			pages = append(pages, r)
		}
	}
	if len(pages) == 0 {
		return nil, false
	}
	var b bytes.Buffer
	// An object cut in the middle would swallow what follows it.
	if e := bytes.LastIndex(data, endobjTok); e >= 0 {
		data = data[:e+len(endobjTok)]
	}
	b.Write(data)
	b.WriteString("\n")
	next := maxNum + 1
	if catalog == nil {
		if pagesRoot == nil {
			// A page tree rebuilt from the pages alone: their /Parent
			// points at a lost node, so inherited resources are lost too,
			// but PDFium still reads text drawn with the fonts it finds.
			root := ref{next, 0}
			next++
			fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Pages /Count %d /Kids [", root.num, len(pages))
			for _, p := range pages {
				fmt.Fprintf(&b, " %d %d R", p.num, p.gen)
			}
			b.WriteString(" ] >>\nendobj\n")
			pagesRoot = &root
		}
		c := ref{next, 0}
		next++
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Catalog /Pages %d %d R >>\nendobj\n", c.num, pagesRoot.num, pagesRoot.gen)
		catalog = &c
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d %d R >>\n%%%%EOF\n", next, catalog.num, catalog.gen)
	return b.Bytes(), true
}
