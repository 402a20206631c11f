package analysis

import (
	"fmt"
	"math"
	"slices"
)

// Categorical forecasts: a question with K ≥ 2 named options, a
// probability for each, and the one option that happened.

// CategoricalForecast is one forecast of a question with options.
type CategoricalForecast struct {
	// Options names the options, in order; P gives each its probability
	// (adding up to 1). Outcome is the index of the option that happened.
	Options []string
	P       []float64
	Outcome int
	// Ordered says the options are in a natural order (dates, sizes): the
	// ranked probability score is defined for it.
	Ordered bool
	// Cluster names the cluster the bootstrap keeps whole (the question,
	// by default): forecasts with the same Cluster are resampled together.
	Cluster string
}

// checkCategorical panics on a forecast no caller should build.
func checkCategorical(f CategoricalForecast) {
	if len(f.P) < 2 || len(f.Options) != len(f.P) || f.Outcome < 0 || f.Outcome >= len(f.P) {
		panic(fmt.Sprintf("analysis: a categorical forecast needs at least two options, as many probabilities, and an outcome among them (options %d, probabilities %d, outcome %d)", len(f.Options), len(f.P), f.Outcome))
	}
}

// MultiBrier returns the Brier score of one categorical forecast as
// Brier (1950) and forecasting tournaments define it, summed over the K
// options,
//
//	Σₖ (pₖ − oₖ)²
//
// where oₖ is 1 for the option that happened (index outcome) and 0 for
// the others. It runs from 0 (certainty on what happened) to 2
// (certainty on something else). For two options it is twice the binary
// Brier score (p − y)² of either option.
func MultiBrier(p []float64, outcome int) float64 {
	s := 0.0
	for k, pk := range p {
		d := pk
		if k == outcome {
			d = pk - 1
		}
		s += d * d
	}
	return s
}

// CategoricalLog returns the log score of one categorical forecast, minus
// the natural log of the probability given to what happened,
//
//	−ln p_outcome
//
// as [LogContribution] is for a yes/no question (lower is better; always
// saying 1/K scores ln K). With clip > 0 the probability is first raised
// to at least clip, so that certainty on the wrong option scores −ln clip
// rather than +Inf.
func CategoricalLog(p []float64, outcome int, clip float64) float64 {
	q := p[outcome]
	if clip > 0 {
		q = math.Max(q, clip)
	}
	return -ln(q)
}

// RPS returns the ranked probability score of one forecast over ordered
// options (Epstein 1969), the squared differences of the cumulative
// forecast and the cumulative outcome,
//
//	Σ_{j=1}^{K−1} (P_j − O_j)²,   P_j = p₁ + … + p_j,  O_j = 1 if outcome ≤ j else 0
//
// not divided by K − 1: it runs from 0 to K − 1, as in scoringutils
// (rps_ordinal), scoringRules (rps_probs) and s2dv (RPS); R's verification
// package divides by K − 1. The K-th term, (1 − 1)², is 0 and left out.
// For two options it equals the binary Brier score. Options are indexed
// from 0: O_j is 1 for j ≥ outcome.
func RPS(p []float64, outcome int) float64 {
	s, cum := 0.0, 0.0
	for j := 0; j < len(p)-1; j++ {
		cum += p[j]
		d := cum
		if j >= outcome {
			d = cum - 1
		}
		s += d * d
	}
	return s
}

// UniformForecast returns 1/K for each of K options: the reference the
// categorical skill scores are against.
func UniformForecast(k int) []float64 {
	p := make([]float64, k)
	for i := range p {
		p[i] = 1 / float64(k)
	}
	return p
}

// CategoricalEstimates are the categorical scores of a set of forecasts:
// means over forecasts, and skill against always saying 1/K,
//
//	skill = 1 − mean score / mean score of 1/K
//
// (above 0 beats the uniform forecast, 1 is perfect). The RPS figures
// are over the forecasts whose options are ordered only; NaN when none
// are.
type CategoricalEstimates struct {
	Brier, BrierUniform, BrierSkill float64
	Log, LogUniform, LogSkill       float64
	RPS, RPSUniform, RPSSkill       float64
}

// CategoricalSummary is every categorical figure of a set of forecasts.
type CategoricalSummary struct {
	N        int // forecasts
	NOrdered int // of them, forecasts over ordered options (the RPS's)
	Clusters int // distinct clusters
	LogClip  float64
	CategoricalEstimates
	// LogUnclipped is the log score without clipping: +Inf when a
	// forecast gave the option that happened probability 0.
	LogUnclipped float64
	Bootstrap    *CategoricalBootstrap // nil without replicates or forecasts
	Warnings     []Warning
}

// CategoricalBootstrap holds the percentile intervals of the categorical
// scores.
type CategoricalBootstrap struct {
	Replicates int
	Level      float64
	Seed       uint64
	Clusters   int // the clusters resampled; as many as forecasts when each is its own
	Lo, Hi     CategoricalEstimates
}

// streamCategoricalBootstrap numbers the categorical bootstrap's random
// streams apart from the others of the package (see random.go).
const streamCategoricalBootstrap uint64 = 101

// categoricalSums are the sums of the scores of a set of forecasts.
type categoricalSums struct {
	n, nOrd                  float64
	brier, brierU, log, logU float64
	rps, rpsU                float64
	logUnclipped             float64
}

func (s *categoricalSums) add(o *categoricalSums) {
	s.n += o.n
	s.nOrd += o.nOrd
	s.brier += o.brier
	s.brierU += o.brierU
	s.log += o.log
	s.logU += o.logU
	s.rps += o.rps
	s.rpsU += o.rpsU
	s.logUnclipped += o.logUnclipped
}

func (s *categoricalSums) estimates() CategoricalEstimates {
	e := CategoricalEstimates{
		Brier: s.brier / s.n, BrierUniform: s.brierU / s.n,
		Log: s.log / s.n, LogUniform: s.logU / s.n,
		RPS: math.NaN(), RPSUniform: math.NaN(), RPSSkill: math.NaN(),
	}
	e.BrierSkill = SkillScore(e.Brier, e.BrierUniform)
	e.LogSkill = SkillScore(e.Log, e.LogUniform)
	if s.nOrd > 0 {
		e.RPS, e.RPSUniform = s.rps/s.nOrd, s.rpsU/s.nOrd
		e.RPSSkill = SkillScore(e.RPS, e.RPSUniform)
	}
	return e
}

// scoreOf returns the sums of one forecast's scores.
func scoreOf(f CategoricalForecast, clip float64) categoricalSums {
	checkCategorical(f)
	k := len(f.P)
	u := UniformForecast(k)
	s := categoricalSums{
		n: 1, brier: MultiBrier(f.P, f.Outcome), brierU: MultiBrier(u, f.Outcome),
		log: CategoricalLog(f.P, f.Outcome, clip), logU: math.Log(float64(k)),
		logUnclipped: CategoricalLog(f.P, f.Outcome, 0),
	}
	if f.Ordered {
		s.nOrd, s.rps, s.rpsU = 1, RPS(f.P, f.Outcome), RPS(u, f.Outcome)
	}
	return s
}

// SummarizeCategorical computes the categorical scores of the forecasts:
// mean multi-category Brier score, log score (clipped with
// opts.LogClip when it is above 0), RPS over the ordered ones, each with
// its skill against always saying 1/K, and, with opts.Replicates, their
// percentile bootstrap intervals at opts.Level. The bootstrap resamples
// whole clusters (forecasts with one Cluster value): with C clusters, a
// replicate draws C of them with replacement. When every forecast is its
// own cluster that is resampling forecasts. Replicate r draws from its own
// stream of opts.Seed, so the intervals depend on nothing else.
func SummarizeCategorical(fs []CategoricalForecast, opts Options) CategoricalSummary {
	clip := max(opts.LogClip, 0) // 0: unclipped, unlike the binary default
	opts = opts.withDefaults()
	sum := CategoricalSummary{N: len(fs), LogClip: clip}
	if len(fs) == 0 {
		sum.CategoricalEstimates = (&categoricalSums{}).estimates()
		sum.LogUnclipped = math.NaN()
		sum.Warnings = append(sum.Warnings, Warning{Code: WarnEmpty, Message: "no categorical forecasts to score"})
		return sum
	}
	// The clusters, in the order first met, and each one's sums.
	index := map[string]int{}
	var clusters []categoricalSums
	var total categoricalSums
	for _, f := range fs {
		s := scoreOf(f, clip)
		total.add(&s)
		c, ok := index[f.Cluster]
		if !ok {
			c = len(clusters)
			index[f.Cluster] = c
			clusters = append(clusters, categoricalSums{})
		}
		clusters[c].add(&s)
	}
	sum.NOrdered = int(total.nOrd)
	sum.Clusters = len(clusters)
	sum.CategoricalEstimates = total.estimates()
	sum.LogUnclipped = total.logUnclipped / total.n
	if sum.N < int(opts.MinForecasts) {
		sum.Warnings = append(sum.Warnings, Warning{Code: WarnSmallSample, Message: fmt.Sprintf("only %d categorical forecasts: the scores are uncertain", sum.N)})
	}
	if math.IsInf(sum.LogUnclipped, 1) && clip == 0 {
		sum.Warnings = append(sum.Warnings, Warning{Code: WarnInfiniteLogScore, Message: "a categorical forecast gave the option that happened probability 0, so the log score is infinite"})
	}
	if opts.Replicates > 0 {
		sum.Bootstrap = categoricalBootstrap(clusters, opts)
		if len(clusters) < opts.MinClusters && len(clusters) < len(fs) {
			sum.Warnings = append(sum.Warnings, Warning{Code: WarnFewClusters, Message: fmt.Sprintf("the categorical intervals resample only %d clusters: they are unreliable, and most likely too narrow", len(clusters))})
		}
	}
	return sum
}

// categoricalBootstrap draws opts.Replicates resamples of the clusters.
func categoricalBootstrap(clusters []categoricalSums, opts Options) *CategoricalBootstrap {
	reps := make([]CategoricalEstimates, opts.Replicates)
	c := len(clusters)
	for r := range reps {
		st := newStream(opts.Seed, streamCategoricalBootstrap, uint64(r))
		var s categoricalSums
		for range c {
			s.add(&clusters[min(int(st.uniform()*float64(c)), c-1)])
		}
		reps[r] = s.estimates()
	}
	b := &CategoricalBootstrap{Replicates: opts.Replicates, Level: opts.Level, Seed: opts.Seed, Clusters: c}
	fields := func(e *CategoricalEstimates) []*float64 {
		return []*float64{&e.Brier, &e.BrierUniform, &e.BrierSkill, &e.Log, &e.LogUniform, &e.LogSkill, &e.RPS, &e.RPSUniform, &e.RPSSkill}
	}
	lo, hi := fields(&b.Lo), fields(&b.Hi)
	values := make([]float64, 0, len(reps))
	for f := range lo {
		values = values[:0]
		for r := range reps {
			if v := *fields(&reps[r])[f]; !math.IsNaN(v) {
				values = append(values, v)
			}
		}
		*lo[f], *hi[f] = math.NaN(), math.NaN()
		if len(values) > 0 {
			*lo[f] = quantile(values, (1-opts.Level)/2)
			*hi[f] = quantile(values, (1+opts.Level)/2)
		}
	}
	return b
}

// OptionTable is the one-vs-rest table of one option: for every forecast
// that offered it, the probability given to it and whether it happened.
type OptionTable struct {
	Option string
	Table  Table
}

// OneVsRest reduces categorical forecasts to binary ones: for each option
// name, a Table of (probability given to it, did it happen) over the
// forecasts that list it, in the order the names are first met; and the
// pooled table of every option of every forecast stacked (K rows for a
// forecast of K options, one of them yes). The binary figures of these
// tables ([Summarize]) give each option's reliability and resolution.
func OneVsRest(fs []CategoricalForecast) (options []OptionTable, pooled Table) {
	index := map[string]int{}
	var ps [][]float64
	var ys [][]bool
	var allP []float64
	var allY []bool
	for _, f := range fs {
		checkCategorical(f)
		for k, name := range f.Options {
			i, ok := index[name]
			if !ok {
				i = len(options)
				index[name] = i
				options = append(options, OptionTable{Option: name})
				ps, ys = append(ps, nil), append(ys, nil)
			}
			ps[i] = append(ps[i], f.P[k])
			ys[i] = append(ys[i], k == f.Outcome)
			allP = append(allP, f.P[k])
			allY = append(allY, k == f.Outcome)
		}
	}
	for i := range options {
		options[i].Table = TableOf(ps[i], ys[i], nil)
	}
	return options, TableOf(allP, allY, nil)
}

// SortedOptionTables returns the tables sorted by option name, for a
// listing that does not depend on the order the forecasts came in.
func SortedOptionTables(ts []OptionTable) []OptionTable {
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b OptionTable) int {
		switch {
		case a.Option < b.Option:
			return -1
		case a.Option > b.Option:
			return 1
		}
		return 0
	})
	return out
}
