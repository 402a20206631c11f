package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"errors"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// ScalesOptions adjusts ScalesChart.
type ScalesOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
	// Highlight marks one level of the ladder on every scale: each term
	// the scale puts at that level is drawn in the accent colour, and the
	// one the crosswalk reads the level as has its label in bold. "likely"
	// marks Kent's "probable", ICD 203's "likely", PHIA's "likely or
	// probable" and the survey's seven phrases from "usually" to "more
	// often than not", "likely" in bold. Empty marks nothing.
	Highlight forecasts.Level
	// Crosswalk says which term at Highlight each scale's level is read
	// as; nil means forecasts.BuiltinCrosswalk().
	Crosswalk *forecasts.Crosswalk
	// Match marks a word (evaluate.MatchWord), in place of Highlight: a
	// level as Highlight does; else every scale term that has the word as
	// its term or a synonym, in the accent colour and bold ("probable":
	// Kent's "probable", ICD 203's "likely", PHIA's "likely or
	// probable"), and each phrase with the word ("fairly good", read as
	// 60–95%) as an accent band across all the scales.
	Match *evaluate.WordMatch
}

// ScalesChart draws verbal probability scales side by side on one 0–100%
// axis, one band per scale in the order given, each term on a row of its
// own, the most probable at the top: a published range as a bar, Kent's
// point give or take its spread as a dot with whiskers, a survey's middle
// half of readers as a bar with a thin line over 5–95% of them. A tick
// marks the point each term is scored at (a range's midpoint, a survey's
// median). The gaps a scale of ranges leaves between its terms (UK PHIA's
// are deliberate) are shaded. The figure is as tall as its rows need.
func ScalesChart(scales []*forecasts.Scale, opt ScalesOptions) (*figure.Chart, error) {
	if len(scales) == 0 {
		return nil, errors.New("no scales to chart")
	}
	for i, s := range scales {
		if s == nil || len(s.Terms) == 0 {
			return nil, fmt.Errorf("scale %d has no terms to chart", i+1)
		}
	}
	st := figure.StyleOr(opt.Style)
	bands := &scaleBands{style: st}
	var missing []string
	if m := opt.Match; m != nil {
		if m.Level != "" {
			opt.Highlight = m.Level
		} else {
			bands.highlight, bands.crosswalk = map[*forecasts.Term]bool{}, map[*forecasts.Term]bool{}
			for _, t := range m.Terms {
				bands.highlight[t.Term], bands.crosswalk[t.Term] = true, true
			}
			bands.phrases = m.Phrases
		}
	}
	if opt.Highlight != "" {
		if !slices.Contains(forecasts.Levels, opt.Highlight) {
			return nil, fmt.Errorf("no level %q to highlight; the levels are %s", opt.Highlight, joinLevels(forecasts.Levels))
		}
		cw := opt.Crosswalk
		if cw == nil {
			cw = forecasts.BuiltinCrosswalk()
		}
		bands.highlight, bands.crosswalk, missing = highlightTerms(scales, opt.Highlight, cw)
	}
	bands.layout(scales)

	p := st.NewPlot("Probability", "")
	figure.PercentAxis(&p.X)
	p.X.Tick.Marker = figure.PercentTicks{Step: 0.1}
	figure.HideAxis(&p.Y)
	p.Y.Min, p.Y.Max = 0, bands.height
	st.AddGrid(p, true, false)
	p.Add(bands)

	ch := figure.NewChart(st, opt.Title, "Words of probability on "+textout.CountWord(len(scales), "scale", "scales"),
		"The interval each term stands for, and the point hindcast scores it at")
	ch.Legend, ch.Body = bands.legend(), p
	if m := opt.Match; m != nil && m.Level == "" {
		ch.Subtitle = matchSubtitle(m)
	}
	if opt.Highlight != "" {
		ch.Subtitle = bands.highlightSubtitle(opt.Highlight)
		if len(missing) > 0 {
			ch.Notes = append(ch.Notes, fmt.Sprintf("No term at the level %q on %s.", opt.Highlight, strings.Join(missing, ", ")))
		}
	}
	var sources []string
	for _, s := range scales {
		if src := strings.TrimSuffix(strings.TrimSpace(s.Source), "."); src != "" {
			sources = append(sources, s.Name+": "+src)
		}
	}
	if len(sources) > 0 {
		ch.Notes = append(ch.Notes, "Sources. "+strings.Join(sources, ". ")+".")
	}
	ch.FitBody(vg.Length(bands.height)*bands.rowHeight() + bands.topAxisHeight() + xAxisHeight(st))
	return ch, nil
}

// highlightTerms finds the terms each scale puts at a level, and among
// them the one the crosswalk reads the level as on that scale; missing
// names the scales with no term at the level.
func highlightTerms(scales []*forecasts.Scale, l forecasts.Level, cw *forecasts.Crosswalk) (at, crosswalk map[*forecasts.Term]bool, missing []string) {
	at, crosswalk = map[*forecasts.Term]bool{}, map[*forecasts.Term]bool{}
	for _, s := range scales {
		terms := s.AtLevel(l)
		if len(terms) == 0 {
			missing = append(missing, s.Name)
		}
		for _, t := range terms {
			at[t] = true
		}
		if t, ok := crosswalkTerm(cw, l, s); ok {
			crosswalk[t] = true
		}
	}
	return at, crosswalk, missing
}

// matchSubtitle says what a highlighted word is read as on each scale
// that has it, and as each phrase with it.
func matchSubtitle(m *evaluate.WordMatch) string {
	var parts []string
	for _, t := range m.Terms {
		s := t.Scale.Name + " " + strconv.Quote(t.Term.Term)
		parts = append(parts, s+" "+intervalText(t.Term.Interval))
	}
	for _, p := range m.Phrases {
		parts = append(parts, "read as "+intervalText(p.Interval))
	}
	return fmt.Sprintf("Highlighted: %q — %s", m.Word, strings.Join(parts, "; "))
}

// intervalText is an interval as "63–87%", or "99%" for a point.
func intervalText(iv forecasts.Interval) string {
	if iv.High > iv.Low {
		return strings.TrimSuffix(textout.Percent(iv.Low), "%") + "–" + textout.Percent(iv.High)
	}
	return textout.Percent(iv.Point)
}

// highlightSubtitle says what the highlighting marks: each scale's term at
// the level or, when a scale has a term there that is not the crosswalk's
// (the survey has seven phrases at "likely"), every term at the level,
// the crosswalk's in bold.
func (b *scaleBands) highlightSubtitle(l forecasts.Level) string {
	for t := range b.highlight {
		if !b.crosswalk[t] {
			return fmt.Sprintf("Highlighted: every term at the level %q; in bold, each scale's term in the crosswalk", l)
		}
	}
	return fmt.Sprintf("Highlighted: each scale's term at the level %q, as in the crosswalk", l)
}

// crosswalkTerm finds the term of scale s at a level through the crosswalk.
func crosswalkTerm(cw *forecasts.Crosswalk, l forecasts.Level, s *forecasts.Scale) (*forecasts.Term, bool) {
	for _, row := range cw.Rows {
		if row.Level == l {
			if name, ok := row.Terms[s.Name]; ok {
				return s.Lookup(name)
			}
		}
	}
	return nil, false
}

func joinLevels(ls []forecasts.Level) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}

// xAxisHeight is about the room a styled plot's x axis takes under the
// data: its tick labels, tick marks, label and paddings.
func xAxisHeight(st *figure.ChartStyle) vg.Length {
	return figure.LineHeight(st.TextStyle(st.TickSize)) + figure.LineHeight(st.TextStyle(st.LabelSize)) + 4 + 3 + 3 + 1
}

// Rows of the scales chart, in data units of the y axis.
const (
	termRow   = 1.0 // a term
	headerRow = 1.5 // a scale's name above its terms
	bandGap   = 0.5 // between one scale's last term and the next scale's name
)

// scaleBands is the plotter of ScalesChart: for each scale a header and
// one row per term, laid out from the top of the y axis down.
type scaleBands struct {
	style     *figure.ChartStyle
	highlight map[*forecasts.Term]bool // terms at the highlighted level
	crosswalk map[*forecasts.Term]bool // those the crosswalk reads the level as
	phrases   []evaluate.Phrase        // phrases to mark as bands across the scales
	bands     []scaleBand
	height    float64 // in rows
}

type scaleBand struct {
	scale  *forecasts.Scale
	header float64 // the y of the header's baseline area
	terms  []*forecasts.Term
	ys     []float64
	gaps   [][2]float64 // probabilities no term covers, for a scale of ranges
}

func (b *scaleBands) layout(scales []*forecasts.Scale) {
	y := 0.0
	for i, s := range scales {
		if i > 0 {
			y += bandGap
		}
		band := scaleBand{scale: s, terms: slices.Clone(s.Terms)}
		slices.SortStableFunc(band.terms, func(a, c *forecasts.Term) int {
			switch {
			case a.Interval.Point > c.Interval.Point:
				return -1
			case a.Interval.Point < c.Interval.Point:
				return 1
			}
			return 0
		})
		y += headerRow
		band.header = y - headerRow/2
		for range band.terms {
			y += termRow
			band.ys = append(band.ys, y-termRow/2)
		}
		if s.Kind == forecasts.KindRanges {
			band.gaps = gaps(s.Terms)
		}
		b.bands = append(b.bands, band)
	}
	b.height = y
	// Rows were counted down from the top; the y axis counts up.
	for i := range b.bands {
		band := &b.bands[i]
		band.header = b.height - band.header
		for j := range band.ys {
			band.ys[j] = b.height - band.ys[j]
		}
	}
}

// gaps lists the stretches between the lowest and highest ends of a
// scale's intervals that no interval covers.
func gaps(terms []*forecasts.Term) [][2]float64 {
	ivs := make([][2]float64, len(terms))
	for i, t := range terms {
		ivs[i] = [2]float64{t.Interval.Low, t.Interval.High}
	}
	slices.SortFunc(ivs, func(a, b [2]float64) int {
		switch {
		case a[0] < b[0]:
			return -1
		case a[0] > b[0]:
			return 1
		}
		return 0
	})
	var out [][2]float64
	reach := ivs[0][1]
	for _, iv := range ivs[1:] {
		if iv[0] > reach+1e-9 {
			out = append(out, [2]float64{reach, iv[0]})
		}
		reach = max(reach, iv[1])
	}
	return out
}

// rowHeight is the height of a term row: a 9-point label with room above
// and below.
func (b *scaleBands) rowHeight() vg.Length { return b.style.SmallSize * 1.4 }

func (b *scaleBands) labelStyle(t *forecasts.Term) text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	if b.highlight[t] {
		if b.crosswalk[t] {
			sty = b.style.BoldStyle(b.style.SmallSize)
		}
		sty.Color = b.style.Accent
	}
	sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
	return sty
}

const labelGap = vg.Length(6) // between a row's label and the data area

// labelWidth is the width of the widest term label.
func (b *scaleBands) labelWidth() vg.Length {
	var w vg.Length
	for _, band := range b.bands {
		for _, t := range band.terms {
			w = max(w, b.labelStyle(t).Width(t.Term))
		}
	}
	return w
}

func (b *scaleBands) color(t *forecasts.Term) color.Color {
	if b.highlight[t] {
		return b.style.Accent
	}
	return b.style.SeriesColor(0)
}

// Plot implements plot.Plotter.
func (b *scaleBands) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	st := b.style
	rowPx := trY(termRow) - trY(0)
	barH := min(rowPx*0.55, 7)
	thin := draw.LineStyle{Width: 1.2}
	left := c.Min.X - b.labelWidth() - labelGap
	b.drawTopAxis(c, plt)
	for _, band := range b.bands {
		// Shade the gaps behind each band's terms.
		top, bottom := trY(band.ys[0]+termRow/2), trY(band.ys[len(band.ys)-1]-termRow/2)
		for _, g := range band.gaps {
			c.FillPolygon(st.Shade, []vg.Point{
				{X: trX(g[0]), Y: bottom}, {X: trX(g[1]), Y: bottom},
				{X: trX(g[1]), Y: top}, {X: trX(g[0]), Y: top},
			})
		}
	}
	for _, p := range b.phrases {
		// A phrase read as an interval: a pale accent band over every scale.
		x0, x1 := trX(p.Interval.Low), trX(p.Interval.High)
		if x1-x0 < 2 {
			x0, x1 = x0-1, x1+1
		}
		pale := color.NRGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0x30}
		c.FillPolygon(pale, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
		edge := draw.LineStyle{Color: st.Accent, Width: 1, Dashes: []vg.Length{3, 2}}
		c.StrokeLine2(edge, x0, c.Min.Y, x0, c.Max.Y)
		c.StrokeLine2(edge, x1, c.Min.Y, x1, c.Max.Y)
	}

	for i, band := range b.bands {
		// The header: a rule above it, the scale's title and what its marks
		// are, on white so that the grid stops at the band.
		hy := trY(band.header)
		c.FillPolygon(color.White, []vg.Point{
			{X: left, Y: hy - rowPx*headerRow/2}, {X: c.Max.X + 1, Y: hy - rowPx*headerRow/2},
			{X: c.Max.X + 1, Y: hy + rowPx*headerRow/2}, {X: left, Y: hy + rowPx*headerRow/2},
		})
		if i > 0 {
			c.StrokeLine2(draw.LineStyle{Color: st.Grid.Color, Width: 0.8}, left, hy+rowPx*headerRow/2, c.Max.X, hy+rowPx*headerRow/2)
		}
		b.drawHeader(c, band, left, hy)

		for j, t := range band.terms {
			y := trY(band.ys[j])
			lab := b.labelStyle(t)
			c.FillText(lab, vg.Point{X: c.Min.X - labelGap, Y: y}, t.Term)
			clr := b.color(t)
			thin.Color = clr
			lo, hi, pt := trX(t.Interval.Low), trX(t.Interval.High), trX(t.Interval.Point)
			switch band.scale.Kind {
			case forecasts.KindPointSpread:
				if hi > lo {
					c.StrokeLine2(thin, lo, y, hi, y)
					c.StrokeLine2(thin, lo, y-barH/2, lo, y+barH/2)
					c.StrokeLine2(thin, hi, y-barH/2, hi, y+barH/2)
				}
				c.DrawGlyphNoClip(draw.GlyphStyle{Color: clr, Radius: 3, Shape: draw.CircleGlyph{}}, vg.Point{X: pt, Y: y})
				continue
			case forecasts.KindSurvey:
				if t.P05P95 != nil {
					c.StrokeLine2(thin, trX(t.P05P95[0]), y, trX(t.P05P95[1]), y)
				}
			}
			bar(c, clr, lo, hi, y, barH)
			b.pointTick(c, pt, y, barH)
		}
	}
}

// topAxisStyle is the style of the percent labels repeated above the
// bands, so that the top of a tall chart can be read without the axis at
// its foot.
func (b *scaleBands) topAxisStyle() text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	sty.Color = b.style.Muted
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	return sty
}

const topAxisGap = vg.Length(3)

func (b *scaleBands) topAxisHeight() vg.Length {
	return b.topAxisStyle().Height("100%") + topAxisGap
}

func (b *scaleBands) drawTopAxis(c draw.Canvas, plt *plot.Plot) {
	sty := b.topAxisStyle()
	for _, t := range plt.X.Tick.Marker.Ticks(plt.X.Min, plt.X.Max) {
		if !t.IsMinor() {
			c.FillText(sty, vg.Point{X: c.X(plt.X.Norm(t.Value)), Y: c.Max.Y + topAxisGap}, t.Label)
		}
	}
}

// bar fills a horizontal bar from x0 to x1 centred on y, at least 1.5
// points wide so that a term of no width still shows.
func bar(c draw.Canvas, clr color.Color, x0, x1, y, h vg.Length) {
	if x1-x0 < 1.5 {
		mid := (x0 + x1) / 2
		x0, x1 = mid-0.75, mid+0.75
	}
	c.FillPolygon(clr, []vg.Point{{X: x0, Y: y - h/2}, {X: x1, Y: y - h/2}, {X: x1, Y: y + h/2}, {X: x0, Y: y + h/2}})
}

// pointTick marks the point a term is scored at: a dark upright tick
// across its bar.
func (b *scaleBands) pointTick(c draw.Canvas, x, y, barH vg.Length) {
	c.StrokeLine2(draw.LineStyle{Color: b.style.Text, Width: 1.8}, x, y-barH/2-2, x, y+barH/2+2)
}

// drawHeader writes a band's scale title in bold and, when it fits, what
// the band's marks are, in muted type; a title too long for the width
// gives way to the scale's name.
func (b *scaleBands) drawHeader(c draw.Canvas, band scaleBand, left, y vg.Length) {
	st := b.style
	bold := st.BoldStyle(st.TickSize)
	bold.YAlign = draw.YCenter
	muted := st.TextStyle(st.SmallSize)
	muted.Color, muted.YAlign = st.Muted, draw.YCenter
	avail := c.Max.X - left
	title := band.scale.Title
	if bold.Width(title) > avail {
		title = band.scale.Name
	}
	c.FillText(bold, vg.Point{X: left, Y: y}, title)
	note := "   " + kindMarks(band)
	if bold.Width(title)+muted.Width(note) <= avail {
		c.FillText(muted, vg.Point{X: left + bold.Width(title), Y: y}, note)
	}
}

func kindMarks(band scaleBand) string {
	switch band.scale.Kind {
	case forecasts.KindPointSpread:
		return "point ± spread"
	case forecasts.KindSurvey:
		return "readers' median, middle half and 5–95%"
	}
	if len(band.gaps) > 0 {
		return "ranges; shaded: no term"
	}
	return "ranges"
}

// GlyphBoxes implements plot.GlyphBoxer: the term labels left of the
// data, the percent labels above it and the dots that may sit on its
// edges, so that the plot makes room for them.
func (b *scaleBands) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	sty := b.topAxisStyle()
	for _, t := range plt.X.Tick.Marker.Ticks(plt.X.Min, plt.X.Max) {
		if !t.IsMinor() {
			r := sty.Rectangle(t.Label)
			r.Min.Y, r.Max.Y = topAxisGap, topAxisGap+r.Size().Y
			boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(t.Value), Y: 1, Rectangle: r})
		}
	}
	for _, band := range b.bands {
		for j, t := range band.terms {
			lab := b.labelStyle(t)
			w, h := lab.Width(t.Term), lab.Height(t.Term)
			y := plt.Y.Norm(band.ys[j])
			boxes = append(boxes, plot.GlyphBox{X: 0, Y: y, Rectangle: vg.Rectangle{
				Min: vg.Point{X: -w - labelGap, Y: -h / 2},
				Max: vg.Point{X: -labelGap, Y: h / 2},
			}})
			for _, x := range []float64{t.Interval.Low, t.Interval.High} {
				boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(x), Y: y, Rectangle: vg.Rectangle{
					Min: vg.Point{X: -3.5, Y: -3.5}, Max: vg.Point{X: 3.5, Y: 3.5},
				}})
			}
		}
	}
	return boxes
}

// legend explains the marks of the kinds of scale present.
func (b *scaleBands) legend() []figure.LegendEntry {
	st := b.style
	kinds := map[forecasts.ScaleKind]bool{}
	hasGaps := false
	for _, band := range b.bands {
		kinds[band.scale.Kind] = true
		hasGaps = hasGaps || len(band.gaps) > 0
	}
	blue := st.SeriesColor(0)
	tick := figure.ThumbnailFunc(func(c *draw.Canvas) {
		x, y := c.Center().X, c.Center().Y
		bar(*c, blue, c.Min.X, c.Max.X, y, 7)
		c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.8}, x, y-5.5, x, y+5.5)
	})
	var out []figure.LegendEntry
	if kinds[forecasts.KindRanges] || kinds[forecasts.KindSurvey] {
		var label string
		switch {
		case kinds[forecasts.KindRanges] && kinds[forecasts.KindSurvey]:
			label = "range, or the middle half of readers"
		case kinds[forecasts.KindRanges]:
			label = "range"
		default:
			label = "middle half of readers"
		}
		out = append(out, figure.LegendEntry{Label: label, Thumbs: []plot.Thumbnailer{figure.BarThumbnail(blue, 7)}})
	}
	if kinds[forecasts.KindSurvey] {
		out = append(out, figure.LegendEntry{Label: "5–95% of readers", Thumbs: []plot.Thumbnailer{figure.LineThumbnail(draw.LineStyle{Color: blue, Width: 1.2})}})
	}
	if kinds[forecasts.KindPointSpread] {
		out = append(out, figure.LegendEntry{Label: "point ± spread", Thumbs: []plot.Thumbnailer{
			figure.ThumbnailFunc(func(c *draw.Canvas) {
				x0, x1, y := c.Min.X+1, c.Max.X-1, c.Center().Y
				l := draw.LineStyle{Color: blue, Width: 1.2}
				c.StrokeLine2(l, x0, y, x1, y)
				c.StrokeLine2(l, x0, y-3.5, x0, y+3.5)
				c.StrokeLine2(l, x1, y-3.5, x1, y+3.5)
				c.DrawGlyphNoClip(draw.GlyphStyle{Color: blue, Radius: 3, Shape: draw.CircleGlyph{}}, c.Center())
			}),
		}})
	}
	if kinds[forecasts.KindRanges] || kinds[forecasts.KindSurvey] {
		label := "point scored: midpoint"
		switch {
		case kinds[forecasts.KindRanges] && kinds[forecasts.KindSurvey]:
			label = "point scored: midpoint or median"
		case kinds[forecasts.KindSurvey]:
			label = "point scored: median"
		}
		out = append(out, figure.LegendEntry{Label: label, Thumbs: []plot.Thumbnailer{tick}})
	}
	if hasGaps {
		out = append(out, figure.LegendEntry{Label: "no term", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Shade, 12)}})
	}
	if len(b.highlight) > 0 {
		out = append(out, figure.LegendEntry{Label: "highlighted", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Accent, 7)}})
	}
	if len(b.phrases) > 0 {
		out = append(out, figure.LegendEntry{Label: "the phrase's reading", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(color.NRGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0x50}, 12)}})
	}
	return out
}
