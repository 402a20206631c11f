package figure

import (
	"math"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// plotGrid draws plots in a grid, rows from the top, with the data areas
// of each column and of each row aligned as plot.Align aligns them; unlike
// Panels its rows may differ in height (a reliability diagram over its
// histogram), its data areas may keep a fixed shape, its panels may have
// titles that wrap to their column, and a block of text may stand on its
// right.
//
// Every column's data area is as wide as every other's, and each plot's
// data area lands exactly where the grid puts it, whatever the plot's
// labels overhang: panels of one grid are drawn at one size.
type PlotGrid struct {
	Plots [][]*plot.Plot // a nil plot leaves its cell empty
	// heights are the relative data heights of the rows; nil means equal.
	Heights []float64
	// gaps are the spaces under each row but the last; nil means gap.
	Gaps []vg.Length
	// gap is the space between columns and, unless gaps says otherwise,
	// between rows; zero means 6 mm.
	Gap vg.Length
	// square makes each column's data area as wide as a row of relative
	// height 1 is tall, leaving room over at the bottom or on the right;
	// aspect, when positive, makes such a row aspect times as tall as the
	// columns are wide instead.
	Square bool
	Aspect float64
	// side is text drawn right of the grid, from the top of its data;
	// sideWidth is the least width it gets.
	Side      *TextBlock
	SideWidth vg.Length
	// titles name the panels: titles[j][i], when its name is set, is set
	// over plots[j][i], left-aligned with its data, wrapped to the width
	// of its column in at most two lines, its caption under it in small
	// muted type. The grid draws them, not the plots, so that a long name
	// never runs into the next panel. style is their look; nil means
	// DefaultChartStyle().
	titles [][]PanelTitle
	Style  *ChartStyle
}

// A panelTitle names one panel of a plotGrid: its name in bold and a
// caption under it, such as the panel's count and score.
type PanelTitle struct {
	Name, Caption string
}

const (
	sideGap    = 6 * vg.Millimeter // between the grid and the side text
	titleGap   = vg.Length(3)      // between a panel's title and its plot
	titleLines = 2                 // the most lines of a panel's name or caption
)

func (g *PlotGrid) gapX() vg.Length {
	if g.Gap == 0 {
		return 6 * vg.Millimeter
	}
	return g.Gap
}

func (g *PlotGrid) rowGap(j int) vg.Length {
	if j < len(g.Gaps) {
		return g.Gaps[j]
	}
	return g.gapX()
}

func (g *PlotGrid) height(j int) float64 {
	if g.Heights == nil {
		return 1
	}
	return g.Heights[j]
}

// shape is the height of a row of relative height 1 per unit of column
// width, or 0 when the rows share out the canvas's height.
func (g *PlotGrid) shape() float64 {
	switch {
	case g.Aspect > 0:
		return g.Aspect
	case g.Square:
		return 1
	}
	return 0
}

func (g *PlotGrid) chartStyle() *ChartStyle { return StyleOr(g.Style) }

func (g *PlotGrid) titleStyle() text.Style {
	st := g.chartStyle()
	return st.BoldStyle(st.TickSize)
}

func (g *PlotGrid) captionStyle() text.Style {
	st := g.chartStyle()
	sty := st.TextStyle(st.NoteSize)
	sty.Color = st.Muted
	return sty
}

func (g *PlotGrid) title(j, i int) PanelTitle {
	if j < len(g.titles) && i < len(g.titles[j]) {
		return g.titles[j][i]
	}
	return PanelTitle{}
}

// nominal is a canvas to measure plots on: their axes and labels take
// the same room on any canvas big enough.
var Nominal = draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 20 * vg.Centimeter, Y: 20 * vg.Centimeter}}}

// plotPads is the room a plot takes around its data area on a canvas:
// left, right, bottom and top.
func PlotPads(p *plot.Plot, c draw.Canvas) (l, r, b, t vg.Length) {
	d := p.DataCanvas(c)
	return d.Min.X - c.Min.X, c.Max.X - d.Max.X, d.Min.Y - c.Min.Y, c.Max.Y - d.Max.Y
}

// padsAt is the room a plot takes around a data area of width w and
// height h: left, right, bottom and top. A label wider than the data
// (an axis label under a small panel) takes more room than on a large
// canvas, which is why this measures at the size itself.
func padsAt(p *plot.Plot, w, h vg.Length) (l, r, b, t vg.Length) {
	cell := FitData(p, Nominal, vg.Rectangle{Max: vg.Point{X: max(w, 1), Y: max(h, 1)}})
	return -cell.Min.X, cell.Max.X - max(w, 1), -cell.Min.Y, cell.Max.Y - max(h, 1)
}

// gridLayout is where a grid puts its panels on a canvas of a width.
type gridLayout struct {
	left, right []vg.Length // the room each column takes beside its data
	bottom, top []vg.Length // and each row below and above it, its titles too
	plotTop     []vg.Length // the room above the data of each row's plots alone
	colW, rowH  []vg.Length // the data width of each column and height of each row
	names       [][][]string
	captions    [][][]string
}

// across is the width of the grid at its layout, without its side text.
func (l *gridLayout) across(g *PlotGrid) vg.Length {
	var w vg.Length
	for i := range l.colW {
		w += l.left[i] + l.colW[i] + l.right[i]
	}
	return w + g.gapX()*vg.Length(len(l.colW)-1)
}

// down is the height of the grid at its layout.
func (l *gridLayout) down(g *PlotGrid) vg.Length {
	var h vg.Length
	for j := range l.rowH {
		h += l.top[j] + l.rowH[j] + l.bottom[j]
		if j < len(l.rowH)-1 {
			h += g.rowGap(j)
		}
	}
	return h
}

// reserve is the width kept for the side text.
func (g *PlotGrid) reserve() vg.Length {
	if g.Side == nil {
		return 0
	}
	return g.SideWidth + sideGap
}

func (g *PlotGrid) totalHeight() float64 {
	var sum float64
	for j := range g.Plots {
		sum += g.height(j)
	}
	return sum
}

// layout lays the grid out on a canvas of width w and height h; an
// infinite h lays it out at its natural height, which a grid of a fixed
// shape has. It measures the room the plots take at the sizes they get,
// in two passes, so that labels wider than a small panel's data are
// allowed for.
func (g *PlotGrid) layout(w, h vg.Length) *gridLayout {
	cols, rows := len(g.Plots[0]), len(g.Plots)
	l := &gridLayout{
		left: make([]vg.Length, cols), right: make([]vg.Length, cols),
		bottom: make([]vg.Length, rows), top: make([]vg.Length, rows), plotTop: make([]vg.Length, rows),
		colW: make([]vg.Length, cols), rowH: make([]vg.Length, rows),
	}
	measure := func(at func(j, i int) (w, h vg.Length)) {
		clear(l.left)
		clear(l.right)
		clear(l.bottom)
		clear(l.plotTop)
		for j, row := range g.Plots {
			for i, p := range row {
				if p == nil {
					continue
				}
				var pl, pr, pb, pt vg.Length
				if at == nil {
					pl, pr, pb, pt = PlotPads(p, Nominal)
				} else {
					w, h := at(j, i)
					pl, pr, pb, pt = padsAt(p, w, h)
				}
				l.left[i], l.right[i] = max(l.left[i], pl), max(l.right[i], pr)
				l.bottom[j], l.plotTop[j] = max(l.bottom[j], pb), max(l.plotTop[j], pt)
			}
		}
	}
	widths := func() {
		var pads vg.Length
		for i := range l.colW {
			pads += l.left[i] + l.right[i]
		}
		unit := (w - g.reserve() - pads - g.gapX()*vg.Length(cols-1)) / vg.Length(cols)
		for i := range l.colW {
			l.colW[i] = max(unit, 0)
		}
	}
	heights := func() {
		l.titles(g, w)
		var pads vg.Length
		for j := range l.rowH {
			l.top[j] = l.plotTop[j] + l.titleHeight(g, j)
			pads += l.top[j] + l.bottom[j]
			if j < rows-1 {
				pads += g.rowGap(j)
			}
		}
		unit := (h - pads) / vg.Length(g.totalHeight())
		if s := g.shape(); s > 0 {
			unit = min(unit, l.colW[0]*vg.Length(s))
			if unit < l.colW[0]*vg.Length(s) {
				// Too little height: narrow the columns to keep the shape.
				for i := range l.colW {
					l.colW[i] = unit / vg.Length(s)
				}
			}
		}
		for j := range l.rowH {
			l.rowH[j] = max(unit*vg.Length(g.height(j)), 0)
		}
	}
	measure(nil)
	widths()
	heights()
	measure(func(j, i int) (vg.Length, vg.Length) { return l.colW[i], l.rowH[j] })
	widths()
	heights()
	return l
}

// titles wraps the panels' names and captions to their columns, the
// last to the edge of the grid's width w.
func (l *gridLayout) titles(g *PlotGrid, w vg.Length) {
	l.names, l.captions = nil, nil
	if g.titles == nil {
		return
	}
	cols := len(l.colW)
	for j := range g.Plots {
		names, captions := make([][]string, cols), make([][]string, cols)
		for i := range cols {
			t := g.title(j, i)
			if t.Name == "" {
				continue
			}
			width := l.colW[i] + l.right[i] + g.gapX() + l.left[min(i+1, cols-1)] - 4
			if i == cols-1 {
				width = w - g.reserve() - l.across(g) + l.colW[i] + l.right[i]
			}
			names[i] = fitLines(g.titleStyle(), t.Name, width, titleLines)
			if t.Caption != "" {
				captions[i] = fitLines(g.captionStyle(), t.Caption, width, titleLines)
			}
		}
		l.names, l.captions = append(l.names, names), append(l.captions, captions)
	}
}

// titleHeight is the room the titles of row j take over its plots.
func (l *gridLayout) titleHeight(g *PlotGrid, j int) vg.Length {
	if l.names == nil {
		return 0
	}
	var most vg.Length
	for i := range l.names[j] {
		if len(l.names[j][i]) > 0 {
			most = max(most, l.titleBlock(g, j, i)+titleGap)
		}
	}
	return most
}

// titleBlock is the height of the title and caption of panel (j, i).
func (l *gridLayout) titleBlock(g *PlotGrid, j, i int) vg.Length {
	return LineHeight(g.titleStyle())*vg.Length(len(l.names[j][i])) +
		LineHeight(g.captionStyle())*vg.Length(len(l.captions[j][i]))
}

// fitLines wraps s to width in at most n lines, cutting the last with
// "…" when there is more, and any word too long for a line. It stops
// wrapping after n lines, so a long text costs no more than a short one.
func fitLines(sty text.Style, s string, width vg.Length, n int) []string {
	lines := wrapLines(sty, s, width, n+1)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = strings.TrimRight(lines[n-1], " ") + "…"
	}
	for k, line := range lines {
		lines[k] = fitWidth(sty, line, width)
	}
	return lines
}

// fitWidth cuts s to fit width, marking the cut with "…", between runes
// (never inside a UTF-8 sequence). It measures O(log n) prefixes of at
// most maxDrawnRunes runes, so a 100 KB string costs no more than a line.
func fitWidth(sty text.Style, s string, width vg.Length) string {
	if utf8.RuneCountInString(s) <= maxDrawnRunes && sty.Width(s) <= width {
		return s
	}
	r := []rune(strings.TrimSuffix(CutRunes(s, maxDrawnRunes), "…"))
	cut := func(k int) string { return strings.TrimRight(string(r[:k]), " ,;:(/–-") + "…" }
	// The longest prefix that fits: cut(k) grows with k but for the
	// trimmed punctuation, so search, then step back over any that do not.
	lo, hi := 0, len(r)-1 // cut(lo) is taken to fit; cut(hi+1) does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if sty.Width(cut(mid)) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for ; lo > 0; lo-- {
		if c := cut(lo); sty.Width(c) <= width {
			return c
		}
	}
	return "…"
}

// dataWidth is the width of the columns' data on a canvas of width w.
func (g *PlotGrid) DataWidth(w vg.Length) vg.Length {
	return g.layout(w, vg.Length(math.Inf(1))).colW[0]
}

// heightFor is the height a grid of a fixed shape needs at width w, with
// its side text: the body height a chart should fit.
func (g *PlotGrid) HeightFor(w vg.Length) vg.Length {
	l := g.layout(w, vg.Length(math.Inf(1)))
	h := l.down(g)
	if g.Side != nil {
		h = max(h, l.top[0]+g.Side.height(w-l.across(g)-sideGap))
	}
	return h
}

// Draw draws the grid and its side text on the canvas.
func (g *PlotGrid) Draw(c draw.Canvas) {
	if len(g.Plots) == 0 {
		return
	}
	l := g.layout(c.Max.X-c.Min.X, c.Max.Y-c.Min.Y)
	x := c.Min.X
	xs := make([]vg.Length, len(l.colW)) // left edge of each column's data
	for i := range l.colW {
		xs[i] = x + l.left[i]
		x = xs[i] + l.colW[i] + l.right[i] + g.gapX()
	}
	gridRight := x - g.gapX()
	y := c.Max.Y
	ys := make([]vg.Length, len(l.rowH)) // top edge of each row's data
	for j := range l.rowH {
		ys[j] = y - l.top[j]
		y = ys[j] - l.rowH[j] - l.bottom[j] - g.rowGap(j)
	}
	for j, row := range g.Plots {
		for i, p := range row {
			if p == nil {
				continue
			}
			want := vg.Rectangle{Min: vg.Point{X: xs[i], Y: ys[j] - l.rowH[j]}, Max: vg.Point{X: xs[i] + l.colW[i], Y: ys[j]}}
			p.Draw(FitData(p, c, want))
			if l.names != nil && len(l.names[j][i]) > 0 {
				// Set on the plot, so that the captions of a row line up.
				top := ys[j] + l.plotTop[j] + titleGap + l.titleBlock(g, j, i)
				top = drawLines(c, g.titleStyle(), xs[i], top, l.names[j][i])
				drawLines(c, g.captionStyle(), xs[i], top, l.captions[j][i])
			}
		}
	}
	if g.Side != nil {
		g.Side.draw(c, gridRight+sideGap, ys[0], c.Max.X-gridRight-sideGap)
	}
}

// fitData returns the part of c on which plot p draws its data in the
// rectangle want: want widened by the room p's axes and labels take. That
// room depends a little on the size (gonum/plot places glyphs that
// overhang the data in proportion to it, and a centred axis label wider
// than the data takes more room the narrower the data), so the canvas's
// width and height are solved for, each on its own, as gonum/plot lays
// out the two directions independently.
func FitData(p *plot.Plot, c draw.Canvas, want vg.Rectangle) draw.Canvas {
	l, r, b, t := PlotPads(p, Nominal)
	size := func(w, h vg.Length) vg.Rectangle {
		return p.DataCanvas(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}).Rectangle
	}
	wantW, wantH := want.Max.X-want.Min.X, want.Max.Y-want.Min.Y
	h0 := wantH + b + t
	cw := solveSize(func(w vg.Length) vg.Length { d := size(w, h0); return d.Max.X - d.Min.X }, wantW, wantW+l+r)
	ch := solveSize(func(h vg.Length) vg.Length { d := size(cw, h); return d.Max.Y - d.Min.Y }, wantH, h0)
	d := size(cw, ch)
	return draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: want.Min.X - d.Min.X, Y: want.Min.Y - d.Min.Y},
		Max: vg.Point{X: want.Min.X - d.Min.X + cw, Y: want.Min.Y - d.Min.Y + ch},
	}}
}

// solveSize finds the canvas size x at which f, the size of the data
// area, which grows with x, is target, by the secant method from guess.
func solveSize(f func(vg.Length) vg.Length, target, guess vg.Length) vg.Length {
	const tol = 0.01
	x0, f0 := guess, f(guess)
	if math.Abs(float64(f0-target)) <= tol {
		return x0
	}
	x1 := x0 + target - f0
	f1 := f(x1)
	for k := 0; k < 40 && math.Abs(float64(f1-target)) > tol; k++ {
		step := target - f1
		if f1 != f0 {
			step *= (x1 - x0) / (f1 - f0)
		}
		x0, f0 = x1, f1
		x1 = x1 + step
		f1 = f(x1)
	}
	return x1
}

// A textBlock is paragraphs of text set in a column, each wrapped to its
// width, and rows of a table, for the figures and readings beside a chart.
type TextBlock struct {
	paras []TextPara
}

// A textPara is one paragraph or table row of a textBlock.
type TextPara struct {
	Text  string
	Style text.Style
	// mark, when set, is drawn in a legend-sized box left of the first
	// line, and the paragraph is indented by the box.
	mark ThumbnailFunc
	// space is the room above the paragraph.
	Space vg.Length
	// cells make the paragraph a row of the block's table: the first
	// cell is set at the left, the others right-aligned in columns as
	// wide as their widest cell. marks head the columns instead of text
	// when set, a mark for each cell but the first.
	Cells []string
	Marks []ThumbnailFunc
}

func (p TextPara) indent() vg.Length {
	if p.mark == nil {
		return 0
	}
	return legendThumbWidth + legendGap
}

// lines is the paragraph wrapped to a width; a table row is one line.
func (p TextPara) lines(width vg.Length) []string {
	if p.Cells != nil || p.Marks != nil {
		return []string{""}
	}
	return wrapText(p.Style, p.Text, width-p.indent())
}

func (b *TextBlock) Add(p TextPara) { b.paras = append(b.paras, p) }

const cellGap = vg.Length(8) // between the columns of a table

// columns is the right edge of each column of the table but the first,
// from the left of the block.
func (b *TextBlock) columns() []vg.Length {
	var first vg.Length
	var widths []vg.Length
	for _, p := range b.paras {
		for k, s := range p.Cells {
			w := p.Style.Width(s)
			if k == 0 {
				first = max(first, w)
				continue
			}
			for len(widths) < k {
				widths = append(widths, legendThumbWidth)
			}
			widths[k-1] = max(widths[k-1], w)
		}
	}
	edges := make([]vg.Length, len(widths))
	x := first
	for k, w := range widths {
		x += cellGap + w
		edges[k] = x
	}
	return edges
}

// tableWidth is the width of the block's table.
func (b *TextBlock) TableWidth() vg.Length {
	if e := b.columns(); len(e) > 0 {
		return e[len(e)-1]
	}
	return 0
}

// height is the block's height at a width.
func (b *TextBlock) height(width vg.Length) vg.Length {
	var h vg.Length
	for _, p := range b.paras {
		h += p.Space + LineHeight(p.Style)*vg.Length(len(p.lines(width)))
	}
	return h
}

// draw sets the block at x from top down, wrapped to width.
func (b *TextBlock) draw(c draw.Canvas, x, top, width vg.Length) {
	edges := b.columns()
	for _, p := range b.paras {
		top -= p.Space
		lh := LineHeight(p.Style)
		box := func(x0, x1 vg.Length) *draw.Canvas {
			return &draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x0, Y: top - lh + 1},
				Max: vg.Point{X: x1, Y: top - 1},
			}}
		}
		switch {
		case p.Marks != nil:
			for k, m := range p.Marks {
				m(box(x+edges[k]-legendThumbWidth, x+edges[k]))
			}
			top -= lh
		case p.Cells != nil:
			drawLines(c, p.Style, x, top, p.Cells[:1])
			for k, s := range p.Cells[1:] {
				drawLines(c, p.Style, x+edges[k]-p.Style.Width(s), top, []string{s})
			}
			top -= lh
		default:
			if p.mark != nil {
				p.mark(box(x, x+legendThumbWidth))
			}
			top = drawLines(c, p.Style, x+p.indent(), top, p.lines(width))
		}
	}
}

// A markLabel is text to set beside a mark of a chart: a point's count or
// the ids of its cases.
type MarkLabel struct {
	At    vg.Point  // the mark's centre
	Clear vg.Length // the mark's radius: the label keeps clear of it
	Lines []string
	Style text.Style
}

func (l MarkLabel) size() (w, h vg.Length) {
	for _, s := range l.Lines {
		w = max(w, l.Style.Width(s))
	}
	return w, LineHeight(l.Style) * vg.Length(len(l.Lines))
}

// placeLabels sets each label beside its mark where it stays inside c
// and overlaps no other label, no mark, nothing in avoid and no line in
// lines, and is nearer its own mark than any other: right of the mark if
// it can, else left, above, below or at a corner. Labels that have no
// such place beside their marks go next, in order, to the nearest free
// place within 90 points, clear of other marks, with a thin line back to
// the mark that passes no other mark or label, and apart from the other
// labels. A label that fits nowhere
// goes right of its mark regardless.
func PlaceLabels(c draw.Canvas, labels []MarkLabel, avoid []vg.Rectangle, lines [][]vg.Point, leader draw.LineStyle) {
	taken := append([]vg.Rectangle(nil), avoid...)
	marks := make([]vg.Rectangle, len(labels))
	for i, l := range labels {
		marks[i] = BoxAround(l.At, l.Clear+1)
	}
	taken = append(taken, marks...)
	var placed []vg.Rectangle
	ok := func(i int, r vg.Rectangle, far bool) bool {
		l := labels[i]
		if !inside(c.Rectangle, r) || overlapsAny(r, taken) || hitsLines(r, lines) {
			return false
		}
		// Beside a mark, a label must be nearer its own than any other;
		// away from it, with a line back, clear of the others.
		own := distance(l.At, r)
		for j, m := range labels {
			if j != i && ((!far && distance(m.At, r) < own+4) || (far && distance(m.At, r) < m.Clear+8)) {
				return false
			}
		}
		if far {
			for _, p := range placed {
				if overlapsAny(grow(r, 6), []vg.Rectangle{p}) {
					return false // it would read as part of another label
				}
			}
			a, b := leaderEnds(l, r)
			for j, m := range marks {
				if j != i && segmentHits(a, b, m) {
					return false
				}
			}
			for _, p := range placed {
				if segmentHits(a, b, p) {
					return false
				}
			}
		}
		return true
	}
	draw1 := func(i int, r vg.Rectangle, far bool) {
		taken = append(taken, grow(r, 1))
		placed = append(placed, r)
		if far {
			a, b := leaderEnds(labels[i], r)
			c.StrokeLine2(leader, a.X, a.Y, b.X, b.Y)
		}
		drawLines(c, labels[i].Style, r.Min.X, r.Max.Y, labels[i].Lines)
	}

	var later []int
	for i, l := range labels {
		w, h := l.size()
		g := l.Clear + 3 // clear of the mark's box
		d := l.Clear + 2
		found := false
		for _, p := range []vg.Point{ // lower-left corners
			{X: l.At.X + g, Y: l.At.Y - h/2},
			{X: l.At.X - g - w, Y: l.At.Y - h/2},
			{X: l.At.X - w/2, Y: l.At.Y + g},
			{X: l.At.X - w/2, Y: l.At.Y - g - h},
			{X: l.At.X + d, Y: l.At.Y + d},
			{X: l.At.X + d, Y: l.At.Y - d - h},
			{X: l.At.X - d - w, Y: l.At.Y + d},
			{X: l.At.X - d - w, Y: l.At.Y - d - h},
		} {
			if r := (vg.Rectangle{Min: p, Max: vg.Point{X: p.X + w, Y: p.Y + h}}); ok(i, r, false) {
				draw1(i, r, false)
				found = true
				break
			}
		}
		if !found {
			later = append(later, i)
		}
	}
	for _, i := range later {
		l := labels[i]
		w, h := l.size()
		// The nearest free place within reach, on a grid of 3 points.
		const reach, step = 90, 3
		best := vg.Length(math.Inf(1))
		var chosen vg.Rectangle
		for dy := vg.Length(-reach); dy <= reach; dy += step {
			for dx := -reach - w; dx <= reach; dx += step {
				p := vg.Point{X: l.At.X + dx, Y: l.At.Y + dy}
				r := vg.Rectangle{Min: p, Max: vg.Point{X: p.X + w, Y: p.Y + h}}
				if d := distance(l.At, r); d < best && d >= l.Clear+3 && ok(i, r, true) {
					chosen, best = r, d
				}
			}
		}
		if !math.IsInf(float64(best), 1) {
			draw1(i, chosen, true)
			continue
		}
		// Keep it on the canvas at least.
		p := vg.Point{X: min(max(l.At.X+l.Clear+3, c.Min.X), c.Max.X-w), Y: min(max(l.At.Y-h/2, c.Min.Y), c.Max.Y-h)}
		draw1(i, vg.Rectangle{Min: p, Max: vg.Point{X: p.X + w, Y: p.Y + h}}, false)
	}
}

// hitsLines reports whether a line of lines passes through r.
func hitsLines(r vg.Rectangle, lines [][]vg.Point) bool {
	for _, l := range lines {
		for k := 1; k < len(l); k++ {
			if segmentHits(l[k-1], l[k], r) {
				return true
			}
		}
	}
	return false
}

// segmentHits reports whether the segment from a to b passes through the
// inside of r (Liang–Barsky clipping).
func segmentHits(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q <= 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// leaderEnds are the ends of the line from a label's mark to the label:
// the edge of the mark and the nearest point of the label's box.
func leaderEnds(l MarkLabel, r vg.Rectangle) (a, b vg.Point) {
	b = vg.Point{X: min(max(l.At.X, r.Min.X), r.Max.X), Y: min(max(l.At.Y, r.Min.Y), r.Max.Y)}
	dx, dy := float64(b.X-l.At.X), float64(b.Y-l.At.Y)
	dist := math.Hypot(dx, dy)
	if dist == 0 {
		return l.At, b
	}
	s := float64(l.Clear+1) / dist
	return vg.Point{X: l.At.X + vg.Length(dx*s), Y: l.At.Y + vg.Length(dy*s)}, b
}

// boxAround is the box of half-side r around p.
func BoxAround(p vg.Point, r vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: p.X - r, Y: p.Y - r}, Max: vg.Point{X: p.X + r, Y: p.Y + r}}
}

func grow(r vg.Rectangle, d vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d}, Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d}}
}

func inside(outer, r vg.Rectangle) bool {
	return r.Min.X >= outer.Min.X && r.Max.X <= outer.Max.X && r.Min.Y >= outer.Min.Y && r.Max.Y <= outer.Max.Y
}

func overlapsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, o := range rs {
		if r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}

// distance is how far p is from the nearest point of r.
func distance(p vg.Point, r vg.Rectangle) vg.Length {
	dx := max(r.Min.X-p.X, 0, p.X-r.Max.X)
	dy := max(r.Min.Y-p.Y, 0, p.Y-r.Max.Y)
	return vg.Length(math.Hypot(float64(dx), float64(dy)))
}

// Small multiples: the charts that give each group a panel of its own lay
// the panels out with panelGrid.
const (
	// minPanel is the least data width of a panel: room for the tick
	// labels 0%, 50% and 100% and for a panel's name in a line or two.
	minPanel = 3.2 * vg.Centimeter
	// panelCols is the most columns of panels.
	panelCols = 4
)

// panelGrid lays out n panels in as many columns, up to panelCols, as
// keep each panel's data at least minPanel wide at width w (the chart's
// width less its margins): build makes the grid for a number of columns.
// More panels make more rows and a taller figure, never smaller panels.
func panelGrid(n int, w vg.Length, build func(cols int) *PlotGrid) *PlotGrid {
	for cols := min(panelCols, n); cols > 1; cols-- {
		if g := build(cols); g.DataWidth(w) >= minPanel {
			return g
		}
	}
	return build(1)
}

// smallMultiples lays out a panel for each of n groups with panelGrid, at
// width w, the panels in rows from the top: panel(k) builds the plots of
// panel k, stacked from the top, and its title, set over the first plot.
// row is the grid of one row of panels, with no plots: its square or
// aspect, gap and style, and, when a panel stacks several plots, their
// relative heights and the gaps between them; each row of panels repeats
// it, 6 mm under the one before. The panels share their scales, so only
// the lowest of each column names its x axis and only the first of each
// row labels its y axis: smallMultiples clears the others' labels.
func SmallMultiples(n int, w vg.Length, row PlotGrid, panel func(k int) ([]*plot.Plot, PanelTitle)) *PlotGrid {
	stack := max(len(row.Heights), 1) // plots in a panel
	build := func(cols int) *PlotGrid {
		g := &PlotGrid{Square: row.Square, Aspect: row.Aspect, Gap: row.Gap, Style: row.Style}
		for j := range (n + cols - 1) / cols {
			plots := make([][]*plot.Plot, stack)
			for s := range plots {
				plots[s] = make([]*plot.Plot, cols)
			}
			titles := make([][]PanelTitle, stack)
			titles[0] = make([]PanelTitle, cols)
			for i := range cols {
				k := j*cols + i
				if k >= n {
					continue
				}
				_, _, bottom, first := panelPlace(k, n, cols)
				stacked, title := panel(k)
				for s, p := range stacked {
					if !bottom {
						p.X.Label.Text = ""
					}
					if !first {
						p.Y.Label.Text = ""
						p.Y.Tick.Marker = UnlabelledTicks{p.Y.Tick.Marker}
					}
					plots[s][i] = p
				}
				titles[0][i] = title
			}
			g.Plots = append(g.Plots, plots...)
			g.titles = append(g.titles, titles...)
			g.Heights = append(g.Heights, row.Heights...)
			g.Gaps = append(append(g.Gaps, row.Gaps...), 6*vg.Millimeter)
		}
		return g
	}
	return panelGrid(n, w, build)
}

// panelPlace is where panel k of n goes in a grid of cols columns: its row
// and column, and whether it is the lowest of its column and the first of
// its row, which carry the axis labels.
func panelPlace(k, n, cols int) (row, col int, bottom, first bool) {
	row, col = k/cols, k%cols
	return row, col, k+cols >= n, col == 0
}

// Text is the block as plain text: each paragraph, and the table as one
// entry of a line a row, its cells joined by spaces; the marks heading a
// table are left out.
func (b *TextBlock) Text() []string {
	var out []string
	table := false // the last entry is a table
	for _, p := range b.paras {
		switch {
		case p.Cells != nil:
			row := strings.Join(p.Cells, " ")
			if table {
				out[len(out)-1] += "\n" + row
			} else {
				out = append(out, row)
			}
			table = true
			continue
		case p.Marks == nil && p.Text != "":
			out = append(out, p.Text)
		}
		table = false
	}
	return out
}

// SidePanel gives the grid its side text when the chart's style draws
// explanation panels, and else puts the text among the chart's Offstage
// (speaker notes), leaving the grid's width to its plots.
func (ch *Chart) SidePanel(g *PlotGrid) {
	if g.Side == nil || !ch.style().HideSide {
		return
	}
	ch.Offstage = append(ch.Offstage, g.Side.Text()...)
	g.Side = nil
}
