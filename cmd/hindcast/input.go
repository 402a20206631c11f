package main

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/spf13/pflag"
)

// inputOptions selects and shapes the forecasts a scoring command reads:
// datasets (records) or flat tables, how records are coded, and grouping.
type inputOptions struct {
	data dataOptions

	// Flat tables.
	input     []string // --input: flat tables, any name ("-" is standard input)
	tableFmt  string   // --table-format: csv or jsonl, when the name does not tell
	probCol   string
	outcome   string
	weightCol string
	counts    bool
	percent   bool
	quiet     bool

	// Records.
	scale   string // --scale: read every coded term on this scale
	reading string // --reading: point, low or high

	by []string // --by: group columns (record fields, tag keys, table columns)

	// Repeated forecasts.
	weight       string   // --weight: forecast, question or time
	latest       bool     // --latest: only each forecaster's last forecast on a question
	questionCols []string // --question-col: which question a table row forecasts
	timeCol      string   // --time-col: when a table row's forecast was made
	resolvedCol  string   // --resolved-col: when a table row's question was resolved
}

func (o *inputOptions) addFlags(fs *pflag.FlagSet) {
	o.addRecordFlags(fs, "group by these record fields, tag keys or table columns (comma-separated)")
	fs.StringArrayVar(&o.input, "input", nil, "read a flat table (CSV or JSON Lines, one forecast per row; - for standard input); repeatable")
	fs.StringVar(&o.tableFmt, "table-format", "", "format of flat tables whose name does not tell: csv or jsonl")
	fs.StringVar(&o.probCol, "prob-col", "probability", "flat tables: the probability column")
	fs.StringVar(&o.outcome, "outcome-col", "outcome", "flat tables: the outcome column (0/1, yes/no, true/false)")
	fs.StringVar(&o.weightCol, "weight-col", "", "flat tables: a column of forecast weights")
	fs.BoolVar(&o.counts, "counts", false, "flat tables are pre-aggregated: columns probability, n, n_yes (and group columns)")
	fs.BoolVar(&o.percent, "percent", false, "flat tables give probabilities in percent (0-100, with or without %)")
	fs.BoolVar(&o.quiet, "quiet", false, "show no progress while reading a large table")
	fs.StringSliceVar(&o.questionCols, "question-col", nil, "flat tables: the columns that name a row's question (for --weight and --latest; the --by columns name the forecaster)")
	fs.StringVar(&o.timeCol, "time-col", "", "flat tables: the column of when each forecast was made")
	fs.StringVar(&o.resolvedCol, "resolved-col", "", "flat tables: the column of when the question was resolved; later forecasts are left out and flagged")
}

// addRecordFlags adds the flags that apply to datasets of records, for a
// command that reads no flat tables; by is the help of --by.
func (o *inputOptions) addRecordFlags(fs *pflag.FlagSet, by string) {
	o.data.addFlags(fs)
	fs.StringVar(&o.scale, "scale", "", "read every term-coded record on this scale, through the crosswalk (hindcast scales list)")
	fs.StringVar(&o.reading, "reading", "point", "which value of a coded interval to score: point, low or high")
	fs.StringSliceVar(&o.by, "by", nil, by)
	fs.StringVar(&o.weight, "weight", weightForecast, "repeated forecasts by one forecaster on one question: forecast (each counts once), question (each question once: 1/updates each) or time (by how long each stood)")
	fs.BoolVar(&o.latest, "latest", false, "score only each forecaster's last forecast on each question")
}

// tableExts are the extensions that make a --data path a flat table.
var tableExts = []string{".csv", ".jsonl", ".ndjson"}

// split moves --data paths that name flat tables over to the table inputs.
func (o *inputOptions) split() (datasets, tables []string) {
	for _, p := range o.data.paths {
		if slices.Contains(tableExts, strings.ToLower(filepath.Ext(p))) {
			tables = append(tables, p)
		} else {
			datasets = append(datasets, p)
		}
	}
	return datasets, append(tables, o.input...)
}

// recordFields are the record fields --by accepts, besides tag keys.
var recordFields = []string{"forecaster", "audience", "dataset", "wording", "scale", "negated", "outcome", "year", "decade"}

// recordKey returns the value of a --by column for a record.
func recordKey(r *forecasts.Record, field string) (string, bool) {
	switch field {
	case "forecaster":
		return r.Forecaster, true
	case "audience":
		return r.Audience, true
	case "dataset":
		return r.Dataset, true
	case "wording":
		return string(r.Statement.Wording), true
	case "scale":
		if r.Estimate.Scale == "" {
			return "(numeric)", true
		}
		return r.Estimate.Scale, true
	case "negated":
		return strconv.FormatBool(r.Negated), true
	case "outcome":
		return string(r.Outcome), true
	case "year":
		return strconv.Itoa(r.Issued.Year), true
	case "decade":
		return fmt.Sprintf("%ds", r.Issued.Year/10*10), true
	}
	return r.Tags.Get(field)
}

// tagsNamed lists the tag keys the records have, for a message.
func tagsNamed(keys []string) string {
	if len(keys) == 0 {
		return "the records have no tags"
	}
	return "tags: " + strings.Join(keys, ", ")
}

// scoreInput is the forecasts a scoring command works on, tallied by group.
type scoreInput struct {
	by       []string
	overall  *inputGroup
	groups   []*inputGroup // in key order; empty when not grouped
	records  bool          // read from datasets (true) or flat tables
	datasets []*forecasts.Dataset
}

// inputGroup is one group's forecasts.
type inputGroup struct {
	key      []string
	tally    analysis.Tally
	excluded map[string]int
	scored   []scoredRecord // records only
	warnings []analysis.Warning
}

// scoredRecord is a record with the probability it is scored at and its
// weight (1, unless repeated forecasts are weighted).
type scoredRecord struct {
	rec    *forecasts.Record
	p      float64
	coding forecasts.Coding
	weight float64
}

// recordRun places a record in its forecaster's run of updates on its
// question (the same question text), for --weight and --latest. The
// question closes when it was resolved, or else at its horizon.
func recordRun(r *forecasts.Record) runUpdate {
	u := runUpdate{run: r.Forecaster + "\x00" + r.Question, time: float64(r.Issued.First().Unix())}
	switch {
	case !r.Resolved.IsZero():
		u.end, u.hasEnd = float64(r.Resolved.First().Unix()), true
	case !r.ResolvesBy.IsZero():
		u.end, u.hasEnd = float64(r.ResolvesBy.Last().Unix()), true
	}
	return u
}

func (g *inputGroup) exclude(reason string, n int) {
	if g.excluded == nil {
		g.excluded = map[string]int{}
	}
	g.excluded[reason] += n
}

func (o *inputOptions) check() error {
	if !slices.Contains(weightModes, o.weight) {
		return usageErrorf("--weight %q: use forecast, question or time", o.weight)
	}
	if o.latest && o.weight != weightForecast {
		return usageErrorf("--latest keeps one forecast per question: it cannot be combined with --weight %s", o.weight)
	}
	if !slices.Contains(forecasts.Readings, forecasts.Reading(o.reading)) {
		return usageErrorf("--reading %q: use point, low or high", o.reading)
	}
	if o.scale != "" {
		if _, ok := forecasts.BuiltinScales().Get(o.scale); !ok {
			return usageErrorf("--scale %q: the scales are %s", o.scale, strings.Join(forecasts.BuiltinScales().Names(), ", "))
		}
	}
	for _, b := range o.by {
		if strings.TrimSpace(b) == "" {
			return usageErrorf("--by: empty column name")
		}
	}
	return nil
}

// load reads the chosen input and tallies it by group.
func (o *inputOptions) load(s *streams) (*scoreInput, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	dsPaths, tables := o.split()
	if len(tables) > 0 {
		if len(dsPaths) > 0 || len(o.data.builtins) > 0 {
			return nil, usageErrorf("flat tables (%s) and datasets cannot be scored together; score them separately", tables[0])
		}
		if o.updatesWanted() {
			return o.loadTableUpdates(tables)
		}
		return o.loadTables(s, tables)
	}
	data := o.data
	data.paths = dsPaths
	ds, err := data.load()
	if err != nil {
		return nil, err
	}
	return o.fromRecords(ds)
}

// fromRecords tallies the scored records of the datasets by group.
func (o *inputOptions) fromRecords(ds []*forecasts.Dataset) (*scoreInput, error) {
	in := &scoreInput{by: o.by, overall: &inputGroup{}, records: true, datasets: ds}
	var tagKeys []string
	for _, d := range ds {
		for _, r := range d.Records {
			for _, t := range r.Tags {
				if !slices.Contains(tagKeys, t.Key) {
					tagKeys = append(tagKeys, t.Key)
				}
			}
		}
	}
	for _, b := range o.by {
		if !slices.Contains(recordFields, b) && !slices.Contains(tagKeys, b) {
			slices.Sort(tagKeys)
			return nil, usageErrorf("--by %q: not a record field or tag; fields: %s; %s",
				b, strings.Join(recordFields, ", "), tagsNamed(tagKeys))
		}
	}
	scales, cw := forecasts.BuiltinScales(), forecasts.BuiltinCrosswalk()
	groups := map[string]*inputGroup{}
	selection := map[*inputGroup]map[string]forecasts.Selection{}
	var missing, unconfirmed []string
	// entry is a scored record with the groups it counts in.
	type entry struct {
		sr      scoredRecord
		targets []*inputGroup
		dataset *forecasts.Dataset
	}
	var entries []entry
	var runs []runUpdate
	for _, d := range ds {
		for _, r := range d.Records {
			targets := []*inputGroup{in.overall}
			if len(o.by) > 0 {
				key := make([]string, len(o.by))
				for i, b := range o.by {
					v, ok := recordKey(r, b)
					if !ok {
						v = "(none)"
					}
					key[i] = v
				}
				id := strings.Join(key, "\x00")
				g := groups[id]
				if g == nil {
					g = &inputGroup{key: key}
					groups[id] = g
				}
				targets = append(targets, g)
			}
			if !r.Outcome.Scored() {
				for _, t := range targets {
					t.exclude(string(r.Outcome), 1)
				}
				continue
			}
			coding := cw.Recode(r, scales, o.scale)
			if coding.Missing {
				missing = append(missing, r.ID)
			}
			if r.Statement.Wording == forecasts.Unconfirmed {
				unconfirmed = append(unconfirmed, r.ID)
			}
			sr := scoredRecord{rec: r, coding: coding, p: coding.Event.Read(forecasts.Reading(o.reading)), weight: 1}
			entries = append(entries, entry{sr: sr, targets: targets, dataset: d})
			runs = append(runs, recordRun(r))
		}
	}
	if o.weight != weightForecast || o.latest {
		for i, w := range updateWeights(runs, o.weight, o.latest) {
			entries[i].sr.weight = w
		}
	}
	for _, e := range entries {
		if e.sr.weight == 0 {
			for _, t := range e.targets {
				t.exclude("superseded", 1)
			}
			continue
		}
		for _, t := range e.targets {
			t.tally.AddWeighted(e.sr.p, e.sr.rec.Outcome == forecasts.Yes, e.sr.weight)
			t.scored = append(t.scored, e.sr)
			if selection[t] == nil {
				selection[t] = map[string]forecasts.Selection{}
			}
			selection[t][e.dataset.Name] = e.dataset.Selection
		}
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		in.groups = append(in.groups, groups[k])
	}
	for _, g := range append([]*inputGroup{in.overall}, in.groups...) {
		g.warnings = append(g.warnings, selectionWarnings(selection[g], scoreSelection)...)
		g.warnings = append(g.warnings, recordWarnings(g, o.scale, missing, unconfirmed)...)
	}
	return in, nil
}

// Warning codes hindcast adds to the analysis package's own.
const (
	warnSelectedForFailure = "selected-for-failure"
	warnNotASample         = "not-a-sample"
	warnExcluded           = "excluded"
	warnNoCounterpart      = "no-counterpart"
	warnUnconfirmed        = "unconfirmed-wording"
	warnSkippedRows        = "skipped-rows"
	warnAfterOutcome       = "after-outcome"
	warnPercentFractions   = "percent-fractions"
)

// tableProblems adds to errs what went wrong reading the flat table name
// (its stats and err, from ReadTable): every problem listed, a count of
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

// skippedRows returns the warning for rows of flat tables skipped for
// having no probability; none when there are none.
func skippedRows(skipped int64) []analysis.Warning {
	if skipped == 0 {
		return nil
	}
	return []analysis.Warning{{Code: warnSkippedRows, Message: fmt.Sprintf("%s no probability (empty or NA) and %s skipped",
		plural(int(skipped), "1 row has", fmt.Sprintf("%d rows have", skipped)), plural(int(skipped), "was", "were"))}}
}

// percentFractions returns the warning for flat tables read with
// --percent whose probabilities look like fractions (all at most 1, none
// with a % sign), named in fractional; none when there are none.
func percentFractions(fractional []string) []analysis.Warning {
	if len(fractional) == 0 {
		return nil
	}
	return []analysis.Warning{{Code: warnPercentFractions, Message: fmt.Sprintf(
		"with --percent every probability in %s is at most 1 (that is 1%%) and none has a %% sign: if the probabilities are fractions from 0 to 1, drop --percent",
		strings.Join(fractional, ", "))}}
}

// selectionConsequence completes the two selection warnings' sentences:
// what a set chosen for failure, and one that is not a sample, does to the
// figures at hand.
type selectionConsequence struct{ failed, notSample string }

var (
	scoreSelection = selectionConsequence{
		failed:    "the calibration figures (reliability, miscalibration, calibration in the large, Spiegelhalter, ECE, logistic slope) describe these cases, not how well calibrated the forecaster was, and the scores are worse than a fair sample's would be",
		notSample: "the figures describe these cases and may not carry over to the forecasters' other judgments",
	}
	compareSelection = selectionConsequence{
		failed:    "its forecasters' scores are worse than a fair sample of their judgments would give, and a comparison with them says how these cases went, not who forecasts better",
		notSample: "the comparison describes these cases and may not carry over to the forecasters' other judgments",
	}
)

// selectionWarnings says what the datasets' selection does to the figures.
func selectionWarnings(sel map[string]forecasts.Selection, c selectionConsequence) []analysis.Warning {
	var failed, notable []string
	for _, name := range slices.Sorted(maps.Keys(sel)) {
		switch sel[name] {
		case forecasts.SelectChosenForFailure:
			failed = append(failed, name)
		case forecasts.SelectNotable, forecasts.SelectUnknown:
			notable = append(notable, name)
		}
	}
	var out []analysis.Warning
	if len(failed) > 0 {
		out = append(out, analysis.Warning{Code: warnSelectedForFailure, Message: fmt.Sprintf(
			"%s was chosen for its failures, after the outcomes were known: %s", strings.Join(failed, ", "), c.failed)})
	}
	if len(notable) > 0 {
		out = append(out, analysis.Warning{Code: warnNotASample, Message: fmt.Sprintf(
			"%s is not a random sample (its records were chosen because they are well known, or how they were chosen is unknown): %s",
			strings.Join(notable, ", "), c.notSample)})
	}
	return out
}

// recordWarnings notes excluded, untranslatable and unconfirmed records of a group.
func recordWarnings(g *inputGroup, scale string, missing, unconfirmed []string) []analysis.Warning {
	var out []analysis.Warning
	if n := sumCounts(g.excluded); n > 0 {
		var parts, why []string
		for _, k := range slices.Sorted(maps.Keys(g.excluded)) {
			parts = append(parts, fmt.Sprintf("%d %s", g.excluded[k], k))
			switch k {
			case string(forecasts.Unresolved), string(forecasts.Ambiguous):
				if !slices.Contains(why, exclusionReasons["outcome"]) {
					why = append(why, exclusionReasons["outcome"])
				}
			default:
				if r, ok := exclusionReasons[k]; ok {
					why = append(why, r)
				}
			}
		}
		out = append(out, analysis.Warning{Code: warnExcluded, Message: fmt.Sprintf(
			"%d not scored (%s): %s", n, strings.Join(parts, ", "), strings.Join(why, "; "))})
	}
	inGroup := func(ids []string) []string {
		var out []string
		for _, sr := range g.scored {
			if slices.Contains(ids, sr.rec.ID) {
				out = append(out, sr.rec.ID)
			}
		}
		return out
	}
	if ids := inGroup(missing); len(ids) > 0 {
		out = append(out, analysis.Warning{Code: warnNoCounterpart, Message: fmt.Sprintf(
			"%s has no term at the level of the coded term of %s, which are scored as coded on their own scales", scale, strings.Join(ids, ", "))})
	}
	if ids := inGroup(unconfirmed); len(ids) > 0 {
		out = append(out, analysis.Warning{Code: warnUnconfirmed, Message: fmt.Sprintf(
			"the wording of %s is unconfirmed: the judgment may not have been made in these terms", strings.Join(ids, ", "))})
	}
	return out
}

// exclusionReasons explains each reason a forecast can be left unscored.
var exclusionReasons = map[string]string{
	"outcome":             "an unresolved or ambiguous outcome cannot be scored, though the record is kept and listed",
	"superseded":          "a superseded forecast was followed by a later one on the same question (--latest)",
	"after outcome":       "a forecast made after its question was resolved is no forecast",
	"missing probability": "a row with no probability (empty or NA) says nothing",
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
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

// loadTables reads flat tables, tallying every row by its group columns.
func (o *inputOptions) loadTables(s *streams, names []string) (*scoreInput, error) {
	in := &scoreInput{by: o.by, overall: &inputGroup{}}
	groups := map[string]*inputGroup{}
	var errs forecasts.ErrorList
	var skipped int64
	var fractional []string
	for _, name := range names {
		format, err := o.tableFormat(name)
		if err != nil {
			return nil, err
		}
		opt := forecasts.TableOptions{
			Format: format, Probability: o.probCol, Outcome: o.outcome, Weight: o.weightCol,
			Groups: o.by, Counts: o.counts, Percent: o.percent,
		}
		if o.weightCol != "" || o.counts {
			// Sums of fractional weights (or counts) depend, in their last
			// bits, on how the rows are shared among the reading workers:
			// as many workers as cores would make the figures differ from
			// one machine to another. Whole counts are exact either way.
			opt.Workers = fractionalTableWorkers
		}
		stats, sinks, err := o.readTable(s, name, opt)
		if ok, err := tableProblems(&errs, name, format, stats, err); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		skipped += stats.Skipped
		if stats.LooksFractional() {
			fractional = append(fractional, name)
		}
		for _, sk := range sinks {
			ts := sk.(*tallySink)
			for i, key := range ts.keys {
				in.overall.tally.Merge(ts.tallies[i])
				if len(o.by) == 0 {
					continue
				}
				id := strings.Join(key, "\x00")
				g := groups[id]
				if g == nil {
					g = &inputGroup{key: key}
					groups[id] = g
				}
				g.tally.Merge(ts.tallies[i])
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := o.checkTotals(in, names); err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		in.groups = append(in.groups, groups[k])
	}
	if skipped > 0 {
		in.overall.exclude("missing probability", int(skipped))
	}
	in.overall.warnings = append(in.overall.warnings, skippedRows(skipped)...)
	in.overall.warnings = append(in.overall.warnings, percentFractions(fractional)...)
	return in, nil
}

func (o *inputOptions) tableFormat(name string) (forecasts.TableFormat, error) {
	if o.tableFmt != "" {
		f, err := forecasts.ParseTableFormat(o.tableFmt)
		if err != nil {
			return 0, usageErrorf("--table-format: %v", err)
		}
		return f, nil
	}
	f, err := forecasts.TableFormatOf(name)
	if err != nil {
		return 0, usageErrorf("%v (--table-format)", err)
	}
	return f, nil
}

// checkTotals reports weights or counts whose sum overflows: each is
// finite, but every figure would then be NaN or, worse, 0 (a base rate of
// 1e308/Inf). A group's sums are at most the overall ones.
func (o *inputOptions) checkTotals(in *scoreInput, names []string) error {
	var n float64
	for _, c := range in.overall.tally.Table().Cells {
		n += c.N // Yes <= N
	}
	if !math.IsInf(n, 0) {
		return nil
	}
	what := "weights"
	if o.counts {
		what = "counts"
	}
	var errs forecasts.ErrorList
	for _, name := range names {
		errs.Add(name, 0, 0, "", "the %s add up to more than the largest number there is (%.3g): divide them all by one constant (the scores stay the same)", what, math.MaxFloat64)
	}
	return errs
}

// fractionalTableWorkers is the number of workers that read a table of
// weights or counts, whatever the number of cores, so that its figures are
// the same on every machine.
const fractionalTableWorkers = 4

// openError reports a table that cannot be opened, as the dataset loader
// does: FILE: reason (a file that cannot be opened has no line).
func openError(name string, err error) error {
	return forecasts.ErrorList{{File: name, Msg: cleanPathError(err).Error()}}
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

// readTable reads one flat table, showing progress on a terminal.
func (o *inputOptions) readTable(s *streams, name string, opt forecasts.TableOptions) (forecasts.TableStats, []forecasts.TableSink, error) {
	r := s.in
	var size int64 = -1
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return forecasts.TableStats{}, nil, openError(name, err)
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil {
			size = info.Size()
		}
		r = f
	}
	var rows atomic.Int64
	if s.errTerminal && !o.quiet {
		p := newProgress(s.err, name, size, &rows)
		opt.Progress = p.update
		defer p.done()
	}
	return forecasts.ReadTable(name, r, opt, func() forecasts.TableSink { return &tallySink{shared: &rows} })
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
