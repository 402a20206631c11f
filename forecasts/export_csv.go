package forecasts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CSVColumns are the columns WriteCSV writes, in this order, and the
// fields ReadCSV knows. One row is one record:
//
//   - id, label, question, event … resolved, coder_note, outcome, outcome_note: the record's field,
//     as text; dates as written (1978-08).
//   - statement_text, statement_wording: statement.text and .wording.
//   - negated: true or false.
//   - estimate_probability, estimate_range_low, estimate_range_high,
//     estimate_term, estimate_scale: the estimate; probabilities as
//     decimals (0.3).
//   - sources, notes, conflicts, tags: JSON, so that a list or map fits one cell and
//     reads back exactly: sources as [{"title": ..., "author": ..., ...}]
//     with the fields of a source; notes as ["..."]; conflicts as
//     [{"about": ..., "readings": ["...", "..."], "consequence": ...}];
//     tags as {"key": "value"} in written order. Empty when there are none.
//   - p_event_low, p_event_point, p_event_high: P(event), derived from the
//     estimate and negated; written for use in a spreadsheet. ReadCSV
//     checks them against the estimate when they are filled in.
var CSVColumns = []string{
	"id", "label", "question", "event", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved",
	"statement_text", "statement_wording", "negated",
	"estimate_probability", "estimate_range_low", "estimate_range_high", "estimate_term", "estimate_scale",
	"coder_note", "outcome", "outcome_note", "sources", "notes", "conflicts", "tags",
	"p_event_low", "p_event_point", "p_event_high",
}

// WriteCSV writes ds as CSV (RFC 4180, \n line ends): first the manifest
// as YAML in comment lines, "# dataset:", "#   name: cpc", …; then a
// header row of CSVColumns, all of them, in order; then one row per
// record. Cells are quoted only where CSV needs it. The bytes depend only
// on the dataset, and ReadCSV reads them back as the same dataset.
//
// To open the file in a spreadsheet, skip the lines that start with "#"
// (they come before the header row). A spreadsheet runs a cell that
// starts with =, +, -, @, a tab or a carriage return as a formula, so such
// a cell is written with a ' before it (as OWASP recommends), unless it
// is a number (-0.5); a cell that starts with ' and then one of those
// gets one more '. ReadCSV and import take the ' off again. WriteCSVWith
// can write the cells raw.
//
// A record holding the two characters \r\n in a text field cannot be
// written, as CSV readers turn them into \n; WriteCSV returns an error
// naming the record.
func WriteCSV(w io.Writer, ds *Dataset) error {
	return WriteCSVWith(w, ds, CSVWriteOptions{})
}

// CSVWriteOptions says how WriteCSVWith writes a table.
type CSVWriteOptions struct {
	// Raw writes every cell as it is, without the ' that keeps a
	// spreadsheet from running a cell as a formula.
	Raw bool
}

// WriteCSVWith writes ds as CSV, as WriteCSV does, with options.
func WriteCSVWith(w io.Writer, ds *Dataset, opt CSVWriteOptions) error {
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
	cols := csvColumnsOf(ds)
	cw.Write(cols)
	for _, r := range ds.Records {
		row, err := csvRow(r, len(cols) > len(CSVColumns))
		if err != nil {
			return err
		}
		if !opt.Raw {
			for i, cell := range row {
				row[i] = guardCSVCell(cell)
			}
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

// csvFormulaStart reports whether a spreadsheet would read a cell that
// starts as s does as a formula: with =, +, -, @, a tab or a carriage
// return, when it is not a number.
func csvFormulaStart(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	_, number := tableParseNumber([]byte(s), 0)
	return !number
}

// guardCSVCell puts a ' before a cell a spreadsheet would run as a
// formula, and one more before a cell that is already so guarded, so
// that unguardCSVCell gives back the text.
func guardCSVCell(s string) string {
	if csvFormulaStart(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// unguardCSVCell undoes guardCSVCell: a cell that is one or more ' and
// then what would be a formula loses one '.
func unguardCSVCell(s string) string {
	if strings.HasPrefix(s, "'") && csvFormulaStart(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

func csvRow(r *Record, categorical bool) ([]string, error) {
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
	var sources, notes, conflicts, tags string
	if len(r.Sources) > 0 {
		sources = jsonCell(r.Sources)
	}
	if len(r.Notes) > 0 {
		notes = jsonCell(r.Notes)
	}
	if len(r.Conflicts) > 0 {
		conflicts = jsonCell(r.Conflicts)
	}
	if len(r.Tags) > 0 {
		tags = jsonCell(r.Tags)
	}
	row := []string{
		r.ID, r.Label, r.Question, r.Happening, r.Forecaster, r.Audience, r.Issued.String(), r.IssuedNote, r.ResolvesBy.String(), r.Resolved.String(),
		r.Statement.Text, string(r.Statement.Wording), strconv.FormatBool(r.Negated),
		num(r.Estimate.Probability), num(lo), num(hi), r.Estimate.Term, r.Estimate.Scale,
		r.CoderNote, string(r.Outcome), r.OutcomeNote, sources, notes, conflicts, tags,
		formatNumber(r.Event.Low), formatNumber(r.Event.Point), formatNumber(r.Event.High),
	}
	cols := CSVColumns
	if categorical {
		row, cols = withCategoricalCells(r, row), categoricalCSVColumns
	}
	for i, cell := range row {
		if strings.Contains(cell, "\r\n") {
			return nil, fmt.Errorf("record %s: %s holds \\r\\n, which CSV cannot carry (a CSV reader turns it into \\n); export as yaml or jsonl", r.ID, cols[i])
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
//
// The rows are read as Import reads them, but for the columns, which are
// CSVColumns, and the values, which are read as a YAML file's are: no
// percentages, other date forms or outcome labels.
func (l *Loader) ReadCSV(r io.Reader, file string, opt CSVOptions) (*Dataset, error) {
	iopt := ImportOptions{Format: TableCSV, Comma: opt.Comma, Columns: opt.Columns}
	if opt.Manifest != nil {
		m := (&decoder{file: file, errs: &l.errs}).manifest(manifestNode(opt.Manifest), "dataset.")
		iopt.Manifest = &m
	}
	return l.readExport(r, file, iopt)
}

// readExport reads a CSV table that WriteCSV wrote, or one in its layout,
// as ReadCSV does: with the importer, and every problem in one ErrorList.
func (l *Loader) readExport(r io.Reader, file string, opt ImportOptions) (*Dataset, error) {
	im, err := l.importTable(r, file, opt, true)
	if im == nil {
		return nil, l.finish()
	}
	var colErr *ColumnsError
	switch {
	case errors.As(err, &colErr):
		l.errs = append(l.errs, colErr.Errors...)
	case err != nil: // an export's missing manifest is reported in the file, not so
		return nil, err
	}
	for _, rr := range im.res.Rejected {
		l.errs = append(l.errs, rr.Errors...)
	}
	return im.res.Dataset, l.finish()
}

// exportColumns maps the columns of a CSV export to their fields, as
// ReadCSV reads them: by opt.Columns, or by their own names, which must be
// CSVColumns (or written with dots, statement.text). It reports every
// problem at the header row.
func (im *importer) exportColumns(hline int) error {
	var errs ErrorList
	used := map[string]bool{}
	byField := map[string]*importColumn{}
	for _, c := range im.cols {
		field, mapped := im.opt.Columns[c.name]
		used[c.name] = true
		if !mapped {
			field = c.name
		} else if field == "" {
			continue
		}
		field = strings.ReplaceAll(field, ".", "_")
		if !slices.Contains(categoricalCSVColumns, field) {
			msg := fmt.Sprintf("unknown column %q", c.name)
			if mapped {
				msg = fmt.Sprintf("column %q is mapped to %q, which is not a field", c.name, im.opt.Columns[c.name])
			}
			// p_event is P(event), not the event's slug: no suggestion.
			if s := suggest(field, CSVColumns); s != "" && !(s == "event" && strings.HasPrefix(field, "p_event")) {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; the columns are " + strings.Join(CSVColumns, ", ")
			}
			errs.Add(im.file, c.line, c.col, c.name, "%s", msg)
			continue
		}
		f, _ := ImportField(field) // each of CSVColumns is one, as written
		if prev, dup := byField[f]; dup {
			errs.Add(im.file, c.line, c.col, c.name, "holds %s, as column %d already does", field, slices.Index(im.cols, prev)+1)
			continue
		}
		c.field = f
		byField[f] = c
	}
	for _, name := range slices.Sorted(maps.Keys(im.opt.Columns)) {
		if !used[name] {
			errs.Add(im.file, hline, 1, name, "the column map names this column, but the header row has no column %q", name)
		}
	}
	im.requiredColumns(&errs, hline, byField)
	if len(errs) > 0 {
		errs.Sort()
		return &ColumnsError{Errors: errs}
	}
	return nil
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

var jsonCellHint = map[string]string{
	"sources":   `[{"title": "...", "author": "..."}]`,
	"notes":     `["...", "..."]`,
	"conflicts": `[{"about": "...", "readings": ["...", "..."], "consequence": "..."}]`,
	"tags":      `{"key": "value"}`,

	"options":                `["A", "B", "C"]`,
	"estimate.probabilities": `{"A": 0.6, "B": 0.3, "C": 0.1}`,
}

func placeAt(n *yaml.Node, line, col int) {
	n.Line, n.Column = line, col
	for _, c := range n.Content {
		placeAt(c, line, col)
	}
}
