package analysis

import "math"

// AUC returns the area under the ROC curve: the probability that a randomly
// chosen forecast followed by the event is higher than a randomly chosen one
// that was not, ties counting one half (the Mann–Whitney statistic):
//
//	AUC = Σ_i (n_i − y_i) (Y_>i + y_i/2) / (Y (N − Y))
//
// where Y_>i is the yes-weight of the cells above cell i. It takes one pass
// over the sorted cells. 0.5 is no discrimination, 1 perfect. It is NaN when
// there are no events or no non-events.
func AUC(t Table) float64 {
	var yes, n float64
	for _, c := range t.Cells {
		yes += c.Yes
		n += c.N
	}
	if yes == 0 || yes == n {
		return math.NaN()
	}
	// Each term is a share of the non-events times a share of the events,
	// so tiny weights (1e-300) do not underflow to 0/0.
	no := n - yes
	var above, sum float64
	for i := len(t.Cells) - 1; i >= 0; i-- {
		c := t.Cells[i]
		sum += (c.N - c.Yes) / no * ((above + c.Yes/2) / yes)
		above += c.Yes
	}
	return sum
}

// ROCPoint is one point of a ROC curve: forecasting "yes" whenever the
// probability is at least Threshold gives false-positive rate FPR and
// true-positive rate TPR.
type ROCPoint struct {
	Threshold float64
	FPR, TPR  float64
}

// ROC returns the ROC curve of t, from (0, 0) (Threshold = +Inf: never
// "yes") through one point per distinct forecast value, in descending
// order, to (1, 1). The trapezoids under it add up to [AUC]. The rates are
// NaN when there are no events (TPR) or no non-events (FPR).
func ROC(t Table) []ROCPoint {
	var yes, n float64
	for _, c := range t.Cells {
		yes += c.Yes
		n += c.N
	}
	no := n - yes
	pts := make([]ROCPoint, 0, len(t.Cells)+1)
	pts = append(pts, ROCPoint{Threshold: math.Inf(1), FPR: 0 / no, TPR: 0 / yes})
	var tp, fp float64
	for i := len(t.Cells) - 1; i >= 0; i-- {
		c := t.Cells[i]
		tp += c.Yes
		fp += c.N - c.Yes
		pts = append(pts, ROCPoint{Threshold: c.P, FPR: fp / no, TPR: tp / yes})
	}
	return pts
}
