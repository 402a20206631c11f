package analysis

import (
	"fmt"
	"math/bits"
	"sort"
)

// BootstrapClustered resamples whole clusters of forecasts opts.Replicates
// times and returns percentile intervals at opts.Level for the figures in
// [Estimates], as [Bootstrap] does for single forecasts. clusters[c] holds
// the forecasts of cluster c: those on one question, say, which are not
// independent of each other, so that drawing them one at a time makes the
// intervals too narrow.
//
// With K = len(clusters), a replicate draws K clusters uniformly with
// replacement (each of the K^K draws equally likely) and computes the
// figures of the sum of their tables: cluster c drawn m_c times adds
//
//	n_i += m_c · n_ci,  y_i += m_c · y_ci
//
// to each of its cells i. Cells are added in cluster order, so a
// replicate's table, and the result, depend on the seed only, on any
// number of cores. A replicate costs O(total cells of the clusters + K).
// Weights are kept as they are: a replicate's total is the sum of the
// drawn clusters' totals.
//
// When every cluster is a single forecast of weight 1, drawing K clusters
// is drawing K forecasts with replacement: the result is then that of
// [Bootstrap] on the merged table, bit for bit, which costs O(distinct
// values) per replicate. BootstrapResult.Clusters is K either way.
//
// It panics if opts.Replicates < 1, opts.Level is not in (0, 1), or there
// are no clusters.
func BootstrapClustered(clusters []Table, opts Options) BootstrapResult {
	opts = opts.withDefaults()
	if opts.Replicates < 1 {
		panic(fmt.Sprintf("analysis: BootstrapClustered: %d replicates", opts.Replicates))
	}
	if len(clusters) == 0 {
		panic("analysis: BootstrapClustered: no clusters")
	}
	job := newClusterJob(MergeTables(clusters), clusters, opts)
	runJobs([]replicateJob{job})
	return job.result()
}

// MergeTables returns the table of the forecasts of every table in ts: for
// each distinct forecast value, its weights and yes-weights summed in the
// order of ts.
func MergeTables(ts []Table) Table {
	var t Tally
	for _, x := range ts {
		for _, c := range x.Cells {
			t.add(c.P, c.N, c.Yes)
		}
	}
	return t.Table()
}

// bootstrapper is a bootstrap's replicateJob: a bootstrapJob or a
// clusterJob.
type bootstrapper interface {
	replicateJob
	result() BootstrapResult
}

// newClusterJob returns the resampling of the clusters of table t (their
// merged table): a clusterJob, or a plain bootstrapJob on t when every
// cluster is one forecast of weight 1.
func newClusterJob(t Table, clusters []Table, opts Options) bootstrapper {
	if len(clusters) == 0 {
		panic(fmt.Sprintf("analysis: no clusters for a table of %g forecasts", t.N()))
	}
	plain := newBootstrapJob(t, opts)
	plain.clusters = len(clusters)
	if singletons(clusters) {
		return plain
	}
	j := &clusterJob{bootstrapJob: plain, starts: make([]int32, 1, len(clusters)+1)}
	for _, ct := range clusters {
		for _, c := range ct.Cells {
			i := sort.Search(len(t.Cells), func(i int) bool { return t.Cells[i].P >= c.P })
			if i == len(t.Cells) || t.Cells[i].P != c.P {
				panic(fmt.Sprintf("analysis: a cluster's forecast value %v is not in the merged table", c.P))
			}
			j.cell = append(j.cell, int32(i))
			j.n = append(j.n, c.N)
			j.yes = append(j.yes, c.Yes)
		}
		j.starts = append(j.starts, int32(len(j.cell)))
	}
	return j
}

// singletons reports whether every cluster is one forecast of weight 1.
func singletons(clusters []Table) bool {
	for _, ct := range clusters {
		if len(ct.Cells) != 1 || ct.Cells[0].N != 1 {
			return false
		}
	}
	return true
}

// clusterJob is one table's clustered bootstrap. Its embedded
// bootstrapJob holds the merged table's cells and scores, the replicates'
// figures and the intervals; cluster c's cells are the entries
// starts[c]..starts[c+1] of cell (an index into the merged cells), n and
// yes.
type clusterJob struct {
	*bootstrapJob
	starts []int32
	cell   []int32
	n, yes []float64
}

// clusterEntryBytes is what one cell of one cluster takes in a clusterJob.
const clusterEntryBytes = 4 + 8 + 8

func (j *clusterJob) run(r int, sc *scratch) {
	s := newStream(j.opts.Seed, streamClusterBootstrap, uint64(r))
	k := len(j.starts) - 1
	cells := len(j.cells)
	sc.draws = grow(sc.draws, k)
	sc.accN = grow(sc.accN, cells)
	sc.accYes = grow(sc.accYes, cells)
	for range k {
		// Multiply-shift: an index in [0, k), biased by less than k/2⁶⁴.
		c, _ := bits.Mul64(s.pcg.Uint64(), uint64(k))
		sc.draws[c]++
	}
	accN, accYes := sc.accN, sc.accYes
	for c, m := range sc.draws {
		if m == 0 {
			continue
		}
		fm := float64(m)
		lo, hi := j.starts[c], j.starts[c+1]
		n, yes := j.n[lo:hi], j.yes[lo:hi]
		for e, i := range j.cell[lo:hi] {
			accN[i] += fm * n[e]
			accYes[i] += fm * yes[e]
		}
	}
	sc.rep, sc.idx = sc.rep[:0], sc.idx[:0]
	for i, n := range sc.accN {
		if n > 0 {
			sc.rep = append(sc.rep, Cell{P: j.cells[i].P, N: n, Yes: sc.accYes[i]})
			sc.idx = append(sc.idx, i)
		}
	}
	e := j.estimate(sc)
	for f, x := range e.fields() {
		j.out[r][f] = *x.v
	}
}

// grow returns s with length n, every element zero, reusing its array
// when it is big enough.
func grow[T int32 | float64](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// fewClusters adds the warning that s's n clusters are too few for the
// intervals, when they are fewer than opts.MinClusters and resampling them
// is not resampling single forecasts.
func (s *Summary) fewClusters(clusters []Table, opts Options) {
	if len(clusters) < opts.MinClusters && !singletons(clusters) {
		noun := "clusters"
		if len(clusters) == 1 {
			noun = "cluster"
		}
		s.Warn(WarnFewClusters, "the bootstrap resamples only %d %s (fewer than %d): with so few, the intervals are unreliable, most likely too narrow",
			len(clusters), noun, opts.MinClusters)
	}
}
