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
// (stemming), and "jeugdhulp" finds "jeugdhulpvoorzieningen", ranked below
// passages that hold the word itself. Compounds are found without a
// dictionary: every long word of the passages is kept once in a vocabulary
// whose parts field indexes all its suffixes, so a prefix query there finds
// the words holding a part anywhere; their stems are then searched in the
// passage text with a low boost. The cost grows with the vocabulary, not
// with the number of passages.
//
// Searching while another process writes the index is refused with
// ErrBusy, after Options.Wait, with a message saying so: bleve keeps its
// root file locked while an index is open for writing.
//
// The package is the only one in jaarzoek that imports bleve; its queries
// return model types and the hit types declared here.
package index
