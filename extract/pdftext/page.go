package pdftext

// A Word is a run of glyphs on one baseline with no gap wider than a space
// between them. Coordinates are PDF points with the origin at the top left of
// the page as displayed (after /Rotate), y growing downwards.
type Word struct {
	Text   string  `json:"text"` // NFKC-normalised but for superscript digits, ligatures expanded
	X0     float64 `json:"x0"`
	Y0     float64 `json:"y0"` // top of the box
	X1     float64 `json:"x1"`
	Y1     float64 `json:"y1"`   // bottom of the box
	Base   float64 `json:"base"` // baseline y
	Size   float64 `json:"size"` // font size in points after all matrices
	Font   string  `json:"font,omitempty"`
	Bold   bool    `json:"bold,omitempty"`
	Italic bool    `json:"italic,omitempty"`
	// Running is set on words of lines repeated on most pages (running
	// headers, footers, page numbers): never content, never a table.
	Running bool `json:"running,omitempty"`
	// MCID is the marked-content id of the sequence the word was drawn
	// in, when HasMCID is set: tagged PDFs tie their structure (tables,
	// cells) to the page's content by these ids. A word never spans two
	// marked-content sequences.
	MCID    int  `json:"mcid,omitempty"`
	HasMCID bool `json:"has_mcid,omitempty"`
}

// A Rule is a stroked line or a thin filled rectangle, in the coordinates of
// Word; wide filled rectangles (cell shading) are kept too, as table
// finders use their edges.
type Rule struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// A Page is what jaarzoek reads off one PDF page.
type Page struct {
	Number int     `json:"number"` // from 1
	Width  float64 `json:"width"`  // points, as displayed
	Height float64 `json:"height"`
	Words  []Word  `json:"words"` // in content-stream order
	Rules  []Rule  `json:"rules,omitempty"`
	// Trusted is false when the page failed the text-quality check (fonts
	// without a usable ToUnicode map): its words may be garbage, digits
	// included, and give no figures.
	Trusted bool   `json:"trusted"`
	Problem string `json:"problem,omitempty"` // why the page is not trusted, or why it has no words
}
