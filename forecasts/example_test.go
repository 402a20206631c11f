package forecasts_test

import (
	"fmt"

	"github.com/hindcast/hindcast/forecasts"
)

// Load a dataset file and read each record's P(event): the estimate as a
// probability of the event the question names, with its interval.
func ExampleLoader_Load() {
	l := &forecasts.Loader{} // checks terms against the built-in scales
	ds, err := l.Load("testdata/valid/seminar.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ds[0].Title, "—", ds[0].Selection)
	for _, r := range ds[0].Records[:4] {
		fmt.Printf("%-13s %-24s P(event) %.3f [%.2f, %.2f] %s\n", r.ID, r.Estimate, r.Event.Point, r.Event.Low, r.Event.High, r.Outcome)
	}
	// Output:
	// One record of each estimate form — all
	// point         0.3                      P(event) 0.300 [0.30, 0.30] no
	// range         [0.2, 0.45]              P(event) 0.325 [0.20, 0.45] yes
	// term          Unlikely (icd-203)       P(event) 0.325 [0.20, 0.45] no
	// negated-term  almost   certain (kent-1964) P(event) 0.070 [0.01, 0.13] yes
}
