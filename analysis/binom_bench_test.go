package analysis

import (
	"math"
	"testing"
)

func BenchmarkBinomialBTRD(b *testing.B) {
	s := newStream(1, 2, 3)
	for b.Loop() {
		s.binomial(9901, 0.3)
	}
}

func BenchmarkBinomialBTRDLarge(b *testing.B) {
	s := newStream(1, 2, 3)
	for b.Loop() {
		s.binomial(1000000, 0.01)
	}
}

func BenchmarkBinomialInversion(b *testing.B) {
	s := newStream(1, 2, 3)
	for b.Loop() {
		s.binomial(9901, 0.0005)
	}
}

func BenchmarkUniform(b *testing.B) {
	s := newStream(1, 2, 3)
	for b.Loop() {
		s.uniform()
	}
}

func BenchmarkBinomialBTRDCached(b *testing.B) {
	s := newStream(1, 2, 3)
	var d binomialDist
	d.init(9901, 0.3)
	for b.Loop() {
		d.draw(s)
	}
}

func BenchmarkLog(b *testing.B) {
	x := 0.3
	var sum float64
	for b.Loop() {
		sum += math.Log(x)
		x += 1e-9
	}
	_ = sum
}
