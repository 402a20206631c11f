package textout

import "testing"

func TestIntervalText(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   string
	}{
		{0.1, 0.2, "0.100 – 0.200"},
		{0.722, 0.722, "–"}, // one forecast: every replicate the same
		{0, 1e-17, "–"},     // the same, but for rounding error
		{0.12341, 0.12349, "0.1234 – 0.1235"},
		{0.5, 0.50004, "0.50000 – 0.50004"},
	} {
		if got := interval(tc.lo, tc.hi); got != tc.want {
			t.Errorf("interval(%v, %v) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
}
