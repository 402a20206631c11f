package evaluate

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// A table's costliest forecast values, by hand: cells 0.9 (3 forecasts,
// 1 yes), 0.1 (2 forecasts, 2 yes), 0.6 (1, 1 yes).
//
//	0.9, no  ×2: 0.9² = 0.81      0.9, yes ×1: 0.1² = 0.01
//	0.1, yes ×2: 0.9² = 0.81      0.6, yes ×1: 0.4² = 0.16
//
// 0.9-no and 0.1-yes tie at 0.81 (both counts 2: the lower P first); the
// hits, lowest cost first, are 0.9-yes (0.01) and 0.6-yes (0.16).
func TestCostlyCells(t *testing.T) {
	tb := analysis.TableOf([]float64{0.9, 0.9, 0.9, 0.1, 0.1, 0.6}, []bool{false, false, true, true, true, true}, nil)
	costly, hits := costlyCells(tb)
	type row struct {
		p     float64
		o     forecasts.Outcome
		score float64
		n     float64
	}
	want := []row{{0.1, forecasts.Yes, 0.81, 2}, {0.9, forecasts.No, 0.81, 2}, {0.6, forecasts.Yes, 0.16, 1}, {0.9, forecasts.Yes, 0.01, 1}}
	if len(costly) != len(want) {
		t.Fatalf("%d costly values, want %d: %+v", len(costly), len(want), costly)
	}
	for i, w := range want {
		c := costly[i]
		if c.P != w.p || c.Outcome != w.o || math.Abs(c.Score-w.score) > 1e-12 || c.Count != w.n {
			t.Errorf("costly[%d] = %+v, want %+v", i, c, w)
		}
	}
	if len(hits) != 2 || hits[0].P != 0.9 || hits[0].Outcome != forecasts.Yes || hits[1].P != 0.6 {
		t.Errorf("hits = %+v, want 0.9 yes then 0.6 yes", hits)
	}
	h := tableHeadline("", tb, &analysis.Summary{N: 6})
	if len(h.Costliest) != 2 {
		t.Errorf("the headline names %d costliest values, want the 2 tied at 0.81", len(h.Costliest))
	}
}

// A record headline names every forecast tied for costliest, and only
// those: 0.93 with outcome no and 0.07 with yes both cost 0.8649 (to
// within rounding), 0.25 with yes costs 0.5625.
func TestRecordHeadlineTies(t *testing.T) {
	cases := []Case{{ID: "a", P: 0.93, Outcome: forecasts.No}, {ID: "b", P: 1 - 0.93, Outcome: forecasts.Yes}, {ID: "c", P: 0.25, Outcome: forecasts.Yes}}
	h := recordHeadline("", &Group{}, cases, &analysis.Summary{}, nil)
	if len(h.Costliest) != 2 || h.Costliest[0].ID != "a" || h.Costliest[1].ID != "b" {
		t.Fatalf("costliest = %+v, want a and b tied", h.Costliest)
	}
	if math.Abs(h.Costliest[0].Score-0.8649) > 1e-12 {
		t.Errorf("a costs %v, want 0.8649", h.Costliest[0].Score)
	}
}
