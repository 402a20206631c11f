package evaluate

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// Questions with more than two answers. Their forecasts are read apart
// from the yes/no ones (records with options, or a flat table read with
// --option-col or --option-cols), scored with the categorical scores of
// package analysis, and reported in their own section: a multi-category
// Brier score is never averaged with a binary one.

// CategoricalForecasts are the categorical forecasts a command works on,
// overall and by group.
type CategoricalForecasts struct {
	Overall *CategoricalGroup
	Groups  []*CategoricalGroup // one per key, in key order; empty when not grouped
}

// CategoricalGroup is one group's categorical forecasts.
type CategoricalGroup struct {
	Key       []string
	Forecasts []analysis.CategoricalForecast
	Excluded  map[string]int // not scored: unresolved, ambiguous
	Warnings  []analysis.Warning
}

func (g *CategoricalGroup) exclude(reason string) {
	if g.Excluded == nil {
		g.Excluded = map[string]int{}
	}
	g.Excluded[reason]++
}

// categoricalGroups finds or makes the group of a key.
type categoricalGroups map[string]*CategoricalGroup

func (s categoricalGroups) get(key []string) *CategoricalGroup {
	id := strings.Join(key, "\x00")
	g := s[id]
	if g == nil {
		g = &CategoricalGroup{Key: key}
		s[id] = g
	}
	return g
}

func (s categoricalGroups) sorted() []*CategoricalGroup {
	var out []*CategoricalGroup
	for _, k := range slices.Sorted(maps.Keys(s)) {
		out = append(out, s[k])
	}
	return out
}

// WarnNotWeighted: --weight or --latest was given, and the questions with
// options are scored with each forecast counted once.
const WarnNotWeighted = "not-weighted"

// IsCategoricalTable reports whether the input's flat tables are read as
// categorical forecasts (--option-col or --option-cols).
func (in *Input) IsCategoricalTable() bool { return in.OptionCol != "" || len(in.OptionCols) > 0 }

// checkCategorical reports flags that do not fit questions with options.
func (in *Input) checkCategorical() error {
	tables := in.HasTables()
	switch {
	case in.OptionCol != "" && len(in.OptionCols) > 0:
		return usagef("--option-col reads a long table (one row per option), --option-cols a wide one (one column per option): give one")
	case !tables && (in.IsCategoricalTable() || in.Ordered || in.OrderedCol != ""):
		return usagef("--option-col, --option-cols, --ordered and --ordered-col are for flat tables; a record lists its options and says ordered: true")
	case (in.Ordered || in.OrderedCol != "") && !in.IsCategoricalTable():
		return usagef("--ordered and --ordered-col say a categorical table's options are ordered: give --option-col or --option-cols")
	case in.Ordered && in.OrderedCol != "":
		return usagef("--ordered says every question's options are ordered, --ordered-col says it row by row: give one")
	case !in.IsCategoricalTable():
		return nil
	case in.Counts || in.WeightCol != "":
		return usagef("--counts and --weight-col are for yes/no tables; a categorical table has one forecast per row (or per option)")
	case in.weighted() || in.ResolvedCol != "":
		return usagef("--weight, --latest and --resolved-col are not available for questions with options: each forecast counts once")
	case in.OptionCol != "" && len(in.QuestionCols) == 0:
		return usagef("--option-col reads one row per option: give --question-col (and --forecaster-col, --time-col) to say which rows are one forecast")
	}
	for _, c := range in.OptionCols {
		if strings.TrimSpace(c) == "" {
			return usagef("--option-cols: empty column name")
		}
	}
	return nil
}

// loadCategoricalTables reads flat tables of categorical forecasts.
func loadCategoricalTables(in *Input, names []string) (*Forecasts, error) {
	if err := in.checkCategorical(); err != nil {
		return nil, err
	}
	cluster := in.clusterCols(false)
	f := &Forecasts{By: in.By, Cluster: cluster, Overall: &Group{}, input: *in}
	prob, outcome := in.ProbCol, in.OutcomeCol
	if prob == "" {
		prob = "probability"
	}
	if outcome == "" {
		outcome = "outcome"
	}
	opt := forecasts.CategoricalTableOptions{
		OptionCol: in.OptionCol, OptionCols: in.OptionCols, ProbCol: prob, OutcomeCol: outcome,
		KeyCols:      slices.Concat(in.QuestionCols, in.ForecasterCols, nonEmpty(in.TimeCol)),
		QuestionCols: in.QuestionCols,
		GroupCols:    in.By, ClusterCols: cluster,
		Ordered: in.Ordered, OrderedCol: in.OrderedCol, Percent: in.Percent, Tolerance: in.SumTolerance,
	}
	cat := &CategoricalForecasts{Overall: &CategoricalGroup{}}
	groups := categoricalGroups{}
	var errs forecasts.ErrorList
	for _, name := range names {
		format, err := in.tableFormat(name)
		if err != nil {
			return nil, err
		}
		if format != forecasts.TableCSV {
			return nil, usagef("%s: a table of questions with options is read from CSV", name)
		}
		var rows []forecasts.CategoricalRow
		_, input, err := in.readTable(name, forecasts.TableOptions{Format: format}, func(name string, r io.Reader, _ forecasts.TableOptions, n *atomic.Int64) (forecasts.TableStats, error) {
			var count int64
			var err error
			rows, count, err = forecasts.ReadCategoricalTable(r, name, opt)
			n.Add(count)
			return forecasts.TableStats{Rows: count}, err
		})
		f.Inputs = append(f.Inputs, input)
		if el, ok := err.(forecasts.ErrorList); ok {
			errs = append(errs, el...)
			continue
		} else if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			errs = append(errs, noRows(name, format))
		}
		for _, r := range rows {
			targets := []*CategoricalGroup{cat.Overall}
			if len(in.By) > 0 {
				targets = append(targets, groups.get(r.Group))
			}
			for _, g := range targets {
				if r.Unscored != "" {
					g.exclude(r.Unscored)
					continue
				}
				cluster := strings.Join(r.Cluster, "\x00")
				if len(cluster) == 0 && len(opt.ClusterCols) == 0 {
					cluster = fmt.Sprintf("%s:%d", name, r.Line) // each forecast its own
				}
				g.Forecasts = append(g.Forecasts, analysis.CategoricalForecast{
					Options: r.Options, P: r.P, Outcome: r.Outcome, Ordered: r.Ordered, Cluster: cluster,
				})
			}
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	cat.Groups = groups.sorted()
	f.Categorical = cat
	return f, nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// categoricalFromRecords gathers the records with options of the
// datasets by group.
func categoricalFromRecords(f *Forecasts) *CategoricalForecasts {
	var cat *CategoricalForecasts
	groups := categoricalGroups{}
	selection := map[*CategoricalGroup]map[string]forecasts.Selection{}
	for _, d := range f.Datasets {
		for _, r := range d.Records {
			if !r.Categorical() {
				continue
			}
			if cat == nil {
				cat = &CategoricalForecasts{Overall: &CategoricalGroup{}}
			}
			targets := []*CategoricalGroup{cat.Overall}
			if len(f.By) > 0 {
				targets = append(targets, groups.get(recordValues(r, f.By)))
			}
			k := r.OutcomeOption()
			for _, g := range targets {
				if k < 0 {
					g.exclude(string(r.Outcome))
					continue
				}
				cluster := ""
				if len(f.Cluster) > 0 {
					cluster = strings.Join(recordValues(r, f.Cluster), "\x00")
				} else {
					cluster = r.ID // each forecast its own cluster
				}
				g.Forecasts = append(g.Forecasts, analysis.CategoricalForecast{
					Options: r.Options, P: r.Estimate.Probabilities.Values(), Outcome: k, Ordered: r.Ordered, Cluster: cluster,
				})
				if selection[g] == nil {
					selection[g] = map[string]forecasts.Selection{}
				}
				selection[g][d.Name] = d.Selection
			}
		}
	}
	if cat == nil {
		return nil
	}
	cat.Groups = groups.sorted()
	for _, g := range append([]*CategoricalGroup{cat.Overall}, cat.Groups...) {
		g.Warnings = append(g.Warnings, selectionWarnings(selection[g], scoreSelection)...)
		if f.input.weighted() {
			g.Warnings = append(g.Warnings, analysis.Warning{Code: WarnNotWeighted,
				Message: "--weight and --latest weigh the yes/no questions only: each forecast of a question with options counts once"})
		}
	}
	return cat
}

// CategoricalResult holds the figures of the questions with options:
// overall and for each group.
type CategoricalResult struct {
	By      []string // the grouping columns, as ScoreResult.By
	Cluster []string // what the bootstrap resamples whole; empty for single forecasts
	Bins    int      // as ScoreResult.Bins, for the one-vs-rest figures
	LogClip float64  // 0: the log score is unclipped
	Overall CategoricalScoreGroup
	Groups  []*CategoricalScoreGroup
}

// CategoricalScoreGroup is one group's categorical figures.
type CategoricalScoreGroup struct {
	Key      []string
	Summary  analysis.CategoricalSummary
	Excluded map[string]int
	// Options holds each option's one-vs-rest figures (the probability
	// given to it against whether it happened), in the order the options
	// are first met; Pooled every option of every forecast stacked.
	Options  []OptionFigures
	Pooled   OptionFigures
	Warnings []analysis.Warning // Summary.Warnings and those about the input
}

// NExcluded counts the group's forecasts not scored.
func (g *CategoricalScoreGroup) NExcluded() int { return sumCounts(g.Excluded) }

// OptionFigures are the binary figures of one option's one-vs-rest table
// (analysis.OneVsRest): how often the option happened at each
// probability given to it.
type OptionFigures struct {
	Option string // "(pooled)" for the pooled table
	// Summary holds the binary figures (no bootstrap): its Brier score is
	// the mean of (p − o)² over the forecasts listing the option, its
	// Murphy and CORP decompositions say how reliable and resolved the
	// probabilities given to the option were.
	Summary analysis.Summary
}

// Pooled is the Option name of the pooled one-vs-rest figures.
const Pooled = "(pooled)"

// scoreCategorical scores the categorical forecasts of f; nil when there
// are none.
func scoreCategorical(f *Forecasts, opts ScoreOptions, bins int) *CategoricalResult {
	cat := f.Categorical
	if cat == nil && f.Records {
		cat = categoricalFromRecords(f)
	}
	if cat == nil {
		return nil
	}
	res := &CategoricalResult{By: f.By, Cluster: f.Cluster, Bins: bins, LogClip: max(opts.Analysis.LogClip, 0)}
	one := opts.Analysis
	one.Replicates, one.BandReplicates = 0, 0
	for i, g := range append([]*CategoricalGroup{cat.Overall}, cat.Groups...) {
		sg := &CategoricalScoreGroup{Key: g.Key, Excluded: g.Excluded}
		sg.Summary = analysis.SummarizeCategorical(g.Forecasts, opts.Analysis)
		if b := sg.Summary.Bootstrap; b != nil && math.IsInf(sg.Summary.Log, 1) {
			// An infinite score has no finite interval (--clip gives one).
			b.Lo.Log, b.Hi.Log, b.Lo.LogSkill, b.Hi.LogSkill = math.NaN(), math.NaN(), math.NaN(), math.NaN()
		}
		if len(g.Forecasts) > 0 {
			tables, pooled := analysis.OneVsRest(g.Forecasts)
			all := make([]analysis.Table, 0, len(tables)+1)
			for _, t := range tables {
				all = append(all, t.Table)
			}
			sums := analysis.SummarizeAll(append(all, pooled), one)
			for k, t := range tables {
				sg.Options = append(sg.Options, OptionFigures{Option: t.Option, Summary: sums[k]})
			}
			sg.Pooled = OptionFigures{Option: Pooled, Summary: sums[len(tables)]}
		}
		sg.Warnings = append(slices.Clone(sg.Summary.Warnings), g.Warnings...)
		for k, w := range sg.Warnings {
			if w.Code == analysis.WarnInfiniteLogScore {
				sg.Warnings[k].Message += ". Give --clip EPS, such as 1e-15, for a finite log score"
			}
		}
		sg.Warnings = append(sg.Warnings, excludedWarning(g.Excluded)...)
		if i == 0 {
			res.Overall = *sg
		} else {
			res.Groups = append(res.Groups, sg)
		}
	}
	return res
}

// HasCategorical reports whether the forecasts include questions with
// options.
func (f *Forecasts) HasCategorical() bool {
	if f.Categorical != nil {
		return true
	}
	for _, d := range f.Datasets {
		for _, r := range d.Records {
			if r.Categorical() {
				return true
			}
		}
	}
	return false
}

// OptionAll and OptionPooled are the values of `plot reliability
// --option` besides an option's name: a curve per option, or every
// option of every forecast stacked.
const (
	OptionAll    = "all"
	OptionPooled = "pooled"
)

// OptionGroups turns the questions with options into the charts' groups
// of one-vs-rest forecasts (the probability given to an option, and
// whether it happened): with option "all", one group per option over all
// forecasts (not with --by); with "pooled", every option stacked, one
// group per --by group; with an option's name, that option's, one group
// per --by group.
func (f *Forecasts) OptionGroups(option string) ([]ForecastGroup, error) {
	cat := f.Categorical
	if cat == nil && f.Records {
		cat = categoricalFromRecords(f)
	}
	if cat == nil {
		return nil, usagef("--option draws questions with options, and these forecasts have none")
	}
	groups := cat.Groups
	if len(groups) == 0 {
		groups = []*CategoricalGroup{cat.Overall}
	}
	name := func(g *CategoricalGroup, what string) string {
		if len(g.Key) == 0 {
			return what
		}
		return strings.Join(g.Key, "/")
	}
	switch option {
	case OptionAll, "":
		if len(cat.Groups) > 0 {
			return nil, usagef("--option all draws a curve per option of all forecasts: with --by, give --option pooled or an option's name")
		}
		tables, _ := analysis.OneVsRest(cat.Overall.Forecasts)
		var out []ForecastGroup
		for _, t := range tables {
			out = append(out, ForecastGroup{Name: t.Option, Table: t.Table})
		}
		if len(out) == 0 {
			return nil, usagef("no question with options has an outcome among its options")
		}
		return out, nil
	case OptionPooled:
		var out []ForecastGroup
		for _, g := range groups {
			_, pooled := analysis.OneVsRest(g.Forecasts)
			out = append(out, ForecastGroup{Name: name(g, Pooled), Table: pooled})
		}
		return out, nil
	}
	var out []ForecastGroup
	var names []string
	found := false
	for _, g := range groups {
		tables, _ := analysis.OneVsRest(g.Forecasts)
		fg := ForecastGroup{Name: name(g, option)}
		for _, t := range tables {
			if !slices.Contains(names, t.Option) {
				names = append(names, t.Option)
			}
			if t.Option == option {
				fg.Table, found = t.Table, true
			}
		}
		out = append(out, fg)
	}
	if !found {
		msg := fmt.Sprintf("--option %q: no forecast has that option; use all, pooled or one of %s", option, strings.Join(names, ", "))
		if s := forecasts.Suggest(option, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, usagef("%s", msg)
	}
	return out, nil
}

// addCategoricalOptions adds to p the options that change the figures
// of questions with options, in p's order of options (by key, then value).
func (in *Input) addCategoricalOptions(p *provenance.Provenance) {
	for _, o := range []provenance.Option{
		{Key: "option-col", Value: in.OptionCol}, {Key: "option-cols", Value: strings.Join(in.OptionCols, ",")},
		{Key: "ordered-col", Value: in.OrderedCol},
		floatOption("sum-tolerance", cmp.Or(in.SumTolerance, forecasts.DefaultSumTolerance)),
	} {
		if o.Value != "" {
			p.Options = append(p.Options, o)
		}
	}
	if in.Ordered {
		p.Options = append(p.Options, provenance.Option{Key: "ordered", Value: "true"})
	}
	slices.SortStableFunc(p.Options, func(a, b provenance.Option) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Value, b.Value))
	})
}
