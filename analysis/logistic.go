package analysis

import (
	"fmt"
	"math"
)

// LogisticCalibration is the fit of the logistic recalibration model
// (Cox 1958)
//
//	logit P(yes) = a + b logit(p)
//
// A calibrated forecaster has a = 0 and b = 1. b < 1 means the forecasts
// are too extreme (overconfident), b > 1 too timid; with b = 1, a > 0 means
// the event is more likely than forecast.
type LogisticCalibration struct {
	Intercept, Slope     float64 // a and b, NaN if the fit failed
	InterceptSE, SlopeSE float64 // standard errors from the observed information
	Iterations           int     // Newton steps taken
	Converged            bool
	Problem              string // why there is no fit; "" when Converged
}

// logisticMaxIter bounds the Newton iterations of [Logistic].
const logisticMaxIter = 100

// Logistic fits the logistic calibration model to t by maximum likelihood,
// with Newton's method (iteratively reweighted least squares) on the cells,
// each weighted by n_i. Probabilities are clipped to [eps, 1 − eps] before
// the logit, since logit(0) = −∞: with eps = 0.001 a forecast of 0 counts as
// one of 0.1%, logit −6.9.
//
// A failed fit is reported in Problem, not by a panic: when there are no
// events or no non-events, when all forecasts (after clipping) are equal,
// when the outcomes are separated by the forecasts (every forecast followed
// by the event at or above every one that was not, or the reverse: the
// maximum-likelihood slope is then infinite), or when Newton's method does
// not converge in 100 steps. It panics unless 0 < eps < 0.5.
func Logistic(t Table, eps float64) LogisticCalibration {
	if !(eps > 0 && eps < 0.5) {
		panic(fmt.Sprintf("analysis: Logistic: clip %v outside (0, 0.5)", eps))
	}
	fit := LogisticCalibration{
		Intercept: math.NaN(), Slope: math.NaN(),
		InterceptSE: math.NaN(), SlopeSE: math.NaN(),
	}
	x := make([]float64, len(t.Cells))
	minYes, maxYes := math.Inf(1), math.Inf(-1)
	minNo, maxNo := math.Inf(1), math.Inf(-1)
	for i, c := range t.Cells {
		x[i] = logit(clip(c.P, eps))
		if c.Yes > 0 {
			minYes, maxYes = min(minYes, x[i]), max(maxYes, x[i])
		}
		if c.N > c.Yes {
			minNo, maxNo = min(minNo, x[i]), max(maxNo, x[i])
		}
	}
	switch {
	case math.IsInf(minYes, 1) && math.IsInf(minNo, 1):
		fit.Problem = "there are no forecasts"
		return fit
	case math.IsInf(minYes, 1):
		fit.Problem = "no forecast was followed by the event"
		return fit
	case math.IsInf(minNo, 1):
		fit.Problem = "every forecast was followed by the event"
		return fit
	case min(minYes, minNo) == max(maxYes, maxNo):
		fit.Problem = "all forecasts are equal, so a slope cannot be fitted"
		return fit
	case maxNo <= minYes:
		fit.Problem = "the outcomes are separated: every forecast followed by the event is at or above every forecast that was not, so the fitted slope is infinite"
		return fit
	case maxYes <= minNo:
		fit.Problem = "the outcomes are separated: every forecast followed by the event is at or below every forecast that was not, so the fitted slope is minus infinity"
		return fit
	}

	a, b := 0.0, 1.0
	ll := logLikelihood(t, x, a, b)
	for fit.Iterations = 1; fit.Iterations <= logisticMaxIter; fit.Iterations++ {
		var ga, gb, haa, hab, hbb float64
		for i, c := range t.Cells {
			mu := sigmoid(a + b*x[i])
			r := c.Yes - c.N*mu
			w := c.N * mu * (1 - mu)
			ga += r
			gb += r * x[i]
			haa += w
			hab += w * x[i]
			hbb += w * x[i] * x[i]
		}
		det := haa*hbb - hab*hab
		if !(det > 0) {
			fit.Problem = "the information matrix is singular"
			return fit
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		// Halve the step until the likelihood does not fall.
		step := 1.0
		var na, nb, nll float64
		for range 60 {
			na, nb = a+step*da, b+step*db
			nll = logLikelihood(t, x, na, nb)
			if nll >= ll {
				break
			}
			step /= 2
		}
		done := math.Abs(na-a) <= 1e-12*(1+math.Abs(a)) && math.Abs(nb-b) <= 1e-12*(1+math.Abs(b))
		a, b, ll = na, nb, nll
		if done {
			fit.Intercept, fit.Slope = a, b
			fit.InterceptSE = math.Sqrt(hbb / det)
			fit.SlopeSE = math.Sqrt(haa / det)
			fit.Converged = true
			return fit
		}
	}
	fit.Iterations = logisticMaxIter
	fit.Problem = "Newton's method did not converge in 100 steps"
	return fit
}

func logLikelihood(t Table, x []float64, a, b float64) float64 {
	var ll float64
	for i, c := range t.Cells {
		eta := a + b*x[i]
		// y ln σ(η) + (n − y) ln(1 − σ(η)) = y η − n ln(1 + e^η)
		ll += c.Yes*eta - c.N*softplus(eta)
	}
	return ll
}

// logit returns ln(p / (1 − p)), exact for subnormal p too (see [ln]).
func logit(p float64) float64 { return ln(p / (1 - p)) }

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// softplus returns ln(1 + e^x) without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}
