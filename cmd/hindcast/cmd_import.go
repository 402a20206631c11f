package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/spf13/cobra"
)

type importOptions struct {
	file          string
	to            string
	format        string
	comma         string
	maps          []string // --map COLUMN=FIELD
	idTemplate    string
	ignoreUnknown bool
	percent       bool
	outcomeMaps   []string // --outcome-map LABEL=OUTCOME
	dateOrder     string
	manifest      forecasts.Manifest // --name, --title, ...
	selection     string
	recordsFile   string
	skipInvalid   bool
	// manifestFlags names the manifest flags given.
	manifestFlags []string
}

const importLong = `Read a table of forecast records — a CSV file or JSON Lines (- for standard
input, with --format), one record per row, with your own column names — and
write it as a dataset folder, as 'hindcast forecasts init' lays one out:
DIR/manifest.yaml and DIR/records.yaml. When DIR is already a dataset folder
(it has a manifest.yaml), the records are added to it as a new record file,
DIR/FILE.yaml after the input's name (lower case; --records-file to choose
another), and their ids must differ from those of the records already
there; the folder's manifest is kept and the files in it are not touched.

Columns. A column named after a field holds it (in any case; dots or
underscores: statement.text, statement_text). --map COLUMN=FIELD says
which field another column holds; --map COLUMN= skips it. A column that
holds no field is an error unless --ignore-unknown. A column named
probability, p, prob or forecast holds estimate.probability when no other
column does. The fields:

  id question forecaster audience issued issued_note resolves_by resolved
  statement.text statement.wording negated
  estimate.probability estimate.range.low estimate.range.high
  estimate.term estimate.scale  coder_note outcome outcome_note
  sources.title sources.author sources.publisher sources.date
  sources.page sources.url sources.quote   (one source per row)
  tags.KEY (a tag; any key)   note (one plain-text note)
  sources notes tags estimate.range   (JSON, as the CSV export writes them)
  p_event.low p_event.point p_event.high   (checked against the estimate)
  options estimate.probabilities   (a question with options, JSON:
    ["A", "B"] and {"A": 0.6, "B": 0.4}; outcome names an option)  ordered

Ids. --id-template makes the ids from each row, for a table with no id
column or with ids that are not ids here (-200978): {COLUMN} is the row's
value in that column, {row} the row's number (1 for the first row), as in
gjp-{forecast_id}, q{question_id}-u{user_id} or {row}. A made id that is not
an id, or that another row got, or an empty cell it needs, is an error at
the row; a column the template names that the file lacks is a usage error.

JSON Lines: each line is an object whose keys are the columns; statement,
estimate and p_event may also be objects, as the JSON Lines export writes
them.

Values:
  dates      1978-08-31, 1978-08, 1978; 1978-08-31T00:00:00 and
             1978-08-31 00:00:00 (the time is dropped); 31 Aug 1978,
             31 August 1978, August 31, 1978, Aug 1978, 08/1978. All-number
             dates (31/08/1978, 31.08.1978) need --date-order dmy or mdy:
             08/09/1978 is 8 September or 9 August, and the order is never
             guessed, not even from a day above 12. Two-digit years are
             refused. Every date is kept as exact as it was written.
  outcomes   yes/no, y/n, true/false, 1/0, unresolved, ambiguous, in any
             case; "resolved yes" and "resolved no" (also resolved-yes).
             "resolved" alone says a question was settled, not how: it is
             an error unless --outcome-map resolved=yes (or =no) says what
             it means. --outcome-map LABEL=OUTCOME gives any label an
             outcome (yes, no, unresolved or ambiguous), before the labels
             above.
  negated    true/false, yes/no, y/n, 1/0.
  estimates  probabilities from 0 to 1; with --percent from 0 to 100, with
             or without %, for the range and p_event columns too. With
             --percent, a column whose values have % and lack it is an
             error at each value without it, and so is a column whose
             values are all at most 1 with no % (fractions, it seems).
  NA         an empty cell in date and number columns.

The manifest. A file exported by 'hindcast forecasts export' carries its
manifest (the "# " lines of the CSV, the first line of JSON Lines), and
imports with no flags. Otherwise --selection is required: how the records
were chosen has no default, as it decides what the scores can mean. --name
defaults to the folder's name, --title to "Forecast records imported from
FILE". Manifest flags replace the file's fields. When adding to a folder,
the folder's manifest is kept and manifest flags are an error.

Problems. Every rejected row is reported as FILE:LINE:COL: FIELD: message,
the line and column in the file as given (a quoted cell may span lines),
and nothing is written unless every row passes. --skip-invalid writes the
rows that pass and lists those it skipped on standard error. Files are
written under temporary names and renamed into place: a failed import
leaves nothing behind. The dataset written passes 'hindcast forecasts
validate DIR', and exporting it gives back what was imported.

Exit codes: 0 written; 1 bad data (every problem printed, nothing written);
2 bad usage, including columns that do not fit the flags (a --map column
the file lacks, a column that holds no field, two columns for one field,
a required field that no column holds).`

func newForecastsImportCmd(s *streams) *cobra.Command {
	var opts importOptions
	cmd := &cobra.Command{
		Use:   "import FILE.csv|FILE.jsonl --to DIR [flags]",
		Short: "Turn a spreadsheet of forecasts (CSV or JSON Lines) into a dataset folder",
		Long:  importLong,
		Example: `  # an export reads back as it was
  hindcast forecasts export --dataset cpc --format csv -o cpc.csv
  hindcast forecasts import cpc.csv --to cpc-copy
  hindcast forecasts validate cpc-copy

  # a coding sheet with its own column names, percentages, dates as 15/03/1990
  printf 'Case,Question,Desk,Date,Chance,Happened,Region\nt-1990,Will the treaty be signed by 31 December 1990?,Desk A,15/03/1990,33,no,Europe\n' > sheet.csv
  hindcast forecasts import sheet.csv --to seminar --title "Seminar coding sheet" \
    --selection "random sample" --map Case=id --map Desk=forecaster --map Date=issued \
    --map Chance=estimate.probability --map Happened=outcome --map Region=tags.region \
    --percent --date-order dmy

  # a table with no id column: ids made from a column; p is the probability
  printf 'forecast_id,question,forecaster,issued,p,outcome\n-200978,Will the pact be renewed by 31 December 1992?,F17,2012-09-05,0.3,no\n' > gjp.csv
  hindcast forecasts import gjp.csv --to gjp --selection all --id-template "gjp-{forecast_id}"

  # more rows for the same dataset: a new record file, seminar/sheet-2.yaml
  printf 'Case,Question,Desk,Date,Chance,Happened\np-1992,Will the pact be renewed by 31 December 1992?,Desk A,03/1992,60,Y\n' > sheet-2.csv
  hindcast forecasts import sheet-2.csv --to seminar --map Case=id --map Desk=forecaster \
    --map Date=issued --map Chance=estimate.probability --map Happened=outcome --percent
  hindcast forecasts validate seminar`,
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			for _, f := range []string{"name", "title", "selection", "selection-note", "licence", "citation", "description"} {
				if cmd.Flags().Changed(f) {
					opts.manifestFlags = append(opts.manifestFlags, "--"+f)
				}
			}
			return forecastsImport(s, &opts)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.to, "to", "", "the dataset folder to write: a new folder, or a dataset folder to add the records to (required)")
	fl.StringArrayVar(&opts.maps, "map", nil, "COLUMN=FIELD: the column holds that field; COLUMN= skips it (repeatable)")
	fl.StringVar(&opts.idTemplate, "id-template", "", "make each id from its row: {COLUMN} a cell, {row} the row's number (gjp-{forecast_id})")
	fl.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "skip the columns that hold no field instead of failing")
	fl.BoolVar(&opts.percent, "percent", false, "probabilities are percentages, 0 to 100 (ranges and p_event too)")
	fl.StringArrayVar(&opts.outcomeMaps, "outcome-map", nil, "LABEL=OUTCOME: read LABEL as yes, no, unresolved or ambiguous (repeatable)")
	fl.StringVar(&opts.dateOrder, "date-order", "", "how to read all-number dates such as 08/09/1978: dmy or mdy")
	fl.StringVar(&opts.manifest.Name, "name", "", "the dataset's short name (default: the folder's name)")
	fl.StringVar(&opts.manifest.Title, "title", "", "what the records are, in one line")
	fl.StringVar(&opts.selection, "selection", "", "how the records were chosen: all, random sample, chosen for failure, notable or unknown")
	fl.StringVar(&opts.manifest.SelectionNote, "selection-note", "", "why and how these records were chosen")
	fl.StringVar(&opts.manifest.Licence, "licence", "", "the licence, such as CC-BY-4.0")
	fl.StringVar(&opts.manifest.Citation, "citation", "", "how to cite the dataset")
	fl.StringVar(&opts.manifest.Description, "description", "", "what the data is, in a paragraph")
	fl.BoolVar(&opts.skipInvalid, "skip-invalid", false, "write the rows that pass and list the rows skipped")
	fl.StringVar(&opts.format, "format", "", "csv or jsonl (default: from the extension of FILE)")
	fl.StringVar(&opts.comma, "comma", "", "the CSV field separator: one character, or tab (default ,)")
	fl.StringVar(&opts.recordsFile, "records-file", "", "the record file to write in DIR (default: records.yaml in a new folder, FILE.yaml when adding)")
	return cmd
}

// selectionWhy explains why --selection has no default.
const selectionWhy = `say how the records were chosen: all, random sample, chosen for failure,
notable or unknown. There is no default, because the answer decides what the
scores can mean: only all the judgments of a kind, or a random sample of them,
can measure a forecaster's calibration; a set chosen for failure, or for being
notable, describes those cases and nothing more. If nobody can tell, say unknown.`

func forecastsImport(s *streams, opts *importOptions) error {
	iopt, err := opts.importOptions()
	if err != nil {
		return err
	}
	target, err := importTarget(opts)
	if err != nil {
		return err
	}

	loader := &forecasts.Loader{Scales: forecasts.BuiltinScales()}
	var existing *forecasts.Dataset
	if target.appending {
		// Writers to the folder take turns (see add): the folder is read,
		// its ids checked and the new file made under its lock.
		lock, err := forecasts.LockFolder(target.dir, addLockWait)
		if err != nil {
			var le *forecasts.LockedError
			if errors.As(err, &le) {
				return fmt.Errorf("%s is locked by another hindcast (waited %s); try again; nothing written", target.dir, le.Waited)
			}
			return err
		}
		defer lock.Unlock()
		if _, err := os.Lstat(filepath.Join(target.dir, target.recordsFile)); err == nil {
			return usageErrorf("%s exists; records are added as a new file: name it with --records-file NAME.yaml", filepath.Join(target.dir, target.recordsFile))
		}
		ds, err := loader.Load(target.dir)
		if err != nil {
			return withNote(err, forecasts.Error{File: target.dir, Msg: "the dataset folder has problems of its own; fix them before adding records to it"})
		}
		existing = ds[0]
		iopt.Manifest = &existing.Manifest
	} else {
		abs, err := filepath.Abs(target.dir)
		if err != nil {
			return err
		}
		iopt.Defaults = forecasts.Manifest{
			Name:  forecasts.DatasetName(filepath.Base(abs)),
			Title: "Forecast records imported from " + sourceName(opts.file),
		}
	}

	r := s.in
	if opts.file != "-" {
		f, err := os.Open(opts.file)
		if err != nil {
			return fmt.Errorf("%s: %w", opts.file, cleanPathError(err))
		}
		defer f.Close()
		r = f
	}
	res, err := loader.Import(r, opts.file, iopt)
	var colErr *forecasts.ColumnsError
	var manErr *forecasts.ManifestMissingError
	var rowsErr *forecasts.RowsError
	switch {
	case errors.As(err, &colErr):
		return &runError{err: colErr.Errors, code: exitUsage}
	case errors.As(err, &manErr):
		if slices.Contains(manErr.Fields, "selection") {
			return usageErrorf("--selection is required: %s holds no manifest, so %s", opts.file, selectionWhy)
		}
		return usageErrorf("%v; give them with --%s", manErr, strings.Join(manErr.Fields, ", --"))
	case errors.As(err, &rowsErr):
		n := len(rowsErr.Rejected)
		msg := fmt.Sprintf("%d of %s %s problems; nothing written", n, count(rowsErr.Rows, "row"), plural(n, "has", "have"))
		if good := rowsErr.Rows - n; good > 0 {
			msg += fmt.Sprintf(" (--skip-invalid would import the other %s)", count(good, "row"))
		}
		return withNote(rowsErr.Errors, forecasts.Error{File: opts.file, Msg: msg})
	case err != nil:
		return err
	}

	ds := res.Dataset
	if c := res.ProbabilityColumn; c != "" {
		fmt.Fprintf(s.err, "%s: column %q read as estimate.probability (--map %s=FIELD says otherwise)\n", opts.file, c, c)
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(s.err, "%s: ignored %d %s that hold no field: %s\n", opts.file, len(res.Ignored), plural(len(res.Ignored), "column", "columns"), strings.Join(quoteAll(res.Ignored), ", "))
	}
	if len(res.Rejected) > 0 {
		var lines []string
		for _, rr := range res.Rejected {
			fmt.Fprint(s.err, rr.Errors.Format(0))
			lines = append(lines, fmt.Sprint(rr.Line))
		}
		fmt.Fprintf(s.err, "%s: skipped %d of %s (%s %s); imported %d\n", opts.file, len(res.Rejected), count(res.Rows, "row"),
			plural(len(lines), "line", "lines"), strings.Join(lines, ", "), len(ds.Records))
	}
	if res.Rows == 0 {
		return forecasts.ErrorList{{File: opts.file, Line: 1, Col: 1, Msg: "no rows to import: the file holds nothing after its header row (or manifest); nothing written"}}
	}
	if len(ds.Records) == 0 {
		return fmt.Errorf("%s: no records to import; nothing written", opts.file)
	}

	note := fmt.Sprintf("Records imported from %s by hindcast forecasts import.", sourceName(opts.file))
	records := forecasts.RecordsYAML(ds.Records, note)
	if len(records) > forecasts.MaxYAMLBytes {
		return fmt.Errorf("%s: the records take %d bytes of YAML, more than a dataset file may hold (%d); import the table in parts, each with its own --records-file", opts.file, len(records), forecasts.MaxYAMLBytes)
	}
	recordsPath := filepath.Join(target.dir, target.recordsFile)
	if target.appending {
		if err := fileout.WriteNewFile(recordsPath, records); err != nil {
			return err
		}
		total := len(existing.Records) + len(ds.Records)
		fmt.Fprintf(s.out, "created %s (%d %s from %s); %s now holds %s\n", recordsPath, len(ds.Records), plural(len(ds.Records), "record", "records"), opts.file, existing.Name, count(total, "record"))
		return nil
	}
	files := []fileout.Entry{
		{Name: forecasts.ManifestFile, Data: forecasts.ManifestYAML(&ds.Manifest, fmt.Sprintf("The manifest of the dataset %s, imported from %s by hindcast forecasts import.\nThe format, field by field, is docs/format.md in the hindcast repository.", ds.Name, sourceName(opts.file)))},
		{Name: target.recordsFile, Data: records},
	}
	if err := fileout.WriteNewFolder(target.dir, files); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "created %s\ncreated %s (%d %s from %s)\n", filepath.Join(target.dir, forecasts.ManifestFile), recordsPath, len(ds.Records), plural(len(ds.Records), "record", "records"), opts.file)
	return nil
}

// importOptions checks the flags and turns them into the importer's options.
func (opts *importOptions) importOptions() (forecasts.ImportOptions, error) {
	var o forecasts.ImportOptions
	if opts.to == "" {
		return o, usageErrorf("--to is required: the dataset folder to write (a new folder, or a dataset folder to add the records to)")
	}
	var err error
	if opts.format != "" {
		o.Format, err = forecasts.ParseTableFormat(opts.format)
	} else {
		o.Format, err = forecasts.TableFormatOf(opts.file)
	}
	if err != nil {
		return o, usageErrorf("%v (--format)", err)
	}
	switch c := opts.comma; {
	case c == "":
	case c == "tab" || c == `\t`:
		o.Comma = '\t'
	case utf8.RuneCountInString(c) == 1:
		o.Comma, _ = utf8.DecodeRuneInString(c)
	default:
		return o, usageErrorf("--comma %q: give one character, or tab", c)
	}
	if o.Comma != 0 && o.Format != forecasts.TableCSV {
		return o, usageErrorf("--comma is for CSV files")
	}
	o.Columns = map[string]string{}
	for _, m := range opts.maps {
		i := strings.LastIndex(m, "=")
		if i < 0 {
			return o, usageErrorf("--map %q: write COLUMN=FIELD, or COLUMN= to skip the column", m)
		}
		col, field := strings.TrimSpace(m[:i]), strings.TrimSpace(m[i+1:])
		if _, dup := o.Columns[col]; dup {
			return o, usageErrorf("--map: column %q is mapped twice", col)
		}
		if field != "" {
			if _, err := forecasts.ImportField(field); err != nil {
				return o, usageErrorf("--map %s: %v", m, err)
			}
		}
		o.Columns[col] = field
	}
	if opts.idTemplate != "" {
		if o.IDTemplate, err = forecasts.ParseIDTemplate(opts.idTemplate); err != nil {
			return o, usageErrorf("--id-template: %v", err)
		}
	}
	o.IgnoreUnknown = opts.ignoreUnknown
	o.Percent = opts.percent
	for _, m := range opts.outcomeMaps {
		i := strings.LastIndex(m, "=")
		if i < 0 {
			return o, usageErrorf("--outcome-map %q: write LABEL=OUTCOME, such as resolved=yes", m)
		}
		label, out := strings.ToLower(strings.TrimSpace(m[:i])), strings.ToLower(strings.TrimSpace(m[i+1:]))
		if !slices.Contains(forecasts.Outcomes, forecasts.Outcome(out)) {
			return o, usageErrorf("--outcome-map %s: %q is not an outcome; use yes, no, unresolved or ambiguous", m, out)
		}
		if o.Outcomes == nil {
			o.Outcomes = map[string]forecasts.Outcome{}
		}
		o.Outcomes[label] = forecasts.Outcome(out)
	}
	if opts.dateOrder != "" {
		if o.DateOrder, err = forecasts.ParseDateOrder(opts.dateOrder); err != nil {
			return o, usageErrorf("--date-order: %v", err)
		}
	}
	o.Override = opts.manifest
	if opts.selection != "" {
		sel := forecasts.Selection(strings.ToLower(strings.Join(strings.Fields(opts.selection), " ")))
		if !slices.Contains(forecasts.Selections, sel) {
			return o, usageErrorf("--selection %q: %s", opts.selection, selectionWhy)
		}
		o.Override.Selection = sel
	}
	o.SkipInvalid = opts.skipInvalid
	if err := o.Check(); err != nil {
		return o, usageErrorf("%v", err)
	}
	return o, nil
}

// importDest is where an import writes.
type importDest struct {
	dir         string
	appending   bool   // dir is a dataset folder the records are added to
	recordsFile string // the record file's name in dir
}

// importTarget checks --to and --records-file: a new folder, or a dataset
// folder to add a new record file to.
func importTarget(opts *importOptions) (importDest, error) {
	t := importDest{dir: filepath.Clean(opts.to)}
	info, err := os.Stat(t.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return t, fmt.Errorf("%s: %w", opts.to, cleanPathError(err))
	case !info.IsDir():
		return t, usageErrorf("--to %s is a file; import writes a dataset folder: give the name of a new folder, or of a dataset folder to add the records to", opts.to)
	default:
		if _, err := os.Stat(filepath.Join(t.dir, forecasts.ManifestFile)); err != nil {
			return t, usageErrorf("--to %s exists and is not a dataset folder (it has no %s): give the name of a new folder, or of a dataset folder to add the records to", opts.to, forecasts.ManifestFile)
		}
		t.appending = true
	}
	if t.appending && len(opts.manifestFlags) > 0 {
		return t, usageErrorf("%s: %s is a dataset folder, whose manifest the records join; edit %s instead", strings.Join(opts.manifestFlags, ", "), opts.to, filepath.Join(t.dir, forecasts.ManifestFile))
	}
	t.recordsFile = opts.recordsFile
	if t.recordsFile == "" {
		t.recordsFile = "records.yaml"
		if t.appending && opts.file == "-" {
			return t, usageErrorf("name the record file to add to %s with --records-file NAME.yaml (the records come from standard input, which has no name)", opts.to)
		}
		if t.appending {
			stem := strings.TrimSuffix(filepath.Base(opts.file), filepath.Ext(opts.file))
			t.recordsFile = forecasts.DatasetName(stem) + ".yaml"
		}
	}
	switch rf := t.recordsFile; {
	case rf != filepath.Base(rf) || rf == "." || rf == "..":
		return t, usageErrorf("--records-file %q: give a file name, without a folder", rf)
	case rf == forecasts.ManifestFile:
		return t, usageErrorf("--records-file %s: that is the manifest's name", rf)
	case !strings.HasSuffix(rf, ".yaml") && !strings.HasSuffix(rf, ".yml"):
		return t, usageErrorf("--records-file %q: a record file's name ends in .yaml", rf)
	case strings.HasPrefix(rf, "."):
		return t, usageErrorf("--records-file %q: a name starting with . would be hidden", rf)
	}
	if t.appending {
		if _, err := os.Lstat(filepath.Join(t.dir, t.recordsFile)); err == nil {
			return t, usageErrorf("%s exists; records are added as a new file: name it with --records-file NAME.yaml", filepath.Join(t.dir, t.recordsFile))
		}
	}
	return t, nil
}

// withNote returns err's ErrorList with note first, or err as it is.
func withNote(err error, note forecasts.Error) error {
	var list forecasts.ErrorList
	if !errors.As(err, &list) {
		return err
	}
	return append(forecasts.ErrorList{&note}, list...)
}

// sourceName names the input in the files written: its base name, or
// standard input.
func sourceName(file string) string {
	if file == "-" {
		return "standard input"
	}
	return filepath.Base(file)
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
