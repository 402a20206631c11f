package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol || math.IsNaN(got) != math.IsNaN(want) {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

// Two forecasters on four questions, by hand. Outcomes yes, yes, no, yes;
// A forecast 0.9, 0.8, 0.3, 0.4 and B 0.6, 0.5, 0.5, 0.5. Brier scores:
//
//	A: 0.1² = 0.01, 0.2² = 0.04, 0.3² = 0.09, 0.6² = 0.36    mean 0.50/4 = 0.125
//	B: 0.4² = 0.16, 0.5² = 0.25, 0.5² = 0.25, 0.5² = 0.25    mean 0.91/4 = 0.2275
//	d = A − B: −0.15, −0.21, −0.16, +0.11; Σd = −0.41, mean −0.1025
//	θ_AB = 0.125 / 0.2275 = 0.549450549…
//
// The sign-flip test, exactly: flipping the signs of a set F of the
// differences gives Σ s_i d_i = −(0.63 − 2 Σ_F |d_i|) up to the sign of the
// 0.11 (whose own sign is already +). Equivalently, with magnitudes
// 0.15, 0.21, 0.16, 0.11 (total 0.63) and F the set whose sign differs from
// the others', |Σ| = |0.63 − 2 Σ_F| ≥ 0.41 when Σ_F ≤ 0.11 or Σ_F ≥ 0.52.
// The 16 subset sums are 0, .11, .15, .16, .21, .26, .27, .31, .32, .36,
// .37, .42, .47, .48, .52, .63: four qualify ({}, {.11} — the observed
// signs, a tie at exactly 0.41 —, {.15, .21, .16} and all four), so
//
//	p = 4/16 = 0.25.
func TestPairwiseFourQuestionsByHand(t *testing.T) {
	yes := []bool{true, true, false, true}
	pa := []float64{0.9, 0.8, 0.3, 0.4}
	pb := []float64{0.6, 0.5, 0.5, 0.5}
	var sa, sb []float64
	for i := range yes {
		sa = append(sa, BrierContribution(pa[i], yes[i]))
		sb = append(sb, BrierContribution(pb[i], yes[i]))
	}
	qs := []int{0, 1, 2, 3}
	opts := DefaultPairwiseOptions()
	opts.MinShared = 4
	res := Pairwise([]QuestionScores{
		PerQuestion("A", qs, sa), PerQuestion("B", qs, sb),
	}, opts)
	if len(res.Pairs) != 1 {
		t.Fatalf("%d pairs", len(res.Pairs))
	}
	p := res.Pairs[0]
	if p.Shared != 4 || !p.Exact || p.Permutations != 16 {
		t.Errorf("shared %d, exact %v, permutations %d", p.Shared, p.Exact, p.Permutations)
	}
	near(t, "mean A", p.MeanA, 0.125, 1e-15)
	near(t, "mean B", p.MeanB, 0.2275, 1e-15)
	near(t, "mean difference", p.MeanDifference, -0.1025, 1e-15)
	near(t, "ratio", p.Ratio, 0.125/0.2275, 1e-15)
	near(t, "p", p.P, 0.25, 0)
	near(t, "Holm p (one test)", p.PHolm, 0.25, 0)
	// Two competitors: each one's relative skill is the geometric mean of
	// its one ratio and its self-comparison, 1: √θ_AB and √θ_BA.
	near(t, "relative skill A", res.Competitors[0].RelativeSkill, math.Sqrt(0.125/0.2275), 1e-15)
	near(t, "relative skill B", res.Competitors[1].RelativeSkill, math.Sqrt(0.2275/0.125), 1e-15)
	if p.Lo > p.MeanDifference || p.Hi < p.MeanDifference || p.Lo < -0.21 || p.Hi > 0.11 {
		t.Errorf("interval [%v, %v] around %v", p.Lo, p.Hi, p.MeanDifference)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings %v with --min-shared 4", p.Warnings)
	}
	// With the default MinShared of 30, the pair is flagged and its ratio
	// enters no relative skill: neither is ranked.
	res = Pairwise([]QuestionScores{PerQuestion("A", qs, sa), PerQuestion("B", qs, sb)}, DefaultPairwiseOptions())
	if p := res.Pairs[0]; len(p.Warnings) != 1 || p.Warnings[0].Code != WarnFewShared {
		t.Errorf("warnings %v, want one %s", p.Warnings, WarnFewShared)
	}
	for _, c := range res.Competitors {
		if c.Unranked != UnrankedFewShared || !math.IsNaN(c.RelativeSkill) || c.MaxShared != 4 {
			t.Errorf("%s: %+v", c.Name, c)
		}
	}
}

// Three competitors with partly overlapping questions, by hand:
//
//	question   1    2    3    4
//	A         0.1  0.2  0.3
//	B         0.2  0.4
//	C              0.1  0.6  0.5
//
//	A–B share 1, 2: means 0.15, 0.30        θ_AB = 0.5
//	A–C share 2, 3: means 0.25, 0.35        θ_AC = 5/7
//	B–C share 2:    means 0.4,  0.1         θ_BC = 4
//
// The relative skill is the geometric mean over the opponents and the
// competitor itself (ratio 1), three factors each:
//
//	relative skill A = ∛(0.5 · 5/7 · 1) = ∛(5/14) = 0.709530…
//	               B = ∛(2 · 4 · 1)     = ∛8      = 2
//	               C = ∛(7/5 · 1/4 · 1) = ∛0.35   = 0.704730…
//
// C ranks first, just ahead of A, though A beat C where they met: C's
// win over B, on one question, counts as much as A's over B on two.
// With B as baseline, A's scaled skill is ∛(5/14) / 2 = ∛(5/112).
func TestPairwiseRelativeSkillByHand(t *testing.T) {
	cs := []QuestionScores{
		{Name: "A", Questions: []int{1, 2, 3}, Scores: []float64{0.1, 0.2, 0.3}},
		{Name: "B", Questions: []int{1, 2}, Scores: []float64{0.2, 0.4}},
		{Name: "C", Questions: []int{2, 3, 4}, Scores: []float64{0.1, 0.6, 0.5}},
	}
	opts := DefaultPairwiseOptions()
	opts.Baseline = "B"
	opts.MinShared = 1 // every ratio enters the relative skills
	res := Pairwise(cs, opts)
	want := []struct {
		a, b   int
		shared int
		ratio  float64
	}{{0, 1, 2, 0.5}, {0, 2, 2, 5.0 / 7}, {1, 2, 1, 4}}
	if len(res.Pairs) != len(want) {
		t.Fatalf("%d pairs", len(res.Pairs))
	}
	for k, w := range want {
		p := res.Pairs[k]
		if p.A != w.a || p.B != w.b || p.Shared != w.shared {
			t.Errorf("pair %d: (%d, %d) sharing %d, want (%d, %d) sharing %d", k, p.A, p.B, p.Shared, w.a, w.b, w.shared)
		}
		near(t, fmt.Sprintf("ratio %d", k), p.Ratio, w.ratio, 1e-15)
	}
	for i, w := range []float64{math.Cbrt(5.0 / 14), 2, math.Cbrt(0.35)} {
		c := res.Competitors[i]
		near(t, "relative skill "+c.Name, c.RelativeSkill, w, 1e-15)
		near(t, "scaled relative skill "+c.Name, c.ScaledRelativeSkill, w/2, 1e-15)
		if c.Opponents != 2 {
			t.Errorf("%s: %d opponents", c.Name, c.Opponents)
		}
	}
	near(t, "A scaled", res.Competitors[0].ScaledRelativeSkill, math.Cbrt(5.0/112), 1e-15)
	if got := fmt.Sprint(res.Ranking()); got != "[2 0 1]" {
		t.Errorf("ranking %s, want [2 0 1] (C, A, B)", got)
	}
	near(t, "mean score C", res.Competitors[2].MeanScore, 0.4, 1e-15)
	// B–C: one shared question, d = 0.3: the two sign flips give ±0.3, p = 1;
	// no bootstrap interval from one question.
	bc := res.Pairs[2]
	near(t, "p B–C", bc.P, 1, 0)
	if !math.IsNaN(bc.Lo) || !math.IsNaN(bc.Hi) {
		t.Errorf("interval from one question: [%v, %v]", bc.Lo, bc.Hi)
	}
}

// PerQuestion averages the scores of several forecasts on one question.
func TestPerQuestion(t *testing.T) {
	qs := PerQuestion("CIA", []int{7, 3, 7}, []float64{0.7225, 0.01, 0.2025})
	if fmt.Sprint(qs.Questions) != "[3 7]" || qs.Forecasts != 3 {
		t.Fatalf("questions %v, forecasts %d", qs.Questions, qs.Forecasts)
	}
	near(t, "score on 3", qs.Scores[0], 0.01, 0)
	near(t, "score on 7", qs.Scores[1], (0.7225+0.2025)/2, 1e-16)
}

// The exact count agrees with direct enumeration of every sign vector,
// ties included (integer-valued differences, scaled so that the sums are
// not exact in binary).
func TestSignFlipExactBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 12; n++ {
		for trial := range 20 {
			d := make([]float64, n)
			for i := range d {
				d[i] = float64(r.IntN(7)-3) * 0.1
				if trial%2 == 1 {
					d[i] = r.NormFloat64()
				}
			}
			thr := math.Abs(sum(d)) - tieTolerance(d)
			var want int64
			for mask := range 1 << n {
				var s float64
				for i, x := range d {
					if mask>>i&1 == 1 {
						s -= x
					} else {
						s += x
					}
				}
				if math.Abs(s) >= thr {
					want++
				}
			}
			if got := signFlipExact(d, thr); got != want {
				t.Errorf("n %d, d %v: %d sign vectors at least as extreme, brute force %d", n, d, got, want)
			}
		}
	}
}

// A sign flip by table look-up is the sum of the same signs taken one by
// one, up to rounding, for every length around the group sizes.
func TestFlipTableSum(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for n := 1; n <= 140; n++ {
		d := make([]float64, n)
		var abs float64
		for i := range d {
			d[i] = r.NormFloat64()
			abs += math.Abs(d[i])
		}
		table := newFlipTable(d)
		for rep := range 5 {
			got := table.sum(newStream(1, streamSignFlip, uint64(rep)))
			want := signFlipSum(d, newStream(1, streamSignFlip, uint64(rep)))
			if math.Abs(got-want) > 1e-13*abs {
				t.Errorf("n %d: table %v, one by one %v", n, got, want)
			}
		}
	}
}

// The Monte Carlo p-value is close to the exact one: 18 differences,
// exact p against 100000 random sign flips (standard error below 0.0016).
func TestSignFlipMonteCarloNearExact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	a := QuestionScores{Name: "a"}
	b := QuestionScores{Name: "b"}
	for q := range 18 {
		a.Questions = append(a.Questions, q)
		b.Questions = append(b.Questions, q)
		a.Scores = append(a.Scores, r.Float64())
		b.Scores = append(b.Scores, r.Float64()+0.15)
	}
	exact := Pairwise([]QuestionScores{a, b}, PairwiseOptions{Bootstrap: 0, Seed: 1})
	mc := Pairwise([]QuestionScores{a, b}, PairwiseOptions{Permutations: 100000, ExactMax: -1, Seed: 1})
	pe, pm := exact.Pairs[0], mc.Pairs[0]
	if !pe.Exact || pm.Exact || pm.Permutations != 100000 {
		t.Fatalf("exact %v %v, permutations %d", pe.Exact, pm.Exact, pm.Permutations)
	}
	t.Logf("exact p %.6f, Monte Carlo p %.6f", pe.P, pm.P)
	if math.Abs(pe.P-pm.P) > 0.008 {
		t.Errorf("Monte Carlo p %.6f, exact %.6f", pm.P, pe.P)
	}
	if pe.P < 0.001 || pe.P > 0.5 {
		t.Errorf("exact p %v: the test case is not informative", pe.P)
	}
}

// Holm (1979): p = 0.01, 0.04, 0.03 over m = 3 tests, sorted 0.01, 0.03,
// 0.04, become 3·0.01 = 0.03, max(0.03, 2·0.03) = 0.06, max(0.06, 1·0.04)
// = 0.06; a NaN p-value is not a test.
func TestHolm(t *testing.T) {
	pairs := []PairComparison{{P: 0.01}, {P: 0.04}, {P: math.NaN(), PHolm: math.NaN()}, {P: 0.03}}
	holm(pairs)
	for k, want := range []float64{0.03, 0.06, math.NaN(), 0.06} {
		near(t, fmt.Sprintf("Holm p %d", k), pairs[k].PHolm, want, 1e-15)
	}
}

// A bootstrap of two differences 0 and 1: replicate means 0, 0.5, 1 with
// probabilities 1/4, 1/2, 1/4, so the 95% interval is [0, 1].
func TestPairBootstrapTwo(t *testing.T) {
	res := Pairwise([]QuestionScores{
		{Name: "a", Questions: []int{0, 1}, Scores: []float64{0.5, 1.5}},
		{Name: "b", Questions: []int{0, 1}, Scores: []float64{0.5, 0.5}},
	}, DefaultPairwiseOptions())
	p := res.Pairs[0]
	near(t, "lo", p.Lo, 0, 0)
	near(t, "hi", p.Hi, 1, 0)
}

// The same seed gives the same result on any number of goroutines; a
// different seed gives different random figures. Ten pairs on one
// goroutine are one task each; on four, their sign flips and bootstrap
// replicates are split into tasks: both ways give the same result.
func TestPairwiseDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var cs []QuestionScores
	for c := range 5 {
		qs := QuestionScores{Name: fmt.Sprintf("c%d", c)}
		for q := range 60 {
			if r.Float64() < 0.8 {
				qs.Questions = append(qs.Questions, q)
				qs.Scores = append(qs.Scores, r.Float64()*(1+0.1*float64(c)))
			}
		}
		cs = append(cs, qs)
	}
	opts := DefaultPairwiseOptions()
	opts.Permutations = 2000
	run := func(procs int, seed uint64) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		o := opts
		o.Seed = seed
		return fmt.Sprintf("%+v", Pairwise(cs, o))
	}
	one, four := run(1, 7), run(4, 7)
	if one != four {
		t.Errorf("1 and 4 goroutines differ:\n%s\n%s", one, four)
	}
	if run(2, 8) == one {
		t.Errorf("seeds 7 and 8 give the same result")
	}
}

func TestPairwiseWarnings(t *testing.T) {
	opts := DefaultPairwiseOptions()
	opts.MinShared = 1
	res := Pairwise([]QuestionScores{
		{Name: "a", Questions: []int{0}, Scores: []float64{0}},
		{Name: "b", Questions: []int{0}, Scores: []float64{0}},
		{Name: "c", Questions: []int{1}, Scores: []float64{0.3}},
	}, opts)
	p := res.Pairs[0]
	if !math.IsNaN(p.Ratio) || !math.IsNaN(res.Competitors[0].RelativeSkill) {
		t.Errorf("0/0 ratio %v, relative skill %v", p.Ratio, res.Competitors[0].RelativeSkill)
	}
	var codes []string
	for _, w := range p.Warnings {
		codes = append(codes, w.Code)
	}
	for _, w := range res.Warnings {
		codes = append(codes, w.Code)
	}
	if got := fmt.Sprint(codes); got != "[zero-score unranked]" {
		t.Errorf("warning codes %s", got)
	}
	want := "3 of 3 competitors not ranked: 1 shares no question with another: c; 2 relative skill undefined (0 × ∞): mean scores of 0 on both sides: a, b"
	if msg := res.Warnings[0].Message; msg != want {
		t.Errorf("message %q", msg)
	}
}

func TestPairwisePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"unsorted": func() {
			Pairwise([]QuestionScores{{Name: "a", Questions: []int{2, 1}, Scores: []float64{0, 0}}}, PairwiseOptions{})
		},
		"infinite": func() {
			Pairwise([]QuestionScores{{Name: "a", Questions: []int{1}, Scores: []float64{math.Inf(1)}}}, PairwiseOptions{})
		},
		"same name": func() { Pairwise([]QuestionScores{{Name: "a"}, {Name: "a"}}, PairwiseOptions{}) },
		"baseline":  func() { Pairwise([]QuestionScores{{Name: "a"}}, PairwiseOptions{Baseline: "b"}) },
		"exact max": func() { Pairwise(nil, PairwiseOptions{ExactMax: 41}) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// BenchmarkPairwise: 20 competitors answering 90% of 1000 questions each,
// 190 pairs of about 810 shared questions, with the default 10000 sign
// flips and 1000 bootstrap replicates.
func BenchmarkPairwise(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	var cs []QuestionScores
	for c := range 20 {
		qs := QuestionScores{Name: fmt.Sprintf("c%02d", c)}
		for q := range 1000 {
			if r.Float64() < 0.9 {
				qs.Questions = append(qs.Questions, q)
				qs.Scores = append(qs.Scores, r.Float64()*0.5)
			}
		}
		cs = append(cs, qs)
	}
	opts := DefaultPairwiseOptions()
	for b.Loop() {
		Pairwise(cs, opts)
	}
}

// Mean scores of 0 and near 0, by hand (MinShared 1: every ratio enters):
//
//	question  0    1    2      3      4    5    6
//	A         0    0
//	B         0.2  0.4
//	C                   0.1    0.3
//	D                   0.001  0.001
//	F                               0.1  0
//	G                               0
//	H                                    0.2
//	I                                              0.5
//
// A/B = 0/0.3 = 0: A's skill √0 = 0, B's √∞ = ∞. C/D = 0.2/0.001 = 200,
// beyond 100: C's skill √200 = 14.142…, D's √(1/200) = 0.0707…, both ranked
// and both marked. F/G = 0.1/0 = ∞ and F/H = 0/0.2 = 0: F's skill is
// ∛(∞ · 0), undefined; G's √0 = 0; H's √∞ = ∞. I meets no one. Only D
// and C are ranked.
func TestPairwiseZeroAndNearZero(t *testing.T) {
	opts := DefaultPairwiseOptions()
	opts.MinShared = 1
	res := Pairwise([]QuestionScores{
		{Name: "A", Questions: []int{0, 1}, Scores: []float64{0, 0}},
		{Name: "B", Questions: []int{0, 1}, Scores: []float64{0.2, 0.4}},
		{Name: "C", Questions: []int{2, 3}, Scores: []float64{0.1, 0.3}},
		{Name: "D", Questions: []int{2, 3}, Scores: []float64{0.001, 0.001}},
		{Name: "F", Questions: []int{4, 5}, Scores: []float64{0.1, 0}},
		{Name: "G", Questions: []int{4}, Scores: []float64{0}},
		{Name: "H", Questions: []int{5}, Scores: []float64{0.2}},
		{Name: "I", Questions: []int{6}, Scores: []float64{0.5}},
	}, opts)
	want := map[string]struct {
		skill    float64
		unranked string
		nearZero int
	}{
		"A": {0, UnrankedZero, 0}, "B": {math.Inf(1), UnrankedInfinite, 0},
		"C": {math.Sqrt(200), "", 1}, "D": {math.Sqrt(1.0 / 200), "", 1},
		"F": {math.NaN(), UnrankedUndefined, 0}, "G": {0, UnrankedZero, 0},
		"H": {math.Inf(1), UnrankedInfinite, 0}, "I": {math.NaN(), UnrankedNoShared, 0},
	}
	for _, c := range res.Competitors {
		w := want[c.Name]
		if c.Unranked != w.unranked || c.NearZero != w.nearZero {
			t.Errorf("%s: unranked %q, near zero %d; want %q, %d", c.Name, c.Unranked, c.NearZero, w.unranked, w.nearZero)
		}
		near(t, "relative skill "+c.Name, c.RelativeSkill, w.skill, 1e-12)
	}
	var order []string
	for _, i := range res.Ranking() {
		order = append(order, res.Competitors[i].Name)
	}
	if got := strings.Join(order, " "); got != "D C A B F G H I" {
		t.Errorf("ranking %s", got)
	}
	var codes []string
	for _, w := range res.Warnings {
		codes = append(codes, w.Code)
	}
	if got := fmt.Sprint(codes); got != "[unranked near-zero]" {
		t.Fatalf("warnings %s", got)
	}
	if msg := res.Warnings[0].Message; !strings.HasPrefix(msg, "6 of 8 competitors not ranked: 1 shares no question with another: I; 2 relative skill infinite") {
		t.Errorf("message %q", msg)
	}
}

// --min-questions and --min-shared, by hand:
//
//	question  0    1    2    3
//	A         0.1  0.2  0.3  0.4
//	B         0.2  0.2  0.2  0.2
//	C         0.4  0.4  0.4
//	D         0.1  0.1
//
// MinQuestions 3 leaves D out of every pair. MinShared 3: A/B = 0.25/0.2 =
// 1.25 (4 shared), A/C = 0.2/0.4 = 0.5 and B/C = 0.2/0.4 = 0.5 (3 shared):
// A ∛0.625 = 0.855, B ∛0.4 = 0.737, C ∛4 = 1.587. MinShared 4: only A–B
// enters: A √1.25 = 1.118, B √0.8 = 0.894; C shares at most 3: not ranked.
func TestPairwiseMinQuestionsMinShared(t *testing.T) {
	cs := []QuestionScores{
		{Name: "A", Questions: []int{0, 1, 2, 3}, Scores: []float64{0.1, 0.2, 0.3, 0.4}},
		{Name: "B", Questions: []int{0, 1, 2, 3}, Scores: []float64{0.2, 0.2, 0.2, 0.2}},
		{Name: "C", Questions: []int{0, 1, 2}, Scores: []float64{0.4, 0.4, 0.4}},
		{Name: "D", Questions: []int{0, 1}, Scores: []float64{0.1, 0.1}},
	}
	opts := DefaultPairwiseOptions()
	opts.MinQuestions, opts.MinShared = 3, 3
	for _, mode := range []string{PairsAll, PairsSummary, PairsNone} {
		opts.Pairs = mode
		res := Pairwise(cs, opts)
		for i, w := range []float64{math.Cbrt(0.625), math.Cbrt(0.4), math.Cbrt(4), math.NaN()} {
			near(t, mode+" relative skill "+cs[i].Name, res.Competitors[i].RelativeSkill, w, 1e-12)
		}
		if d := res.Competitors[3]; d.Unranked != UnrankedFewQuestions || d.MaxShared != 0 {
			t.Errorf("%s: D %+v", mode, d)
		}
		if res.PairCount != 3 || res.FewShared != 0 || res.SharedMin != 3 || res.SharedMedian != 3 || res.SharedMax != 4 {
			t.Errorf("%s: %d pairs, %d few, shared %d %d %d", mode, res.PairCount, res.FewShared, res.SharedMin, res.SharedMedian, res.SharedMax)
		}
		if want := map[string]int{PairsAll: 3, PairsSummary: 3, PairsNone: 0}[mode]; len(res.Pairs) != want {
			t.Errorf("%s: %d pairs held, want %d", mode, len(res.Pairs), want)
		}
	}
	opts.MinShared, opts.Pairs = 4, PairsSummary
	res := Pairwise(cs, opts)
	for i, w := range []float64{math.Sqrt(1.25), math.Sqrt(0.8), math.NaN()} {
		near(t, "min-shared 4: relative skill "+cs[i].Name, res.Competitors[i].RelativeSkill, w, 1e-12)
	}
	if c := res.Competitors[2]; c.Unranked != UnrankedFewShared || c.MaxShared != 3 || c.Opponents != 0 {
		t.Errorf("C %+v", c)
	}
	if len(res.Pairs) != 1 || res.FewShared != 2 {
		t.Errorf("summary of the ranked A and B: %d pairs; %d few shared", len(res.Pairs), res.FewShared)
	}
}

// The relative skills computed without the pairs are, bit for bit, those
// of the pairs: each pair's log ratio added to A's sum and taken from B's,
// in pair order.
func TestPairwiseSkillsFromPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var cs []QuestionScores
	for c := range 40 {
		qs := QuestionScores{Name: fmt.Sprintf("c%02d", c)}
		for q := range 60 {
			if r.Float64() < 0.3 {
				qs.Questions = append(qs.Questions, q)
				qs.Scores = append(qs.Scores, math.Round(r.Float64()*100)/400)
			}
		}
		cs = append(cs, qs)
	}
	opts := DefaultPairwiseOptions()
	opts.MinShared, opts.Permutations, opts.Bootstrap = 1, 0, 0
	res := Pairwise(cs, opts)
	logSum := make([]float64, len(cs))
	opp := make([]int, len(cs))
	for _, p := range res.Pairs {
		if l := ln(p.Ratio); !math.IsNaN(l) {
			logSum[p.A] += l
			logSum[p.B] -= l
			opp[p.A]++
			opp[p.B]++
		}
	}
	for i, c := range res.Competitors {
		want := math.NaN()
		if opp[i] > 0 {
			want = math.Exp(logSum[i] / float64(opp[i]+1))
		}
		if c.Opponents != opp[i] || math.Float64bits(c.RelativeSkill) != math.Float64bits(want) && !(math.IsNaN(want) && math.IsNaN(c.RelativeSkill)) {
			t.Errorf("%s: %v (%d opponents), from the pairs %v (%d)", c.Name, c.RelativeSkill, c.Opponents, want, opp[i])
		}
	}
}

// BenchmarkPairwiseTournament: 2,000 competitors each answering 40 to 80
// of 200 questions (about 2 M pairs sharing about 18 questions), with
// PairsSummary: the relative skills without the pairs, and the 45 pairs of
// the ten best-ranked tested.
func BenchmarkPairwiseTournament(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	var cs []QuestionScores
	for c := range 2000 {
		qs := QuestionScores{Name: fmt.Sprintf("c%04d", c)}
		picked := r.Perm(200)[:40+r.IntN(41)]
		slices.Sort(picked)
		for _, q := range picked {
			qs.Questions = append(qs.Questions, q)
			qs.Scores = append(qs.Scores, 0.01+r.Float64()*0.5)
		}
		cs = append(cs, qs)
	}
	opts := DefaultPairwiseOptions()
	opts.MinShared, opts.Pairs = 10, PairsSummary
	for b.Loop() {
		Pairwise(cs, opts)
	}
}
