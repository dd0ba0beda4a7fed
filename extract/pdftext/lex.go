package pdftext

// The content-stream lexer. ledongthuc/pdf's Interpret reads content
// streams as PostScript and panics on the binary data of inline images, so
// page descriptions are tokenised here; the library still parses the file
// and decodes every stream.

// kind says what an operand is.
type kind uint8

const (
	kNull kind = iota
	kNum
	kString
	kName
	kArray
	kDict
	kBool
)

// An operand is one value pushed before a content-stream operator.
type operand struct {
	kind kind
	num  float64
	str  string // the bytes of a string, or a name without its slash
	arr  []operand
}

// maxNesting bounds arrays and dictionaries inside arrays and dictionaries,
// so hostile input cannot exhaust the stack.
const maxNesting = 32

// A lexer splits a content stream into operands and operators.
type lexer struct {
	data []byte
	pos  int
	// With reuse set, top-level arrays share one buffer: the caller
	// consumes each operator's operands before reading on, which page
	// content allows (no operator takes two arrays) and CMaps do not.
	reuse bool
	buf   []operand
}

func isWhite(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace moves past white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or an operator as a byte slice into the
// stream; ok is false at the end of the stream.
func (l *lexer) next(depth int) (o operand, op []byte, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return operand{}, nil, false
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		return operand{kind: kName, str: l.name()}, nil, true
	case c == '(':
		l.pos++
		return operand{kind: kString, str: l.literal()}, nil, true
	case c == '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return l.dict(depth + 1), nil, true
		}
		l.pos++
		return operand{kind: kString, str: l.hex()}, nil, true
	case c == '[':
		l.pos++
		return l.array(depth + 1), nil, true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		// Stray closers are markup errors; skip them as producers' readers do.
		l.pos++
		return operand{}, []byte{c}, true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return operand{kind: kNum, num: l.number()}, nil, true
	}
	start := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelimiter(l.data[l.pos]) {
		l.pos++
	}
	w := l.data[start:l.pos]
	switch string(w) {
	case "true":
		return operand{kind: kBool, num: 1}, nil, true
	case "false":
		return operand{kind: kBool}, nil, true
	case "null":
		return operand{}, nil, true
	}
	return operand{}, w, true
}

func (l *lexer) name() string {
	start := l.pos
	hasHash := false
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelimiter(l.data[l.pos]) {
		if l.data[l.pos] == '#' {
			hasHash = true
		}
		l.pos++
	}
	raw := l.data[start:l.pos]
	if !hasHash {
		return string(raw)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if h, lo := unhex(raw[i+1]), unhex(raw[i+2]); h >= 0 && lo >= 0 {
				out = append(out, byte(h<<4|lo))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return string(out)
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// number reads a PDF number leniently: "--5" and "5.-" occur in the wild
// and read as what their digits say.
func (l *lexer) number() float64 {
	neg := false
	var ip, fp, scale float64 = 0, 0, 1
	seenDot := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case c == '-':
			if ip == 0 && !seenDot {
				neg = true
			}
		case c == '+':
		case c == '.':
			seenDot = true
		case c >= '0' && c <= '9':
			if seenDot {
				scale /= 10
				fp += float64(c-'0') * scale
			} else {
				ip = ip*10 + float64(c-'0')
			}
		default:
			goto done
		}
		l.pos++
	}
done:
	v := ip + fp
	if neg {
		v = -v
	}
	return v
}

func (l *lexer) literal() string {
	var out []byte
	depth := 1
	start := l.pos
	simple := true
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				if simple {
					return string(l.data[start : l.pos-1])
				}
				return string(out)
			}
		case '\\':
			if simple {
				out = append(out, l.data[start:l.pos-1]...)
				simple = false
			}
			if l.pos >= len(l.data) {
				return string(out)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
					v = v*8 + int(l.data[l.pos]-'0')
					l.pos++
				}
				out = append(out, byte(v))
			default:
				out = append(out, e)
			}
			continue
		}
		if !simple {
			out = append(out, c)
		}
	}
	if simple {
		return string(l.data[start:])
	}
	return string(out)
}

func (l *lexer) hex() string {
	var out []byte
	hi := -1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := unhex(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return string(out)
}

func (l *lexer) array(depth int) operand {
	a := operand{kind: kArray}
	if l.reuse && depth == 1 {
		a.arr = l.buf[:0]
		defer func() { l.buf = a.arr[:0] }()
	}
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return a
		}
		if l.data[l.pos] == ']' {
			l.pos++
			return a
		}
		if depth > maxNesting && (l.data[l.pos] == '[' || l.data[l.pos] == '<') {
			l.pos++
			continue
		}
		o, op, ok := l.next(depth)
		if !ok {
			return a
		}
		if op != nil {
			continue // operators inside arrays are malformed; drop them
		}
		a.arr = append(a.arr, o)
	}
}

// dict reads a dictionary as a flat list of keys and values; content
// streams only use them for marked-content properties and inline images.
func (l *lexer) dict(depth int) operand {
	d := operand{kind: kDict}
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return d
		}
		if l.data[l.pos] == '>' {
			l.pos++
			if l.pos < len(l.data) && l.data[l.pos] == '>' {
				l.pos++
			}
			return d
		}
		if depth > maxNesting && (l.data[l.pos] == '[' || l.data[l.pos] == '<') {
			l.pos++
			continue
		}
		o, op, ok := l.next(depth)
		if !ok {
			return d
		}
		if op != nil {
			continue
		}
		d.arr = append(d.arr, o)
	}
}

// skipInlineImage moves past the data of an inline image: BI has been
// read; the parameters run to ID, then binary data to an EI that stands
// alone between white space.
func (l *lexer) skipInlineImage() {
	length := -1
	for {
		o, op, ok := l.next(0)
		if !ok {
			return
		}
		if op != nil {
			if string(op) == "ID" {
				break
			}
			continue
		}
		if o.kind == kName && (o.str == "L" || o.str == "Length") {
			if v, _, ok := l.next(0); ok && v.kind == kNum {
				length = int(v.num)
			}
		}
	}
	if l.pos < len(l.data) && isWhite(l.data[l.pos]) {
		l.pos++
	}
	if length >= 0 && l.pos+length <= len(l.data) {
		// Trust /L only when an EI follows it.
		p := l.pos + length
		for p < len(l.data) && isWhite(l.data[p]) {
			p++
		}
		if p+1 < len(l.data) && l.data[p] == 'E' && l.data[p+1] == 'I' {
			l.pos = p + 2
			return
		}
	}
	for p := l.pos; p+1 < len(l.data); p++ {
		if l.data[p] == 'E' && l.data[p+1] == 'I' && (p == 0 || isWhite(l.data[p-1])) &&
			(p+2 == len(l.data) || isWhite(l.data[p+2]) || isDelimiter(l.data[p+2])) {
			l.pos = p + 2
			return
		}
	}
	l.pos = len(l.data)
}
