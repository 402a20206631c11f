package evaluate_test

import (
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
