package charts_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func contributionsChart(t testing.TB, cases []evaluate.Case, log bool, opt charts.ContributionsOptions) *figure.Chart {
	ch, err := buildContributions(cases, log, opt)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func TestGoldenContributionsCPC(t *testing.T) {
	checkGolden(t, "contributions_cpc", contributionsChart(t, cpcGroup(t)[0].Cases, false, charts.ContributionsOptions{}))
}

// The built-in cases, 25 scored and one ambiguous.
func TestGoldenContributionsBuiltin(t *testing.T) {
	checkGolden(t, "contributions_builtin", contributionsChart(t, casesOf(builtinRecords(t)), false, charts.ContributionsOptions{}))
}

func TestGoldenContributionsBuiltinLog(t *testing.T) {
	checkGolden(t, "contributions_builtin_log", contributionsChart(t, casesOf(builtinRecords(t)), true, charts.ContributionsOptions{}))
}

// 300 simulated questions: only the 40 costliest are drawn.
func TestGoldenContributionsTop(t *testing.T) {
	checkGolden(t, "contributions_top", contributionsChart(t, simulatedCases(300), false, charts.ContributionsOptions{}))
}

func simulatedCases(n int) []evaluate.Case {
	var out []evaluate.Case
	i := 0
	for p, yes := range analysis.Simulate(analysis.Simulation{N: n, Alpha: 0.8, Beta: 0.8, Decimals: 2, Seed: 7}) {
		i++
		o := forecasts.No
		if yes {
			o = forecasts.Yes
		}
		out = append(out, evaluate.Case{ID: fmt.Sprintf("question-%03d", i), P: p, Outcome: o})
	}
	return out
}

// TestContributionsCPC checks the figures of the CPC chart by hand: the
// Brier scores are 0.93² = 0.8649 (khmer-rouge, no), 0.93² = 0.8649
// (phnom-penh, 7% and yes), 0.775² = 0.600625 (romania), 0.75² = 0.5625
// (shah); their mean is 2.892425/4 = 0.723, and the two costliest, tied,
// make up 2·0.8649/2.892425 = 59.8% of the total: a tie is named as one,
// not as a winner and a runner-up. Ties go in order of id. Rows are named
// by the records' labels.
func TestContributionsCPC(t *testing.T) {
	ch := contributionsChart(t, cpcGroup(t)[0].Cases, false, charts.ContributionsOptions{})
	rows := rowLabels(ch)
	if want := "Khmer Rouge will hold Phnom Penh (1978)|Vietnam cannot capture Phnom Penh (Jan 1979)|" +
		"Situation in Romania fairly good (Nov 1989)|Shah of Iran will not step down (Aug 1978)"; strings.Join(rows, "|") != want {
		t.Errorf("rows from the top %q, want %q", rows, want)
	}
	var legend []string
	for _, e := range ch.Legend {
		legend = append(legend, e.Label)
	}
	if !slices.Contains(legend, "mean of all 4: 0.723") || !slices.Contains(legend, "always 50%: 0.250") {
		t.Errorf("legend %q lacks the mean 0.723 or always-50%% 0.250", legend)
	}
	if notes := strings.Join(ch.Notes, " "); !strings.Contains(notes, "The costliest, tied at 0.865, are Khmer Rouge will hold Phnom Penh (1978) and Vietnam cannot capture Phnom Penh (Jan 1979): together 59.8% of the total.") {
		t.Errorf("notes %q", notes)
	}
}

func TestContributionsChartErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cases []evaluate.Case
		opt   charts.ContributionsOptions
		want  string
	}{
		{"none", nil, charts.ContributionsOptions{}, "no scored cases to chart"},
		{"unscored", []evaluate.Case{{ID: "a", P: 0.3, Outcome: forecasts.Unresolved}}, charts.ContributionsOptions{}, "no scored cases to chart"},
		{"bad p", []evaluate.Case{{ID: "a", P: 1.3, Outcome: forecasts.Yes}}, charts.ContributionsOptions{}, "P(event) 1.3 of a is outside 0–1"},
		{"bad top", []evaluate.Case{{ID: "a", P: 0.3, Outcome: forecasts.Yes}}, charts.ContributionsOptions{Top: -1}, "top -1"},
	} {
		_, err := buildContributions(tc.cases, false, tc.opt)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
}

// TestContributionsLogInfinite draws a forecast of certainty that went the
// other way: its log score is infinite, its bar runs off the axis and the
// note says why the mean is infinite too.
func TestContributionsLogInfinite(t *testing.T) {
	cases := []evaluate.Case{{ID: "sure", P: 1, Outcome: forecasts.No}, {ID: "fair", P: 0.6, Outcome: forecasts.Yes}}
	ch := contributionsChart(t, cases, true, charts.ContributionsOptions{})
	if notes := strings.Join(ch.Notes, " "); !strings.Contains(notes, "infinite log score") {
		t.Errorf("notes %q do not explain the infinite score", notes)
	}
	render(t, ch, figure.PNG)
}

// TestContributionsLogTicks checks that the log-score axis has 4 to 6
// labelled ticks however far it runs: the CPC's scores run to 2.659, an
// axis to 2.92 labelled every 0.5; a forecast of certainty that went the
// other way stretches the axis by 30% past the largest finite score.
func TestContributionsLogTicks(t *testing.T) {
	labels := func(ch *figure.Chart) []string {
		p := ch.Body.(*plot.Plot)
		var out []string
		for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
			if !tk.IsMinor() {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	cpc := labels(contributionsChart(t, cpcGroup(t)[0].Cases, true, charts.ContributionsOptions{}))
	if got, want := strings.Join(cpc, " "), "0 0.5 1 1.5 2 2.5"; got != want {
		t.Errorf("CPC log ticks %q, want %q", got, want)
	}
	for name, cases := range map[string][]evaluate.Case{
		"builtin":  casesOf(builtinRecords(t)),
		"infinite": {{ID: "sure", P: 1, Outcome: forecasts.No}, {ID: "fair", P: 0.6, Outcome: forecasts.Yes}},
		"timid":    {{ID: "a", P: 0.55, Outcome: forecasts.Yes}, {ID: "b", P: 0.45, Outcome: forecasts.No}},
		"bold":     {{ID: "a", P: 0.0001, Outcome: forecasts.Yes}},
	} {
		got := labels(contributionsChart(t, cases, true, charts.ContributionsOptions{}))
		if len(got) < 4 || len(got) > 6 {
			t.Errorf("%s: log ticks %q, want 4 to 6", name, got)
		}
	}
}

// Every built-in record's label fits the rows of the contributions and
// timeline charts whole; a longer one is cut before its date.
func TestRecordLabelsFit(t *testing.T) {
	st := figure.DefaultChartStyle()
	sty := st.TextStyle(st.SmallSize)
	for _, r := range builtinRecords(t) {
		if w := sty.Width(r.Label); w > charts.MaxRecordLabelWidth {
			t.Errorf("%s: label %q is %.1f cm wide, more than the %.1f cm a row shows", r.ID, r.Label, w/vg.Centimeter, charts.MaxRecordLabelWidth/vg.Centimeter)
		}
	}
	ch := contributionsChart(t, []evaluate.Case{
		{ID: "x", Label: "The talks will collapse before the end of the year, as the desk has said since March (Mar 1990)", P: 0.3, Outcome: forecasts.Yes},
		{ID: "no-label", P: 0.6, Outcome: forecasts.Yes},
	}, false, charts.ContributionsOptions{})
	rows := rowLabels(ch)
	if len(rows) != 2 || !strings.HasSuffix(rows[0], "… (Mar 1990)") || rows[1] != "no-label" {
		t.Errorf("rows %q: want the long label cut before its date, and the id of the case with no label", rows)
	}
}

// rowLabels lists the labels of a chart's rows, from the top.
func rowLabels(ch *figure.Chart) []string {
	p := ch.Body.(*plot.Plot)
	var rows []string
	for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		rows = append(rows, tk.Label)
	}
	return rows
}
