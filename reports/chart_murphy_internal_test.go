package reports

import (
	"math"
	"slices"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// TestMurphyPoints checks the plotted curve of the four CPC cases by
// hand. At θ the decision maker acts on a forecast above θ: a yes with
// p ≤ θ costs 1 − θ, a no with p > θ costs θ, and the curve is the mean
// over the four forecasts (0.93 no; 0.07, 0.225, 0.25 yes).
func TestMurphyPoints(t *testing.T) {
	theta, score := murphyPoints(cpcTable(), 200)
	at := func(th float64) float64 {
		i := slices.Index(theta, th)
		if i < 0 {
			t.Fatalf("θ = %v is not on the curve", th)
		}
		return score[i]
	}
	for _, tc := range []struct {
		theta, want float64
		why         string
	}{
		// 0.07 ≤ θ costs 0.9; 0.93 > θ costs 0.1: (0.9 + 0.1)/4.
		{0.1, 0.25, "(0.9 + 0.1)/4"},
		// Just below 0.225: 0.07 costs 0.775, 0.93 costs 0.225.
		{math.Nextafter(0.225, 0), 0.25, "(0.775 + 0.225)/4"},
		// At 0.225 the case forecast 0.225 is no longer acted on: + 0.775.
		{0.225, 0.44375, "(0.775 + 0.775 + 0.225)/4"},
		// At 0.5: three yes at or below cost 0.5 each, the no above 0.5.
		{0.5, 0.5, "(3 × 0.5 + 0.5)/4"},
		// At the ends nothing is lost: acting on everything costs θ ≈ 0
		// per no, acting on nothing 1 − θ ≈ 0 per yes.
		{math.Nextafter(0, 1), 0, "0.93 > θ costs θ ≈ 0"},
		{math.Nextafter(1, 0), 0, "3 yes cost 1 − θ ≈ 0"},
		// Above 0.93 nothing is acted on: three yes cost 0.05 each.
		{0.95, 0.0375, "3 × 0.05/4"},
	} {
		if got := at(tc.theta); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("curve at θ = %v: %v, want %s = %v", tc.theta, got, tc.why, tc.want)
		}
	}
	if !slices.IsSorted(theta) || theta[0] <= 0 || theta[len(theta)-1] >= 1 {
		t.Errorf("θ runs from %v to %v, unsorted or outside (0, 1)", theta[0], theta[len(theta)-1])
	}
	// The ends, 199 grid points, on which the four values fall (all are
	// multiples of 1/200), and the θ just below each.
	if len(theta) != 2+199+4 {
		t.Errorf("%d values of θ, want 205", len(theta))
	}
}

// TestMurphyArea checks that the plotted curve is exact: the curve is
// linear between its points, so the trapezoids under it, with its ends at
// θ = 0 and 1 (where it is 0), add up to half the Brier score, for the
// four CPC cases (0.723106/2) and a simulated table.
func TestMurphyArea(t *testing.T) {
	var sim analysis.Tally
	for p, yes := range analysis.Simulate(analysis.Simulation{N: 5000, Alpha: 2, Beta: 3, Decimals: 3, Seed: 4}) {
		sim.Add(min(max(p, 0.001), 0.999), yes) // no forecast of 0 or 1, where the curve jumps at an end
	}
	for name, table := range map[string]analysis.Table{"cpc": cpcTable(), "simulated": sim.Table()} {
		theta, score := murphyPoints(table, 200)
		theta = append(append([]float64{0}, theta...), 1)
		score = append(append([]float64{0}, score...), 0)
		var area float64
		for i := 1; i < len(theta); i++ {
			area += (theta[i] - theta[i-1]) * (score[i] + score[i-1]) / 2
		}
		if b := analysis.Brier(table); math.Abs(2*area-b) > 1e-9 {
			t.Errorf("%s: twice the area under the curve %v, Brier score %v", name, 2*area, b)
		}
	}
}
