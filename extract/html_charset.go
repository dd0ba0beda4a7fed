package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit bounds the prescan for <meta charset>: browsers look at the
// first 1024 bytes, but report platforms put long <style> blocks first.
const metaScanLimit = 8192

// decodeHTML returns data as UTF-8 and the name of the encoding it was read in.
//
// The order: a byte-order mark; then the body itself when it is valid UTF-8
// holding multibyte sequences (a header or meta that says windows-1252 or
// latin1 about such a body lies, as servers often do); then the Content-Type
// header, then <meta charset> or http-equiv; then a sniff of the whole body:
// valid UTF-8 stays UTF-8, anything else is read as windows-1252.
func decodeHTML(data []byte, contentType string) ([]byte, string) {
	for _, bom := range []struct {
		mark []byte
		enc  encoding.Encoding
		name string
	}{
		{[]byte{0xEF, 0xBB, 0xBF}, nil, "utf-8"},
		{[]byte{0xFE, 0xFF}, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"},
		{[]byte{0xFF, 0xFE}, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"},
	} {
		if bytes.HasPrefix(data, bom.mark) {
			rest := data[len(bom.mark):]
			if bom.enc == nil {
				return toValidUTF8(rest), bom.name
			}
			if out, err := bom.enc.NewDecoder().Bytes(rest); err == nil {
				return out, bom.name
			}
		}
	}

	valid, multibyte := utf8Stats(data)
	if valid && multibyte {
		return data, "utf-8"
	}

	var declared []string
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" {
			declared = append(declared, cs)
		}
	}
	if cs := metaCharset(data); cs != "" {
		declared = append(declared, cs)
	}
	for _, label := range declared {
		enc, name := charset.Lookup(label)
		if enc == nil {
			continue
		}
		if name == "utf-8" {
			if valid {
				return data, name
			}
			// Declared UTF-8 but not UTF-8: the next declaration, or the sniff.
			continue
		}
		if valid && !multibyte && asciiCompatible(name) {
			return data, name // pure ASCII reads the same in every such encoding
		}
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return out, name
		}
	}
	if valid {
		return data, "utf-8"
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return toValidUTF8(data), "utf-8"
	}
	return out, "windows-1252"
}

// utf8Stats reports whether data is valid UTF-8 and whether it has any byte
// above 0x7F.
func utf8Stats(data []byte) (valid, multibyte bool) {
	i := 0
	for i < len(data) && data[i] < utf8.RuneSelf {
		i++
	}
	if i == len(data) {
		return true, false
	}
	return utf8.Valid(data[i:]), true
}

func asciiCompatible(name string) bool {
	return !strings.HasPrefix(name, "utf-16") && name != "iso-2022-jp" && name != "replacement"
}

func toValidUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// metaCharset returns the charset a <meta> element in the head declares:
// <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">.
func metaCharset(data []byte) string {
	if len(data) > metaScanLimit {
		data = data[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body", "p", "div", "table", "h1", "h2", "main":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = strings.TrimSpace(string(v))
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs != "" {
				return cs
			}
			if pragma && content != "" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
				if i := indexFold(content, "charset="); i >= 0 {
					return strings.Trim(strings.TrimSpace(content[i+len("charset="):]), `"';`)
				}
			}
		}
	}
}

// indexFold is strings.Index ignoring ASCII case; byte offsets stay those of s.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
