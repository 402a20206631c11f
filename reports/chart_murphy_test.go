package reports_test

import (
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports"
)

func murphyChart(t testing.TB, groups []evaluate.ForecastGroup) *reports.Chart {
	ch, err := buildMurphy(groups, reports.MurphyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestGoldenMurphyCPC(t *testing.T) {
	checkGolden(t, "murphy_cpc", murphyChart(t, cpcGroup(t)))
}

func TestGoldenMurphyMixed(t *testing.T) {
	checkGolden(t, "murphy_mixed", murphyChart(t, mixedGroups()))
}

func TestGoldenMurphySimulated(t *testing.T) {
	checkGolden(t, "murphy_simulated", murphyChart(t, simulatedGroups()))
}
