package evaluate

import (
	"math"
	"slices"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// cpcTable is the four CPC cases: P(event) 0.93 no; 0.07, 0.225 and 0.25 yes.
func cpcTable() analysis.Table {
	return analysis.TableOf([]float64{0.93, 0.07, 0.25, 0.225}, []bool{false, true, true, true}, nil)
}

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

func TestReliabilitySteps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table analysis.Table
		want  []Point
	}{
		// Sorted, the outcomes are 1, 1, 1, 0 at 0.07, 0.225, 0.25, 0.93:
		// PAV pools 0.25 with 0.93 (1/2), then 0.225 with them (2/3), then
		// 0.07 (3/4), so the line is flat at 75% from 7% to 93%.
		{"cpc", cpcTable(), []Point{{X: 0.07, Y: 0.75}, {X: 0.93, Y: 0.75}}},
		// 0.1 no, 0.2 no, 0.3 yes, 0.4 no, then yes from 0.5 to 0.99: PAV
		// pools 0.3 and 0.4 (1/2); the line is 0 to 0.2, steps up to 1/2 at
		// 0.3, up to 1 at 0.5 and stays there.
		{"red team", analysis.TableOf(
			[]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99},
			[]bool{false, false, true, false, true, true, true, true, true, true}, nil),
			[]Point{{X: 0.1, Y: 0}, {X: 0.3, Y: 0}, {X: 0.3, Y: 0.5}, {X: 0.5, Y: 0.5}, {X: 0.5, Y: 1}, {X: 0.99, Y: 1}}},
		// One value: one point.
		{"one value", analysis.TableOf([]float64{0.3, 0.3}, []bool{true, false}, nil), []Point{{X: 0.3, Y: 0.5}}},
	} {
		d, err := Reliability([]ForecastGroup{{Table: tc.table}}, ReliabilityOptions{Replicates: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Groups[0].Steps; !slices.Equal(got, tc.want) {
			t.Errorf("%s: steps %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSharpnessHistogram checks the CPC histogram of 20 bins of 5 points:
// 0.07 falls in [5, 10%), bin 1; 0.225 in [20, 25%), bin 4; 0.25 in
// [25, 30%), bin 5; 0.93 in [90, 95%), bin 18. The mean distance from 50%
// is (0.43 + 0.43 + 0.275 + 0.25)/4 = 0.34625.
func TestSharpnessHistogram(t *testing.T) {
	d, err := Sharpness([]ForecastGroup{{Table: cpcTable()}}, 20)
	if err != nil {
		t.Fatal(err)
	}
	h := d.Groups[0]
	want := make([]float64, 20)
	want[1], want[4], want[5], want[18] = 1, 1, 1, 1
	if !slices.Equal(h.Counts, want) {
		t.Errorf("counts %v, want %v", h.Counts, want)
	}
	if math.Abs(h.Distance-0.34625) > 1e-12 {
		t.Errorf("distance from 50%% %v, want 0.34625", h.Distance)
	}
}
