package analysis

import (
	"math"
	"slices"
)

// CrowdScore is one competitor's score relative to the crowd (see
// [CrowdRelative]).
type CrowdScore struct {
	Name string
	// Questions counts the questions it answered that at least one other
	// competitor answered too; only these enter Mean.
	Questions int
	// Mean is the mean, over those questions, of its score minus the
	// median score of the others there: negative when it scored better
	// than the typical other forecaster (for the Brier and log scores,
	// where lower is better), 0 when it matched them. NaN when Questions is 0.
	Mean float64
	// Sum is the sum of the differences, so that groups of competitors can
	// be pooled: ΣSum / ΣQuestions.
	Sum float64
}

// CrowdRelative returns each competitor's crowd-relative score, in the order
// given, as forecasting tournaments report it: on every question, a
// competitor's score there minus the median of the other competitors'
// scores on the same question (the mean of the two middle ones for an even
// count), averaged over the questions it shares with anyone. A question
// only one competitor answered has no crowd and is left out.
//
// Subtracting the crowd's median takes out how hard each question was: on
// a question everyone found easy, a low score earns little. The cost is
// O(F log F) time for F competitor-questions.
func CrowdRelative(cs []QuestionScores) []CrowdScore {
	type entry struct {
		who   int
		score float64
	}
	byQuestion := map[int][]entry{}
	for i, c := range cs {
		for k, q := range c.Questions {
			byQuestion[q] = append(byQuestion[q], entry{i, c.Scores[k]})
		}
	}
	out := make([]CrowdScore, len(cs))
	for i, c := range cs {
		out[i].Name = c.Name
	}
	var sorted []float64
	for _, es := range byQuestion {
		m := len(es)
		if m < 2 {
			continue
		}
		sorted = sorted[:0]
		for _, e := range es {
			sorted = append(sorted, e.score)
		}
		slices.Sort(sorted)
		for _, e := range es {
			k, _ := slices.BinarySearch(sorted, e.score) // one copy of its own score
			out[e.who].Sum += e.score - medianWithout(sorted, k)
			out[e.who].Questions++
		}
	}
	for i := range out {
		out[i].Mean = math.NaN()
		if out[i].Questions > 0 {
			out[i].Mean = out[i].Sum / float64(out[i].Questions)
		}
	}
	return out
}

// medianWithout returns the median of sorted with its element k left out;
// len(sorted) ≥ 2.
func medianWithout(sorted []float64, k int) float64 {
	at := func(i int) float64 { // the i-th of the others
		if i >= k {
			i++
		}
		return sorted[i]
	}
	n := len(sorted) - 1
	if n%2 == 1 {
		return at(n / 2)
	}
	return (at(n/2-1) + at(n/2)) / 2
}
