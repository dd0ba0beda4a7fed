// Package fold removes accents from text ("cliënten" → "clienten",
// "Súdwest-Fryslân" → "Sudwest-Fryslan"), safely from many goroutines.
package fold

import (
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// pool holds transformers that remove accents. A chain keeps state from
// call to call, so each caller takes one of its own: shared, concurrent
// calls would corrupt each other's output.
var pool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Accents returns s without accents. The error is that of the transformer
// (invalid UTF-8 is passed through, so in practice there is none).
func Accents(s string) (string, error) {
	t := pool.Get().(transform.Transformer)
	defer pool.Put(t)
	out, _, err := transform.String(t, s)
	return out, err
}
