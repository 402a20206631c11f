package charts_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// forecastCharts builds every chart of forecasts from groups (and their
// cases, for the contributions chart).
func forecastCharts(groups []evaluate.ForecastGroup) map[string]func() (*figure.Chart, error) {
	var cases []evaluate.Case
	for _, g := range groups {
		cases = append(cases, g.Cases...)
	}
	kinds := map[string]func() (*figure.Chart, error){
		"reliability": func() (*figure.Chart, error) {
			return buildReliability(groups, evaluate.ReliabilityOptions{Seed: 1, Replicates: 200}, charts.ReliabilityOptions{})
		},
		"roc":       func() (*figure.Chart, error) { return buildROC(groups, charts.ROCOptions{}) },
		"sharpness": func() (*figure.Chart, error) { return buildSharpness(groups, 0, charts.SharpnessOptions{}) },
		"murphy":    func() (*figure.Chart, error) { return buildMurphy(groups, charts.MurphyOptions{}) },
	}
	if len(cases) > 0 {
		kinds["contributions"] = func() (*figure.Chart, error) {
			return buildContributions(cases, false, charts.ContributionsOptions{})
		}
	}
	return kinds
}

// TestForecastChartsReproducible builds every chart of forecasts twice
// from the same input and wants the same SVG bytes, and the same PNG and
// PDF bytes: the consistency band's resamples are seeded, and nothing
// depends on map order, time or the machine.
func TestForecastChartsReproducible(t *testing.T) {
	inputs := map[string]func() []evaluate.ForecastGroup{
		"cpc":       func() []evaluate.ForecastGroup { return cpcGroup(t) },
		"mixed":     mixedGroups,
		"simulated": simulatedGroups,
		"panels":    manyGroups,
	}
	for in, groups := range inputs {
		a, b := forecastCharts(groups()), forecastCharts(groups())
		for name := range a {
			for _, f := range figure.ImageFormats {
				t.Run(in+"/"+name+"."+string(f), func(t *testing.T) {
					t.Parallel()
					ca, err := a[name]()
					if err != nil {
						t.Fatal(err)
					}
					cb, err := b[name]()
					if err != nil {
						t.Fatal(err)
					}
					if x, y := render(t, ca, f), render(t, cb, f); !bytes.Equal(x, y) {
						t.Errorf("two renderings of the same input differ (%d and %d bytes)", len(x), len(y))
					}
				})
			}
		}
	}
}

// TestForecastChartsUnusualInputs renders inputs at the edges of what the
// charts take: one forecast, one value, forecasts of 0 and 1, weights, a
// long group name, eight groups, and cases with no ids. Each must render
// in every format with nothing in the white margin.
func TestForecastChartsUnusualInputs(t *testing.T) {
	one := []evaluate.ForecastGroup{{Cases: []evaluate.Case{{ID: "only", P: 0.3, Outcome: forecasts.Yes}}}}
	same := []evaluate.ForecastGroup{{Table: analysis.TableOf([]float64{0.6, 0.6, 0.6}, []bool{true, false, true}, nil)}}
	certain := []evaluate.ForecastGroup{{Cases: []evaluate.Case{
		{ID: "never", P: 0, Outcome: forecasts.No}, {ID: "surely", P: 1, Outcome: forecasts.Yes},
		{ID: "wrongly-sure", P: 1, Outcome: forecasts.No}, {ID: "open", P: 0.4, Outcome: forecasts.Unresolved},
	}}}
	weighted := []evaluate.ForecastGroup{{Name: "Weighted", Table: analysis.TableOf(
		[]float64{0.1, 0.5, 0.9}, []bool{false, true, true}, []float64{2.5, 0.5, 1.25})}}
	long := mixedGroups()
	long[0].Name = strings.Repeat("A forecaster with a very long name ", 3)
	var eight []evaluate.ForecastGroup
	for i := range 8 {
		eight = append(eight, simulated(fmt.Sprintf("F%d", i+1), analysis.Simulation{N: 300, Alpha: 1, Beta: 1, Seed: uint64(i + 1)}))
	}
	noIDs := []evaluate.ForecastGroup{{Cases: []evaluate.Case{
		{P: 0.2, Outcome: forecasts.No}, {P: 0.7, Outcome: forecasts.Yes}, {P: 0.9, Outcome: forecasts.No},
	}}}
	inputs := map[string][]evaluate.ForecastGroup{
		"one forecast": one, "one value": same, "certain": certain, "weighted": weighted,
		"long name": long, "eight groups": eight, "no ids": noIDs,
	}
	for in, groups := range inputs {
		for name, build := range forecastCharts(groups) {
			t.Run(in+"/"+name, func(t *testing.T) {
				ch, err := build()
				if err != nil {
					if name == "roc" && strings.Contains(err.Error(), "only events or only non-events") {
						return // one outcome has no ROC curve
					}
					t.Fatal(err)
				}
				renderEveryFormat(t, ch)
			})
		}
	}
}

func TestForecastChartsErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		groups []evaluate.ForecastGroup
		want   string
	}{
		{"none", nil, "no forecasts to chart"},
		{"empty", []evaluate.ForecastGroup{{Name: "A"}}, `group "A" has no scored forecasts`},
		{"unscored", []evaluate.ForecastGroup{{Cases: []evaluate.Case{{ID: "x", P: 0.5, Outcome: forecasts.Ambiguous}}}},
			"no scored forecasts: none has the outcome yes or no"},
		{"unnamed", append(mixedGroups(), evaluate.ForecastGroup{Table: mixedGroups()[0].Table}), "group 3 of 3 has no name"},
		{"bad p", []evaluate.ForecastGroup{{Cases: []evaluate.Case{{ID: "x", P: -0.1, Outcome: forecasts.Yes}}}},
			"the forecasts: P(event) -0.1 of x is outside 0–1"},
	} {
		for name, build := range forecastCharts(tc.groups) {
			if name == "contributions" {
				continue
			}
			if _, err := build(); err == nil || err.Error() != tc.want {
				t.Errorf("%s, %s: err = %v, want %s", tc.name, name, err, tc.want)
			}
		}
	}
}

// A group whose every outcome is unresolved or ambiguous does not stop a
// chart of several groups: the others are drawn, and a note names it and
// its unscored cases.
func TestForecastChartsLeaveOutEmptyGroups(t *testing.T) {
	groups := append(mixedGroups(), evaluate.ForecastGroup{Name: "Pending desk",
		Cases: []evaluate.Case{{ID: "q-open", P: 0.4, Outcome: forecasts.Unresolved}}})
	kinds := forecastCharts(groups)
	delete(kinds, "contributions") // a chart of cases, not of groups
	for name, build := range kinds {
		ch, err := build()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		notes := strings.Join(ch.SpeakerNotes(), "\n")
		if !strings.Contains(notes, `Not drawn: 1 group with no scored forecast`) || !strings.Contains(notes, "Pending desk") || !strings.Contains(notes, "q-open") {
			t.Errorf("%s: the notes do not name the empty group and its case:\n%s", name, notes)
		}
	}
	// Only empty groups: an error that says so.
	only := []evaluate.ForecastGroup{groups[2], {Name: "Other", Cases: []evaluate.Case{{ID: "x", P: 0.5, Outcome: forecasts.Ambiguous}}}}
	for name, build := range forecastCharts(only) {
		if name == "contributions" {
			continue
		}
		if _, err := build(); err == nil || !strings.Contains(err.Error(), "no group has scored forecasts") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
