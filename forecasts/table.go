package forecasts

// Flat forecast tables: one forecast per row, in CSV or JSON Lines,
// read in parallel blocks and handed to caller-supplied sinks. See
// ReadTable.

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
)

// TableFormat is the syntax of a flat forecast table.
type TableFormat int

const (
	// TableCSV is comma-separated values as in RFC 4180, with a header
	// row: quoted fields, "" inside quotes for a quote, newlines inside
	// quotes, LF or CRLF line ends and an optional UTF-8 byte order mark.
	TableCSV TableFormat = iota + 1
	// TableJSONL is JSON Lines: one JSON object per line, whose keys
	// name the columns. Blank lines are skipped.
	TableJSONL
)

// String returns the name ParseTableFormat accepts: "csv" or "jsonl".
func (f TableFormat) String() string {
	switch f {
	case TableCSV:
		return "csv"
	case TableJSONL:
		return "jsonl"
	}
	return fmt.Sprintf("TableFormat(%d)", int(f))
}

// ParseTableFormat returns the format named s: "csv", "jsonl" or
// "ndjson", in any case.
func ParseTableFormat(s string) (TableFormat, error) {
	switch strings.ToLower(s) {
	case "csv":
		return TableCSV, nil
	case "jsonl", "ndjson":
		return TableJSONL, nil
	}
	return 0, fmt.Errorf("unknown table format %q; want csv, jsonl or ndjson", s)
}

// TableFormatOf returns the format that the extension of the file name
// gives: .csv for TableCSV, .jsonl or .ndjson for TableJSONL (in any
// case). Standard input ("-" or "") has no extension: the caller must
// give the format.
func TableFormatOf(name string) (TableFormat, error) {
	ext := filepath.Ext(name)
	if f, err := ParseTableFormat(strings.TrimPrefix(ext, ".")); err == nil && ext != "" {
		return f, nil
	}
	if name == "" || name == "-" {
		return 0, errors.New("cannot tell the table format of standard input; give the format (csv or jsonl)")
	}
	return 0, fmt.Errorf("cannot tell the table format of %q from its extension; use .csv, .jsonl or .ndjson, or give the format", name)
}

// Defaults of TableOptions.
const (
	DefaultTableMaxLineBytes = 1 << 20 // longest row: 1 MiB
	DefaultTableBlockBytes   = 4 << 20 // block handed to a worker: 4 MiB
	DefaultTableMaxErrors    = 10000   // errors kept in the returned ErrorList
)

// TableOptions says how to read a table. The zero value, with Format
// set, reads the columns probability and outcome with no groups.
type TableOptions struct {
	Format TableFormat // TableCSV or TableJSONL; required

	Probability string   // probability column; default "probability"
	Outcome     string   // outcome column; default "outcome"; unused with Counts
	Weight      string   // optional weight column; when empty every row weighs 1
	Groups      []string // group columns, in the order of the key given to TableSink.Group

	// Counts reads pre-aggregated rows: a probability, the number of
	// forecasts n made with it and the number n_yes of them that came
	// true, with 0 <= n_yes <= n (not necessarily integers).
	Counts bool
	N      string // count column with Counts; default "n"
	NYes   string // count-of-yes column with Counts; default "n_yes"

	// Percent reads probabilities as percentages in [0, 100], with or
	// without a % sign after them ("70", "70%", "70 %"); a column that
	// has both is an error. Without Percent, a value with a % sign is
	// an error that suggests Percent.
	Percent bool

	// Comma is the CSV field separator; default ','. It must be an
	// ASCII character other than '"', '\r' and '\n'.
	Comma byte

	// MaxLineBytes is the longest row accepted, in bytes, not counting
	// its line end (a CSV row with quoted newlines counts all its
	// lines). A longer row is an error and is skipped. Default
	// DefaultTableMaxLineBytes.
	MaxLineBytes int
	// MaxErrors is how many errors the returned ErrorList keeps: the
	// first ones by position. TableStats.Errors counts them all.
	// Default DefaultTableMaxErrors; negative keeps every error (memory
	// then grows with the number of bad rows).
	MaxErrors int
	// BlockBytes is the size of the blocks read and parsed in parallel;
	// default DefaultTableBlockBytes, at least 4. Memory in use is about
	// (2*Workers+2)*BlockBytes.
	BlockBytes int
	// Workers is the number of blocks parsed at once, and of sinks;
	// default runtime.GOMAXPROCS(0). ReadTableRows always uses one.
	Workers int

	// Progress, when not nil, is called with the number of bytes read
	// so far, at most about every 100 ms and once at the end. It is
	// called from one goroutine at a time, not necessarily the caller's.
	Progress func(bytesRead int64)
}

// A TableSink receives the rows one worker parsed. Group is called once
// per distinct group key per worker and returns the sink's own index for
// it; Add is then called for each row. A sink is used by one goroutine
// at a time. The key slice and its strings belong to the sink.
type TableSink interface {
	Group(key []string) int
	Add(group int, p, n, yes float64) // n = weight (1 for a plain row), yes = weight with outcome yes (0 or n)
}

// TableStats counts what a read saw. Rows = used + Skipped + Bad.
type TableStats struct {
	Rows    int64 // data rows, not counting the header and blank lines
	Skipped int64 // rows with a missing probability (empty, NA or na; null in JSON)
	Bad     int64 // rows with at least one error; they reach no sink
	Errors  int64 // errors found, including those beyond MaxErrors
	Bytes   int64 // bytes read

	// With Percent, the probabilities from 0 to 100 (in good rows and
	// bad) written with a % sign and without one, and those above 1
	// (1%). A column with both kinds is an error; one whose values are
	// all at most 1, none with a sign, looks like fractions: see
	// LooksFractional.
	PercentSigned, PercentPlain, PercentAbove1 int64
}

// LooksFractional reports whether a table read with Percent looks like
// it holds fractions from 0 to 1, not percentages: it has probabilities,
// none with a % sign and none above 1.
func (s TableStats) LooksFractional() bool {
	return s.PercentPlain > 0 && s.PercentSigned == 0 && s.PercentAbove1 == 0
}

// A TableRow is one good row, as given to the callback of ReadTableRows.
type TableRow struct {
	Line    int     // physical line where the row starts (1-based)
	P       float64 // probability, in [0, 1]
	Outcome bool    // plain rows: the outcome; with Counts: false
	Weight  float64 // plain rows: the weight (1 without a weight column); with Counts: n
	Yes     float64 // Weight when the outcome is yes, else 0; with Counts: n_yes

	// Columns names the row's columns: the header for CSV (shared by
	// every row: do not modify it), the object's keys for JSON Lines.
	// Values holds the row's values as text, without the spaces and
	// tabs around them: CSV fields with their quotes removed; JSON
	// strings decoded, null as "", other JSON values as written.
	// Values is the row's own and may be kept.
	Columns []string
	Values  []string
}

// Value returns the value of the named column, and whether the row has it.
func (r *TableRow) Value(column string) (string, bool) {
	for i, c := range r.Columns {
		if c == column && i < len(r.Values) {
			return r.Values[i], true
		}
	}
	return "", false
}

// ReadTable reads a table of forecasts from r, whose name is used in
// errors, in blocks parsed by opt.Workers goroutines. It calls newSink
// (which must not return nil) once per worker before reading and
// returns the sinks in worker order, for the caller to merge.
//
// A table has a probability column, an outcome column, optional group
// columns and an optional weight column; or, with Counts, probability,
// n and n_yes columns. Other columns are ignored. Values are read as
// text without the spaces and tabs around them:
//   - probabilities are decimal numbers ("0.37", ".5", "1e-2") in
//     [0, 1]; an empty value, NA or na (JSON null) is missing and skips
//     the row; NaN, Inf, hexadecimal and the like are errors; errors
//     for values in (1, 100] suggest --percent when the column looks
//     like percentages (it has at least as many of them as values
//     strictly between 0 and 1), as do errors for values with a %
//     sign; with Percent they are percentages in [0, 100], with an
//     optional % sign after them, and a column in which some values
//     have the sign and others do not is an error, placed at the first
//     value without one (not at each: that would mean keeping them
//     all until a sign is seen);
//   - outcomes are 0/1, yes/no or true/false in any case (JSON true,
//     false, 0 and 1 too);
//   - weights, n and n_yes are numbers >= 0, with n_yes <= n;
//   - group values are any UTF-8 text (JSON numbers as written, null
//     as "").
//
// A CSV row ends at the first newline after an even number of quotes.
// For well-formed CSV this is RFC 4180; it is also what lets blocks be
// cut without parsing them. So a stray quote in an unquoted field is
// an error that takes the row on to the next quote (the message says
// to which line), and a row that grows past MaxLineBytes that way is
// reported and skipped.
//
// Every bad row is reported and reading goes on: the error is an
// ErrorList, sorted by position, when the header or any rows were bad
// (the good rows still reach the sinks); an error from r or about opt
// otherwise. A bad header stops the reading. Positions are physical
// lines and 1-based byte columns of the start of the field (its
// opening quote when quoted), not counting a byte order mark.
//
// Blocks go to workers in turn, so the sinks' content and the calls
// made to each depend only on the input, BlockBytes and Workers, never
// on scheduling; the errors do not depend on them at all. Integer
// tallies are the same for any BlockBytes and Workers; sums of
// fractions may differ in their last bits.
func ReadTable(name string, r io.Reader, opt TableOptions, newSink func() TableSink) (TableStats, []TableSink, error) {
	cfg, err := newTableConfig(opt)
	if err != nil {
		return TableStats{}, nil, err
	}
	sinks := make([]TableSink, cfg.workers)
	for i := range sinks {
		sinks[i] = newSink()
	}
	stats, err := readTable(name, r, cfg, sinks, nil)
	return stats, sinks, err
}

// ReadTableRows reads a table row by row, calling fn with every good
// row in file order; it is meant for small tables. Bad rows and rows
// with a missing probability do not reach fn. When fn returns an
// error, reading stops and ReadTableRows returns that error. Otherwise
// the error is as for ReadTable.
func ReadTableRows(name string, r io.Reader, opt TableOptions, fn func(TableRow) error) (TableStats, error) {
	cfg, err := newTableConfig(opt)
	if err != nil {
		return TableStats{}, err
	}
	cfg.workers = 1
	return readTable(name, r, cfg, nil, fn)
}

// tableConfig is TableOptions checked and with its defaults filled in.
type tableConfig struct {
	format   TableFormat
	names    []string // column names by role (tableRole...); "" when unused
	third    bool     // the weight (or n_yes) role is used
	counts   bool
	percent  bool
	comma    byte
	maxLine  int
	maxErr   int // 0: keep all
	block    int
	workers  int
	progress func(int64)
}

// Roles of the columns a table reader needs.
const (
	tableRoleP      = 0 // probability
	tableRoleSecond = 1 // outcome, or n with Counts
	tableRoleThird  = 2 // weight, or n_yes with Counts; may be unused
	tableRoleGroup  = 3 // first group column
)

func newTableConfig(opt TableOptions) (*tableConfig, error) {
	c := &tableConfig{
		format:   opt.Format,
		counts:   opt.Counts,
		percent:  opt.Percent,
		comma:    opt.Comma,
		maxLine:  opt.MaxLineBytes,
		maxErr:   opt.MaxErrors,
		block:    opt.BlockBytes,
		workers:  opt.Workers,
		progress: opt.Progress,
	}
	if c.format != TableCSV && c.format != TableJSONL {
		return nil, fmt.Errorf("table options: no table format given (%v)", c.format)
	}
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	roles := []string{"probability", "outcome", "weight"}
	c.names = []string{or(opt.Probability, "probability"), or(opt.Outcome, "outcome"), opt.Weight}
	if c.counts {
		if opt.Weight != "" {
			return nil, errors.New("table options: a weight column cannot be used with counts")
		}
		roles = []string{"probability", "n", "n_yes"}
		c.names = []string{or(opt.Probability, "probability"), or(opt.N, "n"), or(opt.NYes, "n_yes")}
	}
	for _, g := range opt.Groups {
		if g == "" {
			return nil, errors.New("table options: a group column has an empty name")
		}
		c.names = append(c.names, g)
		roles = append(roles, "group")
	}
	for i, a := range c.names {
		for j := range i {
			if a != "" && a == c.names[j] {
				return nil, fmt.Errorf("table options: column %q is given twice (as %s and as %s)", a, roles[j], roles[i])
			}
		}
	}
	c.third = c.names[tableRoleThird] != ""
	if c.comma == 0 {
		c.comma = ','
	}
	if c.comma == '"' || c.comma == '\r' || c.comma == '\n' || c.comma >= 0x80 {
		return nil, fmt.Errorf("table options: %q cannot separate fields", c.comma)
	}
	if c.maxLine <= 0 {
		c.maxLine = DefaultTableMaxLineBytes
	}
	switch {
	case c.maxErr == 0:
		c.maxErr = DefaultTableMaxErrors
	case c.maxErr < 0:
		c.maxErr = 0
	}
	if c.block <= 0 {
		c.block = DefaultTableBlockBytes
	}
	c.block = max(c.block, 4)
	if c.workers <= 0 {
		c.workers = runtime.GOMAXPROCS(0)
	}
	return c, nil
}
