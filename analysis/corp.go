package analysis

// PAV returns the isotonic regression of the outcomes on the forecasts by
// the pool-adjacent-violators algorithm: the non-decreasing function r of p
// that minimises
//
//	Σ [y_i (1 − r_i)² + (n_i − y_i) r_i²]
//
// Element i is the recalibrated probability r_i for t.Cells[i]: the
// observed frequency of the event in the block of adjacent cells pooled
// with it. Forecasts with equal values are already pooled, being one cell.
// Plotted against p it is the CORP reliability diagram (Dimitriadis,
// Gneiting & Jordan 2021). The same r minimises every proper scoring rule,
// so it serves the log score too.
func PAV(t Table) []float64 {
	r := make([]float64, len(t.Cells))
	pav(r, t.Cells, nil)
	return r
}

// block is a run of pooled cells, ending before cell end.
type block struct {
	n, yes float64
	end    int
}

// pav writes the PAV fit for cells into r and returns the blocks, reusing
// stack's storage. Every cell must have n > 0.
func pav(r []float64, cells []Cell, stack []block) []block {
	stack = stack[:0]
	for i, c := range cells {
		b := block{n: c.N, yes: c.Yes, end: i + 1}
		// Pool while the previous block's frequency is not below this one's:
		// yes'/n' ≥ yes/n, compared without division.
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			if p.yes*b.n < b.yes*p.n {
				break
			}
			b.n += p.n
			b.yes += p.yes
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, b)
	}
	start := 0
	for _, b := range stack {
		v := b.yes / b.n
		for i := start; i < b.end; i++ {
			r[i] = v
		}
		start = b.end
	}
	return stack
}

// CORPDecomposition is the CORP decomposition of a mean score S
// (Dimitriadis, Gneiting & Jordan 2021, PNAS 118(8) e2016191118):
//
//	S(p) = MCB − DSC + UNC
//	MCB = S(p) − S(r)     miscalibration: what recalibrating would gain
//	DSC = S(ȳ) − S(r)     discrimination: what the recalibrated forecasts
//	                      gain over always forecasting the base rate
//	UNC = S(ȳ)            uncertainty: the score of the base rate
//
// where r are the PAV-recalibrated forecasts ([PAV]) and ȳ the base rate.
// Unlike the binned Murphy decomposition it has no residual and needs no
// choice of bins.
type CORPDecomposition struct {
	Score          float64 // S(p), the mean score of the forecasts
	Miscalibration float64 // MCB ≥ 0
	Discrimination float64 // DSC ≥ 0
	Uncertainty    float64 // UNC
	Recalibrated   []float64
}

// CORP returns the CORP decomposition of the mean score of t under rule s,
// which should be proper and negatively oriented: [BrierContribution] (for
// which it is the exact Murphy decomposition of the recalibrated
// forecasts) or [ClippedLog]. The same rule is applied to the forecasts,
// the recalibrated forecasts and the base rate, so with ClippedLog(eps) all
// three are clipped to [eps, 1 − eps] and the parts add up to the clipped log
// score. (r_i is 0 or 1 only in blocks where every outcome agrees with it,
// and ȳ only when all do, so only S(p) can be infinite without clipping.)
func CORP(t Table, s ScoringRule) CORPDecomposition {
	r := PAV(t)
	var sp, sr, n, yes float64
	for i, c := range t.Cells {
		sp += weighted(s, c.P, c.N, c.Yes)
		sr += weighted(s, r[i], c.N, c.Yes)
		n += c.N
		yes += c.Yes
	}
	sb := weighted(s, yes/n, n, yes) / n
	sp /= n
	sr /= n
	return CORPDecomposition{
		Score:          sp,
		Miscalibration: sp - sr,
		Discrimination: sb - sr,
		Uncertainty:    sb,
		Recalibrated:   r,
	}
}

// weighted returns yes·s(p, yes) + (n − yes)·s(p, no), a zero weight
// counting 0 even where s is infinite.
func weighted(s ScoringRule, p, n, yes float64) float64 {
	var sum float64
	if yes > 0 {
		sum += yes * s(p, true)
	}
	if n > yes {
		sum += (n - yes) * s(p, false)
	}
	return sum
}
