package pdftext

import (
	"math"
	"sort"
)

// segmentGap splits a line of words into segments (columns, table cells)
// where the gap is wider than this many font sizes.
const segmentGap = 2.0

// textLines groups words into line segments: words on one baseline, left
// to right, split at wide gaps. Superscripts and subscripts in a smaller
// size join the line they stand on. Lines come top to bottom, segments of
// a line left to right. Each segment lists indexes into words.
func textLines(words []Word) [][]int {
	idx := make([]int, 0, len(words))
	for i := range words {
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		wa, wb := &words[idx[a]], &words[idx[b]]
		if wa.Base != wb.Base {
			return wa.Base < wb.Base
		}
		return wa.X0 < wb.X0
	})
	type line struct {
		words      []int
		base, size float64
		y0, y1     float64
	}
	var lines []*line
	var cur *line
	for _, i := range idx {
		w := &words[i]
		if cur == nil || math.Abs(w.Base-cur.base) > 0.4*math.Min(w.Size, cur.size) {
			cur = &line{base: w.Base, size: w.Size, y0: w.Y0, y1: w.Y1}
			lines = append(lines, cur)
		}
		cur.words = append(cur.words, i)
		cur.size = math.Max(cur.size, w.Size)
		cur.y0, cur.y1 = math.Min(cur.y0, w.Y0), math.Max(cur.y1, w.Y1)
	}
	// A line of smaller words whose baseline falls inside a neighbour's
	// box is a superscript or subscript of that neighbour.
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(lines) || lines[j] == nil || l == nil {
				continue
			}
			n := lines[j]
			if l.size < 0.85*n.size && l.base > n.y0 && l.base < n.y1+0.1*n.size && overlapX(words, l.words, n.words) {
				n.words = append(n.words, l.words...)
				lines[i] = nil
				break
			}
		}
	}
	var out [][]int
	for _, l := range lines {
		if l == nil {
			continue
		}
		ws := l.words
		sort.SliceStable(ws, func(a, b int) bool { return words[ws[a]].X0 < words[ws[b]].X0 })
		start := 0
		for i := 1; i <= len(ws); i++ {
			if i == len(ws) || words[ws[i]].X0-words[ws[i-1]].X1 > segmentGap*math.Max(words[ws[i]].Size, words[ws[i-1]].Size) {
				out = append(out, append([]int(nil), ws[start:i]...))
				start = i
			}
		}
	}
	return out
}

// overlapX reports whether the words of a lie within the horizontal span
// of the words of b.
func overlapX(words []Word, a, b []int) bool {
	bx0, bx1 := math.Inf(1), math.Inf(-1)
	for _, i := range b {
		bx0, bx1 = math.Min(bx0, words[i].X0), math.Max(bx1, words[i].X1)
	}
	for _, i := range a {
		if words[i].X1 < bx0-2*words[i].Size || words[i].X0 > bx1+2*words[i].Size {
			return false
		}
	}
	return true
}
