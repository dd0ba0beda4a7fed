package damage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/adler32"
)

// rawXRefStream writes objs (by number) as plain objects, then a
// cross-reference stream, object number size, with the given extra
// dictionary entries; rows gives the rows of objects not written here
// (object number → type, field 2, field 3), encoded by rowParams when
// not nil.
func rawXRefStream(objs map[int]object, rows map[int][3]int, size int, extra string, rowParams func([]byte) []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	table := make([][3]int, size+1) // the last row is the xref stream itself
	table[0] = [3]int{0, 0, 65535}
	for _, n := range sortedKeys(objs) {
		table[n] = [3]int{1, b.Len(), 0}
		writeObj(&b, n, objs[n])
	}
	for n, r := range rows {
		table[n] = r
	}
	xref := b.Len()
	table[size] = [3]int{1, xref, 0}
	var data []byte
	for _, r := range table {
		data = append(data, byte(r[0]))
		data = binary.BigEndian.AppendUint32(data, uint32(r[1]))
		data = binary.BigEndian.AppendUint16(data, uint16(r[2]))
	}
	if rowParams != nil {
		data = rowParams(data)
	}
	writeObj(&b, size, object{
		dict:   fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s", size+1, extra),
		stream: data,
	})
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// CyclicExtends returns a PDF whose page tree lives, by its
// cross-reference stream, in an object stream that does not hold it and
// /Extends a second object stream that /Extends the first: a reader that
// follows /Extends without remembering where it has been never stops.
func CyclicExtends() []byte {
	objStm := func(num int, other int) object {
		body := fmt.Sprintf("%d 0 <<>>\n", num)
		return object{
			dict:   fmt.Sprintf("/Type /ObjStm /N 1 /First %d /Extends %d 0 R", len(fmt.Sprintf("%d 0 ", num)), other),
			stream: []byte(body),
		}
	}
	objs := map[int]object{
		1:  {dict: "<< /Type /Catalog /Pages 2 0 R >>"},
		10: objStm(5, 11),
		11: objStm(6, 10),
	}
	rows := map[int][3]int{
		2: {2, 10, 0}, // in object stream 10, which holds only object 5
		5: {2, 10, 0},
		6: {2, 11, 0},
	}
	return rawXRefStream(objs, rows, 12, "", nil)
}

// HostileColumns returns a PDF whose cross-reference stream claims a PNG
// predictor with columns rows of 3 000 000 000 bytes: a reader that sizes
// its row buffers from /Columns asks for gigabytes.
func HostileColumns() []byte {
	objs := map[int]object{
		1: {dict: "<< /Type /Catalog /Pages 2 0 R >>"},
		2: {dict: "<< /Type /Pages /Kids [] /Count 0 >>"},
	}
	return rawXRefStream(objs, nil, 3, "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 3000000000 >>",
		func(rows []byte) []byte { return Deflate(rows) })
}

// Bomb returns a one-page PDF whose content stream is flate-encoded twice
// and decodes to size bytes of "1 1 1 …": numbers with no operator, which
// a content interpreter stacks as operands. The file stays a few kilobytes
// for a size of a gigabyte.
func Bomb(size int64) []byte {
	inner := deflateRepeat(size)
	objs := map[int]object{
		1: {dict: "<< /Type /Catalog /Pages 2 0 R >>"},
		2: {dict: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		3: {dict: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"},
		4: {dict: "/Filter [/FlateDecode /FlateDecode]", stream: Deflate(inner)},
	}
	w := &writer{}
	for n := 1; n <= 4; n++ {
		w.objs = append(w.objs, objs[n])
	}
	return w.bytes("1.7", 1)
}

// deflateRepeat returns a zlib stream that decodes to "1 " repeated to
// about size bytes, written by hand with fixed Huffman codes: two
// literals, then matches of length 258 at distance 2.
func deflateRepeat(size int64) []byte {
	var bw bitWriter
	bw.out = []byte{0x78, 0x01}
	bw.bits(1, 1) // final block
	bw.bits(1, 2) // fixed Huffman
	bw.code(0x30+'1', 8)
	bw.code(0x30+' ', 8)
	n := (size - 2) / 258
	for range n {
		bw.code(0xC0+(285-280), 8) // length 258
		bw.code(1, 5)              // distance 2
	}
	bw.code(0, 7) // end of block
	bw.flush()
	total := 2 + n*258
	chunk := bytes.Repeat([]byte("1 "), 1<<19)
	h := adler32.New()
	for left := total; left > 0; {
		k := min(left, int64(len(chunk)))
		h.Write(chunk[:k])
		left -= k
	}
	return binary.BigEndian.AppendUint32(bw.out, h.Sum32())
}

type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

// bits writes the n low bits of v, least significant first.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

// code writes a Huffman code of n bits, most significant first.
func (w *bitWriter) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	w.bits(r, n)
}

func (w *bitWriter) flush() {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc, w.nacc = 0, 0
	}
}

// CyclicPages returns a PDF whose page tree contains itself: a reader
// that walks /Kids without remembering where it has been never stops.
// One real page hangs off the cycle.
func CyclicPages() []byte {
	w := &writer{}
	w.add("<< /Type /Catalog /Pages 2 0 R >>")
	w.add("<< /Type /Pages /Kids [2 0 R 3 0 R 4 0 R] /Count 3 >>")
	w.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
	w.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>")
	w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	w.addStream("", []byte("BT /F1 12 Tf 72 800 Td (rondje) Tj ET"), "none")
	return w.bytes("1.7", 1)
}
