package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// A simulated overconfident forecaster (true curve σ(0.6 · logit p)) is
// found overconfident again by score: the fitted logistic slope is near 0.6.
// With 20,000 forecasts its standard error is about 0.015, so ±0.06 is four
// of them; the seed fixes the draw, so the test is deterministic.
func TestSimulateRecoversCalibration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sim.csv")
	if _, stderr, code := runHindcast("simulate", "-n", "20000", "--preset", "overconfident", "--seed", "3", "-o", path); code != 0 {
		t.Fatalf("simulate: %s", stderr)
	}
	stdout, stderr, code := runHindcast("score", "--data", path, "--format", "json", "--bootstrap", "0")
	if code != 0 {
		t.Fatalf("score: %s", stderr)
	}
	var out struct {
		N           float64
		Calibration struct{ Slope, Intercept float64 }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.N != 20000 || math.Abs(out.Calibration.Slope-0.6) > 0.06 || math.Abs(out.Calibration.Intercept) > 0.06 {
		t.Errorf("n %g, slope %.3f, intercept %.3f; want 20000, 0.6, 0", out.N, out.Calibration.Slope, out.Calibration.Intercept)
	}
}

// The same flags and seed give the same bytes; another seed does not.
func TestSimulateDeterministic(t *testing.T) {
	a, _, _ := runHindcast("simulate", "-n", "1000", "--groups", "3", "--seed", "5")
	b, _, _ := runHindcast("simulate", "-n", "1000", "--groups", "3", "--seed", "5")
	c, _, _ := runHindcast("simulate", "-n", "1000", "--groups", "3", "--seed", "6")
	if a != b || a == c {
		t.Error("simulate is not deterministic in its seed")
	}
	// 1000 rows shared by 3 groups: 334, 333, 333, plus the header.
	lines := 0
	for _, ch := range a {
		if ch == '\n' {
			lines++
		}
	}
	if lines != 1001 {
		t.Errorf("%d lines, want 1001", lines)
	}
}

// A failed simulate leaves no file behind.
func TestSimulateBadFlagsWriteNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sim.csv")
	if _, _, code := runHindcast("simulate", "--decimals", "-1", "-o", path); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
}
