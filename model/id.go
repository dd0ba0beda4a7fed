package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// RecordID returns the stable id of a figure at pos in doc; offset tells
// apart figures in prose (pos.Table 0).
func RecordID(doc string, pos Pos, offset int) string {
	// The hashed bytes are doc, then per number a NUL and its decimal
	// digits; built in a stack buffer, a call allocates only its result.
	var buf [160]byte
	b := append(buf[:0], doc...)
	for _, n := range [...]int{pos.Table, pos.Row, pos.Col, offset} {
		b = append(b, 0)
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return hashID('f', b)
}

// PassageID returns the stable id of passage seq of doc.
func PassageID(doc string, seq int) string {
	var buf [128]byte
	b := append(buf[:0], doc...)
	b = append(b, 0, 'p')
	b = strconv.AppendInt(b, int64(seq), 10)
	return hashID('p', b)
}

// hashID returns prefix and the first 12 bytes of the SHA-256 of b in hex.
func hashID(prefix byte, b []byte) string {
	sum := sha256.Sum256(b)
	var out [1 + 24]byte
	out[0] = prefix
	hex.Encode(out[1:], sum[:12])
	return string(out[:])
}
