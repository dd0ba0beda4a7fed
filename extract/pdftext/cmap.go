package pdftext

import (
	"sort"
	"unicode/utf16"
)

// A cmap holds what jaarzoek needs from a CMap stream: the code space
// (how many bytes each code takes), code → CID for encoding CMaps, and
// code → text for ToUnicode maps. Ranges stay ranges: a ToUnicode map of
// <0000> <FFFF> is common and is not expanded.
type cmap struct {
	space    []codeRange // by length, then low
	uniChar  map[uint32]string
	uniRange []uniRange
	cidChar  map[uint32]uint32
	cidRange []cidRange
}

type codeRange struct {
	n      int // bytes
	lo, hi uint32
}

type uniRange struct {
	lo, hi uint32
	dst    []uint16   // first value, as UTF-16; the last unit counts up
	arr    [][]uint16 // or one value per code
}

type cidRange struct {
	lo, hi, cid uint32
}

func bytesToCode(s string) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

func toUTF16(s string) []uint16 {
	u := make([]uint16, 0, (len(s)+1)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 {
		// A one-byte destination is a byte value, seen in broken maps.
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

// parseCMap reads a CMap program. Malformed parts are skipped: a map
// with some entries beats none.
func parseCMap(data []byte) *cmap {
	m := &cmap{uniChar: map[uint32]string{}, cidChar: map[uint32]uint32{}}
	lx := lexer{data: data}
	var stk []operand
	for {
		o, op, ok := lx.next(0)
		if !ok {
			break
		}
		if op == nil {
			if len(stk) < 1<<16 {
				stk = append(stk, o)
			}
			continue
		}
		switch string(op) {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i], stk[i+1]
				if lo.kind != kString || hi.kind != kString || len(lo.str) == 0 || len(lo.str) > 4 {
					continue
				}
				m.space = append(m.space, codeRange{len(lo.str), bytesToCode(lo.str), bytesToCode(hi.str)})
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				src, dst := stk[i], stk[i+1]
				if src.kind != kString {
					continue
				}
				switch dst.kind {
				case kString:
					m.uniChar[bytesToCode(src.str)] = string(utf16.Decode(toUTF16(dst.str)))
				case kName:
					if t, ok := glyphText(dst.str); ok {
						m.uniChar[bytesToCode(src.str)] = t
					}
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, dst := stk[i], stk[i+1], stk[i+2]
				if lo.kind != kString || hi.kind != kString {
					continue
				}
				r := uniRange{lo: bytesToCode(lo.str), hi: bytesToCode(hi.str)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case kString:
					r.dst = toUTF16(dst.str)
					if len(r.dst) == 0 {
						continue
					}
				case kArray:
					for _, a := range dst.arr {
						r.arr = append(r.arr, toUTF16(a.str))
					}
				default:
					continue
				}
				m.uniRange = append(m.uniRange, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind == kString && stk[i+1].kind == kNum {
					m.cidChar[bytesToCode(stk[i].str)] = uint32(stk[i+1].num)
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				if stk[i].kind == kString && stk[i+1].kind == kString && stk[i+2].kind == kNum {
					m.cidRange = append(m.cidRange, cidRange{bytesToCode(stk[i].str), bytesToCode(stk[i+1].str), uint32(stk[i+2].num)})
				}
			}
		}
		stk = stk[:0]
	}
	sort.Slice(m.space, func(i, j int) bool {
		if m.space[i].n != m.space[j].n {
			return m.space[i].n < m.space[j].n
		}
		return m.space[i].lo < m.space[j].lo
	})
	return m
}

// unicode returns the text of code, and false when the map lacks it.
func (m *cmap) unicode(code uint32) (string, bool) {
	if s, ok := m.uniChar[code]; ok {
		return s, true
	}
	for i := range m.uniRange {
		r := &m.uniRange[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return string(utf16.Decode(r.arr[off])), true
			}
			return "", false
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// cid returns the CID of code under an encoding CMap.
func (m *cmap) cid(code uint32) uint32 {
	if c, ok := m.cidChar[code]; ok {
		return c
	}
	for _, r := range m.cidRange {
		if code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo
		}
	}
	return 0
}

// nextCode splits the first code off s by the code space; without one,
// codes are two bytes (the Identity CMaps).
func (m *cmap) nextCode(s string) (code uint32, n int) {
	if m == nil || len(m.space) == 0 {
		if len(s) >= 2 {
			return uint32(s[0])<<8 | uint32(s[1]), 2
		}
		return uint32(s[0]), 1
	}
	for _, r := range m.space {
		if r.n > len(s) {
			break
		}
		c := bytesToCode(s[:r.n])
		if c >= r.lo && c <= r.hi && byteRangeMatch(s[:r.n], r) {
			return c, r.n
		}
	}
	// No range matched: take the shortest length, as poppler does.
	n = m.space[0].n
	if n > len(s) {
		n = len(s)
	}
	return bytesToCode(s[:n]), n
}

// byteRangeMatch checks each byte against the range's bytes, which is how
// code space ranges are defined (a box, not an interval).
func byteRangeMatch(s string, r codeRange) bool {
	for i := 0; i < r.n; i++ {
		shift := uint(8 * (r.n - 1 - i))
		lo, hi := byte(r.lo>>shift), byte(r.hi>>shift)
		if s[i] < lo || s[i] > hi {
			return false
		}
	}
	return true
}
