// Package pdfium reads the text layer of a PDF with PDFium, compiled to
// WebAssembly and run by wazero inside the Go process (no cgo, no
// outside program): PDF bytes in, pdftext pages with words, their boxes
// and the rules drawn on the page out.
//
// It is the engine for files pdftext cannot open: damaged or lost
// cross-references and trailers (see Retrail), AES-256 and other
// encryption with an empty user password, filters pdftext lacks, content
// pdftext loses. PDFium repairs what it can, as browsers do. On the
// corpus its words, word boxes (within 1 pt) and rules are those of
// pdftext; it does not mark running headers and footers, and on a page
// turned by /Rotate it orders lines as they read on screen.
//
// The first call in a process compiles PDFium (seconds; the machine code
// is cached under the user cache folder, after which a start takes about
// half a second), so it is meant for the few files that need it.
package pdfium
