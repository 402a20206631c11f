package figure

import (
	"io"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// WritePDFPages writes the charts as one PDF, a chart a page, each page
// the chart's size: a slide deck. As Chart.Write, the same charts give
// the same bytes (fonts embedded once, subset to the glyphs used).
func WritePDFPages(w io.Writer, charts []*Chart) error {
	var c *pdfCanvas
	for i, ch := range charts {
		width, height := ch.Size()
		k := vg.Length(ch.style().scale())
		if i == 0 {
			c = newPDFCanvas(width*k, height*k)
		} else {
			c.Pop() // the page's flip, pushed by newPDFCanvas or below
			c.w, c.h = width*k, height*k
			c.doc.AddPageFormat("P", fpdf.SizeType{Wd: c.w.Points(), Ht: c.h.Points()})
			c.Push()
			c.Translate(vg.Point{Y: c.h})
			c.Scale(1, -1)
			vg.Initialize(c)
		}
		c.Push()
		if k != 1 {
			c.Scale(float64(k), float64(k))
		}
		ch.Draw(draw.NewCanvas(boundedText{c}, width, height))
		c.Pop()
		if err := c.doc.Error(); err != nil {
			return err
		}
	}
	if c == nil {
		return nil
	}
	_, err := c.WriteTo(w)
	return err
}
