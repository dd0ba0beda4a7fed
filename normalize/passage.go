package normalize

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/jaarzoek/jaarzoek/model"
)

// passages cuts the headings' sections into passages of about a paragraph:
// short paragraphs of one section (and page) are merged up to PassageMin,
// long ones are split at sentence ends so none grows past PassageMax.
// Headings live in the Section of the passages under them; a heading with
// no text under it becomes a passage of its own, so it stays searchable.
func (n *Normalizer) passages(doc *model.Document) []model.Passage {
	minLen, maxLen := n.PassageMin, n.PassageMax
	if minLen <= 0 {
		minLen = 400
	}
	if maxLen <= 0 {
		maxLen = 1000
	}
	if minLen > maxLen {
		minLen = maxLen
	}
	var out []model.Passage
	// buf collects a passage; one buffer serves them all, and each passage
	// text is copied out once.
	var buf []byte
	curSection, curPage := "", 0
	flush := func() {
		if len(buf) == 0 {
			return
		}
		for _, piece := range splitSentences(string(buf), maxLen) {
			seq := len(out)
			out = append(out, model.Passage{
				ID:      model.PassageID(doc.Doc, seq),
				DocInfo: doc.DocInfo,
				Section: curSection,
				Page:    curPage,
				Seq:     seq,
				Text:    piece,
			})
		}
		buf = buf[:0]
	}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		var text, section string
		switch b.Kind {
		case model.BlockParagraph, model.BlockListItem:
			text = b.Text
			section = joinPath(b.Section)
		case model.BlockHeading:
			if headingHasText(doc.Blocks, i) {
				continue
			}
			text = b.Text
			section = joinPath(append(append([]string(nil), b.Section...), b.Text))
		default:
			continue
		}
		text = norm.NFKC.String(cleanSpaces(text))
		if text == "" {
			continue
		}
		if len(buf) > 0 && (section != curSection || b.Page != curPage || len(buf) >= minLen || len(buf)+1+len(text) > maxLen) {
			flush()
		}
		if len(buf) == 0 {
			curSection, curPage = section, b.Page
		} else {
			buf = append(buf, '\n')
		}
		buf = append(buf, text...)
	}
	flush()
	return out
}

// headingHasText reports whether text follows heading i before the next
// heading of the same or a higher level.
func headingHasText(blocks []model.Block, i int) bool {
	lvl := blocks[i].Level
	for _, b := range blocks[i+1:] {
		switch b.Kind {
		case model.BlockHeading:
			if b.Level <= lvl || lvl == 0 {
				return false
			}
		case model.BlockParagraph, model.BlockListItem:
			if strings.TrimSpace(b.Text) != "" {
				return true
			}
		case model.BlockTable:
			return true
		}
	}
	return false
}

// splitSentences cuts s into pieces of at most max bytes, at sentence ends
// where it can, else at a space; s itself when it is short enough.
func splitSentences(s string, max int) []string {
	if len(s) <= max {
		return []string{s}
	}
	var out []string
	for len(s) > max {
		cut := -1
		// The last sentence end within max, not too early.
		for i := max - 1; i > max/3; i-- {
			if (s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == '\n') && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\n') {
				cut = i + 1
				break
			}
		}
		if cut < 0 {
			cut = strings.LastIndexByte(s[:max], ' ')
		}
		if cut <= 0 {
			// One long word: cut at a rune boundary.
			cut = max
			for cut > 1 && s[cut]&0xC0 == 0x80 {
				cut--
			}
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}
