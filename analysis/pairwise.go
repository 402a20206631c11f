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

	// MinQuestions: a competitor that answered fewer questions than this
	// takes no part: it is in no pair and no relative skill, and is listed
	// as not ranked. 0 or 1: every competitor takes part.
	MinQuestions int

	// Pairs says which pairs the result holds, tested: PairsAll (the
	// default, "") every pair sharing a question; PairsSummary the pairs
	// among the TopPairs best-ranked competitors; PairsNone none. The
	// relative skills are the same in each.
	Pairs string
}

// Values of PairwiseOptions.Pairs.
const (
	PairsAll     = "all"
	PairsSummary = "summary"
	PairsNone    = "none"
)

// TopPairs is how many of the best-ranked competitors PairsSummary
// compares pair by pair: at most 45 pairs.
const TopPairs = 10

// NearZeroRatio: a ratio θ_AB above it or below its inverse has one mean
// score under 1/100 of the other, a score near 0 that the ratio, and the
// relative skills built on it, mostly measure.
const NearZeroRatio = 100

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
	case o.MinQuestions < 0:
		panic(fmt.Sprintf("analysis: Pairwise: MinQuestions %d", o.MinQuestions))
	case o.Pairs != "" && o.Pairs != PairsAll && o.Pairs != PairsSummary && o.Pairs != PairsNone:
		panic(fmt.Sprintf("analysis: Pairwise: Pairs %q", o.Pairs))
	}
	if o.Pairs == "" {
		o.Pairs = PairsAll
	}
	return o
}

// Codes of the warnings of [Pairwise].
const (
	WarnFewShared = "few-shared" // a pair shares fewer than MinShared questions
	WarnNoShared  = "no-shared"  // a competitor shares no question with any other
	WarnZeroScore = "zero-score" // a mean score of 0 makes a ratio 0, infinite or undefined
	WarnBaseline  = "baseline"   // the baseline has no relative skill
	WarnUnranked  = "unranked"   // competitors not ranked, and why (one warning for all)
	WarnNearZero  = "near-zero"  // relative skills built on a ratio beyond NearZeroRatio
)

// Why a competitor is not ranked: the codes of CompetitorSkill.Unranked.
const (
	UnrankedFewQuestions = "few-questions" // answered fewer than MinQuestions questions
	UnrankedNoShared     = "no-shared"     // shares no question with any other competitor
	UnrankedFewShared    = "few-shared"    // shares fewer than MinShared questions with every other
	UnrankedInfinite     = "infinite"      // an opponent's mean score of 0 makes the skill +∞
	UnrankedZero         = "zero"          // its own mean score of 0 makes the skill 0
	UnrankedUndefined    = "undefined"     // both: 0 × ∞
)

// PairwiseResult is the comparison of every pair of competitors that share
// at least one question, and the relative skill of each competitor.
type PairwiseResult struct {
	Competitors []CompetitorSkill // in the order given to Pairwise
	// Pairs are the pairs (i, j), i < j in that order, sharing a question,
	// that Options.Pairs asks for.
	Pairs    []PairComparison
	Options  PairwiseOptions // with defaults filled in
	Warnings []Warning       // about the comparison as a whole

	// PairCount counts every pair sharing a question (of the competitors
	// taking part), whichever Pairs holds; FewShared those of them sharing
	// fewer than MinShared questions, which enter no relative skill.
	// SharedMin, SharedMedian and SharedMax describe their shared
	// questions (the median is the lower one of an even count).
	PairCount, FewShared               int
	SharedMin, SharedMedian, SharedMax int
}

// CompetitorSkill is one competitor's part in a pairwise comparison.
type CompetitorSkill struct {
	Name      string
	Questions int     // questions answered
	Forecasts int     // as given in QuestionScores
	MeanScore float64 // mean score over all the questions it answered

	// Opponents counts the competitors it shares at least MinShared
	// questions with, whose ratio enters its relative skill (a ratio 0/0
	// does not). MaxShared is the most questions it shares with another.
	Opponents int
	MaxShared int

	// RelativeSkill is the geometric mean of the ratios θ_AB of its mean
	// score to each opponent's on the questions both answered; lower is
	// better, 1 is as good as the typical opponent. NaN without opponents;
	// 0, +Inf or NaN when a mean score of 0 makes a ratio 0 or infinite.
	RelativeSkill float64

	// NearZero counts the ratios in its relative skill beyond
	// NearZeroRatio (or below its inverse).
	NearZero int

	// Unranked is why it is not ranked (an Unranked… code), "" when it is:
	// a competitor is ranked when its relative skill is finite and positive.
	Unranked string

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
// where m_A counts the opponents: the competitors B sharing at least
// MinShared questions with A; ratios that are 0/0 are left out. Counting
// the self-comparison shrinks a competitor with few opponents towards 1.
// With a baseline C, the scaled relative skill is θ_A / θ_C. As in
// scoringutils 2.x, the baseline is not left out of the others' geometric
// means. A competitor is ranked when θ_A is finite and positive: not when
// it answered fewer than MinQuestions questions (it then takes no part at
// all), shares fewer than MinShared with every other, or a mean score of 0
// makes a ratio 0 or infinite (θ_A is then 0, +∞ or 0 × ∞, undefined).
//
// The relative skills are computed without holding the pairs (see
// skills); the result holds the pairs Options.Pairs asks for, each tested
// and resampled, and Holm's adjustment is over those. The work per pair is
// bounded: the exact test takes at most 2 × 2^(ExactMax/2) sign sums and a
// sort; random sign flips Permutations × ⌈n/8⌉ look-ups; the bootstrap
// Bootstrap × n draws. PairsSummary bounds the pairs to 45.
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

	skills(cs, &res)
	ranking := res.Ranking()
	var take []int // the competitors whose pairs the result holds
	switch opts.Pairs {
	case PairsAll:
		for i, c := range res.Competitors {
			if c.Unranked != UnrankedFewQuestions {
				take = append(take, i)
			}
		}
	case PairsSummary:
		for _, i := range ranking {
			if len(take) < TopPairs && res.Competitors[i].Unranked == "" {
				take = append(take, i)
			}
		}
		slices.Sort(take)
	}
	for x, i := range take {
		for _, j := range take[x+1:] {
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
	scaleSkills(&res, baseline)
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

// competitorSkill is what skills finds for one competitor.
type competitorSkill struct {
	logSum               float64
	opponents, maxShared int
	nearZero, eligible   int
	shared               []int // shared[n]: opponents after it in order sharing n questions
}

// skills sets every competitor's relative skill, opponents, MaxShared,
// NearZero and Unranked, and the result's pair counts, without holding
// the pairs: each competitor's scores are spread over a table indexed by
// question, and every other competitor's scores are looked up in it, on
// GOMAXPROCS goroutines, one competitor at a time. Each competitor's sum of
// log ratios adds its opponents in their order, and a ratio is computed as
// for the pair (i, j) with i < j, so the figures do not depend on the
// number of goroutines. Time O(P² q̄) for P competitors answering q̄
// questions on average; memory O(P + questions) per goroutine.
func skills(cs []QuestionScores, res *PairwiseResult) {
	opts := res.Options
	maxQ := -1
	for _, c := range cs {
		if len(c.Questions) > 0 {
			maxQ = max(maxQ, c.Questions[len(c.Questions)-1])
		}
	}
	takes := func(i int) bool { return len(cs[i].Questions) >= opts.MinQuestions }
	workers := runtime.GOMAXPROCS(0)
	dense := make([][]float64, workers)
	mark := make([][]int32, workers)
	out := make([]competitorSkill, len(cs))
	forEach(workers, len(cs), func(w, a int) {
		if !takes(a) {
			return
		}
		if dense[w] == nil {
			dense[w], mark[w] = make([]float64, maxQ+1), make([]int32, maxQ+1)
		}
		d, m := dense[w], mark[w]
		for k, q := range cs[a].Questions {
			d[q], m[q] = cs[a].Scores[k], int32(a+1)
		}
		o := &out[a]
		for b := range cs {
			if b == a || !takes(b) {
				continue
			}
			n := 0
			var sa, sb float64
			for k, q := range cs[b].Questions {
				if m[q] == int32(a+1) {
					n++
					sa += d[q]
					sb += cs[b].Scores[k]
				}
			}
			if n == 0 {
				continue
			}
			o.maxShared = max(o.maxShared, n)
			if b > a {
				for len(o.shared) <= n {
					o.shared = append(o.shared, 0)
				}
				o.shared[n]++
			}
			nf := float64(n)
			var l float64
			if a < b {
				l = ln((sa / nf) / (sb / nf))
			} else {
				l = -ln((sb / nf) / (sa / nf))
			}
			if n < opts.MinShared {
				continue
			}
			o.eligible++
			if math.IsNaN(l) {
				continue
			}
			o.logSum += l
			o.opponents++
			if r := math.Abs(l); r > math.Log(NearZeroRatio) && !math.IsInf(r, 0) {
				o.nearZero++
			}
		}
		for _, q := range cs[a].Questions {
			m[q] = 0
		}
	})
	var hist []int
	for a, o := range out {
		c := &res.Competitors[a]
		c.Opponents, c.MaxShared, c.NearZero = o.opponents, o.maxShared, o.nearZero
		if o.opponents > 0 {
			c.RelativeSkill = math.Exp(o.logSum / float64(o.opponents+1))
		}
		switch sk := c.RelativeSkill; {
		case !takes(a):
			c.Unranked = UnrankedFewQuestions
		case o.maxShared == 0:
			c.Unranked = UnrankedNoShared
		case o.eligible == 0:
			c.Unranked = UnrankedFewShared
		case math.IsNaN(sk):
			c.Unranked = UnrankedUndefined
		case math.IsInf(sk, 1):
			c.Unranked = UnrankedInfinite
		case sk == 0:
			c.Unranked = UnrankedZero
		}
		for n, k := range o.shared {
			for len(hist) <= n {
				hist = append(hist, 0)
			}
			hist[n] += k
		}
	}
	for n, k := range hist {
		if k == 0 {
			continue
		}
		if res.PairCount == 0 {
			res.SharedMin = n
		}
		res.SharedMax = n
		if n < opts.MinShared {
			res.FewShared += k
		}
		res.PairCount += k
	}
	half, seen := (res.PairCount+1)/2, 0
	for n, k := range hist {
		if seen += k; k > 0 && seen >= half {
			res.SharedMedian = n
			break
		}
	}
}

// scaleSkills sets the scaled relative skills: NaN for a competitor not
// ranked, and for all when the baseline is not ranked.
func scaleSkills(res *PairwiseResult, baseline int) {
	if baseline < 0 || res.Competitors[baseline].Unranked != "" {
		return
	}
	base := res.Competitors[baseline].RelativeSkill
	for i := range res.Competitors {
		if c := &res.Competitors[i]; c.Unranked == "" {
			c.ScaledRelativeSkill = c.RelativeSkill / base
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
	var unranked []string
	byCode := map[string][]string{}
	var nearZero []string
	for _, c := range res.Competitors {
		if c.Unranked != "" {
			if byCode[c.Unranked] == nil {
				unranked = append(unranked, c.Unranked)
			}
			byCode[c.Unranked] = append(byCode[c.Unranked], c.Name)
		} else if c.NearZero > 0 {
			nearZero = append(nearZero, c.Name)
		}
	}
	if len(unranked) > 0 {
		n := 0
		var parts []string
		for _, code := range []string{UnrankedFewQuestions, UnrankedNoShared, UnrankedFewShared, UnrankedInfinite, UnrankedZero, UnrankedUndefined} {
			names := byCode[code]
			if len(names) == 0 {
				continue
			}
			n += len(names)
			parts = append(parts, fmt.Sprintf("%d %s: %s", len(names), UnrankedReason(code, len(names) > 1, res.Options), someNames(names)))
		}
		res.Warnings = append(res.Warnings, Warning{Code: WarnUnranked, Message: fmt.Sprintf(
			"%d of %d competitors not ranked: %s", n, len(res.Competitors), strings.Join(parts, "; "))})
	}
	if len(nearZero) > 0 {
		res.Warnings = append(res.Warnings, Warning{Code: WarnNearZero, Message: fmt.Sprintf(
			"the relative skill%s of %s rest%s on a ratio of mean scores beyond %d to 1: one score near 0, which the ratio mostly measures",
			plural(len(nearZero)), someNames(nearZero), map[bool]string{true: "s", false: ""}[len(nearZero) == 1], NearZeroRatio)})
	}
	if baseline >= 0 && res.Competitors[baseline].Unranked != "" {
		res.Warnings = append(res.Warnings, Warning{Code: WarnBaseline, Message: fmt.Sprintf(
			"the baseline %s is not ranked: no scaled relative skills", name(baseline))})
	}
}

// someNames lists up to five names, then how many more.
func someNames(names []string) string {
	if len(names) <= 5 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:5], ", "), len(names)-5)
}

// UnrankedReason says in a few words why a competitor is not ranked, for
// a code of CompetitorSkill.Unranked; many: of several competitors.
func UnrankedReason(code string, many bool, o PairwiseOptions) string {
	v := func(one, more string) string {
		if many {
			return more
		}
		return one
	}
	switch code {
	case UnrankedFewQuestions:
		return fmt.Sprintf("answered fewer than %d questions (--min-questions)", o.MinQuestions)
	case UnrankedNoShared:
		return v("shares", "share") + " no question with another"
	case UnrankedFewShared:
		return fmt.Sprintf("%s fewer than %d questions with every other (--min-shared)", v("shares", "share"), o.MinShared)
	case UnrankedInfinite:
		return "relative skill infinite: an opponent's mean score of 0 on shared questions"
	case UnrankedZero:
		return "relative skill 0: a mean score of 0 on questions shared with an opponent"
	case UnrankedUndefined:
		return "relative skill undefined (0 × ∞): mean scores of 0 on both sides"
	}
	return code
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Ranking returns the indices of the competitors from the best relative
// skill (lowest) to the worst, then those not ranked (Unranked not empty);
// ties and the competitors not ranked in name order.
func (r *PairwiseResult) Ranking() []int {
	idx := make([]int, len(r.Competitors))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ca, cb := r.Competitors[a], r.Competitors[b]
		na, nb := ca.Unranked != "", cb.Unranked != ""
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
