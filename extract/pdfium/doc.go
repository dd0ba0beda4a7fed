// Package pdfium reads the text layer of a PDF with PDFium, compiled to
// WebAssembly and run by wazero inside the Go process (no cgo, no
// outside program): PDF bytes in, pdftext pages with words and their
// boxes out.
//
// It is the engine for files pdftext cannot open: damaged
// cross-references, PDF 2.0, AES-256 and other encryption with an empty
// user password, filters pdftext lacks. PDFium repairs what it can, as
// browsers do. It gives no Rules, and it is slow to start (see Read), so
// it is meant for the few files that need it.
package pdfium
