package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// TestChartsUnusualInputs renders inputs at the edges of what the charts
// take: one record, one day, a long id, one scale, a scale the crosswalk
// does not know, a long title. Each must render in every format with
// nothing in the white margin.
func TestChartsUnusualInputs(t *testing.T) {
	crisis := crisisRecords(t)
	sameDay := crisisRecords(t)[3:4]
	sameDay[0].Resolved = sameDay[0].Issued
	long := *crisis[0]
	long.ID = "a-record-id-as-long-as-anyone-would-write-one-in-a-dataset-2011"
	icd, _ := forecasts.BuiltinScales().Get("icd-203")
	custom := &forecasts.Scale{Name: "seminar", Title: "Our seminar's words", Kind: forecasts.KindRanges, Terms: []*forecasts.Term{
		{Term: "maybe", Level: "even", Interval: forecasts.Interval{Low: 0.3, Point: 0.5, High: 0.7}},
		{Term: "surely", Level: "almost-certain", Interval: forecasts.Interval{Low: 0.9, Point: 0.95, High: 1}},
	}}
	cases := map[string]func() (*figure.Chart, error){
		"one record": func() (*figure.Chart, error) {
			return charts.TimelineChart(crisis[:1], charts.TimelineOptions{})
		},
		"same day": func() (*figure.Chart, error) {
			return charts.TimelineChart(sameDay, charts.TimelineOptions{})
		},
		"long id": func() (*figure.Chart, error) {
			return charts.TimelineChart(append(crisis[1:], &long), charts.TimelineOptions{})
		},
		"long title": func() (*figure.Chart, error) {
			return charts.TimelineChart(crisis, charts.TimelineOptions{Title: strings.Repeat("A title that goes on and on ", 5)})
		},
		"one scale": func() (*figure.Chart, error) {
			return charts.ScalesChart([]*forecasts.Scale{icd}, charts.ScalesOptions{})
		},
		"unknown to the crosswalk": func() (*figure.Chart, error) {
			return charts.ScalesChart([]*forecasts.Scale{custom, icd}, charts.ScalesOptions{Highlight: "even"})
		},
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			ch, err := build()
			if err != nil {
				t.Fatal(err)
			}
			renderEveryFormat(t, ch)
		})
	}
}
