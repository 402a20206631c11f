package analysis

// ElementaryScore returns the elementary score of one forecast at threshold
// θ (Ehm, Gneiting, Jordan & Krüger 2016, JRSS B 78:505–562), the loss of a
// decision maker with cost–loss ratio θ who acts when p > θ: acting costs θ
// when the event does not happen, not acting costs 1 − θ when it does:
//
//	S_θ(p, 1) = (1 − θ) if p ≤ θ, else 0
//	S_θ(p, 0) = θ       if p > θ, else 0
//
// Every proper scoring rule is a mixture of these over θ; the Brier score is
// 2 ∫₀¹ S_θ dθ.
func ElementaryScore(p, theta float64, yes bool) float64 {
	switch {
	case yes && p <= theta:
		return 1 - theta
	case !yes && p > theta:
		return theta
	}
	return 0
}

// MurphyDiagram returns the mean elementary score of the forecasts in t at
// each threshold θ in thetas, the curve of a Murphy diagram (Ehm et al.
// 2016). Lower is better at every θ; a forecaster whose curve is nowhere
// above another's is better for every decision maker.
func MurphyDiagram(t Table, thetas []float64) []float64 {
	out := make([]float64, len(thetas))
	n := t.N()
	for j, theta := range thetas {
		var sum float64
		for _, c := range t.Cells {
			if c.P <= theta {
				sum += c.Yes * (1 - theta)
			} else {
				sum += (c.N - c.Yes) * theta
			}
		}
		out[j] = sum / n
	}
	return out
}
