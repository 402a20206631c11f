package page

import (
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"

	"bytes"
	"fmt"
	"sync"

	"github.com/hindcast/hindcast/evaluate"
)

// reportChart is one chart of the report, with how to read it.
type reportChart struct {
	name, title, caption string
	build                func(r *Report, style *figure.ChartStyle) (*figure.Chart, error)
}

// reportCharts are the report's charts, in the order it shows them.
var reportCharts = []reportChart{
	{"contributions", "Which cases cost most", "Each forecast's Brier score, (P − outcome)², costliest first. A long bar is a confident forecast that went the other way; the lines mark the mean and the 0.25 of always saying 50%.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			if r.Contributions == nil {
				return nil, r.missing("contributions")
			}
			return charts.ContributionsChart(r.Contributions, charts.ContributionsOptions{Style: style})
		}},
	{"reliability", "Reliability", "Did the events happen as often as forecast? Points above the diagonal: the event happened more often than forecast. With few forecasts, the diagram shows cases rather than calibration.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			if r.Reliability == nil {
				return nil, r.missing("reliability")
			}
			return charts.ReliabilityChart(r.Reliability, charts.ReliabilityOptions{Style: style})
		}},
	{"roc", "ROC curve", "How well the forecasts told events that happened from those that did not, at every threshold; the area under the curve (AUC) is 0.5 for chance and 1 for perfect.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			if r.ROC == nil {
				return nil, r.missing("roc")
			}
			return charts.ROCChart(r.ROC, charts.ROCOptions{Style: style})
		}},
	{"sharpness", "Sharpness", "How often each probability was forecast: forecasts far from 50% are sharp, and only worth it when they come true.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			if r.Sharpness == nil {
				return nil, r.missing("sharpness")
			}
			return charts.SharpnessChart(r.Sharpness, charts.SharpnessOptions{Style: style})
		}},
	{"timeline", "Timeline", "Each forecast from the day it was made to the day its question was settled, coloured by what happened, with the probability it gave the event.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			return charts.TimelineChart(r.Records, charts.TimelineOptions{Style: style})
		}},
	{"scales", "What the words mean on each scale", "Each scale's terms as intervals on 0–100%: Kent's points and spreads, the ICD 203 and UK bands (with the UK's deliberate gaps), and what the survey's readers read into each phrase.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			return charts.ScalesChart(r.Scales, charts.ScalesOptions{Style: style})
		}},
	{"sensitivity", "Sensitivity to the coding of words", "Each score over every coding the words' intervals allow, scale by scale, with the coder's point reading marked.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			return charts.SensitivityChart(r.Sensitivity, charts.SensitivityOptions{Style: style, Score: charts.SensitivityBoth, ShowSampled: true})
		}},
	{"murphy", "Murphy diagram", "The mean elementary score at every threshold: for a decision-maker acting when the probability exceeds θ, how costly the forecasts were. Lower is better at every θ.",
		func(r *Report, style *figure.ChartStyle) (*figure.Chart, error) {
			if r.Murphy == nil {
				return nil, r.missing("murphy")
			}
			return charts.MurphyChart(r.Murphy, charts.MurphyOptions{Style: style})
		}},
}

// RenderReport draws the report's charts (two at a time) and renders its
// pages, all in memory: file name → bytes. format is "html" (index.html,
// report.md and the charts as SVG and PNG) or "markdown" (no index.html).
// A chart that cannot be drawn for the data is left out, named in the
// report and in skipped.
func RenderReport(res *evaluate.ReportResult, format string) (files map[string][]byte, skipped []string, err error) {
	r := &Report{ReportResult: res}
	type rendered struct {
		svg, png []byte
		skip     error // the chart cannot be drawn for these data
		err      error // it could not be written: a fault, not the data's
	}
	style := figure.DefaultChartStyle()
	out := make([]rendered, len(reportCharts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, sp := range reportCharts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ch, err := sp.build(r, style)
			if err != nil {
				out[i].skip = err
				return
			}
			var svg, png bytes.Buffer
			if err := ch.Write(&svg, figure.SVG); err != nil {
				out[i].err = err
				return
			}
			if err := ch.Write(&png, figure.PNG); err != nil {
				out[i].err = err
				return
			}
			out[i].svg, out[i].png = svg.Bytes(), png.Bytes()
		}()
	}
	wg.Wait()
	files = map[string][]byte{}
	r.Charts, r.Skipped = nil, nil
	for i, sp := range reportCharts {
		if out[i].err != nil {
			return nil, nil, fmt.Errorf("chart %s: %w", sp.name, out[i].err)
		}
		if out[i].skip != nil {
			// A chart that cannot be drawn for this data (no scored forecast,
			// say) is left out and named, not fatal.
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s (%s): %v", sp.title, sp.name, out[i].skip))
			continue
		}
		files[sp.name+".svg"] = out[i].svg
		files[sp.name+".png"] = out[i].png
		r.Charts = append(r.Charts, ReportChart{Name: sp.name, Title: sp.title, Caption: sp.caption, SVG: out[i].svg})
	}
	var md bytes.Buffer
	if err := writeMarkdown(&md, r); err != nil {
		return nil, nil, err
	}
	files["report.md"] = md.Bytes()
	if format == "html" {
		var html bytes.Buffer
		if err := writeHTML(&html, r); err != nil {
			return nil, nil, err
		}
		files["index.html"] = html.Bytes()
	}
	return files, r.Skipped, nil
}

// missing is why the report has no data for the chart of the name.
func (r *Report) missing(name string) error {
	if err := r.ChartErrors[name]; err != nil {
		return err
	}
	return fmt.Errorf("no data for the %s chart", name)
}
