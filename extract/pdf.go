package extract

import (
	"context"
	"errors"
	"fmt"

	"github.com/jaarzoek/jaarzoek/extract/pdfguard"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/jaarzoek/jaarzoek/model"
)

// PDF reads the text layer of a PDF into a Document: headings, paragraphs
// and list items in reading order with their page and heading path.
// Pages whose text failed the quality check, and pages that could not be
// read, are Warnings with their page; their text is kept, marked
// Untrusted. The file is read by pdfguard in a child process bounded in
// time and memory, by a second engine when the first cannot read it;
// Document.Engine names the engine. A file that cannot be read at all
// gives a *model.SourceError wrapping one of pdfguard's sentinels
// (ErrMalformed, ErrEncrypted, ErrPassword, ErrNoText, ErrTimeout,
// ErrMemory).
func PDF(ctx context.Context, raw model.Raw) (doc *model.Document, err error) {
	src := sourceName(raw)
	defer func() {
		// pdftext recovers the reader's panics itself; this keeps a bug in
		// layout from taking a worker down.
		if r := recover(); r != nil {
			doc = nil
			err = &model.SourceError{Source: src, Stage: model.StageExtract, Err: fmt.Errorf("extract: %w: %v", pdftext.ErrMalformed, r)}
		}
	}()
	res, err := pdfguard.Read(ctx, raw.Data, pdfguard.Options{})
	if err != nil {
		return nil, &model.SourceError{Source: src, Stage: model.StageExtract, Err: fmt.Errorf("extract: reading pdf: %w", err)}
	}
	pages, info := res.Pages, res.Info
	doc = &model.Document{Title: info.Title, Pages: len(pages), Engine: res.Engine}
	doc.Blocks = pdfBlocks(pages, res.Tagged)
	doc.Site = pdfSite(pages, info.Author)
	if doc.Title == "" {
		for _, b := range doc.Blocks {
			if b.Kind == model.BlockHeading && b.Level == 1 {
				doc.Title = b.Text
				break
			}
		}
	}
	doc.Warnings = pageWarnings(src, pages, err)
	return doc, nil
}

// pageWarnings reports the pages that failed or were not trusted.
func pageWarnings(src string, pages []pdftext.Page, err error) []*model.SourceError {
	var ws []*model.SourceError
	failed := map[int]error{}
	var pe *pdftext.PageError
	for _, e := range unjoin(err) {
		if errors.As(e, &pe) {
			failed[pe.Page] = pe
		}
	}
	for _, p := range pages {
		pos := model.Pos{Page: p.Number}
		switch {
		case failed[p.Number] != nil:
			ws = append(ws, &model.SourceError{Source: src, Stage: model.StageExtract, Pos: pos, Err: failed[p.Number]})
		case !p.Trusted:
			ws = append(ws, model.Errorf(src, model.StageExtract, pos, "extract: %s", p.Problem))
		}
	}
	return ws
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
