package figure

// The PDF canvas below follows gonum.org/v1/plot/vg/vgpdf (Copyright ©2015
// The Gonum Authors; BSD-3-Clause, see the LICENSE file of
// gonum.org/v1/plot), whose coordinate handling it keeps. It differs where
// vgpdf v0.17.0 gets fonts wrong: vgpdf converts every face to a
// code-page-1252 font whose file it always names "font.z", and the PDF
// library keys embedded font files by that name, so a chart with regular
// and bold text embeds one of the two and draws both with it; and it
// registers every face under the PDF style "" but selects bold text with
// "B", which fails. Here each face is embedded as a UTF-8 TrueType font
// under its own name (subset to the glyphs used, so files stay small, and
// any text the font has glyphs for comes out right), and the document's
// dates and resource order are fixed so the same chart gives the same bytes.

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfDate is the creation and modification date every PDF chart carries
// instead of the time of writing.
var pdfDate = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// pdfCanvas is a vg.Canvas that draws a one-page PDF.
type pdfCanvas struct {
	doc    *fpdf.Fpdf
	w, h   vg.Length
	widths []vg.Length          // the line width of each pushed context
	fonts  map[font.Font]string // family names of the registered faces
	images int
}

func newPDFCanvas(w, h vg.Length) *pdfCanvas {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: w.Points(), Ht: h.Points()}})
	doc.SetCatalogSort(true)
	doc.SetCreationDate(pdfDate)
	doc.SetModificationDate(pdfDate)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.AddPage()
	c := &pdfCanvas{doc: doc, w: w, h: h, widths: []vg.Length{0}, fonts: map[font.Font]string{}}
	// PDF puts y = 0 at the top of the page; vg at the bottom.
	c.Push()
	c.Translate(vg.Point{Y: h})
	c.Scale(1, -1)
	vg.Initialize(c)
	return c
}

func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pdfCanvas) unit(l vg.Length) float64 { return l.Points() }

func (c *pdfCanvas) point(p vg.Point) (float64, float64) { return c.unit(p.X), c.unit(p.Y) }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.widths[len(c.widths)-1] = w
	c.doc.SetLineWidth(c.unit(w))
}

func (c *pdfCanvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = c.unit(d)
	}
	c.doc.SetDashPattern(ds, c.unit(offs))
}

func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, a := clr.RGBA()
	c.doc.SetFillColor(int(r>>8), int(g>>8), int(b>>8))
	c.doc.SetDrawColor(int(r>>8), int(g>>8), int(b>>8))
	c.doc.SetTextColor(int(r>>8), int(g>>8), int(b>>8))
	c.doc.SetAlpha(float64(a)/math.MaxUint16, "Normal")
}

func (c *pdfCanvas) Rotate(r float64) { c.doc.TransformRotate(-r*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(p vg.Point) {
	x, y := c.point(p)
	c.doc.TransformTranslate(x, y)
}

func (c *pdfCanvas) Scale(x, y float64) { c.doc.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.widths = append(c.widths, c.widths[len(c.widths)-1])
	c.doc.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.doc.TransformEnd()
	c.widths = c.widths[:len(c.widths)-1]
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.widths[len(c.widths)-1] > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

func (c *pdfCanvas) path(p vg.Path, style string) {
	var x0, y0 float64
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			x0, y0 = c.point(comp.Pos)
			c.doc.MoveTo(x0, y0)
		case vg.LineComp:
			c.doc.LineTo(c.point(comp.Pos))
		case vg.ArcComp:
			c.arc(comp, style)
		case vg.CurveComp:
			x, y := c.point(comp.Pos)
			switch len(comp.Control) {
			case 1:
				cx, cy := c.point(comp.Control[0])
				c.doc.CurveTo(cx, cy, x, y)
			case 2:
				cx, cy := c.point(comp.Control[0])
				dx, dy := c.point(comp.Control[1])
				c.doc.CurveBezierCubicTo(cx, cy, dx, dy, x, y)
			default:
				panic("figure: a curve with more than two control points")
			}
		case vg.CloseComp:
			c.doc.LineTo(x0, y0)
			c.doc.ClosePath()
		default:
			panic(fmt.Sprintf("figure: unknown path component %d", comp.Type))
		}
	}
	c.doc.DrawPath(style)
}

func (c *pdfCanvas) arc(comp vg.PathComp, style string) {
	start := vg.Point{
		X: comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start)),
		Y: comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start)),
	}
	c.doc.LineTo(c.point(start))
	const deg = 180 / math.Pi
	r := c.unit(comp.Radius)
	x, y := c.point(comp.Pos)
	c.doc.Arc(x, y, r, r, comp.Angle*deg, comp.Start*deg, (comp.Start+comp.Angle)*deg, style)
	end := vg.Point{
		X: comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start+comp.Angle)),
		Y: comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start+comp.Angle)),
	}
	c.doc.MoveTo(c.point(end))
}

// FillString draws text with its baseline's left end at p.
func (c *pdfCanvas) FillString(f font.Face, p vg.Point, s string) {
	if f.Font.Size == 0 {
		return
	}
	family := c.font(f)
	c.doc.SetFont(family, "", c.unit(f.Font.Size))
	c.Push()
	defer c.Pop()
	c.Translate(p)
	c.Scale(1, -1) // text upright again
	_, size := c.doc.GetFontSize()
	d := c.doc.GetFontDesc(family, "")
	top := -float64(d.Ascent) * size / float64(d.Ascent-d.Descent)
	c.doc.MoveTo(-c.doc.GetCellMargin(), top)
	c.doc.CellFormat(c.doc.GetStringWidth(s), size, s, "", 0, "BL", false, 0, "")
}

// font embeds a face the first time it is used, under a family name of its
// own (the face's full name: "LiberationSans-Bold"), and returns that name.
func (c *pdfCanvas) font(f font.Face) string {
	key := f.Font
	key.Size = 0
	if name, ok := c.fonts[key]; ok {
		return name
	}
	var raw bytes.Buffer
	if _, err := f.Face.WriteSourceTo(nil, &raw); err != nil {
		panic(fmt.Sprintf("figure: reading the TrueType data of %s: %v", f.Name(), err))
	}
	name := f.Name()
	c.doc.AddUTF8FontFromBytes(name, "", raw.Bytes())
	c.fonts[key] = name
	return name
}

func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(fmt.Sprintf("figure: encoding an image for PDF: %v", err))
	}
	c.images++
	name := fmt.Sprintf("image_%03d.png", c.images)
	opts := fpdf.ImageOptions{ImageType: "png", ReadDpi: true}
	c.doc.RegisterImageOptionsReader(name, opts, &buf)
	x, y := c.point(rect.Min)
	w, h := c.point(rect.Size())
	c.doc.ImageOptions(name, x, y, w, h, false, opts, 0, "")
}

// WriteTo finishes the document and writes it; the canvas is done then.
func (c *pdfCanvas) WriteTo(w io.Writer) (int64, error) {
	c.Pop()
	c.doc.Close()
	cw := &countWriter{w: w}
	b := bufio.NewWriter(cw)
	if err := c.doc.Output(b); err != nil {
		return cw.n, err
	}
	return cw.n, b.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
