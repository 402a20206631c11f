package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func sharpnessChart(t testing.TB, groups []evaluate.ForecastGroup) *figure.Chart {
	ch, err := buildSharpness(groups, 0, charts.SharpnessOptions{})
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

// TestSharpnessDefaultBins checks that the chart counts in bands of 10
// points unless told otherwise, the bins of the reliability diagram and of
// `hindcast plot --bins`, so that the report's chart and the plot agree.
func TestSharpnessDefaultBins(t *testing.T) {
	if evaluate.DefaultSharpnessBins != analysis.DefaultBins {
		t.Errorf("DefaultSharpnessBins = %d, want analysis.DefaultBins = %d", evaluate.DefaultSharpnessBins, analysis.DefaultBins)
	}
	def := sharpnessChart(t, cpcGroup(t))
	ten, err := buildSharpness(cpcGroup(t), 10, charts.SharpnessOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def.Subtitle, "band of 10 points") || def.Subtitle != ten.Subtitle {
		t.Errorf("default subtitle %q, with 10 bins %q", def.Subtitle, ten.Subtitle)
	}
}
