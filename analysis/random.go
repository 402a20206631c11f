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
	streamSensitivity
	streamSignFlip      // sign-flip permutations of paired differences
	streamPairBootstrap // bootstrap of a mean paired difference
	streamClusterBootstrap
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

// binomial returns a Binomial(n, p) variate (see [binomialDist]).
func (s *stream) binomial(n int64, p float64) int64 {
	var d binomialDist
	d.init(n, p)
	return d.draw(s)
}

// binomialDist draws Binomial(n, p) variates: by inversion when
// n·min(p, 1−p) < 10, otherwise by the transformed rejection of Hörmann
// (1993), "The generation of binomial random variates", J. Stat. Comput.
// Simul. 46:101–110 (BTRD), whose expected cost does not grow with n. For
// p > 0.5 it draws n − Binomial(n, 1 − p). Setting one up costs about as
// much as a draw, so a caller drawing repeatedly from one (n, p) keeps it.
type binomialDist struct {
	n    int64
	flip bool // return n − X
	kind int8 // binomialConst, binomialBernoulli, binomialInversion or binomialBTRD

	// inversion: P(X = 0) and the recursion P(k)/P(k−1) = a/k − odds;
	// Bernoulli: P(X = 1) in p0
	p0, a, odds, bound float64

	// BTRD, named as in the paper
	nf, m, r, nr, npq, ba, bb, c, alpha, vr, urvr, ivr float64
}

const (
	binomialConst int8 = iota // n = 0 or p ∈ {0, 1}
	binomialBernoulli
	binomialInversion
	binomialBTRD
)

// init sets d up for Binomial(n, p), in place: the struct is too big to
// return cheaply.
func (d *binomialDist) init(n int64, p float64) {
	d.n, d.flip = n, false
	if p > 0.5 {
		d.flip, p = true, 1-p
	}
	nf := float64(n)
	switch {
	case n <= 0 || p <= 0:
		d.kind = binomialConst
	case n == 1:
		d.kind = binomialBernoulli
		d.p0 = p
	case nf*p < 10:
		d.kind = binomialInversion
		q := 1 - p
		d.odds = p / q
		d.a = (nf + 1) * d.odds
		d.p0 = math.Pow(q, nf)
		d.bound = min(nf, nf*p+10*math.Sqrt(nf*p*q+1))
	default:
		d.kind = binomialBTRD
		q := 1 - p
		d.nf = nf
		d.npq = nf * p * q
		spq := math.Sqrt(d.npq)
		d.bb = 1.15 + 2.53*spq
		ib := 1 / d.bb
		d.ba = -0.0873 + 0.0248*d.bb + 0.01*p
		d.c = nf*p + 0.5
		d.alpha = (2.83 + 5.1*ib) * spq
		d.vr = 0.92 - 4.2*ib
		d.ivr = 1 / d.vr
		d.urvr = 0.86 * d.vr
		d.m = math.Floor((nf + 1) * p)
		d.r = p / q
		d.nr = (nf + 1) * d.r
	}
}

func (d *binomialDist) draw(s *stream) int64 {
	var k int64
	switch d.kind {
	case binomialBernoulli:
		if s.uniform() < d.p0 {
			k = 1
		}
	case binomialInversion:
		k = d.inversion(s)
	case binomialBTRD:
		k = d.btrd(s)
	}
	if d.flip {
		return d.n - k
	}
	return k
}

// inversion searches the cumulative distribution from 0; it takes n·p + 1
// steps on average.
func (d *binomialDist) inversion(s *stream) int64 {
	for {
		u := s.uniform()
		pk := d.p0
		var k int64
		for u > pk {
			u -= pk
			k++
			if float64(k) > d.bound {
				break
			}
			pk *= d.a/float64(k) - d.odds
		}
		if float64(k) <= d.bound {
			return k
		}
	}
}

// btrd is Hörmann's algorithm for n·p ≥ 10, p ≤ 0.5, with the steps
// numbered as in the paper: (1) a box of immediate acceptance, using one
// uniform only; (2) a reuse of that uniform outside the box; (3.1) for k
// near the mode, the exact density ratio by recursion; (3.2) a squeeze on
// the log ratio; (3.3–3.4) the exact test with Stirling-series corrections.
func (d *binomialDist) btrd(s *stream) int64 {
	for {
		// Step 1.
		v := s.uniform()
		if v <= d.urvr {
			u := v*d.ivr - 0.43
			return int64(math.Floor((2*d.ba/(0.5-math.Abs(u))+d.bb)*u + d.c))
		}
		// Step 2.
		var u float64
		if v >= d.vr {
			u = s.uniform() - 0.5
		} else {
			u = v*d.ivr - 0.93
			u = math.Copysign(0.5, u) - u
			v = s.uniform() * d.vr
		}
		// Step 3.0.
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*d.ba/us+d.bb)*u + d.c)
		if k < 0 || k > d.nf {
			continue
		}
		v *= d.alpha / (d.ba/(us*us) + d.bb)
		km := math.Abs(k - d.m)
		if km <= 15 {
			// Step 3.1: f(k)/f(m) by the recursion f(i)/f(i−1) = (nr − r i)/i,
			// numerators and denominators multiplied apart to save divisions.
			num, den := 1.0, 1.0
			if d.m < k {
				for i := d.m + 1; i <= k; i++ {
					num *= d.nr - d.r*i
					den *= i
				}
				if v*den <= num {
					return int64(k)
				}
			} else {
				for i := k + 1; i <= d.m; i++ {
					num *= d.nr - d.r*i
					den *= i
				}
				if v*num <= den {
					return int64(k)
				}
			}
			continue
		}
		// Step 3.2.
		v = math.Log(v)
		rho := (km / d.npq) * (((km/3+0.625)*km+1.0/6)/d.npq + 0.5)
		t := -km * km / (2 * d.npq)
		if v < t-rho {
			return int64(k)
		}
		if v > t+rho {
			continue
		}
		// Steps 3.3 and 3.4.
		nf, m := d.nf, d.m
		nm := nf - m + 1
		h := (m+0.5)*math.Log((m+1)/(d.r*nm)) + stirlingTail(m) + stirlingTail(nf-m)
		nk := nf - k + 1
		if v <= h+(nf+1)*math.Log(nm/nk)+(k+0.5)*math.Log(nk*d.r/(k+1))-stirlingTail(k)-stirlingTail(nf-k) {
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
