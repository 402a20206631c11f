package analysis

import (
	"math"
	"testing"
)

// TestLogOfSubnormals: the log score of forecasts below the smallest normal
// float64, 2⁻¹⁰²² ≈ 2.2e-308, followed by the event. A subnormal is k·2⁻¹⁰⁷⁴
// for an integer k < 2⁵², so −ln p = 1074 ln 2 − ln k, with
// ln 2 = 0.693147180559945309417… (40-digit decimal arithmetic):
//
//	5e-324 is 2⁻¹⁰⁷⁴ (k = 1):  1074 ln 2 = 744.440071921381262…
//	1e-320 is stored as k = 2024 (1e-320 / 2⁻¹⁰⁷⁴ = 2024.0225…):
//	  1074 ln 2 − ln 2024 = 744.440071921381262 − 7.612831030407356
//	                      = 736.827240890973906
//	  (320 ln 10 = 736.827229758…, 1.1e-5 less: the rounding of 1e-320)
//	2⁻¹⁰²², the smallest normal: 1022 ln 2 = 708.396418532264106
//
// math.Log on amd64 gives 709.0896 for both subnormals.
func TestLogOfSubnormals(t *testing.T) {
	for _, c := range []struct {
		p, want float64
	}{
		{5e-324, 744.440071921381262},
		{1e-320, 736.827240890973906},
		{0x1p-1022, 708.396418532264106},
		{0x1p-1023, 709.089565712824052}, // 1023 ln 2
		{0.5, 0.693147180559945309},      // ln 2
	} {
		got := LogContribution(c.p, true)
		if math.Abs(got-c.want) > 2e-13 { // 2 ulps of 744
			t.Errorf("LogContribution(%g, yes) = %.15f, want %.15f", c.p, got, c.want)
		}
		if got := ClippedLog(0)(c.p, true); math.Abs(got-c.want) > 2e-13 {
			t.Errorf("ClippedLog(0)(%g, yes) = %.15f, want %.15f", c.p, got, c.want)
		}
		// logit p = ln p − ln(1 − p); for these p, 1 − p rounds to 1.
		if c.p < 0.5 {
			if got := logit(c.p); math.Abs(got+c.want) > 2e-13 {
				t.Errorf("logit(%g) = %.15f, want %.15f", c.p, got, -c.want)
			}
		}
	}

	// A table: one forecast of 1e-320 that came true and one of 0.5 that
	// did not: L = (736.827240890973906 + 0.693147180559945309) / 2
	// = 368.760194035766926.
	tb := NewTable([]Cell{{P: 1e-320, N: 1, Yes: 1}, {P: 0.5, N: 1, Yes: 0}})
	if got, _ := LogScore(tb, 0); math.Abs(got-368.760194035766926) > 1e-13 {
		t.Errorf("LogScore = %.15f, want 368.760194035766926", got)
	}
}
