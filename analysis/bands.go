package analysis

import (
	"fmt"
	"math"
)

// ConsistencyBand is a pointwise band for the CORP reliability diagram
// (Dimitriadis, Gneiting & Jordan 2021, section 3.2): where the
// PAV-recalibrated curve would lie if the forecasts were calibrated. A
// recalibrated probability outside the band at P[i] is evidence of
// miscalibration there.
type ConsistencyBand struct {
	P          []float64 // the forecast values, those of the table's cells
	Lo, Hi     []float64 // band limits at each P
	Replicates int
	Level      float64
	Seed       uint64
}

// ConsistencyBands resamples the outcomes of t opts.BandReplicates times
// under the hypothesis that the forecasts are calibrated — in cell i,
// Yes* ~ Binomial(n_i, p_i) — refits [PAV] to each resample, and returns at
// each forecast value the (1 − Level)/2 and (1 + Level)/2 quantiles of the
// refitted probabilities (type 7, as in [BootstrapResult]).
//
// Weights are rounded to whole forecasts, at least one per cell; a table
// whose total weight N exceeds 2⁵³ has every weight first multiplied by the
// power of two that puts N in [2⁵², 2⁵³), as in [Bootstrap]. Resample r
// draws from its own random stream derived from (opts.Seed, r), and the
// resamples run on GOMAXPROCS goroutines: the result depends on the seed
// only. It panics if opts.BandReplicates < 1.
func ConsistencyBands(t Table, opts Options) ConsistencyBand {
	opts = opts.withDefaults()
	if opts.BandReplicates < 1 {
		panic(fmt.Sprintf("analysis: ConsistencyBands: %d replicates", opts.BandReplicates))
	}
	job := newBandJob(t, opts)
	runJobs([]replicateJob{job})
	return job.result()
}

type bandJob struct {
	cells []Cell
	n     []int64
	dist  []binomialDist // Binomial(n_i, p_i)
	opts  Options
	out   []float64 // resample r's fit at cell i is out[i*replicates+r]
	band  ConsistencyBand
}

func newBandJob(t Table, opts Options) *bandJob {
	k := len(t.Cells)
	j := &bandJob{
		cells: t.Cells,
		n:     make([]int64, k),
		dist:  make([]binomialDist, k),
		opts:  opts,
		out:   make([]float64, opts.BandReplicates*k),
		band: ConsistencyBand{
			P:          make([]float64, k),
			Lo:         make([]float64, k),
			Hi:         make([]float64, k),
			Replicates: opts.BandReplicates,
			Level:      opts.Level,
			Seed:       opts.Seed,
		},
	}
	scale := resampleScale(t.N())
	for i, c := range t.Cells {
		j.n[i] = max(1, int64(math.Round(c.N*scale)))
		j.dist[i].init(j.n[i], c.P)
		j.band.P[i] = c.P
	}
	return j
}

func (j *bandJob) replicates() int { return j.opts.BandReplicates }
func (j *bandJob) size() int       { return len(j.cells) }

func (j *bandJob) run(r int, sc *scratch) {
	s := newStream(j.opts.Seed, streamBands, uint64(r))
	sc.rep = sc.rep[:0]
	for i, c := range j.cells {
		sc.rep = append(sc.rep, Cell{P: c.P, N: float64(j.n[i]), Yes: float64(j.dist[i].draw(s))})
	}
	fit := sc.r[:len(j.cells)]
	sc.stack = pav(fit, sc.rep, sc.stack)
	for i, v := range fit {
		j.out[i*j.opts.BandReplicates+r] = v
	}
}

// summaries: one per cell, the quantiles of its fitted values.
func (j *bandJob) summaries() int { return len(j.cells) }

func (j *bandJob) summarize(i int) {
	col := j.out[i*j.opts.BandReplicates : (i+1)*j.opts.BandReplicates]
	j.band.Lo[i] = quantile(col, (1-j.opts.Level)/2)
	j.band.Hi[i] = quantile(col, (1+j.opts.Level)/2)
}

func (j *bandJob) result() ConsistencyBand { return j.band }
