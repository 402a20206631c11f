package analysis_test

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// handClusters are three questions of two forecasts each:
//
//	A: 0.9, 0.9, both followed by the event   Brier terms 0.01 + 0.01 = 0.02
//	B: 0.9, 0.9, neither                       0.81 + 0.81 = 1.62
//	C: 0.5, 0.5, one of them                   0.25 + 0.25 = 0.50
//
// Every cluster holds 2 forecasts, so a replicate that draws A, B and C
// m_A, m_B and m_C times (m_A + m_B + m_C = 3) has the Brier score
// (0.02 m_A + 1.62 m_B + 0.5 m_C) / 6. Of the 3³ = 27 equally likely draws:
//
//	(m_A, m_B, m_C)   draws   Brier       cumulative draws
//	(3, 0, 0)           1     0.01          1
//	(2, 0, 1)           3     0.09          4
//	(1, 0, 2)           3     0.17          7
//	(0, 0, 3)           1     0.25          8
//	(2, 1, 0)           3     0.276667     11
//	(1, 1, 1)           6     0.356667     17   (the point estimate, 2.14/6)
//	(0, 1, 2)           3     0.436667     20
//	(1, 2, 0)           3     0.543333     23
//	(0, 2, 1)           3     0.623333     26
//	(0, 3, 0)           1     0.81         27
//
// So the 10% quantile is 0.09 (4/27 = 0.148 ≥ 0.10 > 1/27), the 90%
// quantile 0.623333 (26/27 = 0.963 ≥ 0.90 > 23/27 = 0.852), the 25% quantile
// 0.17 (7/27 = 0.259 ≥ 0.25 > 4/27) and the 75% quantile 0.543333
// (23/27 = 0.852 ≥ 0.75 > 20/27 = 0.741). The base rate of a replicate is
// (2 m_A + m_C) / 6; 2 m_A + m_C is 0 in 1 draw, 1 in 3, 2 in 6, 3 in 7,
// 4 in 6, 5 in 3 and 6 in 1 (cumulative 1, 4, 10, 17, 23, 26, 27), so its
// 10% and 90% quantiles are 1/6 and 5/6.
func handClusters() []analysis.Table {
	return []analysis.Table{
		analysis.NewTable([]analysis.Cell{{P: 0.9, N: 2, Yes: 2}}),
		analysis.NewTable([]analysis.Cell{{P: 0.9, N: 2, Yes: 0}}),
		analysis.NewTable([]analysis.Cell{{P: 0.5, N: 2, Yes: 1}}),
	}
}

func TestBootstrapClusteredHand(t *testing.T) {
	const tol = 1e-12
	for _, c := range []struct {
		level, replicates float64
		brierLo, brierHi  float64
		baseLo, baseHi    float64
		checkBase         bool
	}{
		// The sample quantiles of R replicates sit at the exact ones when
		// the exact CDF clears the level by more than a few standard
		// errors √(q(1−q)/R): 0.048 against 0.005 at level 0.8 with 4000,
		// 0.009 against 0.003 at level 0.5 with 20,000.
		{level: 0.8, replicates: 4000, brierLo: 0.09, brierHi: 3.74 / 6, baseLo: 1.0 / 6, baseHi: 5.0 / 6, checkBase: true},
		{level: 0.5, replicates: 20000, brierLo: 0.17, brierHi: 3.26 / 6},
	} {
		b := analysis.BootstrapClustered(handClusters(), analysis.Options{Replicates: int(c.replicates), Level: c.level, Seed: 1})
		if math.Abs(b.Lo.Brier-c.brierLo) > tol || math.Abs(b.Hi.Brier-c.brierHi) > tol {
			t.Errorf("level %v: Brier interval [%v, %v], want [%v, %v]", c.level, b.Lo.Brier, b.Hi.Brier, c.brierLo, c.brierHi)
		}
		if c.checkBase && (math.Abs(b.Lo.BaseRate-c.baseLo) > tol || math.Abs(b.Hi.BaseRate-c.baseHi) > tol) {
			t.Errorf("level %v: base-rate interval [%v, %v], want [%v, %v]", c.level, b.Lo.BaseRate, b.Hi.BaseRate, c.baseLo, c.baseHi)
		}
		if b.Clusters != 3 {
			t.Errorf("Clusters = %d, want 3", b.Clusters)
		}
	}
	// Resampled forecast by forecast, the same six forecasts give a
	// narrower 80% interval.
	plain := analysis.Bootstrap(analysis.MergeTables(handClusters()), analysis.Options{Replicates: 4000, Level: 0.8, Seed: 1})
	if !(plain.Hi.Brier-plain.Lo.Brier < 3.74/6-0.09) {
		t.Errorf("unclustered 80%% interval [%v, %v] is not narrower than [0.09, 0.6233]", plain.Lo.Brier, plain.Hi.Brier)
	}
}

// TestBootstrapClusteredIdentical: when every cluster holds the same
// table, every replicate is that table times K, and every figure is the
// same as the point estimate: the interval has no width. Resampled forecast
// by forecast, the same forecasts have a wide interval.
func TestBootstrapClusteredIdentical(t *testing.T) {
	one := analysis.NewTable([]analysis.Cell{{P: 0.2, N: 3, Yes: 1}, {P: 0.7, N: 2, Yes: 1}})
	clusters := []analysis.Table{one, one, one, one, one, one, one, one, one, one, one, one}
	b := analysis.BootstrapClustered(clusters, analysis.Options{Replicates: 200, Seed: 2})
	point := analysis.Brier(one)
	if math.Abs(b.Lo.Brier-point) > 1e-15 || math.Abs(b.Hi.Brier-point) > 1e-15 {
		t.Errorf("clustered Brier interval [%v, %v], want the point %v", b.Lo.Brier, b.Hi.Brier, point)
	}
	plain := analysis.Bootstrap(analysis.MergeTables(clusters), analysis.Options{Replicates: 200, Seed: 2})
	if plain.Hi.Brier-plain.Lo.Brier < 0.05 {
		t.Errorf("unclustered Brier interval [%v, %v] is narrow", plain.Lo.Brier, plain.Hi.Brier)
	}
}

// TestBootstrapClusteredSingletons: clusters of one forecast each are
// resampled as single forecasts are, bit for bit.
func TestBootstrapClusteredSingletons(t *testing.T) {
	var clusters []analysis.Table
	for i := range 40 {
		p := float64(i%7) / 10
		clusters = append(clusters, analysis.NewTable([]analysis.Cell{{P: p, N: 1, Yes: float64(i % 3 % 2)}}))
	}
	opts := analysis.Options{Replicates: 300, Seed: 5}
	c := analysis.BootstrapClustered(clusters, opts)
	p := analysis.Bootstrap(analysis.MergeTables(clusters), opts)
	if c.Clusters != 40 {
		t.Errorf("Clusters = %d", c.Clusters)
	}
	c.Clusters = 0
	if resultBits(c) != resultBits(p) {
		t.Errorf("clustered %v\nplain %v", c, p)
	}
}

// TestSummarizeClustered: the same intervals alone or with other tables,
// on 1 or 4 cores; the forecast-by-forecast tables among them unchanged;
// and a warning for too few clusters.
func TestSummarizeClustered(t *testing.T) {
	_, groups := solarFlares(t)
	a, b := groups[groupKey{"NOAA", "C1"}], groups[groupKey{"SIDC", "C1"}]
	// Split a into clusters by position, every fifth cell together.
	var cells [5][]analysis.Cell
	for i, c := range a.Cells {
		cells[i%5] = append(cells[i%5], c)
	}
	var cs []analysis.Table
	for _, c := range cells {
		cs = append(cs, analysis.NewTable(c))
	}
	opts := analysis.Options{Replicates: 300, Seed: 9}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	alone := analysis.SummarizeClustered([]analysis.Table{a}, [][]analysis.Table{cs}, opts)[0]
	runtime.GOMAXPROCS(4)
	both := analysis.SummarizeClustered([]analysis.Table{b, a}, [][]analysis.Table{nil, cs}, opts)
	if resultBits(*alone.Bootstrap) != resultBits(*both[1].Bootstrap) {
		t.Errorf("alone on 1 core %v\nwith another on 4 %v", *alone.Bootstrap, *both[1].Bootstrap)
	}
	direct := analysis.BootstrapClustered(cs, opts)
	if resultBits(direct) != resultBits(*alone.Bootstrap) {
		t.Errorf("BootstrapClustered %v\nSummarizeClustered %v", direct, *alone.Bootstrap)
	}
	plain := analysis.Summarize(b, opts)
	if resultBits(*plain.Bootstrap) != resultBits(*both[0].Bootstrap) || both[0].Clusters != 0 {
		t.Errorf("unclustered table changed: %v\n%v", *plain.Bootstrap, *both[0].Bootstrap)
	}
	if alone.Clusters != 5 || alone.Bootstrap.Clusters != 5 {
		t.Errorf("Clusters %d, %d", alone.Clusters, alone.Bootstrap.Clusters)
	}
	found := false
	for _, w := range alone.Warnings {
		found = found || w.Code == analysis.WarnFewClusters
	}
	if !found {
		t.Errorf("no %s warning for 5 clusters: %v", analysis.WarnFewClusters, alone.Warnings)
	}
}

func TestUnclusteredViaSummarizeClustered(t *testing.T) {
	got := solarDigest(t, func(ts []analysis.Table, o analysis.Options) []analysis.Summary {
		return analysis.SummarizeClustered(ts, nil, o)
	})
	if got != unclusteredDigest {
		t.Errorf("SummarizeClustered(ts, nil) digest %s, want %s", got, unclusteredDigest)
	}
}

// resultBits writes every bit of a bootstrap result.
func resultBits(b analysis.BootstrapResult) string {
	return fmt.Sprintf("%d %b %d %d %b %b %v", b.Replicates, b.Level, b.Seed, b.Clusters, b.Lo, b.Hi, b.Warnings)
}
