package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// ReliabilityOptions adjusts ReliabilityChart.
type ReliabilityOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
}

// Thresholds of ReliabilityChart.
const (
	// reliabilityOverlay is the most groups drawn over each other in
	// one diagram; more get a diagram each.
	reliabilityOverlay = 4
	// idLabelMost is the most forecasts of a lone group whose points are
	// labelled, with the ids of their cases or, with no ids, their counts.
	idLabelMost = 12
	// countLabelBelow: a group of fewer forecasts is small: its sharpness
	// histogram is bars, not an outline.
	countLabelBelow = 100
)

// ReliabilityChart draws the reliability diagram of each group: the
// observed frequency of the event against the forecast probability. Each
// bin of forecasts is a point at its mean forecast and observed frequency
// with its Wilson 95% interval; the step line is the CORP recalibration
// (Dimitriadis, Gneiting & Jordan 2021), the observed frequency refitted
// by pool-adjacent-violators as a non-decreasing function of the forecast;
// the band around the diagonal is where 95% of such lines fall when the
// outcomes are drawn from calibrated forecasts. Under the diagram a
// histogram counts the forecasts in each bin. The Brier score and its CORP
// terms (MCB − DSC + UNC) stand beside the diagram, each explained.
//
// Up to four groups share one diagram, told apart by colour and marker;
// more get a diagram each, small multiples in the first series' colour,
// titled with the group's name, count and Brier score, in as many columns
// as keep them legible: more groups make the figure taller, never the
// panels smaller. Then groups of fewer than 3 forecasts get no panel, and
// at most 30 groups, those with the most forecasts, get one; a note names
// those left out. The points of a lone group of at most 12
// forecasts are labelled with the ids of their cases, or with their
// counts when the cases have no ids; a note says when there are too few
// forecasts to judge calibration. Where several groups share a diagram,
// those of fewer than 30 forecasts get no band, and a note says so: their
// bands cover most of the diagram and, over each other, hide the points.
func ReliabilityChart(d *evaluate.ReliabilityData, opt ReliabilityOptions) (*figure.Chart, error) {
	all, gs, left := groupsToDraw(d.ChartGroups, reliabilityOverlay, "diagram")
	st := figure.StyleOr(opt.Style)
	nb, reps := d.Bins, d.Replicates
	overlay := len(gs) <= reliabilityOverlay
	rs := make([]*reliability, len(gs))
	var bandless []string
	band := false
	for i, g := range gs {
		r := reps
		if overlay && len(gs) > 1 && g.table.N() < smallSample && reps > 0 {
			// Such a band covers most of the diagram, and over another
			// group's it hides the points.
			r = -1
			bandless = append(bandless, g.title())
		}
		rs[i] = newReliability(g, d.Groups[g.pos], nb, r > 0)
		band = band || rs[i].band != nil
	}
	labels := labelMode(gs)
	if st.FixedHeight {
		// A diagram fitted to a slide or handout has no room for labels
		// among its points: the histogram under it gives the counts.
		labels = labelNone
	}

	ch := figure.NewChart(st, opt.Title, "Reliability: did the events happen as often as forecast?",
		"Observed frequency against forecast probability: points above the diagonal mean the event "+
			"happened more often than forecast, points below it less often.")
	ch.Legend = reliabilityLegend(st, gs, band, overlay)

	var grid *figure.PlotGrid
	if overlay {
		main, hist := reliabilityPlots(st, rs, labels, !st.FixedHeight)
		side := corpText(st, rs)
		grid = &figure.PlotGrid{
			Plots:     [][]*plot.Plot{{main}, {hist}},
			Heights:   []float64{1, histShare},
			Gaps:      []vg.Length{2.5 * vg.Millimeter},
			Square:    true,
			Side:      side,
			SideWidth: max(5.2*vg.Centimeter, side.TableWidth()),
		}
		ch.SidePanel(grid)
	} else {
		grid = reliabilityPanels(st, rs, labels, ch.BodyWidth())
		for _, r := range rs {
			ch.Notes = append(ch.Notes, fmt.Sprintf("%s: %s, %s; %s.", r.group.title(), forecastsText(r.table.N()),
				eventsText(r.table), corpLine(r.corp)))
		}
		ch.Notes = append(ch.Notes, "Bars under each diagram: the forecasts in each bin, on one scale in every panel. Brier score = MCB − DSC + UNC. MCB, miscalibration: how much recalibrating the forecasts "+
			"(the step line) would lower the score. DSC, discrimination: how much the recalibrated forecasts beat always "+
			"forecasting the base rate. UNC, uncertainty: the score of always forecasting the base rate.")
	}
	ch.Body = grid

	how := fmt.Sprintf("Points: the forecasts in each of %d equal bins, at their mean forecast, with Wilson 95%% intervals.", nb)
	if band {
		how += fmt.Sprintf(" Band: where 95%% of step lines fall if the forecasts are calibrated (%s resamples, seed %d).",
			figure.CountText(float64(reps)), d.Seed)
	}
	ch.Notes = append(ch.Notes, how)
	if len(bandless) > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("No band for %s: with fewer than %d forecasts almost any step line is consistent "+
			"with calibration, and the band would hide the other groups' points.", joinNames(bandless), smallSample))
	}
	if labels == labelIDs {
		ch.Notes = append(ch.Notes, "Each point is labelled with the cases in its bin.")
	} else if labels == labelCounts {
		ch.Notes = append(ch.Notes, "The number beside a point is how many forecasts its bin holds.")
	}
	small := strings.Replace(smallNote(gs, "diagram"), "not a pattern", "not calibration", 1)
	ch.Warnings = append(ch.Warnings, groupNotes(small, left, all)...)
	ch.FitBody(grid.HeightFor(ch.BodyWidth()))
	return ch, nil
}

// histShare is the height of the histogram under a reliability diagram,
// as a share of the diagram's.
const histShare = 0.3

// reliability is what a reliability diagram draws of one group.
type reliability struct {
	group *chartGroup
	table analysis.Table
	nbins int
	bins  []analysis.Bin
	corp  analysis.CORPDecomposition
	steps []vg.Point // the CORP step line, in data units
	band  *analysis.ConsistencyBand
}

// newReliability is the group's diagram from its data, with its band when
// band is set.
func newReliability(g *chartGroup, d *evaluate.ReliabilityGroup, nbins int, band bool) *reliability {
	r := &reliability{group: g, table: g.table, nbins: nbins, bins: d.Bins, corp: d.CORP}
	for _, p := range d.Steps {
		r.steps = append(r.steps, vg.Point{X: vg.Length(p.X), Y: vg.Length(p.Y)})
	}
	if band {
		r.band = d.Band
	}
	return r
}

type pointLabels int

const (
	labelNone pointLabels = iota
	labelCounts
	labelIDs
)

// labelMode decides what labels the points of a chart: the ids of the
// cases for one small group of named cases, counts for small groups.
func labelMode(gs []*chartGroup) pointLabels {
	if len(gs) != 1 || gs[0].table.N() > idLabelMost {
		return labelNone // the histogram gives the counts
	}
	g := gs[0]
	if len(g.cases) > 0 && g.ids(analysis.Distinct, 0, g.cases[0].P) != nil {
		return labelIDs
	}
	return labelCounts
}

// reliabilityPlots builds the diagram and the histogram under it for the
// groups drawn together; wide says whether it has room for six percent
// labels.
func reliabilityPlots(st *figure.ChartStyle, rs []*reliability, labels pointLabels, wide bool) (main, hist *plot.Plot) {
	main = st.NewPlot("", "Observed frequency")
	figure.PercentAxis(&main.X)
	figure.PercentAxis(&main.Y)
	var ticks plot.Ticker = figure.PercentTicks{}
	if !wide {
		ticks = figure.PercentTicks{Step: 0.5}
	}
	main.X.Tick.Marker = figure.UnlabelledTicks{Ticker: ticks}
	main.Y.Tick.Marker = figure.PercentTicks{Step: 0.25}
	st.AddGrid(main, true, true)
	main.Add(&reliabilityMarks{style: st, rs: rs, labels: labels})

	hist = st.NewPlot("Forecast probability", "Forecasts")
	figure.PercentAxis(&hist.X)
	hist.X.Tick.Marker = ticks
	h := &binCounts{style: st, rs: rs}
	hist.Y.Min, hist.Y.Max = 0, h.most()*1.08
	hist.Y.Tick.Marker = figure.CountTicks{Most: 4}
	if st.FixedHeight {
		hist.Y.Tick.Marker = figure.CountTicks{Most: 2} // a short histogram on a slide: room for two labels
	}
	st.AddGrid(hist, false, true)
	hist.Add(h)
	if !wide {
		// A small panel's axis is too short for the words.
		main.Y.Label.Text = "Observed"
		hist.Y.Label.Text = ""
	}
	return main, hist
}

// reliabilityPanels lays out a diagram with its histogram for each group,
// in as many columns as keep the panels legible at width w, all in the
// first series' colour: each panel's title names its group, with its
// count and Brier score under it. The panels share their scales, so only
// the first column labels them.
func reliabilityPanels(st *figure.ChartStyle, rs []*reliability, labels pointLabels, w vg.Length) *figure.PlotGrid {
	var most float64
	for _, r := range rs {
		most = max(most, (&binCounts{rs: []*reliability{r}}).most())
	}
	row := figure.PlotGrid{Square: true, Gap: 4 * vg.Millimeter, Style: st,
		Heights: []float64{1, histShare}, Gaps: []vg.Length{2.5 * vg.Millimeter}}
	return figure.SmallMultiples(len(rs), w, row, func(k int) ([]*plot.Plot, figure.PanelTitle) {
		r := *rs[k]
		r.group = inPanel(r.group)
		main, hist := reliabilityPlots(st, []*reliability{&r}, labels, false)
		hist.Y.Max = most * 1.08 // the same scale in every panel
		hist.Y.Tick.Marker = figure.CountTicks{Most: 2}
		return []*plot.Plot{main, hist}, figure.PanelTitle{Name: r.group.title(),
			Caption: fmt.Sprintf("%s\nBrier %s", forecastsText(r.table.N()), textout.Num(r.corp.Score))}
	})
}

// reliabilityMarks is the plotter of the diagram: the bands, the
// diagonal, the step lines, the intervals and points, and their labels,
// for every group, each layer over the one before.
type reliabilityMarks struct {
	style  *figure.ChartStyle
	rs     []*reliability
	labels pointLabels
}

const pointRadius = vg.Length(3.5)

// Plot implements plot.Plotter.
func (m *reliabilityMarks) Plot(c draw.Canvas, plt *plot.Plot) {
	st := m.style
	trX, trY := plt.Transforms(&c)
	at := func(x, y float64) vg.Point { return vg.Point{X: trX(x), Y: trY(y)} }
	one := len(m.rs) == 1

	for _, r := range m.rs {
		if r.band == nil {
			continue
		}
		clr := figure.Translucent(st.SeriesColor(r.group.index), 0.16)
		if one {
			clr = figure.Translucent(st.Text, 0.12)
		}
		b := r.band
		if len(b.P) == 1 {
			w := vg.Length(4)
			c.FillPolygon(clr, []vg.Point{
				{X: trX(b.P[0]) - w, Y: trY(b.Lo[0])}, {X: trX(b.P[0]) + w, Y: trY(b.Lo[0])},
				{X: trX(b.P[0]) + w, Y: trY(b.Hi[0])}, {X: trX(b.P[0]) - w, Y: trY(b.Hi[0])},
			})
			continue
		}
		var poly []vg.Point
		for i := range b.P {
			poly = append(poly, at(b.P[i], b.Hi[i]))
		}
		for i := len(b.P) - 1; i >= 0; i-- {
			poly = append(poly, at(b.P[i], b.Lo[i]))
		}
		c.FillPolygon(clr, c.ClipPolygonXY(poly))
	}

	c.StrokeLine2(diagonalStyle(st), trX(0), trY(0), trX(1), trY(1))

	for _, r := range m.rs {
		sty := st.LineStyle(r.group.index)
		steps := r.steps
		if len(steps) == 1 {
			p := at(float64(steps[0].X), float64(steps[0].Y))
			c.StrokeLine2(sty, p.X-6, p.Y, p.X+6, p.Y)
			continue
		}
		line := make([]vg.Point, len(steps))
		for i, p := range steps {
			line[i] = at(float64(p.X), float64(p.Y))
		}
		c.StrokeLines(sty, c.ClipLinesXY(line)...)
	}

	var labels []figure.MarkLabel
	for _, r := range m.rs {
		clr := st.SeriesColor(r.group.index)
		bar := draw.LineStyle{Color: clr, Width: 1.2}
		for _, b := range r.bins {
			x, lo, hi := trX(b.MeanForecast), trY(b.ObservedLo), trY(b.ObservedHi)
			c.StrokeLine2(bar, x, lo, x, hi)
			c.StrokeLine2(bar, x-2.5, lo, x+2.5, lo)
			c.StrokeLine2(bar, x-2.5, hi, x+2.5, hi)
		}
		for _, b := range r.bins {
			p := at(b.MeanForecast, b.Observed)
			halo := st.GlyphStyle(r.group.index, pointRadius+1.2)
			halo.Color, halo.Shape = color.White, figure.SeriesGlyph(r.group.index).Halo()
			c.DrawGlyphNoClip(halo, p)
			c.DrawGlyphNoClip(st.GlyphStyle(r.group.index, pointRadius), p)
			if text := m.label(r, b); text != nil {
				sty := st.TextStyle(st.SmallSize)
				if !one {
					sty.Color = clr
				}
				labels = append(labels, figure.MarkLabel{At: p, Clear: pointRadius + 1, Lines: text, Style: sty})
			}
		}
	}
	if len(labels) > 0 {
		// The intervals are in the way of labels too.
		var avoid []vg.Rectangle
		for _, r := range m.rs {
			for _, b := range r.bins {
				x := trX(b.MeanForecast)
				avoid = append(avoid, vg.Rectangle{Min: vg.Point{X: x - 2.5, Y: trY(b.ObservedLo)}, Max: vg.Point{X: x + 2.5, Y: trY(b.ObservedHi)}},
					figure.BoxAround(vg.Point{X: x, Y: trY(b.Observed)}, pointRadius+1)) // and so are the other points
			}
		}
		lines := [][]vg.Point{{at(0, 0), at(1, 1)}}
		for _, r := range m.rs {
			var line []vg.Point
			for _, p := range r.steps {
				line = append(line, at(float64(p.X), float64(p.Y)))
			}
			lines = append(lines, line)
		}
		figure.PlaceLabels(c, labels, avoid, lines, draw.LineStyle{Color: st.Text, Width: 0.7})
	}
}

// label is what labels a bin's point: its cases' ids or its count.
func (m *reliabilityMarks) label(r *reliability, b analysis.Bin) []string {
	switch m.labels {
	case labelIDs:
		return r.group.ids(r.nbins, b.Index, b.MeanForecast)
	case labelCounts:
		return []string{"n = " + figure.CountText(b.N)}
	}
	return nil
}

// GlyphBoxes implements plot.GlyphBoxer: the points, so that one at an
// edge is not cut off.
func (m *reliabilityMarks) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	r := pointRadius + 1.2
	for _, rel := range m.rs {
		for _, b := range rel.bins {
			boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(b.MeanForecast), Y: plt.Y.Norm(b.Observed), Rectangle: figure.BoxAround(vg.Point{}, r)})
		}
	}
	return boxes
}

// diagonalStyle is the line of perfect calibration, and of no
// discrimination on a ROC curve.
func diagonalStyle(st *figure.ChartStyle) draw.LineStyle {
	return draw.LineStyle{Color: st.Muted, Width: 1, Dashes: []vg.Length{4, 3}}
}

// binCounts is the plotter of the histogram under a reliability diagram:
// the number of forecasts in each bin, the groups' bars side by side.
type binCounts struct {
	style *figure.ChartStyle
	rs    []*reliability
}

func (h *binCounts) most() float64 {
	most := 1.0
	for _, r := range h.rs {
		for _, b := range r.bins {
			most = max(most, b.N)
		}
	}
	return most
}

// Plot implements plot.Plotter.
func (h *binCounts) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(h.rs)
	for gi, r := range h.rs {
		clr := h.style.SeriesColor(r.group.index)
		for _, b := range r.bins {
			x0, x1 := trX(b.Lo), trX(b.Hi)
			w := (x1 - x0 - 2) / vg.Length(n)
			left := x0 + 1 + w*vg.Length(gi)
			c.FillPolygon(clr, c.ClipPolygonY([]vg.Point{
				{X: left, Y: trY(0)}, {X: left + w, Y: trY(0)},
				{X: left + w, Y: trY(b.N)}, {X: left, Y: trY(b.N)},
			}))
		}
	}
}

// reliabilityLegend explains the marks: the groups, then what each kind
// of mark is.
func reliabilityLegend(st *figure.ChartStyle, gs []*chartGroup, band, overlay bool) []figure.LegendEntry {
	var out []figure.LegendEntry
	mark := 0                   // the series the generic marks are drawn in
	if len(gs) > 1 && overlay { // panels have titles instead, and the first series' marks
		for _, g := range gs {
			out = append(out, figure.LegendEntry{Label: g.label(), Thumbs: []plot.Thumbnailer{st.SeriesThumb(g.index, true, true)}})
		}
		mark = -1
	}
	clr := st.Text
	if mark >= 0 {
		clr = st.SeriesColor(mark)
	}
	out = append(out, figure.LegendEntry{Label: "bin, with 95% interval", Thumbs: []plot.Thumbnailer{figure.ThumbnailFunc(func(c *draw.Canvas) {
		x, y := c.Center().X, c.Center().Y
		bar := draw.LineStyle{Color: clr, Width: 1.2}
		c.StrokeLine2(bar, x, c.Min.Y, x, c.Max.Y)
		c.DrawGlyphNoClip(draw.GlyphStyle{Color: clr, Radius: 3.2, Shape: draw.CircleGlyph{}}, vg.Point{X: x, Y: y})
	})}})
	out = append(out, figure.LegendEntry{Label: "recalibrated (CORP)", Thumbs: []plot.Thumbnailer{
		figure.LineThumbnail(draw.LineStyle{Color: clr, Width: st.LineWidth}),
	}})
	if band {
		shade := figure.Translucent(st.Text, 0.12)
		out = append(out, figure.LegendEntry{Label: "consistency band", Thumbs: []plot.Thumbnailer{figure.ShadeThumbnail(shade)}})
	}
	out = append(out, figure.LegendEntry{Label: "calibrated", Thumbs: []plot.Thumbnailer{figure.LineThumbnail(diagonalStyle(st))}})
	return out
}

// corpText is the side text of a reliability diagram: a table of each
// group's size and Brier score split into the CORP terms, then what the
// terms mean.
func corpText(st *figure.ChartStyle, rs []*reliability) *figure.TextBlock {
	b := &figure.TextBlock{}
	small := st.TextStyle(st.SmallSize)
	if len(rs) == 1 && rs[0].group.name != "" {
		b.Add(figure.TextPara{Text: rs[0].group.name, Style: st.BoldStyle(st.SmallSize), Space: 0})
	}
	if len(rs) > 1 {
		var marks []figure.ThumbnailFunc
		for _, r := range rs {
			marks = append(marks, st.SeriesThumb(r.group.index, true, true))
		}
		b.Add(figure.TextPara{Style: small, Marks: marks})
	}
	row := func(label string, v func(r *reliability) string) {
		cells := []string{label}
		for _, r := range rs {
			cells = append(cells, v(r))
		}
		b.Add(figure.TextPara{Style: small, Cells: cells, Space: 1})
	}
	row("Forecasts", func(r *reliability) string { return figure.CountText(r.table.N()) })
	row("Events", func(r *reliability) string { return figure.CountText(r.table.Yes()) })
	row("Base rate", func(r *reliability) string { return textout.Percent(r.table.Yes() / r.table.N()) })
	row("Brier score", func(r *reliability) string { return textout.Num(r.corp.Score) })
	row("= MCB", func(r *reliability) string { return textout.Num(r.corp.Miscalibration) })
	row("− DSC", func(r *reliability) string { return textout.Num(r.corp.Discrimination) })
	row("+ UNC", func(r *reliability) string { return textout.Num(r.corp.Uncertainty) })
	note := st.TextStyle(st.NoteSize)
	note.Color = st.Muted
	for i, s := range []string{
		"Brier score: the mean squared gap between forecast and outcome; 0 is perfect, always 50% scores 0.25.",
		"MCB, miscalibration: how much recalibrating the forecasts (the step line) would lower the score.",
		"DSC, discrimination: how much the recalibrated forecasts beat always forecasting the base rate.",
		"UNC, uncertainty: the score of always forecasting the base rate; the events alone set it.",
	} {
		space := vg.Length(3)
		if i == 0 {
			space = 10
		}
		b.Add(figure.TextPara{Text: s, Style: note, Space: space})
	}
	return b
}

// eventsText is how many forecasts the event followed, and what share.
func eventsText(t analysis.Table) string {
	yes := t.Yes()
	word := "events"
	if yes == 1 {
		word = "event"
	}
	return fmt.Sprintf("%s %s (%s)", figure.CountText(yes), word, textout.Percent(yes/t.N()))
}

// corpLine is the Brier score split into its CORP terms.
func corpLine(d analysis.CORPDecomposition) string {
	return fmt.Sprintf("Brier %s = MCB %s − DSC %s + UNC %s", textout.Num(d.Score), textout.Num(d.Miscalibration),
		textout.Num(d.Discrimination), textout.Num(d.Uncertainty))
}
