package analysis

import (
	"math"
	"testing"
)

// Three updates on one question (days 0, 10, 40; the question closes on
// day 100) and one forecast on another, by hand:
//
//	question: 1/3 each; the lone forecast 1
//	time: spans 10, 30, 60 of 100 → 0.1, 0.3, 0.6; the lone forecast 1
//	latest: only day 40, and the lone forecast
func TestUpdateWeights(t *testing.T) {
	us := []Update{
		{Run: "A/q1", Time: 10, End: 100, HasEnd: true},
		{Run: "A/q1", Time: 0, End: 100, HasEnd: true},
		{Run: "A/q2", Time: 5, End: 7, HasEnd: true},
		{Run: "A/q1", Time: 40, End: 100, HasEnd: true},
	}
	for _, tc := range []struct {
		mode   Weighting
		latest bool
		want   []float64
	}{
		{WeightForecast, false, []float64{1, 1, 1, 1}},
		{WeightQuestion, false, []float64{1.0 / 3, 1.0 / 3, 1, 1.0 / 3}},
		{WeightTime, false, []float64{0.3, 0.1, 1, 0.6}},
		{WeightForecast, true, []float64{0, 0, 1, 1}},
	} {
		got := UpdateWeights(us, tc.mode, tc.latest)
		for i := range got {
			if math.Abs(got[i]-tc.want[i]) > 1e-15 {
				t.Errorf("%s latest=%v: weights %v, want %v", tc.mode, tc.latest, got, tc.want)
				break
			}
		}
	}
	// No end and all on one day: the run's weight is shared equally.
	same := []Update{{Run: "r", Time: 3}, {Run: "r", Time: 3}}
	if w := UpdateWeights(same, WeightTime, false); w[0] != 0.5 || w[1] != 0.5 {
		t.Errorf("zero spans: %v, want equal shares", w)
	}
}

// Times given as plain numbers may lie so far apart that their spans, or
// the sum of the spans, overflow: the weights are the same proportions,
// not NaN.
func TestUpdateWeightsHugeTimes(t *testing.T) {
	us := []Update{
		{Run: "r", Time: -1e308},
		{Run: "r", Time: 0},
		{Run: "r", Time: 1e308, End: 1.5e308, HasEnd: true},
	}
	w := UpdateWeights(us, WeightTime, false)
	// Spans 1e308, 1e308, 0.5e308 of 2.5e308.
	for i, want := range []float64{0.4, 0.4, 0.2} {
		if math.Abs(w[i]-want) > 1e-15 {
			t.Fatalf("weights %v, want 0.4, 0.4, 0.2", w)
		}
	}
}
