// Package damage makes damaged and unusual PDFs for tests: small PDFs
// built from text lines (object streams, other filters, inline and
// image-only pages), hostile ones (a flate bomb, a cyclic /Extends chain,
// a gigantic predictor row), and variants of a given PDF that are either
// broken (truncated, zeroed, flipped bytes, shifted cross-references) or
// changed without loss (a PDF 2.0 header, encryption, object streams).
//
// Every variant drawn at random takes a seed, so a failing case can be
// made again.
package damage
