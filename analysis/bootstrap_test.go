package analysis_test

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

func TestBootstrapDeterministic(t *testing.T) {
	_, groups := solarFlares(t)
	tb := groups[groupKey{"NOAA", "C1"}]
	opts := analysis.Options{Replicates: 500, Seed: 7}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := analysis.Bootstrap(tb, opts)
	runtime.GOMAXPROCS(4)
	four := analysis.Bootstrap(tb, opts)
	if fmt.Sprint(one) != fmt.Sprint(four) {
		t.Errorf("1 core: %v\n4 cores: %v", one, four)
	}
	opts.Seed = 8
	if other := analysis.Bootstrap(tb, opts); fmt.Sprint(other) == fmt.Sprint(one) {
		t.Errorf("seeds 7 and 8 give the same intervals")
	}
}

// TestBootstrapWidth checks the percentile intervals against their normal
// approximations, which are accurate for n = 10,000. One forecast value,
// p = 0.3, 3,000 events in 10,000:
//
//	base rate: 0.3 ± 1.96 √(0.3·0.7/10000) = 0.3 ± 0.008982
//	Brier: per forecast 0.49 (event) or 0.09, variance 0.3·0.7·0.4² = 0.0336,
//	       so 0.21 ± 1.96 √(0.0336/10000) = 0.21 ± 0.003593
//
// With 2000 replicates the interval ends scatter by about 3% of the
// half-width, so 10% is a safe tolerance (and the seed is fixed).
func TestBootstrapWidth(t *testing.T) {
	tb := analysis.NewTable([]analysis.Cell{{P: 0.3, N: 10000, Yes: 3000}})
	b := analysis.Bootstrap(tb, analysis.Options{Replicates: 2000, Seed: 1})
	for _, c := range []struct {
		name         string
		lo, hi       float64
		center, half float64
	}{
		{"base rate", b.Lo.BaseRate, b.Hi.BaseRate, 0.3, 0.008982},
		{"Brier", b.Lo.Brier, b.Hi.Brier, 0.21, 0.003593},
	} {
		if math.Abs(c.lo-(c.center-c.half)) > 0.1*c.half || math.Abs(c.hi-(c.center+c.half)) > 0.1*c.half {
			t.Errorf("%s interval [%v, %v], want about %v ± %v", c.name, c.lo, c.hi, c.center, c.half)
		}
	}
	// One forecast value: every pair is tied, AUC = 1/2 in every replicate.
	if b.Lo.AUC != 0.5 || b.Hi.AUC != 0.5 || len(b.Warnings) != 0 {
		t.Errorf("AUC interval [%v, %v], warnings %v", b.Lo.AUC, b.Hi.AUC, b.Warnings)
	}
}

func TestBootstrapUndefinedWarning(t *testing.T) {
	// 3 forecasts, 1 event: a replicate draws no event with probability
	// (2/3)³ = 8/27, so about 30% of replicates leave the AUC undefined.
	tb := analysis.NewTable([]analysis.Cell{{P: 0.2, N: 2}, {P: 0.6, N: 1, Yes: 1}})
	b := analysis.Bootstrap(tb, analysis.Options{Replicates: 1000, Seed: 3})
	found := false
	for _, w := range b.Warnings {
		if w.Code == analysis.WarnBootstrapUndefined {
			found = true
		}
	}
	if !found || math.IsNaN(b.Lo.AUC) {
		t.Errorf("warnings %v, AUC interval [%v, %v]", b.Warnings, b.Lo.AUC, b.Hi.AUC)
	}
}

// TestConsistencyBandOneCell: with one forecast value the PAV fit of a
// resample is its frequency, Binomial(n, p)/n, so the band must be that
// distribution's 2.5% and 97.5% quantiles, here computed from the exact
// binomial distribution; the interpolated sample quantiles of 2000
// resamples may fall one step (1/n) either side.
func TestConsistencyBandOneCell(t *testing.T) {
	const n, p = 100, 0.3
	tb := analysis.NewTable([]analysis.Cell{{P: p, N: n, Yes: 40}})
	band := analysis.ConsistencyBands(tb, analysis.Options{BandReplicates: 2000, Seed: 5})
	var cdf float64
	lo, hi := -1, -1
	for k := 0; k <= n; k++ {
		lgN, _ := math.Lgamma(n + 1)
		lgK, _ := math.Lgamma(float64(k) + 1)
		lgNK, _ := math.Lgamma(float64(n-k) + 1)
		cdf += math.Exp(lgN - lgK - lgNK + float64(k)*math.Log(p) + float64(n-k)*math.Log(1-p))
		if lo < 0 && cdf >= 0.025 {
			lo = k
		}
		if hi < 0 && cdf >= 0.975 {
			hi = k
		}
	}
	if math.Abs(band.Lo[0]-float64(lo)/n) > 1.0/n || math.Abs(band.Hi[0]-float64(hi)/n) > 1.0/n {
		t.Errorf("band [%v, %v], binomial quantiles [%v, %v]", band.Lo[0], band.Hi[0], float64(lo)/n, float64(hi)/n)
	}
}

func TestConsistencyBandsBracketCalibratedForecasts(t *testing.T) {
	tb := randomTables()["calibrated two decimals"]
	band := analysis.ConsistencyBands(tb, analysis.Options{BandReplicates: 300, Seed: 1})
	// Away from the ends, where PAV pools many cells, the band of a
	// calibrated forecaster surrounds the diagonal.
	for i, p := range band.P {
		if p >= 0.1 && p <= 0.6 && !(band.Lo[i] <= p && p <= band.Hi[i]) {
			t.Errorf("band at %v is [%v, %v]", p, band.Lo[i], band.Hi[i])
		}
	}
}

// scaledTable is 16 forecasts with every weight multiplied by scale:
//
//	p    n  yes   Brier terms y(1−p)² + (n−y)p²
//	0.1  4  1     0.81 + 3·0.01 = 0.84
//	0.3  6  2     2·0.49 + 4·0.09 = 1.34
//	0.6  4  3     3·0.16 + 0.36 = 0.84
//	0.9  2  2     2·0.01 = 0.02
//
// Brier score 3.04/16 = 0.19, base rate 8/16 = 0.5.
func scaledTable(scale float64) analysis.Table {
	cells := []analysis.Cell{{P: 0.1, N: 4, Yes: 1}, {P: 0.3, N: 6, Yes: 2}, {P: 0.6, N: 4, Yes: 3}, {P: 0.9, N: 2, Yes: 2}}
	for i := range cells {
		cells[i].N *= scale
		cells[i].Yes *= scale
	}
	return analysis.NewTable(cells)
}

// TestBootstrapHugeTotals: totals beyond 2⁶³ used to overflow the int64
// sample size and collapse every interval (Brier [0.04, 0.04] for a score
// of 0.19). Above 2⁵³ a table is resampled at the size N·2^(53−e) in
// [2⁵², 2⁵³), so the table times 2⁶⁴ (total 2⁶⁸) resamples exactly as the
// table times 2⁴⁸ (total 2⁵², resampled as it is).
//
// For the table times 1e19, N = 1.6e20 = 0.5421·2⁶⁸, so n = 0.5421·2⁵³ =
// 4.883e15 and the 95% intervals are, by the normal approximation,
//
//	Brier: per-forecast terms have mean 0.19 and mean square
//	  (0.81² + 3·0.01² + 2·0.49² + 4·0.09² + 3·0.16² + 0.36² + 2·0.01²)/16
//	  = 1.3756/16 = 0.085975, so sd √(0.085975 − 0.0361) = 0.22333 and
//	  half-width 1.96·0.22333/√4.883e15 = 6.26e-9
//	base rate: 1.96·0.5/√4.883e15 = 1.402e-8
//
// The test wants each interval to contain the estimate, with a width within
// 30% of that (200 replicates scatter the ends by about 10%).
func TestBootstrapHugeTotals(t *testing.T) {
	opts := analysis.Options{Replicates: 200, BandReplicates: 200, Seed: 3}
	moderate := analysis.Bootstrap(scaledTable(0x1p48), opts)
	huge := analysis.Bootstrap(scaledTable(0x1p64), opts)
	if fmt.Sprint(moderate) != fmt.Sprint(huge) {
		t.Errorf("bootstrap of the table times 2⁶⁴:\n%v\nwant that of the table times 2⁴⁸:\n%v", huge, moderate)
	}
	if b, bh := analysis.ConsistencyBands(scaledTable(0x1p48), opts), analysis.ConsistencyBands(scaledTable(0x1p64), opts); fmt.Sprint(b) != fmt.Sprint(bh) {
		t.Errorf("consistency bands of the table times 2⁶⁴:\n%v\nwant those of the table times 2⁴⁸:\n%v", bh, b)
	}

	r := analysis.Bootstrap(scaledTable(1e19), opts)
	for _, c := range []struct {
		name           string
		est, halfWidth float64
		lo, hi         float64
	}{
		{"Brier score", 0.19, 6.26e-9, r.Lo.Brier, r.Hi.Brier},
		{"base rate", 0.5, 1.402e-8, r.Lo.BaseRate, r.Hi.BaseRate},
	} {
		width := c.hi - c.lo
		if !(c.lo <= c.est && c.est <= c.hi) || math.Abs(width/(2*c.halfWidth)-1) > 0.3 {
			t.Errorf("%s of the table times 1e19: interval [%.12g, %.12g], want about %g ± %.3g",
				c.name, c.lo, c.hi, c.est, c.halfWidth)
		}
	}

	// Under calibration, with about 1e15 forecasts a cell, the band at p is p
	// give or take 1e-7 (1.96 √(p(1−p)/n) ≤ 1.96·0.5/√1e15 = 3.1e-8).
	b := analysis.ConsistencyBands(scaledTable(1e19), opts)
	for i, p := range b.P {
		if !(b.Lo[i] <= p && p <= b.Hi[i]) || b.Hi[i]-b.Lo[i] > 1e-7 {
			t.Errorf("band of the table times 1e19 at %g: [%.12g, %.12g], want %g ± 1e-7", p, b.Lo[i], b.Hi[i], p)
		}
	}
}
