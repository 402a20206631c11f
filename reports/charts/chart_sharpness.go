package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/evaluate"
)

// SharpnessOptions adjusts SharpnessChart.
type SharpnessOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
}

// sharpnessOverlay is the most groups whose histograms are drawn over
// each other, as outlines; more get a panel each.
const sharpnessOverlay = 4

// SharpnessChart draws how often each probability was forecast: a
// histogram of the forecasts of each group over equal bins from 0 to
// 100%. One group's is bars; up to four groups' are outlines over each
// other, told apart by colour and dashes (bars side by side when a group
// has fewer than 100 forecasts); more get a panel each, on one scale,
// laid out and chosen as ReliabilityChart's are. Each group's mean
// distance from 50%, in percentage points, says how bold its forecasts
// were, whether or not they were right: in a note, or under each panel's
// title.
func SharpnessChart(d *evaluate.SharpnessData, opt SharpnessOptions) (*figure.Chart, error) {
	all, gs, left := groupsToDraw(d.ChartGroups, sharpnessOverlay, "histogram")
	st := figure.StyleOr(opt.Style)
	nb := d.Bins
	hs := make([]*histogram, len(gs))
	var most float64
	for i, g := range gs {
		hs[i] = &histogram{group: g, counts: d.Groups[g.pos].Counts, dist: d.Groups[g.pos].Distance}
		most = max(most, hs[i].most())
	}

	ch := figure.NewChart(st, opt.Title, "Sharpness: how bold were the forecasts?",
		fmt.Sprintf("How many forecasts fell in each band of %s: piled at the ends, the forecasts were bold; "+
			"piled near 50%%, cautious. Boldness is not accuracy.", bandWidthText(nb)))

	// Several groups' histograms are outlines over each other, or, when
	// one is small, bars side by side: outlines of a few counts coincide.
	outline := len(hs) > 1 && len(hs) <= sharpnessOverlay
	for _, g := range gs {
		outline = outline && g.table.N() >= countLabelBelow
	}
	newPlot := func(hs []*histogram, wide bool) *plot.Plot {
		p := st.NewPlot("Forecast probability", "Forecasts")
		figure.PercentAxis(&p.X)
		if wide {
			p.X.Tick.Marker = figure.PercentTicks{Step: 0.1}
		} else {
			p.X.Tick.Marker = figure.PercentTicks{Step: 0.5}
		}
		p.Y.Min, p.Y.Max = 0, most*1.08
		p.Y.Tick.Marker = figure.CountTicks{Most: 5}
		st.AddGrid(p, false, true)
		p.Add(&histogramMarks{style: st, hs: hs, outline: outline})
		return p
	}
	var grid *figure.PlotGrid
	if len(hs) <= sharpnessOverlay {
		ch.Body = newPlot(hs, true)
		if len(hs) > 1 || hs[0].group.name != "" { // a named group says whose forecasts these are
			for _, h := range hs {
				thumb := figure.BarThumbnail(st.SeriesColor(h.group.index), 8)
				if outline {
					thumb = figure.LineThumbnail(st.LineStyle(h.group.index))
				}
				ch.Legend = append(ch.Legend, figure.LegendEntry{Label: h.group.label(), Thumbs: []plot.Thumbnailer{thumb}})
			}
		}
	} else {
		grid = sharpnessPanels(st, hs, ch.BodyWidth(), newPlot)
		ch.Body = grid
	}

	if len(hs) > sharpnessOverlay {
		ch.Notes = append(ch.Notes, "Under each name: how far from 50% the forecasts were, on average, in percentage points "+
			"(0 is always 50%, 50 always 0 or 100%). The panels share their scales.")
	} else {
		var bold []string
		for _, h := range hs {
			s := pointsText(h.dist)
			if len(hs) > 1 {
				s = h.group.name + " " + s
			}
			bold = append(bold, s)
		}
		ch.Notes = append(ch.Notes, fmt.Sprintf("How far from 50%% the forecasts were, on average: %s percentage points "+
			"(0 is always 50%%, 50 always 0 or 100%%).", joinNames(bold)))
	}
	ch.Warnings = append(ch.Warnings, groupNotes(smallNote(gs, "histogram"), left, all)...)
	if grid != nil {
		ch.FitBody(grid.HeightFor(ch.BodyWidth()))
	} else {
		ch.GrowBody(figure.MinBody)
	}
	return ch, nil
}

// sharpnessPanels lays out a histogram for each group, in as many columns
// as keep the panels legible at width w, all in the first series' colour:
// each panel's title names its group, with its count and how far from 50%
// its forecasts were under it. The panels share their scales, so only the
// first column labels its counts.
func sharpnessPanels(st *figure.ChartStyle, hs []*histogram, w vg.Length, newPlot func([]*histogram, bool) *plot.Plot) *figure.PlotGrid {
	row := figure.PlotGrid{Gap: 4 * vg.Millimeter, Aspect: 0.6, Style: st}
	return figure.SmallMultiples(len(hs), w, row, func(k int) ([]*plot.Plot, figure.PanelTitle) {
		h := *hs[k]
		h.group = inPanel(h.group)
		p := newPlot([]*histogram{&h}, false)
		p.Y.Tick.Marker = figure.CountTicks{Most: 3}
		return []*plot.Plot{p}, figure.PanelTitle{Name: h.group.title(),
			Caption: fmt.Sprintf("%s\n%s points from 50%%", forecastsText(h.group.table.N()), pointsText(h.dist))}
	})
}

// bandWidthText is the width of one of n bins: "5 points", "2.5 points".
func bandWidthText(n int) string {
	return strings.TrimSuffix(textout.Percent(1/float64(n)), "%") + " points"
}

// pointsText writes a distance in percentage points with one decimal.
func pointsText(v float64) string { return fmt.Sprintf("%.1f", 100*v) }

// histogram is one group's forecasts counted in equal bins.
type histogram struct {
	group  *chartGroup
	counts []float64 // per bin, empty ones too
	dist   float64   // the mean distance of the forecasts from 50%
}

func (h *histogram) most() float64 {
	most := 1.0
	for _, c := range h.counts {
		most = max(most, c)
	}
	return most
}

// outline is the histogram's outline in data units: from (0, 0) along
// the tops of the bars to (1, 0).
func (h *histogram) outline() []vg.Point {
	n := len(h.counts)
	pts := []vg.Point{{X: 0, Y: 0}}
	for k, c := range h.counts {
		x0, x1 := vg.Length(float64(k)/float64(n)), vg.Length(float64(k+1)/float64(n))
		pts = append(pts, vg.Point{X: x0, Y: vg.Length(c)}, vg.Point{X: x1, Y: vg.Length(c)})
	}
	return append(pts, vg.Point{X: 1, Y: 0})
}

// histogramMarks is the plotter of SharpnessChart: bars, the groups'
// side by side, or the outlines of the groups' histograms.
type histogramMarks struct {
	style   *figure.ChartStyle
	hs      []*histogram
	outline bool
}

// Plot implements plot.Plotter.
func (m *histogramMarks) Plot(c draw.Canvas, plt *plot.Plot) {
	st := m.style
	trX, trY := plt.Transforms(&c)
	mid := draw.LineStyle{Color: st.Muted, Width: 0.8, Dashes: []vg.Length{2, 2}}
	c.StrokeLine2(mid, trX(0.5), c.Min.Y, trX(0.5), c.Max.Y)
	for gi, h := range m.hs {
		clr := st.SeriesColor(h.group.index)
		if !m.outline {
			n := len(h.counts)
			for k, cnt := range h.counts {
				if cnt == 0 {
					continue
				}
				x0, x1 := trX(float64(k)/float64(n))+0.5, trX(float64(k+1)/float64(n))-0.5
				w := (x1 - x0) / vg.Length(len(m.hs))
				x0 += w * vg.Length(gi)
				x1 = x0 + w
				c.FillPolygon(clr, []vg.Point{{X: x0, Y: trY(0)}, {X: x1, Y: trY(0)}, {X: x1, Y: trY(cnt)}, {X: x0, Y: trY(cnt)}})
			}
			continue
		}
		var line []vg.Point
		for _, p := range h.outline() {
			line = append(line, vg.Point{X: trX(float64(p.X)), Y: trY(float64(p.Y))})
		}
		c.FillPolygon(figure.Translucent(clr, 0.08), line)
		c.StrokeLines(st.LineStyle(h.group.index), line)
	}
}
