package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// runHindcast runs the command line in process.
func runHindcast(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = hindcastMain(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/name, or rewrites it under -update.
// On a mismatch the actual output is written beside it as name.actual, for a diff.
func golden(t *testing.T, name, got string) {
	t.Helper()
	// The provenance names the toolchain: a golden holds "GOVERSION".
	got = strings.ReplaceAll(got, runtime.Version(), "GOVERSION")
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		os.WriteFile(path+".actual", []byte(got), 0o644)
		t.Errorf("output differs from %s; see %s.actual", path, path)
	}
}

// goldenCase is a command line, the exit code it must give, and the name
// of its golden files NAME.stdout and NAME.stderr.
type goldenCase struct {
	name string
	args string
	code int
}

// runGoldenCases runs each case and compares its output with the reviewed
// golden files under testdata/dir; a failing command must write nothing to
// standard output.
func runGoldenCases(t *testing.T, dir string, cases []goldenCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runHindcast(strings.Fields(tc.args)...)
			if code != tc.code {
				t.Errorf("hindcast %s: exit %d, want %d\nstderr: %s", tc.args, code, tc.code, stderr)
			}
			if code != 0 && stdout != "" {
				t.Errorf("hindcast %s failed but wrote to stdout:\n%s", tc.args, stdout)
			}
			golden(t, filepath.Join(dir, tc.name+".stdout"), stdout)
			golden(t, filepath.Join(dir, tc.name+".stderr"), stderr)
		})
	}
}

// TestGolden runs commands and compares their output with reviewed golden
// files: the formatting of tables, records and errors, and exit codes.
func TestGolden(t *testing.T) {
	runGoldenCases(t, "", []goldenCase{
		{"list", "forecasts list", 0},
		{"list-cpc-json", "forecasts list --dataset cpc --format json", 0},
		{"show-shah", "forecasts show cpc-shah-1978", 0},
		{"show-json", "forecasts show nie-29-51-yugoslavia --format json", 0},
		{"show-unknown", "forecasts show shah", 2},
		{"validate", "forecasts validate", 0},
		{"validate-four-errors", "forecasts validate ../../forecasts/testdata/invalid/four-errors.yaml", 1},
		{"scales-list", "scales list", 0},
		{"scales-show-kent", "scales show kent-1964", 0},
		{"scales-show-unknown", "scales show kent", 2},
		{"unknown-flag", "forecasts list --bogus", 2},
		{"unknown-command", "forecasts lis", 2},
		{"bad-format", "forecasts list --format yaml", 2},
		{"unknown-dataset", "forecasts list --dataset cpcc", 2},
		{"score-cpc", "score --dataset cpc --bootstrap 100", 0},
		{"score-by-forecaster", "score --by forecaster --bootstrap 100", 0},
		{"score-by-forecaster-md", "score --by forecaster --bootstrap 0 --format markdown", 0},
		{"sensitivity-cpc", "sensitivity --dataset cpc", 0},
	})
}

// withoutProvenance drops the JSON output's provenance block, which names
// the command line and the inputs, for comparing the figures of two runs
// that differ in those only.
func withoutProvenance(t *testing.T, out string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	delete(v, "provenance")
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
