package extract

import (
	"context"
	"errors"
	"fmt"

	"github.com/jaarzoek/jaarzoek/model"
)

// ErrFormat reports bytes that are neither HTML nor PDF.
var ErrFormat = errors.New("extract: unsupported format")

// Document turns raw into a Document with the reader for its format. The
// Document carries the source's hints and document id; a failure is a
// *model.SourceError naming the source.
func Document(ctx context.Context, raw model.Raw) (*model.Document, error) {
	var (
		doc *model.Document
		err error
	)
	switch raw.Format {
	case model.FormatHTML:
		doc, err = HTML(ctx, raw)
	case model.FormatPDF:
		doc, err = PDF(ctx, raw)
	default:
		err = fmt.Errorf("%w %q", ErrFormat, raw.Format)
	}
	if err != nil {
		return nil, model.AsSourceError(err, sourceName(raw), model.StageExtract)
	}
	if doc.Doc == "" {
		doc.Doc = model.DocID(raw.Data)
	}
	doc.Source = sourceName(raw)
	doc.Format = raw.Format
	doc.Hints = raw.Source.Hints
	return doc, nil
}

// sourceName is the name records carry: the location as given, or the
// final URL when there is none.
func sourceName(raw model.Raw) string {
	if raw.Source.Location != "" {
		return raw.Source.Location
	}
	return raw.URL
}
