package analysis

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
)

// Pairwise comparison of competitors (forecasters, methods, teams) that
// answered overlapping sets of questions: each pair is compared on the
// questions both answered, and a relative skill puts every competitor on one
// scale, as in the pairwise tournament of Cramer et al. (2022), "Evaluation
// of individual and ensemble probabilistic forecasts of COVID-19 mortality
// in the United States", PNAS 119(15):e2113561119, and the R package
// scoringutils (get_pairwise_comparisons).

// QuestionScores are one competitor's scores, one per question it answered.
// Questions are identifiers shared by all competitors of a comparison
// (indices into a list of questions, say); scores are negatively oriented
// (lower is better), like the Brier and log scores.
type QuestionScores struct {
	Name      string
	Questions []int     // strictly increasing
	Scores    []float64 // Scores[k] is the score on Questions[k]; finite
	Forecasts int       // the forecasts behind the scores (see [PerQuestion]); not used in any figure
}

// PerQuestion returns a competitor's scores with one score per question:
// where it made several forecasts on one question (updates, say), its score
// on that question is the mean of their scores, so that every question
// weighs the same in a comparison however often it was forecast.
// scores[k] is the score of a forecast on questions[k]; the two slices must
// have the same length. Forecasts is set to that length.
func PerQuestion(name string, questions []int, scores []float64) QuestionScores {
	if len(questions) != len(scores) {
		panic(fmt.Sprintf("analysis: PerQuestion: %d questions, %d scores", len(questions), len(scores)))
	}
	order := make([]int, len(questions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(questions[a], questions[b]) })
	out := QuestionScores{Name: name, Forecasts: len(scores)}
	for i := 0; i < len(order); {
		q := questions[order[i]]
		var sum float64
		j := i
		for ; j < len(order) && questions[order[j]] == q; j++ {
			sum += scores[order[j]]
		}
		out.Questions = append(out.Questions, q)
		out.Scores = append(out.Scores, sum/float64(j-i))
		i = j
	}
	return out
}

// PairwiseOptions sets the choices of [Pairwise]. A zero field means its
// documented default, except Permutations, Bootstrap and Seed, for which
// zero is a value; [DefaultPairwiseOptions] returns every default.
type PairwiseOptions struct {
	// Permutations is the number of random sign flips drawn to test a pair
	// with more than ExactMax shared questions; 0 means no test for such
	// pairs (their P is NaN). DefaultPairwiseOptions sets 10000.
	Permutations int

	// ExactMax: a pair with at most this many shared questions is tested
	// by enumerating all 2ⁿ sign flips, exactly. Default 20; −1 means
	// never; at most 40.
	ExactMax int

	// Bootstrap is the number of bootstrap replicates of the mean
	// difference; 0 means no interval. DefaultPairwiseOptions sets 1000.
	Bootstrap int

	// Level is the coverage of the bootstrap interval. Default 0.95.
	Level float64

	// MinShared: a pair sharing fewer questions than this gets a
	// WarnFewShared warning. Default 30.
	MinShared int

	// Baseline names the competitor the scaled relative skill is relative
	// to; empty for none.
	Baseline string

	// Seed seeds every random draw; the same seed gives the same results.
	Seed uint64
}

// Documented defaults of PairwiseOptions.
const (
	DefaultPermutations = 10000
	DefaultExactMax     = 20
	DefaultMinShared    = 30
	maxExact            = 40
)

// DefaultPairwiseOptions returns the default options: 10000 sign flips,
// exact tests up to 20 shared questions, 1000 bootstrap replicates at 95%,
// a warning below 30 shared questions, seed 1.
func DefaultPairwiseOptions() PairwiseOptions {
	return PairwiseOptions{Permutations: DefaultPermutations, Bootstrap: DefaultReplicates, Seed: 1}.withDefaults()
}

func (o PairwiseOptions) withDefaults() PairwiseOptions {
	if o.ExactMax == 0 {
		o.ExactMax = DefaultExactMax
	}
	if o.Level == 0 {
		o.Level = DefaultLevel
	}
	if o.MinShared == 0 {
		o.MinShared = DefaultMinShared
	}
	switch {
	case o.Permutations < 0:
		panic(fmt.Sprintf("analysis: Pairwise: %d permutations", o.Permutations))
	case o.Bootstrap < 0:
		panic(fmt.Sprintf("analysis: Pairwise: %d bootstrap replicates", o.Bootstrap))
	case o.ExactMax < -1 || o.ExactMax > maxExact:
		panic(fmt.Sprintf("analysis: Pairwise: ExactMax %d outside [-1, %d]", o.ExactMax, maxExact))
	case !(o.Level > 0 && o.Level < 1):
		panic(fmt.Sprintf("analysis: Pairwise: level %v outside (0, 1)", o.Level))
	}
	return o
}

// Codes of the warnings of [Pairwise].
const (
	WarnFewShared = "few-shared" // a pair shares fewer than MinShared questions
	WarnNoShared  = "no-shared"  // a competitor shares no question with any other
	WarnZeroScore = "zero-score" // a mean score of 0 makes a ratio 0, infinite or undefined
	WarnBaseline  = "baseline"   // the baseline has no relative skill
)

// PairwiseResult is the comparison of every pair of competitors that share
// at least one question, and the relative skill of each competitor.
type PairwiseResult struct {
	Competitors []CompetitorSkill // in the order given to Pairwise
	Pairs       []PairComparison  // pairs (i, j), i < j in that order, sharing a question
	Options     PairwiseOptions   // with defaults filled in
	Warnings    []Warning         // about the comparison as a whole
}

// CompetitorSkill is one competitor's part in a pairwise comparison.
type CompetitorSkill struct {
	Name      string
	Questions int     // questions answered
	Forecasts int     // as given in QuestionScores
	MeanScore float64 // mean score over all the questions it answered

	// Opponents counts the competitors it shares a question with whose
	// ratio enters its relative skill.
	Opponents int

	// RelativeSkill is the geometric mean of the ratios θ_AB of its mean
	// score to each opponent's on the questions both answered; lower is
	// better, 1 is as good as the typical opponent. NaN without opponents.
	RelativeSkill float64

	// ScaledRelativeSkill is RelativeSkill divided by the baseline's;
	// NaN without a baseline.
	ScaledRelativeSkill float64
}

// PairComparison compares competitors A and B (indices into
// PairwiseResult.Competitors) on the Shared questions both answered.
type PairComparison struct {
	A, B   int
	Shared int

	MeanA, MeanB   float64 // mean scores on the shared questions
	MeanDifference float64 // mean of the differences A − B; < 0: A scored better
	Ratio          float64 // θ_AB = MeanA / MeanB

	// P is the two-sided p-value of the sign-flip test of the differences;
	// NaN when not tested. PHolm is P adjusted for the number of pairs
	// tested (Holm 1979).
	P, PHolm float64
	// Exact is true when P comes from all 2^Shared sign flips;
	// Permutations is the number of sign flips P was computed from.
	Exact        bool
	Permutations int

	// Lo and Hi are the ends of the percentile bootstrap interval of
	// MeanDifference; NaN without bootstrap or with fewer than 2 shared
	// questions.
	Lo, Hi float64

	Warnings []Warning
}

// Pairwise compares every pair of competitors on the questions both
// answered. For a pair (A, B) with shared questions i = 1..n and
// differences d_i = s_Ai − s_Bi:
//
//	mean difference  d̄ = Σ d_i / n
//	ratio            θ_AB = (Σ s_Ai / n) / (Σ s_Bi / n)
//
// The p-value is that of a paired sign-flip permutation test of d̄ = 0
// (Fisher 1935; Good 2005, "Permutation, Parametric and Bootstrap Tests of
// Hypotheses", §3.6): under the null hypothesis that A's and B's scores on
// a question are exchangeable, each d_i is as likely to have had the other
// sign, and
//
//	p = #{s ∈ {−1, 1}ⁿ : |Σ s_i d_i| ≥ |Σ d_i|} / 2ⁿ           (exact, n ≤ ExactMax)
//	p = (1 + #{r : |Σ s_ri d_i| ≥ |Σ d_i|}) / (Permutations + 1)  (random signs s_r)
//
// the second with the +1 of Phipson & Smyth (2010), "Permutation p-values
// should never be zero", Stat. Appl. Genet. Mol. Biol. 9:39, as in the
// permutation test of scoringutils (after surveillance::permutationTest).
// Sums within (10⁻⁹ + n ε) Σ|d_i| of |Σ d_i| count as equal, so that sums
// that differ only by rounding are ties. The exact enumeration meets in the
// middle: it sorts the sign sums of one half of the differences and counts,
// for each sign sum of the other half, by binary search, in O(2^(n/2) n)
// time; a random sign flip looks the sums of eight differences up in a
// table of their 256 sign patterns. PHolm is Holm's (1979) step-down
// adjustment over the pairs tested: the p-values sorted ascending, p_(k)
// becomes max_{j≤k} min(1, (m − j + 1) p_(j)) for m tests.
//
// The interval is the percentile bootstrap interval of d̄ (Efron &
// Tibshirani 1993, ch. 13): each replicate draws n shared questions with
// replacement, keeping each question's pair of scores together; its ends
// are quantiles (type 7) of the replicate means.
//
// The relative skill of A is the geometric mean of its ratios over every
// competitor B it shares at least one question with, and over itself
// (θ_AA = 1), as in Cramer et al. (2022) and scoringutils' pairwise
// comparison:
//
//	θ_A = (Π_B θ_AB)^(1/(m_A + 1))
//
// where m_A counts the opponents; ratios that are 0/0 are left out. Counting
// the self-comparison shrinks a competitor with few opponents towards 1.
// With a baseline C, the scaled relative skill is θ_A / θ_C. As in
// scoringutils 2.x, the baseline is not left out of the others' geometric
// means.
//
// Replicates draw from random streams derived from (Seed, pair, replicate)
// and run on GOMAXPROCS goroutines: the result depends on the seed only.
// It panics if a competitor's Questions are not strictly increasing, its
// Scores are not finite or not as many as its Questions, if two competitors
// have the same name, or if the baseline is not one of them.
func Pairwise(cs []QuestionScores, opts PairwiseOptions) PairwiseResult {
	opts = opts.withDefaults()
	res := PairwiseResult{Options: opts, Competitors: make([]CompetitorSkill, len(cs))}
	baseline := -1
	names := map[string]bool{}
	for i, c := range cs {
		checkQuestionScores(c)
		if names[c.Name] {
			panic(fmt.Sprintf("analysis: Pairwise: two competitors named %q", c.Name))
		}
		names[c.Name] = true
		if opts.Baseline != "" && c.Name == opts.Baseline {
			baseline = i
		}
		res.Competitors[i] = CompetitorSkill{
			Name: c.Name, Questions: len(c.Questions), Forecasts: c.Forecasts,
			MeanScore: mean(c.Scores), RelativeSkill: math.NaN(), ScaledRelativeSkill: math.NaN(),
		}
	}
	if opts.Baseline != "" && baseline < 0 {
		panic(fmt.Sprintf("analysis: Pairwise: baseline %q is not a competitor", opts.Baseline))
	}

	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			n, sa, sb, sd := sharedSums(cs[i], cs[j])
			if n == 0 {
				continue
			}
			nf := float64(n)
			p := PairComparison{
				A: i, B: j, Shared: n,
				MeanA: sa / nf, MeanB: sb / nf, MeanDifference: sd / nf,
				P: math.NaN(), PHolm: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
			}
			p.Ratio = p.MeanA / p.MeanB
			res.Pairs = append(res.Pairs, p)
		}
	}
	runPairJobs(cs, res.Pairs, opts)
	holm(res.Pairs)
	relativeSkill(&res, baseline)
	pairwiseWarnings(&res, baseline)
	return res
}

func checkQuestionScores(c QuestionScores) {
	if len(c.Questions) != len(c.Scores) {
		panic(fmt.Sprintf("analysis: Pairwise: %s: %d questions, %d scores", c.Name, len(c.Questions), len(c.Scores)))
	}
	for k, q := range c.Questions {
		if k > 0 && q <= c.Questions[k-1] {
			panic(fmt.Sprintf("analysis: Pairwise: %s: questions not strictly increasing at %d", c.Name, k))
		}
		if s := c.Scores[k]; math.IsNaN(s) || math.IsInf(s, 0) {
			panic(fmt.Sprintf("analysis: Pairwise: %s: score %v on question %d", c.Name, s, q))
		}
	}
}

// eachShared calls fn with the scores of a and b on each question both
// answered, in question order.
func eachShared(a, b QuestionScores, fn func(sa, sb float64)) {
	i, j := 0, 0
	for i < len(a.Questions) && j < len(b.Questions) {
		switch qa, qb := a.Questions[i], b.Questions[j]; {
		case qa < qb:
			i++
		case qa > qb:
			j++
		default:
			fn(a.Scores[i], b.Scores[j])
			i++
			j++
		}
	}
}

// sharedSums returns the number of questions a and b both answered, and
// the sums of their scores and of the differences a − b on them.
func sharedSums(a, b QuestionScores) (n int, sa, sb, sd float64) {
	eachShared(a, b, func(x, y float64) {
		n++
		sa += x
		sb += y
		sd += x - y
	})
	return n, sa, sb, sd
}

// differences returns the differences a − b on the questions both answered.
func differences(a, b QuestionScores) []float64 {
	var d []float64
	eachShared(a, b, func(x, y float64) { d = append(d, x-y) })
	return d
}

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

func mean(x []float64) float64 { return sum(x) / float64(len(x)) }

// tieTolerance is how far below |Σ d_i| a sign sum may fall and still count
// as at least as extreme: 10⁻⁹ of Σ|d_i|, plus the rounding error bound of
// a sum of n terms.
func tieTolerance(d []float64) float64 {
	var abs float64
	for _, x := range d {
		abs += math.Abs(x)
	}
	return (1e-9 + float64(len(d))*0x1p-52) * abs
}

// signFlipExact returns the number of the 2ⁿ sign assignments s with
// |Σ s_i d_i| ≥ thr, by meeting in the middle.
func signFlipExact(d []float64, thr float64) int64 {
	total := int64(1) << len(d)
	if thr <= 0 {
		return total
	}
	h := len(d) / 2
	left, right := signSums(d[:h]), signSums(d[h:])
	slices.Sort(right)
	var count int64
	for _, l := range left {
		// l + r ≥ thr, or l + r ≤ −thr: disjoint, as thr > 0.
		hi := len(right) - sort.SearchFloat64s(right, thr-l)
		lo := sort.Search(len(right), func(k int) bool { return right[k] > -thr-l })
		count += int64(hi + lo)
	}
	return count
}

// signSums returns Σ s_i d_i for every s ∈ {−1, 1}ⁿ.
func signSums(d []float64) []float64 {
	out := make([]float64, 1, 1<<len(d))
	for _, x := range d {
		for _, v := range out {
			out = append(out, v-x)
		}
		for k := range len(out) / 2 {
			out[k] += x
		}
	}
	return out
}

// signFlipSum returns Σ s_i d_i for signs s_i = ±1 drawn from s, one bit each.
func signFlipSum(d []float64, s *stream) float64 {
	var total float64
	for i := 0; i < len(d); i += 64 {
		b := s.pcg.Uint64()
		for _, x := range d[i:min(i+64, len(d))] {
			total += math.Float64frombits(math.Float64bits(x) ^ (b&1)<<63)
			b >>= 1
		}
	}
	return total
}

// maxFlipTable is the most differences a sign-flip table is built for: its
// 32 values per difference then take 16 MiB.
const maxFlipTable = 1 << 16

// A flipTable holds, for each group of 8 consecutive differences, the sum
// Σ s_i d_i for each of the 256 sign patterns of the group (bit i of the
// pattern set: s_i = −1), so that a random sign flip of n differences costs
// n/8 look-ups instead of n additions.
type flipTable []float64

func newFlipTable(d []float64) flipTable {
	groups := (len(d) + 7) / 8
	t := make(flipTable, groups*256)
	for g := range groups {
		var dg [8]float64 // zero past the end: either sign adds nothing
		copy(dg[:], d[g*8:min(g*8+8, len(d))])
		tg := t[g*256 : (g+1)*256]
		for _, x := range dg {
			tg[0] += x
		}
		for m := 1; m < 256; m++ {
			tg[m] = tg[m&(m-1)] - 2*dg[bits.TrailingZeros(uint(m))]
		}
	}
	return t
}

// sum returns Σ s_i d_i for signs drawn from s, one bit each, as
// signFlipSum does, in four running sums.
func (t flipTable) sum(s *stream) float64 {
	groups := len(t) / 256
	var a0, a1, a2, a3 float64
	g := 0
	for ; g+8 <= groups; g += 8 {
		b := s.pcg.Uint64()
		u := t[g*256 : (g+8)*256 : (g+8)*256]
		a0 += u[0*256+int(b&255)] + u[4*256+int(b>>32&255)]
		a1 += u[1*256+int(b>>8&255)] + u[5*256+int(b>>40&255)]
		a2 += u[2*256+int(b>>16&255)] + u[6*256+int(b>>48&255)]
		a3 += u[3*256+int(b>>24&255)] + u[7*256+int(b>>56)]
	}
	if g < groups {
		b := s.pcg.Uint64()
		for ; g < groups; g++ {
			a0 += t[g*256+int(b&255)]
			b >>= 8
		}
	}
	return (a0 + a1) + (a2 + a3)
}

// A flipper draws random sign flips of one pair's differences.
type flipper struct {
	d     []float64
	table flipTable // nil for more than maxFlipTable differences
	thr   float64   // |Σ d_i| less the tie tolerance
}

func newFlipper(d []float64) *flipper {
	f := &flipper{d: d, thr: signFlipThreshold(d)}
	if len(d) <= maxFlipTable {
		f.table = newFlipTable(d)
	}
	return f
}

// count returns how many of the random sign flips lo..hi−1 of pair k give
// |Σ s_i d_i| ≥ thr.
func (f *flipper) count(seed uint64, k, lo, hi int) int64 {
	var c int64
	for r := lo; r < hi; r++ {
		s := newStream(seed, streamSignFlip, uint64(k)<<32|uint64(r))
		var v float64
		if f.table != nil {
			v = f.table.sum(s)
		} else {
			v = signFlipSum(f.d, s)
		}
		if math.Abs(v) >= f.thr {
			c++
		}
	}
	return c
}

// pairBootstrapMean returns the mean of n differences drawn with replacement.
func pairBootstrapMean(d []float64, s *stream) float64 {
	n := uint64(len(d))
	var total float64
	for range n {
		// Multiply-shift: an index in [0, n), biased by less than n/2⁶⁴.
		k, _ := bits.Mul64(s.pcg.Uint64(), n)
		total += d[k]
	}
	return total / float64(n)
}

// Replicates a task takes at a time.
const (
	signFlipChunk  = 256
	bootstrapChunk = 64
)

// bootstrapMeans fills out[r − lo] with bootstrap replicate r of pair k.
func bootstrapMeans(d []float64, seed uint64, k, lo, hi int, out []float64) {
	for r := lo; r < hi; r++ {
		s := newStream(seed, streamPairBootstrap, uint64(k)<<32|uint64(r))
		out[r-lo] = pairBootstrapMean(d, s)
	}
}

// signFlipThreshold is |Σ d_i| less the tie tolerance.
func signFlipThreshold(d []float64) float64 { return math.Abs(sum(d)) - tieTolerance(d) }

// setPairFigures sets the p-value of p from count, the number of sign
// flips at least as extreme (all 2ⁿ when exact, else opts.Permutations
// random ones), and its interval from the bootstrap means (reordered),
// nil for none.
func setPairFigures(p *PairComparison, count int64, means []float64, opts PairwiseOptions) {
	switch n := p.Shared; {
	case n <= opts.ExactMax:
		p.Exact = true
		p.Permutations = 1 << n
		p.P = float64(count) / float64(p.Permutations)
	case opts.Permutations > 0:
		p.Permutations = opts.Permutations
		p.P = float64(1+count) / float64(opts.Permutations+1)
	}
	if means != nil {
		p.Lo = quantile(means, (1-opts.Level)/2)
		p.Hi = quantile(means, (1+opts.Level)/2)
	}
}

// runPairJobs fills in the p-values and intervals of the pairs on
// GOMAXPROCS goroutines. With many pairs, each pair is one task that keeps
// nothing but its figures, so memory does not grow with the number of
// pairs times their shared questions; with few, each pair's exact test,
// sign flips and bootstrap replicates are split into tasks that each write
// their own slot. Every replicate draws from its own stream, so the results
// are the same either way.
func runPairJobs(cs []QuestionScores, pairs []PairComparison, opts PairwiseOptions) {
	workers := runtime.GOMAXPROCS(0)
	diffsOf := func(k int) []float64 { return differences(cs[pairs[k].A], cs[pairs[k].B]) }
	exact := func(k int) bool { return pairs[k].Shared <= opts.ExactMax }
	flips := func(k int) bool { return !exact(k) && opts.Permutations > 0 }
	boot := func(k int) bool { return pairs[k].Shared >= 2 && opts.Bootstrap > 0 }

	if len(pairs) >= 4*workers {
		bufs := make([][]float64, workers)
		forEach(workers, len(pairs), func(w, k int) {
			d := diffsOf(k)
			var count int64
			switch {
			case exact(k):
				count = signFlipExact(d, signFlipThreshold(d))
			case flips(k):
				count = newFlipper(d).count(opts.Seed, k, 0, opts.Permutations)
			}
			var means []float64
			if boot(k) {
				if bufs[w] == nil {
					bufs[w] = make([]float64, opts.Bootstrap)
				}
				means = bufs[w]
				bootstrapMeans(d, opts.Seed, k, 0, opts.Bootstrap, means)
			}
			setPairFigures(&pairs[k], count, means, opts)
		})
		return
	}

	type task struct{ pair, lo, hi int } // hi = 0: the exact test
	const exactTask = 0
	var tasks []task
	diffs := make([][]float64, len(pairs))
	flippers := make([]*flipper, len(pairs))
	counts := make([][]int64, len(pairs)) // per sign-flip chunk, or one for exact
	means := make([][]float64, len(pairs))
	var bootTasks []task
	for k := range pairs {
		diffs[k] = diffsOf(k)
		switch {
		case exact(k):
			counts[k] = make([]int64, 1)
			tasks = append(tasks, task{k, 0, exactTask})
		case flips(k):
			flippers[k] = newFlipper(diffs[k])
			counts[k] = make([]int64, (opts.Permutations+signFlipChunk-1)/signFlipChunk)
			for lo := 0; lo < opts.Permutations; lo += signFlipChunk {
				tasks = append(tasks, task{k, lo, min(lo+signFlipChunk, opts.Permutations)})
			}
		}
		if boot(k) {
			means[k] = make([]float64, opts.Bootstrap)
			for lo := 0; lo < opts.Bootstrap; lo += bootstrapChunk {
				bootTasks = append(bootTasks, task{k, lo, min(lo+bootstrapChunk, opts.Bootstrap)})
			}
		}
	}
	nTest := len(tasks)
	tasks = append(tasks, bootTasks...)
	forEach(workers, len(tasks), func(_, i int) {
		t := tasks[i]
		d := diffs[t.pair]
		switch {
		case i >= nTest:
			bootstrapMeans(d, opts.Seed, t.pair, t.lo, t.hi, means[t.pair][t.lo:t.hi])
		case t.hi == exactTask:
			counts[t.pair][0] = signFlipExact(d, signFlipThreshold(d))
		default:
			counts[t.pair][t.lo/signFlipChunk] = flippers[t.pair].count(opts.Seed, t.pair, t.lo, t.hi)
		}
	})
	for k := range pairs {
		var c int64
		for _, x := range counts[k] {
			c += x
		}
		setPairFigures(&pairs[k], c, means[k], opts)
	}
}

// holm sets PHolm: Holm's step-down adjustment over the pairs with a P.
func holm(pairs []PairComparison) {
	var idx []int
	for k, p := range pairs {
		if !math.IsNaN(p.P) {
			idx = append(idx, k)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(pairs[a].P, pairs[b].P) })
	m := len(idx)
	running := 0.0
	for j, k := range idx {
		running = max(running, min(1, float64(m-j)*pairs[k].P))
		pairs[k].PHolm = running
	}
}

// relativeSkill sets each competitor's geometric mean of ratios, its
// self-comparison (ratio 1) included.
func relativeSkill(res *PairwiseResult, baseline int) {
	logSum := make([]float64, len(res.Competitors))
	for _, p := range res.Pairs {
		if math.IsNaN(p.Ratio) {
			continue
		}
		l := ln(p.Ratio)
		logSum[p.A] += l
		logSum[p.B] -= l
		res.Competitors[p.A].Opponents++
		res.Competitors[p.B].Opponents++
	}
	for i := range res.Competitors {
		c := &res.Competitors[i]
		if c.Opponents > 0 {
			c.RelativeSkill = math.Exp(logSum[i] / float64(c.Opponents+1))
		}
	}
	if baseline >= 0 {
		base := res.Competitors[baseline].RelativeSkill
		for i := range res.Competitors {
			res.Competitors[i].ScaledRelativeSkill = res.Competitors[i].RelativeSkill / base
		}
	}
}

func pairwiseWarnings(res *PairwiseResult, baseline int) {
	name := func(i int) string { return res.Competitors[i].Name }
	for k := range res.Pairs {
		p := &res.Pairs[k]
		if p.Shared < res.Options.MinShared {
			p.Warnings = append(p.Warnings, Warning{Code: WarnFewShared, Message: fmt.Sprintf(
				"%s and %s share %d question%s, fewer than %d: their difference, its interval and p-value rest on few questions",
				name(p.A), name(p.B), p.Shared, plural(p.Shared), res.Options.MinShared)})
		}
		if p.MeanA == 0 || p.MeanB == 0 {
			what := "0"
			switch {
			case p.MeanA == 0 && p.MeanB == 0:
				what = "undefined (0/0) and left out of the relative skills"
			case p.MeanB == 0:
				what = "infinite"
			}
			p.Warnings = append(p.Warnings, Warning{Code: WarnZeroScore, Message: fmt.Sprintf(
				"a mean score of 0 on the questions %s and %s share makes their ratio %s", name(p.A), name(p.B), what)})
		}
	}
	met := make([]bool, len(res.Competitors))
	for _, p := range res.Pairs {
		met[p.A], met[p.B] = true, true
	}
	var alone []string
	for i, c := range res.Competitors {
		if !met[i] {
			alone = append(alone, c.Name)
		}
	}
	if len(alone) > 0 {
		res.Warnings = append(res.Warnings, Warning{Code: WarnNoShared, Message: fmt.Sprintf(
			"%s share%s no question with any other competitor: no comparison, no relative skill",
			strings.Join(alone, ", "), map[bool]string{true: "s", false: ""}[len(alone) == 1])})
	}
	if baseline >= 0 && math.IsNaN(res.Competitors[baseline].RelativeSkill) {
		res.Warnings = append(res.Warnings, Warning{Code: WarnBaseline, Message: fmt.Sprintf(
			"the baseline %s has no relative skill: no scaled relative skills", name(baseline))})
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Ranking returns the indices of the competitors from the best relative
// skill (lowest) to the worst, those without one last; ties in name order.
func (r *PairwiseResult) Ranking() []int {
	idx := make([]int, len(r.Competitors))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ca, cb := r.Competitors[a], r.Competitors[b]
		na, nb := math.IsNaN(ca.RelativeSkill), math.IsNaN(cb.RelativeSkill)
		switch {
		case na != nb:
			if na {
				return 1
			}
			return -1
		case !na && ca.RelativeSkill != cb.RelativeSkill:
			return cmp.Compare(ca.RelativeSkill, cb.RelativeSkill)
		}
		return strings.Compare(ca.Name, cb.Name)
	})
	return idx
}
