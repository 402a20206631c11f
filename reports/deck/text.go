package deck

import (
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/reports/figure"
)

// The type of a text slide, in the points of the chart layout (the slide
// style draws them TextScale times larger: 10 pt is 22 pt on the slide).
// The smallest, bodySize, is above the 9 pt the slide preset makes 20 pt.
const (
	bodySize = vg.Length(10)
	leadSize = vg.Length(11.5)
	paraGap  = vg.Length(5)
	cellPad  = vg.Length(6)
)

// A block is a paragraph or a table of a text slide.
type block struct {
	text  string
	size  vg.Length
	bold  bool
	muted bool
	// A table: rows of cells, the first row its header, each column the
	// share of the width in cols.
	rows [][]string
	cols []float64
}

// textBody draws blocks of text from the top of its canvas down, each
// wrapped to the width.
type textBody struct {
	style  *figure.ChartStyle
	blocks []block
}

func (b *textBody) textStyle(bl block) text.Style {
	st := b.style
	sty := st.TextStyle(bl.size)
	if bl.bold {
		sty = st.BoldStyle(bl.size)
	}
	if bl.muted {
		sty.Color = st.Muted
	}
	return sty
}

// height is the height of a block at a width.
func (b *textBody) height(bl block, width vg.Length) vg.Length {
	sty := b.textStyle(bl)
	lh := figure.LineHeight(sty)
	if bl.rows == nil {
		return lh * vg.Length(len(wrap(sty, bl.text, width)))
	}
	var h vg.Length
	for j, row := range bl.rows {
		h += b.rowHeight(bl, j, row, width, lh)
	}
	return h
}

func (b *textBody) rowHeight(bl block, j int, row []string, width, lh vg.Length) vg.Length {
	most := 1
	for i, cell := range row {
		sty := b.cellStyle(bl, j, i)
		most = max(most, len(wrap(sty, cell, vg.Length(bl.cols[i])*width-cellPad)))
	}
	return lh*vg.Length(most) + cellPad/2
}

// cellStyle is bold for the header and the first column.
func (b *textBody) cellStyle(bl block, j, i int) text.Style {
	c := bl
	c.bold = j == 0 || i == 0
	return b.textStyle(c)
}

// fit keeps the blocks that fit a canvas of the size, from the first,
// and returns those that do not.
func (b *textBody) fit(width, height vg.Length) (cut []block) {
	var used vg.Length
	for k, bl := range b.blocks {
		h := b.height(bl, width)
		if k > 0 {
			h += paraGap
		}
		if used+h > height {
			cut = b.blocks[k:]
			b.blocks = b.blocks[:k]
			return cut
		}
		used += h
	}
	return nil
}

// Draw implements figure.Drawer.
func (b *textBody) Draw(c draw.Canvas) {
	width := c.Max.X - c.Min.X
	top := c.Max.Y
	for k, bl := range b.blocks {
		if k > 0 {
			top -= paraGap
		}
		sty := b.textStyle(bl)
		lh := figure.LineHeight(sty)
		if bl.rows == nil {
			top = drawLines(c, sty, c.Min.X, top, wrap(sty, bl.text, width))
			continue
		}
		for j, row := range bl.rows {
			rh := b.rowHeight(bl, j, row, width, lh)
			x := c.Min.X
			for i, cell := range row {
				cs := b.cellStyle(bl, j, i)
				drawLines(c, cs, x, top, wrap(cs, cell, vg.Length(bl.cols[i])*width-cellPad))
				x += vg.Length(bl.cols[i]) * width
			}
			top -= rh
			if j == 0 {
				c.StrokeLine2(draw.LineStyle{Color: b.style.Text, Width: 0.6}, c.Min.X, top+cellPad/4, c.Max.X, top+cellPad/4)
			}
		}
	}
}

// drawLines draws lines left-aligned at x, the first line's top at top,
// and returns the y under the last line.
func drawLines(c draw.Canvas, sty text.Style, x, top vg.Length, lines []string) vg.Length {
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	h := figure.LineHeight(sty)
	desc := sty.FontExtents().Descent
	for _, l := range lines {
		top -= h
		c.FillText(sty, vg.Point{X: x, Y: top + desc}, l)
	}
	return top
}

// wrap breaks s into lines no wider than width, at spaces; a word wider
// than width gets a line of its own.
func wrap(sty text.Style, s string, width vg.Length) []string {
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		line := ""
		for w := range strings.FieldsSeq(para) {
			try := w
			if line != "" {
				try = line + " " + w
			}
			if line != "" && sty.Width(try) > width {
				lines = append(lines, line)
				try = w
			}
			line = try
		}
		lines = append(lines, line)
	}
	return lines
}

// textSlide is a slide of text: the title, then the blocks that fit; the
// others go to the speaker notes (returned).
func textSlide(st *figure.ChartStyle, title string, blocks []block) (*figure.Chart, []string) {
	ch := figure.NewChart(st, title, "", "")
	body := &textBody{style: st, blocks: blocks}
	width := ch.BodyWidth()
	tsty := st.BoldStyle(st.TitleSize)
	// The room under the title, as figure.Chart lays it out: the margins,
	// the title's lines and the gap under them.
	height := st.Height - 2*st.Margin - figure.LineHeight(tsty)*vg.Length(len(wrap(tsty, title, width))) - 5
	var moved []string
	for _, bl := range body.fit(width, height-2) {
		if bl.rows != nil {
			for _, r := range bl.rows {
				moved = append(moved, strings.Join(r, " | "))
			}
			continue
		}
		moved = append(moved, bl.text)
	}
	if len(moved) > 0 && len(body.blocks) > 0 {
		// Say so on the slide, in the room of the last block kept if need be.
		note := block{text: "More in the speaker notes.", size: bodySize, muted: true}
		body.blocks = append(body.blocks, note)
		if cut := body.fit(width, height-2); len(cut) > 0 {
			last := body.blocks[len(body.blocks)-1]
			body.blocks = append(body.blocks[:len(body.blocks)-1], note)
			moved = append([]string{last.text}, moved...)
		}
	}
	ch.Body = body
	return ch, moved
}
