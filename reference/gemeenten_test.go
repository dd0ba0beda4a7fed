package reference

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		year     int
		wantCode string // "" when nothing should be found
		historic bool
	}{
		{"official", "Houten", 0, "GM0321", false},
		{"code", "GM0321", 0, "GM0321", false},
		{"bare code", "0321", 0, "GM0321", false},
		{"lower code", "gm0321", 0, "GM0321", false},
		{"gemeente prefix", "Gemeente Houten", 0, "GM0321", false},
		{"case", "HOUTEN", 0, "GM0321", false},
		{"den haag", "Den Haag", 0, "GM0518", false},
		{"s-gravenhage", "'s-Gravenhage", 0, "GM0518", false},
		{"s gravenhage no apostrophe", "s Gravenhage", 0, "GM0518", false},
		{"den haag host", "denhaag", 0, "GM0518", false},
		{"den bosch", "Den Bosch", 0, "GM0796", false},
		{"s-hertogenbosch", "'s-Hertogenbosch", 0, "GM0796", false},
		{"nuenen ca", "Nuenen c.a.", 0, "GM0820", false},
		{"nuenen official", "Nuenen, Gerwen en Nederwetten", 0, "GM0820", false},
		{"hengelo short", "Hengelo", 0, "GM0164", false},
		{"hengelo official", "Hengelo (O.)", 0, "GM0164", false},
		{"bergen nh", "Bergen (NH)", 0, "GM0373", false},
		{"bergen nh dot", "Bergen (NH.)", 0, "GM0373", false},
		{"bergen l", "Bergen (L)", 0, "GM0893", false},
		{"bergen alone is two gemeenten", "Bergen", 0, "", false},
		{"bergen op zoom", "Bergen op Zoom", 0, "GM0748", false},
		{"sudwest accents", "Súdwest-Fryslân", 0, "GM1900", false},
		{"sudwest plain", "Sudwest-Fryslan", 0, "GM1900", false},
		{"sudwest space", "Sudwest Fryslan", 0, "GM1900", false},
		{"sudwest host", "sudwestfryslan", 0, "GM1900", false},
		{"berg en dal host", "bergendal", 0, "GM1945", false},
		{"horst host", "horstaandemaas", 0, "GM1507", false},
		{"hyphen for space", "Horst-aan-de-Maas", 0, "GM1507", false},
		{"space for hyphen", "Edam Volendam", 0, "GM0385", false},
		{"middelburg short", "Middelburg", 0, "GM0687", false},
		{"beek short", "Beek", 0, "GM0888", false},
		{"historic", "Heerhugowaard", 0, "GM0398", true},
		{"historic with year", "Heerhugowaard", 2018, "GM0398", true},
		{"historic after its end keeps itself", "Heerhugowaard", 2023, "GM0398", true},
		{"historic code", "GM0398", 0, "GM0398", true},
		{"renamed: old name before", "Berg en Dal", 2015, "GM0241", true},
		{"renamed: new name after", "Berg en Dal", 2016, "GM1945", false},
		{"renamed: no year is current", "Berg en Dal", 0, "GM1945", false},
		{"old name of renamed", "Groesbeek", 0, "GM0241", true},
		{"unknown", "Atlantis", 0, "", false},
		{"empty", "", 0, "", false},
		{"not a code", "GM03210", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, ok := LookupYear(tt.in, tt.year)
			if tt.wantCode == "" {
				if ok {
					t.Fatalf("LookupYear(%q, %d) = %s %s, want none", tt.in, tt.year, g.Code, g.Name)
				}
				return
			}
			if !ok || g.Code != tt.wantCode || g.Historic != tt.historic {
				t.Fatalf("LookupYear(%q, %d) = %+v, %v; want %s historic=%v", tt.in, tt.year, g, ok, tt.wantCode, tt.historic)
			}
		})
	}
}

func TestLookupHistoricFields(t *testing.T) {
	g, ok := Lookup("Heerhugowaard")
	if !ok {
		t.Fatal("Heerhugowaard not found")
	}
	want := Gemeente{Code: "GM0398", Name: "Heerhugowaard", Province: "Noord-Holland", Historic: true,
		EndYear: 2022, LastYear: 2021, Successor: "Dijk en Waard", SuccessorCode: "GM1980", Change: "merged"}
	if g != want {
		t.Errorf("got %+v\nwant %+v", g, want)
	}
	// A split lists every successor.
	h, ok := Lookup("Haaren")
	if !ok || h.SuccessorCode != "GM0757;GM0824;GM0855;GM0865" || h.Change != "split" {
		t.Errorf("Haaren = %+v", h)
	}
}

func TestGemeentenLists(t *testing.T) {
	cur, hist := Gemeenten(), HistoricGemeenten()
	if len(cur) != 342 {
		t.Errorf("%d current gemeenten, want 342", len(cur))
	}
	if len(hist) == 0 {
		t.Error("no historic gemeenten")
	}
	// Every official name and code finds itself.
	for _, g := range append(cur, hist...) {
		for _, q := range []string{g.Name, g.Code} {
			got, ok := Lookup(q)
			if !ok || got.Code != g.Code {
				t.Errorf("Lookup(%q) = %s, %v; want %s", q, got.Code, ok, g.Code)
			}
		}
	}
}

// TestNameKeyFast compares the allocation-free name key with the general
// one on names, codes and text pieced together from their parts.
func TestNameKeyFast(t *testing.T) {
	pieces := []string{"Gemeente", "gemeente", "GEMEENTE ", "gemeentE", " ", "\t", "\u00a0", "\v", "GM", "gm", "gM",
		"0321", "03", "21", "'s-", "Hertogenbosch", "Súdwest-Fryslân", "Den Haag", "(NH.)", "ı", "ſ", "İ", "K",
		"Bergen", "x", "-", "\xff"}
	check := func(s string) {
		if got, want := nameKey(s), nameKeySlow(s); got != want {
			t.Fatalf("nameKey(%q) = %q, want %q", s, got, want)
		}
	}
	for _, g := range append(Gemeenten(), HistoricGemeenten()...) {
		check(g.Name)
		check(g.Code)
		check("gemeente " + g.Name)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestLookupConcurrent looks up accented names from several goroutines at
// once, as concurrent detection does.
func TestLookupConcurrent(t *testing.T) {
	names := []string{"Súdwest-Fryslân", "Noardeast-Fryslân", "Nuenen, Gerwen en Nederwetten", "'s-Gravenhage"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 500 {
				name := names[(g+n)%len(names)]
				if _, ok := Lookup(name); !ok {
					t.Errorf("Lookup(%q) found nothing", name)
					return
				}
			}
		})
	}
	wg.Wait()
}
