package reports

import (
	"math"
	"slices"
	"testing"
)

// TestSharpnessHistogram checks the CPC histogram of 20 bins of 5 points:
// 0.07 falls in [5, 10%), bin 1; 0.225 in [20, 25%), bin 4; 0.25 in
// [25, 30%), bin 5; 0.93 in [90, 95%), bin 18. The mean distance from 50%
// is (0.43 + 0.43 + 0.275 + 0.25)/4 = 0.34625, "34.6" points.
func TestSharpnessHistogram(t *testing.T) {
	h := newHistogram(&chartGroup{table: cpcTable()}, 20)
	want := make([]float64, 20)
	want[1], want[4], want[5], want[18] = 1, 1, 1, 1
	if !slices.Equal(h.counts, want) {
		t.Errorf("counts %v, want %v", h.counts, want)
	}
	if d := h.distance(); math.Abs(d-0.34625) > 1e-12 || pointsText(d) != "34.6" {
		t.Errorf("distance from 50%% %v (%s), want 0.34625 (34.6)", d, pointsText(d))
	}
	// The outline runs along the bar tops: up at 5%, down at 10%.
	o := h.outline()
	if len(o) != 2+2*20 || o[2].X != 0.05 || o[2].Y != 0 || o[3].X != 0.05 || o[3].Y != 1 || o[4].X != 0.1 || o[4].Y != 1 {
		t.Errorf("outline starts %v", o[:6])
	}
}
