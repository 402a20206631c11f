package figure

import (
	"fmt"
	"image/color"
	"sync"

	stdfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
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

// textPath is the outline of s set in the face with its baseline's left
// end at p: the glyphs of the embedded TrueType data, advanced and kerned
// exactly as the face measures text (font.Face.Width), so that outlined
// text takes the room the layout gave it.
func textPath(f font.Face, p vg.Point, s string) vg.Path {
	var (
		path  vg.Path
		buf   sfnt.Buffer
		ppem  = fixed.Int26_6(f.Face.UnitsPerEm()) // font units, as Width counts them
		scale = f.Font.Size / font.Points(float64(ppem))
		x     fixed.Int26_6
		prev  sfnt.GlyphIndex
	)
	at := func(q fixed.Point26_6) vg.Point {
		return vg.Point{X: p.X + vg.Length(x+q.X)*scale, Y: p.Y - vg.Length(q.Y)*scale}
	}
	for i, r := range s {
		idx, err := f.Face.GlyphIndex(&buf, r)
		if err != nil {
			panic(fmt.Sprintf("figure: glyph index of %q in %s: %v", r, f.Name(), err))
		}
		if i > 0 {
			if kern, err := f.Face.Kern(&buf, prev, idx, ppem, stdfont.HintingNone); err == nil {
				x += kern
			}
		}
		segs, err := f.Face.LoadGlyph(&buf, idx, ppem, nil)
		if err != nil {
			panic(fmt.Sprintf("figure: outline of %q in %s: %v", r, f.Name(), err))
		}
		for j, seg := range segs {
			switch seg.Op {
			case sfnt.SegmentOpMoveTo:
				if j > 0 {
					path.Close()
				}
				path.Move(at(seg.Args[0]))
			case sfnt.SegmentOpLineTo:
				path.Line(at(seg.Args[0]))
			case sfnt.SegmentOpQuadTo:
				path.QuadTo(at(seg.Args[0]), at(seg.Args[1]))
			case sfnt.SegmentOpCubeTo:
				path.CubeTo(at(seg.Args[0]), at(seg.Args[1]), at(seg.Args[2]))
			}
		}
		if len(segs) > 0 {
			path.Close()
		}
		adv, err := f.Face.GlyphAdvance(&buf, idx, ppem, stdfont.HintingNone)
		if err != nil {
			panic(fmt.Sprintf("figure: advance of %q in %s: %v", r, f.Name(), err))
		}
		x += adv
		prev = idx
	}
	return path
}

// outlineCanvas draws text as glyph outlines (textPath) instead of text
// in a font. SVG charts use it: SVG renderers that ignore embedded fonts
// (librsvg, Inkscape) would otherwise set the text in some other font,
// wider or narrower than the layout measured.
type outlineCanvas struct{ vg.Canvas }

func (c outlineCanvas) FillString(f font.Face, p vg.Point, s string) {
	if f.Face == nil || f.Font.Size == 0 {
		return
	}
	if path := textPath(f, p, s); len(path) > 0 {
		c.Fill(path)
	}
}
