package pdftext

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// rebuildXref returns data with a new cross-reference section appended,
// made by scanning the file for "n g obj" headers and reading the object
// streams it finds, as viewers do when a file's own table is broken
// (offsets shifted by an editor, a wrong startxref, a truncated
// download). ok is false when the scan finds no catalog.
func rebuildXref(data []byte) (out []byte, ok bool) {
	type entry struct {
		kind     byte // 1 in the file, 2 in an object stream
		off, gen int  // offset and generation, or stream number and index
	}
	entries := map[int]entry{}
	var objStms []int
	root, info, encrypt := "", "", ""
	var id []byte
	for i := 0; i < len(data); {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		p := i + j
		i = p + 3
		if p >= 3 && string(data[p-3:p]) == "end" || p+3 < len(data) && !isWhite(data[p+3]) && !isDelimiter(data[p+3]) {
			continue
		}
		num, gen, start, okh := objHeader(data, p)
		if !okh {
			continue
		}
		entries[num] = entry{1, start, gen}
		body := data[p+3 : min(len(data), p+3+4096)]
		if e := bytes.Index(body, []byte("endobj")); e >= 0 {
			body = body[:e]
		}
		if bytes.Contains(body, []byte("/ObjStm")) {
			objStms = append(objStms, num)
		}
		if root == "" && isCatalog(body) {
			root = fmt.Sprintf("%d %d R", num, gen)
		}
	}
	// Trailer entries, the last one of each kind winning.
	for _, key := range []string{"trailer", "/XRef"} {
		for i := 0; ; {
			j := bytes.Index(data[i:], []byte(key))
			if j < 0 {
				break
			}
			// A cross-reference stream may name its keys before /Type.
			t := data[max(0, i+j-1024):min(len(data), i+j+2048)]
			if key == "trailer" {
				t = data[i+j : min(len(data), i+j+2048)]
			}
			if r := refAfter(t, "/Root"); r != "" {
				root = r
			}
			if r := refAfter(t, "/Info"); r != "" {
				info = r
			}
			if r := refAfter(t, "/Encrypt"); r != "" {
				encrypt = r
			}
			if k := bytes.Index(t, []byte("/ID")); k >= 0 {
				if e := bytes.IndexByte(t[k:], ']'); e >= 0 {
					id = t[k : k+e+1]
				}
			}
			i += j + len(key)
		}
	}
	// Objects inside object streams (not readable here when encrypted).
	if encrypt == "" {
		for _, sn := range objStms {
			nums, cat := objStmContents(data, entries[sn].off)
			for idx, n := range nums {
				if _, direct := entries[n]; !direct {
					entries[n] = entry{2, sn, idx}
				}
			}
			if root == "" && cat >= 0 {
				root = fmt.Sprintf("%d 0 R", cat)
			}
		}
	}
	if root == "" || len(entries) == 0 {
		return nil, false
	}
	maxNum := 0
	for n := range entries {
		maxNum = max(maxNum, n)
	}
	self := maxNum + 1
	rows := make([]byte, 0, 7*(self+1))
	for n := 0; n <= self; n++ {
		e, ok := entries[n]
		var row [7]byte
		if ok {
			row[0] = e.kind
			binary.BigEndian.PutUint32(row[1:5], uint32(e.off))
			binary.BigEndian.PutUint16(row[5:7], uint16(e.gen))
		}
		rows = append(rows, row[:]...)
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(rows) + 256)
	b.Write(data)
	b.WriteString("\n")
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s", self, self+1, root)
	if info != "" {
		fmt.Fprintf(&b, " /Info %s", info)
	}
	if encrypt != "" {
		fmt.Fprintf(&b, " /Encrypt %s", encrypt)
	}
	if id != nil {
		b.WriteString(" ")
		b.Write(id)
	}
	fmt.Fprintf(&b, " /Length %d >>\nstream\n", len(rows))
	b.Write(rows)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off)
	return b.Bytes(), true
}

// objHeader reads "num gen" before the "obj" at p; start is where num
// begins.
func objHeader(data []byte, p int) (num, gen, start int, ok bool) {
	k := p
	skipWhite := func() {
		for k > 0 && isWhite(data[k-1]) {
			k--
		}
	}
	digits := func() (int, bool) {
		e := k
		for k > 0 && data[k-1] >= '0' && data[k-1] <= '9' && e-k < 10 {
			k--
		}
		if k == e {
			return 0, false
		}
		v, err := strconv.Atoi(string(data[k:e]))
		return v, err == nil
	}
	skipWhite()
	gen, ok1 := digits()
	skipWhite()
	num, ok2 := digits()
	if !ok1 || !ok2 || num <= 0 || gen > 65535 || k > 0 && !isWhite(data[k-1]) && !isDelimiter(data[k-1]) {
		return 0, 0, 0, false
	}
	return num, gen, k, true
}

func isCatalog(body []byte) bool {
	for _, s := range []string{"/Type/Catalog", "/Type /Catalog"} {
		if bytes.Contains(body, []byte(s)) {
			return true
		}
	}
	return false
}

// refAfter returns the indirect reference "n g R" following key in t.
func refAfter(t []byte, key string) string {
	k := bytes.Index(t, []byte(key))
	if k < 0 {
		return ""
	}
	f := bytes.Fields(t[k+len(key):])
	if len(f) < 3 {
		return ""
	}
	r := f[2]
	if len(r) > 0 && r[0] == 'R' {
		if _, err := strconv.Atoi(string(f[0])); err == nil {
			if _, err := strconv.Atoi(string(f[1])); err == nil {
				return string(f[0]) + " " + string(f[1]) + " R"
			}
		}
	}
	return ""
}

// objStmContents lists the object numbers in the object stream whose
// header starts at off, and which of them is the catalog (-1 if none).
func objStmContents(data []byte, off int) (nums []int, catalog int) {
	catalog = -1
	s := bytes.Index(data[off:], []byte("stream"))
	if s < 0 {
		return nil, -1
	}
	dict := data[off : off+s]
	p := off + s + len("stream")
	if p < len(data) && data[p] == '\r' {
		p++
	}
	if p < len(data) && data[p] == '\n' {
		p++
	}
	n, first := intAfter(dict, "/N"), intAfter(dict, "/First")
	if n <= 0 || first <= 0 || n > 1<<20 {
		return nil, -1
	}
	var body []byte
	if bytes.Contains(dict, []byte("/FlateDecode")) {
		zr, err := zlib.NewReader(bytes.NewReader(data[p:]))
		if err != nil {
			return nil, -1
		}
		body, _ = io.ReadAll(io.LimitReader(zr, maxStreamBytes))
	} else if !bytes.Contains(dict, []byte("/Filter")) {
		body = data[p:]
	} else {
		return nil, -1
	}
	f := bytes.Fields(body[:min(first, len(body))])
	type member struct{ num, off int }
	var ms []member
	for i := 0; i+1 < len(f) && len(ms) < n; i += 2 {
		num, err1 := strconv.Atoi(string(f[i]))
		o, err2 := strconv.Atoi(string(f[i+1]))
		if err1 != nil || err2 != nil {
			break
		}
		ms = append(ms, member{num, o})
		nums = append(nums, num)
	}
	sorted := append([]member(nil), ms...)
	sort.Slice(sorted, func(a, b int) bool { return sorted[a].off < sorted[b].off })
	for i, m := range sorted {
		lo := first + m.off
		hi := len(body)
		if i+1 < len(sorted) {
			hi = first + sorted[i+1].off
		}
		if lo >= 0 && lo < hi && hi <= len(body) && isCatalog(body[lo:hi]) {
			catalog = m.num
		}
	}
	return nums, catalog
}

func intAfter(t []byte, key string) int {
	for i := 0; ; {
		k := bytes.Index(t[i:], []byte(key))
		if k < 0 {
			return -1
		}
		rest := t[i+k+len(key):]
		i += k + len(key)
		// "/N" must not match "/Name".
		if len(rest) > 0 && !isWhite(rest[0]) {
			continue
		}
		f := bytes.Fields(rest)
		if len(f) == 0 {
			return -1
		}
		v, err := strconv.Atoi(string(f[0]))
		if err != nil {
			return -1
		}
		return v
	}
}

// defuse patches, without moving any offset, the two structures on which
// the library loops forever: a cycle of /Prev links between
// cross-reference sections, and /Extends links between object streams
// (followed only for an object missing from its stream, which is broken
// anyway).
func defuse(data []byte) []byte {
	copied := false
	patch := func(at int, with string) {
		if !copied {
			data = append([]byte(nil), data...)
			copied = true
		}
		copy(data[at:], with)
	}
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("/Extends"))
		if k < 0 {
			break
		}
		patch(i+k, "/Extendx")
		i += k + len("/Extends")
	}
	sx := bytes.LastIndex(data, []byte("startxref"))
	if sx < 0 {
		return data
	}
	f := bytes.Fields(data[sx+len("startxref") : min(len(data), sx+40)])
	if len(f) == 0 {
		return data
	}
	off, err := strconv.Atoi(string(f[0]))
	if err != nil {
		return data
	}
	seen := map[int]bool{}
	prevAt := -1
	for steps := 0; steps < 1024 && off >= 0 && off < len(data); steps++ {
		if seen[off] {
			if prevAt >= 0 {
				patch(prevAt, "/Prex")
			}
			return data
		}
		seen[off] = true
		// The section's dictionary: the trailer after a table, or the
		// cross-reference stream's own.
		region := data[off:min(len(data), off+1<<16)]
		start := off
		if bytes.HasPrefix(region, []byte("xref")) {
			t := bytes.Index(region, []byte("trailer"))
			if t < 0 {
				return data
			}
			region, start = region[t:], off+t
		}
		if e := bytes.Index(region, []byte("stream")); e >= 0 {
			region = region[:e]
		}
		if e := bytes.Index(region, []byte("startxref")); e >= 0 {
			region = region[:e]
		}
		k := bytes.Index(region, []byte("/Prev"))
		if k < 0 {
			return data
		}
		next := intAfter(region[k:], "/Prev")
		if next < 0 {
			return data
		}
		prevAt, off = start+k, next
	}
	return data
}
