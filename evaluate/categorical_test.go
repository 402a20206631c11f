package evaluate

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// catReference is one group of testdata/categorical/reference.json,
// computed by reference.py with fractions (the log score with math.log).
type catReference struct {
	N          int     `json:"n"`
	NOrdered   int     `json:"n_ordered"`
	Brier      float64 `json:"brier"`
	BrierSkill float64 `json:"brier_skill"`
	LogScore   float64 `json:"log_score"`
	RPS        float64 `json:"rps"`
	RPSSkill   float64 `json:"rps_skill"`
}

func scoreCategoricalTable(t *testing.T, in Input) *CategoricalResult {
	t.Helper()
	f, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Score(f, ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Categorical == nil {
		t.Fatal("no categorical figures")
	}
	return sc.Categorical
}

// The simulated tournament, long and wide, agrees with the independent
// reference to 1e-12 for each team and overall.
func TestCategoricalTournamentReference(t *testing.T) {
	data, err := os.ReadFile("testdata/categorical/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]catReference
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	dir := "testdata/categorical/"
	long := scoreCategoricalTable(t, Input{Data: []string{dir + "tournament-long.csv"}, OptionCol: "option",
		QuestionCols: []string{"question"}, ForecasterCols: []string{"forecaster"}, By: []string{"team"}, OrderedCol: "ordered"})
	wide := scoreCategoricalTable(t, Input{Data: []string{dir + "tournament-wide.csv"}, OptionCols: []string{"p_A", "p_B", "p_C", "p_D", "p_E"},
		QuestionCols: []string{"question"}, By: []string{"team"}, OrderedCol: "ordered"})
	for name, c := range map[string]*CategoricalResult{"long": long, "wide": wide} {
		groups := map[string]*CategoricalScoreGroup{"all": &c.Overall}
		for _, g := range c.Groups {
			groups[g.Key[0]] = g
		}
		if len(groups) != len(ref) {
			t.Fatalf("%s: %d groups, reference has %d", name, len(groups), len(ref))
		}
		for key, want := range ref {
			s := groups[key].Summary
			if s.N != want.N || s.NOrdered != want.NOrdered {
				t.Errorf("%s %s: n %d, ordered %d; want %d, %d", name, key, s.N, s.NOrdered, want.N, want.NOrdered)
			}
			for _, f := range []struct {
				what      string
				got, want float64
			}{
				{"Brier", s.Brier, want.Brier}, {"Brier skill", s.BrierSkill, want.BrierSkill},
				{"log", s.Log, want.LogScore}, {"RPS", s.RPS, want.RPS}, {"RPS skill", s.RPSSkill, want.RPSSkill},
			} {
				if math.Abs(f.got-f.want) > 1e-12 {
					t.Errorf("%s %s: %s %.17g, reference %.17g", name, key, f.what, f.got, f.want)
				}
			}
			if b := s.Bootstrap; b == nil || !(b.Lo.Brier <= s.Brier && s.Brier <= b.Hi.Brier) || b.Clusters != 12 {
				t.Errorf("%s %s: interval %+v does not hold the score %g, or not 12 questions resampled", name, key, b, s.Brier)
			}
		}
	}
	// Long and wide are the same forecasts: the same figures, intervals included.
	if a, b := long.Overall.Summary, wide.Overall.Summary; a.Brier != b.Brier || *a.Bootstrap != *b.Bootstrap {
		t.Errorf("long and wide differ: %+v, %+v", a.CategoricalEstimates, b.CategoricalEstimates)
	}
}

// Records: a dataset mixing questions with options and a yes/no question
// scores them apart. The categorical figures are those of the hand
// calculation in analysis (0.52 for the Brier score), and the yes/no one
// is 0.3 followed by no: Brier 0.09.
func TestCategoricalRecords(t *testing.T) {
	f, err := Load(Input{Data: []string{"../forecasts/testdata/categorical/election.yaml"}})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Score(f, ScoreOptions{Analysis: analysis.Options{}})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Overall.Summary.N != 1 || math.Abs(sc.Overall.Summary.Brier-0.09) > 1e-15 || sc.Overall.NExcluded() != 0 {
		t.Errorf("yes/no: n %g, Brier %g, excluded %v", sc.Overall.Summary.N, sc.Overall.Summary.Brier, sc.Overall.Excluded)
	}
	c := sc.Categorical
	if c == nil || c.Overall.Summary.N != 2 || math.Abs(c.Overall.Summary.Brier-0.52) > 1e-15 || math.Abs(c.Overall.Summary.RPS-0.53) > 1e-15 {
		t.Fatalf("categorical: %+v", c)
	}
	if len(c.Overall.Options) != 6 || c.Overall.Pooled.Summary.N != 6 || c.Overall.Pooled.Summary.Yes != 2 {
		t.Errorf("one-vs-rest: %d options, pooled %+v", len(c.Overall.Options), c.Overall.Pooled.Summary.N)
	}
}

// Every problem of a categorical table is reported at its cell.
func TestCategoricalTableErrors(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.csv")
	os.WriteFile(long, []byte(`question,forecaster,option,probability,outcome
q1,a,x,0.5,x
q1,a,y,0.4,x
q2,a,x,0.5,z
q2,a,y,0.5,z
q3,a,x,0.5,x
q3,a,x,0.5,x
q4,a,x,1.5,x
q4,a,y,0.5,x
`), 0o644)
	_, err := Load(Input{Data: []string{long}, OptionCol: "option", QuestionCols: []string{"question"}, ForecasterCols: []string{"forecaster"}})
	want := []string{
		long + `:3:8: probability: the forecast's probabilities (from line 2) add up to 0.9, not 1 (the tolerance is 1e-06; --sum-tolerance sets it)`,
		long + `:4:12: outcome: "z" is not one of the forecast's options ("x", "y")`,
		long + `:7:6: option: option "x" is given twice for one forecast (first on line 6)`,
		long + `:8:8: probability: 1.5 is outside [0, 1]`,
	}
	checkErrors(t, err, want)

	wide := filepath.Join(dir, "wide.csv")
	os.WriteFile(wide, []byte(`question,p_x,p_y,p_z,outcome
q1,0.5,0.5,,z
q2,0.5,0.6,0,x
q3,1,,,x
`), 0o644)
	_, err = Load(Input{Data: []string{wide}, OptionCols: []string{"p_x", "p_y", "p_z"}})
	want = []string{
		wide + `:2:13: outcome: "z" happened, but the forecast gives it no probability (its cell is empty)`,
		wide + `:3:12: p_x,p_y,p_z: the forecast's probabilities (from line 3) add up to 1.1, not 1 (the tolerance is 1e-06; --sum-tolerance sets it)`,
		wide + `:4:1: p_x,p_y,p_z: a forecast of a question with options gives at least two, found 1`,
	}
	checkErrors(t, err, want)
	// A forecast missing an option the question's others give is a row
	// forgotten: b's probabilities still add up to 1 without it.
	missing := filepath.Join(dir, "missing.csv")
	os.WriteFile(missing, []byte(`question,forecaster,option,probability,outcome
q1,a,x,0.5,x
q1,a,y,0.3,x
q1,a,z,0.2,x
q1,b,x,0.6,x
q1,b,y,0.4,x
`), 0o644)
	_, err = Load(Input{Data: []string{missing}, OptionCol: "option", QuestionCols: []string{"question"}, ForecasterCols: []string{"forecaster"}})
	checkErrors(t, err, []string{
		missing + `:5:1: option: the forecast gives the options "x", "y", but the forecast of the same question on line 2 gives "x", "y", "z": every forecast of a question gives every option (a probability of 0 too), so a row or cell is missing`,
	})
	// With a wide enough tolerance, the sum of 1.1 passes.
	_, err = Load(Input{Data: []string{wide}, OptionCols: []string{"p_x", "p_y", "p_z"}, SumTolerance: 0.2})
	if err == nil || strings.Contains(err.Error(), "add up") {
		t.Errorf("--sum-tolerance 0.2: %v", err)
	}
}

func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	el, ok := err.(forecasts.ErrorList)
	if !ok {
		t.Fatalf("error %v (%T), want %d positioned ones", err, err, len(want))
	}
	var got []string
	for _, e := range el {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Without a question column a table's forecasts are resampled one by one:
// as many clusters as forecasts.
func TestCategoricalTableUnclustered(t *testing.T) {
	c := scoreCategoricalTable(t, Input{Data: []string{"testdata/categorical/tournament-wide.csv"}, OptionCols: []string{"p_A", "p_B", "p_C", "p_D", "p_E"}})
	if b := c.Overall.Summary.Bootstrap; b == nil || b.Clusters != 195 || c.Overall.Summary.Clusters != 195 {
		t.Errorf("clusters: %+v", b)
	}
}

// A long table's rows of one forecast are gathered wherever they are: the
// rows in reverse order (and so each forecast's options reversed) give
// the same Brier and log scores.
func TestCategoricalLongRowsAnywhere(t *testing.T) {
	data, err := os.ReadFile("testdata/categorical/tournament-long.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	rev := []string{lines[0]}
	for i := len(lines) - 1; i > 0; i-- {
		rev = append(rev, lines[i])
	}
	path := filepath.Join(t.TempDir(), "reversed.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rev, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := Input{OptionCol: "option", QuestionCols: []string{"question"}, ForecasterCols: []string{"forecaster"}}
	in.Data = []string{"testdata/categorical/tournament-long.csv"}
	a := scoreCategoricalTable(t, in).Overall.Summary
	in.Data = []string{path}
	b := scoreCategoricalTable(t, in).Overall.Summary
	if a.N != 195 || b.N != 195 || math.Abs(a.Brier-b.Brier) > 1e-12 || math.Abs(a.Log-b.Log) > 1e-12 {
		t.Errorf("in order: n %d, Brier %g, log %g; reversed: n %d, Brier %g, log %g", a.N, a.Brier, a.Log, b.N, b.Brier, b.Log)
	}
}
