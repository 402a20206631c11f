package evaluate_test

import (
	"math"
	"slices"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The reference curves of a Murphy diagram on the four CPC assessments
// (3 of 4 events happened, base rate 0.75). A constant forecast p on
// outcomes with base rate ȳ costs, at threshold θ,
//
//	θ < p:  act, and lose θ on each non-event:      (1 − ȳ)·θ
//	θ ≥ p:  do not act, lose 1 − θ on each event:   ȳ·(1 − θ)
//
// always 50%:  θ = 0.3 → 0.25·0.3 = 0.075;  θ = 0.6 → 0.75·0.4 = 0.3
// always 75%:  θ = 0.3 → 0.075;             θ = 0.8 → 0.75·0.2 = 0.15
// Brier: always 50% 0.25; always 75% 0.75·0.25 = 0.1875.
func TestMurphyReferences(t *testing.T) {
	tab := analysis.NewTable([]analysis.Cell{{P: 0.93, N: 1}, {P: 0.07, N: 1, Yes: 1}, {P: 0.25, N: 1, Yes: 1}, {P: 0.225, N: 1, Yes: 1}})
	d, err := evaluate.Murphy([]evaluate.ForecastGroup{{Table: tab}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	g := d.Groups[0]
	at := func(r evaluate.MurphyReference, theta float64) float64 {
		i := slices.Index(r.Theta, theta)
		if i < 0 {
			t.Fatalf("θ = %v is not on the curve of always %v", theta, r.P)
		}
		return r.Score[i]
	}
	for _, tc := range []struct {
		r            evaluate.MurphyReference
		p, brier     float64
		theta, score [2]float64
	}{
		{g.Half, 0.5, 0.25, [2]float64{0.3, 0.6}, [2]float64{0.075, 0.3}},
		{g.BaseRate, 0.75, 0.1875, [2]float64{0.3, 0.8}, [2]float64{0.075, 0.15}},
	} {
		if tc.r.P != tc.p || math.Abs(tc.r.Brier-tc.brier) > 1e-15 {
			t.Errorf("always %v: Brier %v, want always %v with Brier %v", tc.r.P, tc.r.Brier, tc.p, tc.brier)
		}
		for k := range 2 {
			if got := at(tc.r, tc.theta[k]); math.Abs(got-tc.score[k]) > 1e-15 {
				t.Errorf("always %v at θ = %v: %v, want %v", tc.p, tc.theta[k], got, tc.score[k])
			}
		}
	}
}
