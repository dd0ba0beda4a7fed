// Package reference holds the facts jaarzoek normalises against and decides
// whose report a document is.
//
// The facts are embedded CSV lists (see data/): the CBS gemeenten, current
// and historic; the BBV basisset beleidsindicatoren with the labels
// gemeenten print for them; and the Iv3 taakvelden.
//
// Gemeenten are found by official name, common alias, host-style squashed
// name or CBS code:
//
//	Lookup("Den Haag")        → 's-Gravenhage GM0518
//	Lookup("sudwestfryslan")  → Súdwest-Fryslân GM1900
//	Lookup("0321")            → Houten GM0321
//	Lookup("Heerhugowaard")   → Heerhugowaard GM0398, historic, successor Dijk en Waard
//	Lookup("Bergen")          → none: two gemeenten bear that name
//
// Detect reads gemeente, document kind and year from a document's address,
// title, site header and text:
//
//	wormerland.begrotingsapp.nl/jaarstukken-2023-/…  → Wormerland, jaarstukken, 2023
//	zaanstad2019.voorjaarsnota.nl/p11334/…           → Zaanstad, voorjaarsnota, 2019
//	"Begroting 2024-2027" + header "Gemeente Woerden" → Woerden, begroting, 2024
//
// MatchIndicator gives a row label the id of a BBV indicator only when the
// words and the unit agree: "Jongeren met jeugdhulp (% van alle jongeren tot
// 18 jaar)" is jongeren-met-jeugdhulp; "Personen met een bijstandsuitkering
// per 1.000 inwoners" gets no id, because the reference counts that
// indicator per 10.000.
//
// Everything here is safe for concurrent use.
package reference
