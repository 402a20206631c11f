package analysis

import (
	"fmt"
	"math"
	"strings"
)

// Estimates holds the figures that [Bootstrap] recomputes on every
// replicate. LogScore and the Log terms use the clipped log score
// ([Options.LogClip]); the Murphy terms are over distinct values.
type Estimates struct {
	Brier, LogScore, Spherical float64
	AUC, BaseRate, BrierSkill  float64

	Reliability, Resolution, Uncertainty float64 // Murphy, distinct values

	Miscalibration, Discrimination float64 // CORP, Brier score; its UNC is Uncertainty

	LogMiscalibration, LogDiscrimination, LogUncertainty float64 // CORP, clipped log score

	Overconfidence float64 // confidence − hit rate ([Overconfidence])
}

// fields lists e's figures with their names, in a fixed order.
func (e *Estimates) fields() [numEstimates]namedField {
	return [numEstimates]namedField{
		{"Brier score", &e.Brier}, {"log score", &e.LogScore}, {"spherical score", &e.Spherical},
		{"AUC", &e.AUC}, {"base rate", &e.BaseRate}, {"Brier skill score", &e.BrierSkill},
		{"reliability", &e.Reliability}, {"resolution", &e.Resolution}, {"uncertainty", &e.Uncertainty},
		{"CORP miscalibration", &e.Miscalibration}, {"CORP discrimination", &e.Discrimination},
		{"CORP log miscalibration", &e.LogMiscalibration}, {"CORP log discrimination", &e.LogDiscrimination},
		{"CORP log uncertainty", &e.LogUncertainty},
		{"overconfidence", &e.Overconfidence},
	}
}

const numEstimates = 15

type namedField struct {
	name string
	v    *float64
}

// BootstrapResult holds percentile bootstrap intervals: for each figure,
// Lo and Hi are the (1 − Level)/2 and (1 + Level)/2 quantiles of its
// replicate values (linear interpolation between order statistics, type 7
// of Hyndman & Fan 1996). Replicates in which a figure is undefined (AUC
// when a replicate drew no event, say) are left out of its interval, and a
// Warning says how many.
type BootstrapResult struct {
	Replicates int
	Level      float64
	Seed       uint64
	Clusters   int // clusters resampled ([BootstrapClustered]); 0 when forecasts are resampled one by one
	Lo, Hi     Estimates
	Warnings   []Warning
}

// Bootstrap resamples the forecasts in t opts.Replicates times and returns
// percentile intervals at opts.Level for the figures in [Estimates].
//
// A replicate is one multinomial draw of n = ΣN forecasts (rounded to an
// integer) over the 2K categories (cell, outcome), with probabilities y_i/N
// and (n_i − y_i)/N: the same as drawing n forecasts with replacement, in
// O(K) time. It is drawn by the conditional-binomial method: the count of
// cell i is Binomial(n − drawn so far, n_i / Σ_{j≥i} n_j), its yes-count
// Binomial(count, y_i/n_i). With weighted forecasts the total weight is
// treated as the sample size, an approximation; cells are still drawn in
// proportion to their weight.
//
// A total above 2⁵³ ≈ 9.0e15 is resampled at a smaller size, the sampler
// being exact only up to there: n = round(N·s) with s the power of two that
// puts N·s in [2⁵², 2⁵³), so
//
//	n = round(N · 2^(53 − e)),  N = f·2^e, f in [½, 1)
//
// Intervals at that size are a few 1e-8 wide (relative to the figure's
// scale), slightly wider than those of the full total would be. Since s is a
// power of two, a table and the same table times 2^k (both above 2⁵³) get
// bit-identical intervals.
//
// Replicate r draws from its own random stream, derived from (opts.Seed, r),
// and the replicates run on GOMAXPROCS goroutines: the result depends on the
// seed only. It panics if opts.Replicates < 1 or opts.Level is not in (0, 1).
func Bootstrap(t Table, opts Options) BootstrapResult {
	opts = opts.withDefaults()
	if opts.Replicates < 1 {
		panic(fmt.Sprintf("analysis: Bootstrap: %d replicates", opts.Replicates))
	}
	job := newBootstrapJob(t, opts)
	runJobs([]replicateJob{job})
	return job.result()
}

// bootstrapJob is one table's bootstrap.
type bootstrapJob struct {
	cells   []Cell
	n       int64
	cond    []float64 // n_i / Σ_{j≥i} n_j
	yesFrac []float64 // y_i / n_i
	scores  []cellScores
	logClip float64
	opts    Options
	out     [][numEstimates]float64 // replicate r's figures, in fields order

	clusters int // BootstrapResult.Clusters

	lo, hi    Estimates         // the interval, filled in by summarize
	undefined [numEstimates]int // replicates in which each figure is NaN
}

// maxResample is the largest sample size a resampling procedure draws: up
// to 2⁵³ every integer is a float64, so the binomial sampler, which
// computes in float64, is exact, and a size fits an int64.
const maxResample = 1 << 53

// resampleScale returns the factor s by which weights of total n are
// multiplied before they are rounded to whole forecasts: 1 if n ≤ 2⁵³,
// otherwise the power of two that puts n·s in [2⁵², 2⁵³),
//
//	s = 2^(53 − e),  n = f·2^e, f in [½, 1)
//
// Multiplying by a power of two is exact, so proportions between cells are
// kept bit for bit. An infinite total (weights summing past 1.8e308) gets 1:
// no scale of the sum can recover its cells' proportions.
func resampleScale(n float64) float64 {
	if !(n > maxResample) || math.IsInf(n, 1) {
		return 1
	}
	_, e := math.Frexp(n)
	return math.Ldexp(1, 53-e)
}

// cellScores are a cell's per-forecast scores, the same in every replicate.
type cellScores struct{ brierYes, brierNo, logYes, logNo, sphYes, sphNo float64 }

func newBootstrapJob(t Table, opts Options) *bootstrapJob {
	k := len(t.Cells)
	j := &bootstrapJob{
		cells:   t.Cells,
		n:       int64(math.Round(t.N() * resampleScale(t.N()))),
		cond:    make([]float64, k),
		yesFrac: make([]float64, k),
		scores:  make([]cellScores, k),
		logClip: opts.LogClip,
		opts:    opts,
		out:     make([][numEstimates]float64, opts.Replicates),
	}
	log := ClippedLog(opts.LogClip)
	var suffix float64
	for i := k - 1; i >= 0; i-- {
		c := t.Cells[i]
		suffix += c.N
		j.cond[i] = c.N / suffix
		j.yesFrac[i] = c.Yes / c.N
		j.scores[i] = cellScores{
			brierYes: BrierContribution(c.P, true), brierNo: BrierContribution(c.P, false),
			logYes: log(c.P, true), logNo: log(c.P, false),
			sphYes: SphericalContribution(c.P, true), sphNo: SphericalContribution(c.P, false),
		}
	}
	return j
}

func (j *bootstrapJob) replicates() int { return len(j.out) }
func (j *bootstrapJob) size() int       { return len(j.cells) }

func (j *bootstrapJob) run(r int, sc *scratch) {
	s := newStream(j.opts.Seed, streamBootstrap, uint64(r))
	sc.rep, sc.idx = sc.rep[:0], sc.idx[:0]
	left := j.n
	for i, c := range j.cells {
		if left == 0 {
			break
		}
		ni := s.binomial(left, j.cond[i])
		if ni == 0 {
			continue
		}
		left -= ni
		yi := s.binomial(ni, j.yesFrac[i])
		sc.rep = append(sc.rep, Cell{P: c.P, N: float64(ni), Yes: float64(yi)})
		sc.idx = append(sc.idx, i)
	}
	e := j.estimate(sc)
	for f, x := range e.fields() {
		j.out[r][f] = *x.v
	}
}

// estimate computes the Estimates of the cells in sc.rep, which must be
// sorted with n > 0, and whose scores are j.scores[sc.idx[·]].
func (j *bootstrapJob) estimate(sc *scratch) Estimates {
	var n, yes, brier, logS, sph, conf, hits float64
	for k, c := range sc.rep {
		s := &j.scores[sc.idx[k]]
		no := c.N - c.Yes
		n += c.N
		yes += c.Yes
		conf += c.N * confidence(c.P)
		hits += hitsOf(c)
		brier += c.Yes*s.brierYes + no*s.brierNo
		logS += c.Yes*s.logYes + no*s.logNo
		sph += c.Yes*s.sphYes + no*s.sphNo
	}
	br := yes / n
	var rel, res, aucSum, above float64
	for k := len(sc.rep) - 1; k >= 0; k-- {
		c := sc.rep[k]
		o := c.Yes / c.N
		rel += c.N * (c.P - o) * (c.P - o)
		res += c.N * (o - br) * (o - br)
		aucSum += (c.N - c.Yes) * (above + c.Yes/2)
		above += c.Yes
	}
	auc := math.NaN()
	if yes > 0 && yes < n {
		auc = aucSum / (yes * (n - yes))
	}

	// CORP: the recalibrated Brier score of a block with frequency r is
	// n r (1 − r); the log score needs the rule itself.
	log := ClippedLog(j.logClip)
	sc.stack = pav(sc.r[:len(sc.rep)], sc.rep, sc.stack)
	var brierRecal, logRecal float64
	for _, b := range sc.stack {
		r := b.yes / b.n
		brierRecal += b.n * r * (1 - r)
		logRecal += weighted(log, r, b.n, b.yes)
	}
	unc := br * (1 - br)
	logUnc := weighted(log, br, n, yes) / n
	e := Estimates{
		Brier:       brier / n,
		LogScore:    logS / n,
		Spherical:   sph / n,
		AUC:         auc,
		BaseRate:    br,
		Reliability: rel / n,
		Resolution:  res / n,
		Uncertainty: unc,

		Overconfidence: (conf - hits) / n,
	}
	e.BrierSkill = SkillScore(e.Brier, unc)
	e.Miscalibration = e.Brier - brierRecal/n
	e.Discrimination = unc - brierRecal/n
	e.LogMiscalibration = e.LogScore - logRecal/n
	e.LogDiscrimination = logUnc - logRecal/n
	e.LogUncertainty = logUnc
	return e
}

// summaries: one per figure in Estimates.
func (j *bootstrapJob) summaries() int { return numEstimates }

func (j *bootstrapJob) summarize(f int) {
	values := make([]float64, 0, len(j.out))
	for r := range j.out {
		if v := j.out[r][f]; !math.IsNaN(v) {
			values = append(values, v)
		}
	}
	j.undefined[f] = len(j.out) - len(values)
	*j.lo.fields()[f].v = quantile(values, (1-j.opts.Level)/2)
	*j.hi.fields()[f].v = quantile(values, (1+j.opts.Level)/2)
}

func (j *bootstrapJob) result() BootstrapResult {
	res := BootstrapResult{Replicates: len(j.out), Level: j.opts.Level, Seed: j.opts.Seed, Clusters: j.clusters, Lo: j.lo, Hi: j.hi}
	names := res.Lo.fields()
	undefined := map[int][]string{} // replicates without a value → figures
	var counts []int
	for f, u := range j.undefined {
		if u > 0 {
			if undefined[u] == nil {
				counts = append(counts, u)
			}
			undefined[u] = append(undefined[u], names[f].name)
		}
	}
	for _, u := range counts {
		names := strings.Join(undefined[u], " and ")
		msg := fmt.Sprintf("the %s were undefined in %d of %d bootstrap replicates (no event or no non-event drawn); their intervals come from the other %d",
			names, u, len(j.out), len(j.out)-u)
		if u == len(j.out) {
			msg = fmt.Sprintf("the %s were undefined in every bootstrap replicate, so they have no interval", names)
		}
		res.Warnings = append(res.Warnings, Warning{Code: WarnBootstrapUndefined, Message: msg})
	}
	return res
}
