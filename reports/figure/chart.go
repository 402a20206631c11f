package figure

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ChartStyle is the look every hindcast chart shares: size, type sizes,
// colours and lines. DefaultChartStyle gives the house style; a caller may
// change a copy (a larger size for slides, a higher DPI for print).
type ChartStyle struct {
	// Width and Height are the size of a chart that does not set its own.
	Width, Height vg.Length
	// DPI is the resolution of PNG output, in dots per inch.
	DPI int
	// Margin is the blank border around the whole figure.
	Margin vg.Length

	// TitleSize is the chart title; LabelSize the axis labels and panel
	// titles; TickSize the tick labels, legend and subtitle; SmallSize
	// dense labels such as one row per term or record; NoteSize the notes
	// under a chart.
	TitleSize, LabelSize, TickSize, SmallSize, NoteSize vg.Length

	// Text is the colour of text and axes; Muted of secondary text.
	Text, Muted color.Color
	// Grid is the style of grid lines; Shade fills background bands.
	Grid  draw.LineStyle
	Shade color.Color
	// Series colours the series of a chart in order (SeriesColor).
	Series []color.Color
	// Yes, No and NotScored colour outcomes (outcomeColor in package charts).
	Yes, No, NotScored color.Color
	// Accent marks what a chart highlights.
	Accent color.Color
	// LineWidth is the width of data lines.
	LineWidth vg.Length

	// The fields below come from a Size (Size.Style); their zero values
	// are the house style's.

	// Scale is how much larger than laid out the chart is drawn: every
	// length, type included, is Scale times larger on the page; 0 means 1.
	Scale float64
	// FixedHeight makes every chart exactly Height high: charts whose rows
	// or panels would need more are drawn in the height (their rows cut
	// or the plots smaller), never taller.
	FixedHeight bool
	// Notes says which notes are drawn; "" means NotesFull.
	Notes NotesMode
	// HideSide leaves explanation panels beside the plots off the chart;
	// their text goes to the speaker notes.
	HideSide bool
}

// scale is Scale, or 1 when unset.
func (s *ChartStyle) scale() float64 {
	if s.Scale <= 0 {
		return 1
	}
	return s.Scale
}

// DefaultChartStyle returns the house style: 16 × 10 cm at 150 dpi,
// Liberation Sans (title 13 pt bold, axis labels 11 pt, ticks and legend
// 10 pt, dense labels 9 pt, notes 9 pt), the Okabe–Ito palette, light
// grey grid lines. Each call returns a new value that the caller may change.
func DefaultChartStyle() *ChartStyle {
	return &ChartStyle{
		Width:     16 * vg.Centimeter,
		Height:    10 * vg.Centimeter,
		DPI:       150,
		Margin:    3 * vg.Millimeter,
		TitleSize: 13,
		LabelSize: 11,
		TickSize:  10,
		SmallSize: 9,
		NoteSize:  9,
		Text:      colorText,
		Muted:     colorMuted,
		Grid:      draw.LineStyle{Color: colorGrid, Width: vg.Points(0.6)},
		Shade:     colorShade,
		Series:    slices.Clone(seriesColors),
		Yes:       OkabeItoBlue,
		No:        OkabeItoVermillion,
		NotScored: colorNeutral,
		Accent:    OkabeItoVermillion,
		LineWidth: vg.Points(1.5),
	}
}

// TextStyle is regular chart text of the size, in the style's text colour,
// aligned at its left and bottom.
func (s *ChartStyle) TextStyle(size vg.Length) text.Style {
	return textStyle(size, stdfont.WeightNormal, s.Text)
}

// BoldStyle is bold chart text of the size, in the style's text colour.
func (s *ChartStyle) BoldStyle(size vg.Length) text.Style {
	return textStyle(size, stdfont.WeightBold, s.Text)
}

// NewPlot returns an empty plot in the style, with its axis labels. The
// plot has no title of its own: a Chart draws the figure's title above
// it (a plot's Title is for a panel among several, styled here too).
// Add a grid first (AddGrid) so that data is drawn over it.
//
// The plot makes room for its x tick labels at both ends: gonum/plot
// pads the data area for a label overhanging the right end but lets one
// overhang the left, into the y axis, which is too narrow for it when
// the y labels are short.
func (s *ChartStyle) NewPlot(xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = chartText()
	p.Title.TextStyle = s.BoldStyle(s.LabelSize)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = 4
	s.styleAxis(&p.X, xLabel, false)
	s.styleAxis(&p.Y, yLabel, true)
	p.Legend.TextStyle = s.TextStyle(s.TickSize)
	p.Legend.Top = true
	p.Legend.ThumbnailWidth = 18
	p.Add(xTickRoom{})
	return p
}

// xTickRoom draws nothing; its glyph boxes are the x axis's tick labels,
// so that the plot keeps them inside its canvas on the left as well.
type xTickRoom struct{}

func (xTickRoom) Plot(draw.Canvas, *plot.Plot) {}

// GlyphBoxes implements plot.GlyphBoxer. The boxes have no height, so
// they take no part in the vertical padding, which the axis has already.
func (xTickRoom) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if p.X.Tick.Marker == nil || !(p.X.Min < p.X.Max) {
		return nil
	}
	var boxes []plot.GlyphBox
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
			continue
		}
		r := p.X.Tick.Label.Rectangle(t.Label)
		r.Min.Y, r.Max.Y = 0, 0
		boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(t.Value), Rectangle: r})
	}
	return boxes
}

func (s *ChartStyle) styleAxis(a *plot.Axis, label string, vertical bool) {
	a.Label.Text = label
	a.Label.TextStyle = s.TextStyle(s.LabelSize)
	a.Label.TextStyle.XAlign = draw.XCenter
	a.Label.TextStyle.YAlign = draw.YBottom
	a.Label.Padding = 3
	a.LineStyle = draw.LineStyle{Color: s.Text, Width: 0.6}
	a.Padding = 3
	a.Tick.Label = s.TextStyle(s.TickSize)
	if vertical {
		a.Tick.Label.XAlign, a.Tick.Label.YAlign = draw.XRight, draw.YCenter
	} else {
		a.Tick.Label.XAlign, a.Tick.Label.YAlign = draw.XCenter, draw.YTop
	}
	a.Tick.LineStyle = draw.LineStyle{Color: s.Text, Width: 0.6}
	a.Tick.Length = 4
}

// AddGrid adds the style's grid lines at the major ticks of the plot's
// axes, vertical lines (at x ticks) and horizontal lines (at y ticks) as
// asked. Add it before the data, which is drawn in the order added.
func (s *ChartStyle) AddGrid(p *plot.Plot, vertical, horizontal bool) {
	g := plotter.NewGrid()
	g.Vertical, g.Horizontal = draw.LineStyle{}, draw.LineStyle{}
	if vertical {
		g.Vertical = s.Grid
	}
	if horizontal {
		g.Horizontal = s.Grid
	}
	p.Add(g)
}

// HideAxis removes an axis's line, ticks and labels and the room they take,
// for a chart that labels its data itself.
func HideAxis(a *plot.Axis) {
	a.Label.Text = ""
	a.LineStyle.Width = 0
	a.Padding = 0
	a.Tick.Marker = plot.ConstantTicks{}
}

// A Chart is a whole figure: a title, an optional subtitle, a legend in a
// strip under them, a body (one plot or several panels), caveats and notes
// at the bottom, at a fixed size. The title, legend and notes sit outside
// the data, so they never cover it; long lines are wrapped to the width.
type Chart struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *ChartStyle
	// Title names the figure; Subtitle says in one line what it shows.
	Title, Subtitle string
	// Legend explains the marks, in a strip under the title.
	Legend []LegendEntry
	// Body draws the data: a *plot.Plot, a Panels, or any Drawer.
	Body Drawer
	// Notes are small lines under the body: what the marks mean, how
	// the figures were made. Style.Notes says whether they are drawn.
	Notes []string
	// Warnings are notes that qualify the data: small samples, groups
	// left out, cases not scored. They follow the notes, and are drawn
	// unless Style.Notes is NotesNone; with Caveats they join those.
	Warnings []string
	// Caveats are what a reader must not miss, such as records chosen for
	// their failures: drawn under the body at the size of body text, in
	// the text colour, whatever Style.Notes says.
	Caveats []string
	// Remarks are the notes the chart's maker adds (plot --note): drawn
	// first among the notes, whatever Style.Notes says.
	Remarks []string
	// Offstage is explanation the chart has no room for at its size (a
	// side panel at slide size): never drawn, part of SpeakerNotes.
	Offstage []string
	// Width and Height are the figure's size; zero means the style's.
	Width, Height vg.Length

	// fitBody, when positive, is the height the body needs (FitBody);
	// leastBody the least it may have (GrowBody).
	fitBody, leastBody vg.Length
}

// A Drawer draws itself on a canvas: *plot.Plot, Panels and Chart are Drawers.
type Drawer interface {
	Draw(draw.Canvas)
}

// A LegendEntry is one mark of a chart and what it means.
type LegendEntry struct {
	Label  string
	Thumbs []plot.Thumbnailer // drawn over each other in a small box
}

// ThumbnailFunc draws a legend mark in the box of its canvas.
type ThumbnailFunc func(c *draw.Canvas)

// Thumbnail implements plot.Thumbnailer.
func (f ThumbnailFunc) Thumbnail(c *draw.Canvas) { f(c) }

// LineThumbnail is a legend mark: a horizontal line across the box.
func LineThumbnail(sty draw.LineStyle) ThumbnailFunc {
	return func(c *draw.Canvas) {
		y := c.Center().Y
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

// GlyphThumbnail is a legend mark: a glyph in the middle of the box.
func GlyphThumbnail(sty draw.GlyphStyle) ThumbnailFunc {
	return func(c *draw.Canvas) { c.DrawGlyphNoClip(sty, c.Center()) }
}

// BarThumbnail is a legend mark: a bar of the height across the box.
func BarThumbnail(fill color.Color, height vg.Length) ThumbnailFunc {
	return func(c *draw.Canvas) {
		y := c.Center().Y
		c.FillPolygon(fill, []vg.Point{
			{X: c.Min.X, Y: y - height/2}, {X: c.Max.X, Y: y - height/2},
			{X: c.Max.X, Y: y + height/2}, {X: c.Min.X, Y: y + height/2},
		})
	}
}

func (ch *Chart) style() *ChartStyle { return StyleOr(ch.Style) }

// styleOr is st, or DefaultChartStyle() when st is nil: the style of a
// chart, panel or option that may leave it unset.
func StyleOr(st *ChartStyle) *ChartStyle {
	if st != nil {
		return st
	}
	return DefaultChartStyle()
}

// newChart starts a chart in the style, as wide as the style says, with
// the subtitle, titled title or, when title is empty, fallback: the
// chart's own title, which an option may replace.
func NewChart(st *ChartStyle, title, fallback, subtitle string) *Chart {
	if title == "" {
		title = fallback
	}
	return &Chart{Style: st, Title: title, Subtitle: subtitle, Width: st.Width}
}

// Size is the figure's width and height, in the points of its layout
// (Style.Scale times smaller than drawn): as tall as its body needs
// (FitBody, GrowBody) with the title, legend, caveats and notes as they
// are when asked, but at most MaxChartHeight high; exactly the style's
// height when the style fixes it.
func (ch *Chart) Size() (w, h vg.Length) {
	st := ch.style()
	w = ch.width()
	if st.FixedHeight {
		return w, st.Height
	}
	h = ch.Height
	if h == 0 {
		h = st.Height
	}
	if ch.fitBody > 0 || ch.leastBody > 0 {
		above, below := ch.chrome(w - 2*st.Margin)
		if ch.fitBody > 0 {
			h = ch.fitBody + above + below + 2*st.Margin
		}
		if h-above-below-2*st.Margin < ch.leastBody {
			h = ch.leastBody + above + below + 2*st.Margin
		}
	}
	return w, min(h, MaxChartHeight)
}

func (ch *Chart) width() vg.Length {
	if ch.Width != 0 {
		return ch.Width
	}
	return ch.style().Width
}

// NaturalHeight is the height the chart would take if its style did not
// fix it: more than Size's when its rows or panels do not fit.
func (ch *Chart) NaturalHeight() vg.Length {
	c := *ch
	st := *ch.style()
	st.FixedHeight = false
	c.Style = &st
	_, h := c.Size()
	return h
}

// Overflows reports whether the chart's style fixes its height and the
// chart needs more: a caller may then draw fewer rows (FitRows).
func (ch *Chart) Overflows() bool {
	st := ch.style()
	return st.FixedHeight && ch.NaturalHeight() > st.Height+0.01
}

// SpeakerNotes is everything the chart says in words besides its title,
// subtitle and legend, drawn or not: the caveats, remarks, notes,
// warnings and the text of any panel left off (Offstage), for the notes
// of a slide or the caption of a figure.
func (ch *Chart) SpeakerNotes() []string {
	var out []string
	for _, part := range [][]string{ch.Caveats, ch.Remarks, ch.Notes, ch.Warnings, ch.Offstage} {
		out = append(out, part...)
	}
	return out
}

const (
	legendThumbWidth = vg.Length(18)
	legendGap        = vg.Length(4)  // between a mark and its label
	legendSpacing    = vg.Length(14) // between entries
	blockGap         = vg.Length(5)  // between the title, legend, body and notes
)

// FitBody makes the chart as tall as it needs for its body to get the
// given height below the title and legend and above the notes, at the
// chart's width: for charts that give each term or record a row of its
// own. A style that fixes the height keeps it (see Overflows).
func (ch *Chart) FitBody(body vg.Length) {
	ch.fitBody = body
}

// bodyWidth is the width of the chart's body: the figure's less its
// margins.
func (ch *Chart) BodyWidth() vg.Length {
	return ch.width() - 2*ch.style().Margin
}

// minBody is the least height of the body of a chart of one plot whose
// figure has a fixed height: long notes or a legend of many rows make the
// figure taller rather than squash the plot.
const MinBody = 5.5 * vg.Centimeter

// growBody makes the chart taller if its body would be less than least
// high between the title and legend and the notes.
func (ch *Chart) GrowBody(least vg.Length) {
	ch.leastBody = least
}

// chrome measures the room that the title, subtitle and legend take above
// the body and the notes below it, at a width.
func (ch *Chart) chrome(width vg.Length) (above, below vg.Length) {
	st := ch.style()
	if ch.Title != "" {
		sty := st.BoldStyle(st.TitleSize)
		above += LineHeight(sty) * vg.Length(len(textLines(sty, ch.Title, width)))
	}
	if ch.Subtitle != "" {
		sty := st.TextStyle(st.TickSize)
		above += LineHeight(sty) * vg.Length(len(textLines(sty, ch.Subtitle, width)))
	}
	if ch.Title != "" || ch.Subtitle != "" {
		above += blockGap
	}
	if ch.sideColumn() != nil {
		return above, 0 // the legend, caveats and notes go beside the body
	}
	if len(ch.Legend) > 0 {
		above += ch.legendHeight(width) + blockGap
	}
	if lines := ch.caveatLines(width); len(lines) > 0 {
		below += LineHeight(ch.caveatStyle())*vg.Length(len(lines)) + blockGap
	}
	if lines := ch.noteLines(width); len(lines) > 0 {
		below += LineHeight(st.TextStyle(st.NoteSize))*vg.Length(len(lines)) + blockGap
	}
	return above, below
}

// drawnNotes are the notes drawn under the chart, as Style.Notes says:
// the remarks, then the notes, then the warnings unless the caveats
// take them.
func (ch *Chart) drawnNotes() []string {
	notes := ch.Remarks
	mode := ch.style().Notes
	if mode == "" || mode == NotesFull {
		notes = append(slices.Clip(notes), ch.Notes...)
	}
	if mode != NotesNone && len(ch.Caveats) == 0 {
		notes = append(slices.Clip(notes), ch.Warnings...)
	}
	return notes
}

func (ch *Chart) noteLines(width vg.Length) []string {
	st := ch.style()
	var lines []string
	for _, n := range ch.drawnNotes() {
		lines = append(lines, textLines(st.TextStyle(st.NoteSize), n, width)...)
	}
	return lines
}

// caveatStyle is the type of the caveats: body text, not a footnote.
func (ch *Chart) caveatStyle() text.Style {
	st := ch.style()
	return st.TextStyle(st.TickSize)
}

// caveatLines are the caveats, and the warnings with them, wrapped.
func (ch *Chart) caveatLines(width vg.Length) []string {
	if len(ch.Caveats) == 0 {
		return nil
	}
	var lines []string
	for _, n := range append(slices.Clip(ch.Caveats), ch.Warnings...) {
		lines = append(lines, textLines(ch.caveatStyle(), n, width)...)
	}
	return lines
}

// Draw draws the figure on the canvas, filling it.
func (ch *Chart) Draw(c draw.Canvas) {
	st := ch.style()
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	in := draw.Crop(c, st.Margin, -st.Margin, st.Margin, -st.Margin)
	width := in.Max.X - in.Min.X
	top := in.Max.Y

	if ch.Title != "" {
		sty := st.BoldStyle(st.TitleSize)
		top = drawLines(in, sty, in.Min.X, top, textLines(sty, ch.Title, width))
	}
	if ch.Subtitle != "" {
		sty := st.TextStyle(st.TickSize)
		sty.Color = st.Muted
		top = drawLines(in, sty, in.Min.X, top, textLines(sty, ch.Subtitle, width))
	}
	if ch.Title != "" || ch.Subtitle != "" {
		top -= blockGap
	}
	if g := ch.sideColumn(); g != nil {
		body := in
		body.Max.Y = top
		ch.drawBeside(body, g)
		return
	}
	if len(ch.Legend) > 0 {
		ch.drawLegend(in, top, width)
		top -= ch.legendHeight(width) + blockGap
	}

	bottom := in.Min.Y
	if lines := ch.noteLines(width); len(lines) > 0 {
		sty := st.TextStyle(st.NoteSize)
		sty.Color = st.Muted
		h := LineHeight(sty) * vg.Length(len(lines))
		drawLines(in, sty, in.Min.X, bottom+h, lines)
		bottom += h + blockGap
	}
	if lines := ch.caveatLines(width); len(lines) > 0 {
		sty := ch.caveatStyle()
		h := LineHeight(sty) * vg.Length(len(lines))
		drawLines(in, sty, in.Min.X, bottom+h, lines)
		bottom += h + blockGap
	}

	if ch.Body != nil && top > bottom {
		body := in
		body.Min.Y, body.Max.Y = bottom, top
		ch.Body.Draw(body)
	}
}

// legendRows lays the legend entries out in rows from left to right,
// wrapping at the width: the row and x offset of each entry.
func (ch *Chart) legendRows(width vg.Length) (rows []int, xs []vg.Length) {
	st := ch.style()
	sty := st.TextStyle(st.TickSize)
	row, x := 0, vg.Length(0)
	for _, e := range ch.Legend {
		w := legendThumbWidth + legendGap + sty.Width(legendLabel(sty, e.Label, width))
		if x > 0 && x+w > width {
			row, x = row+1, 0
		}
		rows, xs = append(rows, row), append(xs, x)
		x += w + legendSpacing
	}
	return rows, xs
}

// legendLabel is an entry's label cut to fit a row of the legend.
func legendLabel(sty text.Style, label string, width vg.Length) string {
	return fitWidth(sty, label, width-legendThumbWidth-legendGap)
}

func (ch *Chart) legendRowHeight() vg.Length {
	st := ch.style()
	return LineHeight(st.TextStyle(st.TickSize)) + 2
}

func (ch *Chart) legendHeight(width vg.Length) vg.Length {
	rows, _ := ch.legendRows(width)
	return ch.legendRowHeight() * vg.Length(rows[len(rows)-1]+1)
}

// drawLegend draws the legend entries in rows under top.
func (ch *Chart) drawLegend(c draw.Canvas, top, width vg.Length) {
	st := ch.style()
	sty := st.TextStyle(st.TickSize)
	sty.YAlign = draw.YCenter
	rowH := ch.legendRowHeight()
	rows, xs := ch.legendRows(width)
	for i, e := range ch.Legend {
		x := c.Min.X + xs[i]
		y := top - rowH*vg.Length(rows[i]) - rowH/2
		thumb := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: y - rowH/2 + 1},
			Max: vg.Point{X: x + legendThumbWidth, Y: y + rowH/2 - 1},
		}}
		for _, t := range e.Thumbs {
			t.Thumbnail(&thumb)
		}
		c.FillText(sty, vg.Point{X: x + legendThumbWidth + legendGap, Y: y}, legendLabel(sty, e.Label, width))
	}
}

// lineHeight is the distance between the baselines of two lines of text.
func LineHeight(sty text.Style) vg.Length { return sty.FontExtents().Height }

// drawLines draws lines of text left-aligned at x, the first line's top at
// top, and returns the y under the last line.
func drawLines(c draw.Canvas, sty text.Style, x, top vg.Length, lines []string) vg.Length {
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	h := LineHeight(sty)
	desc := sty.FontExtents().Descent
	for _, l := range lines {
		top -= h
		c.FillText(sty, vg.Point{X: x, Y: top + desc}, l)
	}
	return top
}

// wrapText breaks s into lines no wider than width, at spaces. A word
// wider than width gets a line of its own.
func wrapText(sty text.Style, s string, width vg.Length) []string {
	return wrapLines(sty, s, width, 0)
}

// wrapLines is wrapText stopping at most lines when most is positive:
// the lines of a text that will be cut, however long the rest.
func wrapLines(sty text.Style, s string, width vg.Length, most int) []string {
	var lines []string
	full := func() bool { return most > 0 && len(lines) >= most }
	for para := range strings.SplitSeq(s, "\n") {
		line := ""
		for w := range strings.FieldsSeq(para) {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if line != "" && sty.Width(try) > width {
				lines = append(lines, line)
				if full() {
					return lines
				}
				try = w
			}
			line = try
		}
		lines = append(lines, line)
		if full() {
			return lines
		}
	}
	return lines
}

// textLines is a block of the chart's text (title, subtitle, a note)
// wrapped to width, in at most maxNoteLines lines.
func textLines(sty text.Style, s string, width vg.Length) []string {
	return fitLines(sty, s, width, maxNoteLines)
}

// Panels draws plots in a grid, rows from the top, with their data areas
// aligned (plot.Align) so that panels sharing an axis line up. A nil plot
// leaves its cell empty; every row must have the same number of cells.
// Give each plot a Title to name its panel.
type Panels struct {
	Plots [][]*plot.Plot
	// Gap is the space between cells; zero means 6 mm.
	Gap vg.Length
}

// Draw draws the panels on the canvas.
func (ps Panels) Draw(c draw.Canvas) {
	if len(ps.Plots) == 0 {
		return
	}
	gap := ps.Gap
	if gap == 0 {
		gap = 6 * vg.Millimeter
	}
	t := draw.Tiles{Rows: len(ps.Plots), Cols: len(ps.Plots[0]), PadX: gap, PadY: gap}
	cells := plot.Align(ps.Plots, t, c)
	for j, row := range ps.Plots {
		for i, p := range row {
			if p != nil {
				p.Draw(cells[j][i])
			}
		}
	}
}

// ImageFormat is a file format a chart can be written in.
type ImageFormat string

// The image formats.
const (
	PNG ImageFormat = "png" // a raster image at the style's DPI
	SVG ImageFormat = "svg" // vector, text as text
	PDF ImageFormat = "pdf" // vector, fonts embedded, no creation date
)

// ImageFormats lists the formats charts can be written in.
var ImageFormats = []ImageFormat{PNG, SVG, PDF}

// ImageFormatOf chooses the format by a file name's extension, in any case:
// chart.png, chart.SVG, chart.pdf.
func ImageFormatOf(name string) (ImageFormat, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	for _, f := range ImageFormats {
		if ImageFormat(ext) == f {
			return f, nil
		}
	}
	if ext == "" {
		return "", fmt.Errorf("%q has no extension: name a .png, .svg or .pdf file", name)
	}
	return "", fmt.Errorf("cannot write a chart as .%s: name a .png, .svg or .pdf file", ext)
}

// Write renders the chart in the format to w. The same chart gives the
// same bytes on every run: a PDF embeds its fonts (subset to the glyphs
// used) and carries a fixed date (1970-01-01) instead of the time of
// writing and lists its resources in a fixed order; an SVG sets its text
// as text (selectable and searchable) in Liberation Sans or a font of the
// same metrics (svgFontFamily). The figure is drawn Style.Scale times
// larger than laid out. Where the bytes go is the caller's business.
func (ch *Chart) Write(w io.Writer, f ImageFormat) error {
	width, height := ch.Size()
	st := ch.style()
	k := st.scale()
	var (
		out    io.WriterTo
		canvas vg.Canvas
	)
	switch f {
	case PNG:
		// Laid out small, rendered at k times the resolution: the
		// pixels of the size asked.
		dpi := int(math.Round(float64(st.DPI) * k))
		c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
		out, canvas = vgimg.PngCanvas{Canvas: c}, c
	case SVG:
		c := vgsvg.NewWith(vgsvg.UseWH(width, height))
		out, canvas = svgWriter{c: c, w: width * vg.Length(k), h: height * vg.Length(k)}, c
	case PDF:
		c := newPDFCanvas(width*vg.Length(k), height*vg.Length(k))
		if k != 1 {
			c.Scale(k, k)
		}
		out, canvas = c, c
	default:
		return fmt.Errorf("cannot write a chart as %q: the formats are png, svg and pdf", f)
	}
	ch.Draw(draw.NewCanvas(boundedText{canvas}, width, height))
	_, err := out.WriteTo(w)
	return err
}

// sideColumn is the body when the chart sets its legend, caveats and
// notes in a column beside it rather than above and below: a grid of
// plots of a fixed shape (a square reliability diagram, a ROC curve) with
// no side text of its own, in a style that leaves side panels off (a
// slide). There the body is as tall as the figure allows and the room on
// its right, which its shape leaves empty, takes the words.
func (ch *Chart) sideColumn() *PlotGrid {
	g, ok := ch.Body.(*PlotGrid)
	if !ok || g.Side != nil || g.shape() == 0 || !ch.style().HideSide {
		return nil
	}
	return g
}

// drawBeside draws a grid on the left of the canvas and the legend,
// caveats and notes in the column right of it. The column gets the room
// the grid's shape leaves, at least a third of the width, and more, up
// to 55%, when its words need it: to be no taller than the body and to
// set each legend label whole.
func (ch *Chart) drawBeside(c draw.Canvas, g *PlotGrid) {
	width, height := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	var gridW, colW vg.Length
	for _, share := range []vg.Length{2.0 / 3, 0.6, 0.55, 0.5, 0.45} {
		gridW = min(g.layout(width*share, height).across(g), width*share)
		colW = width - gridW - sideGap
		if ch.columnFits(colW, height) {
			break
		}
	}
	body := c
	body.Max.X = c.Min.X + gridW
	g.Draw(body)
	col := c
	col.Min.X = c.Min.X + gridW + sideGap
	top := col.Max.Y
	if len(ch.Legend) > 0 {
		ch.drawLegend(col, top, colW)
		top -= ch.legendHeight(colW) + 2*blockGap
	}
	if lines := ch.caveatLines(colW); len(lines) > 0 {
		top = drawLines(col, ch.caveatStyle(), col.Min.X, top, lines) - 2*blockGap
	}
	if lines := ch.noteLines(colW); len(lines) > 0 {
		st := ch.style()
		sty := st.TextStyle(st.NoteSize)
		sty.Color = st.Muted
		drawLines(col, sty, col.Min.X, top, lines)
	}
}

// columnFits reports whether the legend, caveats and notes fit a column
// of width w and height h, each legend label whole.
func (ch *Chart) columnFits(w, h vg.Length) bool {
	st := ch.style()
	var need vg.Length
	if len(ch.Legend) > 0 {
		sty := st.TextStyle(st.TickSize)
		for _, e := range ch.Legend {
			if legendLabel(sty, e.Label, w) != e.Label {
				return false
			}
		}
		need += ch.legendHeight(w) + 2*blockGap
	}
	need += LineHeight(ch.caveatStyle())*vg.Length(len(ch.caveatLines(w))) + 2*blockGap
	need += LineHeight(st.TextStyle(st.NoteSize)) * vg.Length(len(ch.noteLines(w)))
	return need <= h
}
