package figure

import (
	"strings"
	"testing"
	"time"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
)

func tickLabels(ticks []plot.Tick) (major []string, minor int) {
	for _, t := range ticks {
		if t.IsMinor() {
			minor++
			continue
		}
		major = append(major, t.Label)
	}
	return major, minor
}

func TestPercentTicks(t *testing.T) {
	for _, tc := range []struct {
		min, max, step float64
		want           string
		minor          int
	}{
		{0, 1, 0, "0% 20% 40% 60% 80% 100%", 5},
		{0, 1, 0.1, "0% 10% 20% 30% 40% 50% 60% 70% 80% 90% 100%", 10},
		{0.2, 0.45, 0, "20% 25% 30% 35% 40% 45%", 5},
		{0, 0.1, 0, "0% 2% 4% 6% 8% 10%", 5},
		{0, 0.1, 0.025, "0% 2.5% 5% 7.5% 10%", 4},
		{0.03, 0.97, 0.25, "25% 50% 75%", 4},
	} {
		got, minor := tickLabels(PercentTicks{Step: tc.step}.Ticks(tc.min, tc.max))
		if s := strings.Join(got, " "); s != tc.want || minor != tc.minor {
			t.Errorf("PercentTicks{%g}.Ticks(%g, %g) = %s with %d minor, want %s with %d", tc.step, tc.min, tc.max, s, minor, tc.want, tc.minor)
		}
	}
}

func TestDateTicks(t *testing.T) {
	day := func(s string) float64 {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return DateValue(d)
	}
	for _, tc := range []struct {
		from, to string
		most     int
		want     string
	}{
		{"1947-12-15", "2011-05-02", 8, "1950 1960 1970 1980 1990 2000 2010"},
		{"1947-12-15", "2011-05-02", 0, "1960 1980 2000"},
		{"1978-01-01", "1990-05-31", 0, "1980 1985 1990"},
		{"1978-01-01", "1990-05-31", 8, "1978 1980 1982 1984 1986 1988 1990"},
		{"1978-08-01", "1979-03-31", 0, "Sep 1978 Nov Jan 1979 Mar"},
		{"1979-01-01", "1979-01-12", 0, "1 Jan 1979 8 Jan"},
		{"1979-01-01", "1979-01-12", 8, "2 Jan 1979 4 Jan 6 Jan 8 Jan 10 Jan 12 Jan"},
		{"1973-09-28", "1973-10-07", 0, "28 Sep 1973 30 Sep 2 Oct 4 Oct 6 Oct"},
	} {
		ticks := DateTicks{MaxLabels: tc.most}.Ticks(day(tc.from), day(tc.to))
		got, _ := tickLabels(ticks)
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("DateTicks{%d} from %s to %s = %q, want %q", tc.most, tc.from, tc.to, s, tc.want)
		}
		for _, tk := range ticks {
			if tk.Value < day(tc.from) || tk.Value > day(tc.to) {
				t.Errorf("DateTicks from %s to %s: tick %v outside the range", tc.from, tc.to, ValueDate(tk.Value))
			}
		}
	}
}

func TestRowAxis(t *testing.T) {
	p := plot.New()
	RowAxis(&p.Y, []string{"first", "second", "third"})
	ticks := p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max)
	if ticks[0].Label != "first" || ticks[0].Value != 2 || ticks[2].Value != 0 {
		t.Errorf("RowAxis ticks = %v, want first at the top (2) and third at the bottom (0)", ticks)
	}
	if p.Y.Min != -0.5 || p.Y.Max != 2.5 {
		t.Errorf("RowAxis range = [%g, %g], want [-0.5, 2.5]", p.Y.Min, p.Y.Max)
	}
}

// TestChartFontsEmbedded checks that every font a chart asks for is in the
// embedded cache: a lookup that missed would fall back to another face.
func TestChartFontsEmbedded(t *testing.T) {
	for _, w := range []stdfont.Weight{stdfont.WeightNormal, stdfont.WeightBold} {
		f := sans
		f.Weight = w
		if !chartFonts().Has(f) {
			t.Errorf("the chart font cache lacks %s", f.Name())
		}
	}
	st := DefaultChartStyle()
	p := st.NewPlot("x", "y")
	for _, sty := range []struct {
		name string
		f    font.Font
	}{
		{"title", p.Title.TextStyle.Font}, {"x label", p.X.Label.TextStyle.Font},
		{"y ticks", p.Y.Tick.Label.Font}, {"legend", p.Legend.TextStyle.Font},
	} {
		if sty.f.Typeface != "Liberation" || sty.f.Variant != "Sans" {
			t.Errorf("the %s font is %s %s, want Liberation Sans", sty.name, sty.f.Typeface, sty.f.Variant)
		}
	}
}
