package analysis

import (
	"math"
	"math/rand/v2"
)

// Random streams. Every replicate r of a resampling procedure draws from its
// own PCG stream, seeded from (seed, procedure, r) by SplitMix64 mixing, so
// its result depends on nothing else: not on which goroutine runs it, nor
// on the other replicates or tables.

// Procedures, so that a bootstrap and consistency bands with the same seed
// draw from different streams.
const (
	streamBootstrap uint64 = iota + 1
	streamBands
	streamSimulate
)

type stream struct{ pcg rand.PCG }

func newStream(seed, procedure, r uint64) *stream {
	s := new(stream)
	s.pcg.Seed(mix64(seed^mix64(procedure)), mix64(r+mix64(seed+procedure)))
	return s
}

// mix64 is the SplitMix64 finaliser: a bijection on uint64 whose output bits
// all depend on all input bits.
func mix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// uniform returns a uniform variate in the open interval (0, 1).
func (s *stream) uniform() float64 {
	return (float64(s.pcg.Uint64()>>11) + 0.5) * 0x1p-53
}

// binomial returns a Binomial(n, p) variate: by inversion when n·min(p, 1−p)
// < 10, otherwise by the transformed rejection of Hörmann (1993), "The
// generation of binomial random variates", J. Stat. Comput. Simul. 46:101–110
// (BTRD), whose expected cost does not grow with n.
func (s *stream) binomial(n int64, p float64) int64 {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	case p > 0.5:
		return n - s.binomial(n, 1-p)
	case float64(n)*p < 10:
		return s.binomialInversion(n, p)
	}
	return s.btrd(n, p)
}

// binomialInversion searches the cumulative distribution from 0; it takes
// n·p + 1 steps on average.
func (s *stream) binomialInversion(n int64, p float64) int64 {
	q := 1 - p
	odds := p / q
	a := float64(n+1) * odds
	p0 := math.Pow(q, float64(n))
	bound := min(float64(n), float64(n)*p+10*math.Sqrt(float64(n)*p*q+1))
	for {
		u := s.uniform()
		pk := p0
		var k int64
		for u > pk {
			u -= pk
			k++
			if float64(k) > bound {
				break
			}
			pk *= a/float64(k) - odds
		}
		if float64(k) <= bound {
			return k
		}
	}
}

// btrd is Hörmann's BTRD for n·p ≥ 10, p ≤ 0.5, in the form used by
// TensorFlow's random_binomial_op: a box of immediate acceptance, then the
// exact test with Stirling-series corrections.
func (s *stream) btrd(n int64, p float64) int64 {
	nf := float64(n)
	q := 1 - p
	spq := math.Sqrt(nf * p * q)
	b := 1.15 + 2.53*spq
	a := -0.0873 + 0.0248*b + 0.01*p
	c := nf*p + 0.5
	vr := 0.92 - 4.2/b
	r := p / q
	alpha := (2.83 + 5.1/b) * spq
	m := math.Floor((nf + 1) * p)
	for {
		u := s.uniform() - 0.5
		v := s.uniform()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + c)
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		if k < 0 || k > nf {
			continue
		}
		v = math.Log(v * alpha / (a/(us*us) + b))
		bound := (m+0.5)*math.Log((m+1)/(r*(nf-m+1))) +
			(nf+1)*math.Log((nf-m+1)/(nf-k+1)) +
			(k+0.5)*math.Log(r*(nf-k+1)/(k+1)) +
			stirlingTail(m) + stirlingTail(nf-m) - stirlingTail(k) - stirlingTail(nf-k)
		if v <= bound {
			return int64(k)
		}
	}
}

// stirlingTail returns ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], the
// error of Stirling's approximation to ln k!.
func stirlingTail(k float64) float64 {
	if k < float64(len(stirlingTails)) {
		return stirlingTails[int(k)]
	}
	k1 := k + 1
	k1sq := k1 * k1
	return (1.0/12 - (1.0/360-1.0/1260/k1sq)/k1sq) / k1
}

// Exact values (from math.Lgamma) below 30, where the series above errs by
// less than 1/(1680·31⁷) ≈ 2e-14.
var stirlingTails = func() (t [30]float64) {
	for k := range t {
		kf := float64(k)
		lf, _ := math.Lgamma(kf + 1)
		t[k] = lf - ((kf+0.5)*math.Log(kf+1) - (kf + 1) + 0.5*math.Log(2*math.Pi))
	}
	return t
}()
