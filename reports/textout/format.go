package textout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// This file is the one place that turns numbers into text: figures (Num,
// csvFloat, jsonFloat), counts (Count, countOf, CountWord), percents
// (Percent for a probability, "7.5%"; pct for a share in a sentence,
// "47%"), intervals, differences and ratios, and p-values.

// P-values, one way everywhere: three decimals, "< 0.001" below, "–"
// when undefined (no test was done).

// pValue formats a p-value for a column of figures: "0.034", "< 0.001".
func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "< 0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

// pvalue formats a p-value in prose, with its relation and no trailing
// zeros: "= 0.03", "< 0.001".
func pvalue(p float64) string {
	s := pValue(p)
	if s == "–" || strings.HasPrefix(s, "<") {
		return s
	}
	return "= " + strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// countWord writes n with its noun, in words up to ten: "one scale",
// "four scales", "26 records".
func CountWord(n int, one, many string) string {
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	noun := many
	if n == 1 {
		noun = one
	}
	if n >= 0 && n < len(words) {
		return words[n] + " " + noun
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// jsonFloat writes NaN and ±Inf as null, a whole number below 10²¹ as an
// integer literal (a count of 2500000 forecasts, not 2.5e+06; 1e19 as
// 10000000000000000000), and other values with the fewest digits that
// read back exactly.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	v := float64(f)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return []byte("null"), nil
	case v == math.Trunc(v) && math.Abs(v) < 1e21:
		return strconv.AppendFloat(nil, v, 'f', 0, 64), nil
	}
	return strconv.AppendFloat(nil, v, 'g', -1, 64), nil
}

// num formats a figure with three significant decimals, "–" when undefined.
func Num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "−∞"
	}
	if math.Abs(v) >= 1e9 {
		// Three decimals of a huge figure (a Spiegelhalter z of 1e159)
		// would run to hundreds of digits.
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	if s == "-0.000" {
		s = "0.000"
	}
	return s
}

// Count formats a number of forecasts, which weights can make fractional
// or huge: a whole number in full up to 2⁵³, where float64 holds every
// integer exactly, else with four significant digits (1.845e+19), a
// fraction with two decimals; "–" when undefined.
func Count(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 0):
		return Num(v)
	case math.Abs(v) > 1<<53:
		return strconv.FormatFloat(v, 'g', 4, 64)
	case v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// csvCount is a count in a CSV cell: a whole number below 2⁵³ as an
// integer (2500000, not 2.5e+06), else as csvFloat.
func csvCount(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return csvFloat(v)
}

// countOf writes a count with its noun: "1 forecast", "2.50 forecasts".
func countOf(v float64, one, many string) string {
	if v == 1 {
		return "1 " + one
	}
	return Count(v) + " " + many
}

// interval writes a bootstrap interval, or "–" when it has no width
// (beyond rounding error): every replicate gave the same value, as with a
// single forecast, and "0.722 – 0.722" would read as certainty where there
// is none. A real interval too narrow for three decimals is written with
// as many digits as show its width.
func interval(lo, hi float64) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return ""
	}
	if hi-lo <= 1e-12*max(1, math.Abs(lo)) {
		return "–"
	}
	a, b := Num(lo), Num(hi)
	for digits := 4; a == b && digits <= 12; digits++ {
		a, b = strconv.FormatFloat(lo, 'f', digits, 64), strconv.FormatFloat(hi, 'f', digits, 64)
	}
	return a + " – " + b
}

// csvFloat writes a CSV cell: the shortest text that reads back as v, or
// empty for NaN and ±Inf (undefined or infinite; the warnings say which).
func csvFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Percent formats a probability as a percentage with up to one decimal:
// 0.07 → "7%", 0.125 → "12.5%".
func Percent(p float64) string {
	s := fmt.Sprintf("%.1f", 100*p)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// IntervalText formats P(event) as its point, with the interval when it
// has width: "7% (2–12%)".
func IntervalText(iv forecasts.Interval) string {
	if iv.Width() == 0 {
		return Percent(iv.Point)
	}
	return fmt.Sprintf("%s (%s–%s)", Percent(iv.Point), strings.TrimSuffix(Percent(iv.Low), "%"), Percent(iv.High))
}

// pct formats a probability as a whole-number percentage ("47%"), or with
// one decimal below 1% and above 99%; "–" when undefined.
func pct(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	if p > 0 && p < 0.01 || p > 0.99 && p < 1 {
		return fmt.Sprintf("%.1f%%", 100*p)
	}
	return fmt.Sprintf("%.0f%%", 100*p)
}

// diff4 formats a difference with four decimals, "–" when undefined.
func diff4(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	return s
}

// ratio formats a ratio or relative skill: three decimals between 0.001
// and 1000, three significant digits outside.
func ratio(v float64) string {
	if a := math.Abs(v); a != 0 && !math.IsInf(v, 0) && (a < 0.001 || a >= 1000) {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return Num(v)
}
