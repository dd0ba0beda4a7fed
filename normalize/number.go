package normalize

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jaarzoek/jaarzoek/model"
)

// Sentinel errors of ParseNumber; test for them with errors.Is.
var (
	// ErrNotNumber is returned for text that is not a Dutch number.
	ErrNotNumber = errors.New("normalize: not a number")
	// ErrRange is returned for a number with more significant digits
	// than an int64 holds.
	ErrRange = errors.New("normalize: number out of range")
)

// A Number is a figure read from a cell: Mant × 10^Exp, exactly as printed
// (the digits are never rounded through a float), with what was taken off
// the text around it.
type Number struct {
	Mant int64 // the digits, signed
	Exp  int   // decimal exponent: "1.234,5" is Mant 12345, Exp -1

	// Missing is set for a missing-value token ("nnb", "n.v.t.", "-");
	// Mant and Exp are then zero.
	Missing bool
	// Unit is the unit the text itself states: model.UnitProcent for "%",
	// model.UnitEuro for "€", model.UnitAantal for a count with a unit
	// word ("350 kind"), model.UnitJaNee for "Ja"/"Nee"; else empty.
	Unit string
	// UnitText is a unit word printed after the number ("kind", "deeln").
	UnitText string
	// Marks are the footnote marks and V/N taken off the text ("**", "N",
	// "1)"), in the order printed.
	Marks string
}

// Float returns n as a float64: the exact decimal, converted once.
func (n Number) Float() float64 {
	// Both operands exact in a float64 and one operation: correctly
	// rounded, as ParseFloat of the decimal would be.
	const exact = 1 << 53
	if n.Mant > -exact && n.Mant < exact && n.Exp >= -22 && n.Exp <= 22 {
		m := float64(n.Mant)
		switch {
		case n.Exp == 0:
			return m
		case n.Exp < 0:
			return m / pow10[-n.Exp]
		case n.Exp <= 15 && n.Mant < exact/int64Pow10(n.Exp) && n.Mant > -exact/int64Pow10(n.Exp):
			return m * pow10[n.Exp]
		}
	}
	f, _ := strconv.ParseFloat(n.Decimal(), 64)
	return f
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// int64Pow10 returns 10^e for e from 0 to 15.
func int64Pow10(e int) int64 {
	p := int64(1)
	for range e {
		p *= 10
	}
	return p
}

// Decimal returns n in plain decimal notation with a point: "-1234.5".
func (n Number) Decimal() string {
	var b []byte
	m := n.Mant
	neg := m < 0
	var digits string
	if neg {
		// -MinInt64 overflows; its digits are known.
		if m == -1<<63 {
			digits = "9223372036854775808"
		} else {
			digits = strconv.FormatInt(-m, 10)
		}
	} else {
		digits = strconv.FormatInt(m, 10)
	}
	if neg {
		b = append(b, '-')
	}
	switch {
	case n.Exp >= 0:
		b = append(b, digits...)
		if m != 0 {
			for range n.Exp {
				b = append(b, '0')
			}
		}
	default:
		frac := -n.Exp
		if len(digits) <= frac {
			b = append(b, '0', '.')
			for range frac - len(digits) {
				b = append(b, '0')
			}
			b = append(b, digits...)
		} else {
			b = append(b, digits[:len(digits)-frac]...)
			b = append(b, '.')
			b = append(b, digits[len(digits)-frac:]...)
		}
	}
	return string(b)
}

// Dutch returns n printed the Dutch way, without marks or unit: "." between
// groups of three digits and "," before the decimals ("-1.234,5").
func (n Number) Dutch() string {
	d := n.Decimal()
	neg := strings.HasPrefix(d, "-")
	d = strings.TrimPrefix(d, "-")
	intPart, frac, hasFrac := strings.Cut(d, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Scaled returns n multiplied by 10^pow, on the digits.
func (n Number) Scaled(pow int) Number {
	if n.Missing || n.Mant == 0 {
		return n
	}
	n.Exp += pow
	return n
}

// missingTokens are the texts that stand for a value not (yet) known or not
// applicable; compared in lower case without surrounding marks.
var missingTokens = map[string]bool{
	"nnb": true, "n.n.b.": true, "n.n.b": true, "nb": true, "n.b.": true, "n.b": true,
	"ntb": true, "n.t.b.": true, "n.t.b": true, "nvt": true, "n.v.t.": true, "n.v.t": true,
	"-": true, "--": true, "–": true, "—": true, "−": true, ".": true, "x": false,
	"geen gegevens": true, "geen data": true, "p.m.": true, "pm": true, "p.m": true,
	"onbekend": true, "nog niet bekend": true,
}

// scaleWords multiply the number they follow ("€ 4,6 miljoen").
var scaleWords = map[string]int{
	"duizend": 3, "dzd": 3,
	"miljoen": 6, "mln": 6, "mln.": 6, "mio": 6,
	"miljard": 9, "mld": 9, "mld.": 9, "mrd": 9,
}

// measureWords follow a number that is a measure rather than a count.
var measureWords = map[string]bool{
	"jaar": true, "jaren": true, "uur": true, "uren": true, "dag": true, "dagen": true,
	"week": true, "weken": true, "maand": true, "maanden": true, "min": true, "minuten": true,
	"km": true, "m": true, "m2": true, "m²": true, "m3": true, "m³": true, "kg": true, "kilo": true,
	"ton": true, "ha": true, "liter": true, "kwh": true, "mwh": true, "gj": true, "fte": true,
	"punten": true, "keer": true,
}

// ParseNumber reads one cell in the Dutch conventions of gemeente reports:
// "." groups thousands (in groups of three, so "1.5" is refused), "," is
// the decimal comma; a leading "-" or "–" or a trailing "-" ("4.977-")
// makes it negative, while ",-" after a whole amount means no cents; "%",
// "€", spaces, non-breaking and thin spaces are dropped ("116 148" is one
// number); "miljoen"/"mln" multiply; "*", "1)", "¹" and V/N are marks and
// never change the sign; a count may be followed by a unit word ("350
// kind"); "Ja"/"Nee" are 1/0. Missing-value tokens ("nnb", "n.v.t.", "-",
// "p.m.", …) give a Number with Missing set. Anything else (years like
// "2018-2022", codes like "6.71a", phone numbers, dates, words) is refused
// with an error wrapping ErrNotNumber.
func ParseNumber(s string) (Number, error) {
	n, err := parseNumber(s)
	if err != nil {
		return Number{}, fmt.Errorf("normalize: parse number %q: %w", s, err)
	}
	return n, nil
}

// parseNumber is ParseNumber with the bare sentinel as error, for the hot
// path where most refusals (labels, text) are expected.
func parseNumber(s string) (Number, error) {
	var n Number
	t := cleanSpaces(s)
	if t == "" {
		return n, ErrNotNumber
	}
	var marks []string
	t, marks = stripTrailingMarks(t, marks)

	low := strings.ToLower(t)
	if missingTokens[low] {
		n.Missing = true
		n.Marks = joinMarks(marks)
		return n, nil
	}
	switch low {
	case "ja":
		n.Mant, n.Unit, n.Marks = 1, model.UnitJaNee, joinMarks(marks)
		return n, nil
	case "nee":
		n.Unit, n.Marks = model.UnitJaNee, joinMarks(marks)
		return n, nil
	}

	// A V/N after the amount: "66 V", "9.643N", "€ 335.000 V".
	if l := len(t); l >= 2 && (t[l-1] == 'V' || t[l-1] == 'N') {
		prev := t[l-2]
		if prev == ' ' || prev >= '0' && prev <= '9' || prev == '%' {
			marks = append([]string{t[l-1:]}, marks...)
			t = strings.TrimRight(t[:l-1], " ")
			t, marks = stripTrailingMarks(t, marks)
		}
	}

	// Words after the number: a scale word, then a unit word.
	pow := 0
	if i := strings.LastIndexByte(t, ' '); i > 0 {
		w := strings.ToLower(t[i+1:])
		if p, ok := scaleWords[w]; ok {
			pow = p
			t = strings.TrimRight(t[:i], " ")
		} else if isWord(w) && !strings.HasSuffix(strings.TrimRight(t[:i], " "), "-") {
			n.UnitText = t[i+1:]
			if measureWords[w] {
				n.Unit = ""
			} else {
				n.Unit = model.UnitAantal
			}
			t = strings.TrimRight(t[:i], " ")
		}
	}

	neg := false
	// Percent sign, possibly doubled by a typo ("15,5%%").
	if strings.HasSuffix(t, "%") {
		t = strings.TrimRight(t, "%")
		t = strings.TrimRight(t, " ")
		if n.Unit != "" || n.UnitText != "" {
			return Number{}, ErrNotNumber
		}
		n.Unit = model.UnitProcent
	}
	// Sign and euro sign in either order: "€ -64.786", "- € 500", "-€500".
	for {
		switch {
		case strings.HasPrefix(t, "€"):
			t = strings.TrimLeft(t[len("€"):], " ")
			if n.Unit == model.UnitProcent {
				return Number{}, ErrNotNumber
			}
			n.Unit, n.UnitText = model.UnitEuro, ""
			continue
		case strings.HasPrefix(strings.ToUpper(t), "EUR "):
			t = strings.TrimLeft(t[4:], " ")
			n.Unit, n.UnitText = model.UnitEuro, ""
			continue
		case !neg && (strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−")):
			neg = true
			_, w := utf8.DecodeRuneInString(t)
			t = strings.TrimLeft(t[w:], " ")
			continue
		case !neg && strings.HasPrefix(t, "–"):
			neg = true
			t = strings.TrimLeft(t[len("–"):], " ")
			continue
		case !neg && strings.HasPrefix(t, "+"):
			t = strings.TrimLeft(t[1:], " ")
			continue
		}
		break
	}
	// "1.000,-" is a whole amount; "4.977-" is negative.
	if strings.HasSuffix(t, ",-") || strings.HasSuffix(t, ",--") {
		t = strings.TrimRight(t, "-")
		t = strings.TrimSuffix(t, ",")
	} else if strings.HasSuffix(t, "-") && !neg {
		neg = true
		t = strings.TrimRight(t[:len(t)-1], " ")
	}
	mant, exp, err := parseDigits(t)
	if err != nil {
		return Number{}, err
	}
	if neg {
		mant = -mant
	}
	n.Mant, n.Exp = mant, exp
	if pow != 0 {
		n = n.Scaled(pow)
		// Keep every parsed number printable and readable again.
		if n.Exp > 0 && len(strconv.FormatInt(max(mant, -mant), 10))+n.Exp > 18 {
			return Number{}, ErrRange
		}
	}
	n.Marks = joinMarks(marks)
	return n, nil
}

// parseDigits reads the bare number: digits grouped by "." or a space in
// threes, optionally followed by "," and decimals.
func parseDigits(t string) (mant int64, exp int, err error) {
	if t == "" {
		return 0, 0, ErrNotNumber
	}
	intPart, frac, hasFrac := strings.Cut(t, ",")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return 0, 0, ErrNotNumber
	}
	if intPart == "" {
		return 0, 0, ErrNotNumber
	}
	// Grouping: one separator kind, groups of three after the first. The
	// digits are gathered on the way, without allocating.
	sep := byte(0)
	group, first := 0, true
	var mantU uint64
	sig := 0 // significant digits gathered
	push := func(c byte) bool {
		if sig == 0 && c == '0' {
			return true
		}
		sig++
		if sig > 18 {
			return false
		}
		mantU = mantU*10 + uint64(c-'0')
		return true
	}
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c == '.' || c == ' ' {
			if sep != 0 && sep != c || group == 0 || first && (group > 3 || intPart[0] == '0') || !first && group != 3 {
				return 0, 0, ErrNotNumber
			}
			sep, group, first = c, 0, false
			continue
		}
		if c < '0' || c > '9' {
			return 0, 0, ErrNotNumber
		}
		// A leading zero before more digits is a code or phone number,
		// not an amount ("0546", "01").
		if i == 1 && intPart[0] == '0' {
			return 0, 0, ErrNotNumber
		}
		group++
		if !push(c) {
			return 0, 0, ErrRange
		}
	}
	if group == 0 || !first && group != 3 {
		return 0, 0, ErrNotNumber
	}
	// Trailing zeros of the decimals carry no value; dropping them keeps
	// large exact numbers in range.
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	for i := 0; i < len(frac); i++ {
		if !push(frac[i]) {
			return 0, 0, ErrRange
		}
	}
	if mantU == 0 {
		return 0, 0, nil
	}
	return int64(mantU), -len(frac), nil
}

// cleanSpaces trims s and turns every kind of space into one ASCII space.
func cleanSpaces(s string) string {
	if !needsSpaceCleaning(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u2007' || r == '\u200a' {
			space = true
			continue
		}
		if r == '\u200b' || r == '\ufeff' {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// needsSpaceCleaning reports whether s holds anything but single ASCII
// spaces between its words (TrimSpace handles the ends).
func needsSpaceCleaning(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
			continue
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return true
		case c >= utf8.RuneSelf:
			r, w := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2007' || r == '\u200a' || r == '\u202f' || r == '\u2009' || r == '\u00a0' {
				return true
			}
			i += w - 1
		}
		prevSpace = false
	}
	return false
}

// stripTrailingMarks takes footnote marks off the end of t: "*" runs, "1)",
// superscript digits. The marks are prepended to marks in printed order.
func stripTrailingMarks(t string, marks []string) (string, []string) {
	for t != "" {
		end := len(t)
		switch {
		case t[end-1] == '*':
			i := end - 1
			for i > 0 && t[i-1] == '*' {
				i--
			}
			marks = append([]string{t[i:]}, marks...)
			t = strings.TrimRight(t[:i], " ")
			continue
		case t[end-1] == ')':
			// "1)" or "a)" as a mark, but not "(1.234)".
			i := end - 1
			j := i
			for j > 0 && (t[j-1] >= '0' && t[j-1] <= '9' || t[j-1] >= 'a' && t[j-1] <= 'z') {
				j--
			}
			if j == i || i-j > 2 || j > 0 && t[j-1] == '(' {
				return t, marks
			}
			// Glued to digits it is a mark only after a space or a
			// complete number: "12 1)" or "58 1)"; "121)" stays ambiguous
			// and is read as number 12 with mark 1).
			marks = append([]string{t[j:]}, marks...)
			t = strings.TrimRight(t[:j], " ")
			continue
		}
		r, w := utf8.DecodeLastRuneInString(t)
		if isSuperscript(r) {
			i := end - w
			for i > 0 {
				r2, w2 := utf8.DecodeLastRuneInString(t[:i])
				if !isSuperscript(r2) {
					break
				}
				i -= w2
			}
			marks = append([]string{t[i:]}, marks...)
			t = strings.TrimRight(t[:i], " ")
			continue
		}
		break
	}
	return t, marks
}

func isSuperscript(r rune) bool {
	switch r {
	case '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁾':
		return true
	}
	return false
}

func joinMarks(marks []string) string {
	switch len(marks) {
	case 0:
		return ""
	case 1:
		return marks[0]
	}
	return strings.Join(marks, " ")
}

// isWord reports whether w is a word of two or more letters (a unit word).
func isWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '.' {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
