package main

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// refFigures are the figures of ../../analysis/testdata/solar-flares/reference.json,
// computed independently (numpy, pandas, scikit-learn; CORP checked against
// R's reliabilitydiag).
type refFigures struct {
	N              float64            `json:"n"`
	BaseRate       float64            `json:"base_rate"`
	Brier          float64            `json:"brier"`
	BrierSkill     *float64           `json:"brier_skill"`
	MurphyDistinct map[string]float64 `json:"murphy_distinct"`
	Murphy10       map[string]float64 `json:"murphy_10bins"`
	LogClipped     float64            `json:"log_score_clipped"`
	AUC            *float64           `json:"auc"`
	CORP           map[string]float64 `json:"corp"`
	SpiegelhalterZ *float64           `json:"spiegelhalter_z"`
	Group          map[string]string  `json:"group"`
	Groups         []refFigures       `json:"groups"`
}

// scoreFigures is the part of `score --format json` checked here.
type scoreFigures struct {
	Key        map[string]string  `json:"key"`
	N          float64            `json:"n"`
	BaseRate   float64            `json:"base_rate"`
	Brier      float64            `json:"brier"`
	BrierSkill *float64           `json:"brier_skill"`
	LogScore   float64            `json:"log_score"`
	AUC        *float64           `json:"auc"`
	Murphy     map[string]any     `json:"murphy"`
	Corp       map[string]float64 `json:"corp"`
	Yates      map[string]float64 `json:"yates"`
	Calib      struct {
		Z *float64 `json:"spiegelhalter_z"`
	} `json:"calibration"`
	Groups []scoreFigures `json:"groups"`
}

func scoreJSON(t *testing.T, args ...string) scoreFigures {
	t.Helper()
	stdout, stderr, code := runHindcast(append([]string{"score", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("score %v: exit %d: %s", args, code, stderr)
	}
	var out scoreFigures
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("score output is not JSON: %v", err)
	}
	return out
}

// The acceptance test of `hindcast score`: on the solar-flare forecasts,
// overall and for every (group, event_threshold), every figure agrees with
// the independent reference to 1e-9.
func TestScoreSolarFlaresReference(t *testing.T) {
	const dir = "../../analysis/testdata/solar-flares/"
	data, err := os.ReadFile(dir + "reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref refFigures
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	args := []string{"--data", dir + "solar_flares.csv", "--by", "group,event_threshold", "--clip", "1e-15", "--bootstrap", "0"}
	distinct := scoreJSON(t, append(args, "--bins", "distinct")...)
	ten := scoreJSON(t, append(args, "--bins", "10")...)
	if len(distinct.Groups) != len(ref.Groups) {
		t.Fatalf("%d groups, reference has %d", len(distinct.Groups), len(ref.Groups))
	}
	near := func(what string, got float64, want *float64) {
		t.Helper()
		if want == nil {
			if !math.IsNaN(got) {
				t.Errorf("%s = %v, reference has none", what, got)
			}
			return
		}
		if math.Abs(got-*want) > 1e-9 {
			t.Errorf("%s = %.15g, reference %.15g", what, got, *want)
		}
	}
	opt := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	check := func(name string, d, b scoreFigures, r refFigures) {
		near(name+" n", d.N, &r.N)
		near(name+" base_rate", d.BaseRate, &r.BaseRate)
		near(name+" brier", d.Brier, &r.Brier)
		near(name+" brier_skill", opt(d.BrierSkill), r.BrierSkill)
		near(name+" log_score", d.LogScore, &r.LogClipped)
		near(name+" auc", opt(d.AUC), r.AUC)
		near(name+" spiegelhalter_z", opt(d.Calib.Z), r.SpiegelhalterZ)
		for _, k := range []string{"reliability", "resolution", "uncertainty"} {
			v := r.MurphyDistinct[k]
			near(name+" murphy distinct "+k, d.Murphy[k].(float64), &v)
		}
		for _, k := range []string{"reliability", "resolution", "uncertainty", "residual"} {
			v := r.Murphy10[k]
			near(name+" murphy 10 "+k, b.Murphy[k].(float64), &v)
		}
		for _, k := range []string{"miscalibration", "discrimination", "uncertainty"} {
			v := r.CORP[k]
			near(name+" corp "+k, d.Corp[k], &v)
		}
	}
	check("overall", distinct, ten, ref)
	for i, r := range ref.Groups {
		d, b := distinct.Groups[i], ten.Groups[i]
		name := r.Group["group"] + "/" + r.Group["event_threshold"]
		if d.Key["group"] != r.Group["group"] || d.Key["event_threshold"] != r.Group["event_threshold"] {
			t.Fatalf("group %d is %v, reference %v", i, d.Key, r.Group)
		}
		check(name, d, b, r)
	}
}

// The four CPC assessments (n = 4), by hand. P(event) as coded:
// Khmer Rouge hold Phnom Penh 0.93, no; Phnom Penh falls 1 − 0.93 = 0.07,
// yes; the Shah goes 1 − 0.75 = 0.25, yes; Ceaușescu falls
// 1 − (0.60 + 0.95)/2 = 0.225, yes.
//
//	Brier = (0.93² + 0.93² + 0.75² + 0.775²) / 4
//	      = (0.8649 + 0.8649 + 0.5625 + 0.600625) / 4 = 2.892925 / 4 = 0.72323125
//	base rate 3/4; skill = 1 − 0.72323125 / (0.75 · 0.25) = −2.857233…
//	skill vs 50% = 1 − 0.72323125 / 0.25 = −1.892925
//	log = (−ln 0.07 · 2 − ln 0.25 − ln 0.225) / 4
//	    = (2.659260 · 2 + 1.386294 + 1.491655) / 4 = 2.049117…
//	AUC = 0: the one miss (0.93) is above every hit.
func TestScoreCPCByHand(t *testing.T) {
	out := scoreJSON(t, "--dataset", "cpc", "--by", "forecaster")
	var cpc *scoreFigures
	for i := range out.Groups {
		if out.Groups[i].Key["forecaster"] == "CPC intelligence community" {
			cpc = &out.Groups[i]
		}
	}
	if cpc == nil {
		t.Fatal("no CPC group")
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"n", cpc.N, 4},
		{"base rate", cpc.BaseRate, 0.75},
		{"brier", cpc.Brier, 0.72323125},
		{"brier skill", *cpc.BrierSkill, 1 - 0.72323125/0.1875},
		{"log score", cpc.LogScore, (-2*math.Log(0.07) - math.Log(0.25) - math.Log(0.225)) / 4},
		{"auc", *cpc.AUC, 0},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
	if math.Abs(cpc.LogScore-2.049117) > 1e-6 {
		t.Errorf("log score %.7f, hand value 2.049117", cpc.LogScore)
	}

	// Yates by hand. P(event) 0.93 (no), 0.25, 0.07, 0.225 (yes):
	// p̄ = 1.475/4 = 0.36875, ȳ = 0.75, Var(y) = 0.75·0.25 = 0.1875,
	// bias² = (0.36875 − 0.75)² = 0.1453515625,
	// Var(p) = 0.982925/4 − 0.36875² = 0.1097546875 (= MinVar + Scatter),
	// Cov(p, y) = 0.545/4 − 0.36875·0.75 = −0.1403125;
	// 0.1875 + 0.1453515625 + 0.1097546875 + 2·0.1403125 = 0.72323125, the Brier score.
	y := cpc.Yates
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"outcome_variance", y["outcome_variance"], 0.1875},
		{"bias_squared", y["bias_squared"], 0.1453515625},
		{"forecast_variance", y["forecast_variance"], 0.1097546875},
		{"minimum + scatter", y["minimum_forecast_variance"] + y["scatter"], 0.1097546875},
		{"covariance", y["covariance"], -0.1403125},
		{"sum", y["outcome_variance"] + y["bias_squared"] + y["minimum_forecast_variance"] + y["scatter"] - 2*y["covariance"], 0.72323125},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("yates %s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
}

// Every warning the four CPC cases must carry, and nothing more.
func TestScoreCPCWarnings(t *testing.T) {
	stdout, _, code := runHindcast("score", "--dataset", "cpc", "--by", "forecaster", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var out struct {
		Groups []struct {
			Key      map[string]string
			Warnings []struct{ Code, Message string }
		}
	}
	json.Unmarshal([]byte(stdout), &out)
	var codes []string
	for _, g := range out.Groups {
		if g.Key["forecaster"] != "CPC intelligence community" {
			continue
		}
		for _, w := range g.Warnings {
			codes = append(codes, w.Code)
		}
	}
	// n = 4 < 30; all three bins (0.07; 0.225 and 0.25; 0.93) hold fewer than
	// 10; the three hits all lie below the miss, so the logistic fit is
	// separated; a bootstrap replicate can draw only hits, leaving AUC
	// undefined; and the dataset was chosen for failure.
	want := "small-sample small-bins logistic-fit bootstrap-undefined selected-for-failure"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// The score table fits an 80-column terminal, whatever the grouping.
func TestScoreTableFits80Columns(t *testing.T) {
	sim := t.TempDir() + "/sim.csv"
	if _, stderr, code := runHindcast("simulate", "-n", "30000", "--groups", "3", "-o", sim); code != 0 {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{
		{"score"},
		{"score", "--by", "forecaster"},
		{"score", "--dataset", "cpc", "--by", "forecaster,dataset", "--reference", "CPC intelligence community/cpc"},
		{"score", "--data", sim, "--by", "group", "--bootstrap", "100"},
		{"score", "--data", sim, "--bins", "distinct", "--bootstrap", "100"},
		{"sensitivity"},
		{"sensitivity", "--dataset", "cpc"},
		{"scales", "list"},
		{"scales", "show", "mauboussin-2018"},
		{"compare", "--by", "forecaster"},
	} {
		stdout, stderr, code := runHindcast(args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		for _, line := range strings.Split(stdout, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%v: a line of %d columns:\n%s", args, n, line)
			}
		}
	}
}

// The progress line on a terminal: bytes read, rows per second, share and
// time left. Half of 100 MiB read in 2 s at 5M rows: 2.5M rows/s, 50%,
// 2 s left.
func TestProgressLine(t *testing.T) {
	var buf strings.Builder
	var rows atomic.Int64
	rows.Store(5_000_000)
	p := newProgress(&buf, "big.csv", 100<<20, &rows)
	p.start = time.Now().Add(-2 * time.Second)
	p.update(50 << 20)
	got := buf.String()
	for _, want := range []string{"big.csv: 50.0 MiB read", "2.5M rows/s", "50%", "2s left"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress %q lacks %q", got, want)
		}
	}
	p.done()
	if !strings.HasSuffix(buf.String(), "\r") {
		t.Error("done must clear the line")
	}
}

// A pre-aggregated table (testdata/counts.csv), by hand:
//
//	A: 10 forecasts of 0.2, 2 events; 10 of 0.8, 8 events
//	   Brier = (2·0.8² + 8·0.2² + 8·0.2² + 2·0.8²) / 20 = 3.2 / 20 = 0.16
//	B: 4 forecasts of 0.5, 1 event: Brier 0.25
//	all: (3.2 + 1) / 24 = 0.175
func TestScoreCounts(t *testing.T) {
	out := scoreJSON(t, "--data", "testdata/counts.csv", "--counts", "--by", "method", "--bootstrap", "0")
	if out.N != 24 || math.Abs(out.Brier-0.175) > 1e-15 || len(out.Groups) != 2 ||
		math.Abs(out.Groups[0].Brier-0.16) > 1e-15 || out.Groups[1].Brier != 0.25 {
		t.Errorf("n %v, Brier %v, groups %+v", out.N, out.Brier, out.Groups)
	}
}

// A forecast of 100% that did not happen: by default the log score is
// infinite (null in JSON) and one warning says so, naming the way out;
// --clip 1e-15 gives the finite score, by hand: the 100% is clipped to
// 1 − 1e-15, which in float64 leaves 1 − (1 − 1e-15) = 9.992e-16 for the
// outcome that happened (as numpy and scikit-learn compute it too), so
// (−ln 9.992e-16 − ln 0.7 − ln 0.6) / 3 = (34.539576 + 0.356675 + 0.510826) / 3 = 11.802359.
func TestScoreInfiniteLogScore(t *testing.T) {
	file := t.TempDir() + "/c.csv"
	if err := os.WriteFile(file, []byte("probability,outcome\n1,0\n0.3,0\n0.6,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runHindcast("score", "--data", file, "--bootstrap", "0", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		LogScore *float64 `json:"log_score"`
		Warnings []struct {
			Code, Message string
		} `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.LogScore != nil {
		t.Errorf("log score %v, want null", *out.LogScore)
	}
	n := 0
	for _, w := range out.Warnings {
		if w.Code == "infinite-log-score" {
			n++
			if !strings.Contains(w.Message, "--clip") {
				t.Errorf("the warning does not say how to get a finite score: %s", w.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d infinite-log-score warnings, want 1", n)
	}
	clipped := scoreJSON(t, "--data", file, "--bootstrap", "0", "--clip", "1e-15")
	high := 1 - 1e-15 // a float64 variable: constants would be exact
	if want := (-math.Log(1-high) - math.Log(0.7) - math.Log(0.6)) / 3; math.Abs(clipped.LogScore-want) > 1e-9 || math.Abs(clipped.LogScore-11.802359) > 1e-6 {
		t.Errorf("clipped log score %v, want %v", clipped.LogScore, want)
	}
}
