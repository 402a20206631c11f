package textout

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

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
