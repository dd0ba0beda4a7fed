package pdftext

import (
	"math"
	"sort"
)

// segmentGap splits a line of words into segments (columns, table cells)
// where the gap is wider than this many font sizes.
const segmentGap = 2.0

// textLines groups words into line segments: words on one baseline, left
// to right, split at wide gaps. Lines come top to bottom, segments of a
// line left to right. Each segment lists indexes into words.
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
	var out [][]int
	var line []int
	lineBase, lineSize := 0.0, 0.0
	emit := func() {
		if len(line) == 0 {
			return
		}
		sort.SliceStable(line, func(a, b int) bool { return words[line[a]].X0 < words[line[b]].X0 })
		start := 0
		for i := 1; i <= len(line); i++ {
			if i == len(line) || words[line[i]].X0-words[line[i-1]].X1 > segmentGap*math.Max(words[line[i]].Size, words[line[i-1]].Size) {
				out = append(out, append([]int(nil), line[start:i]...))
				start = i
			}
		}
		line = line[:0]
	}
	for _, i := range idx {
		w := &words[i]
		if len(line) > 0 && math.Abs(w.Base-lineBase) > 0.4*math.Min(w.Size, lineSize) {
			emit()
		}
		if len(line) == 0 {
			lineBase, lineSize = w.Base, w.Size
		}
		line = append(line, i)
	}
	emit()
	return out
}
