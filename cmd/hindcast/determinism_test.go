package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The same input and flags give the same bytes: run to run, and on one
// core or two. Figures a researcher cites must not depend on the machine.

// runOK runs the command line and fails the test unless it succeeds.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := runHindcast(args...)
	if code != 0 {
		t.Fatalf("hindcast %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// withProcs runs f with GOMAXPROCS set to n.
func withProcs(n int, f func()) {
	old := runtime.GOMAXPROCS(n)
	defer runtime.GOMAXPROCS(old)
	f()
}

// sameFiles compares every file of two folders byte for byte.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	ea, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	eb, err := os.ReadDir(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(ea) != len(eb) || len(ea) == 0 {
		t.Fatalf("%s holds %d files, %s %d", a, len(ea), b, len(eb))
	}
	for i, e := range ea {
		if eb[i].Name() != e.Name() {
			t.Fatalf("%s holds %s where %s holds %s", a, e.Name(), b, eb[i].Name())
		}
		da, _ := os.ReadFile(filepath.Join(a, e.Name()))
		db, _ := os.ReadFile(filepath.Join(b, e.Name()))
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs", e.Name())
		}
	}
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
	path := filepath.Join(t.TempDir(), "weighted.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportDeterministic(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	runOK(t, "report", "-o", a)
	withProcs(1, func() { runOK(t, "report", "-o", b) })
	sameFiles(t, a, b)
}

func TestScoreDeterministic(t *testing.T) {
	sim := filepath.Join(t.TempDir(), "sim.csv")
	runOK(t, "simulate", "-n", "20000", "--groups", "2", "--decimals", "0", "--preset", "overconfident", "--seed", "4", "-o", sim)
	weighted := weightedTable(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"built-in", []string{"score", "--format", "json"}},
		{"built-in by forecaster", []string{"score", "--format", "json", "--by", "forecaster"}},
		{"built-in by dataset and decade, distinct", []string{"score", "--format", "json", "--by", "dataset,decade", "--bins", "distinct"}},
		{"built-in weighted by question", []string{"score", "--format", "csv", "--by", "forecaster", "--weight", "question"}},
		{"simulated 2 groups", []string{"score", "--format", "json", "--data", sim, "--by", "group", "--bootstrap", "200"}},
		{"simulated 2 groups, distinct, reference", []string{"score", "--format", "json", "--data", sim, "--by", "group", "--bootstrap", "200", "--bins", "distinct", "--reference", "g1"}},
		{"fractional weights", []string{"score", "--format", "json", "--data", weighted, "--by", "group", "--weight-col", "weight", "--bootstrap", "200"}},
		{"compare", []string{"compare", "--format", "json", "--by", "forecaster"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := runOK(t, tc.args...)
			if again := runOK(t, tc.args...); again != first {
				t.Errorf("two runs differ:\n%s", firstDiff(first, again))
			}
			procs := []int{1, 2, 3}
			if raceDetector {
				procs = procs[:2] // one core and two: the difference that matters
			}
			for _, procs := range procs {
				withProcs(procs, func() {
					if got := runOK(t, tc.args...); got != first {
						t.Errorf("GOMAXPROCS %d gives other output:\n%s", procs, firstDiff(first, got))
					}
				})
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
