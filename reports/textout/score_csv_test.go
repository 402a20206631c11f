package textout

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// Every figure the bootstrap resamples has its interval in the CSV, each
// end equal to the replicates' quantile the analysis computed; with bins
// other than distinct the Murphy terms have none (their intervals are over
// distinct values).
func TestScoreCSVIntervals(t *testing.T) {
	for _, bins := range []int{analysis.BinsDistinct, 0} {
		f, err := evaluate.Load(evaluate.Input{Builtins: []string{"cpc", "historical"}, By: []string{"dataset"}})
		if err != nil {
			t.Fatal(err)
		}
		sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 2, Bins: bins}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteScoreCSV(&buf, sc); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(buf.String(), "\n") {
			if !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		rows, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		groups := append([]*evaluate.ScoreGroup{&sc.Overall}, sc.Groups...)
		if len(rows) != 1+len(groups) {
			t.Fatalf("%d rows, want %d", len(rows), 1+len(groups))
		}
		for i, g := range groups {
			lo, hi := g.Summary.Bootstrap.Lo, g.Summary.Bootstrap.Hi
			murphy := bins == analysis.BinsDistinct
			for _, c := range []struct {
				name   string
				lo, hi float64
				shown  bool
			}{
				{"base_rate", lo.BaseRate, hi.BaseRate, true}, {"brier", lo.Brier, hi.Brier, true},
				{"brier_skill", lo.BrierSkill, hi.BrierSkill, true}, {"log_score", lo.LogScore, hi.LogScore, true},
				{"spherical", lo.Spherical, hi.Spherical, true}, {"auc", lo.AUC, hi.AUC, true},
				{"reliability", lo.Reliability, hi.Reliability, murphy}, {"resolution", lo.Resolution, hi.Resolution, murphy},
				{"uncertainty", lo.Uncertainty, hi.Uncertainty, murphy},
				{"corp_miscalibration", lo.Miscalibration, hi.Miscalibration, true},
				{"corp_discrimination", lo.Discrimination, hi.Discrimination, true},
				{"overconfidence", lo.Overconfidence, hi.Overconfidence, true},
			} {
				gotLo, gotHi := rows[1+i][col[c.name+"_lo"]], rows[1+i][col[c.name+"_hi"]]
				if _, ok := col[c.name+"_lo"]; !ok {
					t.Fatalf("no column %s_lo", c.name)
				}
				if !c.shown {
					if gotLo != "" || gotHi != "" {
						t.Errorf("bins %d, row %d: %s interval %q–%q, want none", bins, i, c.name, gotLo, gotHi)
					}
					continue
				}
				for _, e := range []struct {
					got  string
					want float64
				}{{gotLo, c.lo}, {gotHi, c.hi}} {
					v, err := strconv.ParseFloat(e.got, 64)
					if err != nil || v != e.want {
						t.Errorf("bins %d, row %d: %s end %q, want %v", bins, i, c.name, e.got, e.want)
					}
				}
			}
		}
	}
}

// The categorical rows of the CSV carry an interval for every figure the
// bootstrap resamples, each end the analysis' own.
func TestCategoricalCSVIntervals(t *testing.T) {
	f, err := evaluate.Load(evaluate.Input{Data: []string{"../../evaluate/testdata/categorical/tournament-long.csv"}, OptionCol: "option",
		QuestionCols: []string{"question"}, ForecasterCols: []string{"forecaster"}, OrderedCol: "ordered", By: []string{"team"}})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 200, Seed: 2}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteScoreAllCSV(&buf, sc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	groups := append([]*evaluate.CategoricalScoreGroup{&sc.Categorical.Overall}, sc.Categorical.Groups...)
	var cat [][]string
	for _, r := range rows[1:] {
		if r[col["kind"]] == "categorical" {
			cat = append(cat, r)
		}
	}
	if len(cat) != len(groups) {
		t.Fatalf("%d categorical rows, want %d", len(cat), len(groups))
	}
	for i, g := range groups {
		lo, hi := g.Summary.Bootstrap.Lo, g.Summary.Bootstrap.Hi
		for _, c := range []struct {
			name   string
			lo, hi float64
		}{
			{"brier", lo.Brier, hi.Brier}, {"brier_skill", lo.BrierSkill, hi.BrierSkill}, {"log_score", lo.Log, hi.Log},
			{"log_skill", lo.LogSkill, hi.LogSkill}, {"rps", lo.RPS, hi.RPS}, {"rps_skill", lo.RPSSkill, hi.RPSSkill},
		} {
			for _, e := range []struct {
				suffix string
				want   float64
			}{{"_lo", c.lo}, {"_hi", c.hi}} {
				j, ok := col["cat_"+c.name+e.suffix]
				if !ok {
					t.Fatalf("no column cat_%s%s", c.name, e.suffix)
				}
				if v, err := strconv.ParseFloat(cat[i][j], 64); err != nil || v != e.want {
					t.Errorf("row %d: cat_%s%s %q, want %v", i, c.name, e.suffix, cat[i][j], e.want)
				}
			}
		}
	}
}
