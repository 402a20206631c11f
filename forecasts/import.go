package forecasts

// Importing a researcher's own table: CSV or JSON Lines with their own
// column names and conventions, read into records and checked as Load
// checks a YAML file. See Loader.Import.

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ImportFields are the fields a column of an imported table can hold: the
// record fields of the YAML format, nested ones written with dots. A
// column holding one field of each source or tag of a row is written
// sources.FIELD or tags.KEY (any key). Dots may also be written as _
// (statement_text, estimate_range_low: the CSV export's header).
//
//   - sources, notes, conflicts, tags and estimate.range hold JSON in a CSV cell, as
//     the CSV export writes them ([{"title": ...}], ["..."], {"key":
//     "value"}, [0.2, 0.45]). For plain text, sources.FIELD columns give
//     one source per row, tags.KEY one tag, and note one note.
//   - statement, estimate and p_event hold an object, in JSON Lines only.
//   - p_event.low, .point and .high are not stored: they are checked
//     against the estimate (the CSV export writes them for spreadsheets).
var ImportFields = []string{
	"id", "label", "question", "event", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved",
	"statement", "statement.text", "statement.wording", "negated", "options", "ordered",
	"estimate", "estimate.probability", "estimate.range", "estimate.range.low", "estimate.range.high", "estimate.term", "estimate.scale",
	"estimate.probabilities",
	"coder_note", "outcome", "outcome_note",
	"sources", "sources.title", "sources.author", "sources.publisher", "sources.date", "sources.page", "sources.url", "sources.quote",
	"notes", "note", "conflicts", "tags", "tags.KEY",
	"p_event", "p_event.low", "p_event.point", "p_event.high",
}

// importSpellings maps each accepted spelling of a field, in lower case,
// to the field.
var importSpellings = func() map[string]string {
	m := map[string]string{}
	for _, f := range ImportFields {
		if f == "tags.KEY" {
			continue
		}
		m[f] = f
		m[strings.ReplaceAll(f, ".", "_")] = f
	}
	return m
}()

// objectFields hold a JSON object of fields, in JSON Lines only.
var objectFields = []string{"statement", "estimate", "p_event"}

// ImportField returns the field s names (see ImportFields): a spelling
// with dots or underscores, in any case; tags.KEY keeps the key as written.
func ImportField(s string) (string, error) {
	t := strings.TrimSpace(s)
	if len(t) >= 5 && strings.EqualFold(t[:5], "tags.") {
		key := strings.TrimSpace(t[5:])
		if key == "" {
			return "", fmt.Errorf("%q: a tag column is tags.KEY, such as tags.region", s)
		}
		return "tags." + key, nil
	}
	if f, ok := importSpellings[strings.ToLower(t)]; ok {
		return f, nil
	}
	if sug := fieldSuggestion(t); sug != "" {
		return "", fmt.Errorf("%q is not a field; did you mean %s?", s, sug)
	}
	return "", fmt.Errorf("%q is not a field; the fields are %s", s, strings.Join(ImportFields, ", "))
}

// fieldSuggestion returns the field s is a near miss of — a typing
// slip, about one edit in four characters, or the start of one field
// only (estimate.prob) — or "".
func fieldSuggestion(s string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	best, bestD := "", len(t)
	var starts []string
	for _, sp := range slices.Sorted(maps.Keys(importSpellings)) {
		if d := editDistance(t, sp); d < bestD {
			best, bestD = importSpellings[sp], d
		}
		if len(t) >= 4 && strings.HasPrefix(sp, t) && !slices.Contains(starts, importSpellings[sp]) {
			starts = append(starts, importSpellings[sp])
		}
	}
	switch {
	case bestD <= max(1, len(t)/4):
		return best
	case len(starts) == 1:
		return starts[0]
	case len(starts) == 2: // estimate.prob: estimate.probability or estimate.probabilities
		slices.SortFunc(starts, func(a, b string) int { return cmp.Or(len(a)-len(b), strings.Compare(a, b)) })
		return starts[0] + " or " + starts[1]
	}
	return ""
}

// ImportOptions says how Loader.Import reads a table.
type ImportOptions struct {
	Format TableFormat // TableCSV or TableJSONL; required
	Comma  rune        // the CSV field separator; 0 means ','

	// Columns maps a column (a CSV header cell, a JSON key) to the field
	// it holds, one of ImportFields; a column mapped to "" is skipped.
	// A column not in the map holds the field it is named after (in any
	// case, with dots or underscores); any other column is an error
	// unless IgnoreUnknown.
	//
	// A column named probability, p, prob or forecast (in any case) holds
	// estimate.probability when no other column does and Columns does not
	// map it; two such columns are an error that asks which.
	Columns       map[string]string
	IgnoreUnknown bool

	// IDTemplate, when not nil, makes each record's id from its row (see
	// IDTemplate): for a table with no id column, or ids that are not ids
	// here. A column named id then holds no field (the template may name
	// it), and Columns may map no column to id. A column the template
	// names holds no field unless it is named after one or mapped.
	IDTemplate *IDTemplate

	// Percent reads probabilities (estimate.probability, the range, the
	// p_event columns) as percentages from 0 to 100, with or without a
	// % sign. A field whose values have the sign in some rows and not in
	// others mixes percentages and plain numbers, and one whose values
	// are all at most 1, none with a sign, looks like fractions: either
	// way each value without a sign is an error in its row. Without
	// Percent, a percentage is an error that says so.
	Percent bool
	// Outcomes gives more outcome labels (lower case) their outcome,
	// before the labels ParseOutcome knows.
	Outcomes map[string]Outcome
	// DateOrder reads all-number dates (31/08/1978); see ParseCommonDate.
	DateOrder DateOrder

	// Manifest, when not nil, is the manifest of the dataset the records
	// join: the file's own manifest is not read. Otherwise the manifest
	// is the file's, when it has one (the # lines of a CSV export, the
	// first line of a JSON Lines export), with the fields set in
	// Override replacing its fields, and those of Defaults filling the
	// ones still empty. Name, title and selection are required.
	Manifest *Manifest
	Override Manifest
	Defaults Manifest

	// SkipInvalid returns the rows that pass and lists the others in
	// ImportResult.Rejected, instead of failing on any bad row.
	SkipInvalid bool
}

// Check reports options that cannot be used: an unknown field in
// Columns, an outcome that is not one, a bad name or selection in
// Override. Import checks them too.
func (o *ImportOptions) Check() error {
	if o.Format != TableCSV && o.Format != TableJSONL {
		return fmt.Errorf("import: no table format given (%v)", o.Format)
	}
	if o.Comma == '"' || o.Comma == '\r' || o.Comma == '\n' || o.Comma == utf8.RuneError {
		return fmt.Errorf("%q cannot separate fields", o.Comma)
	}
	byField := map[string]string{}
	for _, col := range slices.Sorted(maps.Keys(o.Columns)) {
		f := o.Columns[col]
		if strings.TrimSpace(f) == "" {
			continue
		}
		field, err := ImportField(f)
		if err != nil {
			return fmt.Errorf("column %q: %v", col, err)
		}
		if prev, dup := byField[field]; dup {
			return fmt.Errorf("columns %q and %q are both mapped to %s: a field comes from one column", prev, col, field)
		}
		if field == "id" && o.IDTemplate != nil {
			return fmt.Errorf("column %q is mapped to id, and --id-template %q makes the ids: ids come from one or the other", col, o.IDTemplate)
		}
		byField[field] = col
	}
	for label, out := range o.Outcomes {
		if !slices.Contains(Outcomes, out) {
			return fmt.Errorf("outcome label %q: %q is not an outcome; use yes, no, unresolved or ambiguous", label, out)
		}
	}
	if n := o.Override.Name; n != "" && !namePattern.MatchString(n) {
		return fmt.Errorf("dataset name %q: use lower-case letters, digits, - and _, starting with a letter or digit", n)
	}
	if s := o.Override.Selection; s != "" && !slices.Contains(Selections, s) {
		return fmt.Errorf("selection %q is not one of: %s", s, strings.Join(strs(Selections), ", "))
	}
	return nil
}

// ImportResult is what Import read.
type ImportResult struct {
	// Dataset holds the manifest and the records that passed, in file order.
	Dataset *Dataset
	// Rows counts the rows read: the non-blank rows after the header of
	// a CSV file; the non-blank lines but the manifest of JSON Lines.
	Rows int
	// Rejected lists the rows that did not pass, in file order, with
	// every problem found in each (with SkipInvalid only).
	Rejected []RejectedRow
	// Ignored names the columns skipped because they hold no field
	// (with IgnoreUnknown), in file order.
	Ignored []string
	// ManifestFromFile is true when the manifest was read from the file.
	ManifestFromFile bool
	// ProbabilityColumn names the column read as estimate.probability
	// for its name (probability, p, prob, forecast); "" when none was.
	ProbabilityColumn string
}

// RejectedRow is a row that did not pass, and why.
type RejectedRow struct {
	Line   int // the line the row starts on
	Errors ErrorList
}

// RowsError reports the rows that did not pass, when SkipInvalid is not
// set: nothing is to be written then.
type RowsError struct {
	Rows     int           // rows read
	Rejected []RejectedRow // the rows that did not pass, in file order
	Errors   ErrorList     // every problem of every rejected row, sorted
}

func (e *RowsError) Error() string { return e.Errors.Error() }
func (e *RowsError) Unwrap() error { return e.Errors }

// ColumnsError reports columns that do not fit the options: columns
// that hold no field, a column named in the map that the file lacks,
// two columns for one field, a required field no column holds. Nothing
// else is read then. Its errors are at the header cells (the first key
// of that name in JSON Lines).
type ColumnsError struct{ Errors ErrorList }

func (e *ColumnsError) Error() string { return e.Errors.Error() }
func (e *ColumnsError) Unwrap() error { return e.Errors }

// ManifestMissingError reports that neither the file nor the options
// give the manifest fields named.
type ManifestMissingError struct {
	File   string
	Fields []string // name, title, selection
}

func (e *ManifestMissingError) Error() string {
	return fmt.Sprintf("%s holds no manifest, and the dataset's %s: not given", e.File, strings.Join(e.Fields, ", "))
}

// Import reads a table of forecast records in CSV or JSON Lines, one
// record per row, each column holding the field it is mapped to (see
// ImportOptions and ImportFields), and checks every record as Load checks
// a YAML file: ids must be unique, also against what the Loader read
// before (the dataset being added to). Before the check it reads the
// ways spreadsheets write values:
//
//   - dates (issued, resolves_by, resolved, sources.date) in the forms
//     ParseCommonDate reads, kept as partial dates;
//   - outcomes as ParseOutcome reads them, with opt.Outcomes;
//   - negated as true/false, yes/no, y/n or 1/0, in any case;
//   - probabilities as percentages with opt.Percent, a field's values
//     all with a % sign or all without, not all at most 1 without one;
//   - NA, as R writes a missing value, as an empty cell in date and
//     number columns.
//
// A CSV file may start with lines beginning "# " (or "#" alone): when the
// first of them is "# dataset:", they hold the manifest as the CSV export
// writes it; otherwise they are skipped. Empty cells (JSON null, "") are
// absent fields; blank rows are skipped.
//
// Every problem is reported as FILE:LINE:COL: FIELD: message, at the cell
// or value it is in, in the file as given. Problems with the columns
// stop the reading and come back as a *ColumnsError; a missing manifest
// as a *ManifestMissingError. Problems with rows come back as a
// *RowsError (all of them); with opt.SkipInvalid the rows that pass are
// returned and the others listed in ImportResult.Rejected. Problems with
// the file itself — its manifest, CSV syntax (a stray quote ends the
// reading) — come back as an ErrorList, with those of the rows.
func (l *Loader) Import(r io.Reader, file string, opt ImportOptions) (*ImportResult, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	im, err := l.importTable(r, file, opt, false)
	if im == nil {
		return nil, l.finish()
	}
	if err != nil {
		l.errs = nil
		return nil, err
	}
	if len(l.errs) > 0 { // the manifest, CSV syntax
		for _, rr := range im.res.Rejected {
			l.errs = append(l.errs, rr.Errors...)
		}
		return nil, l.finish()
	}
	if len(im.res.Rejected) > 0 && !opt.SkipInvalid {
		for _, rr := range im.res.Rejected {
			l.errs = append(l.errs, rr.Errors...)
		}
		l.errs.Sort()
		err := &RowsError{Rows: im.res.Rows, Rejected: im.res.Rejected, Errors: l.errs}
		l.errs = nil
		return nil, err
	}
	return im.res, l.finish()
}

// importTable reads a table into an importer's result: by Import's rules,
// or with export by those of ReadCSV. Problems with the
// file and its manifest are in l.errs, those of rows in the result's
// Rejected; the error is a *ColumnsError or a *ManifestMissingError. The
// importer is nil when the file cannot be read.
func (l *Loader) importTable(r io.Reader, file string, opt ImportOptions, export bool) (*importer, error) {
	data, ok := l.readAll(r, file, MaxYAMLBytes)
	if !ok {
		return nil, nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	im := &importer{l: l, d: &decoder{file: file, errs: &l.errs}, file: file, opt: opt, export: export, res: &ImportResult{}}
	var err error
	if opt.Format == TableCSV {
		err = im.readCSV(data)
	} else {
		err = im.readJSONL(data)
	}
	if err == nil {
		im.checkPercent()
	}
	return im, err
}

// importer reads one table.
type importer struct {
	l    *Loader
	d    *decoder
	file string
	opt  ImportOptions
	// export reads the layout WriteCSV writes, as ReadCSV does: columns
	// named as CSVColumns are, values as the YAML format writes them,
	// every problem in the decoder's words.
	export bool
	res    *ImportResult
	cols   []*importColumn
	mine   []Error // this row's problems found before the decoder's, by position and field

	// A CSV file: its text and lines, the lines before the CSV text (the
	// manifest or comments), and the reader of the rest.
	data  []byte
	lines []lineSpan
	skip  int
	csv   *csv.Reader

	// With Percent: the probabilities read, by field, for checkPercent;
	// rowLine is the line of the row being read.
	pct     map[string]*importPercent
	rowLine int

	// With IDTemplate: the ids made, with the row number and line of
	// each; and this row's error about its id, when it has one, so that
	// the record checks do not report the id again. idColumn is the
	// column holding id.
	madeIDs  map[string][2]int
	idErr    *Error
	idColumn string
}

// importPercent is what a probability field's values, read as
// percentages, look like.
type importPercent struct {
	signed      int           // values with a % sign
	firstSigned int           // the line of the first
	above1      bool          // a number above 1 (1%), with or without a sign
	plain       []importValue // good values without a % sign
}

// importValue is a value of a row, where it is.
type importValue struct {
	row, line, col int
	text           string
	above1         bool
}

// importColumn is a column of the table: a header cell, or a JSON key.
type importColumn struct {
	name      string
	field     string // "" when skipped
	line, col int    // the header cell, or the first key of that name
}

// importCell is one value of a row and the column it is in.
type importCell struct {
	col   *importColumn
	key   *yaml.Node // the JSON key; nil in CSV
	value *yaml.Node
}

// columns maps each column to its field, reporting every problem; csv
// says whether they are a header row (JSON keys may come and go).
func (im *importer) columns(csvHeader bool, hline int) error {
	var errs ErrorList
	fail := func(c *importColumn, format string, args ...any) {
		errs.Add(im.file, c.line, c.col, c.name, format, args...)
	}
	what := func(c *importColumn) string {
		if csvHeader {
			return fmt.Sprintf("column %d (%q)", slices.Index(im.cols, c)+1, c.name)
		}
		return fmt.Sprintf("key %q", c.name)
	}
	var names []string
	for _, c := range im.cols {
		names = append(names, c.name)
	}
	tmpl := im.opt.IDTemplate
	if tmpl != nil {
		tmpl.bind(im, &errs, hline)
	}
	guess, guesses := im.probabilityColumn()
	byField := map[string]*importColumn{}
	for _, c := range im.cols {
		if f, mapped := im.opt.Columns[c.name]; mapped {
			if strings.TrimSpace(f) == "" {
				continue
			}
			c.field, _ = ImportField(f) // checked by Check
		} else if f, err := ImportField(c.name); err == nil && c.name != "" && !(f == "id" && tmpl != nil) {
			c.field = f
		} else if tmpl != nil && tmpl.uses(c) {
			continue // a source of ids only
		} else if f == "id" && tmpl != nil && err == nil {
			im.res.Ignored = append(im.res.Ignored, c.name)
			continue // --id-template makes the ids
		} else if c == guess {
			c.field = "estimate.probability"
			im.res.ProbabilityColumn = c.name
		} else if len(guesses) > 1 && slices.Contains(guesses, c) {
			var others []string
			for _, g := range guesses {
				if g != c {
					others = append(others, fmt.Sprintf("%q", g.name))
				}
			}
			fail(c, "could hold estimate.probability, as could column %s: say which with --map %s=estimate.probability (and skip the other with --map COLUMN=)", strings.Join(others, " and "), quoteFlagValue(c.name))
			continue
		} else if im.opt.IgnoreUnknown {
			im.res.Ignored = append(im.res.Ignored, c.name)
			continue
		} else {
			msg := "unknown column: no field is named so"
			if sug := fieldSuggestion(c.name); sug != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", sug)
			}
			fail(c, "%s; map it with --map %s=FIELD, skip it with --map %s=, or pass --ignore-unknown", msg, quoteFlagValue(c.name), quoteFlagValue(c.name))
			continue
		}
		if csvHeader && slices.Contains(objectFields, c.field) {
			fail(c, "%s holds an object of fields, which a CSV cell cannot: map the column to one of them (%s.…)", c.field, c.field)
			c.field = ""
			continue
		}
		if prev, dup := byField[c.field]; dup {
			fail(c, "holds %s, as %s already does: a field comes from one column", c.field, what(prev))
			c.field = ""
			continue
		}
		byField[c.field] = c
		if c.field == "id" {
			im.idColumn = c.name
		}
	}
	// A whole and its parts cannot both be given.
	for _, c := range im.cols {
		for _, whole := range []string{"sources", "tags", "estimate.range", "statement", "estimate", "p_event", "notes"} {
			w, ok := byField[whole]
			part := c.field != whole && strings.HasPrefix(c.field, whole+".") || whole == "notes" && c.field == "note"
			if ok && part {
				fail(c, "holds %s, and %s holds %s as a whole: give one or the other", c.field, what(w), whole)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(im.opt.Columns)) {
		if slices.Contains(names, name) {
			continue
		}
		msg := fmt.Sprintf("--map names column %q, which the file does not have", name)
		if s := suggest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else if csvHeader {
			msg += "; its columns: " + strings.Join(printableNames(names), ", ")
		}
		errs.Add(im.file, hline, min(hline, 1), name, "%s", msg)
	}
	if csvHeader && len(errs) == 0 {
		im.requiredColumns(&errs, hline, byField)
	}
	if len(errs) > 0 {
		errs.Sort()
		return &ColumnsError{Errors: errs}
	}
	return nil
}

// probabilityAliases are the column names read as estimate.probability
// when no other column holds it.
var probabilityAliases = []string{"probability", "p", "prob", "forecast"}

// probabilityColumn returns the column to read as estimate.probability
// for its name, or nil; and, when no other column holds the field, every
// column whose name would do (when several, none is chosen).
func (im *importer) probabilityColumn() (*importColumn, []*importColumn) {
	var named []*importColumn
	for _, c := range im.cols {
		f, mapped := im.opt.Columns[c.name]
		if mapped {
			f = strings.TrimSpace(f)
		} else {
			f = c.name
		}
		if f == "" {
			continue
		}
		field, err := ImportField(f)
		if err == nil && (field == "estimate.probability" || field == "estimate") {
			return nil, nil // the table says where the probabilities are
		}
		if !mapped && err != nil && slices.Contains(probabilityAliases, strings.ToLower(c.name)) {
			named = append(named, c)
		}
	}
	if len(named) == 1 {
		return named[0], named
	}
	return nil, named
}

// requiredColumns reports, at the header row, each field a CSV table
// needs and no column holds; byField holds the columns by their field.
// An export's columns are named as CSVColumns are (estimate_scale).
func (im *importer) requiredColumns(errs *ErrorList, hline int, byField map[string]*importColumn) {
	has := func(f string) bool { _, ok := byField[f]; return ok }
	name := func(f string) string {
		if im.export {
			return strings.ReplaceAll(f, ".", "_")
		}
		return f
	}
	for _, f := range []string{"id", "question", "forecaster", "issued", "outcome"} {
		if f == "id" && im.opt.IDTemplate != nil {
			continue
		}
		if !has(f) && im.export {
			errs.Add(im.file, hline, 1, f, "required column is missing")
		} else if f == "id" && !has(f) {
			errs.Add(im.file, hline, 1, f, "required column is missing: no column holds id; name one after it, map one with --map COLUMN=id, or make the ids with --id-template, such as {row} (the row's number) or gjp-{COLUMN}")
		} else if !has(f) {
			errs.Add(im.file, hline, 1, f, "required column is missing: no column holds %s; name one after it, or map one with --map COLUMN=%s", f, f)
		}
	}
	if !has("estimate.probability") && !has("estimate.range") && !has("estimate.range.low") && !has("estimate.range.high") && !has("estimate.term") && !has("estimate.probabilities") {
		msg := "no column holds estimate.probability, estimate.range (.low and .high), or estimate.term with estimate.scale"
		if im.export {
			msg = "give estimate_probability, estimate_range_low and _high, or estimate_term and estimate_scale"
		}
		errs.Add(im.file, hline, 1, "estimate", "required column is missing: %s", msg)
	}
	for _, p := range [][2]string{{"estimate.range.low", "estimate.range.high"}, {"estimate.term", "estimate.scale"}, {"statement.text", "statement.wording"}} {
		for i, f := range p {
			if has(f) && !has(p[1-i]) {
				errs.Add(im.file, hline, 1, name(p[1-i]), "required column is missing: %s needs %s too", name(f), name(p[1-i]))
			}
		}
	}
}

// isCommentLine reports whether a line before a CSV header is a comment:
// "#" followed by a space, a tab or the end of the line. ("#,id,..." is a
// header whose first column is named #.)
func isCommentLine(line []byte) bool {
	line = bytes.TrimRight(line, "\r\n")
	return len(line) > 0 && line[0] == '#' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t')
}

func (im *importer) readCSV(data []byte) error {
	l := im.l
	im.data, im.lines = data, splitLines(data)
	comment := isCommentLine
	if im.export {
		// CSVOptions: lines starting with # before the header row
		comment = func(line []byte) bool { return line[0] == '#' }
	}
	for im.skip < len(im.lines) && comment(data[im.lines[im.skip].start:im.lines[im.skip].end]) {
		im.skip++
	}
	var fileManifest *Manifest
	var manifestErrs ErrorList
	switch {
	case im.opt.Manifest != nil:
	case im.skip > 0 && (im.export || strings.TrimSpace(string(data[im.lines[0].start:im.lines[0].end])) == "# dataset:"):
		ml := &Loader{}
		m := ml.csvManifest(&decoder{file: im.file, errs: &ml.errs}, data, im.lines[:im.skip])
		fileManifest, manifestErrs = &m, ml.errs
	case im.export:
		l.errs.Add(im.file, 1, 1, "dataset", "required field is missing: the file starts with the manifest as YAML in # lines (# dataset:, #   name: ...), as hindcast forecasts export writes it")
	}
	if err := im.manifest(fileManifest, manifestErrs); err != nil {
		return err
	}

	rest := []byte{}
	if im.skip < len(im.lines) {
		rest = data[im.lines[im.skip].start:]
	}
	im.csv = csv.NewReader(bytes.NewReader(rest))
	im.csv.FieldsPerRecord = -1
	if im.opt.Comma != 0 {
		im.csv.Comma = im.opt.Comma
	}
	header, err := im.csv.Read()
	if err == io.EOF {
		l.errs.Add(im.file, im.skip+1, 1, "", "no header row: the first row names the columns (id, question, forecaster, issued, ...)")
		return nil
	}
	if err != nil {
		im.syntaxError(err)
		return nil
	}
	hline, _ := im.pos(im.csv.FieldPos(0))
	for i, name := range header {
		line, col := im.pos(im.csv.FieldPos(i))
		im.cols = append(im.cols, &importColumn{name: strings.TrimSpace(name), line: line, col: col})
	}
	if im.export {
		err = im.exportColumns(hline)
	} else {
		err = im.columns(true, hline)
	}
	if err != nil {
		return err
	}
	for {
		row, err := im.csv.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			im.syntaxError(err)
			break
		}
		line, _ := im.pos(im.csv.FieldPos(0))
		blank := true
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		im.res.Rows++
		before := len(l.errs)
		if len(row) != len(im.cols) {
			l.errs.Add(im.file, line, 1, "", "the row has %s, the header row %d", countNoun(len(row), "cell", "cells"), len(im.cols))
			im.reject(line, before)
			continue
		}
		var cells []importCell
		for i, v := range row {
			c := im.cols[i]
			if c.field == "" || v == "" {
				continue
			}
			vl, vc := im.pos(im.csv.FieldPos(i))
			if !utf8.ValidString(v) {
				l.errs.Add(im.file, vl, vc, c.field, "not valid UTF-8 text; save the file as UTF-8")
				v = strings.ToValidUTF8(v, "\uFFFD")
			}
			v = unguardCSVCell(v) // as WriteCSV guards it against formulas
			cells = append(cells, importCell{col: c, value: &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: vl, Column: vc}})
		}
		if im.opt.IDTemplate != nil && !im.export {
			if id := im.templateID(im.res.Rows, line, 1, func(c *importColumn) idCell { return im.csvIDCell(row, c) }); id != nil {
				cells = append(cells, *id)
			}
		}
		im.row(line, 1, cells, before)
	}
	return nil
}

// pos turns a line and byte column of the CSV reader into the line and
// character column in the file.
func (im *importer) pos(line, col int) (int, int) {
	line += im.skip
	if line < 1 || line > len(im.lines) {
		return line, col
	}
	ln := im.lines[line-1]
	end := min(ln.start+max(col-1, 0), ln.end)
	return line, utf8.RuneCount(im.data[ln.start:end]) + 1
}

func (im *importer) syntaxError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line, col := im.pos(pe.Line, pe.Column)
		im.l.errs.Add(im.file, line, col, "", "CSV syntax: %v", pe.Err)
		return
	}
	im.l.errs.Add(im.file, 0, 0, "", "%v", err)
}

// jsonlRow is a line of a JSON Lines file: an object, or the error that
// kept it from being read.
type jsonlRow struct {
	line int
	node *yaml.Node
	err  *Error
}

func (im *importer) readJSONL(data []byte) error {
	var rows []jsonlRow
	var fileManifest *Manifest
	var manifestErrs ErrorList
	byName := map[string]*importColumn{}
	first := true
	for i, ln := range splitLines(data) {
		text := bytes.TrimRight(data[ln.start:ln.end], "\r\n")
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		n, e := jsonNode(im.file, text, i+1, 1)
		if first {
			first = false
			if e == nil && n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "dataset" {
				if im.opt.Manifest == nil {
					ml := &Loader{}
					md := &decoder{file: im.file, errs: &ml.errs}
					m := md.manifest(n.Content[1], "dataset.")
					fileManifest, manifestErrs = &m, ml.errs
				}
				continue
			}
		}
		if e == nil && n.Kind != yaml.MappingNode {
			e = &Error{File: im.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("expected an object, {\"id\": ..., \"question\": ...}, found %s", kindName(n))}
		}
		rows = append(rows, jsonlRow{line: i + 1, node: n, err: e})
		if e != nil {
			continue
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			k := n.Content[j]
			if _, seen := byName[k.Value]; !seen {
				c := &importColumn{name: k.Value, line: k.Line, col: k.Column}
				byName[k.Value] = c
				im.cols = append(im.cols, c)
			}
		}
	}
	if first {
		im.l.errs.Add(im.file, 1, 1, "", "the file is empty")
		return nil
	}
	if err := im.manifest(fileManifest, manifestErrs); err != nil {
		return err
	}
	if err := im.columns(false, 0); err != nil {
		return err
	}
	for _, row := range rows {
		im.res.Rows++
		before := len(im.l.errs)
		if row.err != nil {
			im.l.errs = append(im.l.errs, row.err)
			im.reject(row.line, before)
			continue
		}
		var cells []importCell
		n := row.node
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			c := byName[k.Value]
			if c.field == "" || v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || v.Tag == "!!str" && v.Value == "") {
				continue
			}
			cells = append(cells, importCell{col: c, key: k, value: v})
		}
		if im.opt.IDTemplate != nil {
			if id := im.templateID(im.res.Rows, row.line, n.Column, func(c *importColumn) idCell { return jsonlIDCell(n, c) }); id != nil {
				cells = append(cells, *id)
			}
		}
		im.row(row.line, n.Column, cells, before)
	}
	return nil
}

// manifest sets the dataset's manifest: opt.Manifest, or the file's
// (nil when it has none) with the options' fields over it. Problems in
// the file's manifest are added to the errors, but those with fields the
// options give.
func (im *importer) manifest(file *Manifest, fileErrs ErrorList) error {
	ds := &Dataset{Files: []string{im.file}}
	im.res.Dataset = ds
	if im.opt.Manifest != nil {
		ds.Manifest = *im.opt.Manifest
		return nil
	}
	var m Manifest
	if file != nil {
		m = *file
		im.res.ManifestFromFile = true
	}
	given := map[string]bool{}
	for _, f := range []struct {
		name     string
		dst      *string
		over, df string
	}{
		{"name", &m.Name, im.opt.Override.Name, im.opt.Defaults.Name},
		{"title", &m.Title, im.opt.Override.Title, im.opt.Defaults.Title},
		{"description", &m.Description, im.opt.Override.Description, im.opt.Defaults.Description},
		{"licence", &m.Licence, im.opt.Override.Licence, im.opt.Defaults.Licence},
		{"citation", &m.Citation, im.opt.Override.Citation, im.opt.Defaults.Citation},
		{"version", &m.Version, im.opt.Override.Version, im.opt.Defaults.Version},
		{"selection", (*string)(&m.Selection), string(im.opt.Override.Selection), string(im.opt.Defaults.Selection)},
		{"selection_note", &m.SelectionNote, im.opt.Override.SelectionNote, im.opt.Defaults.SelectionNote},
	} {
		switch {
		case f.over != "":
			*f.dst = f.over
			given[f.name] = true
		case *f.dst == "" && f.df != "":
			*f.dst = f.df
			given[f.name] = true
		}
	}
	for _, e := range fileErrs {
		if !given[strings.TrimPrefix(e.Field, "dataset.")] {
			im.l.errs = append(im.l.errs, e)
		}
	}
	if file == nil && !im.export { // an export reports its missing manifest where it belongs
		var missing []string
		for _, f := range []struct{ name, v string }{{"name", m.Name}, {"title", m.Title}, {"selection", string(m.Selection)}} {
			if f.v == "" {
				missing = append(missing, f.name)
			}
		}
		if len(missing) > 0 {
			return &ManifestMissingError{File: im.file, Fields: missing}
		}
	}
	ds.Manifest = m
	return nil
}

// reject moves the errors found since before into a rejected row.
func (im *importer) reject(line, before int) {
	errs := slices.Clone(im.l.errs[before:])
	im.l.errs = im.l.errs[:before]
	errs.Sort()
	im.res.Rejected = append(im.res.Rejected, RejectedRow{Line: line, Errors: errs})
}

// row builds a record from the cells of a row at line:col and keeps it.
// Values are read as spreadsheets write them, but in an export.
func (im *importer) row(line, col int, cells []importCell, before int) {
	im.rowLine = line
	m, event := im.build(line, col, cells)
	if !im.export {
		im.normalise(m)
		for _, f := range []string{"low", "point", "high"} {
			if v := event[f]; v != nil {
				im.probability(v, "p_event."+f)
			}
		}
	}
	im.keep(line, m, event, before)
}

// keep checks the record mapping m of the row at line, and its p_event
// values against it, and keeps the record, or rejects the row with the
// errors found since before.
func (im *importer) keep(line int, m *yaml.Node, event map[string]*yaml.Node, before int) {
	recs := im.l.recordList(im.d, []*yaml.Node{m}, im.res.Dataset.Name)
	if len(im.l.errs) == before && len(recs) == 1 {
		im.checkEvent(recs[0], event)
	}
	// A value this importer could not read is reported once, in its words.
	errs := im.l.errs[:before]
	for _, e := range im.l.errs[before:] {
		if !slices.ContainsFunc(im.mine, func(m Error) bool {
			return m.Line == e.Line && m.Col == e.Col && m.Field == e.Field && m.Msg != e.Msg
		}) && !(im.idErr != nil && e.Field == "id" && e != im.idErr) {
			errs = append(errs, e)
		}
	}
	im.l.errs = errs
	im.mine = im.mine[:0]
	im.idErr = nil
	if len(im.l.errs) > before || len(recs) != 1 {
		im.reject(line, before)
		return
	}
	im.res.Dataset.Records = append(im.res.Dataset.Records, recs[0])
}

// checkEvent compares the p_event values, when filled in, with P(event) as
// derived from the estimate.
func (im *importer) checkEvent(r *Record, event map[string]*yaml.Node) {
	for _, f := range []struct {
		name string
		want float64
	}{{"low", r.Event.Low}, {"point", r.Event.Point}, {"high", r.Event.High}} {
		v := event[f.name]
		if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			continue
		}
		// Decimal numbers only, as every other number cell: NaN, which
		// matches nothing, and hexadecimal floats are not numbers here.
		got, ok := tableParseNumber([]byte(strings.TrimSpace(v.Value)), 0)
		switch {
		case !ok || math.IsInf(got, 0):
			im.d.errorf(v, "p_event."+f.name, "expected a number, found %q", v.Value)
		case math.Abs(got-f.want) > 1e-9:
			im.d.errorf(v, "p_event."+f.name, "%s does not match the estimate, which gives %s: the p_event columns are derived from the estimate and negated; correct those, or leave these cells empty", v.Value, formatNumber(f.want))
		}
	}
}

// fail reports a value the importer cannot read.
func (im *importer) fail(v *yaml.Node, field string, err error) {
	im.d.errorf(v, field, "%v", err)
	im.mine = append(im.mine, *im.l.errs[len(im.l.errs)-1])
}

// build turns the cells of a row into the record's YAML mapping, placed
// at line:col, and returns the p_event values to check it against.
func (im *importer) build(line, col int, cells []importCell) (*yaml.Node, map[string]*yaml.Node) {
	by := map[string]*yaml.Node{}
	var tags []importCell
	for _, c := range cells {
		f := c.col.field
		if _, dup := by[f]; dup {
			im.d.errorf(c.key, f, "given twice in the row (key %q)", c.col.name)
			continue
		}
		v := c.value
		if c.key == nil && (f == "sources" || f == "notes" || f == "conflicts" || f == "tags" || f == "estimate.range" || f == "options" || f == "estimate.probabilities") {
			n, e := jsonNode(im.file, []byte(v.Value), v.Line, v.Column)
			if e != nil {
				hint := importJSONHint[f]
				if im.export { // whose columns are not import's
					hint = jsonCellHint[f]
				}
				im.l.errs.Add(im.file, v.Line, v.Column, f, "%s (the cell holds JSON: %s)", e.Msg, hint)
				continue
			}
			placeAt(n, v.Line, v.Column) // inside a quoted cell, columns of the JSON text are not the file's
			v = n
		}
		by[f] = v
		if strings.HasPrefix(f, "tags.") {
			tags = append(tags, importCell{col: c.col, value: v})
		}
	}
	scalar := func(k string, at *yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: at.Line, Column: at.Column}
	}
	add := func(parent *yaml.Node, key string, v *yaml.Node) {
		if v != nil {
			parent.Content = append(parent.Content, scalar(key, v), v)
		}
	}
	// group is a mapping of the given fields (key, field, key, field...),
	// placed at its first value; nil when none has a value.
	group := func(pairs ...string) *yaml.Node {
		g := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i := 0; i+1 < len(pairs); i += 2 {
			if v := by[pairs[i+1]]; v != nil {
				if len(g.Content) == 0 {
					g.Line, g.Column = v.Line, v.Column
				}
				add(g, pairs[i], v)
			}
		}
		if len(g.Content) == 0 {
			return nil
		}
		return g
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col}
	for _, f := range []string{"id", "label", "question", "event", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved"} {
		add(m, f, by[f])
	}
	if v := by["statement"]; v != nil {
		add(m, "statement", v)
	} else {
		add(m, "statement", group("text", "statement.text", "wording", "statement.wording"))
	}
	add(m, "negated", by["negated"])
	add(m, "options", by["options"])
	add(m, "ordered", by["ordered"])
	if v := by["estimate"]; v != nil {
		add(m, "estimate", v)
	} else {
		if lo, hi := by["estimate.range.low"], by["estimate.range.high"]; lo != nil || hi != nil {
			rng := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
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
			by["estimate.range"] = rng
		}
		add(m, "estimate", group("probability", "estimate.probability", "range", "estimate.range", "term", "estimate.term", "scale", "estimate.scale", "probabilities", "estimate.probabilities"))
	}
	for _, f := range []string{"coder_note", "outcome", "outcome_note"} {
		add(m, f, by[f])
	}
	if v := by["sources"]; v != nil {
		add(m, "sources", v)
	} else if s := group("title", "sources.title", "author", "sources.author", "publisher", "sources.publisher", "date", "sources.date",
		"page", "sources.page", "url", "sources.url", "quote", "sources.quote"); s != nil {
		add(m, "sources", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: s.Line, Column: s.Column, Content: []*yaml.Node{s}})
	}
	if v := by["note"]; v != nil {
		add(m, "notes", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line, Column: v.Column, Content: []*yaml.Node{v}})
	} else {
		add(m, "notes", by["notes"])
	}
	add(m, "conflicts", by["conflicts"])
	if v := by["tags"]; v != nil {
		add(m, "tags", v)
	} else if len(tags) > 0 {
		tm := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: tags[0].value.Line, Column: tags[0].value.Column}
		for _, c := range tags {
			add(tm, strings.TrimPrefix(c.col.field, "tags."), c.value)
		}
		add(m, "tags", tm)
	}

	event := map[string]*yaml.Node{}
	if v := by["p_event"]; v != nil {
		if v.Kind != yaml.MappingNode {
			im.d.errorf(v, "p_event", "expected an object {\"low\": ..., \"point\": ..., \"high\": ...}, found %s", kindName(v))
		} else {
			for i := 0; i+1 < len(v.Content); i += 2 {
				k := v.Content[i].Value
				if k != "low" && k != "point" && k != "high" {
					im.d.errorf(v.Content[i], "p_event."+k, "unknown field %q; the fields are low, point, high", k)
					continue
				}
				event[k] = v.Content[i+1]
			}
		}
	}
	for _, f := range []string{"low", "point", "high"} {
		if v := by["p_event."+f]; v != nil {
			event[f] = v
		}
	}
	return m, event
}

// importJSONHint says what a JSON cell holds, and what to map a column of
// plain text to instead.
var importJSONHint = map[string]string{
	"sources":                jsonCellHint["sources"] + "; a column of plain-text titles maps to sources.title",
	"notes":                  jsonCellHint["notes"] + "; a column of plain-text notes maps to note",
	"conflicts":              jsonCellHint["conflicts"],
	"tags":                   jsonCellHint["tags"] + "; a column of one tag's values maps to tags.KEY",
	"estimate.range":         "[0.2, 0.45]; or give the ends in columns estimate.range.low and estimate.range.high",
	"options":                jsonCellHint["options"],
	"estimate.probabilities": jsonCellHint["estimate.probabilities"],
}

// normalise rewrites the values of a record mapping that spreadsheets
// write in their own ways (dates, outcomes, negated, percentages) as the
// format writes them, reporting those it cannot read.
func (im *importer) normalise(m *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		switch k {
		case "id":
			if text(v) && v.Value != "" && !idPattern.MatchString(v.Value) && im.idColumn != "" {
				im.fail(v, k, fmt.Errorf("%q: an id uses letters, digits and . _ : - and starts with a letter or digit; to make ids from column %s, import with --id-template, such as --id-template 'x{%s}' (or '{row}' to number the rows)", v.Value, im.idColumn, im.idColumn))
			}
		case "issued", "resolves_by", "resolved":
			im.date(v, k)
		case "outcome":
			if text(v) && !hasKey(m, "options") {
				o, err := ParseOutcome(v.Value, im.opt.Outcomes)
				if err != nil {
					im.fail(v, k, err)
				} else {
					v.Value, v.Tag = string(o), "!!str"
				}
			}
		case "negated", "ordered":
			if text(v) && !missing(v) {
				if b, ok := parseFlag(v.Value); ok {
					v.Value, v.Tag = fmt.Sprint(b), "!!bool"
				} else {
					im.fail(v, k, fmt.Errorf("expected true or false (yes/no, y/n and 1/0 are read too), found %q", v.Value))
				}
			}
		case "estimate":
			for j := 0; v.Kind == yaml.MappingNode && j+1 < len(v.Content); j += 2 {
				ek, ev := v.Content[j].Value, v.Content[j+1]
				switch {
				case ek == "probability":
					im.probability(ev, "estimate.probability")
				case ek == "range" && ev.Kind == yaml.SequenceNode:
					for _, x := range ev.Content {
						im.probability(x, "estimate.range")
					}
				case ek == "probabilities" && ev.Kind == yaml.MappingNode:
					for x := 1; x < len(ev.Content); x += 2 {
						im.probability(ev.Content[x], "estimate.probabilities."+ev.Content[x-1].Value)
					}
				}
			}
		case "sources":
			for j := 0; v.Kind == yaml.SequenceNode && j < len(v.Content); j++ {
				s := v.Content[j]
				for k := 0; s.Kind == yaml.MappingNode && k+1 < len(s.Content); k += 2 {
					if s.Content[k].Value == "date" {
						im.date(s.Content[k+1], "sources.date")
					}
				}
			}
		}
	}
}

// text reports whether v is a scalar with a value.
func text(v *yaml.Node) bool { return v.Kind == yaml.ScalarNode && v.Tag != "!!null" }

// missing turns NA into null, and reports whether v is then missing.
func missing(v *yaml.Node) bool {
	if text(v) && isNA(v.Value) {
		v.Tag, v.Value = "!!null", "null"
	}
	return !text(v)
}

func (im *importer) date(v *yaml.Node, field string) {
	if missing(v) {
		return
	}
	d, err := ParseCommonDate(v.Value, im.opt.DateOrder)
	if err != nil {
		im.fail(v, field, err)
		return
	}
	v.Value, v.Tag = d.String(), "!!str"
}

func (im *importer) probability(v *yaml.Node, field string) {
	if missing(v) {
		return
	}
	if im.opt.Percent {
		p, signed, above1, err := parsePercent(v.Value)
		// A 0 reads the same as a fraction and as a percentage: it says
		// nothing of how the column is written. A value beyond 100 or with
		// a sign does, even when it is wrong.
		if p != "0" {
			im.percentSeen(v, field, signed, above1, err == nil)
		}
		if err != nil {
			im.fail(v, field, err)
			return
		}
		v.Value, v.Tag = p, "!!float"
		return
	}
	if err := checkUnitProbability(v.Value); err != nil {
		im.fail(v, field, err)
	}
}

// percentSeen notes a probability v of field read as a percentage: with
// a % sign or not, above 1 or not, and good (a percentage) or not.
func (im *importer) percentSeen(v *yaml.Node, field string, signed, above1, good bool) {
	if im.pct == nil {
		im.pct = map[string]*importPercent{}
	}
	c := im.pct[field]
	if c == nil {
		c = &importPercent{}
		im.pct[field] = c
	}
	c.above1 = c.above1 || above1
	switch {
	case signed:
		c.signed++
		if c.signed == 1 {
			c.firstSigned = v.Line
		}
	case good:
		c.plain = append(c.plain, importValue{row: im.rowLine, line: v.Line, col: v.Column, text: v.Value, above1: above1})
	}
}

// checkPercent checks, with Percent and every row read, how each
// probability field's values are written. When some have a % sign and
// others not, the column mixes percentages and plain numbers; when none
// has the sign and none is above 1, the column looks like fractions
// read as percentages (0.7 as 0.7%). Either way each value without a
// sign is an error, and its row is rejected: nothing is divided by 100
// that was not meant to be. An error replaces the row's own at the same
// value (a p_event that does not match the estimate, for one): the way
// the column is written is the cause.
func (im *importer) checkPercent() {
	bad := map[int]ErrorList{} // by the line of the row
	for _, field := range slices.Sorted(maps.Keys(im.pct)) {
		c := im.pct[field]
		if c.signed == 0 && c.above1 {
			continue
		}
		for _, v := range c.plain {
			msg := percentFractionMessage(v.text)
			if c.signed > 0 {
				msg = percentMixMessage(v.text, c.firstSigned, !v.above1)
			}
			bad[v.row] = append(bad[v.row], &Error{File: im.file, Line: v.line, Col: v.col, Field: field, Msg: msg})
		}
	}
	if len(bad) == 0 {
		return
	}
	res := im.res
	for i := range res.Rejected {
		rr := &res.Rejected[i]
		for _, e := range bad[rr.Line] {
			if j := slices.IndexFunc(rr.Errors, func(o *Error) bool {
				return o.Line == e.Line && o.Col == e.Col && o.Field == e.Field
			}); j >= 0 {
				rr.Errors[j] = e
			} else {
				rr.Errors = append(rr.Errors, e)
			}
		}
		if _, ok := bad[rr.Line]; ok {
			rr.Errors.Sort()
			delete(bad, rr.Line)
		}
	}
	kept := res.Dataset.Records[:0]
	for _, r := range res.Dataset.Records {
		errs, ok := bad[r.Pos.Line]
		if !ok {
			kept = append(kept, r)
			continue
		}
		errs.Sort()
		res.Rejected = append(res.Rejected, RejectedRow{Line: r.Pos.Line, Errors: errs})
	}
	clear(res.Dataset.Records[len(kept):])
	res.Dataset.Records = kept
	slices.SortStableFunc(res.Rejected, func(a, b RejectedRow) int { return a.Line - b.Line })
}
