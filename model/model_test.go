package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestSourceErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *SourceError
		want string
	}{
		{"full", &SourceError{Source: "jaarstukken-2022.pdf", Stage: StageNormalize, Pos: Pos{Page: 3, Table: 2, Row: 4, Col: 1}, Err: errors.New("bad number")},
			"jaarstukken-2022.pdf: page 3, table 2, row 4, col 1: normalize: bad number"},
		{"no pos", &SourceError{Source: "a.html", Stage: StageExtract, Err: errors.New("extract: not html")},
			"a.html: extract: not html"},
		{"page only", &SourceError{Source: "a.pdf", Stage: StageExtract, Pos: Pos{Page: 2}, Err: errors.New("no text layer")},
			"a.pdf: page 2: extract: no text layer"},
		{"html cell", &SourceError{Source: "a.html", Stage: StageNormalize, Pos: Pos{Table: 1}, Err: errors.New("x")},
			"a.html: table 1, row 0, col 0: normalize: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSourceErrorUnwrap(t *testing.T) {
	err := AsSourceError(io.ErrUnexpectedEOF, "a.pdf", StageExtract)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatal("errors.Is does not see the cause")
	}
	if again := AsSourceError(err, "other", StageIndex); again != err {
		t.Fatal("an existing SourceError was wrapped again")
	}
	if AsSourceError(nil, "a", "b") != nil {
		t.Fatal("nil error became non-nil")
	}
}

func TestRecordJSONContract(t *testing.T) {
	v := 328000.0
	r := Record{ID: "x", DocInfo: DocInfo{Doc: "sha256:ab", Format: FormatHTML}, Pos: Pos{Table: 1, Row: 2, Col: 3}, Value: &v, Scale: 1000, Status: StatusOK}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Fields(`id doc source format gemeente gemeente_code doc_kind doc_year section page table row col
		row_path indicator indicator_key indicator_id taakveld column period period_kind value unit unit_text scale raw marks note bron status scope check`) {
		if _, ok := m[f]; !ok {
			t.Errorf("field %q missing from record JSON", f)
		}
	}
	if m["value"] != 328000.0 || m["table"] != 1.0 || m["col"] != 3.0 {
		t.Errorf("wrong values in %s", b)
	}
	r.Value = nil
	b, _ = json.Marshal(r)
	if strings.Contains(string(b), `"value"`) {
		t.Errorf("value present without a number: %s", b)
	}
}

func TestIDsStable(t *testing.T) {
	a := RecordID("sha256:1", Pos{Table: 1, Row: 2, Col: 3}, 0)
	if a != RecordID("sha256:1", Pos{Table: 1, Row: 2, Col: 3}, 0) {
		t.Fatal("RecordID not stable")
	}
	if a == RecordID("sha256:1", Pos{Table: 1, Row: 23, Col: 0}, 0) {
		t.Fatal("RecordID collides on row/col concatenation")
	}
	if PassageID("sha256:1", 1) == PassageID("sha256:1", 2) {
		t.Fatal("PassageID collides")
	}
}

// TestIDBytes pins the bytes the ids hash: doc, then a NUL and the decimal
// digits of each number, as the id scheme was first written.
func TestIDBytes(t *testing.T) {
	stream := func(prefix, doc string, parts ...string) string {
		h := sha256.New()
		h.Write([]byte(doc))
		for _, p := range parts {
			h.Write([]byte(p))
		}
		return prefix + hex.EncodeToString(h.Sum(nil)[:12])
	}
	for _, doc := range []string{"", "sha256:1", "sha256:" + strings.Repeat("ab", 32), strings.Repeat("x", 500)} {
		for _, p := range []Pos{{}, {Table: 1, Row: 2, Col: 3}, {Table: -1, Row: 123456789, Col: 0}} {
			for _, off := range []int{0, 7, 1 << 40, -3} {
				want := stream("f", doc, "\x00"+strconv.Itoa(p.Table), "\x00"+strconv.Itoa(p.Row), "\x00"+strconv.Itoa(p.Col), "\x00"+strconv.Itoa(off))
				if got := RecordID(doc, p, off); got != want {
					t.Errorf("RecordID(%q, %+v, %d) = %s, want %s", doc, p, off, got, want)
				}
			}
		}
		for _, seq := range []int{0, 1, 99999} {
			if got, want := PassageID(doc, seq), stream("p", doc, "\x00p", strconv.Itoa(seq)); got != want {
				t.Errorf("PassageID(%q, %d) = %s, want %s", doc, seq, got, want)
			}
		}
	}
}
