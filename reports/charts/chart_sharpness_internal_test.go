package charts

import (
	"testing"
)

// TestSharpnessOutline checks the CPC histogram of 20 bins of 5 points
// (evaluate's TestSharpnessHistogram counts them), whose mean distance
// from 50%, 0.34625, reads "34.6" points.
func TestSharpnessOutline(t *testing.T) {
	counts := make([]float64, 20)
	counts[1], counts[4], counts[5], counts[18] = 1, 1, 1, 1
	h := &histogram{group: &chartGroup{table: cpcTable()}, counts: counts, dist: 0.34625}
	if pointsText(h.dist) != "34.6" {
		t.Errorf("distance from 50%% %s, want 34.6", pointsText(h.dist))
	}
	// The outline runs along the bar tops: up at 5%, down at 10%.
	o := h.outline()
	if len(o) != 2+2*20 || o[2].X != 0.05 || o[2].Y != 0 || o[3].X != 0.05 || o[3].Y != 1 || o[4].X != 0.1 || o[4].Y != 1 {
		t.Errorf("outline starts %v", o[:6])
	}
}
