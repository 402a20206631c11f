package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/evaluate"
)

// MurphyOptions adjusts MurphyChart.
type MurphyOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
}

// MurphyChart draws the Murphy diagram of each group (Ehm, Gneiting,
// Jordan & Krüger 2016): for every threshold θ in (0, 1), the mean
// elementary score of the forecasts, the loss per forecast of a decision
// maker who acts when the forecast exceeds θ, losing θ for acting when
// the event does not happen and 1 − θ for not acting when it does. Lower
// is better; a forecaster whose curve is nowhere above another's is better
// for every such decision maker. The area under a curve is half the
// group's Brier score. Up to four curves share one diagram; more get a
// panel each, on one scale, laid out and chosen as ReliabilityChart's are,
// the Brier score under each panel's title.
//
// The curve is linear in θ between the distinct forecast values and jumps
// at each: evaluate.Murphy computes it on a grid and at every distinct
// value and just below it, so that the jumps are drawn upright where they
// are.
func MurphyChart(d *evaluate.MurphyData, opt MurphyOptions) (*figure.Chart, error) {
	all, gs, left := groupsToDraw(d.ChartGroups, murphyOverlay, "diagram")
	st := figure.StyleOr(opt.Style)
	curves := make([]*murphyCurve, len(gs))
	var most float64
	for i, g := range gs {
		m := d.Groups[g.pos]
		theta, score := m.Theta, m.Score
		curves[i] = &murphyCurve{group: g, theta: theta, score: score, brier: m.Brier, half: m.Half, base: m.BaseRate}
		for _, s := range score {
			most = max(most, s)
		}
		if refs := len(gs) == 1 || len(gs) > murphyOverlay; refs { // a diagram of one group: its references too
			for _, s := range append(slices.Clone(m.Half.Score), m.BaseRate.Score...) {
				most = max(most, s)
			}
		}
	}
	top := math.Max(most*1.08, 0.01)

	ch := figure.NewChart(st, opt.Title, "Murphy diagram: what the forecasts cost each decision maker",
		"Each θ is a decision maker who acts when the forecast is above θ, losing θ for acting in vain "+
			"and 1−θ for a missed event; the curve is that loss per forecast. Lower is better.")
	var panels *figure.PlotGrid
	if len(curves) <= murphyOverlay {
		p := murphyPlot(st, curves, top)
		p.X.Tick.Marker = figure.PercentTicks{Step: 0.1}
		ch.Body = p
		for _, c := range curves {
			label := "Brier score " + textout.Num(c.brier)
			if len(gs) > 1 {
				label = fmt.Sprintf("%s, Brier %s", c.group.label(), textout.Num(c.brier))
			} else if c.group.name != "" {
				label = fmt.Sprintf("%s, Brier score %s", c.group.label(), textout.Num(c.brier))
			}
			ch.Legend = append(ch.Legend, figure.LegendEntry{Label: label, Thumbs: []plot.Thumbnailer{figure.LineThumbnail(st.LineStyle(c.group.index))}})
		}
		if len(curves) == 1 {
			c := curves[0]
			ch.Legend = append(ch.Legend, murphyRefLegend(st,
				"always 50%, Brier "+textout.Num(c.half.Brier),
				fmt.Sprintf("always the base rate (%s), Brier %s", textout.Percent(c.base.P), textout.Num(c.base.Brier)))...)
		}
	} else {
		panels = murphyPanels(st, curves, top, ch.BodyWidth())
		ch.Body = panels
		ch.Notes = append(ch.Notes, "Under each name: the number of forecasts and the Brier score. The panels share their scales.")
		ch.Legend = append(ch.Legend, murphyRefLegend(st, "always 50%", "always the group's base rate")...)
	}
	if len(curves) == 1 || panels != nil {
		ch.Notes = append(ch.Notes, "Grey lines: what always saying 50%, and always saying the base rate (known only afterwards), "+
			"would have cost each decision maker on the same outcomes; where the forecasts' curve is below one, they beat it for that θ.")
	}
	ch.Notes = append(ch.Notes,
		"The area under a curve is half the Brier score: the Brier score weighs every decision maker alike. "+
			"The curve jumps at each forecast value, where the decision to act changes.")
	ch.Warnings = append(ch.Warnings, groupNotes(smallNote(gs, "diagram"), left, all)...)
	if panels != nil {
		ch.FitBody(panels.HeightFor(ch.BodyWidth()))
	} else {
		ch.GrowBody(figure.MinBody)
	}
	return ch, nil
}

// murphyOverlay is the most curves drawn over each other in one diagram;
// more get a panel each.
const murphyOverlay = 4

// murphyPlot is a Murphy diagram of the curves, its loss axis up to top.
func murphyPlot(st *figure.ChartStyle, curves []*murphyCurve, top float64) *plot.Plot {
	yLabel := "Mean loss per forecast"
	if st.FixedHeight {
		yLabel = "Mean loss" // a plot fitted to a slide is too low for the rest
	}
	p := st.NewPlot("Threshold θ: act when the forecast is above it", yLabel)
	figure.PercentAxis(&p.X)
	p.Y.Min, p.Y.Max = 0, top
	st.AddGrid(p, true, true)
	p.Add(&murphyLines{style: st, curves: curves})
	return p
}

// murphyPanels lays out a Murphy diagram for each curve, in as many
// columns as keep the panels legible at width w, all in the first series'
// colour and on one scale: each panel's title names its group, with its
// count and Brier score under it.
func murphyPanels(st *figure.ChartStyle, curves []*murphyCurve, top float64, w vg.Length) *figure.PlotGrid {
	row := figure.PlotGrid{Aspect: 0.6, Gap: 4 * vg.Millimeter, Style: st}
	return figure.SmallMultiples(len(curves), w, row, func(k int) ([]*plot.Plot, figure.PanelTitle) {
		c := *curves[k]
		c.group = inPanel(c.group)
		p := murphyPlot(st, []*murphyCurve{&c}, top)
		p.X.Label.Text, p.Y.Label.Text = "Threshold θ", "Mean loss"
		p.X.Tick.Marker = figure.PercentTicks{Step: 0.5}
		return []*plot.Plot{p}, figure.PanelTitle{Name: c.group.title(),
			Caption: fmt.Sprintf("%s\nBrier %s", forecastsText(c.group.table.N()), textout.Num(c.brier))}
	})
}

// murphyCurve is one group's line of a Murphy diagram, with the lines of
// always 50% and always its base rate.
type murphyCurve struct {
	group        *chartGroup
	theta, score []float64
	brier        float64
	half, base   evaluate.MurphyReference
}

// murphyRefStyles are the grey lines of always 50% (dashed) and always the
// base rate (dotted).
func murphyRefStyles(st *figure.ChartStyle) (half, base draw.LineStyle) {
	return draw.LineStyle{Color: st.Muted, Width: 1, Dashes: []vg.Length{4, 3}},
		draw.LineStyle{Color: st.Muted, Width: 1, Dashes: []vg.Length{1.5, 2}}
}

// murphyRefLegend labels the reference lines.
func murphyRefLegend(st *figure.ChartStyle, half, base string) []figure.LegendEntry {
	h, b := murphyRefStyles(st)
	return []figure.LegendEntry{{Label: half, Thumbs: []plot.Thumbnailer{figure.LineThumbnail(h)}},
		{Label: base, Thumbs: []plot.Thumbnailer{figure.LineThumbnail(b)}}}
}

// murphyLines is the plotter of MurphyChart: a line per group.
type murphyLines struct {
	style  *figure.ChartStyle
	curves []*murphyCurve
}

// Plot implements plot.Plotter.
func (m *murphyLines) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	stroke := func(style draw.LineStyle, theta, score []float64) {
		line := make([]vg.Point, len(theta))
		for i := range theta {
			line[i] = vg.Point{X: trX(theta[i]), Y: trY(score[i])}
		}
		c.StrokeLines(style, c.ClipLinesXY(line)...)
	}
	if len(m.curves) == 1 { // one group: its references, under its curve
		hs, bs := murphyRefStyles(m.style)
		mc := m.curves[0]
		stroke(hs, mc.half.Theta, mc.half.Score)
		stroke(bs, mc.base.Theta, mc.base.Score)
	}
	for _, mc := range m.curves {
		line := make([]vg.Point, len(mc.theta))
		for i := range mc.theta {
			line[i] = vg.Point{X: trX(mc.theta[i]), Y: trY(mc.score[i])}
		}
		c.StrokeLines(m.style.LineStyle(mc.group.index), c.ClipLinesXY(line)...)
	}
}
