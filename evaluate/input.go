package evaluate

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// Input says which forecasts a command reads and how it selects, codes,
// groups and weights them. The zero value reads both built-in datasets,
// ungrouped, each forecast counted once.
type Input struct {
	// Data are dataset files or folders; those named .csv, .jsonl or
	// .ndjson are flat tables.
	Data []string
	// Builtins names built-in datasets; with no Data and no Tables every
	// built-in dataset is read.
	Builtins []string
	// Tables are flat tables whatever their names; "-" is Stdin.
	Tables []string
	Stdin  io.Reader

	// Flat tables: the format of a table whose name does not tell (csv or
	// jsonl), the columns, and how probabilities are written.
	TableFormat                    string
	ProbCol, OutcomeCol, WeightCol string // default probability, outcome, none
	Counts                         bool   // rows are pre-aggregated: probability, n, n_yes
	Percent                        bool   // probabilities are in percent

	// Records: read every term-coded record on Scale (through the
	// crosswalk), at Reading (point by default).
	Scale   string
	Reading forecasts.Reading

	// Select chooses records of the datasets (by id, or by the values of
	// fields and tags) before anything is grouped, weighted or scored;
	// flat tables have no ids, and are refused it.
	Select Selection

	// By names the group columns: record fields, tag keys or table columns.
	By []string

	// Repeated forecasts: how a forecaster's updates on one question are
	// weighted (WeightForecast by default), or only the last kept. A
	// forecaster is a record's forecaster field, or the ForecasterCols of
	// a flat table; a question is a record's question text, or the
	// QuestionCols of a table; TimeCol says when a table row's forecast
	// was made and ResolvedCol when its question was resolved.
	Weight         analysis.Weighting
	Latest         bool
	ForecasterCols []string
	QuestionCols   []string
	// Crowd asks score for the crowd-relative Brier score, which needs to
	// know who forecast and what question (ScoreResult.Crowd).
	Crowd       bool
	TimeCol     string
	ResolvedCol string

	// SumTolerance is how far from 1 the probabilities of a question with
	// options may add up to (records and flat tables); 0 means
	// forecasts.DefaultSumTolerance.
	SumTolerance float64

	// Questions with options in flat tables: OptionCol names the option
	// column of a long table (one row per forecast and option; ProbCol
	// the probability), OptionCols the probability columns of a wide one
	// (one row per forecast); OutcomeCol then names the option that
	// happened. Ordered says every question's options are ordered,
	// OrderedCol a column that says so for each forecast.
	OptionCol  string
	OptionCols []string
	Ordered    bool
	OrderedCol string

	// Args is the command line, recorded in the results' provenance.
	Args []string

	// Cluster names the columns (record fields or tags, or table
	// columns) whose values put forecasts in one cluster, for the
	// clustered bootstrap: forecasts on one question are not independent,
	// so the bootstrap resamples whole clusters. Empty: a record's
	// question text, or a table's QuestionCols (none when there are
	// none). [ClusterNone] alone turns clustering off. A record without
	// the field or tag is in the cluster "(none)"; an empty cell is a
	// value like any other.
	Cluster []string

	// Progress, when not nil, is called before each flat table is read
	// with its name, its size in bytes (-1 when unknown) and a counter of
	// the rows read so far; it returns the function the reader calls
	// with the bytes read, and one to call when the table is done.
	Progress func(name string, size int64, rows *atomic.Int64) (update func(read int64), done func())
}

// ClusterNone, as the only column of Input.Cluster, turns the clustered
// bootstrap off.
const ClusterNone = "none"

// clusterCols returns the columns (or record fields) that name a
// forecast's cluster, nil for none; records says whether the input is
// records rather than flat tables.
func (in *Input) clusterCols(records bool) []string {
	switch {
	case len(in.Cluster) == 1 && in.Cluster[0] == ClusterNone:
		return nil
	case len(in.Cluster) > 0:
		return in.Cluster
	case records:
		return []string{"question"}
	}
	return in.QuestionCols
}

// withExtra returns cols followed by those of extra that are not among
// them, and where each of extra is in the result.
func withExtra(cols, extra []string) (all []string, at []int) {
	all = slices.Clone(cols)
	for _, c := range extra {
		i := slices.Index(all, c)
		if i < 0 {
			i = len(all)
			all = append(all, c)
		}
		at = append(at, i)
	}
	return all, at
}

// pick returns the values of vs at the positions at.
func pick(vs []string, at []int) []string {
	out := make([]string, len(at))
	for k, i := range at {
		out[k] = vs[i]
	}
	return out
}

// tableExts are the extensions that make a Data path a flat table.
var tableExts = []string{".csv", ".jsonl", ".ndjson"}

// Split returns the dataset paths of Data, and the flat tables: those of
// Data, then Tables.
func (in *Input) Split() (datasets, tables []string) {
	for _, p := range in.Data {
		if slices.Contains(tableExts, strings.ToLower(filepath.Ext(p))) {
			tables = append(tables, p)
		} else {
			datasets = append(datasets, p)
		}
	}
	return datasets, append(tables, in.Tables...)
}

// HasTables reports whether the input names any flat table.
func (in *Input) HasTables() bool {
	_, tables := in.Split()
	return len(tables) > 0
}

func (in *Input) weighting() analysis.Weighting {
	if in.Weight == "" {
		return analysis.WeightForecast
	}
	return in.Weight
}

func (in *Input) reading() forecasts.Reading {
	if in.Reading == "" {
		return forecasts.ReadPoint
	}
	return in.Reading
}

// weighted reports whether repeated forecasts are weighted or thinned.
func (in *Input) weighted() bool {
	return in.weighting() != analysis.WeightForecast || in.Latest
}

// Check reports a bad option or combination of options as a *UsageError.
func (in *Input) Check() error {
	if !slices.Contains(analysis.Weightings, in.weighting()) {
		return usagef("--weight %q: use forecast, question or time", in.Weight)
	}
	if in.Latest && in.weighting() != analysis.WeightForecast {
		return usagef("--latest keeps one forecast per question: it cannot be combined with --weight %s", in.Weight)
	}
	if !slices.Contains(forecasts.Readings, in.reading()) {
		return usagef("--reading %q: use point, low or high", in.Reading)
	}
	if in.Scale != "" {
		if _, ok := forecasts.BuiltinScales().Get(in.Scale); !ok {
			return usagef("--scale %q: the scales are %s", in.Scale, strings.Join(forecasts.BuiltinScales().Names(), ", "))
		}
	}
	for _, b := range in.By {
		if strings.TrimSpace(b) == "" {
			return usagef("--by: empty column name")
		}
	}
	for _, c := range slices.Concat(in.ForecasterCols, in.QuestionCols) {
		if strings.TrimSpace(c) == "" {
			return usagef("--forecaster-col and --question-col: empty column name")
		}
	}
	for _, c := range in.Cluster {
		switch {
		case strings.TrimSpace(c) == "":
			return usagef("--cluster: empty column name")
		case c == ClusterNone && len(in.Cluster) > 1:
			return usagef("--cluster none turns clustering off: give it alone")
		}
	}
	dsPaths, tables := in.Split()
	if len(tables) > 0 && (len(dsPaths) > 0 || len(in.Builtins) > 0) {
		return usagef("flat tables (%s) and datasets cannot be read together; read them separately", tables[0])
	}
	for _, p := range in.Data {
		if p == "-" {
			return usagef("--data -: standard input is read with --input - (and --table-format csv or jsonl)")
		}
	}
	if len(tables) > 0 && !in.weighted() && in.ResolvedCol == "" && !in.Crowd && !in.IsCategoricalTable() {
		switch {
		case len(in.ForecasterCols) > 0:
			return usagef("--forecaster-col says whose forecasts update whose: it does nothing without --latest or --weight")
		case in.TimeCol != "":
			return usagef("--time-col says when each forecast was made: it does nothing without --latest, --weight or --resolved-col")
		}
	}
	if err := in.Select.check(); err != nil {
		return err
	}
	if err := in.checkCategorical(); err != nil {
		return err
	}
	if len(tables) > 0 && !in.Select.IsZero() {
		return usagef("--id, --exclude and --where choose records of datasets; a flat table (%s) has no ids: filter its rows before, or split the figures with --by", tables[0])
	}
	if len(tables) > 0 {
		if err := in.checkValueColumns(flagColumns{"--by", in.By}, flagColumns{"--forecaster-col", in.ForecasterCols},
			flagColumns{"--question-col", in.QuestionCols}, flagColumns{"--cluster", in.Cluster},
			flagColumns{"--time-col", []string{in.TimeCol}}, flagColumns{"--resolved-col", []string{in.ResolvedCol}}); err != nil {
			return err
		}
		// Flags of records that flat tables cannot honour.
		switch {
		case in.Scale != "":
			return usagef("--scale reads the terms of records; a flat table holds probabilities")
		case in.reading() != forecasts.ReadPoint:
			return usagef("--reading picks a point of a record's interval; a flat table holds probabilities")
		}
	}
	if len(tables) == 0 {
		// Flags of flat tables that records cannot honour.
		switch {
		case in.TableFormat != "" || in.Counts || in.Percent || in.WeightCol != "" ||
			in.ProbCol != "" && in.ProbCol != "probability" || in.OutcomeCol != "" && in.OutcomeCol != "outcome":
			return usagef("--table-format, --prob-col, --outcome-col, --weight-col, --counts and --percent are for flat tables; datasets of records have their own fields")
		case len(in.ForecasterCols) > 0:
			return usagef("--forecaster-col names a flat table's columns; a record's forecaster is its forecaster field")
		case len(in.QuestionCols) > 0:
			return usagef("--question-col names a flat table's columns; a record's question is its question text")
		case in.TimeCol != "" || in.ResolvedCol != "":
			return usagef("--time-col and --resolved-col name a flat table's columns; a record has its issued and resolved dates")
		}
	}
	return nil
}

// checkTableUpdates checks the options that weighting or thinning a flat
// table's repeated forecasts needs; forecaster and question are the
// columns that name who forecast and what.
func (in *Input) checkTableUpdates(forecaster, question []string) error {
	if in.Counts {
		return usagef("--weight, --latest and --resolved-col need one row per forecast, not --counts")
	}
	if in.weighted() && len(question) == 0 {
		what := "--latest needs"
		if !in.Latest {
			what = fmt.Sprintf("--weight %s needs", in.weighting())
		}
		return usagef("%s --question-col: the columns that say which question a row forecasts", what)
	}
	if in.weighted() && len(forecaster) == 0 {
		what := "--latest needs"
		if !in.Latest {
			what = fmt.Sprintf("--weight %s needs", in.weighting())
		}
		return usagef("%s --forecaster-col: the columns that say who made each forecast (--by only groups the figures)", what)
	}
	if (in.weighting() == analysis.WeightTime || in.Latest || in.ResolvedCol != "") && in.TimeCol == "" {
		return usagef("--weight time, --latest and --resolved-col need --time-col: the column that says when each forecast was made")
	}
	if in.weighting() == analysis.WeightTime && in.ResolvedCol == "" {
		return usagef("--weight time needs --resolved-col: when each question closed, for how long its last forecast stood")
	}
	return nil
}

// Datasets reads the datasets the input names: the Data paths and the
// Builtins, or every built-in dataset when neither is given, with only
// the records Select keeps (see SelectRecords). Every command that reads
// records reads them here. A flat table among them is a usage error
// naming what (a chart, say) needs records.
func (in *Input) Datasets(what string) ([]*forecasts.Dataset, error) {
	dsPaths, tables := in.Split()
	if len(tables) > 0 {
		if !in.Select.IsZero() {
			return nil, usagef("--id, --exclude and --where choose records of datasets; a flat table (%s) has no ids", tables[0])
		}
		return nil, usagef("%s: give datasets, not a flat table", what)
	}
	ds, err := LoadDatasetsTolerance(dsPaths, in.Builtins, in.SumTolerance)
	if err != nil {
		return nil, err
	}
	return SelectRecords(ds, in.Select)
}

// LoadDatasets reads dataset files and folders and built-in datasets by
// name; with neither, every built-in dataset.
func LoadDatasets(paths, builtins []string) ([]*forecasts.Dataset, error) {
	return LoadDatasetsTolerance(paths, builtins, 0)
}

// LoadDatasetsTolerance reads datasets as LoadDatasets does, accepting
// the probabilities of a question with options when they add up to 1
// within tol (0: forecasts.DefaultSumTolerance).
func LoadDatasetsTolerance(paths, builtins []string, tol float64) ([]*forecasts.Dataset, error) {
	if !(tol >= 0 && tol < 0.5) {
		return nil, usagef("--sum-tolerance %g: use a small positive number such as 1e-6", tol)
	}
	var out []*forecasts.Dataset
	l := &forecasts.Loader{Scales: forecasts.BuiltinScales(), SumTolerance: tol}
	if len(builtins) > 0 || len(paths) == 0 {
		for _, name := range builtins {
			if !slices.Contains(forecasts.BuiltinNames(), name) {
				return nil, usagef("--dataset %q: the built-in datasets are %s", name, strings.Join(forecasts.BuiltinNames(), ", "))
			}
		}
		ds, err := l.LoadBuiltin(builtins...)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	if len(paths) > 0 {
		ds, err := l.Load(paths...)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	return out, nil
}

// AllRecords lists the records of every dataset, in dataset then file order.
func AllRecords(ds []*forecasts.Dataset) []*forecasts.Record {
	var out []*forecasts.Record
	for _, d := range ds {
		out = append(out, d.Records...)
	}
	return out
}

// tagsNamed lists the tag keys the records have, for a message.
func tagsNamed(keys []string) string {
	if len(keys) == 0 {
		return "the records have no tags"
	}
	return "tags: " + strings.Join(keys, ", ")
}

// tagKeys lists the tag keys of the datasets' records, sorted.
func tagKeys(ds []*forecasts.Dataset) []string {
	var keys []string
	for _, d := range ds {
		for _, r := range d.Records {
			for _, t := range r.Tags {
				if !slices.Contains(keys, t.Key) {
					keys = append(keys, t.Key)
				}
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// checkValueColumns reports a table column named by one of the flags that
// also holds the probabilities, the outcomes or the weights.
func (in *Input) checkValueColumns(flags ...flagColumns) error {
	opt := in.tableOptions()
	values := []struct{ flag, col string }{{"--prob-col", opt.Probability}, {"--outcome-col", opt.Outcome}, {"--weight-col", in.WeightCol}}
	for _, f := range flags {
		for _, c := range f.cols {
			for _, v := range values {
				if c != "" && c == v.col {
					return usagef("%s %s: that column holds the table's %s (%s)", f.flag, c, strings.TrimSuffix(strings.TrimPrefix(v.flag, "--"), "-col"), v.flag)
				}
			}
		}
	}
	return nil
}
