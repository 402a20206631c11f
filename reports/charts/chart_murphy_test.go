package charts_test

import (
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func murphyChart(t testing.TB, groups []evaluate.ForecastGroup) *figure.Chart {
	ch, err := buildMurphy(groups, charts.MurphyOptions{})
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
