// Package pdftext reads the text layer of a PDF: it interprets each page's
// content stream on ledongthuc/pdf's object model and returns words with
// their boxes, the rules drawn on the page, and a verdict on whether the
// text can be trusted for figures.
package pdftext
