package figure

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"sync"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Every chart sets its text in Liberation Sans. The fonts are compiled into
// the binary (gonum.org/v1/plot/font/liberation); charts look them up in a
// cache of their own that holds nothing else, so no system font is ever
// read and a chart measures and renders the same on every machine.
var chartFonts = sync.OnceValue(func() *font.Cache {
	return font.NewCache(liberation.Collection())
})

// sans is the typeface of chart text, in the names of the liberation collection.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// chartText is the text handler of every chart: plain text in chartFonts.
func chartText() text.Handler { return text.Plain{Fonts: chartFonts()} }

// textStyle is plain Liberation Sans text of a size, weight and colour,
// aligned at its left and bottom.
func textStyle(size vg.Length, weight stdfont.Weight, clr color.Color) text.Style {
	f := font.From(sans, size)
	f.Weight = weight
	return text.Style{Color: clr, Font: f, Handler: chartText()}
}

// svgFontFamily is the font-family of SVG text: Liberation Sans, which
// the layout measures, then fonts of the same metrics (Arial, Helvetica),
// so that text takes the room the layout gave it in any browser.
const svgFontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"

// svgWriter writes a vgsvg canvas as an SVG of its own: the text in
// svgFontFamily instead of the typeface's family name alone, and the
// figure w × h on the page with the canvas's size as its view box (a
// chart drawn larger than laid out, Style.Scale).
type svgWriter struct {
	c    *vgsvg.Canvas
	w, h vg.Length
}

// WriteTo implements io.WriterTo.
func (s svgWriter) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := s.c.WriteTo(&buf); err != nil {
		return 0, err
	}
	b := buf.Bytes()
	// vgsvg names the family as the font file does ("Liberation Sans")
	// and the collection's variant as a CSS font-variant ("normal").
	b = bytes.ReplaceAll(b, []byte("font-family:Liberation Sans;font-variant:normal;"), []byte("font-family:"+svgFontFamily+";"))
	cw, chh := s.c.Size()
	head := fmt.Sprintf(`<svg width="%.*gpt" height="%.*gpt" viewBox="0 0 %.*g %.*g"`, svgPrecision, cw.Points(), svgPrecision, chh.Points(), svgPrecision, cw.Points(), svgPrecision, chh.Points())
	if i := bytes.Index(b, []byte(head)); i >= 0 && (s.w != cw || s.h != chh) {
		size := fmt.Sprintf(`<svg width="%.*gpt" height="%.*gpt" viewBox="0 0 %.*g %.*g"`, svgPrecision, s.w.Points(), svgPrecision, s.h.Points(), svgPrecision, cw.Points(), svgPrecision, chh.Points())
		b = append(append(append([]byte{}, b[:i]...), size...), b[i+len(head):]...)
	}
	n, err := w.Write(b)
	return int64(n), err
}

// svgPrecision is the precision vgsvg writes numbers with.
const svgPrecision = 5

// SansTTF returns the TrueType data of Liberation Sans, bold or regular:
// the charts' typeface, for documents that embed it (the handout, the
// class worksheet).
func SansTTF(bold bool) ([]byte, error) {
	for _, f := range liberation.Collection() {
		if f.Font.Variant != "Sans" || f.Font.Style != stdfont.StyleNormal {
			continue
		}
		if (f.Font.Weight == stdfont.WeightBold) != bold {
			continue
		}
		var raw bytes.Buffer
		if _, err := f.Face.WriteSourceTo(nil, &raw); err != nil {
			return nil, fmt.Errorf("reading the font %s: %w", f.Name(), err)
		}
		return raw.Bytes(), nil
	}
	return nil, fmt.Errorf("liberation Sans is missing from the fonts compiled in")
}
