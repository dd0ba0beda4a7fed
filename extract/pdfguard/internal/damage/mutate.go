package damage

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu would otherwise write a configuration folder into the home
	// directory on first use.
	api.DisableConfigDir()
}

// Truncate keeps the first frac of data.
func Truncate(data []byte, frac float64) []byte {
	return bytes.Clone(data[:int(float64(len(data))*frac)])
}

// Zero overwrites n bytes at a place drawn from seed with zeros.
func Zero(data []byte, seed uint64, n int) []byte {
	out := bytes.Clone(data)
	n = min(n, len(out))
	r := rand.New(rand.NewPCG(seed, 1))
	at := r.IntN(len(out) - n + 1)
	clear(out[at : at+n])
	return out
}

// Flip sets n bytes at places drawn from seed to values drawn from seed.
func Flip(data []byte, seed uint64, n int) []byte {
	out := bytes.Clone(data)
	r := rand.New(rand.NewPCG(seed, 2))
	for range n {
		out[r.IntN(len(out))] = byte(r.UintN(256))
	}
	return out
}

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)`)
	xrefRowRE   = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n`)
)

// ShiftXRef moves every in-use offset of classic cross-reference tables
// by delta bytes, so each entry points into the middle of something.
func ShiftXRef(data []byte, delta int) []byte {
	return xrefRowRE.ReplaceAllFunc(data, func(row []byte) []byte {
		off, _ := strconv.Atoi(string(row[:10]))
		return fmt.Appendf(nil, "%010d%s", max(off+delta, 0), row[10:])
	})
}

// BadStartXRef points the last startxref at a place where no
// cross-reference section begins.
func BadStartXRef(data []byte) []byte {
	locs := startxrefRE.FindAllSubmatchIndex(data, -1)
	if locs == nil {
		return bytes.Clone(data)
	}
	m := locs[len(locs)-1]
	var out []byte
	out = append(out, data[:m[2]]...)
	out = fmt.Appendf(out, "%d", len(data)/3)
	return append(out, data[m[3]:]...)
}

// Header sets the version in the %PDF- header to v ("2.0"), keeping the
// file's length and so every offset.
func Header(data []byte, v string) []byte {
	out := bytes.Clone(data)
	if i := bytes.Index(out, []byte("%PDF-")); i >= 0 && i+8 <= len(out) && len(v) == 3 {
		copy(out[i+5:], v)
	}
	return out
}

// Cipher names an encryption method and key length.
type Cipher struct {
	Method string // "AES" or "RC4"
	Bits   int    // 40 or 128 for RC4; 128 or 256 for AES
}

// Encrypt encrypts data with the user password user (empty: anyone may
// open it) and a fixed owner password.
func Encrypt(data []byte, c Cipher, user string) ([]byte, error) {
	var conf *model.Configuration
	if c.Method == "RC4" {
		conf = model.NewRC4Configuration(user, "eigenaar", c.Bits)
	} else {
		conf = model.NewAESConfiguration(user, "eigenaar", c.Bits)
	}
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(data), &out, conf); err != nil {
		return nil, fmt.Errorf("damage: encrypt %s-%d: %w", c.Method, c.Bits, err)
	}
	return out.Bytes(), nil
}

// ObjectStreams rewrites data with its objects packed into object streams
// and a cross-reference stream.
func ObjectStreams(data []byte) ([]byte, error) {
	conf := model.NewDefaultConfiguration()
	conf.WriteObjectStream = true
	conf.WriteXRefStream = true
	var out bytes.Buffer
	if err := api.Optimize(bytes.NewReader(data), &out, conf); err != nil {
		return nil, fmt.Errorf("damage: object streams: %w", err)
	}
	return out.Bytes(), nil
}
