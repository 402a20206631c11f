package analysis

import (
	"fmt"
	"math"
	"testing"
)

func catNear(a, b float64) bool { return math.Abs(a-b) <= 1e-12 || a == b }

// Hand calculations of one forecast's scores.
func TestCategoricalScoresByHand(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		// (0.6−1)² + 0.3² + 0.1² = 0.16 + 0.09 + 0.01
		{"Brier, first option happened", MultiBrier([]float64{0.6, 0.3, 0.1}, 0), 0.26},
		// 0.6² + 0.3² + (0.1−1)² = 0.36 + 0.09 + 0.81
		{"Brier, last option happened", MultiBrier([]float64{0.6, 0.3, 0.1}, 2), 1.26},
		// two options: 0.7² + (0.3−1)² = 0.98 = 2 × (0.3 − 1)², twice the binary Brier
		{"Brier, two options", MultiBrier([]float64{0.7, 0.3}, 1), 2 * BrierContribution(0.3, true)},
		{"Brier, certain and wrong", MultiBrier([]float64{1, 0, 0}, 1), 2},
		// −ln 0.6
		{"log", CategoricalLog([]float64{0.6, 0.3, 0.1}, 0, 0), 0.5108256237659907},
		// two options: the binary log score of the option that happened
		{"log, two options", CategoricalLog([]float64{0.7, 0.3}, 1, 0), LogContribution(0.3, true)},
		// clipped: −ln 1e-15
		{"log, clipped", CategoricalLog([]float64{1, 0, 0}, 1, 1e-15), -math.Log(1e-15)},
		// cumulative 0.2, 0.7 against 0, 0: 0.04 + 0.49
		{"RPS, last option", RPS([]float64{0.2, 0.5, 0.3}, 2), 0.53},
		// cumulative 0.2, 0.7 against 1, 1: 0.64 + 0.09
		{"RPS, first option", RPS([]float64{0.2, 0.5, 0.3}, 0), 0.73},
		// cumulative 0.2, 0.7 against 0, 1: 0.04 + 0.09
		{"RPS, middle option", RPS([]float64{0.2, 0.5, 0.3}, 1), 0.13},
		// two options: (0.7 − 0)² = 0.49, the binary Brier of the second option
		{"RPS, two options", RPS([]float64{0.7, 0.3}, 1), BrierContribution(0.3, true)},
		// worst case: certain of the first, the last happened: 1 + 1 + 1 = K − 1
		{"RPS, worst of four", RPS([]float64{1, 0, 0, 0}, 3), 3},
		// uniform of 3: (1/3 − 1)² + 2 (1/3)² = 4/9 + 2/9 = 2/3 = (K−1)/K
		{"Brier of 1/K", MultiBrier(UniformForecast(3), 0), 2.0 / 3},
		// uniform of 3, first option: (1/3 − 1)² + (2/3 − 1)² = 4/9 + 1/9
		{"RPS of 1/K, first", RPS(UniformForecast(3), 0), 5.0 / 9},
		// uniform of 3, middle option: (1/3)² + (2/3 − 1)² = 1/9 + 1/9
		{"RPS of 1/K, middle", RPS(UniformForecast(3), 1), 2.0 / 9},
	} {
		if !catNear(tc.got, tc.want) {
			t.Errorf("%s: %.17g, want %.17g", tc.name, tc.got, tc.want)
		}
	}
}

// Two forecasts, one over ordered options.
//
//	f1: A 0.6, B 0.3, C 0.1, A happened, not ordered: Brier 0.26, log −ln 0.6
//	f2: x 0.2, y 0.5, z 0.3, z happened, ordered:     Brier 0.04 + 0.25 + 0.49 = 0.78,
//	    log −ln 0.3, RPS 0.53 (above), uniform RPS 5/9
//	mean Brier 0.52; uniform 2/3; skill 1 − 0.52 × 3/2 = 0.22
//	mean log (0.5108256237659907 + 1.2039728043259361)/2; uniform ln 3
//	RPS over f2 alone: 0.53; skill 1 − 0.53 × 9/5 = 0.046
func TestSummarizeCategoricalByHand(t *testing.T) {
	fs := []CategoricalForecast{
		{Options: []string{"A", "B", "C"}, P: []float64{0.6, 0.3, 0.1}, Outcome: 0, Cluster: "q1"},
		{Options: []string{"x", "y", "z"}, P: []float64{0.2, 0.5, 0.3}, Outcome: 2, Ordered: true, Cluster: "q2"},
	}
	s := SummarizeCategorical(fs, Options{})
	meanLog := (0.5108256237659907 + 1.2039728043259361) / 2
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"Brier", s.Brier, 0.52}, {"Brier uniform", s.BrierUniform, 2.0 / 3}, {"Brier skill", s.BrierSkill, 0.22},
		{"log", s.Log, meanLog}, {"log uniform", s.LogUniform, math.Log(3)}, {"log skill", s.LogSkill, 1 - meanLog/math.Log(3)},
		{"RPS", s.RPS, 0.53}, {"RPS uniform", s.RPSUniform, 5.0 / 9}, {"RPS skill", s.RPSSkill, 0.046},
	} {
		if !catNear(c.got, c.want) {
			t.Errorf("%s: %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
	if s.N != 2 || s.NOrdered != 1 || s.Clusters != 2 || s.Bootstrap != nil {
		t.Errorf("counts: %+v", s)
	}
}

// The bootstrap of two clusters of one forecast each: a replicate draws
// (1,1), (1,2), (2,1) or (2,2), each with chance 1/4, and its mean
// Brier score is 0.26, 0.52, 0.52 or 0.78. With 1000 replicates about 250
// are 0.26 and 250 are 0.78, so the 2.5% and 97.5% quantiles are those
// two values. Two forecasts of one cluster are always drawn together: the
// interval is the point.
func TestCategoricalBootstrapByHand(t *testing.T) {
	f1 := CategoricalForecast{Options: []string{"A", "B", "C"}, P: []float64{0.6, 0.3, 0.1}, Outcome: 0, Cluster: "q1"}
	f2 := CategoricalForecast{Options: []string{"A", "B", "C"}, P: []float64{0.2, 0.5, 0.3}, Outcome: 2, Cluster: "q2"}
	opts := Options{Replicates: 1000, Level: 0.95, Seed: 1}
	s := SummarizeCategorical([]CategoricalForecast{f1, f2}, opts)
	if b := s.Bootstrap; b == nil || !catNear(b.Lo.Brier, 0.26) || !catNear(b.Hi.Brier, 0.78) || b.Clusters != 2 {
		t.Errorf("two clusters: %+v", s.Bootstrap)
	}
	if !math.IsNaN(s.Bootstrap.Lo.RPS) {
		t.Errorf("RPS interval without ordered forecasts: %g", s.Bootstrap.Lo.RPS)
	}
	f2.Cluster = "q1"
	s = SummarizeCategorical([]CategoricalForecast{f1, f2}, opts)
	if b := s.Bootstrap; !catNear(b.Lo.Brier, 0.52) || !catNear(b.Hi.Brier, 0.52) || b.Clusters != 1 {
		t.Errorf("one cluster: %+v", s.Bootstrap)
	}
	again := SummarizeCategorical([]CategoricalForecast{f1, f2}, opts)
	if fmt.Sprint(*again.Bootstrap) != fmt.Sprint(*s.Bootstrap) {
		t.Errorf("the same seed gave other intervals")
	}
}

// One-vs-rest: each option's (probability, happened) pairs, and all
// stacked.
func TestOneVsRestByHand(t *testing.T) {
	fs := []CategoricalForecast{
		{Options: []string{"A", "B", "C"}, P: []float64{0.6, 0.3, 0.1}, Outcome: 0},
		{Options: []string{"A", "B"}, P: []float64{0.25, 0.75}, Outcome: 1},
	}
	opts, pooled := OneVsRest(fs)
	if len(opts) != 3 || opts[0].Option != "A" || opts[2].Option != "C" {
		t.Fatalf("options: %+v", opts)
	}
	// A: 0.6 happened, 0.25 did not: Brier ((0.6−1)² + 0.25²)/2 = (0.16 + 0.0625)/2
	if s := Summarize(opts[0].Table, Options{}); !catNear(s.Brier, 0.11125) || s.N != 2 || s.Yes != 1 {
		t.Errorf("A: Brier %g, n %g, yes %g", s.Brier, s.N, s.Yes)
	}
	// pooled: 5 rows, 2 yes; Σ (p − y)² = 0.26 + (0.25² + 0.25²) = 0.385 → 0.077
	// (the mean over rows is the mean multi-category Brier × forecasts / rows)
	if s := Summarize(pooled, Options{}); !catNear(s.Brier, 0.077) || s.N != 5 || s.Yes != 2 {
		t.Errorf("pooled: Brier %g, n %g, yes %g", s.Brier, s.N, s.Yes)
	}
}
