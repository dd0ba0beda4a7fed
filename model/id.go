package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// RecordID returns the stable id of a figure at pos in doc; offset tells
// apart figures in prose (pos.Table 0).
func RecordID(doc string, pos Pos, offset int) string {
	h := sha256.New()
	h.Write([]byte(doc))
	for _, n := range []int{pos.Table, pos.Row, pos.Col, offset} {
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(n)))
	}
	return "f" + hex.EncodeToString(h.Sum(nil)[:12])
}

// PassageID returns the stable id of passage seq of doc.
func PassageID(doc string, seq int) string {
	h := sha256.New()
	h.Write([]byte(doc))
	h.Write([]byte{0, 'p'})
	h.Write([]byte(strconv.Itoa(seq)))
	return "p" + hex.EncodeToString(h.Sum(nil)[:12])
}
