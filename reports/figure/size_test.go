package figure

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestParseSize checks sizes against hand calculations: 1 in = 72 pt =
// 2.54 cm; px are dots at the resolution.
func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in         string
		dpi        int
		w, h       float64 // pt
		pw, ph     int
		textScale  float64
		fixed      bool
		notes      NotesMode
		sidePanels bool
	}{
		// 13.333 in × 72 = 959.976 pt; 959.976 × 144 / 72 = 1919.95 → 1920
		// px; 20 pt type over the house 9 pt: 2.2222, × 144 dpi = 320.
		{"slide", 0, 959.976, 540, 1920, 1080, 320.0 / 144, true, NotesNone, false},
		// 6.5 × 4.5 in = 468 × 324 pt; at 150 dpi 975 × 675 px.
		{"handout", 0, 468, 324, 975, 675, 1, true, NotesShort, true},
		// 960 × 600 px at 96 dpi = 720 × 450 pt; 14 px = 10.5 pt over 9 pt:
		// 7/6, × 96 = 112.
		{"web", 0, 720, 450, 960, 600, 112.0 / 96, true, NotesShort, true},
		// 1920 px at 150 dpi = 921.6 pt, over 16 cm (453.543 pt) 2.03200,
		// × 150 = 304.80 → 305 dpi, / 150 = 2.0333.
		{"1920x1080", 0, 921.6, 518.4, 1920, 1080, 305.0 / 150, true, NotesFull, true},
		// 20 cm = 566.929 pt, 12 cm = 340.157 pt; at 300 dpi 2362.2 →
		// 2362 by 1417.3 → 1417; 566.929 / 453.543 = 1.25.
		{"20cmx12cm", 300, 566.929, 340.157, 2362, 1417, 1.25, true, NotesFull, true},
		// One unit for both: 20 × 12 cm.
		{"20x12cm", 300, 566.929, 340.157, 2362, 1417, 1.25, true, NotesFull, true},
		// 10 × 6 cm is narrower than 16 cm: the house type, scale 1.
		{"10cmx6cm", 0, 283.465, 170.079, 591, 354, 1, true, NotesFull, true},
	} {
		z, err := ParseSize(c.in, c.dpi)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		pw, ph := z.Pixels()
		if math.Abs(float64(z.Width)-c.w) > 0.001 || math.Abs(float64(z.Height)-c.h) > 0.001 || pw != c.pw || ph != c.ph ||
			math.Abs(z.TextScale-c.textScale) > 1e-9 {
			t.Errorf("%s: %v × %v pt, %d × %d px, scale %v; want %v × %v, %d × %d, %v",
				c.in, z.Width, z.Height, pw, ph, z.TextScale, c.w, c.h, c.pw, c.ph, c.textScale)
		}
		st := z.Style()
		if st.FixedHeight != c.fixed || st.Notes != c.notes || st.HideSide == c.sidePanels {
			t.Errorf("%s: style fixed %v notes %q hide side %v", c.in, st.FixedHeight, st.Notes, st.HideSide)
		}
		// The layout is the size over the scale: at slide 959.976 / 2.2222
		// = 431.99 pt, and the smallest type, 9 pt, is 20 pt drawn.
		if got := float64(st.Width) * st.scale(); math.Abs(got-c.w) > 0.001 {
			t.Errorf("%s: layout %v pt × scale %v = %v, want %v", c.in, st.Width, st.scale(), got, c.w)
		}
	}
	if got := float64(st9(t, "slide")); math.Abs(got-20) > 0.01 {
		t.Errorf("smallest type at slide: %v pt, want 20", got)
	}
}

// st9 is the smallest type of a preset, drawn: 9 pt × its scale.
func st9(t *testing.T, name string) vg.Length {
	z, err := Preset(name, 0)
	if err != nil {
		t.Fatal(err)
	}
	st := z.Style()
	return min(st.SmallSize, st.NoteSize) * vg.Length(st.scale())
}

// The default size is the house style itself, so charts drawn at it are
// the same bytes as before sizes existed.
func TestDefaultSizeIsHouseStyle(t *testing.T) {
	st, house := DefaultSize().Style(), DefaultChartStyle()
	if st.Width != house.Width || st.Height != house.Height || st.DPI != house.DPI || st.FixedHeight || st.Scale != 0 || st.Notes != "" || st.HideSide {
		t.Errorf("default size style %+v", st)
	}
}

func TestParseSizeErrors(t *testing.T) {
	for _, c := range []struct {
		in   string
		dpi  int
		want string
	}{
		{"poster", 0, "give a preset"},
		{"1920", 0, "WIDTHxHEIGHT"},
		{"x1080", 0, "WIDTHxHEIGHT"},
		{"axb", 0, `"a" is not a number`},
		{"-5x10cm", 0, "not positive"},
		{"10furlongsx2in", 0, `unit "furlongs"`},
		{"NaNx5in", 0, `"nan" is not a number`},
		{"200x200", 0, "too narrow"},            // 96 pt wide, under 8 cm
		{"1920x200", 0, "too low"},              // 96 pt high at scale 2.03: under 5 cm × 2.03
		{"slide", 20, "dpi 20: use 36 to 1200"}, // under 36
		{"60inx40in", 300, "at most 8000"},
	} {
		_, err := ParseSize(c.in, c.dpi)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s (dpi %d): %v, want %q", c.in, c.dpi, err, c.want)
		}
	}
}
