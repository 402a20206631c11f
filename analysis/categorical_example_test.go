package analysis_test

import (
	"fmt"

	"github.com/hindcast/hindcast/analysis"
)

// Who will be elected: Medvedev 0.6, Putin 0.3, neither 0.1; Medvedev was.
func ExampleMultiBrier() {
	p := []float64{0.6, 0.3, 0.1}
	fmt.Printf("Brier %.2f, always 1/3 %.3f\n", analysis.MultiBrier(p, 0), analysis.MultiBrier(analysis.UniformForecast(3), 0))
	fmt.Printf("log %.4f, always 1/3 %.4f\n", analysis.CategoricalLog(p, 0, 0), analysis.CategoricalLog(analysis.UniformForecast(3), 0, 0))
	// Output:
	// Brier 0.26, always 1/3 0.667
	// log 0.5108, always 1/3 1.0986
}

// When will it be signed: by 15 Oct 0.2, 16 Oct–31 Dec 0.5, not at all
// 0.3. The RPS charges less for probability next to what happened.
func ExampleRPS() {
	p := []float64{0.2, 0.5, 0.3}
	for k, what := range []string{"by 15 Oct", "16 Oct–31 Dec", "not at all"} {
		fmt.Printf("%s happened: RPS %.2f\n", what, analysis.RPS(p, k))
	}
	// Output:
	// by 15 Oct happened: RPS 0.73
	// 16 Oct–31 Dec happened: RPS 0.13
	// not at all happened: RPS 0.53
}

// Two questions' forecasts, their mean scores and skill against always
// saying 1/K.
func ExampleSummarizeCategorical() {
	fs := []analysis.CategoricalForecast{
		{Options: []string{"Medvedev", "Putin", "neither"}, P: []float64{0.6, 0.3, 0.1}, Outcome: 0, Cluster: "president"},
		{Options: []string{"by 15 Oct", "16 Oct–31 Dec", "not at all"}, P: []float64{0.2, 0.5, 0.3}, Outcome: 2, Ordered: true, Cluster: "ceasefire"},
	}
	s := analysis.SummarizeCategorical(fs, analysis.Options{})
	fmt.Printf("Brier %.2f (1/K %.3f, skill %.2f)\n", s.Brier, s.BrierUniform, s.BrierSkill)
	fmt.Printf("RPS over %d ordered: %.2f (skill %.3f)\n", s.NOrdered, s.RPS, s.RPSSkill)
	// Output:
	// Brier 0.52 (1/K 0.667, skill 0.22)
	// RPS over 1 ordered: 0.53 (skill 0.046)
}
