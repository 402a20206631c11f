package evaluate_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// table writes a flat table into a test folder and returns its path.
func table(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// score loads the input and scores it without a bootstrap.
func score(t *testing.T, in evaluate.Input) (*evaluate.Forecasts, float64, map[string]float64) {
	t.Helper()
	f, err := evaluate.Load(in)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 0}})
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	groups := map[string]float64{}
	for _, g := range sc.Groups {
		groups[g.Key[0]] = g.Summary.Brier
	}
	return f, sc.Overall.Summary.Brier, groups
}

// usage asserts that err is a usage error.
func usage(t *testing.T, err error, what string) {
	t.Helper()
	if _, ok := err.(*evaluate.UsageError); !ok {
		t.Errorf("%s: error %v (%T), want a usage error", what, err, err)
	}
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

// An infinite log score (a forecast of 1 that went the other way) had an
// interval of finite numbers, from replicates clipped at 1e-15; it has
// none, unless --clip makes the score finite.
func TestInfiniteLogScoreHasNoInterval(t *testing.T) {
	path := table(t, "inf.csv", "probability,outcome\n1,0\n0.3,1\n0.6,1\n0.2,0\n")
	f, err := evaluate.Load(evaluate.Input{Data: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	b := sc.Overall.Summary.Bootstrap
	if !math.IsInf(sc.Overall.Summary.LogScore, 1) || !math.IsNaN(b.Lo.LogScore) || !math.IsNaN(b.Hi.LogScore) {
		t.Errorf("log score %v with interval [%v, %v], want +Inf with none", sc.Overall.Summary.LogScore, b.Lo.LogScore, b.Hi.LogScore)
	}
	sc, _ = evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 1, LogClip: 1e-15}})
	if b := sc.Overall.Summary.Bootstrap; math.IsNaN(b.Hi.LogScore) {
		t.Error("with --clip the log score's interval is gone too")
	}
}
