package damage

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

// TestDeflateRepeat checks the hand-written zlib stream: it must decode,
// checksum included, to "1 " repeated.
func TestDeflateRepeat(t *testing.T) {
	for _, size := range []int64{2, 260, 1 << 20} {
		zr, err := zlib.NewReader(bytes.NewReader(deflateRepeat(size)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if want := 2 + (size-2)/258*258; int64(len(got)) != want {
			t.Errorf("size %d: decoded %d bytes, want %d", size, len(got), want)
		}
		if !bytes.Equal(got, bytes.Repeat([]byte("1 "), len(got)/2)) {
			t.Errorf("size %d: decoded bytes are not \"1 \" repeated", size)
		}
	}
}

func TestMutations(t *testing.T) {
	data := Build(Spec{Pages: []Page{{Lines: []string{"a"}}}})
	tests := []struct {
		name string
		got  []byte
		same bool // same length as data
	}{
		{"zero", Zero(data, 1, 64), true},
		{"flip", Flip(data, 1, 5), true},
		{"shift", ShiftXRef(data, 7), true},
		{"header", Header(data, "2.0"), true},
		{"truncate", Truncate(data, 0.5), false},
	}
	for _, tt := range tests {
		if bytes.Equal(tt.got, data) {
			t.Errorf("%s changed nothing", tt.name)
		}
		if (len(tt.got) == len(data)) != tt.same {
			t.Errorf("%s: length %d, original %d", tt.name, len(tt.got), len(data))
		}
	}
	if !bytes.HasPrefix(Header(data, "2.0"), []byte("%PDF-2.0")) {
		t.Error("header not set")
	}
	if !bytes.Equal(Flip(data, 9, 5), Flip(data, 9, 5)) {
		t.Error("the same seed gave different bytes")
	}
}
