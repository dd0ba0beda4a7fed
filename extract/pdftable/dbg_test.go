package pdftable

import "testing"

func TestDbg(t *testing.T) {
	pages := corpusPages(t, "/work/shared/corpus-dev/docs/seed-ooststellingwerf-2019.rl.pdf")
	p := &pages[8]
	lines := buildLines(8, p)
	for _, f := range pageFrags(lines, p) {
		for _, l := range f.head {
			t.Logf("head %q", l.text())
		}
		for _, l := range f.body[:3] {
			t.Logf("body %q", l.text())
		}
	}
}
