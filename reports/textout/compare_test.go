package textout

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// exampleCompare is the three-competitor case of the analysis package's
// hand test (relative skills C ∛0.35 = 0.7047, A ∛(5/14) = 0.7095, B ∛8 = 2),
// with a fourth competitor that shares no question and a long name;
// MinShared 1, so that every ratio enters the relative skills.
func exampleCompare(baseline string) *evaluate.CompareResult {
	opts := analysis.DefaultPairwiseOptions()
	opts.Baseline = baseline
	opts.MinShared = 1
	res := analysis.Pairwise([]analysis.QuestionScores{
		{Name: "A", Questions: []int{1, 2, 3}, Scores: []float64{0.1, 0.2, 0.3}, Forecasts: 3},
		{Name: "B", Questions: []int{1, 2}, Scores: []float64{0.2, 0.4}, Forecasts: 2},
		{Name: "C", Questions: []int{2, 3, 4}, Scores: []float64{0.1, 0.6, 0.5}, Forecasts: 4},
		{Name: "Director of Central Intelligence (interdepartmental study)", Questions: []int{9}, Scores: []float64{0.8}, Forecasts: 1},
	}, opts)
	g := &evaluate.CompareGroup{Questions: 5, Forecasts: 10, Result: res}
	g.Rank()
	return &evaluate.CompareResult{
		By: []string{"forecaster"}, Question: []string{"question"}, Score: "brier", Options: res.Options,
		Groups: []*evaluate.CompareGroup{g},
	}
}

// Pairs are shown in ranking order (C, A, B), the better-ranked competitor
// as A: the analysis's pair (A, C) becomes (C, A) with the difference,
// interval and ratio turned around.
func TestRankedPairs(t *testing.T) {
	c := exampleCompare("")
	g := c.Groups[0]
	var raw analysis.PairComparison
	for _, p := range g.Result.Pairs {
		if p.A == 0 && p.B == 2 {
			raw = p
		}
	}
	pairs := g.Pairs
	var got []string
	for _, p := range pairs {
		got = append(got, p.A+p.B)
	}
	if strings.Join(got, " ") != "CA CB AB" {
		t.Fatalf("pairs %v, want CA CB AB", got)
	}
	ca := pairs[0]
	if ca.MeanDifference != -raw.MeanDifference || ca.Lo != -raw.Hi || ca.Hi != -raw.Lo || ca.MeanA != raw.MeanB {
		t.Errorf("C–A %+v is not A–C %+v turned around", ca, raw)
	}
	if math.Abs(ca.Ratio-7.0/5) > 1e-15 {
		t.Errorf("ratio C/A %v, want 1.4", ca.Ratio)
	}
}

func TestWriteCompareTableFits(t *testing.T) {
	for _, baseline := range []string{"", "B"} {
		var b bytes.Buffer
		if err := WriteCompareTable(&b, exampleCompare(baseline)); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n >= compareWidth {
				t.Errorf("line of %d runes: %q", n, line)
			}
		}
		for _, want := range []string{
			"1  C ", "#1 C  #3 B  1       -0.3000", "0.705", "Not ranked (1):", "no shared question",
			"1 of 4 competitors not ranked: 1 shares no question with another: Director\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("baseline %q: output lacks %q:\n%s", baseline, want, out)
			}
		}
		if strings.Contains(out, "SCALED") != (baseline != "") {
			t.Errorf("baseline %q: SCALED column shown %v", baseline, strings.Contains(out, "SCALED"))
		}
	}
}

// The JSON has the documented shape, with null for what is undefined.
func TestWriteCompareJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCompareJSON(&b, exampleCompare("B")); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Baseline    *string `json:"baseline"`
		Within      []string
		Comparisons []struct {
			Key         map[string]string
			Competitors []struct {
				Rank                *int     `json:"rank"`
				Name                string   `json:"name"`
				RelativeSkill       *float64 `json:"relative_skill"`
				ScaledRelativeSkill *float64 `json:"scaled_relative_skill"`
			}
			Pairs []struct {
				A, B     string
				Interval [2]*float64
				P        *float64 `json:"p_value"`
				Exact    bool
				Warnings []struct{ Code string }
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if out.Baseline == nil || *out.Baseline != "B" || out.Within == nil || len(out.Comparisons) != 1 {
		t.Fatalf("baseline %v, within %v, %d comparisons", out.Baseline, out.Within, len(out.Comparisons))
	}
	g := out.Comparisons[0]
	if g.Key != nil {
		t.Errorf("key %v without --within", g.Key)
	}
	last := g.Competitors[3]
	if last.Rank != nil || last.RelativeSkill != nil || last.ScaledRelativeSkill != nil {
		t.Errorf("a competitor with no opponent has rank %v, skill %v", last.Rank, last.RelativeSkill)
	}
	if r := g.Competitors[0]; r.Name != "C" || *r.Rank != 1 || math.Abs(*r.ScaledRelativeSkill-math.Cbrt(0.35/8)) > 1e-15 {
		t.Errorf("first competitor %+v", r)
	}
	cb := g.Pairs[1] // C–B: one shared question, no interval
	if cb.A != "C" || cb.B != "B" || cb.Interval[0] != nil || !cb.Exact || *cb.P != 1 || len(cb.Warnings) != 0 {
		t.Errorf("pair C–B %+v", cb)
	}
}

// Each pair appears twice in the CSV, once from each side; a competitor
// with no opponent once, with an empty opponent.
func TestWriteCompareCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCompareCSV(&b, exampleCompare("")); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*3+1 {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for j, h := range rows[0] {
		col[h] = j
	}
	seen := map[string]string{}
	for _, r := range rows[1:] {
		seen[r[col["competitor"]]+"/"+r[col["opponent"]]] = r[col["mean_difference"]]
	}
	if ac, ca := seen["A/C"], seen["C/A"]; !strings.HasPrefix(ac, "-0.0999999") || ca != ac[1:] {
		t.Errorf("A/C %q, C/A %q", seen["A/C"], seen["C/A"])
	}
	if _, ok := seen["Director of Central Intelligence (interdepartmental study)/"]; !ok {
		t.Errorf("no row for the competitor without opponents: %v", seen)
	}
}

func TestWriteCompareMarkdown(t *testing.T) {
	c := exampleCompare("")
	c.Within = []string{"era"}
	c.Groups[0].Key = []string{"Cold War"}
	var b bytes.Buffer
	if err := WriteCompareMarkdown(&b, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"### era = Cold War", "| 1 | C | 4 | 3 | 2 | 0.4000 | 0.705 |", "| C | B | 1 |", "**Reading the tables**"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}
