// Package index stores jaarzoek's figures (model.Record) and passages
// (model.Passage) in one embedded bleve index on disk and answers every query
// on them: Dutch full-text search over passages, filtered figure lookups, and
// the per-document coverage of a corpus.
//
// A document is written whole or not at all: its old passages and figures,
// its new ones and its status go into one bleve batch, so an index read after
// a crash holds each document as it was before or after, never a mix.
// Writing the same bytes for a source again changes nothing.
//
// Search takes plain Dutch words: "mantelzorger" finds "mantelzorgers"
// (stemming), and "jeugdhulp" finds "jeugdhulpvoorzieningen" through a
// sub-word field, ranked below passages that hold the word itself.
//
// The package is the only one in jaarzoek that imports bleve; its queries
// return model types and the hit types declared here.
package index
