package forecasts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// AppendRecord returns data, the text of a YAML dataset file or of a
// dataset folder's record file, with the draft appended as the last item
// of its records: list, and the line the new record starts on. Everything
// already in the file — comments, order, formatting — is kept byte for
// byte: the draft's YAML text is inserted after the last line of the last
// record (after the comments indented under it), indented like the
// records before it and separated by a blank line when they are. An empty
// `records: []` (or `records:` with nothing) becomes a block list; a file
// with no records: key gets one at its end. A records list written in flow
// style, [{...}, {...}], is refused, as it cannot be added to without
// rewriting it. Line endings follow the file's (\r\n when it uses them).
//
// AppendRecord checks only that the file can be appended to; problems are
// returned as an ErrorList. Load the result (Loader.LoadReplaced) to check
// the record and the dataset it joins.
func AppendRecord(file string, data []byte, d *Draft) ([]byte, int, error) {
	var errs ErrorList
	l := &Loader{}
	// The work is done on the parser's lines and columns, which are what
	// indentation is about; errors are placed in the file's.
	root, pos, ok := l.parseYAML(file, data)
	if !ok {
		return nil, 0, l.finish()
	}
	errorAt := func(n *yaml.Node, field, format string, args ...any) {
		line, col := pos.pos(n.Line, n.Column)
		errs.Add(file, line, col, field, format, args...)
	}
	if root.Kind != yaml.MappingNode {
		errorAt(root, "", "expected a mapping with a records: list, found %s", kindName(root))
		return nil, 0, errs.Err()
	}
	lines := yamlLines(data)
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	item := d.YAML()

	var key, list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "records" {
			key, list = k, root.Content[i+1]
		}
	}
	var out bytes.Buffer
	switch {
	case key == nil:
		// No list yet: add one at the end of the file.
		out.Write(data)
		if len(data) > 0 && !endsWithBreak(data) {
			out.WriteString(eol)
		}
		out.WriteString("records:" + eol)
		line := lineCount(out.Bytes()) + 1
		out.Write(withEOL(indentYAML(item, "  - ", "    "), eol))
		return out.Bytes(), line, nil

	case list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle == 0 && len(list.Content) > 0:
		// A block list: insert after its last item.
		dashIndent := list.Column - 1
		offset := 2
		if first := list.Content[0]; first.Line == list.Line && first.Column > list.Column {
			offset = first.Column - list.Column
		}
		last := list.Content[len(list.Content)-1]
		end := itemEnd(data, lines, last.Line, dashIndent)
		sep := len(list.Content) > 1 && blankBefore(data, lines, itemStart(data, lines, last.Line, dashIndent))
		pad := strings.Repeat(" ", dashIndent)
		text := withEOL(indentYAML(item, pad+"-"+strings.Repeat(" ", offset-1), pad+strings.Repeat(" ", offset)), eol)
		insert := func(end int) ([]byte, int) {
			var out bytes.Buffer
			at := lines[end-1].end // just after the item's last line
			out.Write(data[:at])
			if !endsWithBreak(data[:at]) {
				out.WriteString(eol)
			}
			if sep {
				out.WriteString(eol)
			}
			line := lineCount(out.Bytes()) + 1
			out.Write(text)
			out.Write(data[at:])
			return out.Bytes(), line
		}
		res, line := insert(end)
		// The item ends before the first line after it that is indented no
		// more than its dash. That line may yet belong to it — a quoted
		// text or a flow list may go on at any indent — unless it is the
		// next key of the file or there is none: then check, taking more
		// lines until the result reads as the file with one more record.
		stop, limit := nextContentLine(data, lines, end), len(lines)
		if k := nextKey(root, key); k != nil {
			limit = k.Line - 1
		}
		if stop != 0 && stop != limit+1 {
			for tries := 0; !appendedWell(res, list, root, key); tries++ {
				if stop == 0 || stop > limit || tries == maxItemSearch {
					errorAt(last, "records", "cannot tell where this last record ends, to add one after it: add the record by hand")
					return nil, 0, errs.Err()
				}
				end = stop
				stop = nextContentLine(data, lines, end)
				res, line = insert(end)
			}
		}
		return res, line, nil

	case list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle != 0 && len(list.Content) == 0,
		list.Kind == yaml.ScalarNode && list.Tag == "!!null":
		// records: [] or records: (nothing, ~ or null): replace the value
		// with a block list, keeping any comment after it on the line.
		ln := lines[list.Line-1]
		text := data[ln.start:ln.end]
		bom := 0
		if ln.start == 0 && bytes.HasPrefix(text, []byte("\xef\xbb\xbf")) {
			bom = 3 // the parser does not count the byte-order mark
		}
		from := bom + byteOffset(text[bom:], list.Column)
		to := from
		if list.Kind == yaml.SequenceNode {
			close := bytes.IndexByte(text[from:], ']')
			if close < 0 || len(bytes.TrimSpace(text[from+1:from+close])) > 0 {
				errorAt(list, "records", "cannot append to this empty list: write it as records: [] on one line")
				return nil, 0, errs.Err()
			}
			to = from + close + 1
		} else {
			to = from + len(list.Value)
		}
		for from > 0 && (text[from-1] == ' ' || text[from-1] == '\t') {
			from--
		}
		out.Write(data[:ln.start+from])
		rest := text[to:]
		if trimmed := bytes.TrimLeft(rest, " \t"); len(trimmed) > 0 && trimmed[0] == '#' {
			out.Write(rest) // keep the comment, and the line's end
		} else {
			out.Write(bytes.TrimLeft(rest, " \t"))
		}
		if out.Len() > 0 && !endsWithBreak(out.Bytes()) {
			out.WriteString(eol)
		}
		line := lineCount(out.Bytes()) + 1
		pad := strings.Repeat(" ", key.Column-1+2)
		out.Write(withEOL(indentYAML(item, pad+"- ", pad+"  "), eol))
		out.Write(data[ln.end:])
		return out.Bytes(), line, nil

	case list.Kind == yaml.SequenceNode:
		errorAt(list, "records", "cannot append to a records list written in flow style, [...]: write it as a block list, one `- id: ...` item per record")
	default:
		errorAt(list, "records", "expected a list of records, found %s", kindName(list))
	}
	return nil, 0, errs.Err()
}

// maxItemSearch bounds how many more lines AppendRecord tries as the end
// of the last record after its first guess, each try reading the whole
// result.
const maxItemSearch = 100

// nextContentLine returns the first line after line end that is not
// blank, or 0.
func nextContentLine(data []byte, ls []lineSpan, end int) int {
	for i := end; i < len(ls); i++ { // ls[i] is line i+1
		if _, blank := lineInfo(data, ls[i]); !blank {
			return i + 1
		}
	}
	return 0
}

// nextKey returns the key after key in the mapping root, or nil.
func nextKey(root, key *yaml.Node) *yaml.Node {
	for i := 0; i+2 < len(root.Content); i += 2 {
		if root.Content[i] == key {
			return root.Content[i+2]
		}
	}
	return nil
}

// appendedWell reports whether out reads as the file whose root and
// records list are given, with one more item at the end of the list.
func appendedWell(out []byte, list, root, key *yaml.Node) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(out, &doc); err != nil || len(doc.Content) != 1 {
		return false
	}
	r := doc.Content[0]
	if r.Kind != yaml.MappingNode || len(r.Content) != len(root.Content) {
		return false
	}
	for i := 0; i+1 < len(r.Content); i += 2 {
		if root.Content[i] == key {
			l := r.Content[i+1]
			if l.Kind != yaml.SequenceNode || len(l.Content) != len(list.Content)+1 ||
				!sameTree(&yaml.Node{Kind: yaml.SequenceNode, Content: l.Content[:len(list.Content)]}, list) {
				return false
			}
			continue
		}
		if !sameTree(r.Content[i], root.Content[i]) || !sameTree(r.Content[i+1], root.Content[i+1]) {
			return false
		}
	}
	return true
}

// sameTree reports whether two node trees hold the same kinds of nodes
// with the same values, wherever they are.
func sameTree(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameTree(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// lineSpan is one line of a file: data[start:end] includes its line end.
type lineSpan struct{ start, end int }

func splitLines(data []byte) []lineSpan {
	var out []lineSpan
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start + 1
		}
		out = append(out, lineSpan{start, end})
		start = end
	}
	return out
}

func lineCount(b []byte) int { return bytes.Count(b, []byte("\n")) }

// lineInfo returns how far a line is indented with spaces and whether it
// holds nothing but spaces and tabs before its line break (YAML's white
// space: a no-break space is text).
func lineInfo(data []byte, ln lineSpan) (indent int, blank bool) {
	text := lineText(data, ln)
	for indent < len(text) && text[indent] == ' ' {
		indent++
	}
	return indent, len(bytes.Trim(text, " \t")) == 0
}

// lineText returns a line without its line break.
func lineText(data []byte, ln lineSpan) []byte {
	text := data[ln.start:ln.end]
	for i := range text {
		if yamlBreak(text, i) == len(text)-i {
			return text[:i]
		}
	}
	return text
}

// itemEnd returns the number of the last line of the list item that
// starts on line first (1-based): the item goes on over blank lines and
// lines indented deeper than its dash (its fields, block text, comments
// under it) and ends before the first other line. Trailing blank lines
// are not part of it.
func itemEnd(data []byte, ls []lineSpan, first, dashIndent int) int {
	last := first
	for i := first; i < len(ls); i++ { // ls[i] is line i+1
		indent, blank := lineInfo(data, ls[i])
		if blank {
			continue
		}
		if indent <= dashIndent {
			break
		}
		last = i + 1
	}
	return last
}

// itemStart returns the line of the dash of the list item whose content
// starts on line (the dash may stand alone on a line before it).
func itemStart(data []byte, ls []lineSpan, line, dashIndent int) int {
	for n := line; n >= 1; n-- {
		text := lineText(data, ls[n-1])
		if indent, _ := lineInfo(data, ls[n-1]); indent == dashIndent && len(text) > indent && text[indent] == '-' {
			return n
		}
	}
	return line
}

// blankBefore reports whether a blank line separates the line start from
// the content before it, comment lines aside.
func blankBefore(data []byte, ls []lineSpan, start int) bool {
	for n := start - 1; n >= 1; n-- {
		_, blank := lineInfo(data, ls[n-1])
		if blank {
			return true
		}
		if !bytes.HasPrefix(bytes.TrimLeft(lineText(data, ls[n-1]), " \t"), []byte("#")) {
			return false
		}
	}
	return false
}

// byteOffset turns a 1-based column counted in characters into a byte
// offset in text.
func byteOffset(text []byte, col int) int {
	off := 0
	for i := 1; i < col && off < len(text); i++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}

// withEOL turns the \n line ends of b into eol.
func withEOL(b []byte, eol string) []byte {
	if eol == "\n" {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\n"), []byte(eol))
}

// LoadReplaced reads the dataset at path — a single-file dataset, or a
// dataset folder — as Load does, except that file is read as data rather
// than from disk: the check of a change to file before it is written.
// When path is a single file, file must be path.
func (l *Loader) LoadReplaced(path, file string, data []byte) ([]*Dataset, error) {
	info, err := os.Stat(path)
	if err != nil {
		l.errs.Add(path, 0, 0, "", "%s", cleanOSError(err))
		return nil, l.finish()
	}
	var ds *Dataset
	if !info.IsDir() {
		if filepath.Clean(path) != filepath.Clean(file) {
			l.errs.Add(file, 0, 0, "", "not the dataset file %s", path)
			return nil, l.finish()
		}
		ds = l.decodeDatasetFile(file, data)
	} else {
		ds = l.loadFolderReplaced(path, filepath.Clean(file), data)
	}
	if ds == nil {
		return nil, l.finish()
	}
	return []*Dataset{ds}, l.finish()
}

// loadFolderReplaced reads a dataset folder as Load does, with file read
// as data; file must be the folder's manifest or one of its record files.
func (l *Loader) loadFolderReplaced(dir, file string, data []byte) *Dataset {
	found := false
	ds := l.loadFolder(dir, func(p string) ([]byte, bool) {
		if filepath.Clean(p) == file {
			found = true
			return data, true
		}
		return l.readFile(p)
	})
	if ds != nil && !found {
		l.errs.Add(file, 0, 0, "", "not a record file of the dataset folder %s, which reads the *.yaml and *.yml files beside %s that are not hidden", dir, ManifestFile)
	}
	return ds
}
