package analysis_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// Properties that must hold for any table: decompositions add up, the
// order of the forecasts does not matter, tallies merge. The tables are
// random (seeded): simulated forecasters of several kinds, and raw random
// cells with fractional weights.

func randomTables() map[string]analysis.Table {
	tables := map[string]analysis.Table{}
	for _, s := range []struct {
		name string
		sim  analysis.Simulation
	}{
		{"calibrated two decimals", analysis.Simulation{N: 2000, Alpha: 2, Beta: 5, Decimals: 2, Seed: 1}},
		{"overconfident one decimal", analysis.Simulation{N: 500, Alpha: 0.5, Beta: 0.5, Decimals: 1, Truth: analysis.LogisticCurve(0, 0.5), Seed: 2}},
		{"biased, unrounded", analysis.Simulation{N: 300, Alpha: 1, Beta: 1, Truth: analysis.LogisticCurve(-1, 1), Seed: 3}},
		{"underconfident, certain forecasts", analysis.Simulation{N: 1000, Alpha: 0.3, Beta: 0.3, Decimals: 1, Truth: analysis.LogisticCurve(0.2, 2), Seed: 4}},
	} {
		var ta analysis.Tally
		for p, yes := range analysis.Simulate(s.sim) {
			ta.Add(p, yes)
		}
		tables[s.name] = ta.Table()
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var cells []analysis.Cell
	for range 60 {
		n := 0.1 + 5*rng.Float64()
		cells = append(cells, analysis.Cell{P: rng.Float64(), N: n, Yes: n * rng.Float64()})
	}
	tables["fractional weights"] = analysis.NewTable(cells)
	return tables
}

func TestDecompositionsAddUp(t *testing.T) {
	const tol = 1e-12
	for name, tb := range randomTables() {
		brier := analysis.Brier(tb)
		md := analysis.Murphy(tb, analysis.Distinct)
		if math.Abs(md.Residual) > tol || !close(md.Reliability-md.Resolution+md.Uncertainty, brier, tol) {
			t.Errorf("%s: distinct Murphy %+v does not add up to %v", name, md, brier)
		}
		// With bins, the residual must be the within-bin terms of
		// Stephenson et al. (2008), computed here from scratch:
		// (1/N) Σ n_i (p_i − p̄_k)² − (2/N) Σ (p_i − p̄_k) y_i.
		for _, nb := range []int{1, 3, 10} {
			mb := analysis.Murphy(tb, nb)
			var wbv, wbc, n float64
			for _, b := range analysis.Bins(tb, nb) {
				for _, c := range tb.Cells {
					if c.P >= b.Lo && (c.P < b.Hi || b.Hi == 1) {
						d := c.P - b.MeanForecast
						wbv += c.N * d * d
						wbc += d * c.Yes
					}
				}
				n += b.N
			}
			if want := (wbv - 2*wbc) / n; !close(mb.Residual, want, tol) {
				t.Errorf("%s, %d bins: residual %v, want %v", name, nb, mb.Residual, want)
			}
		}
		for rule, s := range map[string]analysis.ScoringRule{"Brier": analysis.BrierContribution, "log": analysis.ClippedLog(1e-15)} {
			c := analysis.CORP(tb, s)
			if !close(c.Miscalibration-c.Discrimination+c.Uncertainty, analysis.MeanScore(tb, s), tol) {
				t.Errorf("%s: CORP %s %+v does not add up", name, rule, c)
			}
			if c.Miscalibration < -tol || c.Discrimination < -tol {
				t.Errorf("%s: CORP %s MCB %v, DSC %v, want both ≥ 0", name, rule, c.Miscalibration, c.Discrimination)
			}
		}
		y := analysis.Yates(tb)
		sum := y.OutcomeVariance + y.Bias*y.Bias + y.MinimumVariance + y.Scatter - 2*y.Covariance
		if !close(sum, brier, tol) || !close(y.MinimumVariance+y.Scatter, y.ForecastVariance, tol) {
			t.Errorf("%s: Yates %+v does not add up to %v", name, y, brier)
		}
	}
}

func TestPAVIsIsotonicAndKeepsTotals(t *testing.T) {
	for name, tb := range randomTables() {
		r := analysis.PAV(tb)
		if !slices.IsSorted(r) {
			t.Errorf("%s: PAV not non-decreasing", name)
		}
		// Each pooled block's value is its frequency, so Σ n_i r_i = Σ y_i.
		var sum float64
		for i, c := range tb.Cells {
			sum += c.N * r[i]
		}
		if !close(sum, tb.Yes(), 1e-12) {
			t.Errorf("%s: Σ n r = %v, Σ y = %v", name, sum, tb.Yes())
		}
	}
}

func TestAUCMatchesPairsAndROC(t *testing.T) {
	tb := randomTables()["biased, unrounded"]
	// Brute force over every (event, non-event) pair of forecasts.
	var pairs, wins float64
	for _, a := range tb.Cells {
		for _, b := range tb.Cells {
			w := a.Yes * (b.N - b.Yes)
			pairs += w
			switch {
			case a.P > b.P:
				wins += w
			case a.P == b.P:
				wins += w / 2
			}
		}
	}
	auc := analysis.AUC(tb)
	if !close(auc, wins/pairs, 1e-12) {
		t.Errorf("AUC %v, pairs %v", auc, wins/pairs)
	}
	roc := analysis.ROC(tb)
	var area float64
	for i := 1; i < len(roc); i++ {
		area += (roc[i].FPR - roc[i-1].FPR) * (roc[i].TPR + roc[i-1].TPR) / 2
	}
	if !close(area, auc, 1e-12) {
		t.Errorf("trapezoids under ROC %v, AUC %v", area, auc)
	}
}

// AUC depends on the weights only through their ratios: scaling every
// weight by 1e-300 or 1e300 leaves it as it was (it used to be 0/0).
func TestAUCScaleInvariant(t *testing.T) {
	tb := randomTables()["biased, unrounded"]
	want := analysis.AUC(tb)
	for _, k := range []float64{1e-300, 1e300} {
		s := analysis.Table{Cells: make([]analysis.Cell, len(tb.Cells))}
		for i, c := range tb.Cells {
			s.Cells[i] = analysis.Cell{P: c.P, N: c.N * k, Yes: c.Yes * k}
		}
		if got := analysis.AUC(s); !close(got, want, 1e-12) {
			t.Errorf("weights ×%g: AUC %v, want %v", k, got, want)
		}
	}
}

func TestMurphyDiagramIntegratesToBrier(t *testing.T) {
	// Brier = 2 ∫₀¹ S_θ dθ. The mean elementary score is linear in θ between
	// forecast values, so the midpoint rule on a fine grid is near exact.
	tb := randomTables()["overconfident one decimal"]
	const m = 20000
	thetas := make([]float64, m)
	for i := range thetas {
		thetas[i] = (float64(i) + 0.5) / m
	}
	var integral float64
	for _, s := range analysis.MurphyDiagram(tb, thetas) {
		integral += s / m
	}
	if b := analysis.Brier(tb); math.Abs(2*integral-b) > 1e-6 {
		t.Errorf("2 ∫ S_θ dθ = %v, Brier %v", 2*integral, b)
	}
}

type record struct {
	p   float64
	yes bool
}

func simulated(n int, seed uint64) []record {
	var rs []record
	for p, yes := range analysis.Simulate(analysis.Simulation{N: n, Alpha: 1, Beta: 3, Decimals: 3, Seed: seed}) {
		rs = append(rs, record{p, yes})
	}
	// Some forecasts off the three-decimal grid, for the Tally's map.
	rs = append(rs, record{0.0245, true}, record{0.0245, false}, record{1.0 / 3, true})
	return rs
}

func tableOf(rs []record) analysis.Table {
	var ta analysis.Tally
	for _, r := range rs {
		ta.Add(r.p, r.yes)
	}
	return ta.Table()
}

func TestOrderInvariance(t *testing.T) {
	rs := simulated(5000, 7)
	want := tableOf(rs)
	rng := rand.New(rand.NewPCG(8, 9))
	rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	if got := tableOf(rs); !slices.Equal(got.Cells, want.Cells) {
		t.Errorf("shuffled forecasts give a different table")
	}
}

func TestTallyMergeHalves(t *testing.T) {
	rs := simulated(5000, 10)
	var a, b, whole analysis.Tally
	for i, r := range rs {
		whole.Add(r.p, r.yes)
		if i%2 == 0 {
			a.Add(r.p, r.yes)
		} else {
			b.Add(r.p, r.yes)
		}
	}
	a.Merge(&b)
	if got, want := a.Table(), whole.Table(); !slices.Equal(got.Cells, want.Cells) {
		t.Errorf("merged halves differ from the whole")
	}
}

func TestTallyCounts(t *testing.T) {
	var ta analysis.Tally
	ta.Add(0.07, true)                 // grid
	ta.Add(math.Copysign(0, -1), true) // −0 counts as 0
	ta.Add(0, false)
	ta.Add(0.0245, true) // map
	ta.AddWeighted(0.0245, false, 2.5)
	ta.AddWeighted(0.07, true, 0.5)
	ta.AddWeighted(0.5, true, 0) // nothing
	want := []analysis.Cell{
		{P: 0, N: 2, Yes: 1},
		{P: 0.0245, N: 3.5, Yes: 1},
		{P: 0.07, N: 1.5, Yes: 1.5},
	}
	if got := ta.Table().Cells; !slices.Equal(got, want) {
		t.Errorf("cells %v, want %v", got, want)
	}
	if got := ta.Table().Cells[0].P; math.Signbit(got) {
		t.Errorf("P = −0, want +0")
	}
	// A weight of 2 is two forecasts.
	w := analysis.TableOf([]float64{0.3, 0.6}, []bool{true, false}, []float64{2, 1})
	u := analysis.TableOf([]float64{0.3, 0.3, 0.6}, []bool{true, true, false}, nil)
	if !slices.Equal(w.Cells, u.Cells) {
		t.Errorf("weight 2: %v, two forecasts: %v", w.Cells, u.Cells)
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Add 1.5":                  func() { var ta analysis.Tally; ta.Add(1.5, true) },
		"Add NaN":                  func() { var ta analysis.Tally; ta.Add(math.NaN(), true) },
		"Add −0.1":                 func() { var ta analysis.Tally; ta.Add(-0.1, false) },
		"AddWeighted −1":           func() { var ta analysis.Tally; ta.AddWeighted(0.5, true, -1) },
		"AddWeighted 0 at 2":       func() { var ta analysis.Tally; ta.AddWeighted(2, true, 0) },
		"TableOf lengths":          func() { analysis.TableOf([]float64{0.5}, nil, nil) },
		"NewTable Yes > N":         func() { analysis.NewTable([]analysis.Cell{{P: 0.5, N: 1, Yes: 2}}) },
		"Bins −1":                  func() { analysis.Bins(tiny(), -1) },
		"LogScore clip 0.5":        func() { analysis.LogScore(tiny(), 0.5) },
		"Logistic clip 0":          func() { analysis.Logistic(tiny(), 0) },
		"Wilson level 1":           func() { analysis.WilsonInterval(1, 2, 1) },
		"Options level 2":          func() { analysis.Summarize(tiny(), analysis.Options{Level: 2}) },
		"Bootstrap 0 replicates":   func() { analysis.Bootstrap(tiny(), analysis.Options{}) },
		"Simulate −1":              func() { analysis.Simulate(analysis.Simulation{N: -1}) },
		"ConsistencyBands 0 bands": func() { analysis.ConsistencyBands(tiny(), analysis.Options{}) },
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if !strings.HasPrefix(msg, "analysis: ") {
					t.Errorf("%s: panic %q, want one starting \"analysis: \"", name, msg)
				}
			}()
			f()
		}()
	}
}
