package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	catLong     = "../../evaluate/testdata/categorical/tournament-long.csv"
	catWide     = "../../evaluate/testdata/categorical/tournament-wide.csv"
	catElection = "../../forecasts/testdata/categorical/election.yaml"
)

// The text, Markdown and CSV of questions with options, reviewed as
// formatting (the figures are checked against the reference in evaluate),
// and the exit codes of their mistakes.
func TestCategoricalGolden(t *testing.T) {
	runGoldenCases(t, "categorical", []goldenCase{
		{"long-by-team", "score --data " + catLong + " --option-col option --question-col question --forecaster-col forecaster --ordered-col ordered --by team --bootstrap 100", 0},
		{"wide-md", "score --data " + catWide + " --option-cols p_A,p_B,p_C,p_D,p_E --question-col question --ordered-col ordered --bootstrap 0 --format markdown", 0},
		{"mixed", "score --data " + catElection + " --bootstrap 100", 0},
		{"mixed-csv", "score --data " + catElection + " --bootstrap 0 --format csv", 0},
		{"both-shapes", "score --data " + catLong + " --option-col option --option-cols p_A,p_B", 2},
		{"long-no-question", "score --data " + catLong + " --option-col option", 2},
		{"ordered-alone", "score --data " + catLong + " --ordered", 2},
		{"ordered-records", "score --data " + catElection + " --ordered", 2},
		{"bad-tolerance", "score --data " + catElection + " --sum-tolerance -1", 2},
		{"roc-refuses", "plot roc --data " + catWide + " --option-cols p_A,p_B -o x.png", 2},
		{"unknown-option", "plot reliability --data " + catElection + " --option Medvedew -o x.png", 2},
		{"validate-bad", "forecasts validate ../../forecasts/testdata/categorical/bad.yaml", 1},
	})
}

// score --format json on a dataset mixing both kinds: the yes/no figures
// at the top (0.3 followed by no: Brier 0.09), the others under
// "categorical" (the hand calculation of analysis: Brier 0.52, RPS 0.53),
// never averaged together. With questions with options alone, there are no
// yes/no fields at all.
func TestCategoricalScoreJSON(t *testing.T) {
	stdout, stderr, code := runHindcast("score", "--data", catElection, "--format", "json", "--bootstrap", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var mixed struct {
		N           float64 `json:"n"`
		Brier       float64 `json:"brier"`
		Categorical struct {
			N        int      `json:"n"`
			Brier    float64  `json:"brier"`
			RPS      *float64 `json:"rps"`
			NOrdered int      `json:"n_ordered"`
		} `json:"categorical"`
	}
	if err := json.Unmarshal([]byte(stdout), &mixed); err != nil {
		t.Fatal(err)
	}
	c := mixed.Categorical
	if mixed.N != 1 || math.Abs(mixed.Brier-0.09) > 1e-15 || c.N != 2 || math.Abs(c.Brier-0.52) > 1e-15 || c.RPS == nil || math.Abs(*c.RPS-0.53) > 1e-15 || c.NOrdered != 1 {
		t.Errorf("mixed: %+v", mixed)
	}
	stdout, stderr, code = runHindcast("score", "--data", catWide, "--option-cols", "p_A,p_B,p_C,p_D,p_E", "--question-col", "question", "--format", "json", "--bootstrap", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var alone map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &alone); err != nil {
		t.Fatal(err)
	}
	if _, ok := alone["brier"]; ok || alone["categorical"] == nil || alone["provenance"] == nil || len(alone) != 2 {
		t.Errorf("questions with options alone: keys %v", catKeys(alone))
	}
}

func catKeys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A table with a bad forecast is an error at its cell, exit 1, nothing
// on standard output; plot reliability draws one option against the rest.
func TestCategoricalBadTableAndPlot(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("question,p_x,p_y,outcome\nq1,0.5,0.4,x\n"), 0o644)
	stdout, stderr, code := runHindcast("score", "--data", bad, "--option-cols", "p_x,p_y")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "bad.csv:2:8: p_x,p_y: the forecast's probabilities (from line 2) add up to 0.9, not 1") {
		t.Errorf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	png := filepath.Join(dir, "rel.png")
	if _, stderr, code := runHindcast("plot", "reliability", "--data", catWide, "--option-cols", "p_A,p_B,p_C,p_D,p_E", "--by", "team", "--option", "pooled", "-o", png); code != 0 {
		t.Fatalf("plot: exit %d: %s", code, stderr)
	}
	if info, err := os.Stat(png); err != nil || info.Size() == 0 {
		t.Errorf("no chart: %v", err)
	}
}
