package evaluate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// testdata/updates.csv by hand: forecaster A updates q1 three times
// (0.2 on 1 Jan, 0.6 on 11 Jan, 0.9 on 10 Feb 2024; resolved yes on 1 Mar)
// and forecasts q2 once (0.3, no); B forecasts q1 at 0.5 on 1 Jan and
// again on 1 Apr, after q1 was resolved: that row is left out.
//
//	forecast: (0.64 + 0.16 + 0.01 + 0.09 + 0.25) / 5 = 0.23
//	question: A's q1 rows weigh 1/3 each: q1 mean (0.64 + 0.16 + 0.01)/3 = 0.27,
//	          overall (0.27 + 0.09 + 0.25) / 3 = 0.20333…, A (0.27 + 0.09) / 2 = 0.18
//	time:     A's q1 rows stood 10, 30 and 20 days (2024 is a leap year) of 60:
//	          0.64/6 + 0.16/2 + 0.01/3 = 0.19; A (0.19 + 0.09) / 2 = 0.14
//	latest:   A's last q1 forecast 0.9: 0.01; A (0.01 + 0.09) / 2 = 0.05,
//	          overall (0.01 + 0.09 + 0.25) / 3 = 0.11666…
func TestRepeatedForecastsTable(t *testing.T) {
	for _, tc := range []struct {
		weight  analysis.Weighting
		latest  bool
		overall float64
		a       float64
	}{
		{analysis.WeightForecast, false, 0.23, 0.225},
		{analysis.WeightQuestion, false, 0.61 / 3, 0.18},
		{analysis.WeightTime, false, (0.19 + 0.09 + 0.25) / 3, 0.14},
		{analysis.WeightForecast, true, 0.35 / 3, 0.05},
	} {
		f, overall, groups := score(t, evaluate.Input{
			Data: []string{"testdata/updates.csv"}, By: []string{"forecaster"}, ForecasterCols: []string{"forecaster"},
			QuestionCols: []string{"question"}, TimeCol: "date", ResolvedCol: "resolved", Weight: tc.weight, Latest: tc.latest,
		})
		if math.Abs(overall-tc.overall) > 1e-12 || math.Abs(groups["A"]-tc.a) > 1e-12 {
			t.Errorf("%s latest=%v: Brier %.15g, A %.15g; want %.15g, %.15g", tc.weight, tc.latest, overall, groups["A"], tc.overall, tc.a)
		}
		var late bool
		for _, w := range f.Overall.Warnings {
			late = late || w.Code == evaluate.WarnAfterOutcome && strings.Contains(w.Message, "line 7")
		}
		if !late {
			t.Errorf("%s: the forecast made after the outcome is not flagged with its line: %+v", tc.weight, f.Overall.Warnings)
		}
	}
}

// The built-in CIA forecasts: two on the Shah (August and November 1978,
// the same question) and one on the USSR. Weighted by question, the Iran
// pair counts once: n = 0.5 + 0.5 + 1 = 2.
func TestRepeatedForecastsRecords(t *testing.T) {
	f, err := evaluate.Load(evaluate.Input{By: []string{"forecaster"}, Weight: analysis.WeightQuestion})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range f.Groups {
		if g.Key[0] == "CIA" {
			if n := g.Tally.Table().N(); n != 2 {
				t.Errorf("CIA weighs %v, want 2", n)
			}
			return
		}
	}
	t.Error("no CIA group")
}

// Grouping is not who forecast. On main, --by named the forecaster, so
// --latest with --by training kept the last forecast per training group
// and question: one of u1's and u2's forecasts on q1. Each forecaster's
// last forecast is kept: u1 0.9 (yes) and u2 0.6 (yes) in group t,
// u3 0.2 (yes) in group c:
//
//	t: ((0.1)² + (0.4)²) / 2 = 0.085; c: 0.64; overall (0.01 + 0.16 + 0.64) / 3 = 0.27
func TestLatestPerForecasterNotPerGroup(t *testing.T) {
	path := table(t, "t.csv", "user,training,q,t,probability,outcome\n"+
		"u1,t,q1,1,0.3,1\nu1,t,q1,5,0.9,1\nu2,t,q1,2,0.6,1\nu3,c,q1,1,0.2,1\n")
	_, overall, groups := score(t, evaluate.Input{Data: []string{path}, By: []string{"training"}, ForecasterCols: []string{"user"},
		QuestionCols: []string{"q"}, TimeCol: "t", Latest: true})
	if math.Abs(groups["t"]-0.085) > 1e-15 || math.Abs(groups["c"]-0.64) > 1e-15 || math.Abs(overall-0.27) > 1e-15 {
		t.Errorf("t %v, c %v, overall %v; want 0.085, 0.64, 0.27", groups["t"], groups["c"], overall)
	}
	// Without a forecaster column, --latest cannot know whose forecasts
	// follow whose: a usage error, not a guess.
	_, err := evaluate.Load(evaluate.Input{Data: []string{path}, By: []string{"training"}, QuestionCols: []string{"q"}, TimeCol: "t", Latest: true})
	usage(t, err, "--latest without --forecaster-col")
}

// --weight time with no end time gave each question's last forecast weight
// 0 and called it superseded by --latest. Without --resolved-col it is a
// usage error that names what is missing; with it, A's q1 forecasts at
// t = 1 (0.2) and t = 2 (0.9), resolved yes at t = 3, stand 1 and 1:
//
//	A: q1 0.5·0.64 + 0.5·0.01 = 0.325, q2 (0.5, no) 0.25 → A (0.325 + 0.25) / 2 = 0.2875
func TestWeightTimeNeedsAnEnd(t *testing.T) {
	path := table(t, "rep.csv", "who,q,t,probability,outcome,end\nA,q1,1,0.2,1,3\nA,q1,2,0.9,1,3\nA,q2,1,0.5,0,3\nB,q1,1,0.6,1,3\n")
	in := evaluate.Input{Data: []string{path}, By: []string{"who"}, ForecasterCols: []string{"who"}, QuestionCols: []string{"q"}, TimeCol: "t", Weight: analysis.WeightTime}
	_, err := evaluate.Load(in)
	usage(t, err, "--weight time without --resolved-col")
	if err != nil && !strings.Contains(err.Error(), "--resolved-col") {
		t.Errorf("the usage error does not say what is missing: %v", err)
	}
	in.ResolvedCol = "end"
	f, _, groups := score(t, in)
	if math.Abs(groups["A"]-0.2875) > 1e-15 {
		t.Errorf("A %v, want 0.2875", groups["A"])
	}
	for _, g := range f.All() {
		if g.Excluded[evaluate.ExcludedSuperseded] > 0 {
			t.Errorf("group %v: %v called superseded without --latest", g.Key, g.Excluded)
		}
	}
	// A forecast made when its question closed stands no time, and says so.
	path = table(t, "end.csv", "who,q,t,probability,outcome,end\nA,q1,1,0.2,1,3\nA,q1,3,0.9,1,3\n")
	in.Data = []string{path}
	f, err = evaluate.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	if f.Overall.Excluded[evaluate.ExcludedNoTime] != 1 || f.Overall.Excluded[evaluate.ExcludedSuperseded] != 0 {
		t.Errorf("excluded %v, want 1 %q", f.Overall.Excluded, evaluate.ExcludedNoTime)
	}
}

// A table on standard input is read like a file, with or without
// weights: on main, --weight question opened "-" as a file name.
func TestStdinWithWeights(t *testing.T) {
	csv := "who,q,probability,outcome\nA,q1,0.2,1\nA,q1,0.6,1\nB,q1,0.5,0\n"
	for _, w := range analysis.Weightings[:2] {
		in := evaluate.Input{Tables: []string{"-"}, Stdin: strings.NewReader(csv), TableFormat: "csv", By: []string{"who"},
			QuestionCols: []string{"q"}, Weight: w}
		if w != analysis.WeightForecast {
			in.ForecasterCols = []string{"who"}
		}
		_, overall, _ := score(t, in)
		// forecast: (0.64 + 0.16 + 0.25) / 3 = 0.35; question: (0.32 + 0.08 + 0.25) / 2 = 0.325
		want := map[analysis.Weighting]float64{analysis.WeightForecast: 0.35, analysis.WeightQuestion: 0.325}[w]
		if math.Abs(overall-want) > 1e-15 {
			t.Errorf("--weight %s from standard input: Brier %v, want %v", w, overall, want)
		}
	}
}

// Time weighting of records needs each updated question's end.
func TestWeightTimeRecordsWithoutEnd(t *testing.T) {
	dir := t.TempDir()
	ds := dir + "/d.yaml"
	yaml := `dataset:
  name: d
  title: D
  selection: all
records:
  - id: a1
    question: Will it happen?
    forecaster: A
    issued: 2000-01-01
    statement: {text: "likely", wording: verbatim}
    estimate: {probability: 0.7}
    outcome: yes
  - id: a2
    question: Will it happen?
    forecaster: A
    issued: 2000-02-01
    statement: {text: "very likely", wording: verbatim}
    estimate: {probability: 0.9}
    outcome: yes
`
	if err := writeFile(ds, yaml); err != nil {
		t.Fatal(err)
	}
	_, err := evaluate.Load(evaluate.Input{Data: []string{ds}, Weight: analysis.WeightTime})
	list, ok := err.(forecasts.ErrorList)
	if !ok || len(list) != 2 || !strings.Contains(list[0].Error(), "--weight time needs when the question closed") {
		t.Errorf("error %v, want one positioned error per record of the run", err)
	}
}
