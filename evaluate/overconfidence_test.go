package evaluate_test

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The four CPC assessments, as `hindcast score --dataset cpc --exclude
// deng-vietnam-1978` scores them. Each is a confident judgment that went
// wrong (P(event) as coded, the side it leans to, its confidence):
//
//	cpc-khmer-rouge-1978  P 0.93,  no:  "will hold", 0.93, miss
//	cpc-phnom-penh-1979   P 0.07,  yes: "will not fall", 0.93, miss
//	cpc-shah-1978         P 0.25,  yes: "will not go", 0.75, miss
//	cpc-romania-1989      P 0.225, yes: "will last", 0.775, miss
//
// confidence = 3.385 / 4 = 0.84625, hit rate 0, overconfidence 0.84625.
// With Deng's forecast (P 0.75, no: a miss at 0.75) the five give
// confidence 4.135 / 5 = 0.827, hit rate 0.
func TestScoreOverconfidenceCPC(t *testing.T) {
	for _, tc := range []struct {
		exclude    []string
		confidence float64
	}{
		{[]string{"deng-vietnam-1978"}, 0.84625},
		{nil, 0.827},
	} {
		f, err := evaluate.Load(evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{Exclude: tc.exclude}})
		if err != nil {
			t.Fatal(err)
		}
		sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 1}})
		if err != nil {
			t.Fatal(err)
		}
		o := sc.Overall.Summary.Overconfidence
		if math.Abs(o.Confidence-tc.confidence) > 1e-12 || o.HitRate != 0 || math.Abs(o.Over-tc.confidence) > 1e-12 {
			t.Errorf("exclude %v: %+v, want confidence and overconfidence %v, hit rate 0", tc.exclude, o, tc.confidence)
		}
		// Every replicate has hit rate 0, so the interval is that of the
		// mean confidence: within the smallest and largest confidence.
		b := sc.Overall.Summary.Bootstrap
		if lo, hi := b.Lo.Overconfidence, b.Hi.Overconfidence; !(lo >= 0.75-1e-12 && hi <= 0.93+1e-12 && lo < tc.confidence && tc.confidence < hi) {
			t.Errorf("exclude %v: interval [%v, %v], want inside [0.75, 0.93] around %v", tc.exclude, lo, hi, tc.confidence)
		}
	}
}
