package analysis_test

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// The acceptance test: every figure in testdata/solar-flares/reference.json
// was computed independently (numpy/pandas, scikit-learn, and the R package
// reliabilitydiag for CORP) from the same CSV; see the README there.

type referenceFigures struct {
	N              float64  `json:"n"`
	BaseRate       float64  `json:"base_rate"`
	Brier          float64  `json:"brier"`
	BrierSkill     float64  `json:"brier_skill"`
	LogScore       float64  `json:"log_score_clipped"`
	AUC            float64  `json:"auc"`
	SpiegelhalterZ *float64 `json:"spiegelhalter_z"` // null when undefined
	MurphyDistinct struct {
		Reliability, Resolution, Uncertainty float64
	} `json:"murphy_distinct"`
	Murphy10 struct {
		Reliability, Resolution, Uncertainty, Residual float64
	} `json:"murphy_10bins"`
	CORP struct {
		Miscalibration, Discrimination, Uncertainty float64
	} `json:"corp"`
	Group struct {
		Group          string `json:"group"`
		EventThreshold string `json:"event_threshold"`
	} `json:"group"`
}

type reference struct {
	referenceFigures
	Groups []referenceFigures `json:"groups"`
}

type groupKey struct{ group, threshold string }

// solarFlares reads the CSV into one table for the whole file and one for
// each (group, event_threshold).
func solarFlares(t testing.TB) (all analysis.Table, groups map[groupKey]analysis.Table) {
	t.Helper()
	f, err := os.Open("testdata/solar-flares/solar_flares.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var whole analysis.Tally
	tallies := map[groupKey]*analysis.Tally{}
	for _, row := range rows[1:] {
		p, err := strconv.ParseFloat(row[col["probability"]], 64)
		if err != nil {
			t.Fatal(err)
		}
		yes := row[col["outcome"]] == "1"
		k := groupKey{row[col["group"]], row[col["event_threshold"]]}
		if tallies[k] == nil {
			tallies[k] = new(analysis.Tally)
		}
		tallies[k].Add(p, yes)
		whole.Add(p, yes)
	}
	groups = map[groupKey]analysis.Table{}
	for k, ta := range tallies {
		groups[k] = ta.Table()
	}
	return whole.Table(), groups
}

func readReference(t testing.TB) reference {
	t.Helper()
	b, err := os.ReadFile("testdata/solar-flares/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

func TestSolarFlaresReference(t *testing.T) {
	ref := readReference(t)
	all, groups := solarFlares(t)
	if len(groups) != len(ref.Groups) {
		t.Errorf("%d groups in the CSV, %d in reference.json", len(groups), len(ref.Groups))
	}
	checkReference(t, "whole file", all, ref.referenceFigures)
	for _, g := range ref.Groups {
		k := groupKey{g.Group.Group, g.Group.EventThreshold}
		table, ok := groups[k]
		if !ok {
			t.Errorf("group %v of reference.json not in the CSV", k)
			continue
		}
		checkReference(t, k.group+" "+k.threshold, table, g)
	}
}

func checkReference(t *testing.T, name string, table analysis.Table, want referenceFigures) {
	t.Helper()
	const tol = 1e-9
	logScore, _ := analysis.LogScore(table, 1e-15)
	md := analysis.Murphy(table, analysis.Distinct)
	m10 := analysis.Murphy(table, 10)
	corp := analysis.CORP(table, analysis.BrierContribution)
	z, _ := analysis.Spiegelhalter(table)
	wantZ := math.NaN()
	if want.SpiegelhalterZ != nil {
		wantZ = *want.SpiegelhalterZ
	}
	for _, c := range []struct {
		figure    string
		got, want float64
	}{
		{"n", table.N(), want.N},
		{"brier", analysis.Brier(table), want.Brier},
		{"base_rate", analysis.BaseRate(table), want.BaseRate},
		{"brier_skill", analysis.BrierSkill(table), want.BrierSkill},
		{"murphy_distinct.reliability", md.Reliability, want.MurphyDistinct.Reliability},
		{"murphy_distinct.resolution", md.Resolution, want.MurphyDistinct.Resolution},
		{"murphy_distinct.uncertainty", md.Uncertainty, want.MurphyDistinct.Uncertainty},
		{"murphy_distinct residual", md.Residual, 0},
		{"murphy_10bins.reliability", m10.Reliability, want.Murphy10.Reliability},
		{"murphy_10bins.resolution", m10.Resolution, want.Murphy10.Resolution},
		{"murphy_10bins.uncertainty", m10.Uncertainty, want.Murphy10.Uncertainty},
		{"murphy_10bins.residual", m10.Residual, want.Murphy10.Residual},
		{"log_score_clipped", logScore, want.LogScore},
		{"auc", analysis.AUC(table), want.AUC},
		{"corp.miscalibration", corp.Miscalibration, want.CORP.Miscalibration},
		{"corp.discrimination", corp.Discrimination, want.CORP.Discrimination},
		{"corp.uncertainty", corp.Uncertainty, want.CORP.Uncertainty},
		{"spiegelhalter_z", z, wantZ},
	} {
		if !close(c.got, c.want, tol) {
			t.Errorf("%s: %s = %.17g, want %.17g (diff %.3g)", name, c.figure, c.got, c.want, c.got-c.want)
		}
	}
}

// close reports whether a and b agree to within tol, absolutely or
// relatively (for large values), NaN matching only NaN.
func close(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tol*max(1, math.Abs(b))
}
