package analysis

import (
	"fmt"
	"math"
)

// A ScoringRule gives the penalty for forecasting probability p when the
// event did (yes) or did not happen. Lower is better (negatively oriented).
// [BrierContribution] and [ClippedLog] are scoring rules.
type ScoringRule func(p float64, yes bool) float64

// OriginalBrierScale multiplies the Brier score of this package, a mean over
// one probability per forecast, into the original form of Brier (1950),
// summed over both categories (event and no event), which runs from 0 to 2.
// It is the value for [Options.BrierScale] that reproduces that form.
const OriginalBrierScale = 2

// BrierContribution returns the Brier score of one forecast,
//
//	(p − y)²
//
// where y is 1 if yes and 0 otherwise.
func BrierContribution(p float64, yes bool) float64 {
	d := p - outcome(yes)
	return d * d
}

// LogContribution returns the logarithmic score of one forecast, minus the
// natural log of the probability given to what happened:
//
//	−ln p        if yes
//	−ln(1 − p)   if not
//
// It is +Inf for a forecast of 0 followed by the event or of 1 not followed
// by it. It is exact for subnormal p (below 2⁻¹⁰²² ≈ 2.2e-308) too, where
// math.Log on amd64 is not: −ln 5e-324 = 1074 ln 2 ≈ 744.44.
func LogContribution(p float64, yes bool) float64 {
	if yes {
		return -ln(p)
	}
	return -math.Log1p(-p) // 1 − p ≥ 2⁻⁵³ unless p = 1: never subnormal
}

// ln returns the natural logarithm of x. math.Log is wrong for subnormal x
// on amd64 (its assembly gives −709.09 for ln 1e-320, which is −736.83), so
// ln writes such x as frac·2^exp with frac in [½, 1) by math.Frexp:
//
//	ln x = ln frac + exp·ln 2
//
// with ln 2 split as math/log.go splits it, Ln2Hi + Ln2Lo, so that
// exp·Ln2Hi is exact and the sum is correct to about an ulp.
func ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		const (
			ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
			ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		)
		frac, exp := math.Frexp(x)
		e := float64(exp)
		return e*ln2Hi + (e*ln2Lo + math.Log(frac))
	}
	return math.Log(x)
}

// ClippedLog returns the logarithmic scoring rule with p first clipped to
// [eps, 1 − eps], so that no forecast scores more than about −ln eps:
//
//	q = min(max(p, eps), 1 − eps)
//	−ln q if yes, −ln(1 − q) if not
//
// 1 − eps and 1 − q are rounded as float64 arithmetic rounds them, as numpy's
// clip does; for eps = 1e-15, 1 − (1 − eps) is 9.992e-16, not 1e-15. eps = 0
// gives [LogContribution]. It panics unless 0 ≤ eps < 0.5.
func ClippedLog(eps float64) ScoringRule {
	checkClip("ClippedLog", eps)
	if eps == 0 {
		return LogContribution
	}
	return func(p float64, yes bool) float64 {
		return LogContribution(clip(p, eps), yes)
	}
}

// SphericalContribution returns the spherical score of one forecast, the
// probability given to what happened divided by the Euclidean norm of the
// forecast distribution:
//
//	p / √(p² + (1 − p)²)         if yes
//	(1 − p) / √(p² + (1 − p)²)   if not
//
// Unlike the other scores here it is positively oriented: it runs from 0
// (certain and wrong) to 1 (certain and right), higher is better.
func SphericalContribution(p float64, yes bool) float64 {
	norm := math.Sqrt(p*p + (1-p)*(1-p))
	if yes {
		return p / norm
	}
	return (1 - p) / norm
}

// MeanScore returns the mean score of the forecasts in t under rule s,
//
//	Σ [y_i s(p_i, yes) + (n_i − y_i) s(p_i, no)] / N
//
// A term with zero weight counts as 0 even if s is infinite there.
func MeanScore(t Table, s ScoringRule) float64 {
	var sum, n float64
	for _, c := range t.Cells {
		sum += weighted(s, c.P, c.N, c.Yes)
		n += c.N
	}
	return sum / n
}

// Brier returns the Brier score of the forecasts in t, the mean squared
// difference between forecast and outcome:
//
//	B = Σ [y_i (1 − p_i)² + (n_i − y_i) p_i²] / N
//
// It runs from 0 (perfect) to 1; always forecasting 50% scores 0.25.
// Multiply by [OriginalBrierScale] for the two-category form of Brier (1950).
// It is NaN for an empty table.
func Brier(t Table) float64 {
	var sum, n float64
	for _, c := range t.Cells {
		sum += c.Yes*(1-c.P)*(1-c.P) + (c.N-c.Yes)*c.P*c.P
		n += c.N
	}
	return sum / n
}

// LogScore returns the mean logarithmic score of the forecasts in t, with
// each probability clipped to [eps, 1 − eps] as in [ClippedLog]:
//
//	L = −Σ [y_i ln q_i + (n_i − y_i) ln(1 − q_i)] / N,  q_i = min(max(p_i, eps), 1 − eps)
//
// eps = 0 means no clipping. wrong lists the indices in t.Cells of forecasts
// of certainty (p = 0 or 1) followed by the other outcome; without clipping
// they make L = +Inf, with clipping they are what the clip hides.
// It panics unless 0 ≤ eps < 0.5.
func LogScore(t Table, eps float64) (score float64, wrong []int) {
	checkClip("LogScore", eps)
	for i, c := range t.Cells {
		if (c.P == 0 && c.Yes > 0) || (c.P == 1 && c.Yes < c.N) {
			wrong = append(wrong, i)
		}
	}
	return MeanScore(t, ClippedLog(eps)), wrong
}

// Spherical returns the mean spherical score of the forecasts in t (see
// [SphericalContribution]); higher is better.
func Spherical(t Table) float64 {
	var sum, n float64
	for _, c := range t.Cells {
		sum += (c.Yes*c.P + (c.N-c.Yes)*(1-c.P)) / math.Sqrt(c.P*c.P+(1-c.P)*(1-c.P))
		n += c.N
	}
	return sum / n
}

// BaseRate returns the fraction of forecasts followed by the event,
//
//	ȳ = Σ y_i / N
func BaseRate(t Table) float64 {
	return t.Yes() / t.N()
}

// MeanForecast returns the mean forecast probability,
//
//	p̄ = Σ n_i p_i / N
func MeanForecast(t Table) float64 {
	var sum, n float64
	for _, c := range t.Cells {
		sum += c.N * c.P
		n += c.N
	}
	return sum / n
}

// SkillScore returns the skill of a score relative to a reference score of
// the same negatively oriented rule:
//
//	SS = 1 − score / reference
//
// 1 is perfect, 0 no better than the reference, negative worse. It is NaN
// when reference is 0 (a reference that cannot be beaten).
func SkillScore(score, reference float64) float64 {
	if reference == 0 {
		return math.NaN()
	}
	return 1 - score/reference
}

// BrierSkill returns the Brier skill score against always forecasting the
// in-sample base rate ȳ, whose Brier score is ȳ(1 − ȳ):
//
//	BSS = 1 − B / (ȳ (1 − ȳ))
//
// It is NaN when the base rate is 0 or 1.
func BrierSkill(t Table) float64 {
	br := BaseRate(t)
	return SkillScore(Brier(t), br*(1-br))
}

// BrierSkillVsHalf returns the Brier skill score against always forecasting
// 50%, whose Brier score is 0.25:
//
//	1 − B / 0.25
func BrierSkillVsHalf(t Table) float64 {
	return SkillScore(Brier(t), 0.25)
}

func outcome(yes bool) float64 {
	if yes {
		return 1
	}
	return 0
}

func clip(p, eps float64) float64 {
	return min(max(p, eps), 1-eps)
}

func checkClip(fn string, eps float64) {
	if !(eps >= 0 && eps < 0.5) {
		panic(fmt.Sprintf("analysis: %s: clip %v outside [0, 0.5)", fn, eps))
	}
}
