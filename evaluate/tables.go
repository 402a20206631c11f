package evaluate

import (
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// fractionalTableWorkers is the number of workers that read a table of
// weights or counts, whatever the number of cores, so that its figures are
// the same on every machine.
const fractionalTableWorkers = 4

// tableRead is what reading flat tables saw besides the rows.
type tableRead struct {
	skipped    int64    // rows with no probability
	fractional []string // tables read with Percent whose probabilities look like fractions
	inputs     []provenance.Input
}

// readTables is the one loop over flat tables: for each it works out the
// format, opens it (standard input for "-"), shows progress, and calls
// read with the reader, the options and the progress counter; it collects
// every table's problems before it returns them.
func (in *Input) readTables(names []string, opt forecasts.TableOptions,
	read func(name string, r io.Reader, opt forecasts.TableOptions, rows *atomic.Int64) (forecasts.TableStats, error)) (tableRead, error) {
	var tr tableRead
	var errs forecasts.ErrorList
	for _, name := range names {
		format, err := in.tableFormat(name)
		if err != nil {
			return tr, err
		}
		o := opt
		o.Format = format
		stats, input, err := in.readTable(name, o, read)
		tr.inputs = append(tr.inputs, input)
		if ok, err := tableProblems(&errs, name, format, stats, err); err != nil {
			return tr, err
		} else if !ok {
			continue
		}
		tr.skipped += stats.Skipped
		if stats.LooksFractional() {
			tr.fractional = append(tr.fractional, name)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return tr, errs
	}
	return tr, nil
}

// readTable opens one flat table and reads it with progress, hashing it
// in the same pass for the provenance.
func (in *Input) readTable(name string, opt forecasts.TableOptions,
	read func(name string, r io.Reader, opt forecasts.TableOptions, rows *atomic.Int64) (forecasts.TableStats, error)) (forecasts.TableStats, provenance.Input, error) {
	r := in.Stdin
	var size int64 = -1
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return forecasts.TableStats{}, provenance.Input{}, forecasts.ErrorList{{File: name, Msg: pathError(err).Error()}}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = info.Size()
		}
		r = f
	} else if r == nil {
		r = strings.NewReader("")
	}
	var rows atomic.Int64
	if in.Progress != nil {
		update, done := in.Progress(name, size, &rows)
		opt.Progress = update
		defer done()
	}
	hr := provenance.NewReader(name, r)
	stats, err := read(name, hr, opt, &rows)
	return stats, hr.Input(), err
}

func (in *Input) tableFormat(name string) (forecasts.TableFormat, error) {
	if in.TableFormat != "" {
		f, err := forecasts.ParseTableFormat(in.TableFormat)
		if err != nil {
			return 0, usagef("--table-format: %v", err)
		}
		return f, nil
	}
	f, err := forecasts.TableFormatOf(name)
	if err != nil {
		return 0, usagef("%v (--table-format)", err)
	}
	return f, nil
}

// tableOptions are the reader's options for the input's columns.
func (in *Input) tableOptions() forecasts.TableOptions {
	prob, outcome := in.ProbCol, in.OutcomeCol
	if prob == "" {
		prob = "probability"
	}
	if outcome == "" {
		outcome = "outcome"
	}
	return forecasts.TableOptions{Probability: prob, Outcome: outcome, Weight: in.WeightCol, Percent: in.Percent}
}

// tableProblems adds to errs what went wrong reading the flat table name
// (its stats and err, from the reader): every problem listed, a count of
// those that were not, or that it has no rows. ok is whether the table
// read well; fatal is an error that is not about the data, such as a
// read failure.
func tableProblems(errs *forecasts.ErrorList, name string, format forecasts.TableFormat, stats forecasts.TableStats, err error) (ok bool, fatal error) {
	if err == nil && stats.Rows == 0 {
		err = forecasts.ErrorList{noRows(name, format)}
	}
	if err == nil {
		return true, nil
	}
	list, isList := err.(forecasts.ErrorList)
	if !isList {
		return false, err
	}
	*errs = append(*errs, list...)
	if stats.Errors > int64(len(list)) {
		errs.Add(name, 0, 0, "", "%d more errors not listed", stats.Errors-int64(len(list)))
	}
	return false, nil
}

// noRows reports a table with a header (or blank lines) and no rows: an
// export that went wrong, most likely, and nothing to score.
func noRows(name string, format forecasts.TableFormat) *forecasts.Error {
	msg := "the table has a header row and no rows: nothing to score"
	if format == forecasts.TableJSONL {
		msg = "the table has no rows, only blank lines: nothing to score"
	}
	return &forecasts.Error{File: name, Line: 1, Col: 1, Msg: msg}
}

// tallySink tallies one reading worker's rows by group.
type tallySink struct {
	keys    [][]string
	tallies []*analysis.Tally
	rows    int64
	shared  *atomic.Int64 // rows seen by every worker, for progress
}

func (t *tallySink) Group(key []string) int {
	t.keys = append(t.keys, key)
	t.tallies = append(t.tallies, new(analysis.Tally))
	return len(t.keys) - 1
}

func (t *tallySink) Add(g int, p, n, yes float64) {
	tl := t.tallies[g]
	switch {
	case n == 1 && yes == 1:
		tl.Add(p, true)
	case n == 1 && yes == 0:
		tl.Add(p, false)
	default:
		tl.AddWeighted(p, true, yes)
		tl.AddWeighted(p, false, n-yes)
	}
	if t.rows++; t.rows&0xffff == 0 {
		t.shared.Add(0x10000)
	}
}

// loadTables reads flat tables: tallied in parallel blocks when every row
// counts as it is, row by row when repeated forecasts are weighted or
// forecasts after the outcome are left out.
func loadTables(in *Input) (*Forecasts, error) {
	_, names := in.Split()
	if in.IsCategoricalTable() {
		return loadCategoricalTables(in, names)
	}
	if in.weighted() || in.ResolvedCol != "" {
		return loadTableUpdates(in, names)
	}
	cluster := in.clusterCols(false)
	f := &Forecasts{By: in.By, Cluster: cluster, Overall: &Group{}, input: *in}
	groups := groupSet{}
	opt := in.tableOptions()
	// Clustered, the rows are tallied by group and cluster, and the
	// tallies split afterwards.
	cols, at := withExtra(in.By, cluster)
	opt.Groups, opt.Counts = cols, in.Counts
	if in.WeightCol != "" || in.Counts {
		// Sums of fractional weights (or counts) depend, in their last
		// bits, on how the rows are shared among the reading workers:
		// as many workers as cores would make the figures differ from
		// one machine to another. Whole counts are exact either way.
		opt.Workers = fractionalTableWorkers
	}
	tr, err := in.readTables(names, opt, func(name string, r io.Reader, opt forecasts.TableOptions, rows *atomic.Int64) (forecasts.TableStats, error) {
		stats, sinks, err := forecasts.ReadTable(name, r, opt, func() forecasts.TableSink { return &tallySink{shared: rows} })
		if err != nil || stats.Rows == 0 {
			return stats, err
		}
		for _, sk := range sinks {
			ts := sk.(*tallySink)
			for i, key := range ts.keys {
				tl := ts.tallies[i]
				f.Overall.Tally.Merge(tl)
				var g *Group
				if len(in.By) > 0 {
					g = groups.get(slices.Clone(key[:len(in.By)]))
					g.Tally.Merge(tl)
				}
				if len(cluster) > 0 {
					ckey := pick(key, at)
					f.Overall.cluster(ckey).Merge(tl)
					if g != nil {
						g.cluster(ckey).Merge(tl)
					}
				}
			}
		}
		return stats, nil
	})
	if err != nil {
		return nil, err
	}
	if err := in.checkTotals(f, names); err != nil {
		return nil, err
	}
	f.Groups, f.Inputs = groups.sorted(), tr.inputs
	f.finishClusters()
	if tr.skipped > 0 {
		f.Overall.exclude(ExcludedNoProb, int(tr.skipped))
	}
	f.Overall.Warnings = append(f.Overall.Warnings, skippedRows(tr.skipped)...)
	f.Overall.Warnings = append(f.Overall.Warnings, percentFractions(tr.fractional)...)
	return f, nil
}

// checkTotals reports weights or counts whose sum overflows: each is
// finite, but every figure would then be NaN or, worse, 0 (a base rate of
// 1e308/Inf). A group's sums are at most the overall ones.
func (in *Input) checkTotals(f *Forecasts, names []string) error {
	var n float64
	for _, c := range f.Overall.Tally.Table().Cells {
		n += c.N // Yes <= N
	}
	if !math.IsInf(n, 0) {
		return nil
	}
	what := "weights"
	if in.Counts {
		what = "counts"
	}
	var errs forecasts.ErrorList
	for _, name := range names {
		errs.Add(name, 0, 0, "", "the %s add up to more than the largest number there is (%.3g): divide them all by one constant (the scores stay the same)", what, math.MaxFloat64)
	}
	return errs
}

// tableRow is one row of a flat table read row by row, for weighting
// repeated forecasts or comparing competitors.
type tableRow struct {
	p      float64
	yes    bool
	weight float64  // the row's own weight (--weight-col), 1 without
	line   int      // where it starts
	cols   []string // the values of the columns asked for, in order
	update analysis.Update
	late   bool // made after its question was resolved
}

// readRows reads flat tables row by row, keeping of each row the values
// of cols, and placing it in its run of updates: the forecaster columns
// and the question columns name the run, the time and resolved columns
// (when the input names them) when it was made and when its question
// closed. Forecasts made after their question was resolved are marked
// late.
func (in *Input) readRows(names []string, opt forecasts.TableOptions, cols, forecaster, question []string) ([]tableRow, tableRead, error) {
	var out []tableRow
	var errs forecasts.ErrorList
	tr, err := in.readTables(names, opt, func(name string, r io.Reader, opt forecasts.TableOptions, rows *atomic.Int64) (forecasts.TableStats, error) {
		return forecasts.ReadTableRows(name, r, opt, func(row forecasts.TableRow) error {
			rows.Add(1)
			bad := false
			get := func(col string) string {
				v, ok := row.Value(col)
				switch {
				case !ok:
					errs.Add(name, row.Line, 0, col, "no such column in this row")
					bad = true
				case !utf8.ValidString(v) && !bad:
					// As the table reader does for group columns: a name
					// that is not UTF-8 prints as U+FFFD.
					errs.Add(name, row.Line, 0, col, "%q is not UTF-8 text; save the file as UTF-8", v)
					bad = true
				}
				return v
			}
			getAll := func(cs []string) []string {
				vs := make([]string, len(cs))
				for i, c := range cs {
					vs[i] = get(c)
				}
				return vs
			}
			u := tableRow{p: row.P, yes: row.Outcome, weight: row.Weight, line: row.Line, cols: getAll(cols)}
			if in.weighted() || in.ResolvedCol != "" {
				u.update.Run = strings.Join(getAll(forecaster), "\x00") + "\x01" + strings.Join(getAll(question), "\x00")
			}
			if in.TimeCol != "" {
				v := get(in.TimeCol)
				t, ok := forecasts.ParseTime(v)
				if !ok && !bad {
					errs.Add(name, row.Line, 0, in.TimeCol, "%q is not a time: write 2006-01-02, 2006-01-02T15:04:05Z or a number", v)
					bad = true
				}
				u.update.Time = t
			}
			if in.ResolvedCol != "" {
				v := get(in.ResolvedCol)
				switch t, ok := forecasts.ParseTime(v); {
				case v == "" && in.weighting() == analysis.WeightTime && !bad:
					errs.Add(name, row.Line, 0, in.ResolvedCol, "empty: --weight time needs when the question closed, to know how long the last forecast stood")
					bad = true
				case v == "":
				case !ok && !bad:
					errs.Add(name, row.Line, 0, in.ResolvedCol, "%q is not a time: write 2006-01-02, 2006-01-02T15:04:05Z or a number", v)
					bad = true
				default:
					u.update.End, u.update.HasEnd = t, true
					u.late = u.update.Time > t
				}
			}
			if !bad {
				out = append(out, u)
			}
			return nil
		})
	})
	if err == nil && len(errs) > 0 {
		errs.Sort()
		err = errs
	} else if list, ok := err.(forecasts.ErrorList); ok && len(errs) > 0 {
		list = append(list, errs...)
		list.Sort()
		err = list
	}
	return out, tr, err
}

// weighRows leaves out the rows made after their question was resolved
// (their lines are returned) and weighs the others' repeated forecasts as
// the input asks: the weights, one per row kept, multiply the rows' own.
func (in *Input) weighRows(rows []tableRow) (kept []tableRow, weights []float64, late []string) {
	kept = rows[:0]
	for _, u := range rows {
		if u.late {
			late = append(late, strconv.Itoa(u.line))
			continue
		}
		kept = append(kept, u)
	}
	us := make([]analysis.Update, len(kept))
	for i, u := range kept {
		us[i] = u.update
	}
	return kept, analysis.UpdateWeights(us, in.weighting(), in.Latest), late
}

// loadTableUpdates reads flat tables row by row, leaves out forecasts made
// after their question was resolved (and says so), weights each
// forecaster's repeated forecasts on a question as the input asks, and
// tallies the rows by group. It holds one small entry per row in memory.
func loadTableUpdates(in *Input, names []string) (*Forecasts, error) {
	forecaster := in.ForecasterCols
	if in.weighted() || in.ResolvedCol != "" {
		if err := in.checkTableUpdates(forecaster, in.QuestionCols); err != nil {
			return nil, err
		}
	}
	cluster := in.clusterCols(false)
	cols, at := withExtra(in.By, cluster)
	rows, tr, err := in.readRows(names, in.tableOptions(), cols, forecaster, in.QuestionCols)
	if err != nil {
		return nil, err
	}
	rows, weights, late := in.weighRows(rows)
	zero := ExcludedNoTime
	if in.Latest {
		zero = ExcludedSuperseded
	}
	f := &Forecasts{By: in.By, Cluster: cluster, Overall: &Group{}, Inputs: tr.inputs, input: *in}
	groups := groupSet{}
	for i, u := range rows {
		targets := []*Group{f.Overall}
		if len(in.By) > 0 {
			targets = append(targets, groups.get(u.cols[:len(in.By)]))
		}
		for _, t := range targets {
			if weights[i] == 0 {
				t.exclude(zero, 1)
				continue
			}
			t.Tally.AddWeighted(u.p, u.yes, weights[i]*u.weight)
			if len(cluster) > 0 {
				t.cluster(pick(u.cols, at)).AddWeighted(u.p, u.yes, weights[i]*u.weight)
			}
		}
	}
	if err := in.checkTotals(f, names); err != nil {
		return nil, err
	}
	f.Groups = groups.sorted()
	f.finishClusters()
	if len(late) > 0 {
		f.Overall.exclude(ExcludedAfterOutcome, len(late))
		f.Overall.Warnings = append(f.Overall.Warnings, afterOutcome(late, in.TimeCol, in.ResolvedCol)...)
	}
	if tr.skipped > 0 {
		f.Overall.exclude(ExcludedNoProb, int(tr.skipped))
	}
	f.Overall.Warnings = append(f.Overall.Warnings, percentFractions(tr.fractional)...)
	for _, g := range f.All() {
		g.Warnings = append(g.Warnings, excludedWarning(g.Excluded)...)
	}
	return f, nil
}
