package analysis

import (
	"math"
	"testing"
)

func TestOverconfidenceCPC(t *testing.T) {
	// The four CPC assessments as coded on Kent's scale, each a confident
	// judgment that went wrong:
	//   Khmer Rouge will hold Phnom Penh   P = 0.93, did not happen: confidence 0.93, miss
	//   Vietnam could not capture it       P = 0.07, happened:       confidence 0.93, miss
	//   the Shah would not step down       P = 0.25, happened:       confidence 0.75, miss
	//   Romania "fairly good"              P = 0.225, happened:      confidence 0.775, miss
	// Confidence = (0.93 + 0.93 + 0.75 + 0.775) / 4 = 3.385 / 4 = 0.84625,
	// hit rate 0, so Over = 0.84625.
	tab := NewTable([]Cell{{P: 0.93, N: 1}, {P: 0.07, N: 1, Yes: 1}, {P: 0.25, N: 1, Yes: 1}, {P: 0.225, N: 1, Yes: 1}})
	o := OverconfidenceOf(tab)
	if math.Abs(o.Confidence-0.84625) > 1e-15 || o.HitRate != 0 || math.Abs(o.Over-0.84625) > 1e-15 {
		t.Errorf("got %+v, want confidence 0.84625, hit rate 0, over 0.84625", o)
	}
	// Calibration in the large is negative on the same cases
	// ((0.93+0.07+0.25+0.225)/4 − 3/4 = 0.36875 − 0.75 = −0.38125): the
	// questions' wording, not the analysts, sets its sign.
	if c := CalibrationInTheLarge(tab); math.Abs(c+0.38125) > 1e-15 {
		t.Errorf("calibration in the large %v, want -0.38125", c)
	}
}

func TestOverconfidenceHalfAndNegation(t *testing.T) {
	// Ten forecasts: 0.8 ×4 (3 happened), 0.5 ×2 (1 happened), 0.1 ×4 (1 happened).
	// Confidence = (4·0.8 + 2·0.5 + 4·0.9) / 10 = (3.2 + 1 + 3.6) / 10 = 0.78.
	// Hits: 3 (the 0.8s that happened) + 1 (half of the two 0.5s) + 3 (the
	// 0.1s that did not happen) = 7, hit rate 0.7; Over = 0.08.
	tab := NewTable([]Cell{{P: 0.8, N: 4, Yes: 3}, {P: 0.5, N: 2, Yes: 1}, {P: 0.1, N: 4, Yes: 1}})
	o := OverconfidenceOf(tab)
	if math.Abs(o.Confidence-0.78) > 1e-15 || math.Abs(o.HitRate-0.7) > 1e-15 || math.Abs(o.Over-0.08) > 1e-15 {
		t.Errorf("got %+v, want 0.78, 0.7, 0.08", o)
	}
	// Rewording every question as its negation (P → 1 − P, outcome flipped)
	// leaves every figure as it was.
	neg := NewTable([]Cell{{P: 0.2, N: 4, Yes: 1}, {P: 0.5, N: 2, Yes: 1}, {P: 0.9, N: 4, Yes: 3}})
	if n := OverconfidenceOf(neg); math.Abs(n.Over-o.Over) > 1e-15 || math.Abs(n.Confidence-o.Confidence) > 1e-15 {
		t.Errorf("negated questions give %+v, want %+v", n, o)
	}
	if math.IsNaN(OverconfidenceOf(Table{}).Over) == false {
		t.Error("an empty table should have an undefined overconfidence")
	}
}

func TestOverconfidenceInterval(t *testing.T) {
	// The bootstrap recomputes Over on each replicate: on the ten forecasts
	// above its interval must hold the point value 0.08 and stay within the
	// figure's range [−0.5, 1].
	tab := NewTable([]Cell{{P: 0.8, N: 4, Yes: 3}, {P: 0.5, N: 2, Yes: 1}, {P: 0.1, N: 4, Yes: 1}})
	opts := DefaultOptions()
	opts.Replicates = 2000
	s := Summarize(tab, opts)
	lo, hi := s.Bootstrap.Lo.Overconfidence, s.Bootstrap.Hi.Overconfidence
	if !(lo < 0.08 && 0.08 < hi) || lo < -0.5 || hi > 1 {
		t.Errorf("interval [%v, %v] should hold 0.08 and lie in [-0.5, 1]", lo, hi)
	}
	if s.Overconfidence.Over != OverconfidenceOf(tab).Over {
		t.Error("Summary.Overconfidence differs from OverconfidenceOf")
	}
}
