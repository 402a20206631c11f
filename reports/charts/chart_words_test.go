package charts_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func wordsOf(t *testing.T, recs []*forecasts.Record, given ...string) *evaluate.WordsData {
	t.Helper()
	var ps []evaluate.Phrase
	for _, g := range given {
		p, err := evaluate.ParsePhrase(g)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	d, err := evaluate.Words(recs, forecasts.BuiltinScales(), ps)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGoldenWordsChartCPC(t *testing.T) {
	d := wordsOf(t, builtinRecords(t, "cpc"))
	m, err := evaluate.MatchWord("fairly good", d.Scales, d.Phrases)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := charts.WordsChart(d, charts.WordsOptions{Highlight: m})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "words_cpc", ch)
}

// All 26 built-in records give more phrases than a slide holds: the
// chart keeps MaxWordsPhrases rows, the given phrase among them, and says
// how many it left out.
func TestGoldenWordsChartBuiltin(t *testing.T) {
	d := wordsOf(t, builtinRecords(t), "fairly good=0.60-0.95")
	m, err := evaluate.MatchWord("probable", d.Scales, d.Phrases)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := charts.WordsChart(d, charts.WordsOptions{Highlight: m})
	if err != nil {
		t.Fatal(err)
	}
	// 25 distinct phrases of the 26 records ("unlikely" twice) and one
	// given: those drawn and those the note says are left out make 26.
	words := map[string]int{"Three": 3, "Four": 4, "Five": 5, "Six": 6, "Seven": 7, "Eight": 8, "Nine": 9, "Ten": 10}
	drawn := words[strings.Fields(ch.Subtitle)[0]]
	var left int
	for _, n := range ch.Remarks { // drawn whatever the notes mode
		if strings.Contains(n, "more of the records' phrases are not drawn") {
			left, _ = strconv.Atoi(strings.Fields(n)[0])
		}
	}
	if drawn < 3 || drawn+left != 26 {
		t.Errorf("%d phrases drawn and %d left out (%q, %q), want 26 in all", drawn, left, ch.Subtitle, ch.Remarks)
	}
	checkGolden(t, "words_builtin", ch)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// grey is the luminance of a colour, ITU-R BT.601, as Go's color.Gray
// model computes it.
func grey(c color.Color) uint8 { return color.GrayModel.Convert(c).(color.Gray).Y }

// TestCaseColoursSurviveGreyscale renders contributions of one forecast
// that leaned the wrong way (0.9, did not happen) and one the right way
// (0.6, happened), converts the PNG to greyscale and counts the pixels at
// each class's fill: both classes are drawn, and their greys differ by
// far more than the 10 levels of the image comparison. Vermillion
// #d55e00 is 0.299·213 + 0.587·94 + 0.114·0 ≈ 119; the pale blue #bfdcef
// is 0.299·191 + 0.587·220 + 0.114·239 = 213.5, 214. In outcome colours, yes
// (#0072b2 ≈ 87) and no (≈ 119) are close in grey: the no bars are
// hatched, so white lines cross them, which the pixel counts show.
func TestCaseColoursSurviveGreyscale(t *testing.T) {
	cases := []evaluate.Case{
		{ID: "wrong", P: 0.9, Outcome: forecasts.No},
		{ID: "right", P: 0.6, Outcome: forecasts.Yes},
	}
	d, err := evaluate.Contributions(cases, false)
	if err != nil {
		t.Fatal(err)
	}
	count := func(mode charts.CaseColour) map[uint8]int {
		ch, err := charts.ContributionsChart(d, charts.ContributionsOptions{Colour: mode})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := ch.Write(&buf, figure.PNG); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		g := image.NewGray(img.Bounds())
		n := map[uint8]int{}
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				g.Set(x, y, img.At(x, y))
				n[g.GrayAt(x, y).Y]++
			}
		}
		return n
	}
	wrong, right := uint8(119), uint8(214)
	if grey(color.NRGBA{R: 0xd5, G: 0x5e, A: 0xff}) != wrong || grey(color.NRGBA{R: 0xbf, G: 0xdc, B: 0xef, A: 0xff}) != right {
		t.Fatalf("greys %d, %d: the hand values are off", grey(color.NRGBA{R: 0xd5, G: 0x5e, A: 0xff}), grey(color.NRGBA{R: 0xbf, G: 0xdc, B: 0xef, A: 0xff}))
	}
	n := count(charts.ColourWrongWay)
	// A bar of the default style is several hundred pixels (a 0.81 Brier
	// score of 1: about 250 px long, 12 px high at 150 dpi).
	if n[wrong] < 500 || n[right] < 500 {
		t.Errorf("greyscale pixels: %d at %d (wrong way), %d at %d (right way); want both bars drawn", n[wrong], wrong, n[right], right)
	}
	if int(right)-int(wrong) < 60 {
		t.Errorf("the classes differ by %d grey levels", int(right)-int(wrong))
	}
	// By outcome the "did not happen" bar is the same bar as the wrong-way
	// one (0.9, no), hatched with white lines 1.2 pt wide every 4 pt
	// along the bar (about 2.8 pt of 4 at 45°: 30% white), so it has
	// clearly fewer vermillion pixels, and the "happened" bar (#0072b2,
	// grey 0.587·114 + 0.114·178 ≈ 87) is solid.
	o := count(charts.ColourOutcome)
	t.Logf("solid %d, hatched %d vermillion pixels; %d at 87, %d at 214", n[wrong], o[wrong], o[87], n[right])
	if o[wrong] > n[wrong]*85/100 {
		t.Errorf("hatched: %d vermillion pixels, solid: %d; want the hatching to take 15%% or more", o[wrong], n[wrong])
	}
	if o[87] < 500 {
		t.Errorf("%d pixels at grey 87: the happened bar is not drawn solid", o[87])
	}
}

// slideStyle is the slide preset: 1920 × 1080 pixels, 13.33 × 7.5 in,
// laid out small and drawn larger, so that no text is under 20 points.
func slideStyle() *figure.ChartStyle {
	z, err := figure.Preset("slide", 0)
	if err != nil {
		panic(err)
	}
	return z.Style()
}

// At a slide's fixed height the words chart draws only the phrases whose
// rows fit at 20-point type (a fixed height would otherwise squeeze all
// ten into it): of the 25 built-in phrases (26 records, "unlikely" twice)
// the default size draws the most, 10, and the slide fewer, at least 3,
// and it says how many are left out, drawn or not; cpc's five all fit.
func TestWordsChartFitsSlide(t *testing.T) {
	counts := func(ch *figure.Chart) (drawn, left int) {
		words := map[string]int{"Three": 3, "Four": 4, "Five": 5, "Six": 6, "Seven": 7, "Eight": 8, "Nine": 9, "Ten": 10}
		drawn = words[strings.Fields(ch.Subtitle)[0]]
		for _, r := range ch.Remarks {
			if strings.Contains(r, "more of the records' phrases are not drawn") {
				left, _ = strconv.Atoi(strings.Fields(r)[0])
			}
		}
		return drawn, left
	}
	all := wordsOf(t, builtinRecords(t))
	wide, err := charts.WordsChart(all, charts.WordsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	slide, err := charts.WordsChart(all, charts.WordsOptions{Style: slideStyle()})
	if err != nil {
		t.Fatal(err)
	}
	wd, wl := counts(wide)
	sd, sl := counts(slide)
	if wd != charts.MaxWordsPhrases || wd+wl != 25 {
		t.Errorf("default size: %d drawn, %d left out; want %d and %d", wd, wl, charts.MaxWordsPhrases, 25-charts.MaxWordsPhrases)
	}
	if sd < 3 || sd >= wd || sd+sl != 25 {
		t.Errorf("slide: %d drawn, %d left out; want between 3 and %d drawn, 25 in all", sd, sl, wd-1)
	}
	cpc, err := charts.WordsChart(wordsOf(t, builtinRecords(t, "cpc")), charts.WordsOptions{Style: slideStyle()})
	if err != nil {
		t.Fatal(err)
	}
	if d, l := counts(cpc); d != 5 || l != 0 {
		t.Errorf("cpc at slide size: %d drawn, %d left out; want all 5", d, l)
	}
}

// Highlighting Kent's own term "probable" on the scales chart marks it on
// every scale that has it as a term or synonym, with its interval in the
// subtitle: Kent 0.75 ± 0.12 = 63–87%, ICD 203's "likely" 55–80%, PHIA's
// "likely or probable" 55–75% (forecasts/scales/*.yaml). A phrase ("fairly
// good", 60–95%) is named with its reading.
func TestGoldenScalesChartHighlightWord(t *testing.T) {
	scales := teachingScales(t)[:3]
	m, err := evaluate.MatchWord("probable", scales, nil)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := charts.ScalesChart(scales, charts.ScalesOptions{Match: m})
	if err != nil {
		t.Fatal(err)
	}
	want := `Highlighted: "probable" — kent-1964 "probable" 63–87%; icd-203 "likely" 55–80%; uk-phia "likely or probable" 55–75%`
	if ch.Subtitle != want {
		t.Errorf("subtitle\n%q, want\n%q", ch.Subtitle, want)
	}
	checkGolden(t, "scales_highlight_probable", ch)

	fairly, err := evaluate.ParsePhrase("fairly good=0.60-0.95")
	if err != nil {
		t.Fatal(err)
	}
	m, err = evaluate.MatchWord("Fairly good", scales, []evaluate.Phrase{fairly})
	if err != nil {
		t.Fatal(err)
	}
	ch, err = charts.ScalesChart(scales, charts.ScalesOptions{Match: m})
	if err != nil {
		t.Fatal(err)
	}
	if want := `Highlighted: "Fairly good" — read as 60–95%`; ch.Subtitle != want {
		t.Errorf("subtitle %q, want %q", ch.Subtitle, want)
	}
	checkGolden(t, "scales_highlight_phrase", ch)
}
