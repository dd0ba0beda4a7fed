// Package pipeline runs sources through jaarzoek's stages — fetch, extract,
// normalize, index — and returns a run report: per source, done or failed
// with the reason, and what it held.
//
// Each stage is a function of one item (Stage) supplied by the caller; the
// stage packages never start goroutines. Run owns all concurrency: a pool of
// Config.Workers goroutines per stage, joined by channels buffered to that
// size, so memory stays bounded whatever the number of sources. A document
// that fails in any stage is recorded in the report and the run goes on;
// only a run-wide failure (a stage error wrapped with Fatal, such as an index
// that cannot be written) or a canceled context ends it.
package pipeline
