package reference_test

import (
	"fmt"

	"github.com/jaarzoek/jaarzoek/reference"
)

func ExampleDetect() {
	r := reference.Detect(reference.Clues{
		URL:   "https://heerhugowaard.begroting-2018.nl/p313/financien",
		Title: "Financiën - Begroting 2018 - Gemeente Heerhugowaard",
	})
	fmt.Println(r.Gemeente.Name, r.Gemeente.Code, r.Gemeente.Successor, r.Kind, r.Year, r.GemeenteFrom)
	// Output: Heerhugowaard GM0398 Dijk en Waard begroting 2018 host
}

func ExampleLookup() {
	for _, q := range []string{"Den Haag", "0321", "sudwestfryslan", "Bergen"} {
		g, ok := reference.Lookup(q)
		fmt.Println(q, "→", g.Name, g.Code, ok)
	}
	// Output:
	// Den Haag → 's-Gravenhage GM0518 true
	// 0321 → Houten GM0321 true
	// sudwestfryslan → Súdwest-Fryslân GM1900 true
	// Bergen →   false
}

func ExampleMatchIndicator() {
	fmt.Println(reference.MatchIndicator("Jongeren met jeugdhulp (% van alle jongeren tot 18 jaar, 2018)", "procent"))
	// The reference counts bijstand per 10.000 inwoners: a figure per 1.000
	// gets no id, and the detail says why.
	m := reference.MatchIndicatorDetail("Personen met een bijstandsuitkering (per 1.000 inwoners, 2018)", "per_1000")
	fmt.Printf("%q %s %s\n", m.ID, m.Candidate, m.Reason)
	// Output:
	// jongeren-met-jeugdhulp 1
	// "" personen-met-bijstandsuitkering unit
}
