package analysis_test

import (
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// questionTables returns 1,000,000 two-decimal forecasts as the tables of
// 1000 questions of 1000 forecasts each (about 100 distinct values each).
func questionTables() []analysis.Table {
	const questions, per = 1000, 1000
	p, yes := forecasts(questions*per, false)
	ts := make([]analysis.Table, questions)
	for q := range ts {
		var t analysis.Tally
		for i := q * per; i < (q+1)*per; i++ {
			t.Add(p[i], yes[i])
		}
		ts[q] = t.Table()
	}
	return ts
}

// BenchmarkBootstrapClustered: 1000 replicates of 1,000,000 forecasts in
// 1000 clusters (about 100,000 cluster cells in all).
func BenchmarkBootstrapClustered(b *testing.B) {
	ts := questionTables()
	opts := analysis.Options{Replicates: 1000, Seed: 1}
	b.ResetTimer()
	for range b.N {
		analysis.BootstrapClustered(ts, opts)
	}
}

// BenchmarkBootstrapUnclustered: the same forecasts resampled one by one,
// for comparison.
func BenchmarkBootstrapUnclustered(b *testing.B) {
	t := analysis.MergeTables(questionTables())
	opts := analysis.Options{Replicates: 1000, Seed: 1}
	b.ResetTimer()
	for range b.N {
		analysis.Bootstrap(t, opts)
	}
}
