package analysis

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// CalibrationInTheLarge returns the mean forecast minus the base rate,
//
//	p̄ − ȳ
//
// positive when the event was forecast more often than it happened.
func CalibrationInTheLarge(t Table) float64 {
	return MeanForecast(t) - BaseRate(t)
}

// Spiegelhalter returns Spiegelhalter's (1986) z statistic for the
// hypothesis that the forecasts are calibrated, and its two-sided p-value
// from the standard normal distribution:
//
//	z = Σ (y_i − n_i p_i)(1 − 2p_i) / √(Σ n_i (1 − 2p_i)² p_i (1 − p_i))
//	p = 2 (1 − Φ(|z|))
//
// Forecasts of exactly 0 or 1 add to the numerator (a wrong one adds 1 per
// forecast) but nothing to the variance in the denominator, which assumes
// them right; when every forecast is 0, 0.5 or 1 the variance is 0 and z and
// p are NaN. The test treats n_i as a number of independent forecasts.
func Spiegelhalter(t Table) (z, p float64) {
	var num, v float64
	for _, c := range t.Cells {
		num += (c.Yes - c.N*c.P) * (1 - 2*c.P)
		v += c.N * (1 - 2*c.P) * (1 - 2*c.P) * c.P * (1 - c.P)
	}
	if v == 0 {
		return math.NaN(), math.NaN()
	}
	z = num / math.Sqrt(v)
	return z, math.Erfc(math.Abs(z) / math.Sqrt2)
}

// ECE returns the expected calibration error over n equal-width bins (or the
// distinct values, for n = [Distinct]) formed as in [Bins]:
//
//	ECE = Σ n_k |p̄_k − ō_k| / N
//
// It panics if n < 0.
func ECE(t Table, n int) float64 {
	return ece(Bins(t, n))
}

func ece(bins []Bin) float64 {
	var sum, n float64
	for _, b := range bins {
		sum += b.N * math.Abs(b.MeanForecast-b.Observed)
		n += b.N
	}
	return sum / n
}

// WilsonInterval returns the Wilson (1927) score interval for a proportion
// observed as yes successes in n trials, at the given confidence level:
//
//	p̂ = yes/n, z = Φ⁻¹((1 + level)/2)
//	(p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
//
// Unlike p̂ ± z√(p̂(1 − p̂)/n) it stays inside [0, 1] and is not empty when
// yes is 0 or n. It is NaN for n = 0. It panics unless 0 < level < 1 and
// 0 ≤ yes ≤ n.
func WilsonInterval(yes, n, level float64) (lo, hi float64) {
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("analysis: WilsonInterval: level %v outside (0, 1)", level))
	}
	if !(yes >= 0 && yes <= n) {
		panic(fmt.Sprintf("analysis: WilsonInterval: %v successes in %v trials", yes, n))
	}
	return wilson(yes, n, distuv.UnitNormal.Quantile((1+level)/2))
}

func wilson(yes, n, z float64) (lo, hi float64) {
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	p := yes / n
	z2 := z * z
	den := 1 + z2/n
	center := (p + z2/(2*n)) / den
	half := z * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / den
	return max(center-half, 0), min(center+half, 1)
}
