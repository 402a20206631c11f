package charts_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// groupsOfSize is n simulated methods of size forecasts each, sharp and
// blunt, over- and underconfident, like a forecast verification table:
// the input of the charts that give each group a panel. The second has a
// name too long for a panel's title.
func groupsOfSize(n, size int) []evaluate.ForecastGroup {
	var out []evaluate.ForecastGroup
	for i := range n {
		name := fmt.Sprintf("Method %02d", i+1)
		if i == 1 {
			name = "Method 02, the ensemble of every forecast office on the continent"
		}
		out = append(out, simulated(name, analysis.Simulation{
			N: size, Alpha: 0.5 + 0.15*float64(i%5), Beta: 0.8 + 0.4*float64(i%4),
			Truth: analysis.LogisticCurve(0.1*float64(i%3-1), 0.6+0.12*float64(i%8)), Seed: uint64(100 + i),
		}))
	}
	return out
}

func TestGoldenReliabilityTenGroups(t *testing.T) {
	checkGolden(t, "reliability_10groups", reliabilityChart(t, groupsOfSize(10, 1000)))
}

func TestGoldenSharpnessManyGroups(t *testing.T) {
	checkGolden(t, "sharpness_29groups", sharpnessChart(t, groupsOfSize(29, 400)))
}

func TestGoldenROCManyGroups(t *testing.T) {
	checkGolden(t, "roc_29groups", rocChart(t, groupsOfSize(29, 400)))
}

func TestGoldenMurphyTenGroups(t *testing.T) {
	checkGolden(t, "murphy_10groups", murphyChart(t, groupsOfSize(10, 1000)))
}

// TestPanelChartsLeaveOut checks what the panel charts leave out, and
// that they say so: groups of fewer than 3 forecasts, and the groups with
// the fewest forecasts beyond 30 panels.
func TestPanelChartsLeaveOut(t *testing.T) {
	many := groupsOfSize(33, 60)
	// Two tiny groups, with both outcomes so that ROC would draw them.
	many = append(many,
		evaluate.ForecastGroup{Name: "Tiny A", Table: analysis.TableOf([]float64{0.2, 0.8}, []bool{false, true}, nil)},
		evaluate.ForecastGroup{Name: "Tiny B", Table: analysis.TableOf([]float64{0.3, 0.6}, []bool{true, false}, nil)})
	many[5] = simulated("Method 06", analysis.Simulation{N: 20, Seed: 7}) // the fewest of the rest
	for name, build := range forecastCharts(many) {
		if name == "contributions" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			ch, err := build()
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(ch.SpeakerNotes(), " ")
			for _, want := range []string{
				"Not drawn: 2 groups of fewer than 3 forecasts each", "Tiny A (2), Tiny B (2)",
				"Not drawn, to keep the panels legible: the 3 groups with the fewest forecasts: Method 06 (20),",
			} {
				if !strings.Contains(notes, want) {
					t.Errorf("notes %q do not say %q", notes, want)
				}
			}
		})
	}
}

// TestPanelChartsFewLeft checks that when leaving out the groups of too
// few forecasts leaves few enough to draw together, they are drawn
// together, in the first colours.
func TestPanelChartsFewLeft(t *testing.T) {
	gs := groupsOfSize(2, 200)
	for i := range 6 {
		gs = append(gs, evaluate.ForecastGroup{Name: fmt.Sprintf("Lone %d", i+1), Table: analysis.TableOf([]float64{0.7}, []bool{i%2 == 0}, nil)})
	}
	ch := reliabilityChart(t, gs)
	var labels []string
	for _, e := range ch.Legend {
		labels = append(labels, e.Label)
	}
	if got := strings.Join(labels, "; "); !strings.HasPrefix(got, "Method 01; Method 02, the ensemble") {
		t.Errorf("legend %q: want the two groups drawn together", got)
	}
	if notes := strings.Join(ch.SpeakerNotes(), " "); !strings.Contains(notes, "Not drawn: 6 groups of fewer than 3 forecasts each") {
		t.Errorf("notes %q do not name the groups left out", notes)
	}
}
