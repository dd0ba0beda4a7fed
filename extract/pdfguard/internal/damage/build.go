package damage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
)

// A Page is one page of a made PDF: lines of text in Helvetica 12 pt, one
// line per 16 pt from the top, and optionally drawings.
type Page struct {
	Lines []string
	// Image puts a 64×64 grey image over the page and no text at all,
	// as a scanner would.
	Image bool
	// Inline draws a small inline image (BI … ID … EI) before the text;
	// its binary data holds bytes that look like operators.
	Inline bool
}

// A Spec says how to write a made PDF.
type Spec struct {
	Version string // header version; "1.7" when empty
	Pages   []Page
	// ObjectStreams stores every non-stream object in one object stream
	// indexed by a cross-reference stream (PDF 1.5).
	ObjectStreams bool
	// Filter encodes page content: "" (FlateDecode), "none",
	// "ASCIIHexDecode" or "RunLengthDecode".
	Filter string
}

// Build writes the PDF described by s.
func Build(s Spec) []byte {
	w := newWriter()
	catalog := w.reserve()
	pages := w.reserve()
	font := w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, p := range s.Pages {
		var content bytes.Buffer
		res := fmt.Sprintf("/Font << /F1 %d 0 R >>", font)
		if p.Image {
			img := w.addStream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8", greyImage(64, 64), "FlateDecode")
			res += fmt.Sprintf(" /XObject << /Im1 %d 0 R >>", img)
			content.WriteString("q 595 0 0 842 0 0 cm /Im1 Do Q\n")
		}
		if p.Inline {
			// The data holds "EI" and "ET" inside, which a lexer must not
			// take for the end of the image.
			data := []byte("\x00EI ET\xff\x10 Tj)(\x80\x81")
			data = append(data, bytes.Repeat([]byte{0x7f}, 16-len(data)%16)...)
			fmt.Fprintf(&content, "q 40 0 0 40 50 700 cm BI /W 4 /H %d /CS /G /BPC 8 ID ", len(data)/4)
			content.Write(data)
			content.WriteString("\nEI Q\n")
		}
		if len(p.Lines) > 0 && !p.Image {
			content.WriteString("BT /F1 12 Tf\n")
			for i, line := range p.Lines {
				fmt.Fprintf(&content, "1 0 0 1 72 %d Tm (%s) Tj\n", 800-16*i, escape(line))
			}
			content.WriteString("ET\n")
		}
		filter := s.Filter
		if filter == "" {
			filter = "FlateDecode"
		}
		c := w.addStream("", content.Bytes(), filter)
		page := w.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>", pages, res, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	w.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	w.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	version := s.Version
	if version == "" {
		version = "1.7"
	}
	if s.ObjectStreams {
		return w.bytesObjStm(version, catalog)
	}
	return w.bytes(version, catalog)
}

// escape makes s a PDF literal string body in WinAnsi (Latin-1 for the
// letters used here).
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func greyImage(w, h int) []byte {
	b := make([]byte, w*h)
	for i := range b {
		b[i] = byte((i%w)*4 ^ (i/w)*4)
	}
	return b
}

type object struct {
	dict   string // the object, or the stream dictionary's entries
	stream []byte // nil: not a stream
}

type writer struct {
	objs []object // objs[i] is object i+1
}

func newWriter() *writer { return &writer{} }

func (w *writer) reserve() int {
	w.objs = append(w.objs, object{dict: "null"})
	return len(w.objs)
}

func (w *writer) set(n int, dict string) { w.objs[n-1] = object{dict: dict} }

func (w *writer) add(dict string) int {
	w.objs = append(w.objs, object{dict: dict})
	return len(w.objs)
}

// addStream adds a stream whose data is encoded with filter ("none" for
// raw); entries are extra dictionary entries.
func (w *writer) addStream(entries string, data []byte, filter string) int {
	enc, name := encode(data, filter)
	d := entries
	if name != "" {
		d += " /Filter /" + name
	}
	w.objs = append(w.objs, object{dict: d, stream: enc})
	return len(w.objs)
}

func encode(data []byte, filter string) ([]byte, string) {
	switch filter {
	case "none":
		return data, ""
	case "ASCIIHexDecode":
		const hex = "0123456789ABCDEF"
		out := make([]byte, 0, 2*len(data)+1)
		for i, c := range data {
			out = append(out, hex[c>>4], hex[c&15])
			if i%32 == 31 {
				out = append(out, '\n')
			}
		}
		return append(out, '>'), filter
	case "RunLengthDecode":
		var out []byte
		for len(data) > 0 {
			n := min(len(data), 128)
			out = append(out, byte(n-1))
			out = append(out, data[:n]...)
			data = data[n:]
		}
		return append(out, 128), filter
	default:
		return Deflate(data), "FlateDecode"
	}
}

// Deflate returns data zlib-compressed.
func Deflate(data []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func writeObj(b *bytes.Buffer, n int, o object) {
	fmt.Fprintf(b, "%d 0 obj\n", n)
	if o.stream == nil {
		b.WriteString(o.dict)
	} else {
		fmt.Fprintf(b, "<< %s /Length %d >>\nstream\n", o.dict, len(o.stream))
		b.Write(o.stream)
		b.WriteString("\nendstream")
	}
	b.WriteString("\nendobj\n")
}

// bytes writes a classic file: objects, an xref table and a trailer.
func (w *writer) bytes(version string, root int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	offs := make([]int, len(w.objs))
	for i, o := range w.objs {
		offs[i] = b.Len()
		writeObj(&b, i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(w.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, xref)
	return b.Bytes()
}

// bytesObjStm writes streams as plain objects and every other object
// inside one object stream, indexed by a cross-reference stream.
func (w *writer) bytesObjStm(version string, root int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	n := len(w.objs)
	objstm, xrefN := n+1, n+2
	type entry struct{ typ, a, b int }
	entries := make([]entry, n+3)
	entries[0] = entry{0, 0, 65535}
	var packed []int
	for i, o := range w.objs {
		if o.stream != nil {
			entries[i+1] = entry{1, b.Len(), 0}
			writeObj(&b, i+1, o)
			continue
		}
		packed = append(packed, i+1)
	}
	var head, body bytes.Buffer
	for idx, num := range packed {
		fmt.Fprintf(&head, "%d %d ", num, body.Len())
		body.WriteString(w.objs[num-1].dict)
		body.WriteByte('\n')
		entries[num] = entry{2, objstm, idx}
	}
	data := append(head.Bytes(), body.Bytes()...)
	entries[objstm] = entry{1, b.Len(), 0}
	writeObj(&b, objstm, object{
		dict:   fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", len(packed), head.Len()),
		stream: Deflate(data),
	})
	entries[xrefN] = entry{1, b.Len(), 0}
	var rows []byte
	for _, e := range entries {
		rows = append(rows, byte(e.typ))
		rows = binary.BigEndian.AppendUint32(rows, uint32(e.a))
		rows = binary.BigEndian.AppendUint16(rows, uint16(e.b))
	}
	xref := b.Len()
	writeObj(&b, xrefN, object{
		dict:   fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode", len(entries), root),
		stream: Deflate(rows),
	})
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// sortedKeys is used by hostile builders that address objects by number.
func sortedKeys(m map[int]object) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
