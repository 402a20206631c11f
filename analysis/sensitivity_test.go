package analysis

import (
	"math"
	"testing"
)

// Two interval forecasts by hand: [0.2, 0.3, 0.4] followed by the event,
// [0.6, 0.7, 0.9] not.
//
//	Brier point (0.7² + 0.7²)/2 = 0.49
//	min: the first at 0.4, the second at 0.6: (0.36 + 0.36)/2 = 0.36
//	max: the first at 0.2, the second at 0.9: (0.64 + 0.81)/2 = 0.725
func TestSeparableSpan(t *testing.T) {
	fs := []IntervalForecast{{0.2, 0.3, 0.4, true}, {0.6, 0.7, 0.9, false}}
	s := SeparableSpan(fs, BrierContribution)
	for _, c := range [][2]float64{{s.Min, 0.36}, {s.Point, 0.49}, {s.Max, 0.725}} {
		if math.Abs(c[0]-c[1]) > 1e-15 {
			t.Errorf("got %v, want %v", c[0], c[1])
		}
	}
	if !s.Exact {
		t.Error("a separable span is exact")
	}
	// The first forecast's own swing: (0.64 − 0.36) / 2 = 0.14.
	if sw := Swing(fs[0], BrierContribution, 2); math.Abs(sw-0.14) > 1e-15 {
		t.Errorf("swing %v, want 0.14", sw)
	}
}

// The sampled span of the Brier score lies inside the exact one and
// reaches both ends, which the corner codings hold.
func TestSampledSpanWithinExact(t *testing.T) {
	fs := []IntervalForecast{{0.2, 0.3, 0.4, true}, {0.6, 0.7, 0.9, false}, {0.1, 0.1, 0.5, true}}
	exact := SeparableSpan(fs, BrierContribution)
	codings := Codings(fs, 500, 7)
	if len(codings) != 504 {
		t.Fatalf("%d codings, want 4 corners + 500", len(codings))
	}
	s := SampledSpan(fs, codings, Brier)
	if math.Abs(s.Min-exact.Min) > 1e-15 || math.Abs(s.Max-exact.Max) > 1e-15 || math.Abs(s.Point-exact.Point) > 1e-15 {
		t.Errorf("sampled %+v, exact %+v", s, exact)
	}
	for _, c := range codings {
		for i, p := range c {
			if p < fs[i].Lo || p > fs[i].Hi {
				t.Fatalf("coding %v outside the intervals", c)
			}
		}
	}
	again := Codings(fs, 500, 7)
	if again[100][1] != codings[100][1] {
		t.Error("codings depend on more than the seed")
	}
}

// SampledSpansSeeded draws the codings one at a time: the same spans as
// SampledSpans over Codings, bit for bit.
func TestSampledSpansSeededMatches(t *testing.T) {
	fs := []IntervalForecast{
		{Lo: 0.1, Point: 0.2, Hi: 0.3, Yes: true},
		{Lo: 0.6, Point: 0.8, Hi: 0.95, Yes: false},
		{Lo: 0.4, Point: 0.4, Hi: 0.4, Yes: true},
		{Lo: 0, Point: 0.05, Hi: 0.1, Yes: false},
	}
	figs := []func(Table) float64{
		func(t Table) float64 { return Murphy(t, Distinct).Reliability },
		func(t Table) float64 { return CORP(t, BrierContribution).Discrimination },
		AUC,
	}
	want := SampledSpans(fs, Codings(fs, 300, 7), figs...)
	got := SampledSpansSeeded(fs, 300, 7, figs...)
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("figure %d: %+v, want %+v", k, got[k], want[k])
		}
	}
}
