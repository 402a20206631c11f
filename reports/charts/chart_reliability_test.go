package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func reliabilityChart(t testing.TB, groups []evaluate.ForecastGroup) *figure.Chart {
	ch, err := buildReliability(groups, evaluate.ReliabilityOptions{Seed: 1}, charts.ReliabilityOptions{})
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

// TestReliabilityChartSmallBands checks that groups of a few forecasts
// drawn together get no consistency band, and that a note says so.
func TestReliabilityChartSmallBands(t *testing.T) {
	ch := reliabilityChart(t, mixedGroups())
	if !strings.Contains(strings.Join(ch.SpeakerNotes(), " "), "No band for Analysts, Red team") {
		t.Errorf("notes %q do not say the small groups have no band", ch.Notes)
	}
	for _, e := range ch.Legend {
		if e.Label == "consistency band" {
			t.Errorf("the legend explains a band that is not drawn")
		}
	}
}
