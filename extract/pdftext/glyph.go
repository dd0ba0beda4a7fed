package pdftext

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

var (
	glyphOnce sync.Once
	glyphList map[string]rune

	encOnce                                                        sync.Once
	stdEnc, winAnsiEnc, macRomanEnc, symbolEnc, zapfEnc, pdfDocEnc [256]string

	std14Once   sync.Once
	std14Widths map[string]map[string]uint16
)

func loadGlyphList() {
	glyphList = make(map[string]rune, 4400)
	for line := range strings.SplitSeq(glyphListData, "\n") {
		name, hex, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err == nil {
			glyphList[name] = rune(v)
		}
	}
}

func loadEncodings() {
	for _, e := range []struct {
		dst  *[256]string
		data string
	}{
		{&stdEnc, stdEncodingData}, {&winAnsiEnc, winAnsiEncodingData}, {&macRomanEnc, macRomanEncodingData},
		{&symbolEnc, symbolEncodingData}, {&zapfEnc, zapfEncodingData}, {&pdfDocEnc, pdfDocEncodingData},
	} {
		for i, n := range strings.Fields(e.data) {
			if i < 256 && n != "." {
				e.dst[i] = n
			}
		}
	}
	// WinAnsi prints unused codes and the non-breaking space as bullets
	// and spaces in practice.
	if winAnsiEnc[0xA0] == "" {
		winAnsiEnc[0xA0] = "space"
	}
}

func loadStd14() {
	std14Widths = make(map[string]map[string]uint16, len(std14WidthData))
	for font, data := range std14WidthData {
		f := strings.Fields(data)
		m := make(map[string]uint16, len(f)/2)
		for i := 0; i+1 < len(f); i += 2 {
			w, _ := strconv.Atoi(f[i+1])
			m[f[i]] = uint16(w)
		}
		std14Widths[font] = m
	}
}

// baseEncoding returns the glyph names of a named base encoding, or nil.
func baseEncoding(name string) *[256]string {
	encOnce.Do(loadEncodings)
	switch name {
	case "StandardEncoding":
		return &stdEnc
	case "WinAnsiEncoding":
		return &winAnsiEnc
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRomanEnc
	case "PDFDocEncoding":
		return &pdfDocEnc
	case "Symbol":
		return &symbolEnc
	case "ZapfDingbats":
		return &zapfEnc
	}
	return nil
}

// glyphRune maps a glyph name to text: the Adobe Glyph List, then the
// uniXXXX and uXXXX[XX] conventions, then names with a suffix
// ("a.sc", "f_i"). ok is false for names that say nothing ("g123",
// "glyph42", "cid123").
func glyphText(name string) (string, bool) {
	glyphOnce.Do(loadGlyphList)
	if r, ok := glyphList[name]; ok {
		return string(r), true
	}
	if base, _, ok := strings.Cut(name, "."); ok && base != "" {
		return glyphText(base)
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for part := range strings.SplitSeq(name, "_") {
			t, ok := glyphText(part)
			if !ok {
				return "", false
			}
			b.WriteString(t)
		}
		return b.String(), true
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(v))
		}
		return b.String(), true
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v)), true
		}
	}
	return "", false
}

// std14Name maps a font's base name to the standard 14 font whose metrics
// it uses, or "" when it is not one of them. Common aliases (Arial,
// TimesNewRoman, CourierNew) count, as viewers substitute them.
func std14Name(base string) string {
	n := strings.ReplaceAll(base, " ", "")
	lower := strings.ToLower(n)
	bold := strings.Contains(lower, "bold") || strings.Contains(lower, "black") || strings.Contains(lower, "heavy")
	italic := strings.Contains(lower, "italic") || strings.Contains(lower, "oblique")
	family := ""
	switch {
	case strings.HasPrefix(lower, "helvetica"), strings.HasPrefix(lower, "arial"):
		family = "Helvetica"
	case strings.HasPrefix(lower, "times"):
		family = "Times"
	case strings.HasPrefix(lower, "courier"):
		family = "Courier"
	case strings.HasPrefix(lower, "symbol"):
		return "Symbol"
	case strings.HasPrefix(lower, "zapfdingbats"), strings.HasPrefix(lower, "dingbats"):
		return "ZapfDingbats"
	default:
		return ""
	}
	switch family {
	case "Times":
		switch {
		case bold && italic:
			return "Times-BoldItalic"
		case bold:
			return "Times-Bold"
		case italic:
			return "Times-Italic"
		}
		return "Times-Roman"
	default:
		switch {
		case bold && italic:
			return family + "-BoldOblique"
		case bold:
			return family + "-Bold"
		case italic:
			return family + "-Oblique"
		}
		return family
	}
}

// std14Width returns the width of glyph in a standard 14 font in 1/1000
// em, and false when the font or glyph is unknown.
func std14Width(font, glyph string) (float64, bool) {
	if strings.HasPrefix(font, "Courier") {
		return 600, true
	}
	std14Once.Do(loadStd14)
	face := strings.Replace(font, "Oblique", "", 1)
	face = strings.TrimSuffix(face, "-")
	m := std14Widths[face]
	if m == nil {
		return 0, false
	}
	w, ok := m[glyph]
	return float64(w), ok
}

// std14Metrics returns ascent and descent of a standard 14 font in em, as
// its AFM file gives them.
func std14Metrics(font string) (ascent, descent float64) {
	switch {
	case strings.HasPrefix(font, "Courier"):
		return 0.629, -0.157
	case strings.HasPrefix(font, "Helvetica"):
		return 0.718, -0.207
	case font == "Times-Roman":
		return 0.683, -0.217
	case font == "Times-Bold":
		return 0.676, -0.205
	case strings.HasPrefix(font, "Times"):
		return 0.683, -0.205
	case font == "Symbol":
		return 1.010, -0.293
	case font == "ZapfDingbats":
		return 0.820, -0.143
	}
	return 0.95, -0.35
}
