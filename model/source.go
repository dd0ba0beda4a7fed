package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Format is the kind of bytes a document is made of.
type Format string

// The formats jaarzoek reads.
const (
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
)

// Hints are what a person or manifest says about a source; each non-zero
// field beats detection.
type Hints struct {
	Gemeente string // a name, alias or CBS code ("Twenterand", "GM1700")
	Year     int    // doc_year
	Kind     string // doc_kind ("jaarstukken", "begroting", …)
}

// A Source is one thing to read: a local path or an http(s) URL, with the
// hints given for it.
type Source struct {
	Location string // path or URL, as the user or manifest wrote it (relative paths resolved)
	Hints    Hints
	Origin   string // where the source was named, e.g. "manifest.csv:12"; empty on the command line
	Depth    int    // link depth from the start URL when crawled; 0 otherwise
}

// Raw is a source's bytes as fetched.
type Raw struct {
	Source      Source
	URL         string    // final URL after redirects, or the cleaned path
	ContentType string    // the Content-Type header as served; may lie about the body
	Format      Format    // detected from the bytes first, then the name and header
	Data        []byte    // the body
	FetchedAt   time.Time // zero for local files
	FromCache   bool      // served from the fetch cache without a download
}

// DocID returns the document id of data: "sha256:" and the hex of its hash.
func DocID(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}
