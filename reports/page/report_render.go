package page

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// reportChart is one chart of a section, with how to read it.
type reportChart struct {
	name, title, caption string
	terms                []string // glossary ids the caption relies on
	build                func(s *Section, style *figure.ChartStyle) (*figure.Chart, error)
}

// sectionCharts are a section's charts, in the order it shows them.
var sectionCharts = []reportChart{
	{"contributions", "Which cases cost most", "Each forecast's Brier score, (P − outcome)², costliest first. A long bar is a confident forecast that went the other way; the lines mark the mean and the 0.25 of always saying 50%.",
		[]string{"brier"},
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.Contributions == nil {
				return nil, s.missing("contributions")
			}
			return charts.ContributionsChart(s.Contributions, charts.ContributionsOptions{Style: style})
		}},
	{"reliability", "Reliability", "Did the events happen as often as forecast? Points above the diagonal: the event happened more often than forecast. With few forecasts, the diagram shows cases rather than calibration.",
		[]string{"wilson", "consistency-band", "corp"},
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.Reliability == nil {
				return nil, s.missing("reliability")
			}
			return charts.ReliabilityChart(s.Reliability, charts.ReliabilityOptions{Style: style})
		}},
	{"roc", "ROC curve", "How well the forecasts told events that happened from those that did not, at every threshold; the area under the curve (AUC) is 0.5 for chance and 1 for perfect.",
		[]string{"auc"},
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.ROC == nil {
				return nil, s.missing("roc")
			}
			return charts.ROCChart(s.ROC, charts.ROCOptions{Style: style})
		}},
	{"sharpness", "Sharpness", "How often each probability was forecast: forecasts far from 50% are sharp, and only worth it when they come true.",
		nil,
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.Sharpness == nil {
				return nil, s.missing("sharpness")
			}
			return charts.SharpnessChart(s.Sharpness, charts.SharpnessOptions{Style: style})
		}},
	{"timeline", "Timeline", "Each forecast from the day it was made to the day its question was settled, with the probability it gave the event, coloured by whether it leaned the wrong way (P on the far side of 50% from what happened; both wordings of one event lean alike); a date known only to its month or year is drawn as that span. Past 60 forecasts, the number issued in each period.",
		nil,
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if !s.IsRecords() {
				return nil, errors.New("a flat table has no dates")
			}
			return charts.TimelineChart(s.Records, charts.TimelineOptions{Style: style})
		}},
	{"sensitivity", "Sensitivity to the coding of words", "Each score over every coding the words' intervals allow, scale by scale, with the coder's point reading marked.",
		nil,
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.Sensitivity == nil {
				return nil, errors.New("no record is coded as words")
			}
			return charts.SensitivityChart(s.Sensitivity, charts.SensitivityOptions{Style: style, Score: charts.SensitivityBoth, ShowSampled: true})
		}},
	{"murphy", "Murphy diagram", "The mean elementary score at every threshold θ: for a decision-maker acting when the probability exceeds θ, how costly the forecasts were. Lower is better at every θ.",
		[]string{"elementary"},
		func(s *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			if s.Murphy == nil {
				return nil, s.missing("murphy")
			}
			return charts.MurphyChart(s.Murphy, charts.MurphyOptions{Style: style})
		}},
}

// scalesChart is the report-wide chart of the verbal scales.
var scalesChart = reportChart{"scales", "What the words mean on each scale", "Each scale's terms as intervals on 0–100%: Kent's points and spreads, the ICD 203 and UK bands (with the UK's deliberate gaps), and what the survey's readers read into each phrase.",
	nil, nil}

// RenderReport draws the report's charts (two at a time) and renders its
// pages, all in memory: file name → bytes. format is "html" (index.html
// alone, the charts inline as SVG) or "markdown" (report.md and the
// charts as PNG).
// A chart that cannot be drawn for the data is left out, named in the
// report and in skipped.
func RenderReport(res *evaluate.ReportResult, format string) (files map[string][]byte, skipped []string, err error) {
	r := &Report{ReportResult: res}
	linked := false
	for _, s := range res.Sections {
		sec := newSection(s)
		if e, ok := othersExtra(sec, !linked); ok {
			sec.Extra = append(sec.Extra, e)
			linked = true
		}
		r.Sections = append(r.Sections, sec)
	}
	type job struct {
		sec  *Section // nil for the scales chart
		spec reportChart
	}
	type rendered struct {
		svg, png []byte
		skip     error // the chart cannot be drawn for these data
		err      error // it could not be written: a fault, not the data's
	}
	var jobs []job
	for _, s := range r.Sections {
		for _, sp := range sectionCharts {
			if s.Large && sp.name == "contributions" {
				continue // the costliest forecasts are listed instead
			}
			if (sp.name == "sensitivity" && s.Sensitivity == nil) || (sp.name == "timeline" && !s.IsRecords()) {
				continue // the section says why in a line
			}
			jobs = append(jobs, job{s, sp})
		}
	}
	if res.Words {
		sp := scalesChart
		sp.build = func(_ *Section, style *figure.ChartStyle) (*figure.Chart, error) {
			return charts.ScalesChart(res.Scales, charts.ScalesOptions{Style: style})
		}
		jobs = append(jobs, job{nil, sp})
	}
	style := figure.DefaultChartStyle()
	out := make([]rendered, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ch, err := j.spec.build(j.sec, style)
			if err != nil {
				out[i].skip = err
				return
			}
			if j.sec != nil && j.sec.Dataset != nil {
				// The section's callout says how its records were chosen;
				// a chart copied out of the report says it too.
				charts.Decorate(ch, charts.Decoration{Datasets: []*forecasts.Dataset{j.sec.Dataset}})
			}
			// The page holds SVG, report.md links PNG: each only when written.
			var svg, png bytes.Buffer
			if format == "html" {
				if err := ch.Write(&svg, figure.SVG); err != nil {
					out[i].err = err
					return
				}
			} else if err := ch.Write(&png, figure.PNG); err != nil {
				out[i].err = err
				return
			}
			out[i].svg, out[i].png = svg.Bytes(), png.Bytes()
		}()
	}
	wg.Wait()
	files = map[string][]byte{}
	for i, j := range jobs {
		name := j.spec.name
		if j.sec != nil {
			name = j.sec.ID + "-" + name
		}
		if out[i].err != nil {
			return nil, nil, fmt.Errorf("chart %s: %w", name, out[i].err)
		}
		if out[i].skip != nil {
			// A chart that cannot be drawn for this data (no scored forecast,
			// say) is left out and named, not fatal.
			msg := fmt.Sprintf("%s (%s): %v", j.spec.title, name, out[i].skip)
			skipped = append(skipped, msg)
			if j.sec != nil {
				j.sec.Skipped = append(j.sec.Skipped, msg)
			} else {
				r.Skipped = append(r.Skipped, msg)
			}
			continue
		}
		// The SVG is inside index.html; report.md shows the PNG beside it
		// (hindcast plot writes any chart as a file of its own).
		if format != "html" {
			files[name+".png"] = out[i].png
		}
		c := ReportChart{Name: name, Kind: j.spec.name, Title: j.spec.title, Caption: j.spec.caption, Terms: j.spec.terms, SVG: out[i].svg}
		if j.sec != nil {
			j.sec.Charts = append(j.sec.Charts, c)
		} else {
			r.Charts = append(r.Charts, c)
		}
	}
	if format != "html" {
		var md bytes.Buffer
		if err := writeMarkdown(&md, r); err != nil {
			return nil, nil, err
		}
		files["report.md"] = md.Bytes()
	} else {
		var html bytes.Buffer
		if err := writeHTML(&html, r); err != nil {
			return nil, nil, err
		}
		files["index.html"] = html.Bytes()
	}
	return files, skipped, nil
}

// missing is why the section has no data for the chart of the name.
func (s *Section) missing(name string) error {
	if err := s.ChartErrors[name]; err != nil {
		return err
	}
	return fmt.Errorf("no data for the %s chart", name)
}
