package pdftext

import (
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A font is what the interpreter needs of a PDF font: how to split a
// string into codes, each code's advance width and text, and the
// vertical extent of its glyphs.
type font struct {
	name         string // base font name without the subset tag
	bold, italic bool

	composite bool
	vertical  bool    // Identity-V and other vertical CMaps
	enc       *cmap   // composite: code space and code → CID
	ucs2      bool    // composite: codes are UTF-16 (Uni…-UCS2 CMaps)
	toUni     *cmap   // ToUnicode map, or nil
	scale     float64 // glyph space → text space: 0.001, or FontMatrix a for Type 3

	// Simple fonts.
	widths   [256]float64
	hasWidth [256]bool
	names    [256]string // glyph names from the encoding
	baseText [256]string // text from a single-byte base encoding, when names say nothing
	std      string      // standard 14 metrics used, if any
	missingW float64
	symbolic bool

	// Composite fonts.
	cidW map[uint32]float64
	dw   float64

	ascent, descent float64 // em, positive and negative

	// textCache holds decoded text per code.
	textCache map[uint32]glyphCode
}

type glyphCode struct {
	text   string
	mapped bool
}

func stripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		upper := true
		for i := 0; i < 6; i++ {
			if name[i] < 'A' || name[i] > 'Z' {
				upper = false
			}
		}
		if upper {
			return name[7:]
		}
	}
	return name
}

// loadFont reads a font dictionary. It never panics on odd values: a
// missing entry falls back to what viewers assume.
func loadFont(doc *docState, v pdf.Value) *font {
	f := &font{scale: 0.001, textCache: map[uint32]glyphCode{}}
	subtype := v.Key("Subtype").Name()
	f.name = stripSubset(v.Key("BaseFont").Name())
	desc := v.Key("FontDescriptor")
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data := doc.readStream(tu); len(data) > 0 {
			f.toUni = parseCMap(data)
		}
	}
	if subtype == "Type0" {
		f.composite = true
		desc = f.loadComposite(doc, v)
	} else {
		f.loadSimple(v, subtype, desc)
	}
	f.ascent, f.descent = 0, 0
	if desc.Kind() == pdf.Dict {
		if a := math.Abs(desc.Key("Ascent").Float64() / 1000); a > 0 && a < 3 {
			f.ascent = a
		}
		if d := -math.Abs(desc.Key("Descent").Float64() / 1000); d < 0 && d > -3 {
			f.descent = d
		}
		// A font that is not embedded is drawn with a substitute: its
		// descriptor's metrics describe a font nobody sees.
		if f.std != "" && !embedded(desc) {
			f.ascent, f.descent = 0, 0
		}
		flags := desc.Key("Flags").Int64()
		f.symbolic = flags&4 != 0
		if flags&(1<<6) != 0 || desc.Key("ItalicAngle").Float64() != 0 {
			f.italic = true
		}
		if flags&(1<<18) != 0 || desc.Key("FontWeight").Float64() >= 600 {
			f.bold = true
		}
	}
	if subtype == "Type3" && f.ascent == 0 {
		f.type3Metrics(v)
	}
	if f.ascent == 0 || f.descent == 0 {
		a, d := std14Metrics(f.std)
		if f.ascent == 0 {
			f.ascent = a
		}
		if f.descent == 0 {
			f.descent = d
		}
	}
	lower := strings.ToLower(f.name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", ",bd", "-bd"} {
		if strings.Contains(lower, w) {
			f.bold = true
		}
	}
	if strings.Contains(lower, "italic") || strings.Contains(lower, "oblique") {
		f.italic = true
	}
	return f
}

func (f *font) loadSimple(v pdf.Value, subtype string, desc pdf.Value) {
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	if subtype != "Type3" && !embedded(desc) {
		f.std = std14Name(f.name)
	}
	symbolicStd := f.std == "Symbol" || f.std == "ZapfDingbats"
	// Encoding: the base encoding, then /Differences.
	var base *[256]string
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		base = baseEncoding(enc.Name())
	case pdf.Dict:
		base = baseEncoding(enc.Key("BaseEncoding").Name())
	}
	if base == nil {
		switch {
		case symbolicStd:
			base = baseEncoding(f.std)
		case subtype == "TrueType":
			base = baseEncoding("WinAnsiEncoding")
		default:
			base = baseEncoding("StandardEncoding")
		}
	}
	f.names = *base
	if enc.Kind() == pdf.Dict {
		diffs := enc.Key("Differences")
		code := 0
		for i := 0; i < diffs.Len(); i++ {
			d := diffs.Index(i)
			switch d.Kind() {
			case pdf.Integer, pdf.Real:
				code = int(d.Float64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					f.names[code] = d.Name()
				}
				code++
			}
		}
	}
	winAnsi := baseEncoding("WinAnsiEncoding")
	for i := range f.baseText {
		if t, ok := glyphText(winAnsi[i]); ok {
			f.baseText[i] = t
		}
	}
	// Widths: /Widths, else the standard 14 metrics by glyph name.
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	f.missingW = desc.Key("MissingWidth").Float64()
	for i := 0; i < ws.Len(); i++ {
		c := first + i
		if c >= 0 && c < 256 {
			f.widths[c] = ws.Index(i).Float64()
			f.hasWidth[c] = true
		}
	}
	std := f.std
	if std == "" && subtype != "Type3" {
		// An embedded standard font without /Widths: the standard
		// metrics are the best guess.
		std = std14Name(f.name)
	}
	if ws.Len() == 0 && std != "" {
		for c := 0; c < 256; c++ {
			if w, ok := std14Width(std, f.names[c]); ok {
				f.widths[c] = w
				f.hasWidth[c] = true
			}
		}
	}
}

// loadComposite reads a Type0 font and returns the descendant's font
// descriptor.
func (f *font) loadComposite(doc *docState, v pdf.Value) pdf.Value {
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		n := enc.Name()
		f.vertical = strings.HasSuffix(n, "-V")
		f.ucs2 = strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")
	case pdf.Stream:
		if data := doc.readStream(enc); len(data) > 0 {
			f.enc = parseCMap(data)
		}
		f.vertical = enc.Key("WMode").Int64() == 1
	}
	df := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := df.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.cidW = map[uint32]float64{}
	w := df.Key("W")
	for i := 0; i < w.Len(); {
		first := w.Index(i)
		if i+1 >= w.Len() {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len() && j < 1<<16; j++ {
				f.cidW[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		lo, hi := uint32(first.Float64()), uint32(next.Float64())
		width := w.Index(i + 2).Float64()
		if hi >= lo && hi-lo < 1<<16 {
			for c := lo; c <= hi; c++ {
				f.cidW[c] = width
			}
		}
		i += 3
	}
	if f.name == "" {
		f.name = stripSubset(df.Key("BaseFont").Name())
	}
	return df.Key("FontDescriptor")
}

// next splits the first code off s and returns it with its width in
// glyph space units (1/1000 em for all but Type 3) and whether it is the
// single-byte code 32, to which word spacing applies.
func (f *font) next(s string) (code uint32, n int, width float64, space bool) {
	if !f.composite {
		c := s[0]
		w := f.missingW
		if f.hasWidth[c] {
			w = f.widths[c]
		}
		return uint32(c), 1, w, c == ' '
	}
	code, n = f.enc.nextCode(s)
	cid := code
	if f.enc != nil && (len(f.enc.cidChar) > 0 || len(f.enc.cidRange) > 0) {
		cid = f.enc.cid(code)
	}
	w, ok := f.cidW[cid]
	if !ok {
		w = f.dw
	}
	return code, n, w, n == 1 && code == 32
}

// text returns the text of code and whether it came from a real mapping
// (ToUnicode, a known glyph name, a Unicode CMap); unmapped glyphs read
// as U+FFFD.
func (f *font) text(code uint32) (string, bool) {
	if g, ok := f.textCache[code]; ok {
		return g.text, g.mapped
	}
	g := f.decode(code)
	f.textCache[code] = g
	return g.text, g.mapped
}

func (f *font) decode(code uint32) glyphCode {
	if f.toUni != nil {
		if t, ok := f.toUni.unicode(code); ok && t != "" {
			return glyphCode{t, true}
		}
	}
	if f.composite {
		if f.ucs2 {
			return glyphCode{string(rune(code)), true}
		}
		return glyphCode{"\uFFFD", false}
	}
	if code > 255 {
		return glyphCode{"\uFFFD", false}
	}
	if n := f.names[code]; n != "" {
		if t, ok := glyphText(n); ok {
			return glyphCode{t, true}
		}
		return glyphCode{"\uFFFD", false}
	}
	// A symbolic font without a usable encoding: many producers still
	// put Latin codes in it.
	if t := f.baseText[code]; t != "" && !f.symbolic {
		return glyphCode{t, true}
	}
	if t := f.baseText[code]; t != "" {
		return glyphCode{t, false}
	}
	return glyphCode{"\uFFFD", false}
}

// embedded reports whether a font descriptor carries the font program.
func embedded(desc pdf.Value) bool {
	return desc.Kind() == pdf.Dict && (!desc.Key("FontFile").IsNull() || !desc.Key("FontFile2").IsNull() || !desc.Key("FontFile3").IsNull())
}

// type3Metrics takes ascent and descent of a Type 3 font from its
// FontBBox in text space.
func (f *font) type3Metrics(v pdf.Value) {
	bb, m := v.Key("FontBBox"), v.Key("FontMatrix")
	if bb.Len() != 4 || m.Len() != 6 {
		return
	}
	d := m.Index(3).Float64()
	y0, y1 := bb.Index(1).Float64()*d, bb.Index(3).Float64()*d
	a, de := math.Max(y0, y1), math.Min(y0, y1)
	if a > 0 && a < 3 && de <= 0 && de > -3 {
		f.ascent, f.descent = a, de
		if de == 0 {
			f.descent = -0.001
		}
	}
}
