package evaluate_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/page"
	"github.com/hindcast/hindcast/reports/textout"
)

// The same input and options give the same bytes: run to run, and on one
// core or several. Figures a researcher cites must not depend on the
// machine.

// withProcs runs f with GOMAXPROCS set to n.
func withProcs(n int, f func()) {
	old := runtime.GOMAXPROCS(n)
	defer runtime.GOMAXPROCS(old)
	f()
}

// simTable writes n simulated overconfident forecasts in two groups, whole
// percentages, and returns its path.
func simTable(t *testing.T, n int) string {
	var b strings.Builder
	b.WriteString("probability,outcome,group\n")
	for k := range 2 {
		sim := analysis.Simulation{N: n / 2, Decimals: 2, Truth: analysis.LogisticCurve(0, 0.5), Seed: 4<<20 ^ uint64(k)}
		for p, yes := range analysis.Simulate(sim) {
			o := 0
			if yes {
				o = 1
			}
			fmt.Fprintf(&b, "%v,%d,g%d\n", p, o, k+1)
		}
	}
	return table(t, "sim.csv", b.String())
}

// weightedTable writes a table of 30,000 forecasts in 2 groups with
// fractional weights, off the three-decimal grid for some, so that sums
// are of fractions and the tally's map is used; a column of padding makes
// it 12 MB, three of the reader's blocks, so that workers share them.
func weightedTable(t *testing.T) string {
	rng := rand.New(rand.NewPCG(11, 12))
	var b strings.Builder
	b.WriteString("group,probability,outcome,weight,note\n")
	pad := strings.Repeat("n", 400)
	for i := range 30000 {
		p := float64(rng.IntN(101)) / 100
		if i%7 == 0 {
			p = rng.Float64()
		}
		yes := 0
		if rng.Float64() < p {
			yes = 1
		}
		fmt.Fprintf(&b, "g%d,%v,%d,%v,%s\n", i%2, p, yes, 0.1+rng.Float64()*3, pad)
	}
	return table(t, "weighted.csv", b.String())
}

// procs are the GOMAXPROCS values each case runs at: one core and two,
// the difference that matters, and three unless -short.
func procs() []int {
	if testing.Short() {
		return []int{1, 2}
	}
	return []int{1, 2, 3}
}

func TestScoreDeterministic(t *testing.T) {
	sim, weighted := simTable(t, 20000), weightedTable(t)
	opts := func(reps int, bins int, ref string) evaluate.ScoreOptions {
		return evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: reps, Seed: 1, Bins: bins}, Reference: ref}
	}
	for _, tc := range []struct {
		name string
		in   evaluate.Input
		opts evaluate.ScoreOptions
	}{
		{"built-in", evaluate.Input{}, opts(1000, 0, "")},
		{"built-in by forecaster", evaluate.Input{By: []string{"forecaster"}}, opts(1000, 0, "")},
		{"built-in by dataset and decade, distinct", evaluate.Input{By: []string{"dataset", "decade"}}, opts(1000, analysis.BinsDistinct, "")},
		{"built-in weighted by question", evaluate.Input{By: []string{"forecaster"}, Weight: analysis.WeightQuestion}, opts(1000, 0, "")},
		{"simulated 2 groups", evaluate.Input{Data: []string{sim}, By: []string{"group"}}, opts(200, 0, "")},
		{"simulated 2 groups, distinct, reference", evaluate.Input{Data: []string{sim}, By: []string{"group"}}, opts(200, analysis.BinsDistinct, "g1")},
		{"fractional weights", evaluate.Input{Data: []string{weighted}, By: []string{"group"}, WeightCol: "weight"}, opts(200, 0, "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func() string {
				f, err := evaluate.Load(tc.in)
				if err != nil {
					t.Fatal(err)
				}
				sc, err := evaluate.Score(f, tc.opts)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := textout.WriteScoreJSON(&b, sc); err != nil {
					t.Fatal(err)
				}
				return b.String()
			}
			var first string
			for i, p := range procs() {
				withProcs(p, func() {
					got := run()
					if i == 0 {
						first = got
					} else if got != first {
						t.Errorf("GOMAXPROCS %d gives other output than %d:\n%s", p, procs()[0], firstDiff(first, got))
					}
				})
			}
		})
	}
}

func TestCompareDeterministic(t *testing.T) {
	var first string
	for i, p := range procs() {
		withProcs(p, func() {
			cmp, err := evaluate.Compare(evaluate.Input{By: []string{"forecaster"}}, evaluate.CompareOptions{Score: "brier",
				Pairwise: analysis.PairwiseOptions{Permutations: analysis.DefaultPermutations, Bootstrap: 1000, Level: 0.95, MinShared: 2, Seed: 1}})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := textout.WriteCompareJSON(&b, cmp); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = b.String()
			} else if b.String() != first {
				t.Errorf("GOMAXPROCS %d gives other output:\n%s", p, firstDiff(first, b.String()))
			}
		})
	}
}

// The report, every file of it, on one core and on two. It draws and
// renders every chart twice: an end-to-end run that -short skips.
func TestReportDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole report twice")
	}
	var first map[string][]byte
	for i, p := range []int{1, 2} {
		withProcs(p, func() {
			rep, err := evaluate.Report(evaluate.Input{}, evaluate.ReportOptions{Bootstrap: 1000, Seed: 1, Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			files, _, err := page.RenderReport(rep, "html")
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = files
				return
			}
			if len(files) != len(first) {
				t.Fatalf("%d files, then %d", len(first), len(files))
			}
			for name, data := range files {
				if !bytes.Equal(data, first[name]) {
					t.Errorf("%s differs between one core and two", name)
				}
			}
		})
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines and %d lines", len(la), len(lb))
}
