package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/spf13/pflag"
)

// inputFlags are the flags that choose, code, group and weight the
// forecasts of a command; input turns them into an evaluate.Input.
type inputFlags struct {
	data dataOptions

	// Flat tables.
	tables    []string // --input ("-" is standard input)
	tableFmt  string
	probCol   string
	outcome   string
	weightCol string
	counts    bool
	percent   bool
	quiet     bool

	// Records.
	scale   string
	reading string

	by []string

	// Repeated forecasts.
	weight         string
	latest         bool
	forecasterCols []string
	questionCols   []string
	timeCol        string
	resolvedCol    string
	crowd          bool // score --crowd-relative
}

// addFlags adds every input flag: datasets and flat tables.
func (o *inputFlags) addFlags(fs *pflag.FlagSet) {
	o.addRecordFlags(fs, "group by these record fields, tag keys or table columns (comma-separated)")
	fs.StringArrayVar(&o.tables, "input", nil, "read a flat table (CSV or JSON Lines, one forecast per row; - for standard input); repeatable")
	fs.StringVar(&o.tableFmt, "table-format", "", "format of flat tables whose name does not tell: csv or jsonl")
	fs.StringVar(&o.probCol, "prob-col", "probability", "flat tables: the probability column")
	fs.StringVar(&o.outcome, "outcome-col", "outcome", "flat tables: the outcome column (0/1, yes/no, true/false)")
	fs.StringVar(&o.weightCol, "weight-col", "", "flat tables: a column of forecast weights")
	fs.BoolVar(&o.counts, "counts", false, "flat tables are pre-aggregated: columns probability, n, n_yes (and group columns)")
	fs.BoolVar(&o.percent, "percent", false, "flat tables give probabilities in percent (0-100, with or without %)")
	fs.BoolVar(&o.quiet, "quiet", false, "show no progress while reading a large table")
	fs.StringSliceVar(&o.forecasterCols, "forecaster-col", nil, "flat tables: the columns that name who made a row's forecast (for --weight and --latest)")
	fs.StringSliceVar(&o.questionCols, "question-col", nil, "flat tables: the columns that name a row's question (for --weight and --latest)")
	fs.StringVar(&o.timeCol, "time-col", "", "flat tables: the column of when each forecast was made")
	fs.StringVar(&o.resolvedCol, "resolved-col", "", "flat tables: the column of when the question was resolved; later forecasts are left out and flagged")
}

// addRecordFlags adds the flags that apply to datasets of records, for a
// command that reads no flat tables; by is the help of --by.
func (o *inputFlags) addRecordFlags(fs *pflag.FlagSet, by string) {
	o.data.addFlags(fs)
	o.data.addSelectFlags(fs)
	fs.StringVar(&o.scale, "scale", "", "read every term-coded record on this scale, through the crosswalk (hindcast scales list)")
	fs.StringVar(&o.reading, "reading", "point", "which value of a coded interval to score: point, low or high")
	fs.StringSliceVar(&o.by, "by", nil, by)
	fs.StringVar(&o.weight, "weight", string(analysis.WeightForecast), "repeated forecasts by one forecaster on one question: forecast (each counts once), question (each question once: 1/updates each) or time (by how long each stood)")
	fs.BoolVar(&o.latest, "latest", false, "score only each forecaster's last forecast on each question")
}

// input is the evaluate.Input the flags ask for; progress is drawn on
// standard error when it is a terminal.
func (o *inputFlags) input(s *streams) evaluate.Input {
	in := evaluate.Input{
		Data: o.data.paths, Builtins: o.data.builtins, Tables: o.tables, Stdin: s.in, Args: s.args,
		TableFormat: o.tableFmt, ProbCol: o.probCol, OutcomeCol: o.outcome, WeightCol: o.weightCol,
		Counts: o.counts, Percent: o.percent, Select: o.data.sel,
		Scale: o.scale, Reading: forecasts.Reading(o.reading), By: o.by,
		Weight: analysis.Weighting(o.weight), Latest: o.latest,
		ForecasterCols: o.forecasterCols, QuestionCols: o.questionCols, TimeCol: o.timeCol, ResolvedCol: o.resolvedCol, Crowd: o.crowd,
	}
	in.SumTolerance = o.data.sumTolerance
	if s.errTerminal && !o.quiet {
		in.Progress = func(name string, size int64, rows *atomic.Int64) (func(int64), func()) {
			p := newProgress(s.err, name, size, rows)
			return p.update, p.done
		}
	}
	return in
}

// addSumToleranceFlag adds --sum-tolerance, for a command that reads
// questions with options.
func (o *dataOptions) addSumToleranceFlag(fs *pflag.FlagSet) {
	fs.Float64Var(&o.sumTolerance, "sum-tolerance", forecasts.DefaultSumTolerance, "how far from 1 the probabilities of a question with options may add up to")
}

// categoricalFlags say how a flat table holds forecasts of questions with
// options.
type categoricalFlags struct {
	optionCol  string
	optionCols []string
	ordered    bool
	orderedCol string
}

// categoricalFlagNames are the flags categoricalFlags adds.
const categoricalFlagNames = "option-col option-cols ordered ordered-col sum-tolerance "

func (c *categoricalFlags) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&c.optionCol, "option-col", "", "flat tables of questions with options, long: the column naming the option of each row (one row per forecast and option; --prob-col its probability, --outcome-col the option that happened, --question-col which rows are one forecast)")
	fs.StringSliceVar(&c.optionCols, "option-cols", nil, "flat tables of questions with options, wide: the probability columns, one per option in order (p_NAME is option NAME; --outcome-col the option that happened)")
	fs.BoolVar(&c.ordered, "ordered", false, "with --option-col or --option-cols: every question's options are ordered (in the table's order), for the ranked probability score")
	fs.StringVar(&c.orderedCol, "ordered-col", "", "with --option-col or --option-cols: a column saying whether each forecast's options are ordered (true/false)")
}

func (c *categoricalFlags) apply(in *evaluate.Input) {
	in.OptionCol, in.OptionCols, in.Ordered, in.OrderedCol = c.optionCol, c.optionCols, c.ordered, c.orderedCol
}

// progress draws one status line on a terminal while a table is read.
type progress struct {
	w     interface{ Write([]byte) (int, error) }
	name  string
	size  int64
	rows  *atomic.Int64
	start time.Time
	drawn bool
}

func newProgress(w interface{ Write([]byte) (int, error) }, name string, size int64, rows *atomic.Int64) *progress {
	return &progress{w: w, name: name, size: size, rows: rows, start: time.Now()}
}

func (p *progress) update(read int64) {
	el := time.Since(p.start).Seconds()
	if el < 0.2 {
		return
	}
	line := fmt.Sprintf("%s: %s read, %.1fM rows/s", p.name, mib(read), float64(p.rows.Load())/el/1e6)
	if p.size > 0 && read > 0 {
		left := el * float64(p.size-read) / float64(read)
		line += fmt.Sprintf(", %d%%, %.0fs left", 100*read/p.size, left)
	}
	fmt.Fprintf(p.w, "\r%-78s", line)
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintf(p.w, "\r%78s\r", "")
	}
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
