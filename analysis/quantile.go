package analysis

import "math"

// quantile returns the q-quantile of x by linear interpolation between
// order statistics (Hyndman & Fan type 7, R's default):
//
//	h = (len(x) − 1) q,  x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
//
// where x₍ᵢ₎ is the i-th smallest (0-based). It reorders x, in O(len(x))
// expected time, by selection rather than sorting. x must hold no NaN; the
// quantile of an empty x is NaN.
func quantile(x []float64, q float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	h := float64(len(x)-1) * q
	i := int(h)
	if i >= len(x)-1 {
		i = len(x) - 1
	}
	selectNth(x, i)
	v := x[i]
	if frac := h - float64(i); frac > 0 && i+1 < len(x) {
		next := x[i+1]
		for _, y := range x[i+2:] {
			next = min(next, y)
		}
		v += frac * (next - v)
	}
	return v
}

// selectNth reorders x so that x[k] is its k-th smallest element, those
// before it no larger and those after no smaller (Hoare's selection, with
// a median-of-three pivot and a three-way partition so that ties, common
// in bootstrap replicates, cost nothing extra).
func selectNth(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for lo < hi {
		a, b, c := x[lo], x[lo+(hi-lo)/2], x[hi]
		pivot := max(min(a, b), min(max(a, b), c))
		// x[lo:lt] < pivot, x[lt:i] == pivot, x[gt+1:hi+1] > pivot
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch {
			case x[i] < pivot:
				x[lt], x[i] = x[i], x[lt]
				lt++
				i++
			case x[i] > pivot:
				x[i], x[gt] = x[gt], x[i]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return
		}
	}
}
