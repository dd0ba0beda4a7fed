// Package benchcorpus makes a synthetic corpus of annual reports of Dutch
// gemeenten for benchmarks: documents with passages of realistic Dutch text
// (long compounds, numbers, section paths) and figures with indicators,
// periods, units and values. The same seed gives the same corpus.
package benchcorpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
)

// Gemeenten are the names and CBS codes the corpus uses.
var Gemeenten = [][2]string{
	{"Aalsmeer", "GM0358"}, {"Amersfoort", "GM0307"}, {"Berg en Dal", "GM1945"}, {"Borne", "GM0147"},
	{"Delft", "GM0503"}, {"Deventer", "GM0150"}, {"Ede", "GM0228"}, {"Enschede", "GM0153"},
	{"Groningen", "GM0014"}, {"Haarlem", "GM0392"}, {"Heemskerk", "GM0396"}, {"Hengelo", "GM0164"},
	{"Houten", "GM0321"}, {"Lansingerland", "GM1621"}, {"Leiden", "GM0546"}, {"Leiderdorp", "GM0547"},
	{"Losser", "GM0168"}, {"Maassluis", "GM0556"}, {"Medemblik", "GM0420"}, {"Nijmegen", "GM0268"},
	{"Ooststellingwerf", "GM0085"}, {"Oss", "GM0828"}, {"Tilburg", "GM0855"}, {"Twenterand", "GM1700"},
	{"Utrecht", "GM0344"}, {"Venlo", "GM0983"}, {"Wassenaar", "GM0629"}, {"Zaanstad", "GM0479"},
	{"Zeist", "GM0355"}, {"Zwolle", "GM0193"},
}

// Kinds are the document kinds the corpus uses.
var Kinds = []string{"jaarstukken", "begroting", "voorjaarsnota", "monitor"}

// Nouns are the domain words of the passages, many of them compounds.
var Nouns = []string{
	"jeugdhulp", "jeugdhulpvoorzieningen", "jeugdhulpkosten", "mantelzorgers", "mantelzorgondersteuning",
	"schuldhulpverlening", "armoedebeleid", "bijstandsuitkeringen", "participatiewet", "re-integratietrajecten",
	"huishoudelijke ondersteuning", "maatwerkvoorzieningen", "dagbesteding", "beschermd wonen", "wijkteams",
	"woningbouwprogramma", "sociale huurwoningen", "omgevingsvisie", "bestemmingsplannen", "grondexploitaties",
	"afvalinzameling", "rioleringsplan", "openbare verlichting", "onderhoudsachterstanden", "fietspaden",
	"energietransitie", "warmtevisie", "zonnepanelen", "klimaatadaptatie", "groenonderhoud",
	"sportaccommodaties", "zwembad", "bibliotheek", "cultuurhistorie", "evenementenbeleid",
	"ondermijning", "cameratoezicht", "buurtpreventie", "jongerenwerk", "leerlingenvervoer",
	"onderwijshuisvesting", "kinderopvang", "vroegsignalering", "was- en strijkservice", "inburgering",
	"statushouders", "precariobelasting", "onroerendezaakbelasting", "weerstandsvermogen", "reservepositie",
}

var verbs = []string{
	"heeft de gemeente geïnvesteerd in", "is extra aandacht besteed aan", "zijn de uitgaven gestegen voor",
	"is een nieuw beleidsplan vastgesteld voor", "werken we samen met partners aan", "is het budget overschreden voor",
	"hebben we de afspraken herzien over", "is een evaluatie uitgevoerd van", "blijft de vraag toenemen naar",
	"is de uitvoering verbeterd van",
}

var tails = []string{
	"in samenwerking met de regiogemeenten", "conform de afspraken in het coalitieakkoord",
	"binnen de beschikbare middelen", "ondanks de krapte op de arbeidsmarkt", "met inzet van rijksmiddelen",
	"zoals toegelicht in de paragraaf weerstandsvermogen", "waarbij inwoners actief zijn betrokken",
	"met een incidenteel nadeel als gevolg", "in lijn met de Wet maatschappelijke ondersteuning",
	"zodat de dienstverlening op peil blijft",
}

var sections = []string{
	"Programma 1 Bestuur en ondersteuning", "Programma 2 Veiligheid", "Programma 3 Verkeer, vervoer en waterstaat",
	"Programma 4 Economie", "Programma 5 Onderwijs", "Programma 6 Sport, cultuur en recreatie",
	"Programma 7 Sociaal domein", "Programma 8 Volksgezondheid en milieu", "Programma 9 Volkshuisvesting en ruimtelijke ordening",
	"Paragraaf Weerstandsvermogen en risicobeheersing", "Paragraaf Lokale heffingen",
}

var subsections = []string{"Wat wilden we bereiken?", "Wat hebben we daarvoor gedaan?", "Wat heeft het gekost?",
	"Beleidsindicatoren", "Toelichting op de afwijkingen", "Ontwikkelingen"}

// Indicator is a figure's label and unit.
type Indicator struct {
	Label, Unit string
	Min, Max    float64
}

// Indicators are the labels of the figures.
var Indicators = []Indicator{
	{"% jongeren met jeugdhulp", model.UnitProcent, 5, 15},
	{"% jongeren met jeugdbescherming", model.UnitProcent, 0.5, 2},
	{"Aantal cliënten met een maatwerkarrangement WMO per 10.000 inwoners", model.UnitPer10000, 300, 900},
	{"Personen met een bijstandsuitkering per 10.000 inwoners", model.UnitPer10000, 150, 600},
	{"Banen per 1.000 inwoners van 15-64 jaar", model.UnitPer1000, 500, 900},
	{"Omvang huishoudelijk restafval in kg per inwoner", model.UnitAantal, 50, 250},
	{"Gemiddelde WOZ-waarde (x 1.000 euro)", model.UnitEuro, 150000, 500000},
	{"Lasten", model.UnitEuro, 10000, 90000000},
	{"Baten", model.UnitEuro, 10000, 90000000},
	{"Saldo van baten en lasten", model.UnitEuro, -5000000, 5000000},
	{"Aantal verwijzingen Halt per 10.000 jongeren", model.UnitPer10000, 50, 200},
	{"Winkeldiversiteit per 1.000 inwoners", model.UnitPer1000, 1, 10},
	{"Percentage achterstallig onderhoud wegen", model.UnitProcent, 0, 30},
	{"Aantal mantelzorgers met mantelzorgwaardering", model.UnitAantal, 100, 5000},
}

var periodKinds = []string{model.PeriodRealisatie, model.PeriodBegroting, model.PeriodBegrotingNaWijziging, "", model.PeriodAfwijking}

// A Doc is one generated document.
type Doc struct {
	Info     model.DocInfo
	Passages []model.Passage
	Records  []model.Record
}

// Generator makes documents.
type Generator struct {
	r *rand.Rand
	n int
}

// New returns a generator seeded with seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Generator) pick(s []string) string { return s[g.r.IntN(len(s))] }

// Passage returns a passage text of about n bytes.
func (g *Generator) Passage(year, n int) string {
	var b strings.Builder
	for b.Len() < n {
		switch g.r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "In %d %s %s %s. ", year, g.pick(verbs), g.pick(Nouns), g.pick(tails))
		case 1:
			fmt.Fprintf(&b, "De kosten voor %s bedroegen € %d.%03d, een %s van %d%% ten opzichte van de begroting. ",
				g.pick(Nouns), g.r.IntN(900)+1, g.r.IntN(1000), g.pick([]string{"stijging", "daling"}), g.r.IntN(30)+1)
		case 2:
			fmt.Fprintf(&b, "Voor %s en %s %s. ", g.pick(Nouns), g.pick(Nouns), g.pick(tails))
		default:
			n := g.pick(Nouns)
			fmt.Fprintf(&b, "%s%s blijft een belangrijk aandachtspunt; het aantal aanvragen nam toe tot %d. ",
				strings.ToUpper(n[:1]), n[1:], g.r.IntN(5000)+10)
		}
	}
	return strings.TrimSpace(b.String())
}

// Doc returns the next document with the given numbers of passages and
// figures.
func (g *Generator) Doc(passages, figures int) Doc {
	g.n++
	gm := Gemeenten[g.r.IntN(len(Gemeenten))]
	year := 2016 + g.r.IntN(9)
	kind := g.pick(Kinds)
	format := model.FormatHTML
	if g.n%2 == 0 {
		format = model.FormatPDF
	}
	source := fmt.Sprintf("https://%s.example.nl/%s-%d/doc-%06d.%s", strings.ToLower(strings.ReplaceAll(gm[0], " ", "")), kind, year, g.n, format)
	info := model.DocInfo{Doc: model.DocID([]byte(source)), Source: source, Format: format,
		Gemeente: gm[0], GemeenteCode: gm[1], DocKind: kind, DocYear: year}
	d := Doc{Info: info}
	page := 1
	for i := 0; i < passages; i++ {
		if format == model.FormatPDF && i%4 == 0 {
			page++
		}
		p := model.Passage{ID: model.PassageID(info.Doc, i), DocInfo: info,
			Section: g.pick(sections) + " > " + g.pick(subsections), Seq: i, Text: g.Passage(year, 300+g.r.IntN(500))}
		if format == model.FormatPDF {
			p.Page = page
		}
		d.Passages = append(d.Passages, p)
	}
	table, row := 1, 1
	for i := 0; i < figures; i++ {
		if i%40 == 0 && i > 0 {
			table++
			row = 1
		}
		col := 1 + i%5
		if col == 1 {
			row++
		}
		ind := Indicators[g.r.IntN(len(Indicators))]
		v := ind.Min + g.r.Float64()*(ind.Max-ind.Min)
		if ind.Unit == model.UnitEuro {
			v = math.Round(v)
		} else {
			v = math.Round(v*10) / 10
		}
		period := year - 4 + col
		pk := g.pick(periodKinds)
		pos := model.Pos{Table: table, Row: row, Col: col}
		if format == model.FormatPDF {
			pos.Page = 1 + table
		}
		raw := strings.Replace(fmt.Sprint(v), ".", ",", 1)
		scope := model.ScopeGemeente
		if g.r.IntN(8) == 0 {
			scope = model.ScopeNederland
		}
		r := model.Record{ID: model.RecordID(info.Doc, pos, 0), DocInfo: info, Pos: pos,
			Section: g.pick(sections) + " > Beleidsindicatoren", Indicator: ind.Label, IndicatorKey: strings.ToLower(ind.Label),
			Column: strings.TrimSpace(fmt.Sprintf("%s %d", pk, period)), Period: period, PeriodKind: pk,
			Value: &v, Unit: ind.Unit, Scale: 1, Raw: raw, Status: model.StatusOK, Scope: scope, PeriodSource: "header"}
		if g.r.IntN(20) == 0 {
			r.Value, r.Status, r.Raw = nil, model.StatusMissing, "nnb"
		}
		d.Records = append(d.Records, r)
	}
	return d
}
