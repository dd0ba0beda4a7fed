package fold

import (
	"sync"
	"testing"
)

func TestAccents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cliënten", "clienten"},
		{"Súdwest-Fryslân", "Sudwest-Fryslan"},
		{"financiële", "financiele"},
		{"€ 1.000", "€ 1.000"},
		{"", ""},
	}
	for _, tt := range tests {
		if got, err := Accents(tt.in); err != nil || got != tt.want {
			t.Errorf("Accents(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestAccentsConcurrent folds from many goroutines at once; run with -race.
func TestAccentsConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 500 {
				if got, _ := Accents("Súdwest-Fryslân en cliënten"); got != "Sudwest-Fryslan en clienten" {
					t.Errorf("concurrent fold gave %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}
