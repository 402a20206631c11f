package evaluate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The four CPC assessments next to the published studies. By hand:
//
//	Brier = (0.93² + 0.93² + 0.75² + 0.775²) / 4
//	      = (0.8649 + 0.8649 + 0.5625 + 0.600625) / 4 = 2.892925 / 4 = 0.72323125
//	overconfidence = 0.84625 (see TestScoreOverconfidenceCPC)
//	discrimination index: four forecasts at four values, each value's
//	outcome its own, so resolution = uncertainty and the index is 1,
//	which is why it carries a caveat.
//
// The published figures are the studies' as the report cites them: Mandel & Barnes
// 1,514 forecasts, Brier about 0.074 (second-hand), ANDI about 0.76,
// mostly underconfident; Friedman et al. 888,328 forecasts, no figure of
// these rows.
func TestOthersCPC(t *testing.T) {
	f, err := evaluate.Load(evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{Exclude: []string{"deng-vietnam-1978"}}})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 100, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	ot := evaluate.Others(sc, f.Datasets)
	row := func(name string) evaluate.OthersRow {
		for _, r := range ot.Rows {
			if r.Figure == name {
				if len(r.Values) != len(ot.Studies) || r.Definition == "" {
					t.Fatalf("%s: %d values for %d studies, definition %q", name, len(r.Values), len(ot.Studies), r.Definition)
				}
				return r
			}
		}
		t.Fatalf("no row %q", name)
		return evaluate.OthersRow{}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	n := row("forecasts")
	if n.Values[0].Value != 4 || n.Values[1].Value != 1514 || n.Values[2].Value != 888328 {
		t.Errorf("forecasts %+v", n.Values)
	}
	b := row("Brier score")
	if !near(b.Values[0].Value, 0.72323125) || !(b.Values[0].Lo < 0.72323125 && 0.72323125 < b.Values[0].Hi) {
		t.Errorf("this data's Brier %+v, want 0.72323125 inside its interval", b.Values[0])
	}
	if v := b.Values[1]; v.Value != 0.074 || !v.SecondHand || !v.Approximate {
		t.Errorf("Mandel & Barnes Brier %+v, want about 0.074, second-hand", v)
	}
	if b.Values[2].Reported {
		t.Error("Friedman et al. give no Brier score in hindcast's sources")
	}
	o := row("overconfidence")
	if !near(o.Values[0].Value, 0.84625) || o.Values[1].Text == "" || !math.IsNaN(o.Values[1].Value) {
		t.Errorf("overconfidence %+v", o.Values)
	}
	d := row("discrimination index")
	if !near(d.Values[0].Value, 1) || d.Values[0].Caveat == "" || d.Values[1].Value != 0.76 {
		t.Errorf("discrimination index %+v, want 1 with a caveat, and 0.76", d.Values)
	}
	if !ot.Selected || !strings.Contains(ot.SelectionWarning, "cpc: chosen for failure") {
		t.Errorf("selection warning %q", ot.SelectionWarning)
	}
	for _, s := range ot.Studies[1:] {
		if s.Source == "" || s.Finding == "" {
			t.Errorf("study %+v lacks its source or finding", s)
		}
	}
}

// A flat table of 200 forecasts at two values: the discrimination index
// is comparable (no caveat), and its selection is unknown. By hand: 100 at
// 0.8 (80 yes), 100 at 0.2 (20 yes); base rate 0.5, uncertainty 0.25,
// resolution = (0.8 − 0.5)² · ½ + (0.2 − 0.5)² · ½ = 0.09, index 0.36.
func TestOthersTable(t *testing.T) {
	var b strings.Builder
	b.WriteString("probability,outcome\n")
	for i := 0; i < 100; i++ {
		b.WriteString("0.8," + map[bool]string{true: "1", false: "0"}[i < 80] + "\n")
		b.WriteString("0.2," + map[bool]string{true: "1", false: "0"}[i < 20] + "\n")
	}
	path := table(t, "t.csv", b.String())
	f, err := evaluate.Load(evaluate.Input{Data: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 0}})
	if err != nil {
		t.Fatal(err)
	}
	ot := evaluate.Others(sc, f.Datasets)
	for _, r := range ot.Rows {
		if r.Figure == "discrimination index" && (math.Abs(r.Values[0].Value-0.36) > 1e-12 || r.Values[0].Caveat != "") {
			t.Errorf("index %+v, want 0.36 without a caveat", r.Values[0])
		}
	}
	if ot.Selected || !strings.Contains(ot.SelectionWarning, "not known") {
		t.Errorf("selected %v, warning %q", ot.Selected, ot.SelectionWarning)
	}
}
