package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The CPC records under each scale, by hand. P(event) as [low, point, high]:
//
//	record (outcome)       kent-1964            icd-203              uk-phia               mauboussin-2018
//	khmer-rouge (no)       almost certain       almost certain       almost certain        almost certainly
//	                       [.87, .93, .99]      [.95, .97, .99]      [.95, .975, 1]        [.90, .90, .95]
//	phnom-penh (yes)       negated almost certain: one minus the above
//	                       [.01, .07, .13]      [.01, .03, .05]      [0, .025, .05]        [.05, .10, .10]
//	shah (yes)             negated probable     negated likely       negated likely…       negated likely
//	                       [.13, .25, .37]      [.20, .325, .45]     [.25, .35, .45]       [.25, .30, .40]
//	romania (yes)          the range [.60, .95], negated, on every scale: [.05, .225, .40]
//	deng (no)              probable             likely               likely or probable    likely
//	                       [.63, .75, .87]      [.55, .675, .80]     [.55, .65, .75]       [.60, .70, .75]
//
// Brier at the point codings (sum of squared errors / 5):
//
//	kent   (.93² + .93² + .75² + .775² + .75²)     = 3.455425 / 5 = 0.691085
//	icd    (.97² + .97² + .675² + .775² + .675²)   = 3.393675 / 5 = 0.678735
//	phia   (.975² + .975² + .65² + .775² + .65²)   = 3.346875 / 5 = 0.669375
//	survey (.90² + .90² + .70² + .775² + .70²)     = 3.200625 / 5 = 0.640125
//
// The exact range puts each record at the better or worse end of its interval:
//
//	kent min (.87² + .87² + .63² + .60² + .63²)    = 2.6676 / 5 = 0.53352
//	kent max (.99² + .99² + .87² + .95² + .87²)    = 4.3765 / 5 = 0.8753
//	icd  min (.95² + .95² + .55² + .60² + .55²)    = 2.77 / 5   = 0.554
//	icd  max (.99² + .99² + .80² + .95² + .80²)    = 4.1427 / 5 = 0.82854
//	phia min (.95² + .95² + .55² + .60² + .55²)    = 2.77 / 5   = 0.554
//	phia max (1² + 1² + .75² + .95² + .75²)        = 4.0275 / 5 = 0.8055
//	survey min (.90² + .90² + .60² + .60² + .60²)  = 2.7 / 5    = 0.54
//	survey max (.95² + .95² + .75² + .95² + .75²)  = 3.8325 / 5 = 0.7665
//
// Log score on kent at the point: (−ln .07 · 2 − ln .25 · 2 − ln .225) / 5
// = (5.318520 + 2.772589 + 1.491655) / 5 = 1.916553. On uk-phia the
// khmer-rouge interval reaches 1 and it did not happen: the maximum is +∞.
//
// Readers (survey quantiles of the statement; negated statements turned
// around): at the 25th percentile khmer .90, phnom-penh 1 − .90, shah
// 1 − .60, deng .60, romania .225 (a range, not a phrase):
// (.81 + .81 + .36 + .600625 + .36) / 5 = 0.588125; at the 75th:
// (.9025 + .9025 + .5625 + .600625 + .5625) / 5 = 0.706125.
func TestSensitivityCPCByHand(t *testing.T) {
	stdout, stderr, code := runHindcast("sensitivity", "--dataset", "cpc", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type span struct {
		Point, Min float64
		Max        *float64
		Exact      bool
	}
	var out struct {
		N      int
		Scales []struct {
			Scale string
			Brier span
			Log   span `json:"log_score"`
		}
		Readers struct{ Brier [3]float64 }
		Reading []string
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{
		"kent-1964":       {0.53352, 0.691085, 0.8753},
		"icd-203":         {0.554, 0.678735, 0.82854},
		"uk-phia":         {0.554, 0.669375, 0.8055},
		"mauboussin-2018": {0.54, 0.640125, 0.7665},
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %.12g, want %.12g", what, got, want)
		}
	}
	seen := 0
	for _, row := range out.Scales {
		w, ok := want[row.Scale]
		if !ok {
			continue
		}
		seen++
		if !row.Brier.Exact || row.Brier.Max == nil {
			t.Errorf("%s: the Brier range must be exact and finite", row.Scale)
			continue
		}
		near(row.Scale+" Brier min", row.Brier.Min, w[0])
		near(row.Scale+" Brier point", row.Brier.Point, w[1])
		near(row.Scale+" Brier max", *row.Brier.Max, w[2])
		switch row.Scale {
		case "kent-1964":
			near("kent log point", row.Log.Point, (-2*math.Log(0.07)-2*math.Log(0.25)-math.Log(0.225))/5)
		case "uk-phia":
			if row.Log.Max != nil {
				t.Errorf("uk-phia log max = %v, want null (infinite)", *row.Log.Max)
			}
		}
	}
	if seen != 4 || out.N != 5 {
		t.Errorf("%d scales, n = %d; want 4 and 5", seen, out.N)
	}
	near("readers 25th", out.Readers.Brier[0], 0.588125)
	near("readers median", out.Readers.Brier[1], 0.640125)
	near("readers 75th", out.Readers.Brier[2], 0.706125)
	if len(out.Reading) == 0 || !strings.HasPrefix(out.Reading[0], "As coded and under every scale") {
		t.Errorf("the reading must say the verdict holds under every scale: %q", out.Reading)
	}
}

// --scale changes term-coded records as the crosswalk says, and leaves
// numeric estimates alone.
func TestScoreScaleRecoding(t *testing.T) {
	brier := func(args ...string) map[string]float64 {
		t.Helper()
		stdout, stderr, code := runHindcast(append([]string{"score", "--format", "json", "--bootstrap", "0", "--by", "scale"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var out struct {
			Brier  float64
			Groups []struct {
				Key   map[string]string
				Brier float64
			}
		}
		json.Unmarshal([]byte(stdout), &out)
		m := map[string]float64{"(all)": out.Brier}
		for _, g := range out.Groups {
			m[g.Key["scale"]] = g.Brier
		}
		return m
	}
	kent, icd := brier("--scale", "kent-1964"), brier("--scale", "icd-203")
	// The groups are the records' own scales; "(numeric)" holds the
	// probabilities and ranges, which no scale changes.
	if kent["(numeric)"] != icd["(numeric)"] || kent["(numeric)"] == 0 {
		t.Errorf("numeric estimates changed with the scale: %v vs %v", kent["(numeric)"], icd["(numeric)"])
	}
	if kent["kent-1964"] == icd["kent-1964"] {
		t.Errorf("Kent-coded records scored the same on icd-203: %v", kent["kent-1964"])
	}
	// The CPC records alone, by hand (see TestSensitivityCPCByHand): 0.691085 on Kent, 0.678735 on ICD 203.
	cpcKent, cpcICD := brier("--dataset", "cpc", "--scale", "kent-1964"), brier("--dataset", "cpc", "--scale", "icd-203")
	if math.Abs(cpcKent["(all)"]-0.691085) > 1e-12 || math.Abs(cpcICD["(all)"]-0.678735) > 1e-12 {
		t.Errorf("cpc Brier on kent %v, on icd %v; want 0.691085, 0.678735", cpcKent["(all)"], cpcICD["(all)"])
	}
}

// A term with no counterpart on the chosen scale is kept as coded and named in a warning.
func TestScoreScaleNoCounterpartWarns(t *testing.T) {
	stdout, _, code := runHindcast("score", "--dataset", "historical", "--scale", "kent-1964", "--format", "json", "--bootstrap", "0")
	if code != 0 {
		t.Fatal(code)
	}
	var out struct {
		Warnings []struct{ Code, Message string }
	}
	json.Unmarshal([]byte(stdout), &out)
	for _, w := range out.Warnings {
		// AMAN's "low probability" is "with low probability" on the survey:
		// very unlikely, a level Kent has no word for.
		if w.Code == "no-counterpart" && strings.Contains(w.Message, "aman-yom-kippur-1973") {
			return
		}
	}
	t.Errorf("no no-counterpart warning naming aman-yom-kippur-1973: %+v", out.Warnings)
}
