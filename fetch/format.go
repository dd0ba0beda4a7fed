package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/jaarzoek/jaarzoek/model"
)

// DetectFormat says whether data is HTML or PDF. The bytes decide first: a
// "%PDF-" header within the first 1024 bytes (where readers look for it) is
// PDF; markup that starts with a doctype, <html> or another HTML tag is HTML.
// Only when the bytes say nothing certain does the extension of name count
// (".pdf", ".html", ".htm", ".xhtml"), then contentType. Bytes that are
// clearly something else (an image, a zip archive) are ErrUnsupported
// whatever the name says; empty data is ErrEmpty.
func DetectFormat(data []byte, name, contentType string) (model.Format, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return model.FormatPDF, nil
	}
	if looksHTML(head) {
		return model.FormatHTML, nil
	}
	sniffed := http.DetectContentType(data)
	if !strings.HasPrefix(sniffed, "text/") && sniffed != "application/octet-stream" {
		return "", fmt.Errorf("%w: content is %s", ErrUnsupported, sniffed)
	}
	if name != "" {
		if f := formatOfName(name); f != "" {
			return f, nil
		}
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return model.FormatHTML, nil
		case "application/pdf", "application/x-pdf":
			return model.FormatPDF, nil
		}
	}
	return "", fmt.Errorf("%w: content is %s", ErrUnsupported, sniffed)
}

// formatOfName returns the format an extension names, or "".
func formatOfName(name string) model.Format {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return model.FormatPDF
	case ".html", ".htm", ".xhtml":
		return model.FormatHTML
	}
	return ""
}

// htmlStarts are the ways an HTML document (or fragment) commonly begins,
// lower case. An XML declaration or a comment may come before them.
var htmlStarts = []string{
	"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<link",
	"<script", "<style", "<div", "<table", "<p>", "<p ", "<h1", "<h2", "<h3",
	"<section", "<article", "<main", "<header", "<nav", "<ul", "<ol", "<span",
	"<a ", "<br", "<font", "<center", "<frameset", "<form", "<iframe", "<b>",
}

// looksHTML reports whether head starts, after a byte-order mark, white
// space, an XML declaration and comments, with an HTML tag.
func looksHTML(head []byte) bool {
	s := strings.ToLower(string(head))
	s = strings.TrimPrefix(s, "\ufeff")
	for {
		s = strings.TrimLeft(s, " \t\r\n\f")
		switch {
		case strings.HasPrefix(s, "<?xml"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return false
			}
			s = s[i+2:]
			continue
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				// A long comment at the top still means markup.
				return strings.Contains(s, "<html")
			}
			s = s[i+3:]
			continue
		case strings.HasPrefix(s, "<!doctype html"):
			return true
		case strings.HasPrefix(s, "<!doctype"):
			// XHTML doctypes name "html" after the keyword.
			return strings.HasPrefix(strings.TrimLeft(s[len("<!doctype"):], " \t\r\n"), "html")
		}
		break
	}
	for _, p := range htmlStarts {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
