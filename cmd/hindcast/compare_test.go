package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const solarFlares = "../../analysis/testdata/solar-flares/solar_flares.csv"

// compareOut is the part of `compare --format json` the tests read.
type compareOut struct {
	Within      []string `json:"within"`
	Comparisons []struct {
		Key         map[string]string `json:"key"`
		Questions   int               `json:"questions"`
		Competitors []struct {
			Rank          *int     `json:"rank"`
			Name          string   `json:"name"`
			Questions     int      `json:"questions"`
			Forecasts     int      `json:"forecasts"`
			MeanScore     *float64 `json:"mean_score"`
			Opponents     int      `json:"opponents"`
			RelativeSkill *float64 `json:"relative_skill"`
			Scaled        *float64 `json:"scaled_relative_skill"`
		} `json:"competitors"`
		Pairs    []comparePairOut        `json:"pairs"`
		Warnings []struct{ Code string } `json:"warnings"`
	} `json:"comparisons"`
	Warnings []struct{ Code string } `json:"warnings"`
}

type comparePairOut struct {
	A, B           string
	Shared         int
	MeanA          float64 `json:"mean_a"`
	MeanB          float64 `json:"mean_b"`
	MeanDifference float64 `json:"mean_difference"`
	Interval       [2]*float64
	Ratio          float64
	P              *float64 `json:"p_value"`
	PHolm          *float64 `json:"p_holm"`
	Exact          bool
	Permutations   int
	Warnings       []struct{ Code string }
}

func compareJSON(t *testing.T, args ...string) compareOut {
	t.Helper()
	stdout, stderr, code := runHindcast(append([]string{"compare", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: exit %d: %s", args, code, stderr)
	}
	var out compareOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("compare output is not JSON: %v", err)
	}
	return out
}

// pair finds the pair of a and b, turned so that a is A.
func (c compareOut) pair(t *testing.T, group int, a, b string) comparePairOut {
	t.Helper()
	for _, p := range c.Comparisons[group].Pairs {
		switch {
		case p.A == a && p.B == b:
			return p
		case p.A == b && p.B == a:
			p.A, p.B, p.MeanA, p.MeanB = a, b, p.MeanB, p.MeanA
			p.MeanDifference, p.Ratio = -p.MeanDifference, 1/p.Ratio
			return p
		}
	}
	t.Fatalf("no pair %s–%s", a, b)
	return comparePairOut{}
}

// flareRow is one row of the solar-flare table, read with encoding/csv.
type flareRow struct {
	method, date, threshold string
	p                       float64
	yes                     bool
}

func readFlares(t *testing.T) (header []string, raw [][]string, rows []flareRow) {
	t.Helper()
	f, err := os.Open(solarFlares)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for j, h := range all[0] {
		col[h] = j
	}
	for _, r := range all[1:] {
		p, err := strconv.ParseFloat(r[col["probability"]], 64)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, flareRow{method: r[col["group"]], date: r[col["forecast_date"]],
			threshold: r[col["event_threshold"]], p: p, yes: r[col["outcome"]] == "1"})
	}
	return all[0], all[1:], rows
}

// joinFlares joins two methods' forecasts by (forecast_date,
// event_threshold), by hand, and returns their scores on each shared
// question, in file order. Each method has at most one forecast per day and
// threshold in this table (checked).
func joinFlares(t *testing.T, rows []flareRow, a, b, threshold string, score func(p float64, yes bool) float64) (sa, sb []float64) {
	t.Helper()
	type key struct{ date, threshold string }
	byKey := map[string]map[key]float64{a: {}, b: {}}
	var order []key
	for _, r := range rows {
		if r.method != a && r.method != b || threshold != "" && r.threshold != threshold {
			continue
		}
		k := key{r.date, r.threshold}
		if _, dup := byKey[r.method][k]; dup {
			t.Fatalf("%s has two forecasts for %v", r.method, k)
		}
		byKey[r.method][k] = score(r.p, r.yes)
		if r.method == a {
			order = append(order, k)
		}
	}
	for _, k := range order {
		if s, ok := byKey[b][k]; ok {
			sa = append(sa, byKey[a][k])
			sb = append(sb, s)
		}
	}
	return sa, sb
}

func brier(p float64, yes bool) float64 {
	y := 0.0
	if yes {
		y = 1
	}
	return (p - y) * (p - y)
}

func meanOf(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.15g, independent computation %.15g", what, got, want)
	}
}

// The acceptance test of `hindcast compare`: on the solar-flare forecasts,
// with a question being one day and one event threshold, the shared counts,
// mean scores and mean Brier differences of pairs of methods agree with a
// join done here by hand, to 1e-12. NOAA and SIDC forecast both events
// every day; AMOS and MAG4W share only M1 days (MAG4W made no C1
// forecasts), and AMOS missed some days.
func TestCompareSolarFlaresAcceptance(t *testing.T) {
	_, _, rows := readFlares(t)
	out := compareJSON(t, "--data", solarFlares, "--by", "group", "--question", "forecast_date,event_threshold",
		"--permutations", "200", "--bootstrap", "200")
	if len(out.Comparisons) != 1 || len(out.Comparisons[0].Competitors) != 18 {
		t.Fatalf("%d comparisons", len(out.Comparisons))
	}
	for _, pair := range [][2]string{{"NOAA", "SIDC"}, {"AMOS", "MAG4W"}, {"NJIT", "CLIM120"}, {"MCEVOL", "MCSTAT"}} {
		a, b := pair[0], pair[1]
		sa, sb := joinFlares(t, rows, a, b, "", brier)
		var diff []float64
		for i := range sa {
			diff = append(diff, sa[i]-sb[i])
		}
		p := out.pair(t, 0, a, b)
		if p.Shared != len(sa) {
			t.Errorf("%s–%s: %d shared questions, by hand %d", a, b, p.Shared, len(sa))
		}
		within(t, a+"–"+b+" mean difference", p.MeanDifference, meanOf(diff), 1e-12)
		within(t, a+"–"+b+" mean "+a, p.MeanA, meanOf(sa), 1e-12)
		within(t, a+"–"+b+" mean "+b, p.MeanB, meanOf(sb), 1e-12)
		within(t, a+"–"+b+" ratio", p.Ratio, meanOf(sa)/meanOf(sb), 1e-12)
		t.Logf("%s–%s: %d shared, difference %.6f, p %.4f", a, b, p.Shared, p.MeanDifference, *p.P)
	}
	// AMOS–MAG4W share only M1 days.
	if p := out.pair(t, 0, "AMOS", "MAG4W"); p.Shared >= 594 || p.Shared < 500 {
		t.Errorf("AMOS–MAG4W share %d questions", p.Shared)
	}

	// The log score, clipped at 1e-15 as numpy's clip would, for one pair.
	logOut := compareJSON(t, "--data", solarFlares, "--by", "group", "--question", "forecast_date,event_threshold",
		"--score", "log", "--permutations", "0", "--bootstrap", "0")
	clipped := func(p float64, yes bool) float64 {
		p = min(max(p, 1e-15), 1-1e-15)
		if yes {
			return -math.Log(p)
		}
		return -math.Log(1 - p)
	}
	sa, sb := joinFlares(t, rows, "NOAA", "SIDC", "", clipped)
	var diff []float64
	for i := range sa {
		diff = append(diff, sa[i]-sb[i])
	}
	lp := logOut.pair(t, 0, "NOAA", "SIDC")
	within(t, "NOAA–SIDC log mean difference", lp.MeanDifference, meanOf(diff), 1e-12)
	if lp.P != nil {
		t.Errorf("--permutations 0 gave p %v for %d shared questions", *lp.P, lp.Shared)
	}
}

// The relative skill of each method is the geometric mean of its ratios in
// the command's own pairs and of its self-comparison (ratio 1); and, for a three-method table, the geometric
// mean of ratios computed here from the raw rows.
func TestCompareSolarFlaresRelativeSkill(t *testing.T) {
	out := compareJSON(t, "--data", solarFlares, "--by", "group", "--question", "forecast_date,event_threshold",
		"--within", "event_threshold", "--permutations", "0", "--bootstrap", "0")
	if len(out.Comparisons) != 2 || out.Comparisons[0].Key["event_threshold"] != "C1" {
		t.Fatalf("comparisons %+v", out.Comparisons)
	}
	for g, cmp := range out.Comparisons {
		for _, c := range cmp.Competitors {
			var logSum float64
			n := 0
			for _, p := range cmp.Pairs {
				switch c.Name {
				case p.A:
					logSum += math.Log(p.Ratio)
				case p.B:
					logSum -= math.Log(p.Ratio)
				default:
					continue
				}
				n++
			}
			if n != c.Opponents || n != len(cmp.Competitors)-1 {
				t.Errorf("%v %s: %d pairs, %d opponents", cmp.Key, c.Name, n, c.Opponents)
			}
			within(t, c.Name+" relative skill from the pairs", *c.RelativeSkill, math.Exp(logSum/float64(n+1)), 1e-12)
		}
		if g == 0 {
			top := cmp.Competitors[0]
			t.Logf("C1: %d methods; first %s, relative skill %.4f", len(cmp.Competitors), top.Name, *top.RelativeSkill)
		}
	}

	// Three methods, C1 only: a table written here, and the relative skill
	// from the raw rows.
	header, raw, rows := readFlares(t)
	methods := []string{"AMOS", "NJIT", "NOAA"}
	dir := t.TempDir()
	path := filepath.Join(dir, "three.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	for i, r := range rows {
		if slices.Contains(methods, r.method) && r.threshold == "C1" {
			w.Write(raw[i])
		}
	}
	w.Flush()
	f.Close()
	three := compareJSON(t, "--data", path, "--by", "group", "--question", "forecast_date,event_threshold",
		"--permutations", "0", "--bootstrap", "0", "--baseline", "NOAA")
	theta := func(a, b string) float64 {
		sa, sb := joinFlares(t, rows, a, b, "C1", brier)
		return meanOf(sa) / meanOf(sb)
	}
	skill := map[string]float64{}
	for _, a := range methods {
		prod := 1.0
		for _, b := range methods {
			if b != a {
				prod *= theta(a, b)
			}
		}
		skill[a] = math.Cbrt(prod) // two opponents and itself
	}
	for _, c := range three.Comparisons[0].Competitors {
		within(t, c.Name+" relative skill from the raw rows", *c.RelativeSkill, skill[c.Name], 1e-12)
		within(t, c.Name+" scaled relative skill", *c.Scaled, skill[c.Name]/skill["NOAA"], 1e-12)
	}
	// The same methods in the full C1 comparison have the same pairwise
	// ratios (the pairs do not depend on the other methods).
	for _, pair := range [][2]string{{"AMOS", "NJIT"}, {"AMOS", "NOAA"}, {"NJIT", "NOAA"}} {
		within(t, pair[0]+"/"+pair[1]+" ratio in the full table", out.pair(t, 0, pair[0], pair[1]).Ratio, theta(pair[0], pair[1]), 1e-12)
	}
}

// A baseline missing from one --within group: that group's scaled skills
// are null and a warning says why; in the other the baseline's scaled skill is 1.
func TestCompareBaselineWithin(t *testing.T) {
	out := compareJSON(t, "--data", solarFlares, "--by", "group", "--question", "forecast_date,event_threshold",
		"--within", "event_threshold", "--baseline", "MAG4W", "--permutations", "0", "--bootstrap", "0")
	c1, m1 := out.Comparisons[0], out.Comparisons[1]
	if len(c1.Warnings) == 0 || c1.Warnings[0].Code != "baseline" || c1.Competitors[0].Scaled != nil {
		t.Errorf("C1 without MAG4W: warnings %v, scaled %v", c1.Warnings, c1.Competitors[0].Scaled)
	}
	for _, c := range m1.Competitors {
		if c.Name == "MAG4W" && *c.Scaled != 1 {
			t.Errorf("MAG4W scaled by itself: %v", *c.Scaled)
		}
	}
}

// The built-in datasets, by hand. The CIA made two forecasts on the Shah's
// fall (15% in August and 55% in November 1978; he fell) and the CPC one
// (25%): the CIA's score on that question is the mean of
// (1 − 0.15)² = 0.7225 and (1 − 0.55)² = 0.2025, 0.4625, against the CPC's
// (1 − 0.25)² = 0.5625: difference −0.1, ratio 0.4625/0.5625 = 0.8222…
// With one shared question the two sign flips give ±0.1: p = 1.
func TestCompareBuiltinCIAandCPC(t *testing.T) {
	out := compareJSON(t, "--by", "forecaster")
	p := out.pair(t, 0, "CIA", "CPC intelligence community")
	if p.Shared != 1 || !p.Exact || p.Permutations != 2 || *p.P != 1 || p.Interval[0] != nil {
		t.Errorf("CIA–CPC %+v", p)
	}
	within(t, "CIA on the Shah", p.MeanA, 0.4625, 1e-15)
	within(t, "CPC on the Shah", p.MeanB, 0.5625, 1e-15)
	within(t, "difference", p.MeanDifference, -0.1, 1e-15)
	within(t, "ratio", p.Ratio, 0.4625/0.5625, 1e-15)
	if len(p.Warnings) == 0 || p.Warnings[0].Code != "few-shared" {
		t.Errorf("warnings %v", p.Warnings)
	}
	for _, c := range out.Comparisons[0].Competitors {
		if c.Name == "CIA" && (c.Forecasts != 3 || c.Questions != 2) {
			t.Errorf("CIA: %d forecasts on %d questions", c.Forecasts, c.Questions)
		}
	}
}

// The reviewed output on the built-in datasets.
func TestCompareGolden(t *testing.T) {
	runGoldenCases(t, "compare", []goldenCase{
		{"forecaster", "compare --by forecaster", 0},
		{"forecaster-log-md", "compare --by forecaster --score log --format markdown", 0},
		{"no-by", "compare", 2},
		{"table-no-question", "compare --data " + solarFlares + " --by group", 2},
		{"clip-brier", "compare --by forecaster --clip 1e-6", 2},
		{"bad-baseline", "compare --by forecaster --baseline CIAA", 2},
		{"bad-question", "compare --by forecaster --question topic", 2},
	})
}

// The same seed gives the same bytes; another seed other p-values and
// intervals, the same differences.
func TestCompareDeterministic(t *testing.T) {
	args := []string{"compare", "--data", solarFlares, "--by", "group", "--question", "forecast_date,event_threshold",
		"--within", "event_threshold", "--permutations", "300", "--bootstrap", "100", "--format", "csv"}
	first, _, code := runHindcast(args...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	again, _, _ := runHindcast(args...)
	if first != again {
		t.Errorf("two runs with seed 1 differ")
	}
	other, _, _ := runHindcast(append(args, "--seed", "2")...)
	if other == first {
		t.Errorf("seeds 1 and 2 give the same output")
	}
}

// A bad row is reported with its position, exit 1, nothing on stdout.
func TestCompareBadTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(path, []byte("group,day,probability,outcome\nA,1,0.3,1\nB,1,1.3,0\n"), 0o644)
	stdout, stderr, code := runHindcast("compare", "--data", path, "--by", "group", "--question", "day")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "bad.csv:3:") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// --question-col, which names a flat table's question columns for
// --weight and --latest, names them for compare too when --question is
// not given: the same output, byte for byte.
func TestCompareQuestionColAlias(t *testing.T) {
	args := []string{"compare", "--data", solarFlares, "--by", "group", "--within", "event_threshold", "--format", "json", "--bootstrap", "100"}
	a, _, codeA := runHindcast(append(args, "--question", "forecast_date,event_threshold")...)
	b, stderr, codeB := runHindcast(append(args, "--question-col", "forecast_date,event_threshold")...)
	if codeA != 0 || codeB != 0 || withoutProvenance(t, a) != withoutProvenance(t, b) {
		t.Errorf("exit %d and %d; outputs equal: %v; %s", codeA, codeB, a == b, stderr)
	}
}

// writeTournament writes a simulated forecasting tournament as a flat
// table (forecaster,question,probability,outcome): forecasters × questions,
// each forecaster answering 40 to 80 random questions (about 60), except
// one in twenty, who answers one to three; probabilities in hundredths
// around each question's chance, some forecasters saying only 0 or 1.
func writeTournament(path string, forecasters, questions int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 99))
	chance := make([]float64, questions)
	yes := make([]bool, questions)
	for q := range chance {
		chance[q] = r.Float64()
		yes[q] = r.Float64() < chance[q]
	}
	var b strings.Builder
	b.WriteString("forecaster,question,probability,outcome\n")
	for f := range forecasters {
		m := 40 + r.IntN(41)
		if f%20 == 7 {
			m = 1 + r.IntN(3)
		}
		noise := 0.05 + 0.4*r.Float64()
		extreme := f%50 == 11
		for _, q := range r.Perm(questions)[:min(m, questions)] {
			p := min(1, max(0, chance[q]+noise*r.NormFloat64()))
			if extreme {
				p = math.Round(p)
			}
			o := 0
			if yes[q] {
				o = 1
			}
			fmt.Fprintf(&b, "f%04d,q%03d,%.2f,%d\n", f, q, p, o)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// TestWriteTournament writes the tournament of the README's compare cost
// figures when HINDCAST_TOURNAMENT names a file:
//
//	HINDCAST_TOURNAMENT=/tmp/t.csv go test ./cmd/hindcast -run WriteTournament
//	go build -o hindcast ./cmd/hindcast
//	/usr/bin/time -v ./hindcast compare --data /tmp/t.csv --by forecaster --question question --pairs summary --format json >/dev/null
func TestWriteTournament(t *testing.T) {
	path := os.Getenv("HINDCAST_TOURNAMENT")
	if path == "" {
		t.Skip("HINDCAST_TOURNAMENT not set")
	}
	if err := writeTournament(path, 2000, 200, 1); err != nil {
		t.Fatal(err)
	}
}

// A perfect forecaster, by hand: A says 1 on two questions that happen
// (Brier 0 each), B says 0.5 (0.25 each), C answers one question. With
// --min-questions 2 C takes no part; A/B = 0/0.25 = 0: A's relative skill
// √0 = 0, B's √∞: "inf" in the JSON. No one is ranked; each says why.
func TestCompareZeroScoreAndMinQuestions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "perfect.csv")
	os.WriteFile(path, []byte("forecaster,question,probability,outcome\nA,1,1,1\nA,2,1,1\nB,1,0.5,1\nB,2,0.5,1\nC,1,0.3,1\n"), 0o644)
	stdout, stderr, code := runHindcast("compare", "--data", path, "--by", "forecaster", "--question", "question",
		"--min-shared", "2", "--min-questions", "2", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Comparisons []struct {
			Competitors []struct {
				Name          string
				Rank          *int
				RelativeSkill any `json:"relative_skill"`
				Unranked      *struct{ Code string }
			}
			Warnings []struct{ Code string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "0 zero", "B": "inf infinite", "C": "<nil> few-questions"}
	for _, c := range out.Comparisons[0].Competitors {
		if got := fmt.Sprint(c.RelativeSkill, " ", c.Unranked.Code); c.Rank != nil || got != want[c.Name] {
			t.Errorf("%s: rank %v, %s; want %s", c.Name, c.Rank, got, want[c.Name])
		}
	}
	if ws := out.Comparisons[0].Warnings; len(ws) != 1 || ws[0].Code != "unranked" {
		t.Errorf("warnings %v", ws)
	}
}
