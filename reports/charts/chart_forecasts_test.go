package charts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// The data the charts of forecasts are tested on.

// casesOf returns the records as cases, in order: each record's id, the
// point of its P(event) and its outcome.
func casesOf(records []*forecasts.Record) []evaluate.Case {
	out := make([]evaluate.Case, 0, len(records))
	for _, r := range records {
		out = append(out, evaluate.Case{ID: r.ID, Label: r.Label, P: r.Event.Point, Outcome: r.Outcome})
	}
	return out
}

// groupsBy groups the records by key (a forecaster), in the order each
// key first appears, each group with its cases and the table of its
// scored ones; a nil key puts every record in one group with no name.
// Groups with no scored record are left out.
func groupsBy(records []*forecasts.Record, key func(*forecasts.Record) string) []evaluate.ForecastGroup {
	var groups []evaluate.ForecastGroup
	tallies := map[string]*analysis.Tally{}
	for _, r := range records {
		k := ""
		if key != nil {
			k = key(r)
		}
		if tallies[k] == nil {
			tallies[k] = &analysis.Tally{}
			groups = append(groups, evaluate.ForecastGroup{Name: k})
		}
		for i := range groups {
			if groups[i].Name == k {
				groups[i].Cases = append(groups[i].Cases, evaluate.Case{ID: r.ID, Label: r.Label, P: r.Event.Point, Outcome: r.Outcome})
			}
		}
		if r.Outcome.Scored() {
			tallies[k].Add(r.Event.Point, r.Outcome == forecasts.Yes)
		}
	}
	var out []evaluate.ForecastGroup
	for _, g := range groups {
		if g.Table = tallies[g.Name].Table(); len(g.Table.Cells) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// cpcGroup is the four CPC judgments of the built-in cpc dataset:
// P(event) 0.93 not followed by the event, 0.07, 0.25 and 0.225 followed
// by it; the dataset's fifth record, Deng's, is another forecaster's.
func cpcGroup(t testing.TB) []evaluate.ForecastGroup {
	var recs []*forecasts.Record
	for _, r := range builtinRecords(t, "cpc") {
		if strings.HasPrefix(r.ID, "cpc-") {
			recs = append(recs, r)
		}
	}
	groups := groupsBy(recs, func(r *forecasts.Record) string { return r.Forecaster })
	if len(groups) != 1 || groups[0].Table.N() != 4 {
		t.Fatalf("the CPC cases: %d groups, want one of four forecasts", len(groups))
	}
	return groups
}

// mixedGroups is a hand-made set like the built-in cases: two groups of
// a dozen forecasts at the values analysts' words turn into, with no
// ids.
func mixedGroups() []evaluate.ForecastGroup {
	table := outcomeTable
	return []evaluate.ForecastGroup{
		{Name: "Analysts", Table: table(
			[]float64{0.07, 0.07, 0.15, 0.25, 0.325, 0.325, 0.45, 0.5, 0.605, 0.75, 0.75, 0.93},
			"yyyyynnyyynn")},
		{Name: "Red team", Table: table(
			[]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99},
			"nnynyyyyyy")},
	}
}

// simulatedGroups is 100,000 forecasts in two decimals from three
// forecasters: a calibrated one, an overconfident one (the truth nearer
// 50% than the forecasts) and an underconfident one.
func simulatedGroups() []evaluate.ForecastGroup {
	return []evaluate.ForecastGroup{
		simulated("Calibrated", analysis.Simulation{N: 40000, Alpha: 1, Beta: 1.5, Seed: 1}),
		simulated("Overconfident", analysis.Simulation{N: 30000, Alpha: 0.6, Beta: 0.8, Truth: analysis.LogisticCurve(0, 0.6), Seed: 2}),
		simulated("Underconfident", analysis.Simulation{N: 30000, Alpha: 3, Beta: 3, Truth: analysis.LogisticCurve(0.2, 1.8), Seed: 3}),
	}
}

// manyGroups is six forecasters of 2,000 forecasts each, for the charts
// that give each group a panel of its own.
func manyGroups() []evaluate.ForecastGroup {
	var out []evaluate.ForecastGroup
	for i, b := range []float64{0.5, 0.7, 0.85, 1, 1.3, 1.8} {
		out = append(out, simulated(fmt.Sprintf("Forecaster %c", 'A'+i),
			analysis.Simulation{N: 2000, Alpha: 1.2, Beta: 1.6, Truth: analysis.LogisticCurve(0, b), Seed: uint64(10 + i)}))
	}
	return out
}

func simulated(name string, s analysis.Simulation) evaluate.ForecastGroup {
	s.Decimals = 2
	var t analysis.Tally
	for p, yes := range analysis.Simulate(s) {
		t.Add(p, yes)
	}
	return evaluate.ForecastGroup{Name: name, Table: t.Table()}
}

// outcomeTable is the table of forecasts ps whose outcomes are the
// letters of outcomes, y for yes and anything else for no.
func outcomeTable(ps []float64, outcomes string) analysis.Table {
	yes := make([]bool, len(ps))
	for i := range ps {
		yes[i] = outcomes[i] == 'y'
	}
	return analysis.TableOf(ps, yes, nil)
}
