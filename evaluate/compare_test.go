package evaluate_test

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

func compareOptions() evaluate.CompareOptions {
	return evaluate.CompareOptions{Question: []string{"q"}, Score: "brier",
		Pairwise: analysis.PairwiseOptions{Level: 0.95, MinShared: 1, Seed: 1}}
}

// means returns each competitor's mean score of a one-group comparison.
func means(t *testing.T, in evaluate.Input, opts evaluate.CompareOptions) map[string]float64 {
	t.Helper()
	cmp, err := evaluate.Compare(in, opts)
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	out := map[string]float64{}
	for _, c := range cmp.Groups[0].Result.Competitors {
		out[c.Name] = c.MeanScore
	}
	return out
}

// On main compare ignored --latest, --weight, --time-col and
// --resolved-col and scored u1 at the mean of both its forecasts,
// ((0.9)² + (0.1)²) / 2 = 0.41. u1's latest forecast is 0.1 on an event
// that did not happen: 0.01.
func TestCompareLatest(t *testing.T) {
	path := table(t, "l.csv", "user,q,t,probability,outcome\nu1,q1,2011-09-01,0.9,0\nu1,q1,2011-09-05,0.1,0\nu2,q1,2011-09-02,0.3,0\n")
	in := evaluate.Input{Data: []string{path}, By: []string{"user"}, ForecasterCols: []string{"user"}, TimeCol: "t", Latest: true}
	m := means(t, in, compareOptions())
	if math.Abs(m["u1"]-0.01) > 1e-15 || math.Abs(m["u2"]-0.09) > 1e-15 {
		t.Errorf("means %v, want u1 0.01, u2 0.09", m)
	}
	in.Latest, in.ForecasterCols, in.TimeCol = false, nil, ""
	if m := means(t, in, compareOptions()); math.Abs(m["u1"]-0.41) > 1e-15 {
		t.Errorf("without --latest u1 %v, want 0.41", m["u1"])
	}
}

// --weight time: u1's forecasts stood 4 days (0.9) and 5 days (0.1) before
// the question closed on 10 September: (4·0.81 + 5·0.01) / 9 = 3.29/9.
// A forecast after the close (u2's second) is left out.
func TestCompareWeightTime(t *testing.T) {
	path := table(t, "w.csv", "user,q,t,end,probability,outcome\n"+
		"u1,q1,2011-09-01,2011-09-10,0.9,0\nu1,q1,2011-09-05,2011-09-10,0.1,0\n"+
		"u2,q1,2011-09-02,2011-09-10,0.3,0\nu2,q1,2011-09-11,2011-09-10,1,0\n")
	in := evaluate.Input{Data: []string{path}, By: []string{"user"}, ForecasterCols: []string{"user"}, TimeCol: "t", ResolvedCol: "end", Weight: analysis.WeightTime}
	cmp, err := evaluate.Compare(in, compareOptions())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, c := range cmp.Groups[0].Result.Competitors {
		m[c.Name] = c.MeanScore
	}
	if math.Abs(m["u1"]-3.29/9) > 1e-15 || math.Abs(m["u2"]-0.09) > 1e-15 {
		t.Errorf("means %v, want u1 %v, u2 0.09", m, 3.29/9)
	}
	late := false
	for _, w := range cmp.Warnings {
		late = late || w.Code == evaluate.WarnAfterOutcome
	}
	if !late {
		t.Errorf("the forecast after the close is not flagged: %+v", cmp.Warnings)
	}
}
