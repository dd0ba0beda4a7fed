package fetch

import (
	"context"
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func BenchmarkFetchCached(b *testing.B) {
	s := newSite(b)
	f := testFetcher(b.TempDir())
	src := model.Source{Location: s.url("/jaarstukken-2023/programma-1")}
	if _, err := f.Fetch(context.Background(), src); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if raw, err := f.Fetch(context.Background(), src); err != nil || len(raw.Data) == 0 {
			b.Fatal(err)
		}
	}
}
