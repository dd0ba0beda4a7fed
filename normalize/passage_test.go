package normalize

import (
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func TestPassages(t *testing.T) {
	long := strings.Repeat("Het aantal jeugdigen met jeugdhulp is gedaald ten opzichte van vorig jaar. ", 30)
	doc := &model.Document{
		DocInfo: model.DocInfo{Doc: "sha256:p", Source: "p.pdf", Format: model.FormatPDF, Gemeente: "Losser", DocYear: 2018},
		Blocks: []model.Block{
			{Kind: model.BlockHeading, Level: 1, Text: "Sociaal domein", Section: nil, Page: 1},
			{Kind: model.BlockParagraph, Text: "Korte inleiding.", Section: []string{"Sociaal domein"}, Page: 1},
			{Kind: model.BlockListItem, Text: "Eerste punt met de ﬁnanciën.", Section: []string{"Sociaal domein"}, Page: 1},
			{Kind: model.BlockHeading, Level: 2, Text: "Jeugd", Section: []string{"Sociaal domein"}, Page: 1},
			{Kind: model.BlockParagraph, Text: long, Section: []string{"Sociaal domein", "Jeugd"}, Page: 2},
			{Kind: model.BlockHeading, Level: 2, Text: "Bijlagen", Section: []string{"Sociaal domein"}, Page: 3},
			{Kind: model.BlockTable, Table: grid(1, 1, []string{"a", "2022"}, []string{"b", "1"}), Section: []string{"Sociaal domein"}, Page: 3},
			{Kind: model.BlockHeading, Level: 2, Text: "Colofon", Section: []string{"Sociaal domein"}, Page: 4},
		},
	}
	ps := Normalize(doc).Passages
	if len(ps) < 4 {
		t.Fatalf("%d passages: %+v", len(ps), ps)
	}
	first := ps[0]
	if first.Text != "Korte inleiding.\nEerste punt met de financiën." || first.Section != "Sociaal domein" || first.Page != 1 {
		t.Errorf("first passage %q section %q page %d", first.Text, first.Section, first.Page)
	}
	var jeugd []model.Passage
	for i, p := range ps {
		if p.Seq != i || p.ID != model.PassageID("sha256:p", i) || p.Gemeente != "Losser" || p.DocYear != 2018 {
			t.Errorf("passage %d: seq %d id %q doc fields %+v", i, p.Seq, p.ID, p.DocInfo)
		}
		if len(p.Text) > 1000 {
			t.Errorf("passage %d is %d bytes", i, len(p.Text))
		}
		if p.Section == "Sociaal domein > Jeugd" {
			jeugd = append(jeugd, p)
		}
	}
	if len(jeugd) < 2 {
		t.Fatalf("long paragraph not split: %d pieces", len(jeugd))
	}
	for _, p := range jeugd {
		if !strings.HasSuffix(p.Text, ".") || p.Page != 2 {
			t.Errorf("piece not cut at a sentence end or wrong page %d: …%q", p.Page, p.Text[max(0, len(p.Text)-20):])
		}
	}
	last := ps[len(ps)-1]
	if last.Text != "Colofon" || last.Section != "Sociaal domein > Colofon" {
		t.Errorf("heading without text: %q in %q", last.Text, last.Section)
	}
	for _, p := range ps {
		if p.Text == "Bijlagen" {
			t.Errorf("a heading over a table became a passage")
		}
	}
}

func TestSplitSentences(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("woord ", 500),
		strings.Repeat("x", 2500),
		strings.Repeat("é", 1500),
		"Kort. Zin.",
	} {
		pieces := splitSentences(s, 1000)
		if strings.Join(pieces, "") == "" {
			t.Fatal("lost the text")
		}
		for _, p := range pieces {
			if len(p) > 1000 {
				t.Errorf("piece of %d bytes", len(p))
			}
			if !strings.Contains(s, p) {
				t.Errorf("piece %q not in text (broken rune?)", p[:min(20, len(p))])
			}
		}
	}
}
