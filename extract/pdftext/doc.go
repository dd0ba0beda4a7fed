// Package pdftext reads the text layer of a PDF: it interprets each page's
// content stream on ledongthuc/pdf's object model and returns words with
// their boxes, the rules drawn on the page, and a verdict on whether the
// text can be trusted for figures.
//
// Read takes the bytes of a PDF and returns one Page per page. Coordinates
// are points with the origin at the top left of the page as displayed
// (CropBox, /Rotate applied), y growing downwards. For a page that shows
//
//	BT /F1 10 Tf 100 700 Td (Hello world) Tj ET
//
// in Helvetica on a 612 × 792 page, Read gives the words "Hello" (x 100 to
// 122.78) and "world", both with baseline 92 and size 10. Words break at
// blank glyphs, at gaps wider than a tenth of the font size and at changes
// of baseline or size; their text is NFKC-normalised (ligatures expanded)
// but for superscript digits, and a footnote mark set as small raised
// digits joins its word as superscripts ("Jeugdteam¹").
// Glyph widths come from the font's /Widths or /W arrays, or from the
// metrics of the standard 14 fonts; text from the ToUnicode map, else from
// the encoding's glyph names. Form XObjects and annotation appearances are
// drawn, inline images skipped. Stroked lines and filled rectangles become
// Rules. Words of lines that recur near the top or bottom of many pages
// with the same text, but for a page number, and stand between the edge
// and the content (running headers, footers, page numbers), and of page
// labels ("Pagina 1 van 1") are marked Running.
//
// A page whose glyphs mostly lack a Unicode mapping, or decode to
// private-use or control characters, is not Trusted and says why in
// Problem; so is a page with images and no text ("no text layer").
//
// Blocks turns pages into headings, paragraphs and list items for search:
// lines from baselines, reading order for one or two columns, headings
// from size and weight relative to the body text, words hyphenated at a
// line end joined again ("jeugd-" + "hulp" → "jeugdhulp", while
// "Wmo-" + "voorzieningen" keeps its hyphen).
//
// Read is lenient where viewers are: a header of another version, bytes
// before the header or after %%EOF, a trailer /Size that is too small, and
// content streams in LZW, ASCIIHex or RunLength are read; when the
// cross-reference table is broken or missing (a truncated download, shifted
// offsets), the table is rebuilt from the objects in the file. Files
// encrypted with a password, or with AES-256 or RC4 in a crypt filter
// (which the library cannot decrypt), give ErrEncrypted.
//
// The PDF library reports malformed input by panicking; Read recovers
// every panic, per page and per document, into ErrMalformed. It does not
// bound time or memory beyond fixed limits per page and stream: run it in
// a guarded process for untrusted input.
package pdftext
