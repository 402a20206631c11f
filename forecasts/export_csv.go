package forecasts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// CSVColumns are the columns WriteCSV writes, in this order, and the
// fields ReadCSV knows. One row is one record:
//
//   - id … resolved, coder_note, outcome, outcome_note: the record's field,
//     as text; dates as written (1978-08).
//   - statement_text, statement_wording: statement.text and .wording.
//   - negated: true or false.
//   - estimate_probability, estimate_range_low, estimate_range_high,
//     estimate_term, estimate_scale: the estimate; probabilities as
//     decimals (0.3).
//   - sources, notes, tags: JSON, so that a list or map fits one cell and
//     reads back exactly: sources as [{"title": ..., "author": ..., ...}]
//     with the fields of a source; notes as ["..."]; tags as {"key":
//     "value"} in written order. Empty when there are none.
//   - p_event_low, p_event_point, p_event_high: P(event), derived from the
//     estimate and negated; written for use in a spreadsheet. ReadCSV
//     checks them against the estimate when they are filled in.
var CSVColumns = []string{
	"id", "question", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved",
	"statement_text", "statement_wording", "negated",
	"estimate_probability", "estimate_range_low", "estimate_range_high", "estimate_term", "estimate_scale",
	"coder_note", "outcome", "outcome_note", "sources", "notes", "tags",
	"p_event_low", "p_event_point", "p_event_high",
}

// WriteCSV writes ds as CSV (RFC 4180, \n line ends): first the manifest
// as YAML in comment lines, "# dataset:", "#   name: cpc", …; then a
// header row of CSVColumns, all of them, in order; then one row per
// record. Cells are quoted only where CSV needs it. The bytes depend only
// on the dataset, and ReadCSV reads them back as the same dataset.
//
// To open the file in a spreadsheet, skip the lines that start with "#"
// (they come before the header row). A record holding the two characters
// \r\n in a text field cannot be written, as CSV readers turn them into
// \n; WriteCSV returns an error naming the record.
func WriteCSV(w io.Writer, ds *Dataset) error {
	var b bytes.Buffer
	m, err := encodeYAMLNode(&yaml.Node{Kind: yaml.MappingNode, Content: yamlPair("dataset", manifestNode(&ds.Manifest))})
	if err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(string(m), "\n") {
		switch line {
		case "":
		case "\n":
			b.WriteString("#\n")
		default:
			b.WriteString("# " + line)
		}
	}
	cw := csv.NewWriter(&b)
	cw.Write(CSVColumns)
	for _, r := range ds.Records {
		row, err := csvRow(r)
		if err != nil {
			return err
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

func csvRow(r *Record) ([]string, error) {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return formatNumber(*p)
	}
	var lo, hi *float64
	if rg := r.Estimate.Range; rg != nil {
		lo, hi = &rg[0], &rg[1]
	}
	var sources, notes, tags string
	if len(r.Sources) > 0 {
		sources = jsonCell(r.Sources)
	}
	if len(r.Notes) > 0 {
		notes = jsonCell(r.Notes)
	}
	if len(r.Tags) > 0 {
		tags = jsonCell(r.Tags)
	}
	row := []string{
		r.ID, r.Question, r.Forecaster, r.Audience, r.Issued.String(), r.IssuedNote, r.ResolvesBy.String(), r.Resolved.String(),
		r.Statement.Text, string(r.Statement.Wording), strconv.FormatBool(r.Negated),
		num(r.Estimate.Probability), num(lo), num(hi), r.Estimate.Term, r.Estimate.Scale,
		r.CoderNote, string(r.Outcome), r.OutcomeNote, sources, notes, tags,
		formatNumber(r.Event.Low), formatNumber(r.Event.Point), formatNumber(r.Event.High),
	}
	for i, cell := range row {
		if strings.Contains(cell, "\r\n") {
			return nil, fmt.Errorf("record %s: %s holds \\r\\n, which CSV cannot carry (a CSV reader turns it into \\n); export as yaml or jsonl", r.ID, CSVColumns[i])
		}
	}
	return row, nil
}

// jsonCell encodes v as compact JSON for one cell.
func jsonCell(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("forecasts: " + err.Error()) // sources, notes and tags are plain text
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// CSVOptions says how ReadCSV reads a table.
type CSVOptions struct {
	// Columns maps a column of the input, by its name in the header row,
	// to the field it holds: one of CSVColumns, such as
	// "estimate_probability" (or written with dots, "statement.text").
	// A column mapped to "" is skipped. Columns not in the map are
	// matched by their own names; a column that matches no field is an
	// error. The zero value reads what WriteCSV writes.
	Columns map[string]string
	// Manifest, when not nil, is the dataset's manifest, and lines
	// starting with # before the header row are skipped. When nil, those
	// lines must hold the manifest, as WriteCSV writes it.
	Manifest *Manifest
	// Comma is the field separator; 0 means ','.
	Comma rune
}

// ReadCSV reads a dataset from a CSV table, checking it as Load checks a
// YAML file, against the built-in scales; file names the input in errors.
// See Loader.ReadCSV.
func ReadCSV(r io.Reader, file string, opt CSVOptions) (*Dataset, error) {
	return (&Loader{}).ReadCSV(r, file, opt)
}

// ReadCSV reads a dataset from a CSV table in the layout WriteCSV writes
// (see CSVColumns), or with other column names mapped by opt.Columns.
// Each row is checked as a record of a YAML file is: every problem is
// reported as FILE:LINE:COL: FIELD: message, at the cell it is in, with
// the record field's name (estimate.probability); problems in the header
// row name the column. Empty cells are absent fields; rows with every
// cell empty are skipped. Ids must be unique, also against what the
// Loader read before. On any problem the error is an ErrorList.
func (l *Loader) ReadCSV(r io.Reader, file string, opt CSVOptions) (*Dataset, error) {
	data, ok := l.readAll(r, file, MaxYAMLBytes)
	if !ok {
		return nil, l.finish()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	ls := splitLines(data)
	d := &decoder{file: file, errs: &l.errs}
	ds := &Dataset{Files: []string{file}}

	// The manifest: # lines before the header row, or opt.Manifest.
	skip := 0
	for skip < len(ls) && data[ls[skip].start] == '#' {
		skip++
	}
	switch {
	case opt.Manifest != nil:
		ds.Manifest = d.manifest(manifestNode(opt.Manifest), "dataset.")
	case skip == 0:
		l.errs.Add(file, 1, 1, "dataset", "required field is missing: the file starts with the manifest as YAML in # lines (# dataset:, #   name: ...), as hindcast forecasts export writes it")
	default:
		ds.Manifest = l.csvManifest(d, data, ls[:skip])
	}

	t := &csvTable{l: l, d: d, file: file, data: data, lines: ls, skip: skip}
	rest := []byte{}
	if skip < len(ls) {
		rest = data[ls[skip].start:]
	}
	t.r = csv.NewReader(bytes.NewReader(rest))
	t.r.FieldsPerRecord = -1
	if opt.Comma != 0 {
		t.r.Comma = opt.Comma
	}
	if !t.header(opt.Columns) {
		return ds, l.finish()
	}
	for {
		row, err := t.r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.syntaxError(err)
			break
		}
		if r := t.record(row, ds.Name); r != nil {
			ds.Records = append(ds.Records, r)
		}
	}
	return ds, l.finish()
}

// csvManifest reads the manifest from the # lines at the top of a CSV
// file, positioned in the file: each line is YAML after its "# ".
func (l *Loader) csvManifest(d *decoder, data []byte, ls []lineSpan) Manifest {
	var y bytes.Buffer
	shift := make([]int, len(ls))
	for i, ln := range ls {
		line := data[ln.start:ln.end]
		shift[i] = 1
		if len(line) > 1 && line[1] == ' ' {
			shift[i] = 2
		}
		y.Write(line[shift[i]:])
	}
	root, ok := l.parse(d.file, y.Bytes())
	if !ok {
		return Manifest{}
	}
	var move func(n *yaml.Node)
	move = func(n *yaml.Node) {
		if n.Line >= 1 && n.Line <= len(shift) {
			n.Column += shift[n.Line-1]
		}
		for _, c := range n.Content {
			move(c)
		}
	}
	move(root)
	top, ok := d.object(root, "", "", []string{"dataset"})
	if !ok {
		return Manifest{}
	}
	if !top.has("dataset") {
		d.errorf(root, "dataset", "required field is missing: the # lines before the header row hold the manifest under dataset:")
		return Manifest{}
	}
	return d.manifest(top.value("dataset"), "dataset.")
}

// csvTable reads the rows of a CSV file.
type csvTable struct {
	l     *Loader
	d     *decoder
	file  string
	data  []byte
	lines []lineSpan
	skip  int // lines before the CSV text
	r     *csv.Reader
	cols  []string       // the field of each column; "" when skipped
	index map[string]int // the column of each field
}

// pos turns a line and byte column of the CSV reader into the line and
// character column in the file.
func (t *csvTable) pos(line, col int) (int, int) {
	line += t.skip
	if line < 1 || line > len(t.lines) {
		return line, col
	}
	ln := t.lines[line-1]
	end := min(ln.start+max(col-1, 0), ln.end)
	return line, utf8.RuneCount(t.data[ln.start:end]) + 1
}

func (t *csvTable) syntaxError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line, col := t.pos(pe.Line, pe.Column)
		t.l.errs.Add(t.file, line, col, "", "CSV syntax: %v", pe.Err)
		return
	}
	t.l.errs.Add(t.file, 0, 0, "", "%v", err)
}

// header reads the header row and maps its columns to fields; it is false
// when the rows cannot be read.
func (t *csvTable) header(columns map[string]string) bool {
	row, err := t.r.Read()
	if err == io.EOF {
		t.l.errs.Add(t.file, t.skip+1, 1, "", "no header row: the first row names the columns (%s, ...)", strings.Join(CSVColumns[:5], ", "))
		return false
	}
	if err != nil {
		t.syntaxError(err)
		return false
	}
	line, _ := t.r.FieldPos(0)
	hline, _ := t.pos(line, 1)
	t.cols = make([]string, len(row))
	t.index = map[string]int{}
	used := map[string]bool{}
	good := true
	for i, name := range row {
		_, col := t.pos(t.r.FieldPos(i))
		name = strings.TrimSpace(name)
		field, mapped := columns[name]
		used[name] = true
		if !mapped {
			field = name
		} else if field == "" {
			continue
		}
		field = strings.ReplaceAll(field, ".", "_")
		if !slices.Contains(CSVColumns, field) {
			msg := fmt.Sprintf("unknown column %q", name)
			if mapped {
				msg = fmt.Sprintf("column %q is mapped to %q, which is not a field", name, columns[name])
			}
			if s := suggest(field, CSVColumns); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; the columns are " + strings.Join(CSVColumns, ", ")
			}
			t.l.errs.Add(t.file, hline, col, name, "%s", msg)
			good = false
			continue
		}
		if j, dup := t.index[field]; dup {
			t.l.errs.Add(t.file, hline, col, name, "holds %s, as column %d already does", field, j+1)
			good = false
			continue
		}
		t.cols[i] = field
		t.index[field] = i
	}
	for _, name := range slices.Sorted(maps.Keys(columns)) {
		if !used[name] {
			t.l.errs.Add(t.file, hline, 1, name, "the column map names this column, but the header row has no column %q", name)
			good = false
		}
	}
	has := func(f string) bool { _, ok := t.index[f]; return ok }
	for _, f := range []string{"id", "question", "forecaster", "issued", "outcome"} {
		if !has(f) {
			t.l.errs.Add(t.file, hline, 1, f, "required column is missing")
			good = false
		}
	}
	if !has("estimate_probability") && !has("estimate_range_low") && !has("estimate_range_high") && !has("estimate_term") {
		t.l.errs.Add(t.file, hline, 1, "estimate", "required column is missing: give estimate_probability, estimate_range_low and _high, or estimate_term and estimate_scale")
		good = false
	}
	for _, p := range [][2]string{{"estimate_range_low", "estimate_range_high"}, {"estimate_term", "estimate_scale"}, {"statement_text", "statement_wording"}} {
		for i, f := range p {
			if has(f) && !has(p[1-i]) {
				t.l.errs.Add(t.file, hline, 1, p[1-i], "required column is missing: %s needs %s too", f, p[1-i])
				good = false
			}
		}
	}
	return good
}

// record reads one row as a record; nil when the row is blank or cannot
// be read.
func (t *csvTable) record(row []string, dataset string) *Record {
	line0, _ := t.r.FieldPos(0)
	line, _ := t.pos(line0, 1)
	if len(row) != len(t.cols) {
		t.l.errs.Add(t.file, line, 1, "", "the row has %d cells, the header row %d", len(row), len(t.cols))
		return nil
	}
	blank := true
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			blank = false
		}
	}
	if blank {
		return nil
	}
	// cell returns the cell of a field as a text node at its place, or nil
	// when the column is absent or the cell empty.
	cell := func(field string) *yaml.Node {
		i, ok := t.index[field]
		if !ok || row[i] == "" {
			return nil
		}
		l, c := t.pos(t.r.FieldPos(i))
		v := row[i]
		if !utf8.ValidString(v) {
			t.l.errs.Add(t.file, l, c, csvFieldName(field), "not valid UTF-8 text; save the file as UTF-8")
			v = strings.ToValidUTF8(v, "\uFFFD")
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: l, Column: c}
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: 1}
	add := func(parent *yaml.Node, key string, v *yaml.Node) {
		if v != nil {
			parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: v.Line, Column: v.Column}, v)
		}
	}
	// group builds a nested mapping (statement, estimate) placed at its
	// first cell, or nil when all its cells are empty.
	group := func(fields ...*yaml.Node) *yaml.Node {
		g := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i := 0; i+1 < len(fields); i += 2 {
			if v := fields[i+1]; v != nil {
				if len(g.Content) == 0 {
					g.Line, g.Column = v.Line, v.Column
				}
				g.Content = append(g.Content, fields[i], v)
			}
		}
		if len(g.Content) == 0 {
			return nil
		}
		for i := 0; i < len(g.Content); i += 2 {
			g.Content[i].Line, g.Content[i].Column = g.Content[i+1].Line, g.Content[i+1].Column
		}
		return g
	}
	key := func(k string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k} }
	for _, f := range []string{"id", "question", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved"} {
		add(m, f, cell(f))
	}
	add(m, "statement", group(key("text"), cell("statement_text"), key("wording"), cell("statement_wording")))
	add(m, "negated", cell("negated"))
	var rng *yaml.Node
	if lo, hi := cell("estimate_range_low"), cell("estimate_range_high"); lo != nil || hi != nil {
		rng = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, v := range []*yaml.Node{lo, hi} {
			if v == nil {
				// placed at the other cell, so that "expected a number,
				// found nothing" points to the row's range
				other := lo
				if other == nil {
					other = hi
				}
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: other.Line, Column: other.Column}
			}
			rng.Content = append(rng.Content, v)
		}
		rng.Line, rng.Column = rng.Content[0].Line, rng.Content[0].Column
	}
	add(m, "estimate", group(key("probability"), cell("estimate_probability"), key("range"), rng, key("term"), cell("estimate_term"), key("scale"), cell("estimate_scale")))
	for _, f := range []string{"coder_note", "outcome", "outcome_note"} {
		add(m, f, cell(f))
	}
	for _, f := range []string{"sources", "notes", "tags"} {
		c := cell(f)
		if c == nil {
			continue
		}
		n, e := jsonNode(t.file, []byte(c.Value), c.Line, c.Column)
		if e != nil {
			t.l.errs.Add(t.file, c.Line, c.Column, f, "%s (the cell holds JSON: %s)", e.Msg, jsonCellHint[f])
			continue
		}
		placeAt(n, c.Line, c.Column) // inside a quoted cell, columns of the JSON text are not the file's
		add(m, f, n)
	}

	before := len(t.l.errs)
	recs := t.l.recordList(t.d, []*yaml.Node{m}, dataset)
	if len(recs) != 1 {
		return nil
	}
	r := recs[0]
	if len(t.l.errs) == before {
		t.checkEvent(r, cell)
	}
	return r
}

var jsonCellHint = map[string]string{
	"sources": `[{"title": "...", "author": "..."}]`,
	"notes":   `["...", "..."]`,
	"tags":    `{"key": "value"}`,
}

func placeAt(n *yaml.Node, line, col int) {
	n.Line, n.Column = line, col
	for _, c := range n.Content {
		placeAt(c, line, col)
	}
}

// csvFieldName turns a CSV field into the record field it holds:
// estimate_probability → estimate.probability.
func csvFieldName(f string) string {
	for _, p := range []string{"statement_", "estimate_range_", "estimate_", "p_event_"} {
		if rest, ok := strings.CutPrefix(f, p); ok {
			switch p {
			case "estimate_range_":
				return "estimate.range"
			}
			return strings.TrimSuffix(p, "_") + "." + rest
		}
	}
	return f
}

// checkEvent compares the p_event cells, when filled in, with P(event) as
// derived from the estimate.
func (t *csvTable) checkEvent(r *Record, cell func(string) *yaml.Node) {
	for _, f := range []struct {
		name string
		want float64
	}{{"p_event_low", r.Event.Low}, {"p_event_point", r.Event.Point}, {"p_event_high", r.Event.High}} {
		c := cell(f.name)
		if c == nil {
			continue
		}
		// Decimal numbers only, as every other number cell: NaN, which
		// matches nothing, and hexadecimal floats are not numbers here.
		got, ok := tableParseNumber([]byte(strings.TrimSpace(c.Value)), 0)
		switch {
		case !ok || math.IsInf(got, 0):
			t.l.errs.Add(t.file, c.Line, c.Column, csvFieldName(f.name), "expected a number, found %q", c.Value)
		case math.Abs(got-f.want) > 1e-9:
			t.l.errs.Add(t.file, c.Line, c.Column, csvFieldName(f.name), "%s does not match the estimate, which gives %s: the p_event columns are derived from the estimate and negated; correct those, or leave these cells empty", c.Value, formatNumber(f.want))
		}
	}
}
