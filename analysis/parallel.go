package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls fn(w, i) for every i in [0, n) on up to workers goroutines,
// handing out i in order. w, in [0, workers), names the goroutine, so that
// fn can reuse per-goroutine scratch space; nothing about the result may
// depend on it.
func forEach(workers, n int, fn func(w, i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		})
	}
	wg.Wait()
}

// A replicateJob is a resampling procedure on one table whose replicate r
// writes only its own output slot, so replicates can run in any order on
// any goroutine. Once all have run, its summaries (quantiles of one figure,
// say) are independent tasks too.
type replicateJob interface {
	replicates() int
	size() int // number of cells in the table
	run(r int, sc *scratch)
	summaries() int
	summarize(i int)
}

// scratch is one goroutine's working space, big enough for any job's table.
type scratch struct {
	rep   []Cell // a replicate's cells (those drawn at least once)
	idx   []int  // rep[j] is cell idx[j] of the original table
	r     []float64
	stack []block

	// The clustered bootstrap's: how often each cluster was drawn, and
	// the replicate's weights at each cell of the merged table.
	draws        []int32
	accN, accYes []float64
}

// replicateChunk is how many replicates a goroutine takes at a time.
const replicateChunk = 32

// runJobs runs every replicate of every job on GOMAXPROCS goroutines.
func runJobs(jobs []replicateJob) {
	type task struct{ job, lo, hi int }
	var tasks []task
	maxCells := 0
	for j, job := range jobs {
		maxCells = max(maxCells, job.size())
		for lo := 0; lo < job.replicates(); lo += replicateChunk {
			tasks = append(tasks, task{j, lo, min(lo+replicateChunk, job.replicates())})
		}
	}
	workers := runtime.GOMAXPROCS(0)
	scratches := make([]*scratch, workers)
	forEach(workers, len(tasks), func(w, i int) {
		sc := scratches[w]
		if sc == nil {
			sc = &scratch{
				rep:   make([]Cell, 0, maxCells),
				idx:   make([]int, 0, maxCells),
				r:     make([]float64, maxCells),
				stack: make([]block, 0, maxCells),
			}
			scratches[w] = sc
		}
		t := tasks[i]
		for r := t.lo; r < t.hi; r++ {
			jobs[t.job].run(r, sc)
		}
	})

	tasks = tasks[:0]
	for j, job := range jobs {
		for i := range job.summaries() {
			tasks = append(tasks, task{job: j, lo: i})
		}
	}
	forEach(workers, len(tasks), func(_, i int) { jobs[tasks[i].job].summarize(tasks[i].lo) })
}
