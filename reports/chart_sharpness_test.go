package reports_test

import (
	"testing"

	"github.com/hindcast/hindcast/reports"
)

func sharpnessChart(t testing.TB, groups []reports.ForecastGroup) *reports.Chart {
	ch, err := reports.SharpnessChart(groups, reports.SharpnessOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestGoldenSharpnessCPC(t *testing.T) {
	checkGolden(t, "sharpness_cpc", sharpnessChart(t, cpcGroup(t)))
}

func TestGoldenSharpnessMixed(t *testing.T) {
	checkGolden(t, "sharpness_mixed", sharpnessChart(t, mixedGroups()))
}

func TestGoldenSharpnessSimulated(t *testing.T) {
	checkGolden(t, "sharpness_simulated", sharpnessChart(t, simulatedGroups()))
}

func TestGoldenSharpnessPanels(t *testing.T) {
	checkGolden(t, "sharpness_panels", sharpnessChart(t, manyGroups()))
}
