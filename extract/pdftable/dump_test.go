package pdftable

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the lines and segments of PDFTABLE_DUMP (a PDF path),
// for looking at a layout; it does nothing without it.
func TestDump(t *testing.T) {
	path := os.Getenv("PDFTABLE_DUMP")
	if path == "" {
		t.Skip("PDFTABLE_DUMP not set")
	}
	pages := corpusPages(t, path)
	for i := range pages {
		for _, l := range buildLines(i, &pages[i]) {
			var b strings.Builder
			for _, s := range l.segs {
				fmt.Fprintf(&b, " [%.0f-%.0f %d %s]", s.x0, s.x1, s.kind, s.text)
			}
			t.Logf("p%d y%.1f-%.1f sz%.1f a%v%s", i+1, l.y0, l.y1, l.size, l.anchor(), b.String())
		}
	}
}
