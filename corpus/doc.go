// Package corpus holds jaarzoek's sample documents and the records expected
// from them: docs/ has real report pages of Dutch gemeenten as HTML and as
// PDF from three producers, gold/<slug>.jsonl the figures each must yield,
// spec/<slug>.json the transcription of each page (headings, paragraphs,
// tables), and manifest.csv names every document with its gemeente, year
// and kind (manifest_nohints.csv names the documents only).
//
// The tests of this package run the extraction on every manifest row and
// compare the records with the gold, the way the published scorer does.
// The expected records are truth and change only by hand, with a reason.
package corpus
