package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func rocChart(t testing.TB, groups []evaluate.ForecastGroup) *figure.Chart {
	ch, err := buildROC(groups, charts.ROCOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestGoldenROCCPC(t *testing.T) {
	checkGolden(t, "roc_cpc", rocChart(t, cpcGroup(t)))
}

func TestGoldenROCMixed(t *testing.T) {
	checkGolden(t, "roc_mixed", rocChart(t, mixedGroups()))
}

func TestGoldenROCSimulated(t *testing.T) {
	checkGolden(t, "roc_simulated", rocChart(t, simulatedGroups()))
}

// TestROCChartLegend checks the AUC the legend gives. Red team: events at
// 0.3, 0.5, 0.6, 0.7, 0.8, 0.9 and 0.99, non-events at 0.1, 0.2 and 0.4;
// of the 21 pairs the event is higher in 2 (0.3) + 6 × 3 = 20, AUC
// 20/21 = 0.952. The CPC's one non-event (0.93) is higher than all three
// events: AUC 0.
func TestROCChartLegend(t *testing.T) {
	for _, tc := range []struct {
		groups []evaluate.ForecastGroup
		want   []string
	}{
		{mixedGroups(), []string{"Analysts, AUC 0.22", "Red team, AUC 0.95", "no better than chance"}},
		{cpcGroup(t), []string{"ROC curve, AUC 0.00", "no better than chance"}},
	} {
		ch := rocChart(t, tc.groups)
		var got []string
		for _, e := range ch.Legend {
			got = append(got, e.Label)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("legend %q, want %q", got, tc.want)
		}
	}
}

func TestROCChartOneOutcome(t *testing.T) {
	all := []evaluate.ForecastGroup{{Table: analysis.TableOf([]float64{0.2, 0.7}, []bool{true, true}, nil)}}
	if _, err := buildROC(all, charts.ROCOptions{}); err == nil {
		t.Error("a ROC chart of events only: no error")
	}
	mixed := append(mixedGroups(), evaluate.ForecastGroup{Name: "Sure", Table: all[0].Table})
	ch := rocChart(t, mixed)
	if !strings.Contains(strings.Join(ch.SpeakerNotes(), " "), "No curve for Sure") {
		t.Errorf("notes %q do not name the group without a curve", ch.Notes)
	}
}

// coincidentGroups are two groups whose ROC curves coincide, both AUC 0,
// through different points, as the CPC and the US intelligence community
// of the built-in data do; and two with only events, one named with a
// comma of its own.
func coincidentGroups() []evaluate.ForecastGroup {
	table := outcomeTable
	return []evaluate.ForecastGroup{
		{Name: "CPC", Table: table([]float64{0.93, 0.07, 0.225, 0.25}, "nyyy")},
		{Name: "US intelligence community", Table: table([]float64{0.9, 0.1, 0.2, 0.3, 0.4, 0.5}, "nyyyyy")},
		{Name: "AMAN (Israeli military intelligence), under Maj. Gen. Eli Zeira", Table: table([]float64{0.15}, "y")},
		{Name: "CIA", Table: table([]float64{0.6, 0.8}, "yy")},
	}
}

// TestGoldenROCCoincident draws two curves that coincide: the first is a
// border round the second, and a note says so; the groups without a
// curve are listed with semicolons, since a name has a comma.
func TestGoldenROCCoincident(t *testing.T) {
	checkGolden(t, "roc_coincident", rocChart(t, coincidentGroups()))
}

func TestROCChartCoincidentNotes(t *testing.T) {
	notes := strings.Join(rocChart(t, coincidentGroups()).SpeakerNotes(), "\n")
	for _, want := range []string{
		"The curves of CPC and US intelligence community coincide.",
		"No curve for AMAN (Israeli military intelligence), under Maj. Gen. Eli Zeira; CIA: a ROC curve needs",
		"Fewer than 30 forecasts in CPC, US intelligence community:",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes\n%s\ndo not say %q", notes, want)
		}
	}
	if notes := strings.Join(rocChart(t, mixedGroups()).Notes, "\n"); strings.Contains(notes, "run together") || strings.Contains(notes, "coincide") {
		t.Errorf("curves that do not run together: notes\n%s", notes)
	}
}
