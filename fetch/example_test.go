package fetch_test

import (
	"context"
	"fmt"

	"github.com/jaarzoek/jaarzoek/fetch"
	"github.com/jaarzoek/jaarzoek/model"
)

func ExampleExpand() {
	ctx := context.Background()
	args := []string{"testdata/example/docs", "testdata/example/manifest.csv"}
	for src, err := range fetch.Expand(ctx, args, model.Hints{Kind: "jaarstukken"}) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(src.Location, src.Origin, src.Hints)
	}
	// Output:
	// testdata/example/docs/2022/jaarrekening.pdf  { 0 jaarstukken}
	// testdata/example/docs/2022/programma-1.html  { 0 jaarstukken}
	// testdata/example/docs/2022/jaarrekening.pdf testdata/example/manifest.csv:2 {Houten 2022 jaarstukken}
	// https://houten.jaarverslag-2022.nl/p12104/bbv-indicatoren testdata/example/manifest.csv:3 {Houten 2022 jaarstukken}
	// error: testdata/example/manifest.csv:4: fetch: bad manifest row: year "20222" is not a four-digit year
}

func ExampleFetcher_Fetch() {
	var f fetch.Fetcher
	raw, err := f.Fetch(context.Background(), model.Source{Location: "testdata/example/docs/2022/programma-1.html"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(raw.Format, len(raw.Data), model.DocID(raw.Data)[:15])
	// Output:
	// html 117 sha256:67e4dcb6
}

func ExampleDetectFormat() {
	for _, data := range []string{"%PDF-1.7", "<!DOCTYPE html><html>", "Programma 1", "GIF89a"} {
		format, err := fetch.DetectFormat([]byte(data), "pagina.htm", "")
		fmt.Printf("%q: %q %v\n", data, format, err)
	}
	// Output:
	// "%PDF-1.7": "pdf" <nil>
	// "<!DOCTYPE html><html>": "html" <nil>
	// "Programma 1": "html" <nil>
	// "GIF89a": "" fetch: not an HTML or PDF document: content is image/gif
}
