package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// ROCOptions adjusts ROCChart.
type ROCOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
}

// Thresholds of ROCChart.
const (
	// rocMarksMost is the most points of a curve marked with its glyph;
	// a curve of more is a plain line.
	rocMarksMost = 30
	// rocLabelsMost is the most points of a lone curve labelled with
	// their thresholds.
	rocLabelsMost = 12
	// rocOverlay is the most curves drawn over each other in one plot;
	// more get a panel each.
	rocOverlay = 4
)

// rocPlot is a ROC plot of the curves, their points labelled with their
// thresholds when labelled is set.
func rocPlot(st *figure.ChartStyle, curves []*rocCurve, labelled bool) *plot.Plot {
	p := st.NewPlot("False-alarm rate: share of non-events warned of", "Hit rate: share of events warned of")
	figure.PercentAxis(&p.X)
	figure.PercentAxis(&p.Y)
	if st.FixedHeight {
		// A plot fitted to a height is narrow: fewer labels, the same on both axes.
		p.X.Tick.Marker = figure.PercentTicks{Step: 0.25}
		p.Y.Tick.Marker = figure.PercentTicks{Step: 0.25}
	}
	st.AddGrid(p, true, true)
	p.Add(&rocMarks{style: st, curves: curves, labels: labelled})
	return p
}

// rocPanels lays out a ROC plot for each curve, in as many columns as keep
// the panels legible at width w, all in the first series' colour: each
// panel's title names its group, with its count and AUC under it. Only
// the first column labels the hit rate and the lowest panels the
// false-alarm rate.
func rocPanels(st *figure.ChartStyle, curves []*rocCurve, w vg.Length) *figure.PlotGrid {
	row := figure.PlotGrid{Square: true, Gap: 4 * vg.Millimeter, Style: st}
	return figure.SmallMultiples(len(curves), w, row, func(k int) ([]*plot.Plot, figure.PanelTitle) {
		c := *curves[k]
		c.group = inPanel(c.group)
		p := rocPlot(st, []*rocCurve{&c}, false)
		p.X.Label.Text, p.Y.Label.Text = "False alarms", "Hits"
		p.X.Tick.Marker = figure.PercentTicks{Step: 0.5}
		p.Y.Tick.Marker = figure.PercentTicks{Step: 0.5}
		return []*plot.Plot{p}, figure.PanelTitle{Name: c.group.title(),
			Caption: fmt.Sprintf("%s\nAUC %s", forecastsText(c.group.table.N()), aucText(c.auc))}
	})
}

// ROCChart draws the ROC curve of each group (analysis.ROC): for every
// threshold, warning whenever the forecast is at least that high, the
// share of events warned of (hit rate) against the share of non-events
// (false-alarm rate), from never warning at (0, 0) to always warning at
// (1, 1). The diagonal is a forecaster no better than chance. The legend
// and the text beside the curve give each group's AUC, the chance that a
// forecast followed by the event was higher than one that was not. Up to
// four curves share one plot; more get a panel each, laid out and chosen
// as ReliabilityChart's are, the AUC under each panel's title. A lone
// curve of a few points has each point labelled with its threshold.
// Where overlaid curves run together (two groups both of AUC 0 coincide
// all along), the earlier is drawn wider, a border round the later, and a
// note names them. A group with no events or no non-events has no curve
// and is named in a note.
func ROCChart(d *evaluate.ROCData, opt ROCOptions) (*figure.Chart, error) {
	gs, empty := chartGroups(d.ChartGroups)
	several := len(gs)+len(empty) > 1 // name the groups even when one is left
	st := figure.StyleOr(opt.Style)
	var withCurve []*chartGroup
	var skipped []string
	for _, g := range gs {
		if math.IsNaN(d.Groups[g.pos].AUC) {
			skipped = append(skipped, g.title())
			continue
		}
		withCurve = append(withCurve, g)
	}
	if len(withCurve) == 0 {
		return nil, errors.New("no ROC curve to draw: every group has only events or only non-events")
	}
	drawn, left := panelGroups(withCurve, rocOverlay, "curve")
	curves := make([]*rocCurve, len(drawn))
	for i, g := range drawn {
		curves[i] = &rocCurve{group: g, points: d.Groups[g.pos].Points, auc: d.Groups[g.pos].AUC}
	}
	overlay := len(curves) <= rocOverlay

	ch := figure.NewChart(st, opt.Title, "Discrimination: did the events that happened get higher forecasts?",
		"Each point is a threshold: warn whenever the forecast is at least that high. Curves towards "+
			"the top left tell events from non-events better; the diagonal is no better than chance.")
	var grid *figure.PlotGrid
	labelled := !several && len(curves[0].points) <= rocLabelsMost+1
	if overlay {
		p := rocPlot(st, curves, labelled)
		for _, c := range curves {
			label := "ROC curve, AUC " + aucText(c.auc)
			if several {
				label = fmt.Sprintf("%s, AUC %s", c.group.label(), aucText(c.auc))
			}
			ch.Legend = append(ch.Legend, figure.LegendEntry{Label: label, Thumbs: []plot.Thumbnailer{
				st.SeriesThumb(c.group.index, len(c.points) <= rocMarksMost+1, true),
			}})
		}
		grid = &figure.PlotGrid{Plots: [][]*plot.Plot{{p}}, Square: true, Side: rocText(st, curves)}
		grid.SideWidth = max(5.2*vg.Centimeter, grid.Side.TableWidth())
		ch.SidePanel(grid)
		if side := grid.DataWidth(ch.BodyWidth()); st.FixedHeight || p.Y.Label.TextStyle.Width(p.Y.Label.Text) > side ||
			p.X.Label.TextStyle.Width(p.X.Label.Text) > 1.4*side {
			// The table beside the plot leaves it too small for the words.
			p.X.Label.Text, p.Y.Label.Text = "False-alarm rate", "Hit rate"
			ch.Notes = append(ch.Notes, "Hit rate: the share of events warned of. False-alarm rate: the share of non-events warned of.")
		}
	} else {
		grid = rocPanels(st, curves, ch.BodyWidth())
		marked := false // some curves have their points marked
		for _, c := range curves {
			marked = marked || len(c.points) <= rocMarksMost+1
		}
		ch.Legend = append(ch.Legend, figure.LegendEntry{Label: "ROC curve", Thumbs: []plot.Thumbnailer{st.SeriesThumb(0, marked, true)}})
		ch.Notes = append(ch.Notes, "Under each name: the AUC, the area under the curve: the chance that a forecast followed by "+
			"the event was higher than one that was not, ties counting half. 0.5 is no better than chance, 1 tells them "+
			"apart every time.")
	}
	ch.Legend = append(ch.Legend, figure.LegendEntry{Label: "no better than chance", Thumbs: []plot.Thumbnailer{figure.LineThumbnail(diagonalStyle(st))}})
	ch.Body = grid

	if labelled {
		ch.Notes = append(ch.Notes, "Each point is labelled with its threshold: warning at that forecast or higher.")
	}
	if overlay {
		if note := coincidenceNote(curves); note != "" {
			ch.Notes = append(ch.Notes, note)
		}
	}
	if len(skipped) > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("No curve for %s: a ROC curve needs both events and non-events.", joinNames(skipped)))
	}
	if n := emptyNote(empty); n != "" {
		left = append([]string{n}, left...)
	}
	ch.Warnings = append(ch.Warnings, groupNotes(smallNote(drawn, "curve"), left, append(gs, empty...))...)
	ch.FitBody(grid.HeightFor(ch.BodyWidth()))
	return ch, nil
}

// aucText writes an AUC with two decimals.
func aucText(v float64) string { return fmt.Sprintf("%.2f", v) }

// rocCurve is the ROC curve of one group.
type rocCurve struct {
	group  *chartGroup
	points []analysis.ROCPoint
	auc    float64
}

// rocMarks is the plotter of ROCChart: the diagonal, then each group's
// curve and points, then the threshold labels.
type rocMarks struct {
	style  *figure.ChartStyle
	curves []*rocCurve
	labels bool
}

// Plot implements plot.Plotter.
func (m *rocMarks) Plot(c draw.Canvas, plt *plot.Plot) {
	st := m.style
	trX, trY := plt.Transforms(&c)
	c.StrokeLine2(diagonalStyle(st), trX(0), trY(0), trX(1), trY(1))
	var labels []figure.MarkLabel
	var lines [][]vg.Point
	pts := make([][]xy, len(m.curves))
	for k, rc := range m.curves {
		pts[k] = rc.xys()
	}
	together, _ := runTogether(pts)
	for k, rc := range m.curves {
		// Where later curves run along this one, a border round them.
		for _, cs := range casings(pts, together, k) {
			casing := draw.LineStyle{Color: st.SeriesColor(rc.group.index), Width: st.LineWidth + vg.Length(cs.n)*rocCasing}
			line := make([]vg.Point, len(cs.pts))
			for i, p := range cs.pts {
				line[i] = vg.Point{X: trX(p.x), Y: trY(p.y)}
			}
			c.StrokeLines(casing, line)
		}
		line := make([]vg.Point, len(rc.points))
		for i, pt := range rc.points {
			line[i] = vg.Point{X: trX(pt.FPR), Y: trY(pt.TPR)}
		}
		c.StrokeLines(st.LineStyle(rc.group.index), line)
		lines = append(lines, line)
		if len(rc.points) > rocMarksMost+1 {
			continue
		}
		for i, pt := range rc.points {
			if i == 0 {
				continue // never warning: the corner every curve starts at
			}
			halo := st.GlyphStyle(rc.group.index, pointRadius+1.2)
			halo.Color, halo.Shape = color.White, figure.SeriesGlyph(rc.group.index).Halo()
			c.DrawGlyphNoClip(halo, line[i])
			c.DrawGlyphNoClip(st.GlyphStyle(rc.group.index, pointRadius), line[i])
			if m.labels {
				labels = append(labels, figure.MarkLabel{At: line[i], Clear: pointRadius + 1, Lines: []string{"≥ " + textout.Percent(pt.Threshold)},
					Style: st.TextStyle(st.SmallSize)})
			}
		}
	}
	if len(labels) > 0 {
		lines = append(lines, []vg.Point{{X: trX(0), Y: trY(0)}, {X: trX(1), Y: trY(1)}})
		figure.PlaceLabels(c, labels, nil, lines, draw.LineStyle{Color: st.Text, Width: 0.7})
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the points, so that those on
// the edges are not cut off.
func (m *rocMarks) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for _, rc := range m.curves {
		if len(rc.points) > rocMarksMost+1 {
			continue
		}
		for _, pt := range rc.points[1:] {
			boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(pt.FPR), Y: plt.Y.Norm(pt.TPR), Rectangle: figure.BoxAround(vg.Point{}, pointRadius+1.2)})
		}
	}
	return boxes
}

// rocText is the side text of a ROC chart: a table of each group's
// forecasts, events and AUC, and what the AUC means.
func rocText(st *figure.ChartStyle, curves []*rocCurve) *figure.TextBlock {
	b := &figure.TextBlock{}
	small := st.TextStyle(st.SmallSize)
	if len(curves) == 1 && curves[0].group.name != "" {
		b.Add(figure.TextPara{Text: curves[0].group.name, Style: st.BoldStyle(st.SmallSize)})
	}
	if len(curves) > 1 {
		var marks []figure.ThumbnailFunc
		for _, c := range curves {
			marks = append(marks, st.SeriesThumb(c.group.index, len(c.points) <= rocMarksMost+1, true))
		}
		b.Add(figure.TextPara{Style: small, Marks: marks})
	}
	row := func(label string, v func(c *rocCurve) string) {
		cells := []string{label}
		for _, c := range curves {
			cells = append(cells, v(c))
		}
		b.Add(figure.TextPara{Style: small, Cells: cells, Space: 1})
	}
	row("Forecasts", func(c *rocCurve) string { return figure.CountText(c.group.table.N()) })
	row("Events", func(c *rocCurve) string { return figure.CountText(c.group.table.Yes()) })
	row("Non-events", func(c *rocCurve) string { return figure.CountText(c.group.table.N() - c.group.table.Yes()) })
	row("AUC", func(c *rocCurve) string { return aucText(c.auc) })
	note := st.TextStyle(st.NoteSize)
	note.Color = st.Muted
	b.Add(figure.TextPara{Text: "AUC, the area under the curve: the chance that a forecast followed by the event was higher " +
		"than one that was not, ties counting half. 0.5 is no better than chance, 1 tells them apart every time, " +
		"and 0 gets every pair backwards.", Style: note, Space: 10})
	if len(curves) == 1 {
		c := curves[0]
		b.Add(figure.TextPara{Text: fmt.Sprintf("Here: of the %s pairs of an event and a non-event, the event had the higher forecast in %s, ties counting half.",
			figure.CountText(c.group.table.Yes()*(c.group.table.N()-c.group.table.Yes())), textout.Percent(c.auc)), Style: note, Space: 3})
	}
	return b
}
