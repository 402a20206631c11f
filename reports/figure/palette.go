package figure

import (
	"image/color"
)

// The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008):
// eight colours that stay distinguishable with the common colour-vision
// deficiencies and in greyscale print, as far as eight colours can.
var (
	OkabeItoBlack         = color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff}
	OkabeItoOrange        = color.NRGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}
	OkabeItoSkyBlue       = color.NRGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff}
	OkabeItoBluishGreen   = color.NRGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}
	OkabeItoYellow        = color.NRGBA{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff}
	OkabeItoBlue          = color.NRGBA{R: 0x00, G: 0x72, B: 0xb2, A: 0xff}
	OkabeItoVermillion    = color.NRGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff}
	OkabeItoReddishPurple = color.NRGBA{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff}
)

// seriesColors is the order in which charts colour series (forecasters,
// datasets, scales): the strongest contrasts first, yellow last because
// it is faint on white.
var seriesColors = []color.Color{
	OkabeItoBlue, OkabeItoVermillion, OkabeItoBluishGreen, OkabeItoReddishPurple,
	OkabeItoOrange, OkabeItoSkyBlue, OkabeItoBlack, OkabeItoYellow,
}

// Greys for what is not data: text, grid lines, shading.
var (
	colorText    = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	colorMuted   = color.NRGBA{R: 0x59, G: 0x59, B: 0x59, A: 0xff} // secondary text: 7:1 on white
	colorGrid    = color.NRGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	colorShade   = color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff}
	colorNeutral = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff} // not scored
)

// SeriesColor is the colour of the i-th series, cycling through the
// style's series colours.
func (s *ChartStyle) SeriesColor(i int) color.Color {
	return s.Series[i%len(s.Series)]
}
