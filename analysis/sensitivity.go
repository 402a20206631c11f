package analysis

import (
	"fmt"
	"math"
	"slices"
)

// IntervalForecast is a forecast known only to lie in [Lo, Hi], as a
// verbal judgment coded on a scale is: the coder's reading is Point.
type IntervalForecast struct {
	Lo, Point, Hi float64
	Yes           bool
}

// Span is the range of a figure over every coding of a set of interval
// forecasts, with its value at the point coding. Exact is true when Min
// and Max are the true extremes; otherwise they come from Samples random
// codings (and the corner codings), and the true range may be wider.
type Span struct {
	Min, Point, Max float64
	Exact           bool
	Samples         int
}

func checkIntervals(fs []IntervalForecast) {
	for _, f := range fs {
		if !(0 <= f.Lo && f.Lo <= f.Point && f.Point <= f.Hi && f.Hi <= 1) {
			panic(fmt.Sprintf("analysis: interval forecast [%v, %v, %v] is not 0 ≤ Lo ≤ Point ≤ Hi ≤ 1", f.Lo, f.Point, f.Hi))
		}
	}
}

// SeparableSpan returns the exact range of the mean score of a scoring
// rule over interval forecasts, for a rule whose per-forecast penalty is
// monotone in p for each outcome (Brier, log, spherical negated): the mean
// is a sum of independent terms, so its extremes are at the ends of each
// interval,
//
//	Min = Σ min(s(Lo_i, y_i), s(Hi_i, y_i)) / n,  Max likewise with max.
//
// It panics if an interval is not 0 ≤ Lo ≤ Point ≤ Hi ≤ 1.
func SeparableSpan(fs []IntervalForecast, s ScoringRule) Span {
	checkIntervals(fs)
	sp := Span{Exact: true}
	if len(fs) == 0 {
		return Span{Min: math.NaN(), Point: math.NaN(), Max: math.NaN(), Exact: true}
	}
	for _, f := range fs {
		a, b := s(f.Lo, f.Yes), s(f.Hi, f.Yes)
		sp.Min += min(a, b)
		sp.Max += max(a, b)
		sp.Point += s(f.Point, f.Yes)
	}
	n := float64(len(fs))
	sp.Min, sp.Point, sp.Max = sp.Min/n, sp.Point/n, sp.Max/n
	return sp
}

// Codings returns the corner codings of interval forecasts — every Lo,
// every Hi, each forecast at its best end and at its worst end for the
// Brier score — followed by samples codings drawn uniformly within each
// interval from a stream seeded by seed. Each coding is a slice of
// probabilities, one per forecast. The point coding is not included.
// It holds (4 + samples) × len(fs) probabilities; [EachCoding] gives the
// same codings one at a time.
func Codings(fs []IntervalForecast, samples int, seed uint64) [][]float64 {
	var out [][]float64
	EachCoding(fs, samples, seed, func(c []float64) { out = append(out, slices.Clone(c)) })
	return out
}

// EachCoding calls fn with each coding [Codings] returns, in the same
// order, in one buffer that fn must not keep: memory O(len(fs)) whatever
// the number of samples.
func EachCoding(fs []IntervalForecast, samples int, seed uint64, fn func(coding []float64)) {
	checkIntervals(fs)
	c := make([]float64, len(fs))
	for _, pick := range []func(f IntervalForecast) float64{
		func(f IntervalForecast) float64 { return f.Lo },
		func(f IntervalForecast) float64 { return f.Hi },
		bestEnd,
		worstEnd,
	} {
		for i, f := range fs {
			c[i] = pick(f)
		}
		fn(c)
	}
	st := newStream(seed, streamSensitivity, 0)
	for range samples {
		for i, f := range fs {
			c[i] = f.Lo + (f.Hi-f.Lo)*st.uniform()
		}
		fn(c)
	}
}

// bestEnd and worstEnd are the ends of a forecast's interval nearest to
// and furthest from what happened.
func bestEnd(f IntervalForecast) float64 {
	if f.Yes {
		return f.Hi
	}
	return f.Lo
}

func worstEnd(f IntervalForecast) float64 {
	if f.Yes {
		return f.Lo
	}
	return f.Hi
}

// SampledSpans returns, for each figure, its range over the given
// codings (see [Codings]) of interval forecasts and its value at the point
// coding. Each coding's table is built once and shared by the figures. NaN
// values (a figure undefined for a coding) are left out. The ranges are not
// exact: the true extremes may lie outside them.
func SampledSpans(fs []IntervalForecast, codings [][]float64, figures ...func(Table) float64) []Span {
	return sampledSpans(fs, len(codings), func(fn func([]float64)) {
		for _, c := range codings {
			fn(c)
		}
	}, figures)
}

// SampledSpansSeeded is [SampledSpans] over Codings(fs, samples, seed),
// with the same results, drawing each coding in turn instead of holding
// them all: memory O(len(fs)).
func SampledSpansSeeded(fs []IntervalForecast, samples int, seed uint64, figures ...func(Table) float64) []Span {
	return sampledSpans(fs, 4+samples, func(fn func([]float64)) { EachCoding(fs, samples, seed, fn) }, figures)
}

func sampledSpans(fs []IntervalForecast, n int, each func(func([]float64)), figures []func(Table) float64) []Span {
	yes := make([]bool, len(fs))
	point := make([]float64, len(fs))
	for i, f := range fs {
		point[i], yes[i] = f.Point, f.Yes
	}
	spans := make([]Span, len(figures))
	var cells []Cell
	t := codingTable(point, yes, cells)
	for k, fig := range figures {
		spans[k] = Span{Point: fig(t), Min: math.Inf(1), Max: math.Inf(-1), Samples: n}
	}
	each(func(c []float64) {
		t = codingTable(c, yes, t.Cells[:0])
		for k, fig := range figures {
			v := fig(t)
			if math.IsNaN(v) {
				continue
			}
			spans[k].Min, spans[k].Max = min(spans[k].Min, v), max(spans[k].Max, v)
		}
	})
	for k := range spans {
		sp := &spans[k]
		if !math.IsNaN(sp.Point) {
			sp.Min, sp.Max = min(sp.Min, sp.Point), max(sp.Max, sp.Point)
		}
		if math.IsInf(sp.Min, 1) {
			sp.Min, sp.Max = math.NaN(), math.NaN()
		}
	}
	return spans
}

// codingTable builds the table of one coding directly, reusing cells: for
// a few dozen forecasts this is much cheaper than a Tally.
func codingTable(p []float64, yes []bool, cells []Cell) Table {
	cells = cells[:0]
	for i, x := range p {
		c := Cell{P: x, N: 1}
		if yes[i] {
			c.Yes = 1
		}
		cells = append(cells, c)
	}
	sortCells(cells)
	out := cells[:0]
	for _, c := range cells {
		if n := len(out); n > 0 && out[n-1].P == c.P {
			out[n-1].N += c.N
			out[n-1].Yes += c.Yes
			continue
		}
		out = append(out, c)
	}
	return Table{Cells: out}
}

// SampledSpan is [SampledSpans] for one figure.
func SampledSpan(fs []IntervalForecast, codings [][]float64, figure func(Table) float64) Span {
	return SampledSpans(fs, codings, figure)[0]
}

// Swing is how far one forecast's coding can move the mean score of n
// forecasts: (max − min of its penalty over its interval) / n, for a rule
// monotone in p as in [SeparableSpan].
func Swing(f IntervalForecast, s ScoringRule, n int) float64 {
	a, b := s(f.Lo, f.Yes), s(f.Hi, f.Yes)
	return math.Abs(a-b) / float64(n)
}
