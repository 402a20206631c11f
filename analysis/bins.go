package analysis

import (
	"fmt"
	"math"
)

// Distinct, passed as the number of bins, asks for one bin per distinct
// forecast value (per cell of the table).
const Distinct = 0

// Bin is a group of forecasts with nearby probabilities, the unit of a
// reliability diagram and of the binned decompositions.
type Bin struct {
	Index  int     // position among all bins, 0-based (the cell index for Distinct)
	Lo, Hi float64 // forecasts in [Lo, Hi); the last bin also holds Hi = 1; Lo = Hi = p for Distinct
	N, Yes float64 // total weight and yes-weight of its forecasts

	MeanForecast float64 // p̄_k = Σ n_i p_i / n_k over its cells
	Observed     float64 // ō_k = y_k / n_k, the observed frequency of the event

	// ObservedLo and ObservedHi bound the Wilson 95% score interval for the
	// observed frequency (see [WilsonInterval]), taking N as the number of
	// forecasts.
	ObservedLo, ObservedHi float64
}

// wilson95 is the standard normal 97.5% quantile.
const wilson95 = 1.959963984540054

// Bins groups the forecasts in t into n equal-width bins, forecast p going
// to bin
//
//	k = min(⌊n p⌋, n − 1)
//
// or, for n = [Distinct], into one bin per cell. Only bins holding
// forecasts are returned, in order of k. It panics if n < 0.
func Bins(t Table, n int) []Bin {
	if n < 0 {
		panic(fmt.Sprintf("analysis: Bins: %d bins", n))
	}
	var bins []Bin
	if n == Distinct {
		bins = make([]Bin, len(t.Cells))
		for i, c := range t.Cells {
			bins[i] = Bin{Index: i, Lo: c.P, Hi: c.P, N: c.N, Yes: c.Yes, MeanForecast: c.P}
		}
	} else {
		for _, c := range t.Cells {
			k := binIndex(c.P, n)
			if len(bins) == 0 || bins[len(bins)-1].Index != k {
				bins = append(bins, Bin{Index: k, Lo: float64(k) / float64(n), Hi: float64(k+1) / float64(n)})
			}
			b := &bins[len(bins)-1]
			b.N += c.N
			b.Yes += c.Yes
			b.MeanForecast += c.N * c.P
		}
		for i := range bins {
			bins[i].MeanForecast /= bins[i].N
		}
	}
	for i := range bins {
		b := &bins[i]
		b.Observed = b.Yes / b.N
		b.ObservedLo, b.ObservedHi = wilson(b.Yes, b.N, wilson95)
	}
	return bins
}

// binIndex returns min(⌊n p⌋, n − 1), computed as numpy would.
func binIndex(p float64, n int) int {
	return min(int(math.Floor(float64(n)*p)), n-1)
}

// MurphyDecomposition is the decomposition of the Brier score into
// reliability, resolution and uncertainty (Murphy 1973):
//
//	B = REL − RES + UNC + Residual
//
// With one bin per distinct forecast the residual is zero (up to rounding).
// With wider bins, forecasts in a bin are represented by their mean and the
// residual holds what that leaves out (the within-bin variance and
// covariance terms of Stephenson, Coelho & Jolliffe 2008).
type MurphyDecomposition struct {
	Brier       float64 // B, the Brier score
	Reliability float64 // REL = Σ n_k (p̄_k − ō_k)² / N; lower is better
	Resolution  float64 // RES = Σ n_k (ō_k − ȳ)² / N; higher is better
	Uncertainty float64 // UNC = ȳ (1 − ȳ), the Brier score of the base rate
	Residual    float64 // B − (REL − RES + UNC)
}

// Murphy returns the Murphy decomposition of the Brier score of t over n
// equal-width bins, or over the distinct forecast values for n = [Distinct],
// with bins formed as in [Bins]. It panics if n < 0.
func Murphy(t Table, n int) MurphyDecomposition {
	return murphy(Brier(t), Bins(t, n))
}

func murphy(brier float64, bins []Bin) MurphyDecomposition {
	var n, yes float64
	for _, b := range bins {
		n += b.N
		yes += b.Yes
	}
	br := yes / n
	var rel, res float64
	for _, b := range bins {
		rel += b.N * (b.MeanForecast - b.Observed) * (b.MeanForecast - b.Observed)
		res += b.N * (b.Observed - br) * (b.Observed - br)
	}
	m := MurphyDecomposition{
		Brier:       brier,
		Reliability: rel / n,
		Resolution:  res / n,
		Uncertainty: br * (1 - br),
	}
	m.Residual = brier - (m.Reliability - m.Resolution + m.Uncertainty)
	return m
}
