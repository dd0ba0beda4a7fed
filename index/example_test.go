package index_test

import (
	"fmt"

	"github.com/jaarzoek/jaarzoek/index"
)

// Snippet marks the matched words of a hit between « and ».
func ExampleSnippet() {
	text := "Het aantal mantelzorgers dat ondersteuning krijgt is gestegen."
	fmt.Println(index.Snippet(text, [][2]int{{11, 24}}, 0))
	// Output: Het aantal «mantelzorgers» dat ondersteuning krijgt is gestegen.
}
