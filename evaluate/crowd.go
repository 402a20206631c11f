package evaluate

import (
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
)

// CrowdResult is the crowd-relative Brier score of `score
// --crowd-relative`, overall and for each group of the input's By: on
// each question, a forecaster's score there (the mean of its forecasts',
// weighted as the input asks) minus the median score of the other
// forecasters on the same question ([analysis.CrowdRelative]).
type CrowdResult struct {
	Overall CrowdGroup
	Groups  []CrowdGroup // in the order of ScoreResult.Groups
}

// CrowdGroup is the crowd-relative score of one group's forecasters.
type CrowdGroup struct {
	Key []string
	// Answers counts the (forecaster, question) pairs that had a crowd:
	// at least one other forecaster on the question. Mean is the mean of
	// their differences, NaN when Answers is 0; below 0 is better than
	// the typical other forecaster.
	Answers     int
	Forecasters int
	Mean        float64
}

// crowdOf computes the crowd-relative Brier score of the input: who
// forecast is the record's forecaster or the table's ForecasterCols, a
// question is the record's question text or the table's QuestionCols. The
// others on a question are every other forecaster, whatever their group;
// a forecaster whose forecasts fall in two groups counts once in each.
// It reads the input once more, row by row.
func crowdOf(in Input, keys [][]string) (*CrowdResult, error) {
	if in.HasTables() && (len(in.ForecasterCols) == 0 || len(in.QuestionCols) == 0) {
		return nil, usagef("--crowd-relative compares each forecaster with the others on the same question: give --forecaster-col and --question-col")
	}
	opts := CompareOptions{Within: in.By}
	in.By = in.ForecasterCols
	if !in.HasTables() {
		in.By = []string{"forecaster"}
	}
	entries, weights, _, _, err := compareEntries(&in, &opts)
	if err != nil {
		return nil, err
	}
	// One competitor per (group, forecaster), on questions numbered across
	// all groups.
	data := &compareData{questionIDs: map[string]int{}, competitors: map[string]*competitorScores{}}
	for i, e := range entries {
		if weights[i] != 0 {
			key := strings.Join(append(slices.Clone(e.within), e.competitor), "\x00")
			data.add(key, e.question, analysis.BrierContribution(e.p, e.yes), weights[i])
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range data.competitors {
			if !yield(k) {
				return
			}
		}
	})
	cs := make([]analysis.QuestionScores, len(names))
	for i, n := range names {
		cs[i] = data.competitors[n].perQuestion(n, in.weighted())
	}
	crowd := analysis.CrowdRelative(cs)

	out := &CrowdResult{}
	sums := map[string]*[3]float64{} // group → answers, forecasters, sum
	overall := [3]float64{}
	for _, c := range crowd {
		if c.Questions == 0 {
			continue
		}
		parts := strings.Split(c.Name, "\x00")
		g := strings.Join(parts[:len(parts)-1], "\x00")
		if sums[g] == nil {
			sums[g] = &[3]float64{}
		}
		for _, s := range []*[3]float64{sums[g], &overall} {
			s[0] += float64(c.Questions)
			s[1]++
			s[2] += c.Sum
		}
	}
	group := func(key []string, s [3]float64) CrowdGroup {
		g := CrowdGroup{Key: key, Answers: int(s[0]), Forecasters: int(s[1]), Mean: math.NaN()}
		if s[0] > 0 {
			g.Mean = s[2] / s[0]
		}
		return g
	}
	out.Overall = group(nil, overall)
	for _, k := range keys {
		var s [3]float64
		if p := sums[strings.Join(k, "\x00")]; p != nil {
			s = *p
		}
		out.Groups = append(out.Groups, group(k, s))
	}
	return out, nil
}
