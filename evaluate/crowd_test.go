package evaluate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
)

// The crowd-relative Brier score, by hand. Brier scores:
//
//	q1 (happened):     a (g1) 0.9 → 0.01, b (g1) 0.6 → 0.16, c (g2) 0.2 → 0.64
//	q2 (did not):      a 0.3 → 0.09, c 0.5 → 0.25
//	q3 (happened):     b 0.7 → 0.09, alone: no crowd
//
// Differences from the others' median:
//
//	q1: a 0.01 − median(0.16, 0.64) = −0.39; b 0.16 − median(0.01, 0.64) = −0.165;
//	    c 0.64 − median(0.01, 0.16) = 0.555
//	q2: a 0.09 − 0.25 = −0.16; c 0.25 − 0.09 = 0.16
//
// g1 (a, b): (−0.39 − 0.165 − 0.16) / 3 = −0.715 / 3; g2 (c): (0.555 + 0.16) / 2 = 0.3575;
// all: 0 over 5 answers by 3 forecasters.
func TestCrowdRelativeScore(t *testing.T) {
	path := table(t, "crowd.csv", "question,forecaster,group,probability,outcome\n"+
		"q1,a,g1,0.9,1\nq1,b,g1,0.6,1\nq1,c,g2,0.2,1\nq2,a,g1,0.3,0\nq2,c,g2,0.5,0\nq3,b,g1,0.7,1\n")
	in := evaluate.Input{Data: []string{path}, By: []string{"group"}, ForecasterCols: []string{"forecaster"}, QuestionCols: []string{"question"}, Crowd: true}
	sc := scoreWith(t, in, 0)
	if sc.Crowd == nil || len(sc.Crowd.Groups) != 2 {
		t.Fatalf("crowd %+v, want two groups", sc.Crowd)
	}
	want := []evaluate.CrowdGroup{
		{Key: []string{"g1"}, Answers: 3, Forecasters: 2, Mean: -0.715 / 3},
		{Key: []string{"g2"}, Answers: 2, Forecasters: 1, Mean: 0.3575},
	}
	for i, w := range want {
		g := sc.Crowd.Groups[i]
		if g.Key[0] != w.Key[0] || g.Answers != w.Answers || g.Forecasters != w.Forecasters || math.Abs(g.Mean-w.Mean) > 1e-15 {
			t.Errorf("group %d: %+v, want %+v", i, g, w)
		}
	}
	if o := sc.Crowd.Overall; o.Answers != 5 || o.Forecasters != 3 || math.Abs(o.Mean) > 1e-15 {
		t.Errorf("overall %+v, want 0 over 5 answers by 3 forecasters", o)
	}

	// Without a question column it cannot know who the others are.
	in.QuestionCols = nil
	f, err := evaluate.Load(in)
	if err == nil {
		_, err = evaluate.Score(f, evaluate.ScoreOptions{})
	}
	usage(t, err, "--crowd-relative without --question-col")
}

// On records the forecaster and the question text say who and what. In the
// built-in historical data AMAN and the Mossad source answered one question
// (will Egypt and Syria attack, October 1973) and no one else did: AMAN's
// Brier score 0.7225 (it happened, P 0.15: 0.85²), the source's 0.0001
// (P 0.99: 0.01²), so AMAN is 0.7225 − 0.0001 = 0.7224 worse than its crowd
// of one and the source 0.7224 better.
func TestCrowdRelativeRecords(t *testing.T) {
	sc := scoreWith(t, evaluate.Input{Builtins: []string{"historical"}, By: []string{"forecaster"}, Crowd: true}, 0)
	if sc.Crowd == nil || len(sc.Crowd.Groups) != len(sc.Groups) {
		t.Fatalf("crowd %+v, want one entry per group", sc.Crowd)
	}
	found := 0
	for _, g := range sc.Crowd.Groups {
		want := math.NaN()
		switch {
		case strings.HasPrefix(g.Key[0], "AMAN"):
			want = 0.7224
		case strings.HasPrefix(g.Key[0], "Mossad"):
			want = -0.7224
		default:
			continue
		}
		found++
		if g.Answers != 1 || math.Abs(g.Mean-want) > 1e-12 {
			t.Errorf("%s: %+v, want %v over one answer", g.Key[0], g, want)
		}
	}
	if found != 2 {
		t.Errorf("found %d of AMAN and the Mossad source", found)
	}
}
