package forecasts

import (
	"bytes"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Kinds of value a table cell holds.
const (
	tableText   = iota // CSV field; JSON string, number, true or false
	tableNull          // JSON null
	tableObject        // JSON object
	tableArray         // JSON array
)

// tableJSONMaxDepth limits the nesting of JSON values.
const tableJSONMaxDepth = 200

// jsonBlock parses the JSON Lines rows of d, whose first byte is at the
// start of physical line `line`.
func (w *tableWorker) jsonBlock(d []byte, line int) {
	for i := 0; i < len(d); line++ {
		if w.cbErr != nil {
			return
		}
		end := len(d)
		if k := bytes.IndexByte(d[i:], '\n'); k >= 0 {
			end = i + k
		}
		b := d[i:end]
		i = end + 1
		if len(jsonWSLeft(b)) == 0 {
			continue
		}
		w.startRow()
		w.rows++
		if len(b) > w.cfg.maxLine {
			w.fail(line, 1, "", "%s", tableTooLong(w.cfg.maxLine, false))
		} else {
			w.jsonRecord(b, line)
			if w.rowErrs == 0 {
				w.finishRow(line)
			}
		}
		w.endRow()
	}
}

func jsonWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

func jsonWSLeft(b []byte) []byte { return b[jsonWS(b, 0):] }

// jsonRecord parses one line holding a JSON object and stores the
// values of the needed keys in w.cells.
func (w *tableWorker) jsonRecord(b []byte, line int) {
	for r := range w.cells {
		w.cells[r].set = false
	}
	w.scratch = w.scratch[:0]
	w.keys = w.keys[:0]
	if w.keepAll {
		w.all = w.all[:0]
	}
	i := jsonWS(b, 0)
	w.objCol = i + 1
	if i >= len(b) || b[i] != '{' {
		w.jsonFail(b, i, line, "a JSON object")
		return
	}
	i = jsonWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		i++
	} else {
		for {
			if i >= len(b) || b[i] != '"' {
				w.jsonFail(b, i, line, "a key in quotes")
				return
			}
			keyCol := i + 1
			key, k, ok := w.jsonString(b, i, line, true)
			if !ok {
				return
			}
			i = jsonWS(b, k)
			if i >= len(b) || b[i] != ':' {
				w.jsonFail(b, i, line, "':' after the key")
				return
			}
			i = jsonWS(b, i+1)
			vstart := i
			kind, v, k, ok := w.jsonValue(b, i, line, 0)
			if !ok {
				return
			}
			w.keys = append(w.keys, key)
			if w.keepAll {
				if kind == tableNull {
					w.all = append(w.all, nil)
				} else {
					w.all = append(w.all, v)
				}
			}
			if r, found := w.layout.keyRole[string(key)]; found {
				if c := &w.cells[r]; c.set {
					w.fail(line, keyCol, w.cfg.names[r], "the key appears twice in the object")
				} else {
					*c = tableCell{v: v, line: line, col: vstart + 1, set: true, kind: uint8(kind)}
				}
			}
			i = jsonWS(b, k)
			if i < len(b) && b[i] == ',' {
				i = jsonWS(b, i+1)
				continue
			}
			if i < len(b) && b[i] == '}' {
				i++
				break
			}
			w.jsonFail(b, i, line, "',' or '}'")
			return
		}
	}
	if i = jsonWS(b, i); i < len(b) {
		w.fail(line, i+1, "", "invalid JSON: %s after the object", tableByte(b[i]))
	}
}

func (w *tableWorker) jsonFail(b []byte, i, line int, want string) {
	if i >= len(b) {
		w.fail(line, i+1, "", "invalid JSON: expected %s, found the end of the line", want)
		return
	}
	w.fail(line, i+1, "", "invalid JSON: expected %s, found %s", want, tableByte(b[i]))
}

// jsonValue parses the JSON value at b[i]. Strings at depth 0 are
// decoded; other values are returned as written.
func (w *tableWorker) jsonValue(b []byte, i, line, depth int) (kind int, v []byte, next int, ok bool) {
	if i >= len(b) {
		w.jsonFail(b, i, line, "a value")
		return 0, nil, 0, false
	}
	switch c := b[i]; {
	case c == '"':
		v, next, ok = w.jsonString(b, i, line, depth == 0)
		return tableText, v, next, ok
	case c == '{' || c == '[':
		if depth >= tableJSONMaxDepth {
			w.fail(line, i+1, "", "invalid JSON: values nested more than %d deep", tableJSONMaxDepth)
			return 0, nil, 0, false
		}
		kind = tableObject
		if c == '[' {
			kind = tableArray
		}
		next, ok = w.jsonNested(b, i, line, depth+1)
		if !ok {
			return 0, nil, 0, false
		}
		return kind, b[i:next], next, true
	case c == '-' || '0' <= c && c <= '9':
		if next, ok = w.jsonNumber(b, i, line); !ok {
			return 0, nil, 0, false
		}
		return tableText, b[i:next], next, true
	case bytes.HasPrefix(b[i:], []byte("true")):
		return tableText, b[i : i+4], i + 4, true
	case bytes.HasPrefix(b[i:], []byte("false")):
		return tableText, b[i : i+5], i + 5, true
	case bytes.HasPrefix(b[i:], []byte("null")):
		return tableNull, b[i : i+4], i + 4, true
	}
	w.jsonFail(b, i, line, "a value")
	return 0, nil, 0, false
}

// jsonNested checks the object or array at b[i] and returns the offset
// after it.
func (w *tableWorker) jsonNested(b []byte, i, line, depth int) (int, bool) {
	obj := b[i] == '{'
	closer := byte(']')
	if obj {
		closer = '}'
	}
	i = jsonWS(b, i+1)
	if i < len(b) && b[i] == closer {
		return i + 1, true
	}
	for {
		if obj {
			if i >= len(b) || b[i] != '"' {
				w.jsonFail(b, i, line, "a key in quotes")
				return 0, false
			}
			_, k, ok := w.jsonString(b, i, line, false)
			if !ok {
				return 0, false
			}
			i = jsonWS(b, k)
			if i >= len(b) || b[i] != ':' {
				w.jsonFail(b, i, line, "':' after the key")
				return 0, false
			}
			i = jsonWS(b, i+1)
		}
		_, _, k, ok := w.jsonValue(b, i, line, depth)
		if !ok {
			return 0, false
		}
		i = jsonWS(b, k)
		if i < len(b) && b[i] == ',' {
			i = jsonWS(b, i+1)
			continue
		}
		if i < len(b) && b[i] == closer {
			return i + 1, true
		}
		w.jsonFail(b, i, line, "',' or '"+string(closer)+"'")
		return 0, false
	}
}

// jsonNumber checks the JSON number at b[i] and returns the offset after it.
func (w *tableWorker) jsonNumber(b []byte, i, line int) (int, bool) {
	start := i
	digits := func() int {
		j := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i - j
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		w.fail(line, start+1, "", "invalid JSON: malformed number")
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			w.fail(line, start+1, "", "invalid JSON: malformed number")
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			w.fail(line, start+1, "", "invalid JSON: malformed number")
			return 0, false
		}
	}
	return i, true
}

// jsonString parses the JSON string at b[i], decoding it into w.scratch
// when it has escapes and decode is set.
func (w *tableWorker) jsonString(b []byte, i, line int, decode bool) ([]byte, int, bool) {
	start := i + 1
	for j := start; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return b[start:j], j + 1, true
		case c == '\\':
			return w.jsonEscaped(b, i, j, line, decode)
		case c < 0x20:
			w.fail(line, j+1, "", "invalid JSON: %s in a string", tableByte(c))
			return nil, 0, false
		}
	}
	w.fail(line, i+1, "", "invalid JSON: string is not closed")
	return nil, 0, false
}

// jsonEscaped continues jsonString from the first backslash, at b[j],
// of the string whose quote is at b[q].
func (w *tableWorker) jsonEscaped(b []byte, q, j, line int, decode bool) ([]byte, int, bool) {
	s0 := len(w.scratch)
	if decode {
		w.scratch = append(w.scratch, b[q+1:j]...)
	}
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			if decode {
				return w.scratch[s0:], j + 1, true
			}
			return nil, j + 1, true
		case c < 0x20:
			w.fail(line, j+1, "", "invalid JSON: %s in a string", tableByte(c))
			return nil, 0, false
		case c != '\\':
			if decode {
				w.scratch = append(w.scratch, c)
			}
			j++
			continue
		}
		if j+1 >= len(b) {
			break
		}
		var out byte
		switch e := b[j+1]; e {
		case '"', '\\', '/':
			out = e
		case 'b':
			out = '\b'
		case 'f':
			out = '\f'
		case 'n':
			out = '\n'
		case 'r':
			out = '\r'
		case 't':
			out = '\t'
		case 'u':
			r, ok := jsonHex4(b, j+2)
			if !ok {
				w.fail(line, j+1, "", "invalid JSON: \\u must be followed by four hexadecimal digits")
				return nil, 0, false
			}
			j += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if j+1 < len(b) && b[j] == '\\' && b[j+1] == 'u' {
					r2, _ = jsonHex4(b, j+2)
				}
				if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
					r = d
					j += 6
				} else {
					r = unicode.ReplacementChar
				}
			}
			if decode {
				w.scratch = utf8.AppendRune(w.scratch, r)
			}
			continue
		default:
			w.fail(line, j+1, "", "invalid JSON: unknown escape \\%s", tableByteText(e))
			return nil, 0, false
		}
		if decode {
			w.scratch = append(w.scratch, out)
		}
		j += 2
	}
	w.fail(line, q+1, "", "invalid JSON: string is not closed")
	return nil, 0, false
}

func jsonHex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
