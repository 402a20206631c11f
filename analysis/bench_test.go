package analysis_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// forecasts returns n two-decimal (or, offGrid, five-decimal) forecasts
// with outcomes.
func forecasts(n int, offGrid bool) ([]float64, []bool) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := make([]float64, n)
	yes := make([]bool, n)
	scale := 100.0
	if offGrid {
		scale = 100000
	}
	for i := range p {
		p[i] = math.Round(rng.Float64()*scale) / scale
		yes[i] = rng.Float64() < p[i]
	}
	return p, yes
}

func benchmarkTallyAdd(b *testing.B, offGrid bool) {
	const n = 1 << 20
	p, yes := forecasts(n, offGrid)
	var t analysis.Tally
	b.ResetTimer()
	for i := range b.N {
		t.Add(p[i&(n-1)], yes[i&(n-1)])
	}
}

// BenchmarkTallyAdd: one forecast per op, probabilities with two decimals
// (the array path).
func BenchmarkTallyAdd(b *testing.B) { benchmarkTallyAdd(b, false) }

// BenchmarkTallyAddOffGrid: five decimals, most off the 1/1000 grid (the
// map path; about 100,000 distinct values).
func BenchmarkTallyAddOffGrid(b *testing.B) { benchmarkTallyAdd(b, true) }

// benchmarkTallyAddValues counts forecasts drawn from the first values of
// the three-decimal grid, few enough that a tally keeps its sparse list.
func benchmarkTallyAddValues(b *testing.B, values int) {
	const n = 1 << 20
	rng := rand.New(rand.NewPCG(1, 2))
	p := make([]float64, n)
	yes := make([]bool, n)
	for i := range p {
		p[i] = float64(rng.IntN(values)) / 1000
		yes[i] = rng.Float64() < p[i]
	}
	var t analysis.Tally
	b.ResetTimer()
	for i := range b.N {
		t.Add(p[i&(n-1)], yes[i&(n-1)])
	}
}

// BenchmarkTallyAddSparse8: 8 distinct values, the most a tally searches
// linearly (a small group's tally).
func BenchmarkTallyAddSparse8(b *testing.B) { benchmarkTallyAddValues(b, 8) }

// BenchmarkTallyAddSparse60: 60 distinct values, counted in the indexed
// list.
func BenchmarkTallyAddSparse60(b *testing.B) { benchmarkTallyAddValues(b, 60) }

// groupTables returns k tables of 101 two-decimal cells holding 10⁶
// forecasts each, from forecasters of varying calibration.
func groupTables(k int) []analysis.Table {
	ts := make([]analysis.Table, k)
	for g := range ts {
		truth := analysis.LogisticCurve(0.1*float64(g-k/2), 0.6+0.1*float64(g))
		cells := make([]analysis.Cell, 101)
		for i := range cells {
			p := float64(i) / 100
			n := math.Round(1e6 / 101)
			cells[i] = analysis.Cell{P: p, N: n, Yes: math.Round(n * truth(p))}
		}
		ts[g] = analysis.NewTable(cells)
	}
	return ts
}

// BenchmarkSummarize: every point figure for one table of 101 cells, no
// resampling.
func BenchmarkSummarize(b *testing.B) {
	t := groupTables(1)[0]
	for b.Loop() {
		analysis.Summarize(t, analysis.Options{})
	}
}

// BenchmarkBootstrap10Tables: 1000 bootstrap replicates on each of 10
// tables of 101 cells and 10⁶ forecasts, all cores.
func BenchmarkBootstrap10Tables(b *testing.B) {
	ts := groupTables(10)
	opts := analysis.Options{Replicates: 1000, Seed: 1}
	for b.Loop() {
		analysis.SummarizeAll(ts, opts)
	}
}

// BenchmarkSummarizeAllDefault: the target workload's analysis after
// tallying, 10 groups and the overall table, every figure with the default
// 1000 bootstrap replicates and 1000 consistency-band resamples.
func BenchmarkSummarizeAllDefault(b *testing.B) {
	ts := groupTables(11)
	opts := analysis.DefaultOptions()
	for b.Loop() {
		analysis.SummarizeAll(ts, opts)
	}
}

// BenchmarkBootstrapOneTable: 1000 replicates of one such table.
func BenchmarkBootstrapOneTable(b *testing.B) {
	t := groupTables(1)[0]
	opts := analysis.Options{Replicates: 1000, Seed: 1}
	for b.Loop() {
		analysis.Bootstrap(t, opts)
	}
}

// BenchmarkConsistencyBandsOneTable: 1000 resamples of one such table.
func BenchmarkConsistencyBandsOneTable(b *testing.B) {
	t := groupTables(1)[0]
	opts := analysis.Options{BandReplicates: 1000, Seed: 1}
	for b.Loop() {
		analysis.ConsistencyBands(t, opts)
	}
}

// BenchmarkTargetWorkload is the whole analysis of the CLI's target: 10⁷
// two-decimal forecasts in 10 groups, tallied by two goroutines (each
// taking half the rows into per-group tallies, merged after), then every
// figure for the 10 groups and the overall table, with 1000 bootstrap
// replicates and 1000 consistency-band resamples each. Reading the input
// is not included.
func BenchmarkTargetWorkload(b *testing.B) {
	const n, groups = 10_000_000, 10
	p, yes := forecasts(n, false)
	group := make([]uint8, n)
	for i := range group {
		group[i] = uint8(i % groups)
	}
	opts := analysis.DefaultOptions()
	b.ResetTimer()
	for range b.N {
		var halves [2][groups + 1]analysis.Tally
		done := make(chan bool)
		for h := range halves {
			go func() {
				tallies := &halves[h]
				for i := h * n / 2; i < (h+1)*n/2; i++ {
					tallies[group[i]].Add(p[i], yes[i])
				}
				done <- true
			}()
		}
		<-done
		<-done
		tables := make([]analysis.Table, groups+1)
		for g := range groups {
			halves[0][g].Merge(&halves[1][g])
			halves[0][groups].Merge(&halves[0][g])
			tables[g] = halves[0][g].Table()
		}
		tables[groups] = halves[0][groups].Table()
		analysis.SummarizeAll(tables, opts)
	}
}
