package analysis

import (
	"fmt"
	"iter"
	"math"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

// A CalibrationCurve gives the true probability of the event when the
// forecast was p. The identity is perfect calibration.
type CalibrationCurve func(p float64) float64

// LogisticCurve returns the calibration curve
//
//	P(yes | p) = σ(a + b logit p),  σ(x) = 1 / (1 + e^−x)
//
// which is the model that [Logistic] fits. a = 0, b = 1 is calibrated;
// b < 1 makes the forecasts overconfident (the truth is nearer 50% than
// they say), b > 1 underconfident; a > 0 means the event is more likely than
// forecast, a < 0 less. A forecast of 0 or 1 stays 0 or 1 when b > 0, flips
// when b < 0, and becomes σ(a) when b = 0.
func LogisticCurve(a, b float64) CalibrationCurve {
	return func(p float64) float64 {
		if p == 0 || p == 1 {
			switch {
			case b == 0:
				return sigmoid(a)
			case (p == 1) == (b > 0):
				return 1
			default:
				return 0
			}
		}
		return sigmoid(a + b*logit(p))
	}
}

// Simulation describes forecasts and outcomes to draw with [Simulate].
type Simulation struct {
	N int // number of forecasts

	// Alpha and Beta are the parameters of the Beta distribution that the
	// forecasts are drawn from; 0 means 1 (Beta(1, 1) is uniform). Beta(a, b)
	// has mean a/(a + b); small parameters make sharp forecasters.
	Alpha, Beta float64

	// Decimals rounds each forecast to that many decimal places, as people
	// and tournaments round them (2: 0.00, 0.01, …, 1.00). 0 means no
	// rounding. Up to 308 decimals a forecast p becomes
	//
	//	round(p · 10^Decimals) / 10^Decimals
	//
	// beyond, where 10^Decimals overflows float64, the decimal rounding of
	// strconv.FormatFloat(p, 'f', Decimals, 64). From 324 decimals on that
	// leaves every float64 as it is: it moves p by at most ½·10⁻³²⁴, less
	// than half the smallest gap between float64s, 2⁻¹⁰⁷⁴ ≈ 4.9e-324.
	Decimals int

	// Truth gives the true probability of the event for each (rounded)
	// forecast; nil means calibrated.
	Truth CalibrationCurve

	Seed uint64
}

// Simulate returns a sequence of s.N (forecast, outcome) pairs: each
// forecast is drawn from Beta(s.Alpha, s.Beta) and rounded to s.Decimals,
// and its outcome is yes with probability s.Truth(forecast). The sequence is
// the same for the same Simulation, every time it is iterated. It panics if
// s.N < 0, s.Decimals < 0 or a Beta parameter is negative.
func Simulate(s Simulation) iter.Seq2[float64, bool] {
	if s.N < 0 || s.Decimals < 0 || s.Alpha < 0 || s.Beta < 0 {
		panic(fmt.Sprintf("analysis: Simulate: N %d, Decimals %d, Beta(%v, %v)", s.N, s.Decimals, s.Alpha, s.Beta))
	}
	if s.Alpha == 0 {
		s.Alpha = 1
	}
	if s.Beta == 0 {
		s.Beta = 1
	}
	truth := s.Truth
	if truth == nil {
		truth = func(p float64) float64 { return p }
	}
	scale := math.Pow(10, float64(s.Decimals))
	round := func(p float64) float64 { return math.Round(p*scale) / scale }
	if math.IsInf(scale, 1) {
		round = func(p float64) float64 {
			r, _ := strconv.ParseFloat(strconv.FormatFloat(p, 'f', s.Decimals, 64), 64)
			return r
		}
	}
	return func(yield func(float64, bool) bool) {
		st := newStream(s.Seed, streamSimulate, 0)
		beta := distuv.Beta{Alpha: s.Alpha, Beta: s.Beta, Src: &st.pcg}
		for range s.N {
			p := beta.Rand()
			if s.Decimals > 0 {
				p = round(p)
			}
			if !yield(p, st.uniform() < truth(p)) {
				return
			}
		}
	}
}
