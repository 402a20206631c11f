package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Three updates on one question (days 0, 10, 40; the question closes on
// day 100) and one forecast on another, by hand:
//
//	question: 1/3 each; the lone forecast 1
//	time: spans 10, 30, 60 of 100 → 0.1, 0.3, 0.6; the lone forecast 1
//	latest: only day 40, and the lone forecast
func TestUpdateWeights(t *testing.T) {
	us := []runUpdate{
		{run: "A/q1", time: 10, end: 100, hasEnd: true},
		{run: "A/q1", time: 0, end: 100, hasEnd: true},
		{run: "A/q2", time: 5, end: 7, hasEnd: true},
		{run: "A/q1", time: 40, end: 100, hasEnd: true},
	}
	for _, tc := range []struct {
		mode   string
		latest bool
		want   []float64
	}{
		{weightForecast, false, []float64{1, 1, 1, 1}},
		{weightQuestion, false, []float64{1.0 / 3, 1.0 / 3, 1, 1.0 / 3}},
		{weightTime, false, []float64{0.3, 0.1, 1, 0.6}},
		{weightForecast, true, []float64{0, 0, 1, 1}},
	} {
		got := updateWeights(us, tc.mode, tc.latest)
		for i := range got {
			if math.Abs(got[i]-tc.want[i]) > 1e-15 {
				t.Errorf("%s latest=%v: weights %v, want %v", tc.mode, tc.latest, got, tc.want)
				break
			}
		}
	}
	// No end and all on one day: the run's weight is shared equally.
	same := []runUpdate{{run: "r", time: 3}, {run: "r", time: 3}}
	if w := updateWeights(same, weightTime, false); w[0] != 0.5 || w[1] != 0.5 {
		t.Errorf("zero spans: %v, want equal shares", w)
	}
}

// Times given as plain numbers may lie so far apart that their spans, or
// the sum of the spans, overflow: the weights are the same proportions,
// not NaN (which made score panic).
func TestUpdateWeightsHugeTimes(t *testing.T) {
	us := []runUpdate{
		{run: "r", time: -1e308},
		{run: "r", time: 0},
		{run: "r", time: 1e308, end: 1.5e308, hasEnd: true},
	}
	w := updateWeights(us, weightTime, false)
	// Spans 1e308, 1e308, 0.5e308 of 2.5e308.
	for i, want := range []float64{0.4, 0.4, 0.2} {
		if math.Abs(w[i]-want) > 1e-15 {
			t.Fatalf("weights %v, want 0.4, 0.4, 0.2", w)
		}
	}
}

// Through the command: the table that made score --weight time panic.
func TestScoreHugeTimes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "times.csv")
	table := "forecaster,question,probability,outcome,time\nA,q1,0.2,1,-1e308\nA,q1,0.4,1,1e308\nA,q2,0.5,0,0\n"
	if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runHindcast("score", "--data", path, "--by", "forecaster", "--question-col", "question",
		"--time-col", "time", "--weight", "time", "--bootstrap", "0", "--format", "json")
	if code != 0 || !strings.Contains(stdout, `"brier": 0.`) {
		t.Errorf("exit %d\n%s\n%s", code, stderr, stdout)
	}
}

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
func TestScoreRepeatedForecastsTable(t *testing.T) {
	for _, tc := range []struct {
		flag      string
		overall   float64
		a         float64
		nExcluded int
	}{
		{"--weight=forecast", 0.23, 0.225, 1},
		{"--weight=question", 0.61 / 3, 0.18, 1},
		{"--weight=time", (0.19 + 0.09 + 0.25) / 3, 0.14, 1},
		{"--latest", 0.35 / 3, 0.05, 3},
	} {
		out := scoreJSON(t, "--data", "testdata/updates.csv", "--by", "forecaster", "--question-col", "question",
			"--time-col", "date", "--resolved-col", "resolved", "--bootstrap", "0", tc.flag)
		if math.Abs(out.Brier-tc.overall) > 1e-12 || math.Abs(out.Groups[0].Brier-tc.a) > 1e-12 {
			t.Errorf("%s: Brier %.15g, A %.15g; want %.15g, %.15g", tc.flag, out.Brier, out.Groups[0].Brier, tc.overall, tc.a)
		}
	}
	stdout, _, _ := runHindcast("score", "--data", "testdata/updates.csv", "--question-col", "question", "--time-col", "date",
		"--resolved-col", "resolved", "--format", "json", "--bootstrap", "0")
	if !strings.Contains(stdout, `"code": "after-outcome"`) || !strings.Contains(stdout, "line 7") {
		t.Errorf("the forecast made after the outcome is not flagged with its line:\n%s", stdout)
	}
}

// The built-in CIA forecasts: two on the Shah (August and November 1978,
// the same question) and one on the USSR. Weighted by question, the Iran
// pair counts once: n = 0.5 + 0.5 + 1 = 2.
func TestScoreRepeatedForecastsRecords(t *testing.T) {
	out := scoreJSON(t, "--by", "forecaster", "--weight", "question", "--bootstrap", "0")
	found := false
	for _, g := range out.Groups {
		if g.Key["forecaster"] == "CIA" {
			found = true
			if g.N != 2 {
				t.Errorf("CIA weighs %v, want 2", g.N)
			}
		}
	}
	if !found {
		t.Error("no CIA group")
	}
}
