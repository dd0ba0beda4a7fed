package pipeline

import (
	"context"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/model"
)

// IndexStage returns the index stage writing into ix: a finished item's
// passages and figures replace what its source held, a failed item is
// recorded as a failure. A write error ends the run.
func IndexStage(ix *index.Index) Stage[*Item, string] {
	return func(ctx context.Context, it *Item) (string, error) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		if it.Err != nil {
			f := index.Failure{Source: it.Source.Location, Stage: it.Err.Stage, Reason: it.Err.Error()}
			if it.Doc != nil {
				f.Info = it.Doc.DocInfo
			}
			if err := ix.PutFailure(ctx, f); err != nil {
				return "", Fatal(err)
			}
			return "", nil
		}
		d := it.Doc
		if d == nil {
			return "", model.Errorf(it.Source.Location, model.StageIndex, model.Pos{}, "no document")
		}
		outcome, err := ix.Put(ctx, &index.Doc{
			Source:   it.Source.Location,
			Info:     d.DocInfo,
			Hints:    it.Source.Hints,
			Title:    d.Title,
			Pages:    d.Pages,
			Engine:   d.Engine,
			Passages: it.Norm.Passages,
			Records:  it.Norm.Records,
			Warnings: len(d.Warnings) + len(it.Norm.Errors),
			Skipped:  it.Norm.Skipped,
		})
		if err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return "", Fatal(err)
		}
		return string(outcome), nil
	}
}

// UnchangedIn returns a Config.Unchanged that asks ix whether a source
// holds the same bytes, read with the same hints, already.
func UnchangedIn(ix *index.Index) func(context.Context, model.Raw) (bool, error) {
	return func(ctx context.Context, raw model.Raw) (bool, error) {
		ok, err := ix.Unchanged(ctx, raw.Source.Location, model.DocID(raw.Data), raw.Source.Hints)
		if err != nil && ctx.Err() == nil {
			return false, Fatal(err)
		}
		return ok, err
	}
}
