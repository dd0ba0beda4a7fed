package normalize

import (
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
	"github.com/jaarzoek/jaarzoek/reference"
)

// detectTextBytes is how much body text detection reads: the opening of a
// report names its gemeente and year, and more text only adds noise.
const detectTextBytes = 8 << 10

// Identify fills doc's gemeente, code, kind and year: each from its hint
// when one was given (or from the field itself when a caller already set
// it), else from what the document says of itself (address, title, site
// header, headings, text). How each was decided is appended to
// doc.Detections (replacing those of an earlier call); a field that stays
// unknown has an empty From.
func Identify(doc *model.Document) {
	given := doc.Hints
	if given.Gemeente == "" {
		given.Gemeente = doc.Gemeente
	}
	if given.Year == 0 {
		given.Year = doc.DocYear
	}
	if given.Kind == "" {
		given.Kind = doc.DocKind
	}
	var det reference.Result
	if given.Gemeente == "" || given.Year == 0 || given.Kind == "" {
		det = reference.Detect(clues(doc))
	}

	kind, kindFrom := normalizeKind(given.Kind), "hint"
	if kind == "" {
		kind, kindFrom = det.Kind, det.KindFrom
	}
	year, yearFrom := given.Year, "hint"
	if year == 0 {
		year, yearFrom = det.Year, det.YearFrom
	}

	g, gemFrom := reference.Gemeente{}, ""
	if given.Gemeente != "" {
		gemFrom = "hint"
		if found, ok := reference.LookupYear(given.Gemeente, year); ok {
			g = found
		} else {
			// An unknown name is still what the user said; it gets no code.
			g = reference.Gemeente{Name: given.Gemeente}
		}
	} else if !det.Gemeente.IsZero() {
		g, gemFrom = det.Gemeente, det.GemeenteFrom
		if year != 0 && year != det.Year {
			// The year came from a hint: a merged gemeente is decided by it.
			if again, ok := reference.LookupYear(g.Name, year); ok {
				g = again
			}
		}
	}

	doc.Gemeente, doc.GemeenteCode = g.Name, g.Code
	doc.Successor, doc.SuccessorCode = "", ""
	if g.Historic {
		doc.Successor, doc.SuccessorCode = g.Successor, g.SuccessorCode
	}
	doc.DocKind, doc.DocYear = kind, year
	if kind == "" {
		kindFrom = ""
	}
	if year == 0 {
		yearFrom = ""
	}
	kept := doc.Detections[:0]
	for _, d := range doc.Detections {
		if d.Field != "gemeente" && d.Field != "doc_year" && d.Field != "doc_kind" {
			kept = append(kept, d)
		}
	}
	doc.Detections = append(kept,
		model.Detection{Field: "gemeente", Value: g.Name, From: gemFrom},
		model.Detection{Field: "doc_year", Value: yearText(year), From: yearFrom},
		model.Detection{Field: "doc_kind", Value: kind, From: kindFrom},
	)
}

// clues collects what detection reads from doc.
func clues(doc *model.Document) reference.Clues {
	c := reference.Clues{Title: doc.Title, Site: doc.Site}
	if u, err := url.Parse(doc.Source); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		c.URL = doc.Source
	} else {
		c.Filename = filepath.Base(doc.Source)
	}
	var text strings.Builder
	for _, b := range doc.Blocks {
		switch b.Kind {
		case model.BlockHeading:
			c.Headings = append(c.Headings, b.Text)
		case model.BlockParagraph, model.BlockListItem:
			if text.Len() < detectTextBytes {
				text.WriteString(b.Text)
				text.WriteByte('\n')
			}
		}
	}
	c.Text = text.String()
	return c
}

// normalizeKind maps the words people use for a kind of document to the
// kinds of the record contract: a jaarverslag or jaarrekening is part of
// the jaarstukken.
func normalizeKind(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	switch k {
	case "jaarverslag", "jaarrekening", "jaarstukken":
		return "jaarstukken"
	case "programmabegroting", "begroting":
		return "begroting"
	}
	return k
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
