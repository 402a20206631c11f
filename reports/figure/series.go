package figure

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series marks: each group gets a colour (ChartStyle.SeriesColor), a
// glyph and a dash pattern, so that series differ in more than colour.

// seriesGlyph is the glyph of series i: a filled circle, square,
// triangle or diamond, then the same hollow.
func SeriesGlyph(i int) seriesMark {
	return seriesMark{shape: i % 4, hollow: i%8 >= 4}
}

// seriesMark is a glyph of a series: a circle, square, triangle or
// diamond of the same visual size, filled or hollow with a line thick
// enough to see.
type seriesMark struct {
	shape  int
	hollow bool
}

// DrawGlyph implements draw.GlyphDrawer.
func (m seriesMark) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	path := m.path(sty.Radius, pt)
	if !m.hollow {
		c.Fill(path)
		return
	}
	w := vg.Length(1.4)
	c.SetColor(color.White)
	c.Fill(m.path(sty.Radius, pt))
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: w})
	c.Stroke(m.path(sty.Radius-w/2, pt))
}

// halo is the mark filled, for a white ground under it.
func (m seriesMark) Halo() seriesMark { return seriesMark{shape: m.shape} }

func (m seriesMark) path(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	poly := func(pts ...vg.Point) {
		p.Move(pts[0])
		for _, q := range pts[1:] {
			p.Line(q)
		}
		p.Close()
	}
	switch m.shape {
	case 0:
		p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Arc(pt, r, 0, 2*math.Pi)
		p.Close()
	case 1: // a square of about the circle's area
		h := r * 0.9
		poly(vg.Point{X: pt.X - h, Y: pt.Y - h}, vg.Point{X: pt.X + h, Y: pt.Y - h}, vg.Point{X: pt.X + h, Y: pt.Y + h}, vg.Point{X: pt.X - h, Y: pt.Y + h})
	case 2: // a triangle pointing up, centred on its centroid
		t := r * 1.3
		poly(vg.Point{X: pt.X, Y: pt.Y + t}, vg.Point{X: pt.X - t*0.866, Y: pt.Y - t/2}, vg.Point{X: pt.X + t*0.866, Y: pt.Y - t/2})
	default: // a diamond
		d := r * 1.25
		poly(vg.Point{X: pt.X, Y: pt.Y + d}, vg.Point{X: pt.X + d, Y: pt.Y}, vg.Point{X: pt.X, Y: pt.Y - d}, vg.Point{X: pt.X - d, Y: pt.Y})
	}
	return p
}

// seriesDashes is the dash pattern of series i's lines: solid, dashed,
// dotted, dash-dotted, long dashes.
func seriesDashes(i int) []vg.Length {
	patterns := [][]vg.Length{nil, {5, 2.5}, {1.5, 2}, {6, 2, 1.5, 2}, {9, 3}}
	return patterns[i%len(patterns)]
}

// glyphStyle is the glyph of series i in its colour.
func (s *ChartStyle) GlyphStyle(i int, radius vg.Length) draw.GlyphStyle {
	return draw.GlyphStyle{Color: s.SeriesColor(i), Radius: radius, Shape: SeriesGlyph(i)}
}

// lineStyle is the line of series i in its colour and dashes.
func (s *ChartStyle) LineStyle(i int) draw.LineStyle {
	return draw.LineStyle{Color: s.SeriesColor(i), Width: s.LineWidth, Dashes: seriesDashes(i)}
}

// seriesThumb is a legend mark of series i: its line with its glyph on it.
func (s *ChartStyle) SeriesThumb(i int, glyph, line bool) ThumbnailFunc {
	return func(c *draw.Canvas) {
		if line {
			LineThumbnail(s.LineStyle(i))(c)
		}
		if glyph {
			c.DrawGlyphNoClip(s.GlyphStyle(i, 3.2), c.Center())
		}
	}
}

// VerticalLineThumbnail is a legend mark: a vertical line across the box,
// for a reference line drawn upright in the chart.
func VerticalLineThumbnail(sty draw.LineStyle) ThumbnailFunc {
	return func(c *draw.Canvas) {
		x := c.Center().X
		c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
	}
}

// ShadeThumbnail is a legend mark: the box filled with a colour.
func ShadeThumbnail(fill color.Color) ThumbnailFunc {
	return func(c *draw.Canvas) {
		c.FillPolygon(fill, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
	}
}

// translucent is clr at the opacity a (0–1).
func Translucent(clr color.Color, a float64) color.Color {
	r, g, b, _ := clr.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(math.Round(a * 255))}
}

// Number formats of the charts.

// countText writes a number of forecasts with thousands separators,
// "100,000"; a weight that is not whole keeps two decimals.
func CountText(v float64) string {
	if v != math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var b strings.Builder
	if v < 0 {
		b.WriteString("−")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CountTicks ticks an axis of counts at 1, 2, 2.5 or 5 times a power of
// ten, at most Most labels (zero means 4), with thousands separators:
// "0", "5,000", "10,000". It never ticks fractions.
type CountTicks struct {
	Most int
}

// Ticks implements plot.Ticker.
func (t CountTicks) Ticks(lo, hi float64) []plot.Tick {
	most := t.Most
	if most <= 0 {
		most = 4
	}
	step := 1.0
	for k := 0; ; k++ {
		step = []float64{1, 2, 2.5, 5}[k%4] * math.Pow(10, float64(k/4))
		if step == math.Trunc(step) && math.Floor((hi-lo)/step)+1 <= float64(most) {
			break
		}
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: CountText(v)})
	}
	return ticks
}

// unlabelledTicks ticks like its Ticker with no labels, for an axis that
// shares its labels with the panel under it.
type UnlabelledTicks struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (t UnlabelledTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := t.Ticker.Ticks(lo, hi)
	for i := range ticks {
		ticks[i].Label = ""
	}
	return ticks
}
