package reports_test

import (
	"testing"

	"github.com/hindcast/hindcast/reports"
)

func reliabilityChart(t testing.TB, groups []reports.ForecastGroup) *reports.Chart {
	ch, err := reports.ReliabilityChart(groups, reports.ReliabilityOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestGoldenReliabilityCPC(t *testing.T) {
	checkGolden(t, "reliability_cpc", reliabilityChart(t, cpcGroup(t)))
}

func TestGoldenReliabilityMixed(t *testing.T) {
	checkGolden(t, "reliability_mixed", reliabilityChart(t, mixedGroups()))
}

func TestGoldenReliabilitySimulated(t *testing.T) {
	checkGolden(t, "reliability_simulated", reliabilityChart(t, simulatedGroups()))
}

func TestGoldenReliabilityPanels(t *testing.T) {
	checkGolden(t, "reliability_panels", reliabilityChart(t, manyGroups()))
}
