package normalize_test

import (
	"fmt"

	"github.com/jaarzoek/jaarzoek/normalize"
)

// ExampleParseNumber shows the Dutch conventions: "." groups thousands,
// "," is the decimal comma, marks never change the sign, and a scale line
// multiplies on the digits.
func ExampleParseNumber() {
	for _, s := range []string{"514.907", "11,6%", "- 328 N", "4.977-", "€ 1.000,-", "58**", "350 kind", "€ 4,6 miljoen", "nnb", "2018-2022"} {
		n, err := normalize.ParseNumber(s)
		switch {
		case err != nil:
			fmt.Printf("%-14q refused\n", s)
		case n.Missing:
			fmt.Printf("%-14q missing\n", s)
		default:
			fmt.Printf("%-14q %s unit=%q marks=%q\n", s, n.Decimal(), n.Unit, n.Marks)
		}
	}
	sc, _ := normalize.ParseScale("bedragen x € 1.000")
	n, _ := normalize.ParseNumber("0,07")
	fmt.Println(n.Scaled(sc.Pow).Float())
	// Output:
	// "514.907"      514907 unit="" marks=""
	// "11,6%"        11.6 unit="procent" marks=""
	// "- 328 N"      -328 unit="" marks="N"
	// "4.977-"       -4977 unit="" marks=""
	// "€ 1.000,-"    1000 unit="euro" marks=""
	// "58**"         58 unit="" marks="**"
	// "350 kind"     350 unit="aantal" marks=""
	// "€ 4,6 miljoen" 4600000 unit="euro" marks=""
	// "nnb"          missing
	// "2018-2022"    refused
	// 70
}
