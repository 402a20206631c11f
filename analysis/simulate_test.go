package analysis_test

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

func TestLogisticCurve(t *testing.T) {
	for _, c := range []struct {
		a, b, p, want float64
	}{
		{0, 1, 0.25, 0.25},                    // identity: σ(logit p) = p
		{0, 0.5, 0.8, 2.0 / 3},                // σ(½ ln 4) = σ(ln 2) = 2/(2 + 1)
		{math.Log(2), 1, 0.5, 2.0 / 3},        // σ(ln 2 + 0)
		{0, 2, 1, 1},                          // certain stays certain
		{0, -1, 1, 0},                         // … or flips with a negative slope
		{0.3, 0, 0, 1 / (1 + math.Exp(-0.3))}, // b = 0: σ(a) everywhere
	} {
		if got := analysis.LogisticCurve(c.a, c.b)(c.p); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("LogisticCurve(%v, %v)(%v) = %v, want %v", c.a, c.b, c.p, got, c.want)
		}
	}
}

func TestSimulateReproducibleAndRounded(t *testing.T) {
	sim := analysis.Simulation{N: 1000, Alpha: 0.7, Beta: 1.5, Decimals: 2, Truth: analysis.LogisticCurve(0, 0.8), Seed: 9}
	var first []record
	for p, yes := range analysis.Simulate(sim) {
		first = append(first, record{p, yes})
		if p < 0 || p > 1 || math.Round(p*100)/100 != p {
			t.Fatalf("forecast %v is not a two-decimal probability", p)
		}
	}
	i := 0
	for p, yes := range analysis.Simulate(sim) {
		if first[i] != (record{p, yes}) {
			t.Fatalf("second run differs at %d", i)
		}
		i++
	}
	if i != sim.N {
		t.Errorf("%d forecasts, want %d", i, sim.N)
	}
	n := 0
	for range analysis.Simulate(sim) {
		if n++; n == 5 {
			break
		}
	}
}

// TestSimulateRecoversCalibration draws 200,000 forecasts from Beta(2, 5)
// and checks that the logistic fit recovers the curve they were drawn
// with, within four of its standard errors, and the base rate of a
// calibrated forecaster, E[p] = 2/7, within four binomial standard errors.
func TestSimulateRecoversCalibration(t *testing.T) {
	for _, c := range []struct{ a, b float64 }{{0, 1}, {0, 0.6}, {0.4, 1.3}} {
		var ta analysis.Tally
		for p, yes := range analysis.Simulate(analysis.Simulation{
			N: 200000, Alpha: 2, Beta: 5, Decimals: 3, Truth: analysis.LogisticCurve(c.a, c.b), Seed: 12,
		}) {
			ta.Add(p, yes)
		}
		tb := ta.Table()
		fit := analysis.Logistic(tb, 0.001)
		if !fit.Converged || math.Abs(fit.Slope-c.b) > 4*fit.SlopeSE || math.Abs(fit.Intercept-c.a) > 4*fit.InterceptSE {
			t.Errorf("drawn with a = %v, b = %v: fitted %+v", c.a, c.b, fit)
		}
		if c == (struct{ a, b float64 }{0, 1}) {
			if br := analysis.BaseRate(tb); math.Abs(br-2.0/7) > 4*math.Sqrt(2.0/7*5/7/200000) {
				t.Errorf("calibrated base rate %v, want about 2/7", br)
			}
		}
	}
}

// TestSimulateManyDecimals: 10^Decimals overflows float64 beyond 308
// decimals, and p·(+Inf)/(+Inf) made every forecast NaN. Rounding to 400
// decimals moves p by at most ½·10⁻⁴⁰⁰, far less than half the smallest gap
// between float64s (2⁻¹⁰⁷⁴ ≈ 4.9e-324), so it must leave every forecast as
// it is: the same sequence as no rounding.
func TestSimulateManyDecimals(t *testing.T) {
	sim := analysis.Simulation{N: 1000, Seed: 4}
	var plain []record
	for p, yes := range analysis.Simulate(sim) {
		plain = append(plain, record{p, yes})
	}
	sim.Decimals = 400
	i := 0
	for p, yes := range analysis.Simulate(sim) {
		if (record{p, yes}) != plain[i] {
			t.Fatalf("forecast %d with 400 decimals: %v, %v; want %v, %v", i, p, yes, plain[i].p, plain[i].yes)
		}
		i++
	}
}
