package charts_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// Draw the reliability diagram of the CPC's four judgments, grouped by
// forecaster, and write it as the file name asks.
func ExampleReliabilityChart() {
	ds, err := forecasts.LoadBuiltin("cpc")
	if err != nil {
		fmt.Println(err)
		return
	}
	var cpc []*forecasts.Record
	for _, r := range ds[0].Records {
		if strings.HasPrefix(r.ID, "cpc-") {
			cpc = append(cpc, r)
		}
	}
	groups := groupsBy(cpc, func(r *forecasts.Record) string { return r.Forecaster })
	ch, err := buildReliability(groups, evaluate.ReliabilityOptions{Seed: 1}, charts.ReliabilityOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	format, err := figure.ImageFormatOf("reliability.png")
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer // the command writes to a temporary file and renames it
	if err := ch.Write(&out, format); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ch.Title)
	fmt.Println(ch.Warnings[len(ch.Warnings)-1])
	// Output:
	// Reliability: did the events happen as often as forecast?
	// With only 4 forecasts the diagram shows cases, not calibration: a few more forecasts could change it completely.
}

// Chart which of the built-in cases cost most, by their Brier scores.
func ExampleContributionsChart() {
	ds, err := forecasts.LoadBuiltin()
	if err != nil {
		fmt.Println(err)
		return
	}
	var recs []*forecasts.Record
	for _, d := range ds {
		recs = append(recs, d.Records...)
	}
	ch, err := buildContributions(casesOf(recs), false, charts.ContributionsOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range ch.Legend {
		fmt.Println(e.Label)
	}
	// Output:
	// leaned the wrong way: P on the far side of 50%
	// leaned the right way (pale)
	// exactly 50% (hatched)
	// mean of all 25: 0.465
	// always 50%: 0.250
}
