package forecasts

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Lines of a YAML file.
//
// Every position hindcast reports is in the file's lines, which end at
// "\n" ("\r\n" ends one line): the lines an editor, grep -n and sed count.
// Columns count characters from the start of that line; a byte-order mark
// is not one.
//
// The YAML parser (go.yaml.in/yaml/v3) breaks lines at more characters:
// "\n", "\r\n" (one break), a "\r" alone, U+0085 (NEL), U+2028 (LS) and
// U+2029 (PS) — see yamlBreak and TestYAMLLineBreaks. Each of the file's
// lines is one or more of the parser's lines. yamlPositions translates the
// parser's positions into the file's; the appender, whose work is a
// matter of indentation, works on the parser's lines (yamlLines).

// yamlBreak returns the length in bytes of the line break the YAML parser
// reads at data[i], or 0 when there is none.
func yamlBreak(data []byte, i int) int {
	switch data[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // U+0085
		if i+1 < len(data) && data[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // U+2028, U+2029
		if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// yamlLines splits data into the lines of the YAML parser: each span
// includes its line break, the last one may have none.
func yamlLines(data []byte) []lineSpan {
	var out []lineSpan
	start := 0
	for i := 0; i < len(data); {
		if n := yamlBreak(data, i); n > 0 {
			i += n
			out = append(out, lineSpan{start, i})
			start = i
			continue
		}
		i++
	}
	if start < len(data) {
		out = append(out, lineSpan{start, len(data)})
	}
	return out
}

// endsWithBreak reports whether b ends with a line break of the YAML
// parser (which every "\n" is).
func endsWithBreak(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	return b[len(b)-1] == '\n' || b[len(b)-1] == '\r' ||
		bytes.HasSuffix(b, []byte("\u0085")) || bytes.HasSuffix(b, []byte("\u2028")) || bytes.HasSuffix(b, []byte("\u2029"))
}

// otherBreaks reports whether data holds a line break the YAML parser
// counts and the file's lines do not: a "\r" not before "\n", NEL, LS or PS.
func otherBreaks(data []byte) bool {
	for i := 0; i < len(data); i++ {
		if n := yamlBreak(data, i); n > 0 && data[i+n-1] != '\n' {
			return true
		}
	}
	return false
}

// yamlPositions translates positions of the YAML parser in a text (with
// its byte-order mark removed, as the parser reads it) into positions in
// the file's lines.
type yamlPositions struct {
	data []byte
	yaml []int // where each of the parser's lines starts; nil when they are the file's lines
	file []int // where each of the file's lines starts
}

func newYAMLPositions(data []byte) *yamlPositions {
	p := &yamlPositions{data: data}
	if !otherBreaks(data) {
		return p
	}
	p.yaml = []int{0}
	p.file = []int{0}
	for i := 0; i < len(data); {
		n := yamlBreak(data, i)
		if n == 0 {
			i++
			continue
		}
		i += n
		p.yaml = append(p.yaml, i)
		if data[i-1] == '\n' {
			p.file = append(p.file, i)
		}
	}
	return p
}

// pos returns the file's line and column of the parser's line and column
// (1-based; 0 is unknown and stays so).
func (p *yamlPositions) pos(line, col int) (int, int) {
	if p.yaml == nil || line < 1 {
		return line, col
	}
	if line > len(p.yaml) {
		// Past the last line break: lines after the text's end.
		return len(p.file) + line - len(p.yaml), col
	}
	start := p.yaml[line-1]
	off := start
	if col > 1 {
		off += byteOffset(p.data[start:], col)
	}
	f := sort.Search(len(p.file), func(i int) bool { return p.file[i] > start }) // the file's line holding start, plus 1
	fl := f - 1
	if col < 1 {
		return fl + 1, col
	}
	return fl + 1, 1 + utf8.RuneCount(p.data[p.file[fl]:off])
}

// line returns the file's line of the parser's line.
func (p *yamlPositions) line(line int) int {
	l, _ := p.pos(line, 0)
	return l
}

// place rewrites the positions of n and every node under it into the
// file's.
func (p *yamlPositions) place(n *yaml.Node) {
	if p.yaml == nil || n == nil {
		return
	}
	n.Line, n.Column = p.pos(n.Line, n.Column)
	for _, c := range n.Content {
		p.place(c)
	}
}
