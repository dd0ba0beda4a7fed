package pdftext

import (
	"reflect"
	"testing"
)

// TestNumberedItems checks that a numbered line opens a block of its own
// after a finished sentence, and stays in the paragraph mid-sentence.
func TestNumberedItems(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"list after a colon", []string{
			"p|n|l|We richten ons op twee groepen:",
			"p|n|l|1. Volwassenen tussen 18-67 jaar: werk en",
			"p|n|l|participatie.",
			"p|n|l|2. Volwassenen 67+: zelfstandig wonen.",
		}, []string{
			"We richten ons op twee groepen:",
			"1. Volwassenen tussen 18-67 jaar: werk en participatie.",
			"2. Volwassenen 67+: zelfstandig wonen.",
		}},
		{"lettered items", []string{
			"p|n|l|De raad besluit.",
			"p|n|l|a) het plan vast te stellen;",
			"p|n|l|b) de kosten te dekken.",
		}, []string{"De raad besluit.", "a) het plan vast te stellen;", "b) de kosten te dekken."}},
		{"number wrapped mid-sentence", []string{
			"p|n|l|Zoals bepaald in artikel",
			"p|n|l|2. van de verordening gaat dit door.",
		}, []string{"Zoals bepaald in artikel 2. van de verordening gaat dit door."}},
		{"no number", []string{
			"p|n|l|Een zin die eindigt.",
			"p|n|l|2022 was een goed jaar.",
		}, []string{"Een zin die eindigt. 2022 was een goed jaar."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range Blocks([]Page{typeset(1, tt.lines...)}, nil) {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
