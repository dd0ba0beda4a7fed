package pdfguard_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/jaarzoek/jaarzoek/extract/pdfguard"
	"github.com/jaarzoek/jaarzoek/extract/pdfguard/internal/damage"
)

func ExampleRead() {
	data := damage.Build(damage.Spec{Pages: []damage.Page{{Lines: []string{"Jaarstukken 2022"}}}})
	res, err := pdfguard.Read(context.Background(), data, pdfguard.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Pages {
		for _, w := range p.Words {
			fmt.Println(res.Engine, p.Number, w.Text)
		}
	}
	// Output:
	// pdftext 1 Jaarstukken
	// pdftext 1 2022
}

func ExampleRead_password() {
	clean := damage.Build(damage.Spec{Pages: []damage.Page{{Lines: []string{"vertrouwelijk"}}}})
	locked, err := damage.Encrypt(clean, damage.Cipher{Method: "AES", Bits: 256}, "geheim")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = pdfguard.Read(context.Background(), locked, pdfguard.Options{})
	fmt.Println(errors.Is(err, pdfguard.ErrPassword))
	// Output: true
}
