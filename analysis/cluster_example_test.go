package analysis_test

import (
	"fmt"

	"github.com/hindcast/hindcast/analysis"
)

// Three questions, two forecasts each: resampled question by question,
// the Brier score's 80% interval is that of the 27 equally likely draws of
// three questions (see TestBootstrapClusteredHand).
func ExampleBootstrapClustered() {
	questions := []analysis.Table{
		analysis.NewTable([]analysis.Cell{{P: 0.9, N: 2, Yes: 2}}), // both right
		analysis.NewTable([]analysis.Cell{{P: 0.9, N: 2, Yes: 0}}), // both wrong
		analysis.NewTable([]analysis.Cell{{P: 0.5, N: 2, Yes: 1}}),
	}
	opts := analysis.Options{Replicates: 4000, Level: 0.8, Seed: 1}
	b := analysis.BootstrapClustered(questions, opts)
	fmt.Printf("Brier %.3f, by question [%.3f, %.3f] (%d clusters)\n",
		analysis.Brier(analysis.MergeTables(questions)), b.Lo.Brier, b.Hi.Brier, b.Clusters)
	f := analysis.Bootstrap(analysis.MergeTables(questions), opts)
	fmt.Printf("forecast by forecast [%.3f, %.3f]\n", f.Lo.Brier, f.Hi.Brier)
	// Output:
	// Brier 0.357, by question [0.090, 0.623] (3 clusters)
	// forecast by forecast [0.183, 0.530]
}
