package evaluate

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// CompareOptions are the choices of a pairwise comparison.
type CompareOptions struct {
	// Question names the record fields, tags or table columns that name a
	// question; records default to the question text, flat tables to the
	// input's QuestionCols.
	Question []string
	// Within compares separately within each value of these columns.
	Within []string
	// Score is "brier" or "log"; Clip clips the log score's probabilities
	// to [Clip, 1 − Clip].
	Score string
	Clip  float64
	// Pairwise sets the tests, intervals, baseline, MinShared, MinQuestions
	// and Pairs (ExactMax is set here). Pairs "" means all pairs for up to
	// AutoPairsMax competitors, a summary above.
	Pairwise analysis.PairwiseOptions
	// Crowd adds each competitor's crowd-relative score
	// ([analysis.CrowdRelative]): on each question, its score minus the
	// median score of the other competitors there.
	Crowd bool
}

// AutoPairsMax is the most competitors a comparison lists every pair of
// when no --pairs is given: 100 competitors, 4,950 pairs.
const AutoPairsMax = 100

// compareEntry is one forecast as a comparison sees it.
type compareEntry struct {
	within     []string
	competitor string
	question   string
	p          float64
	yes        bool
	update     analysis.Update
}

// Compare compares the competitors (the values of the input's By) pair by
// pair on the questions both answered. Repeated forecasts by one
// forecaster on one question are weighted as the input asks (the record's
// forecaster, or a table's ForecasterCols, by default the competitor);
// a competitor's score on a question is the weighted mean of its
// forecasts' scores there.
func Compare(in Input, opts CompareOptions) (*CompareResult, error) {
	if err := checkCompare(&in, opts); err != nil {
		return nil, err
	}
	rule := analysis.BrierContribution
	clip := 0.0
	if opts.Score == "log" {
		clip = opts.Clip
		rule = analysis.ClippedLog(clip)
	}
	entries, weights, warnings, inputs, err := compareEntries(&in, &opts)
	if err != nil {
		return nil, err
	}
	groups := map[string]*compareData{}
	total, wrongCertain := 0, 0
	for i, e := range entries {
		if weights[i] == 0 {
			continue
		}
		id := strings.Join(e.within, "\x00")
		g := groups[id]
		if g == nil {
			g = &compareData{key: slices.Clone(e.within), questionIDs: map[string]int{}, competitors: map[string]*competitorScores{}}
			groups[id] = g
		}
		g.add(e.competitor, e.question, rule(e.p, e.yes), weights[i])
		total++
		if (e.p == 0 && e.yes) || (e.p == 1 && !e.yes) {
			wrongCertain++
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("no forecasts to compare")
	}
	if opts.Score == "log" && wrongCertain > 0 {
		warnings = append(warnings, analysis.Warning{Code: analysis.WarnInfiniteLogScore, Message: fmt.Sprintf(
			"%d forecast%s of 0 or 1 went the other way: %s log score is clipped at −ln(%g) = %.1f instead of infinite, and weighs heavily in any comparison",
			wrongCertain, plural(wrongCertain, "", "s"), plural(wrongCertain, "its", "their"), clip, -math.Log(clip))})
	}
	out, err := pairwise(in, opts, groups, warnings, in.weighted())
	if err != nil {
		return nil, err
	}
	out.LogClip = clip
	p := opts.Pairwise
	out.Provenance = in.provenanceOf(inputs,
		provenance.Option{Key: "question", Value: strings.Join(out.Question, ",")}, provenance.Option{Key: "within", Value: strings.Join(opts.Within, ",")},
		provenance.Option{Key: "score", Value: opts.Score}, floatOption("clip", clip), intOption("permutations", p.Permutations),
		intOption("bootstrap", p.Bootstrap), floatOption("level", p.Level), intOption("min-shared", p.MinShared), intOption("min-questions", p.MinQuestions),
		provenance.Option{Key: "pairs", Value: p.Pairs}, boolOption("crowd-relative", opts.Crowd),
		provenance.Option{Key: "seed", Value: strconv.FormatUint(p.Seed, 10)}, provenance.Option{Key: "baseline", Value: p.Baseline})
	return out, nil
}

// compareEntries reads the forecasts a comparison sees, one entry each,
// with the weight each gets (0: left out by --latest or --weight time), the
// warnings about them and the inputs read. opts.Question defaults to the
// input's QuestionCols for flat tables.
func compareEntries(in *Input, opts *CompareOptions) ([]compareEntry, []float64, []analysis.Warning, []provenance.Input, error) {
	var entries []compareEntry
	var warnings []analysis.Warning
	var inputs []provenance.Input
	var err error
	if in.HasTables() {
		if len(opts.Question) == 0 { // --question-col names the same columns for --weight and --latest
			opts.Question = in.QuestionCols
		}
		_, tables := in.Split()
		if len(opts.Question) == 0 {
			return nil, nil, nil, nil, usagef("--question: name the columns that identify a question in %s (for example forecast_date,event_threshold)", tables[0])
		}
		entries, warnings, inputs, err = compareTables(in, *opts, tables)
	} else {
		var ds []*forecasts.Dataset
		if ds, err = in.Datasets(""); err == nil {
			entries, warnings, err = compareRecords(in, *opts, ds)
		}
		if err == nil {
			inputs, err = datasetInputs(ds)
		}
	}
	if err != nil {
		return nil, nil, nil, nil, err
	}
	weights := make([]float64, len(entries))
	for i := range weights {
		weights[i] = 1
	}
	if in.weighted() {
		us := make([]analysis.Update, len(entries))
		for i, e := range entries {
			us[i] = e.update
		}
		weights = analysis.UpdateWeights(us, in.weighting(), in.Latest)
		if n := len(weights) - countNonZero(weights); n > 0 {
			why := "they stood no time before the next forecast or the question's end (--weight time)"
			if in.Latest {
				why = "each was followed by a later one by the same forecaster on the same question (--latest)"
			}
			warnings = append(warnings, analysis.Warning{Code: WarnExcluded, Message: fmt.Sprintf(
				"%d forecast%s not compared: %s", n, plural(n, "", "s"), why)})
		}
	}
	return entries, weights, warnings, inputs, nil
}

func countNonZero(ws []float64) int {
	n := 0
	for _, w := range ws {
		if w != 0 {
			n++
		}
	}
	return n
}

func checkCompare(in *Input, opts CompareOptions) error {
	if len(in.By) == 0 {
		return usagef("give --by: the field or column that names a competitor (forecaster, say)")
	}
	for _, c := range slices.Concat(opts.Question, opts.Within) {
		if strings.TrimSpace(c) == "" {
			return usagef("--question and --within: empty column name")
		}
	}
	if len(opts.Question) > 0 && len(in.QuestionCols) > 0 && !slices.Equal(opts.Question, in.QuestionCols) {
		return usagef("--question %s and --question-col %s: compare's questions are the runs of updates too; give one of them",
			strings.Join(opts.Question, ","), strings.Join(in.QuestionCols, ","))
	}
	if in.HasTables() {
		if err := in.checkValueColumns(flagColumns{"--question", opts.Question}, flagColumns{"--within", opts.Within}); err != nil {
			return err
		}
	}
	p := opts.Pairwise
	switch {
	case opts.Score != "brier" && opts.Score != "log":
		return usagef("--score %q: use brier or log", opts.Score)
	case opts.Score == "log" && !(opts.Clip > 0 && opts.Clip < 0.5):
		return usagef("--clip %g: use a small positive number such as 1e-15 (an unclipped log score can be infinite, and so can a difference)", opts.Clip)
	case p.Permutations < 0:
		return usagef("--permutations %d: use 0 or more", p.Permutations)
	case p.Bootstrap < 0:
		return usagef("--bootstrap %d: use 0 (none) or a number of replicates", p.Bootstrap)
	case !(p.Level > 0 && p.Level < 1):
		return usagef("--level %g: use a coverage between 0 and 1, such as 0.95", p.Level)
	case p.MinShared < 1:
		return usagef("--min-shared %d: use 1 or more", p.MinShared)
	case p.MinQuestions < 0:
		return usagef("--min-questions %d: use 0 (none) or more", p.MinQuestions)
	case p.Pairs != "" && p.Pairs != analysis.PairsAll && p.Pairs != analysis.PairsSummary && p.Pairs != analysis.PairsNone:
		return usagef("--pairs %q: use all, summary or none", p.Pairs)
	case in.Counts:
		return usagef("--counts: a comparison needs each forecast with its question, not counts")
	case in.WeightCol != "":
		return usagef("--weight-col: compare weighs every question the same; weights are not used")
	}
	return in.Check()
}

// compareData is one comparison's forecasts: question ids in order of
// first appearance, and each competitor's (question, score, weight) lists.
type compareData struct {
	key         []string
	questionIDs map[string]int
	competitors map[string]*competitorScores
	forecasts   int
}

type competitorScores struct {
	questions []int
	scores    []float64
	weights   []float64
}

func (g *compareData) add(competitor, question string, score, weight float64) {
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
	cs.scores = append(cs.scores, score)
	cs.weights = append(cs.weights, weight)
	g.forecasts++
}

// perQuestion returns the competitor's score on each question: the mean
// of its forecasts' scores there, weighted when weighted is true.
func (cs *competitorScores) perQuestion(name string, weighted bool) analysis.QuestionScores {
	if !weighted {
		return analysis.PerQuestion(name, cs.questions, cs.scores)
	}
	sum, wsum := map[int]float64{}, map[int]float64{}
	for k, q := range cs.questions {
		sum[q] += cs.weights[k] * cs.scores[k]
		wsum[q] += cs.weights[k]
	}
	qs := slices.Sorted(maps.Keys(sum))
	means := make([]float64, len(qs))
	for i, q := range qs {
		means[i] = sum[q] / wsum[q]
	}
	out := analysis.PerQuestion(name, qs, means)
	out.Forecasts = len(cs.scores)
	return out
}

// pairwise runs the pairwise comparison of every group.
func pairwise(in Input, opts CompareOptions, groups map[string]*compareData, warnings []analysis.Warning, weighted bool) (*CompareResult, error) {
	popts := opts.Pairwise
	baseline := popts.Baseline
	popts.Baseline = ""
	question := opts.Question
	if len(question) == 0 {
		question = []string{"question"}
	}
	out := &CompareResult{By: in.By, Question: question, Within: opts.Within, Score: opts.Score, Warnings: warnings}
	found := false
	var all []string
	for _, id := range slices.Sorted(maps.Keys(groups)) {
		g := groups[id]
		var cs []analysis.QuestionScores
		for _, name := range slices.Sorted(maps.Keys(g.competitors)) {
			cs = append(cs, g.competitors[name].perQuestion(name, weighted))
			if !slices.Contains(all, name) {
				all = append(all, name)
			}
		}
		cg := &CompareGroup{Key: g.key, Questions: len(g.questionIDs), Forecasts: g.forecasts}
		gopts := popts
		if gopts.Pairs == "" && len(cs) > AutoPairsMax {
			gopts.Pairs = analysis.PairsSummary
		}
		if baseline != "" {
			if _, ok := g.competitors[baseline]; ok {
				gopts.Baseline = baseline
				found = true
			} else {
				cg.Warnings = append(cg.Warnings, analysis.Warning{Code: analysis.WarnBaseline, Message: fmt.Sprintf(
					"the baseline %s made no forecast here: no scaled relative skills", baseline)})
			}
		}
		cg.Result = analysis.Pairwise(cs, gopts)
		if opts.Crowd {
			cg.Crowd = analysis.CrowdRelative(cs)
		}
		cg.Rank()
		out.Groups = append(out.Groups, cg)
	}
	if baseline != "" && !found {
		slices.Sort(all)
		return nil, usagef("--baseline %q is not a value of --by %s; the values are %s", baseline, strings.Join(in.By, ","), strings.Join(all, ", "))
	}
	out.Options = opts.Pairwise
	out.Options.ExactMax = analysis.DefaultExactMax
	return out, nil
}

// compareRecords collects the scored records of the datasets.
func compareRecords(in *Input, opts CompareOptions, ds []*forecasts.Dataset) ([]compareEntry, []analysis.Warning, error) {
	if err := checkRecordColumns(ds, []string{"question", "id"},
		flagColumns{"--by", in.By}, flagColumns{"--question", opts.Question}, flagColumns{"--within", opts.Within}); err != nil {
		return nil, nil, err
	}
	question := opts.Question
	if len(question) == 0 {
		question = []string{"question"}
	}
	excluded := map[string]int{}
	cs, missing, unconfirmed := in.codeRecords(ds, func(r *forecasts.Record) { excluded[string(r.Outcome)]++ })
	if in.weighting() == analysis.WeightTime && !in.Latest {
		if err := recordsWithoutEnd(cs); err != nil {
			return nil, nil, err
		}
	}
	selection := map[string]forecasts.Selection{}
	entries := make([]compareEntry, len(cs))
	for i, c := range cs {
		r := c.Record
		selection[c.dataset.Name] = c.dataset.Selection
		q := strings.Join(recordValues(r, question), "\x00")
		u := c.update
		u.Run = r.Forecaster + "\x00" + q
		entries[i] = compareEntry{within: recordValues(r, opts.Within), competitor: strings.Join(recordValues(r, in.By), "/"),
			question: q, p: c.P, yes: r.Outcome == forecasts.Yes, update: u}
	}
	warnings := selectionWarnings(selection, compareSelection)
	if !slices.Contains(opts.Within, "dataset") {
		warnings = append(warnings, mixedWarning(selection, "--within dataset (or --dataset NAME)")...)
	}
	if n := sumCounts(excluded); n > 0 {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(excluded)) {
			parts = append(parts, fmt.Sprintf("%d %s", excluded[k], k))
		}
		warnings = append(warnings, analysis.Warning{Code: WarnExcluded, Message: fmt.Sprintf(
			"%d record%s not compared (%s): an unresolved or ambiguous outcome cannot be scored", n, plural(n, "", "s"), strings.Join(parts, ", "))})
	}
	warnings = append(warnings, codingWarnings(in.Scale, missing, unconfirmed)...)
	return entries, warnings, nil
}

// compareTables reads flat tables row by row: each row is one forecast.
func compareTables(in *Input, opts CompareOptions, names []string) ([]compareEntry, []analysis.Warning, []provenance.Input, error) {
	var cols []string
	for _, c := range slices.Concat(in.By, opts.Question, opts.Within) {
		if !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	forecaster := in.ForecasterCols
	if in.weighted() || in.ResolvedCol != "" {
		// The runs of updates are on compare's questions.
		if err := in.checkTableUpdates(forecaster, opts.Question); err != nil {
			return nil, nil, nil, err
		}
	}
	opt := in.tableOptions()
	opt.Groups = cols
	rows, tr, err := in.readRows(names, opt, cols, forecaster, opts.Question)
	if err != nil {
		return nil, nil, nil, err
	}
	var late []string
	var entries []compareEntry
	pick := func(vals []string, names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = vals[slices.Index(cols, n)]
		}
		return out
	}
	for _, u := range rows {
		if u.late {
			late = append(late, strconv.Itoa(u.line))
			continue
		}
		entries = append(entries, compareEntry{
			within: pick(u.cols, opts.Within), competitor: strings.Join(pick(u.cols, in.By), "/"),
			question: strings.Join(pick(u.cols, opts.Question), "\x00"), p: u.p, yes: u.yes, update: u.update,
		})
	}
	var warnings []analysis.Warning
	warnings = append(warnings, afterOutcome(late, in.TimeCol, in.ResolvedCol)...)
	warnings = append(warnings, skippedRows(tr.skipped)...)
	warnings = append(warnings, percentFractions(tr.fractional)...)
	return entries, warnings, tr.inputs, nil
}
