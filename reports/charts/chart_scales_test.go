package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
)

// teachingScales are the built-in scales in the order a lecture takes them:
// Kent's words (1964), the US directive (2015), the UK yardstick, and what
// readers read into the words (2018).
func teachingScales(t testing.TB) []*forecasts.Scale {
	var out []*forecasts.Scale
	for _, name := range []string{"kent-1964", "icd-203", "uk-phia", "mauboussin-2018"} {
		s, ok := forecasts.BuiltinScales().Get(name)
		if !ok {
			t.Fatalf("no built-in scale %s", name)
		}
		out = append(out, s)
	}
	return out
}

func TestGoldenScalesChart(t *testing.T) {
	ch, err := charts.ScalesChart(teachingScales(t), charts.ScalesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "scales", ch)
}

func TestGoldenScalesChartHighlight(t *testing.T) {
	ch, err := charts.ScalesChart(teachingScales(t)[:3], charts.ScalesOptions{Highlight: "very-likely"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "scales_highlight", ch)
}

// TestGoldenScalesChartHighlightSurvey highlights a level at which the
// survey has seven phrases: all seven are marked, the crosswalk's in bold.
func TestGoldenScalesChartHighlightSurvey(t *testing.T) {
	scales := teachingScales(t)
	ch, err := charts.ScalesChart([]*forecasts.Scale{scales[1], scales[3]}, charts.ScalesOptions{Highlight: "likely"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "scales_highlight_survey", ch)
}

func TestScalesChartErrors(t *testing.T) {
	kent := teachingScales(t)[:1]
	for _, tc := range []struct {
		name   string
		scales []*forecasts.Scale
		opt    charts.ScalesOptions
		want   string
	}{
		{"none", nil, charts.ScalesOptions{}, "no scales to chart"},
		{"nil", []*forecasts.Scale{nil}, charts.ScalesOptions{}, "scale 1 has no terms to chart"},
		{"empty", []*forecasts.Scale{{Name: "empty"}}, charts.ScalesOptions{}, "scale 1 has no terms to chart"},
		{"level", kent, charts.ScalesOptions{Highlight: "probable"}, `no level "probable" to highlight; the levels are impossible, remote,`},
	} {
		_, err := charts.ScalesChart(tc.scales, tc.opt)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %s…", tc.name, err, tc.want)
		}
	}
}
