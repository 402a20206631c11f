package analysis

import (
	"math"
	"testing"
)

func TestCrowdRelative(t *testing.T) {
	// Three questions (0, 1, 2), four competitors:
	//   a: q0 0.10, q1 0.40, q2 0.30
	//   b: q0 0.20, q1 0.00
	//   c: q0 0.50, q1 0.80
	//   d: q2 0.90
	// q0 (a 0.1, b 0.2, c 0.5): a − median(0.2, 0.5) = 0.1 − 0.35 = −0.25;
	//   b − median(0.1, 0.5) = 0.2 − 0.3 = −0.1; c − median(0.1, 0.2) = 0.5 − 0.15 = 0.35.
	// q1 (a 0.4, b 0, c 0.8): a − 0.4 = 0; b − 0.6 = −0.6; c − 0.2 = 0.6.
	// q2 (a 0.3, d 0.9): a − 0.9 = −0.6; d − 0.3 = 0.6.
	// Means: a (−0.25 + 0 − 0.6)/3 = −0.85/3; b (−0.1 − 0.6)/2 = −0.35;
	//   c (0.35 + 0.6)/2 = 0.475; d 0.6 over one question.
	cs := []QuestionScores{
		{Name: "a", Questions: []int{0, 1, 2}, Scores: []float64{0.1, 0.4, 0.3}},
		{Name: "b", Questions: []int{0, 1}, Scores: []float64{0.2, 0}},
		{Name: "c", Questions: []int{0, 1}, Scores: []float64{0.5, 0.8}},
		{Name: "d", Questions: []int{2}, Scores: []float64{0.9}},
		{Name: "e", Questions: []int{3}, Scores: []float64{0.2}}, // alone on q3: no crowd
	}
	want := []struct {
		q    int
		mean float64
	}{{3, -0.85 / 3}, {2, -0.35}, {2, 0.475}, {1, 0.6}, {0, math.NaN()}}
	got := CrowdRelative(cs)
	for i, w := range want {
		g := got[i]
		if g.Name != cs[i].Name || g.Questions != w.q || !(math.Abs(g.Mean-w.mean) < 1e-15 || math.IsNaN(w.mean) && math.IsNaN(g.Mean)) {
			t.Errorf("%s: got %d questions, mean %v; want %d, %v", cs[i].Name, g.Questions, g.Mean, w.q, w.mean)
		}
	}
}

func TestCrowdRelativeTies(t *testing.T) {
	// Equal scores: each one's others are the two remaining equal ones, so
	// every difference is 0 — whichever copy the search finds.
	cs := []QuestionScores{
		{Name: "a", Questions: []int{0}, Scores: []float64{0.25}},
		{Name: "b", Questions: []int{0}, Scores: []float64{0.25}},
		{Name: "c", Questions: []int{0}, Scores: []float64{0.25}},
	}
	for _, g := range CrowdRelative(cs) {
		if g.Mean != 0 || g.Questions != 1 {
			t.Errorf("%s: %+v, want mean 0 over 1 question", g.Name, g)
		}
	}
}
