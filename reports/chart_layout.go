package reports

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// plotGrid draws plots in a grid, rows from the top, with the data areas
// of each column and of each row aligned as plot.Align aligns them; unlike
// Panels its rows may differ in height (a reliability diagram over its
// histogram), its data areas may be square, and a block of text may stand
// on its right.
type plotGrid struct {
	plots [][]*plot.Plot // a nil plot leaves its cell empty
	// heights are the relative data heights of the rows; nil means equal.
	heights []float64
	// gaps are the spaces under each row but the last; nil means gap.
	gaps []vg.Length
	// gap is the space between columns and, unless gaps says otherwise,
	// between rows; zero means 6 mm.
	gap vg.Length
	// square makes each column's data area as wide as a row of relative
	// height 1 is tall, leaving room over at the bottom or on the right.
	square bool
	// side is text drawn right of the grid, from the top of its data;
	// sideWidth is the least width it gets.
	side      *textBlock
	sideWidth vg.Length
}

const sideGap = 6 * vg.Millimeter // between the grid and the side text

func (g *plotGrid) gapX() vg.Length {
	if g.gap == 0 {
		return 6 * vg.Millimeter
	}
	return g.gap
}

func (g *plotGrid) rowGap(j int) vg.Length {
	if j < len(g.gaps) {
		return g.gaps[j]
	}
	return g.gapX()
}

func (g *plotGrid) height(j int) float64 {
	if g.heights == nil {
		return 1
	}
	return g.heights[j]
}

// nominal is a canvas to measure plots on: their axes and labels take
// the same room on any canvas big enough.
var nominal = draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 20 * vg.Centimeter, Y: 20 * vg.Centimeter}}}

// plotPads is the room a plot takes around its data area on a canvas:
// left, right, bottom and top.
func plotPads(p *plot.Plot, c draw.Canvas) (l, r, b, t vg.Length) {
	d := p.DataCanvas(c)
	return d.Min.X - c.Min.X, c.Max.X - d.Max.X, d.Min.Y - c.Min.Y, c.Max.Y - d.Max.Y
}

// spacing is the most room any plot of each column takes left and right
// of its data, and of each row below and above it.
func (g *plotGrid) spacing() (left, right, bottom, top []vg.Length) {
	cols := len(g.plots[0])
	left, right = make([]vg.Length, cols), make([]vg.Length, cols)
	bottom, top = make([]vg.Length, len(g.plots)), make([]vg.Length, len(g.plots))
	for j, row := range g.plots {
		for i, p := range row {
			if p == nil {
				continue
			}
			l, r, b, t := plotPads(p, nominal)
			left[i], right[i] = max(left[i], l), max(right[i], r)
			bottom[j], top[j] = max(bottom[j], b), max(top[j], t)
		}
	}
	return left, right, bottom, top
}

// padding totals the room around the data areas across and down.
func (g *plotGrid) padding() (across, down vg.Length) {
	left, right, bottom, top := g.spacing()
	for i := range left {
		across += left[i] + right[i]
	}
	across += g.gapX() * vg.Length(len(left)-1)
	for j := range bottom {
		down += bottom[j] + top[j]
		if j < len(bottom)-1 {
			down += g.rowGap(j)
		}
	}
	return across, down
}

func (g *plotGrid) totalHeight() float64 {
	var sum float64
	for j := range g.plots {
		sum += g.height(j)
	}
	return sum
}

// reserve is the width kept for the side text.
func (g *plotGrid) reserve() vg.Length {
	if g.side == nil {
		return 0
	}
	return g.sideWidth + sideGap
}

// sizes are the data widths of the columns and heights of the rows on
// a canvas of width w and height h.
func (g *plotGrid) sizes(w, h vg.Length) (colW, rowH []vg.Length) {
	across, down := g.padding()
	cols := len(g.plots[0])
	availW := w - g.reserve() - across
	availH := h - down
	var unitW, unitH vg.Length
	if g.square {
		u := min(availH/vg.Length(g.totalHeight()), availW/vg.Length(cols))
		unitW, unitH = u, u
	} else {
		unitW, unitH = availW/vg.Length(cols), availH/vg.Length(g.totalHeight())
	}
	colW = make([]vg.Length, cols)
	for i := range colW {
		colW[i] = max(unitW, 0)
	}
	rowH = make([]vg.Length, len(g.plots))
	for j := range rowH {
		rowH[j] = max(unitH*vg.Length(g.height(j)), 0)
	}
	return colW, rowH
}

// heightFor is the height a square grid needs at width w, with its side
// text: the body height a chart should fit.
func (g *plotGrid) heightFor(w vg.Length) vg.Length {
	across, down := g.padding()
	cols := len(g.plots[0])
	u := (w - g.reserve() - across) / vg.Length(cols)
	h := down + u*vg.Length(g.totalHeight())
	if g.side != nil {
		_, _, _, top := g.spacing()
		gridW := across + u*vg.Length(cols)
		h = max(h, top[0]+g.side.height(w-gridW-sideGap))
	}
	return h
}

// Draw draws the grid and its side text on the canvas.
func (g *plotGrid) Draw(c draw.Canvas) {
	if len(g.plots) == 0 {
		return
	}
	left, right, bottom, top := g.spacing()
	colW, rowH := g.sizes(c.Max.X-c.Min.X, c.Max.Y-c.Min.Y)
	x := c.Min.X
	xs := make([]vg.Length, len(colW)) // left edge of each column's data
	for i := range colW {
		xs[i] = x + left[i]
		x = xs[i] + colW[i] + right[i] + g.gapX()
	}
	gridRight := x - g.gapX()
	y := c.Max.Y
	ys := make([]vg.Length, len(rowH)) // top edge of each row's data
	for j := range rowH {
		ys[j] = y - top[j]
		y = ys[j] - rowH[j] - bottom[j] - g.rowGap(j)
	}
	for j, row := range g.plots {
		for i, p := range row {
			if p == nil {
				continue
			}
			want := vg.Rectangle{Min: vg.Point{X: xs[i], Y: ys[j] - rowH[j]}, Max: vg.Point{X: xs[i] + colW[i], Y: ys[j]}}
			p.Draw(fitData(p, c, want))
		}
	}
	if g.side != nil {
		g.side.draw(c, gridRight+sideGap, ys[0], c.Max.X-gridRight-sideGap)
	}
}

// fitData returns the part of c on which plot p draws its data in the
// rectangle want: want widened by the room p's axes and labels take.
func fitData(p *plot.Plot, c draw.Canvas, want vg.Rectangle) draw.Canvas {
	l, r, b, t := plotPads(p, nominal)
	cell := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: want.Min.X - l, Y: want.Min.Y - b},
		Max: vg.Point{X: want.Max.X + r, Y: want.Max.Y + t},
	}}
	// The room glyphs take at the edges scales a little with the canvas:
	// correct once for where the data area actually falls.
	d := p.DataCanvas(cell)
	cell.Min.X += want.Min.X - d.Min.X
	cell.Max.X += want.Max.X - d.Max.X
	cell.Min.Y += want.Min.Y - d.Min.Y
	cell.Max.Y += want.Max.Y - d.Max.Y
	return cell
}

// A textBlock is paragraphs of text set in a column, each wrapped to its
// width, and rows of a table, for the figures and readings beside a chart.
type textBlock struct {
	paras []textPara
}

// A textPara is one paragraph or table row of a textBlock.
type textPara struct {
	text  string
	style text.Style
	// mark, when set, is drawn in a legend-sized box left of the first
	// line, and the paragraph is indented by the box.
	mark ThumbnailFunc
	// space is the room above the paragraph.
	space vg.Length
	// cells make the paragraph a row of the block's table: the first
	// cell is set at the left, the others right-aligned in columns as
	// wide as their widest cell. marks head the columns instead of text
	// when set, a mark for each cell but the first.
	cells []string
	marks []ThumbnailFunc
}

func (p textPara) indent() vg.Length {
	if p.mark == nil {
		return 0
	}
	return legendThumbWidth + legendGap
}

// lines is the paragraph wrapped to a width; a table row is one line.
func (p textPara) lines(width vg.Length) []string {
	if p.cells != nil || p.marks != nil {
		return []string{""}
	}
	return wrapText(p.style, p.text, width-p.indent())
}

func (b *textBlock) add(p textPara) { b.paras = append(b.paras, p) }

const cellGap = vg.Length(8) // between the columns of a table

// columns is the right edge of each column of the table but the first,
// from the left of the block.
func (b *textBlock) columns() []vg.Length {
	var first vg.Length
	var widths []vg.Length
	for _, p := range b.paras {
		for k, s := range p.cells {
			w := p.style.Width(s)
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
func (b *textBlock) tableWidth() vg.Length {
	if e := b.columns(); len(e) > 0 {
		return e[len(e)-1]
	}
	return 0
}

// height is the block's height at a width.
func (b *textBlock) height(width vg.Length) vg.Length {
	var h vg.Length
	for _, p := range b.paras {
		h += p.space + lineHeight(p.style)*vg.Length(len(p.lines(width)))
	}
	return h
}

// draw sets the block at x from top down, wrapped to width.
func (b *textBlock) draw(c draw.Canvas, x, top, width vg.Length) {
	edges := b.columns()
	for _, p := range b.paras {
		top -= p.space
		lh := lineHeight(p.style)
		box := func(x0, x1 vg.Length) *draw.Canvas {
			return &draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x0, Y: top - lh + 1},
				Max: vg.Point{X: x1, Y: top - 1},
			}}
		}
		switch {
		case p.marks != nil:
			for k, m := range p.marks {
				m(box(x+edges[k]-legendThumbWidth, x+edges[k]))
			}
			top -= lh
		case p.cells != nil:
			drawLines(c, p.style, x, top, p.cells[:1])
			for k, s := range p.cells[1:] {
				drawLines(c, p.style, x+edges[k]-p.style.Width(s), top, []string{s})
			}
			top -= lh
		default:
			if p.mark != nil {
				p.mark(box(x, x+legendThumbWidth))
			}
			top = drawLines(c, p.style, x+p.indent(), top, p.lines(width))
		}
	}
}

// A markLabel is text to set beside a mark of a chart: a point's count or
// the ids of its cases.
type markLabel struct {
	at    vg.Point  // the mark's centre
	clear vg.Length // the mark's radius: the label keeps clear of it
	lines []string
	style text.Style
}

func (l markLabel) size() (w, h vg.Length) {
	for _, s := range l.lines {
		w = max(w, l.style.Width(s))
	}
	return w, lineHeight(l.style) * vg.Length(len(l.lines))
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
func placeLabels(c draw.Canvas, labels []markLabel, avoid []vg.Rectangle, lines [][]vg.Point, leader draw.LineStyle) {
	taken := append([]vg.Rectangle(nil), avoid...)
	marks := make([]vg.Rectangle, len(labels))
	for i, l := range labels {
		marks[i] = boxAround(l.at, l.clear+1)
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
		own := distance(l.at, r)
		for j, m := range labels {
			if j != i && ((!far && distance(m.at, r) < own+4) || (far && distance(m.at, r) < m.clear+8)) {
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
		drawLines(c, labels[i].style, r.Min.X, r.Max.Y, labels[i].lines)
	}

	var later []int
	for i, l := range labels {
		w, h := l.size()
		g := l.clear + 3 // clear of the mark's box
		d := l.clear + 2
		found := false
		for _, p := range []vg.Point{ // lower-left corners
			{X: l.at.X + g, Y: l.at.Y - h/2},
			{X: l.at.X - g - w, Y: l.at.Y - h/2},
			{X: l.at.X - w/2, Y: l.at.Y + g},
			{X: l.at.X - w/2, Y: l.at.Y - g - h},
			{X: l.at.X + d, Y: l.at.Y + d},
			{X: l.at.X + d, Y: l.at.Y - d - h},
			{X: l.at.X - d - w, Y: l.at.Y + d},
			{X: l.at.X - d - w, Y: l.at.Y - d - h},
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
				p := vg.Point{X: l.at.X + dx, Y: l.at.Y + dy}
				r := vg.Rectangle{Min: p, Max: vg.Point{X: p.X + w, Y: p.Y + h}}
				if d := distance(l.at, r); d < best && d >= l.clear+3 && ok(i, r, true) {
					chosen, best = r, d
				}
			}
		}
		if !math.IsInf(float64(best), 1) {
			draw1(i, chosen, true)
			continue
		}
		// Keep it on the canvas at least.
		p := vg.Point{X: min(max(l.at.X+l.clear+3, c.Min.X), c.Max.X-w), Y: min(max(l.at.Y-h/2, c.Min.Y), c.Max.Y-h)}
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
func leaderEnds(l markLabel, r vg.Rectangle) (a, b vg.Point) {
	b = vg.Point{X: min(max(l.at.X, r.Min.X), r.Max.X), Y: min(max(l.at.Y, r.Min.Y), r.Max.Y)}
	dx, dy := float64(b.X-l.at.X), float64(b.Y-l.at.Y)
	dist := math.Hypot(dx, dy)
	if dist == 0 {
		return l.at, b
	}
	s := float64(l.clear+1) / dist
	return vg.Point{X: l.at.X + vg.Length(dx*s), Y: l.at.Y + vg.Length(dy*s)}, b
}

// boxAround is the box of half-side r around p.
func boxAround(p vg.Point, r vg.Length) vg.Rectangle {
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
