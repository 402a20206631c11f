package main

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports"
	"github.com/spf13/cobra"
)

// compareOptions are the flags of `hindcast compare`.
type compareOptions struct {
	input        inputOptions // --by names the competitors
	question     []string
	within       []string
	score        string
	clip         float64
	permutations int
	bootstrap    int
	level        float64
	seed         uint64
	minShared    int
	baseline     string
	format       string
}

func newCompareCmd(s *streams) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare --by FIELD",
		Short: "Compare forecasters pair by pair on the questions both answered",
		Long: `Compare competitors (forecasters, methods, teams: the values of --by) on the
questions both answered, pair by pair, and rank them by relative skill.

For each pair A, B: the number of questions both answered, each one's mean
score on them, the mean difference A − B with a percentile bootstrap interval
(--bootstrap, --level), and the p-value of a two-sided paired sign-flip
permutation test of A − B = 0: exact (all 2^n sign flips) up to 20 shared
questions, otherwise --permutations random flips (seeded: the same --seed
gives the same output). Holm's adjustment for the number of pairs is shown
beside it. Pairs sharing fewer than --min-shared questions are flagged.

The relative skill of a competitor is the geometric mean, over the
competitors it shares questions with and itself (a ratio of 1), of the ratio
of its mean score to theirs on the shared questions (Cramer et al. 2022, as
in scoringutils' pairwise comparison).
Lower is better; --baseline NAME divides every relative skill by NAME's.

A question is the record's question text, or the record fields and tags named
by --question. For flat tables (--data FILE.csv) --question is required: the
columns that together name a question (for example a date and an event).
When a competitor made several forecasts on one question, its score on that
question is the mean of their scores. --within COL compares separately within
each value of COL (like scoringutils' "by").

The Brier score or the log score (--score log); the log score clips every
probability to [--clip, 1 − --clip] (default 1e-15), so that a wrong forecast
of 0 or 1 has a large finite score and every difference is finite.`,
		Example: `  hindcast compare --by forecaster
  hindcast compare --by forecaster --score log --format markdown
  hindcast compare --data flares.csv --by group --question forecast_date,event_threshold --within event_threshold
  hindcast compare --data flares.csv --by group --question forecast_date,event_threshold --within event_threshold --baseline CLIM120 --format json`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("clip") && opts.score != "log" {
				return usageErrorf("--clip applies to the log score: give --score log")
			}
			return compareRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addFlags(f)
	f.Lookup("by").Usage = "the record fields, tags or table columns that name a competitor (comma-separated: joined with /)"
	f.MarkHidden("counts")     // rejected: a comparison needs each forecast
	f.MarkHidden("weight-col") // rejected: every question weighs the same
	f.StringSliceVar(&opts.question, "question", nil, "the record fields, tags or table columns that name a question (comma-separated); records default to the question text")
	f.StringSliceVar(&opts.within, "within", nil, "compare separately within each value of these fields or columns (comma-separated)")
	f.StringVar(&opts.score, "score", "brier", "the score compared: brier or log")
	f.Float64Var(&opts.clip, "clip", analysis.DefaultLogClip, "with --score log: clip probabilities to [EPS, 1-EPS] so that every score is finite")
	f.IntVar(&opts.permutations, "permutations", analysis.DefaultPermutations, "random sign flips for pairs sharing more than 20 questions; 0 for no test of those")
	f.IntVar(&opts.bootstrap, "bootstrap", analysis.DefaultReplicates, "bootstrap replicates for the interval of each mean difference; 0 for none")
	f.Float64Var(&opts.level, "level", analysis.DefaultLevel, "coverage of the intervals")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the sign flips and the bootstrap; the same seed gives the same output")
	f.IntVar(&opts.minShared, "min-shared", analysis.DefaultMinShared, "warn about pairs sharing fewer questions than this")
	f.StringVar(&opts.baseline, "baseline", "", "also give each relative skill divided by this competitor's")
	f.StringVar(&opts.format, "format", "table", "output format: table, json, csv or markdown")
	return cmd
}

func (o *compareOptions) check() error {
	if err := checkFormat(o.format, "table", "json", "csv", "markdown"); err != nil {
		return err
	}
	if len(o.input.by) == 0 {
		return usageErrorf("give --by: the field or column that names a competitor (forecaster, say)")
	}
	for _, c := range append(slices.Clone(o.question), o.within...) {
		if strings.TrimSpace(c) == "" {
			return usageErrorf("--question and --within: empty column name")
		}
	}
	switch {
	case o.score != "brier" && o.score != "log":
		return usageErrorf("--score %q: use brier or log", o.score)
	case o.score == "log" && !(o.clip > 0 && o.clip < 0.5):
		return usageErrorf("--clip %g: use a small positive number such as 1e-15 (an unclipped log score can be infinite, and so can a difference)", o.clip)
	case o.permutations < 0:
		return usageErrorf("--permutations %d: use 0 or more", o.permutations)
	case o.bootstrap < 0:
		return usageErrorf("--bootstrap %d: use 0 (none) or a number of replicates", o.bootstrap)
	case !(o.level > 0 && o.level < 1):
		return usageErrorf("--level %g: use a coverage between 0 and 1, such as 0.95", o.level)
	case o.minShared < 1:
		return usageErrorf("--min-shared %d: use 1 or more", o.minShared)
	case o.input.counts:
		return usageErrorf("--counts: a comparison needs each forecast with its question, not counts")
	case o.input.weightCol != "":
		return usageErrorf("--weight-col: compare weighs every question the same; weights are not used")
	}
	return o.input.check()
}

func compareRun(s *streams, o *compareOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	rule := analysis.BrierContribution
	clip := 0.0
	if o.score == "log" {
		clip = o.clip
		rule = analysis.ClippedLog(clip)
	}
	col := newCompareCollector(rule)
	dsPaths, tables := o.input.split()
	var err error
	if len(tables) > 0 {
		if len(dsPaths) > 0 || len(o.input.data.builtins) > 0 {
			return usageErrorf("flat tables (%s) and datasets cannot be compared together", tables[0])
		}
		if len(o.question) == 0 { // --question-col names the same columns for --weight and --latest
			o.question = o.input.questionCols
		}
		if len(o.question) == 0 {
			return usageErrorf("--question: name the columns that identify a question in %s (for example forecast_date,event_threshold)", tables[0])
		}
		err = o.loadTables(s, col, tables)
	} else {
		data := o.input.data
		data.paths = dsPaths
		var ds []*forecasts.Dataset
		if ds, err = data.load(); err == nil {
			err = o.loadRecords(col, ds)
		}
	}
	if err != nil {
		return err
	}
	if col.forecasts == 0 {
		return fmt.Errorf("no forecasts to compare")
	}
	if o.score == "log" && col.wrongCertain > 0 {
		col.warnings = append(col.warnings, analysis.Warning{Code: analysis.WarnInfiniteLogScore, Message: fmt.Sprintf(
			"%d forecast%s of 0 or 1 went the other way: %s log score is clipped at −ln(%g) = %.1f instead of infinite, and weighs heavily in any comparison",
			col.wrongCertain, plural(col.wrongCertain, "", "s"), map[bool]string{true: "its", false: "their"}[col.wrongCertain == 1], clip, -math.Log(clip))})
	}
	cmp, err := o.compare(col)
	if err != nil {
		return err
	}
	cmp.LogClip = clip
	switch o.format {
	case "json":
		return reports.WriteCompareJSON(s.out, cmp)
	case "csv":
		return reports.WriteCompareCSV(s.out, cmp)
	case "markdown":
		return reports.WriteCompareMarkdown(s.out, cmp)
	}
	return reports.WriteCompareTable(s.out, cmp)
}

// compareCollector gathers each forecast's score by comparison (--within
// value), competitor and question.
type compareCollector struct {
	rule         analysis.ScoringRule
	groups       map[string]*compareData
	forecasts    int
	wrongCertain int // forecasts of 0 or 1 that went the other way
	warnings     []analysis.Warning
}

// compareData is one comparison's forecasts: question ids in order of
// first appearance, and each competitor's (question, score) lists.
type compareData struct {
	key         []string
	questionIDs map[string]int
	competitors map[string]*competitorScores
	forecasts   int
}

type competitorScores struct {
	questions []int
	scores    []float64
}

func newCompareCollector(rule analysis.ScoringRule) *compareCollector {
	return &compareCollector{rule: rule, groups: map[string]*compareData{}}
}

func (c *compareCollector) add(within []string, competitor, question string, p float64, yes bool) {
	id := strings.Join(within, "\x00")
	g := c.groups[id]
	if g == nil {
		g = &compareData{key: slices.Clone(within), questionIDs: map[string]int{}, competitors: map[string]*competitorScores{}}
		c.groups[id] = g
	}
	q, ok := g.questionIDs[question]
	if !ok {
		q = len(g.questionIDs)
		g.questionIDs[question] = q
	}
	cs := g.competitors[competitor]
	if cs == nil {
		cs = &competitorScores{}
		g.competitors[competitor] = cs
	}
	cs.questions = append(cs.questions, q)
	cs.scores = append(cs.scores, c.rule(p, yes))
	g.forecasts++
	c.forecasts++
	if (p == 0 && yes) || (p == 1 && !yes) {
		c.wrongCertain++
	}
}

// compare runs the pairwise comparison of every group.
func (o *compareOptions) compare(col *compareCollector) (*reports.Compare, error) {
	popts := analysis.PairwiseOptions{
		Permutations: o.permutations, Bootstrap: o.bootstrap, Level: o.level,
		MinShared: o.minShared, Seed: o.seed,
	}
	question := o.question
	if len(question) == 0 {
		question = []string{"question"}
	}
	out := &reports.Compare{By: o.input.by, Question: question, Within: o.within, Score: o.score, Warnings: col.warnings}
	found := false
	var all []string
	for _, id := range slices.Sorted(maps.Keys(col.groups)) {
		g := col.groups[id]
		var cs []analysis.QuestionScores
		for _, name := range slices.Sorted(maps.Keys(g.competitors)) {
			sc := g.competitors[name]
			cs = append(cs, analysis.PerQuestion(name, sc.questions, sc.scores))
			if !slices.Contains(all, name) {
				all = append(all, name)
			}
		}
		cg := &reports.CompareGroup{Key: g.key, Questions: len(g.questionIDs), Forecasts: g.forecasts}
		gopts := popts
		if o.baseline != "" {
			if _, ok := g.competitors[o.baseline]; ok {
				gopts.Baseline = o.baseline
				found = true
			} else {
				cg.Warnings = append(cg.Warnings, analysis.Warning{Code: analysis.WarnBaseline, Message: fmt.Sprintf(
					"the baseline %s made no forecast here: no scaled relative skills", o.baseline)})
			}
		}
		cg.Result = analysis.Pairwise(cs, gopts)
		out.Groups = append(out.Groups, cg)
	}
	if o.baseline != "" && !found {
		slices.Sort(all)
		return nil, usageErrorf("--baseline %q is not a value of --by %s; the values are %s", o.baseline, strings.Join(o.input.by, ","), strings.Join(all, ", "))
	}
	out.Options = analysis.PairwiseOptions{
		Permutations: o.permutations, ExactMax: analysis.DefaultExactMax, Bootstrap: o.bootstrap,
		Level: o.level, MinShared: o.minShared, Baseline: o.baseline, Seed: o.seed,
	}
	return out, nil
}

// recordField returns the value of a --by, --question or --within field of
// a record: the question text, any field --by accepts, or a tag.
func recordField(r *forecasts.Record, field string) (string, bool) {
	switch field {
	case "question":
		return r.Question, true
	case "id":
		return r.ID, true
	}
	return recordKey(r, field)
}

// loadRecords collects the scored records of the datasets.
func (o *compareOptions) loadRecords(col *compareCollector, ds []*forecasts.Dataset) error {
	tagKeys := map[string]bool{}
	for _, d := range ds {
		for _, r := range d.Records {
			for _, t := range r.Tags {
				tagKeys[t.Key] = true
			}
		}
	}
	fields := append([]string{"question", "id"}, recordFields...)
	for _, flag := range []struct {
		name string
		cols []string
	}{{"--by", o.input.by}, {"--question", o.question}, {"--within", o.within}} {
		for _, c := range flag.cols {
			if !slices.Contains(fields, c) && !tagKeys[c] {
				return usageErrorf("%s %q: not a record field or tag; fields: %s; %s",
					flag.name, c, strings.Join(fields, ", "), tagsNamed(slices.Sorted(maps.Keys(tagKeys))))
			}
		}
	}
	values := func(r *forecasts.Record, cols []string) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			v, ok := recordField(r, c)
			if !ok {
				v = "(none)"
			}
			out[i] = v
		}
		return out
	}
	question := o.question
	if len(question) == 0 {
		question = []string{"question"}
	}
	scales, cw := forecasts.BuiltinScales(), forecasts.BuiltinCrosswalk()
	selection := map[string]forecasts.Selection{}
	excluded := map[string]int{}
	var missing, unconfirmed []string
	for _, d := range ds {
		for _, r := range d.Records {
			if !r.Outcome.Scored() {
				excluded[string(r.Outcome)]++
				continue
			}
			coding := cw.Recode(r, scales, o.input.scale)
			if coding.Missing {
				missing = append(missing, r.ID)
			}
			if r.Statement.Wording == forecasts.Unconfirmed {
				unconfirmed = append(unconfirmed, r.ID)
			}
			selection[d.Name] = d.Selection
			p := coding.Event.Read(forecasts.Reading(o.input.reading))
			col.add(values(r, o.within), strings.Join(values(r, o.input.by), "/"),
				strings.Join(values(r, question), "\x00"), p, r.Outcome == forecasts.Yes)
		}
	}
	col.warnings = append(col.warnings, selectionWarnings(selection, compareSelection)...)
	if n := sumCounts(excluded); n > 0 {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(excluded)) {
			parts = append(parts, fmt.Sprintf("%d %s", excluded[k], k))
		}
		col.warnings = append(col.warnings, analysis.Warning{Code: warnExcluded, Message: fmt.Sprintf(
			"%d record%s not compared (%s): an unresolved or ambiguous outcome cannot be scored", n, plural(n, "", "s"), strings.Join(parts, ", "))})
	}
	if len(missing) > 0 {
		col.warnings = append(col.warnings, analysis.Warning{Code: warnNoCounterpart, Message: fmt.Sprintf(
			"%s has no term at the level of the coded term of %s, which are scored as coded on their own scales", o.input.scale, strings.Join(missing, ", "))})
	}
	if len(unconfirmed) > 0 {
		col.warnings = append(col.warnings, analysis.Warning{Code: warnUnconfirmed, Message: fmt.Sprintf(
			"the wording of %s is unconfirmed: the judgment may not have been made in these terms", strings.Join(unconfirmed, ", "))})
	}
	return nil
}

// loadTables reads flat tables row by row: each row is one forecast.
func (o *compareOptions) loadTables(s *streams, col *compareCollector, names []string) error {
	var cols []string
	for _, c := range slices.Concat(o.input.by, o.question, o.within) {
		if !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	var errs forecasts.ErrorList
	var skipped int64
	var fractional []string
	for _, name := range names {
		format, err := o.input.tableFormat(name)
		if err != nil {
			return err
		}
		opt := forecasts.TableOptions{
			Format: format, Probability: o.input.probCol, Outcome: o.input.outcome,
			Groups: cols, Percent: o.input.percent,
		}
		r := s.in
		var size int64 = -1
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return openError(name, err)
			}
			defer f.Close()
			if info, err := f.Stat(); err == nil {
				size = info.Size()
			}
			r = f
		}
		var rows atomic.Int64
		var prog *progress
		if s.errTerminal && !o.input.quiet {
			prog = newProgress(s.err, name, size, &rows)
			opt.Progress = prog.update
		}
		stats, err := forecasts.ReadTableRows(name, r, opt, func(row forecasts.TableRow) error {
			rows.Add(1)
			get := func(cs []string) []string {
				out := make([]string, len(cs))
				for i, c := range cs {
					out[i], _ = row.Value(c)
				}
				return out
			}
			col.add(get(o.within), strings.Join(get(o.input.by), "/"), strings.Join(get(o.question), "\x00"), row.P, row.Outcome)
			return nil
		})
		if prog != nil {
			prog.done()
		}
		if ok, err := tableProblems(&errs, name, format, stats, err); err != nil {
			return err
		} else if !ok {
			continue
		}
		skipped += stats.Skipped
		if stats.LooksFractional() {
			fractional = append(fractional, name)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	col.warnings = append(col.warnings, skippedRows(skipped)...)
	col.warnings = append(col.warnings, percentFractions(fractional)...)
	return nil
}
