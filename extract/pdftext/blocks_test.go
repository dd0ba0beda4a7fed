package pdftext

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

// typeset lays out lines of text as words: each line is "size|bold|x|text"
// with the baseline advancing by 1.2 × size, or by more after an empty
// line. Word widths are 0.5 em per character, spaces 0.25 em.
func typeset(page int, lines ...string) Page {
	p := Page{Number: page, Width: 595, Height: 842, Trusted: true}
	y := 60.0
	for _, l := range lines {
		if l == "" {
			y += 14
			continue
		}
		f := strings.SplitN(l, "|", 4)
		size := map[string]float64{"h1": 18, "h2": 14, "b": 10, "p": 10, "s": 8}[f[0]]
		bold := f[1] == "b"
		x := map[string]float64{"l": 50, "r": 320, "i": 70}[f[2]]
		y += 1.2 * size
		for _, t := range strings.Fields(f[3]) {
			w := 0.5 * size * float64(len([]rune(t)))
			p.Words = append(p.Words, Word{Text: t, X0: x, X1: x + w, Y0: y - 0.8*size, Y1: y + 0.2*size, Base: y, Size: size, Bold: bold})
			x += w + 0.25*size
		}
	}
	return p
}

func TestBlocks(t *testing.T) {
	type blk struct {
		kind    model.BlockKind
		level   int
		text    string
		section string
	}
	tests := []struct {
		name  string
		pages []Page
		skip  func(int, Word) bool
		want  []blk
	}{
		{
			name: "headings, paragraphs and sections",
			pages: []Page{typeset(1,
				"h1|b|l|Programma Sociaal Domein", "",
				"h2|b|l|Inleiding", "",
				"p|n|l|De gemeente werkt aan jeugd-", "p|n|l|hulp en aan de Wmo-", "p|n|l|voorzieningen voor Noord-", "p|n|l|Holland.", "",
				"b|b|l|Wat hebben we bereikt", "",
				"p|n|l|Een tweede alinea met wet-", "p|n|l|en regelgeving.", "",
				"h2|b|l|Financiën", "",
				"p|n|l|Tekst over geld.",
			)},
			want: []blk{
				{model.BlockHeading, 1, "Programma Sociaal Domein", ""},
				{model.BlockHeading, 2, "Inleiding", "Programma Sociaal Domein"},
				{model.BlockParagraph, 0, "De gemeente werkt aan jeugdhulp en aan de Wmo-voorzieningen voor Noord-Holland.", "Programma Sociaal Domein > Inleiding"},
				{model.BlockHeading, 3, "Wat hebben we bereikt", "Programma Sociaal Domein > Inleiding"},
				{model.BlockParagraph, 0, "Een tweede alinea met wet- en regelgeving.", "Programma Sociaal Domein > Inleiding > Wat hebben we bereikt"},
				{model.BlockHeading, 2, "Financiën", "Programma Sociaal Domein"},
				{model.BlockParagraph, 0, "Tekst over geld.", "Programma Sociaal Domein > Financiën"},
			},
		},
		{
			name: "two columns read left then right",
			pages: []Page{typeset(1,
				"h1|b|l|Titel over de hele breedte", "",
				"p|n|l|links een van de lopende tekst", "p|n|l|links twee van de lopende tekst", "p|n|l|links drie van de lopende tekst",
				"p|n|l|links vier van de lopende tekst", "p|n|l|links vijf van de lopende tekst", "p|n|l|links zes van de lopende tekst",
			)},
			want: []blk{
				{model.BlockHeading, 1, "Titel over de hele breedte", ""},
				{model.BlockParagraph, 0, "links een van de lopende tekst links twee van de lopende tekst links drie van de lopende tekst links vier van de lopende tekst links vijf van de lopende tekst links zes van de lopende tekst " +
					"rechts een van de lopende tekst rechts twee van de lopende tekst rechts drie van de lopende tekst rechts vier van de lopende tekst rechts vijf van de lopende tekst rechts zes van de lopende tekst", "Titel over de hele breedte"},
			},
		},
		{
			name: "running words and skipped words are left out, list items",
			pages: []Page{func() Page {
				p := typeset(1, "s|n|l|Jaarstukken 2022", "", "p|n|l|Een zin.", "", "p|n|l|• eerste punt", "p|n|l|• tweede punt", "", "p|n|l|TABEL 1 2 3")
				p.Words[0].Running, p.Words[1].Running = true, true
				return p
			}()},
			skip: func(page int, w Word) bool { return w.Text == "TABEL" || strings.ContainsAny(w.Text, "123") },
			want: []blk{
				{model.BlockParagraph, 0, "Een zin.", ""},
				{model.BlockListItem, 0, "eerste punt", ""},
				{model.BlockListItem, 0, "tweede punt", ""},
			},
		},
		{
			name: "indented first lines start paragraphs",
			pages: []Page{typeset(1,
				"p|n|i|Eerste alinea begint hier en", "p|n|l|loopt door tot het einde.", "p|n|l|Nog een regel van de eerste.",
				"p|n|i|Tweede alinea zonder witregel.", "p|n|l|En haar tweede regel.",
			)},
			want: []blk{
				{model.BlockParagraph, 0, "Eerste alinea begint hier en loopt door tot het einde. Nog een regel van de eerste.", ""},
				{model.BlockParagraph, 0, "Tweede alinea zonder witregel. En haar tweede regel.", ""},
			},
		},
		{
			name: "paragraph continued on the next page",
			pages: []Page{
				typeset(1, "p|n|l|Dit is een zin die doorloopt op de", "p|n|l|volgende regel en dan naar de"),
				typeset(2, "p|n|l|volgende pagina gaat.", "", "p|n|l|Nieuwe alinea."),
			},
			want: []blk{
				{model.BlockParagraph, 0, "Dit is een zin die doorloopt op de volgende regel en dan naar de volgende pagina gaat.", ""},
				{model.BlockParagraph, 0, "Nieuwe alinea.", ""},
			},
		},
	}
	// The two-column case: copy the body lines into a right column.
	tc := &tests[1].pages[0]
	for _, w := range tc.Words {
		if w.Size == 10 {
			r := w
			r.Text = strings.Replace(w.Text, "links", "rechts", 1)
			r.X0, r.X1 = w.X0+270, w.X1+270
			tc.Words = append(tc.Words, r)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []blk
			for _, b := range Blocks(tt.pages, tt.skip) {
				got = append(got, blk{b.Kind, b.Level, b.Text, strings.Join(b.Section, " > ")})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestJoinHyphen(t *testing.T) {
	tests := []struct {
		before, next string
		want         hyphenJoin
	}{
		{"de jeugd", "hulp", dropHyphen},
		{"Wmo", "voorzieningen", keepHyphen},
		{"Noord", "Holland", keepHyphen},
		{"WOZ", "waarde", keepHyphen},
		{"wet", "en", spaceAfter},
		{"2019", "2023", spaceAfter},
		{"een", "2", keepHyphen},
		{"maatschappe", "lijke", dropHyphen},
	}
	for _, tt := range tests {
		if got := joinHyphen(tt.before, tt.next); got != tt.want {
			t.Errorf("joinHyphen(%q, %q) = %v, want %v", tt.before, tt.next, got, tt.want)
		}
	}
}

func TestLayoutPlaces(t *testing.T) {
	pages := []Page{
		typeset(1, "h1|b|l|Titel", "", "p|n|l|Een zin die doorloopt op de"),
		typeset(2, "p|n|l|volgende pagina."),
	}
	placed := Layout(pages, nil)
	if len(placed) != 2 {
		t.Fatalf("got %d blocks", len(placed))
	}
	h, p := placed[0], placed[1]
	if !(h.Y1 <= p.Y0 && h.X0 == 50 && p.Page == 1 && p.EndPage == 2 && p.EndY1 > 0 && p.EndY1 < p.Y0) {
		t.Errorf("heading %+v, paragraph %+v", h, p)
	}
}
