package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// --id, --exclude and --where choose records before anything is grouped
// or scored; the figures for the four CPC assessments without Deng's
// forecast are checked by hand in evaluate/select_test.go (Brier 0.723).
func TestSelectGolden(t *testing.T) {
	runGoldenCases(t, "select", []goldenCase{
		{"score-cpc-without-deng", "score --dataset cpc --exclude deng-vietnam-1978 --bootstrap 0", 0},
		{"list-cia", "forecasts list --where forecaster=CIA", 0},
		{"list-where-two", "forecasts list --where decade=1970s --where dataset=historical", 0},
		{"export-two-ids", "forecasts export --id cpc-shah-1978,cpc-romania-1989 --format jsonl", 0},
		{"sensitivity-cpc-without-deng", "sensitivity --dataset cpc --exclude deng-vietnam-1978", 0},
		{"unknown-id", "score --exclude deng-vietnam", 2},
		{"unknown-field", "forecasts list --where forecastr=CIA", 2},
		{"unknown-value", "score --where forecaster=cia", 2},
		{"table", "score --input x.csv --where group=a", 2},
		{"validate-refuses", "forecasts validate --id cpc-shah-1978", 2},
	})
}

// Every command that reads records takes the selection; those that would
// not honour it refuse it.
func TestSelectEveryCommand(t *testing.T) {
	dir := t.TempDir()
	for _, args := range []string{
		"score --bootstrap 0",
		"compare --by forecaster --bootstrap 0 --permutations 0",
		"sensitivity --samples 10",
		"forecasts list",
		"forecasts export --format csv",
		"report --bootstrap 0 -o " + filepath.Join(dir, "report"),
		"plot contributions -o " + filepath.Join(dir, "c.svg"),
		"plot timeline -o " + filepath.Join(dir, "t.svg"),
		"plot reliability -o " + filepath.Join(dir, "r.svg"),
		"plot sensitivity --samples 10 -o " + filepath.Join(dir, "s.svg"),
	} {
		line := args + " --where forecaster=CIA --exclude cia-ussr-1991"
		if _, stderr, code := runHindcast(strings.Fields(line)...); code != 0 {
			t.Errorf("hindcast %s: exit %d\n%s", line, code, stderr)
		}
	}
	for _, args := range []string{"forecasts validate --where forecaster=CIA", "forecasts show cpc-shah-1978 --id cpc-shah-1978", "plot scales --id x -o " + filepath.Join(dir, "x.svg")} {
		if _, _, code := runHindcast(strings.Fields(args)...); code != 2 {
			t.Errorf("hindcast %s: exit %d, want 2", args, code)
		}
	}
}
