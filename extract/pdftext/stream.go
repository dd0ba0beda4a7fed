package pdftext

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"io"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// maxStreamBytes bounds one decoded stream, so a zip bomb cannot take the
// process's memory.
const maxStreamBytes = 256 << 20

// readStream returns the decoded bytes of a stream value. The library
// decodes Flate and ASCII85 and panics on other filters (LZW, ASCIIHex,
// RunLength, which older PDFs use for page content); for those the raw
// bytes are decoded here. A stream nobody can decode gives nil.
func (doc *docState) readStream(v pdf.Value) (data []byte) {
	if v.Kind() != pdf.Stream {
		return nil
	}
	defer func() {
		if recover() != nil {
			data = doc.decodeRaw(v)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, _ = io.ReadAll(io.LimitReader(rc, maxStreamBytes))
	return data
}

// decodeRaw decodes a stream from the file's bytes with the filters
// jaarzoek knows, or returns nil.
func (doc *docState) decodeRaw(v pdf.Value) (data []byte) {
	if doc == nil || doc.encrypted || doc.raw == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			data = nil
		}
	}()
	// The library keeps the stream's file offset unexported.
	s := reflect.ValueOf(v).FieldByName("data").Elem()
	if s.Kind() != reflect.Struct {
		return nil
	}
	off := s.FieldByName("offset")
	if !off.IsValid() {
		return nil
	}
	start, n := off.Int(), v.Key("Length").Int64()
	if start < 0 || n < 0 || start+n > int64(len(doc.raw)) {
		return nil
	}
	data = doc.raw[start : start+n]
	var filters []string
	switch f := v.Key("Filter"); f.Kind() {
	case pdf.Name:
		filters = []string{f.Name()}
	case pdf.Array:
		for i := 0; i < f.Len(); i++ {
			filters = append(filters, f.Index(i).Name())
		}
	}
	for _, f := range filters {
		var r io.Reader
		in := bytes.NewReader(data)
		switch f {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(in)
			if err != nil {
				return nil
			}
			r = zr
		case "LZWDecode", "LZW":
			early := v.Key("DecodeParms").Key("EarlyChange")
			r = bytes.NewReader(lzwDecode(data, early.Kind() != pdf.Integer || early.Int64() != 0))
		case "ASCII85Decode", "A85":
			if i := bytes.Index(data, []byte("~>")); i >= 0 {
				data = data[:i]
			}
			r = ascii85.NewDecoder(bytes.NewReader(bytes.TrimPrefix(bytes.TrimSpace(data), []byte("<~"))))
		case "ASCIIHexDecode", "AHx":
			r = bytes.NewReader(hexDecode(data))
		case "RunLengthDecode", "RL":
			r = bytes.NewReader(runLengthDecode(data))
		default:
			return nil
		}
		out, _ := io.ReadAll(io.LimitReader(r, maxStreamBytes))
		data = out
	}
	return data
}

func hexDecode(b []byte) []byte {
	var clean []byte
	for _, c := range b {
		if c == '>' {
			break
		}
		if unhex(c) >= 0 {
			clean = append(clean, c)
		}
	}
	if len(clean)%2 == 1 {
		clean = append(clean, '0')
	}
	out := make([]byte, len(clean)/2)
	hex.Decode(out, clean)
	return out
}

func runLengthDecode(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b) && len(out) < maxStreamBytes; {
		n := int(b[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(b))
			out = append(out, b[i:end]...)
			i = end
		case n > 128:
			if i < len(b) {
				out = append(out, bytes.Repeat(b[i:i+1], 257-n)...)
			}
			i++
		default:
			return out
		}
	}
	return out
}

// lzwDecode decodes PDF's LZW: codes of 9 to 12 bits, most significant
// bit first, 256 clears the table, 257 ends the data; with earlyChange
// (the default) the code width grows one code early, as in TIFF.
func lzwDecode(b []byte, earlyChange bool) []byte {
	var out []byte
	table := make([][]byte, 258, 4096)
	reset := func() {
		table = table[:258]
		for i := 0; i < 256; i++ {
			table[i] = []byte{byte(i)}
		}
	}
	reset()
	width := 9
	var prev []byte
	var acc uint32
	bits := 0
	early := 0
	if earlyChange {
		early = 1
	}
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= width {
			code := int(acc>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == 256:
				reset()
				width, prev = 9, nil
				continue
			case code == 257:
				return out
			}
			var entry []byte
			switch {
			case code < len(table):
				entry = table[code]
			case code == len(table) && prev != nil:
				entry = append(append([]byte(nil), prev...), prev[0])
			default:
				return out
			}
			out = append(out, entry...)
			if len(out) > maxStreamBytes {
				return out
			}
			if prev != nil && len(table) < 4096 {
				table = append(table, append(append([]byte(nil), prev...), entry[0]))
			}
			prev = entry
			if len(table)+early >= 1<<width && width < 12 {
				width++
			}
		}
	}
	return out
}
