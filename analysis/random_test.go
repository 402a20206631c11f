package analysis

import (
	"math"
	"slices"
	"testing"
)

// binomialPMF returns P(X = k) for X ~ Binomial(n, p), from log-gamma.
func binomialPMF(n, k int64, p float64) float64 {
	ln, _ := math.Lgamma(float64(n + 1))
	lk, _ := math.Lgamma(float64(k + 1))
	lnk, _ := math.Lgamma(float64(n - k + 1))
	return math.Exp(ln - lk - lnk + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p))
}

// TestBinomialGoodnessOfFit compares 200,000 draws of each sampler regime
// (inversion, BTRD, the p > 0.5 reflection) with the exact distribution by
// Pearson's χ² over outcomes pooled to expected counts ≥ 20. For a correct
// sampler the statistic is about df ± √(2 df); the bound df + 6√(2 df) fails a
// correct one with probability below 1e-6, and the seeds are fixed.
func TestBinomialGoodnessOfFit(t *testing.T) {
	const draws = 200000
	for i, c := range []struct {
		n int64
		p float64
	}{
		{1, 0.3}, {1, 0.8}, // Bernoulli
		{7, 0.5}, {20, 0.3}, {1000, 0.009}, // inversion
		{1000, 0.02}, {1000, 0.3}, {100000, 0.5}, {10000, 0.0015}, // BTRD
		{50, 0.9}, {3000, 0.995}, // reflected
	} {
		s := newStream(42, 99, uint64(i))
		counts := map[int64]float64{}
		var sum, sumSq float64
		for range draws {
			k := s.binomial(c.n, c.p)
			if k < 0 || k > c.n {
				t.Fatalf("Binomial(%d, %v) drew %d", c.n, c.p, k)
			}
			counts[k]++
			sum += float64(k)
			sumSq += float64(k) * float64(k)
		}
		// Pool the support into cells of expected count ≥ 20, in order.
		var chi2, exp, obs float64
		df := -1
		for k := int64(0); k <= c.n; k++ {
			exp += draws * binomialPMF(c.n, k, c.p)
			obs += counts[k]
			if exp >= 20 {
				chi2 += (obs - exp) * (obs - exp) / exp
				df++
				exp, obs = 0, 0
			}
		}
		chi2 += (obs - exp) * (obs - exp) / max(exp, 1e-300) // remainder (tiny)
		t.Logf("Binomial(%d, %v): χ² = %.1f on %d df", c.n, c.p, chi2, df)
		if bound := float64(df) + 6*math.Sqrt(2*float64(df)); chi2 > bound {
			t.Errorf("Binomial(%d, %v): χ² = %.1f on %d df, above %.1f", c.n, c.p, chi2, df, bound)
		}
		mean := sum / draws
		sd := math.Sqrt(float64(c.n) * c.p * (1 - c.p))
		if math.Abs(mean-float64(c.n)*c.p) > 6*sd/math.Sqrt(draws) {
			t.Errorf("Binomial(%d, %v): mean %v, want %v", c.n, c.p, mean, float64(c.n)*c.p)
		}
	}
}

func TestStirlingTail(t *testing.T) {
	// The series for k ≥ 10 must join the exact values below it.
	for k := 30.0; k < 60; k++ {
		lf, _ := math.Lgamma(k + 1)
		exact := lf - ((k+0.5)*math.Log(k+1) - (k + 1) + 0.5*math.Log(2*math.Pi))
		if math.Abs(stirlingTail(k)-exact) > 1e-12 {
			t.Errorf("stirlingTail(%v) = %v, exact %v", k, stirlingTail(k), exact)
		}
	}
}

// TestReplicateIsMultinomial checks the conditional-binomial draw: every
// replicate has exactly n forecasts, and each (cell, outcome) category's
// count has the multinomial mean n π and variance n π (1 − π).
func TestReplicateIsMultinomial(t *testing.T) {
	tb := Table{Cells: []Cell{{P: 0.1, N: 30, Yes: 3}, {P: 0.4, N: 50, Yes: 25}, {P: 0.7, N: 15, Yes: 15}, {P: 0.9, N: 5, Yes: 1}}}
	const reps = 20000
	j := newBootstrapJob(tb, Options{Replicates: reps}.withDefaults())
	sc := &scratch{r: make([]float64, 4)}
	var sum, sumSq [8]float64
	for r := range reps {
		j.run(r, sc)
		var total float64
		var counts [8]float64
		for k, c := range sc.rep {
			counts[2*sc.idx[k]] = c.Yes
			counts[2*sc.idx[k]+1] = c.N - c.Yes
			total += c.N
		}
		if total != 100 {
			t.Fatalf("replicate %d has %v forecasts, want 100", r, total)
		}
		for i, x := range counts {
			sum[i] += x
			sumSq[i] += x * x
		}
	}
	for i := range sum {
		c := tb.Cells[i/2]
		pi := c.Yes / 100
		if i%2 == 1 {
			pi = (c.N - c.Yes) / 100
		}
		mean := sum[i] / reps
		variance := sumSq[i]/reps - mean*mean
		wantVar := 100 * pi * (1 - pi)
		if math.Abs(mean-100*pi) > 6*math.Sqrt(wantVar/reps)+1e-12 {
			t.Errorf("category %d: mean %v, want %v", i, mean, 100*pi)
		}
		if wantVar > 0 && math.Abs(variance/wantVar-1) > 0.06 {
			t.Errorf("category %d: variance %v, want %v", i, variance, wantVar)
		}
	}
}

// TestEstimateMatchesPublicFunctions: the bootstrap's fast recomputation,
// run on the original table, gives the figures of the public functions.
func TestEstimateMatchesPublicFunctions(t *testing.T) {
	tb := Table{Cells: []Cell{{P: 0, N: 4, Yes: 1}, {P: 0.1, N: 30, Yes: 3}, {P: 0.4, N: 50, Yes: 26}, {P: 0.5, N: 10, Yes: 3}, {P: 1, N: 6, Yes: 5}}}
	opts := Options{Replicates: 1, LogClip: 1e-6}.withDefaults()
	j := newBootstrapJob(tb, opts)
	sc := &scratch{r: make([]float64, len(tb.Cells))}
	for i, c := range tb.Cells {
		sc.rep = append(sc.rep, c)
		sc.idx = append(sc.idx, i)
	}
	got := j.estimate(sc)
	logScore, _ := LogScore(tb, 1e-6)
	md := Murphy(tb, Distinct)
	cb := CORP(tb, BrierContribution)
	cl := CORP(tb, ClippedLog(1e-6))
	want := Estimates{
		Brier: Brier(tb), LogScore: logScore, Spherical: Spherical(tb),
		AUC: AUC(tb), BaseRate: BaseRate(tb), BrierSkill: BrierSkill(tb),
		Reliability: md.Reliability, Resolution: md.Resolution, Uncertainty: md.Uncertainty,
		Miscalibration: cb.Miscalibration, Discrimination: cb.Discrimination,
		LogMiscalibration: cl.Miscalibration, LogDiscrimination: cl.Discrimination, LogUncertainty: cl.Uncertainty,
		Overconfidence: OverconfidenceOf(tb).Over,
	}
	gf, wf := got.fields(), want.fields()
	for i := range gf {
		if math.Abs(*gf[i].v-*wf[i].v) > 1e-12 {
			t.Errorf("%s: bootstrap estimate %v, public function %v", gf[i].name, *gf[i].v, *wf[i].v)
		}
	}
}

func TestQuantile(t *testing.T) {
	// Type 7 on 1..5: h = 4q; q = 0.1 → h = 0.4 → 1 + 0.4·1 = 1.4;
	// q = 0.975 → h = 3.9 → 4 + 0.9 = 4.9; q = 0 → 1; q = 1 → 5.
	x := []float64{1, 2, 3, 4, 5}
	for q, want := range map[float64]float64{0.1: 1.4, 0.975: 4.9, 0: 1, 1: 5, 0.5: 3} {
		if got := quantile(x, q); math.Abs(got-want) > 1e-12 {
			t.Errorf("quantile(%v) = %v, want %v", q, got, want)
		}
	}
	if !math.IsNaN(quantile(nil, 0.5)) {
		t.Errorf("quantile of nothing is not NaN")
	}
}

// TestQuantileBySelection compares the selection-based quantile with the
// definition applied to a sorted copy, on data with and without ties.
func TestQuantileBySelection(t *testing.T) {
	s := newStream(1, 1, 1)
	for _, n := range []int{1, 2, 3, 10, 999, 1000} {
		for _, ties := range []bool{false, true} {
			x := make([]float64, n)
			for i := range x {
				x[i] = s.uniform()
				if ties {
					x[i] = math.Floor(x[i] * 5)
				}
			}
			sorted := slices.Clone(x)
			slices.Sort(sorted)
			for _, q := range []float64{0, 0.025, 0.5, 0.975, 1} {
				h := float64(n-1) * q
				i := int(h)
				want := sorted[i]
				if i+1 < n {
					want += (h - float64(i)) * (sorted[i+1] - sorted[i])
				}
				if got := quantile(slices.Clone(x), q); got != want {
					t.Errorf("n %d, ties %v, q %v: %v, want %v", n, ties, q, got, want)
				}
			}
		}
	}
}
