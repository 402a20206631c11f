package analysis

import "math"

// YatesDecomposition is the covariance decomposition of the Brier score
// (Yates 1982, Organizational Behavior and Human Performance 30:132–156):
//
//	B = Var(y) + Bias² + MinVar(p) + Scatter(p) − 2 Cov(p, y)
//	Var(y)     = ȳ (1 − ȳ)
//	Bias       = p̄ − ȳ
//	Slope      = p̄₁ − p̄₀          mean forecast when yes minus when no
//	MinVar(p)  = Slope² Var(y)      forecast variance needed for that slope
//	Scatter(p) = (N₁ Var(p | yes) + N₀ Var(p | no)) / N
//	Cov(p, y)  = Slope Var(y)
//
// with population variances (divided by the weight, not weight − 1).
// MinVar + Scatter is the forecast variance Var(p).
type YatesDecomposition struct {
	Brier            float64
	OutcomeVariance  float64 // Var(y)
	Bias             float64 // p̄ − ȳ, calibration-in-the-large; the term is Bias²
	ForecastVariance float64 // Var(p) = MinimumVariance + Scatter
	MinimumVariance  float64 // Slope² Var(y)
	Scatter          float64 // weighted mean within-outcome forecast variance
	Covariance       float64 // Cov(p, y) = Slope Var(y)
	Slope            float64 // p̄₁ − p̄₀; NaN without events or non-events
	MeanForecastYes  float64 // p̄₁, mean forecast followed by the event
	MeanForecastNo   float64 // p̄₀, mean forecast not followed by it
}

// Yates returns the covariance decomposition of the Brier score of t. When
// every outcome is the same, Slope and the conditional mean of the missing
// outcome are NaN, MinimumVariance and Covariance are 0 and Scatter is the
// whole forecast variance, so the terms still add up.
func Yates(t Table) YatesDecomposition {
	var n, yes, sp, sp1 float64
	for _, c := range t.Cells {
		n += c.N
		yes += c.Yes
		sp += c.N * c.P
		sp1 += c.Yes * c.P
	}
	no := n - yes
	br, pbar := yes/n, sp/n
	p1, p0 := sp1/yes, (sp-sp1)/no
	var v, s1, s0 float64
	for _, c := range t.Cells {
		v += c.N * (c.P - pbar) * (c.P - pbar)
		if c.Yes > 0 {
			s1 += c.Yes * (c.P - p1) * (c.P - p1)
		}
		if c.N > c.Yes {
			s0 += (c.N - c.Yes) * (c.P - p0) * (c.P - p0)
		}
	}
	y := YatesDecomposition{
		Brier:            Brier(t),
		OutcomeVariance:  br * (1 - br),
		Bias:             pbar - br,
		ForecastVariance: v / n,
		Scatter:          (s1 + s0) / n,
		Slope:            p1 - p0,
		MeanForecastYes:  p1,
		MeanForecastNo:   p0,
	}
	if yes == 0 || no == 0 {
		y.Slope = math.NaN()
		y.Scatter = y.ForecastVariance
		return y
	}
	y.MinimumVariance = y.Slope * y.Slope * y.OutcomeVariance
	y.Covariance = y.Slope * y.OutcomeVariance
	return y
}
