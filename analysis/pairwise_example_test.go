package analysis_test

import (
	"fmt"

	"github.com/hindcast/hindcast/analysis"
)

// Three forecasters' Brier scores on partly overlapping questions (the
// arithmetic is in TestPairwiseRelativeSkillByHand): A and B meet on
// questions 1 and 2, A and C on 2 and 3, B and C on 2 only. MinShared 1:
// every pair's ratio enters the relative skills (by default, only those of
// pairs sharing 30 questions or more).
func ExamplePairwise() {
	opts := analysis.DefaultPairwiseOptions()
	opts.MinShared = 1
	res := analysis.Pairwise([]analysis.QuestionScores{
		{Name: "A", Questions: []int{1, 2, 3}, Scores: []float64{0.1, 0.2, 0.3}},
		{Name: "B", Questions: []int{1, 2}, Scores: []float64{0.2, 0.4}},
		{Name: "C", Questions: []int{2, 3, 4}, Scores: []float64{0.1, 0.6, 0.5}},
	}, opts)
	for _, p := range res.Pairs {
		a, b := res.Competitors[p.A].Name, res.Competitors[p.B].Name
		fmt.Printf("%s−%s: %d shared, difference %+.3f, ratio %.3f, exact p %.2f\n", a, b, p.Shared, p.MeanDifference, p.Ratio, p.P)
	}
	for _, i := range res.Ranking() {
		c := res.Competitors[i]
		fmt.Printf("%s relative skill %.4f\n", c.Name, c.RelativeSkill)
	}
	// Output:
	// A−B: 2 shared, difference -0.150, ratio 0.500, exact p 0.50
	// A−C: 2 shared, difference -0.100, ratio 0.714, exact p 1.00
	// B−C: 1 shared, difference +0.300, ratio 4.000, exact p 1.00
	// C relative skill 0.7047
	// A relative skill 0.7095
	// B relative skill 2.0000
}

func ExamplePerQuestion() {
	// The CIA's two forecasts on the Shah's fall (15% and 55%, the event
	// happened) count as one question, scored (0.7225 + 0.2025) / 2.
	qs := analysis.PerQuestion("CIA", []int{12, 12, 20}, []float64{0.7225, 0.2025, 0.0625})
	fmt.Println(qs.Questions, qs.Scores, qs.Forecasts)
	// Output: [12 20] [0.4625 0.0625] 3
}
