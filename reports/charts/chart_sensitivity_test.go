package charts_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"
)

// The fixtures testdata/sensitivity_cpc.json and
// testdata/sensitivity_builtin.json are copied verbatim from the output of
//
//	go run ./cmd/hindcast sensitivity --dataset cpc --format json
//	go run ./cmd/hindcast sensitivity --format json
//
// (2,000 samples, seed 1), so that these tests draw real numbers without
// depending on the command. A null log score in them is infinite; a null
// sampled figure is undefined.

// fixtureReadings holds the reading each fixture was written with: the
// chart quotes its first sentence, so a fixture older than
// ReadSensitivity's wording fails TestSensitivityChartText (regenerate it
// with the commands above).
var (
	fixtureReadings   = map[*evaluate.SensitivityResult][]string{}
	fixtureReadingsMu sync.Mutex
)

func fixtureReading(s *evaluate.SensitivityResult) []string {
	fixtureReadingsMu.Lock()
	defer fixtureReadingsMu.Unlock()
	return fixtureReadings[s]
}

// sensitivityFixture reads one of the fixtures back into a SensitivityResult.
func sensitivityFixture(t testing.TB, name string) *evaluate.SensitivityResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		Point, Min, Max *float64
		Exact           bool
		Samples         int
	}
	type coding struct {
		Scale   string
		Term    string
		PEvent  forecasts.Interval `json:"p_event"`
		Missing bool               `json:"no_counterpart"`
	}
	var raw struct {
		Datasets         []string
		ChosenForFailure []string `json:"chosen_for_failure"`
		N                int
		TermCoded        int `json:"term_coded"`
		Excluded         []string
		Samples          int
		Seed             uint64
		Scales           []struct {
			Scale                                                        string
			Translated                                                   int
			NoCounterpart                                                []string `json:"no_counterpart"`
			Brier, Log, Reliability, Miscalibration, Discrimination, AUC span
		} `json:"scales"`
		Readers struct {
			Scale         string
			NoCounterpart []string `json:"no_counterpart"`
			Brier         [3]*float64
			Log           [3]*float64 `json:"log_score"`
		} `json:"readers"`
		Reading []string
		Records []struct {
			ID, Outcome, Estimate string
			Negated               bool
			Codings               []coding
			Swing                 float64
		}
	}
	// The log score's key differs from its field's name.
	data = bytes.ReplaceAll(data, []byte(`"log_score": {`), []byte(`"log": {`))
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	orElse := func(v *float64, null float64) float64 {
		if v == nil {
			return null
		}
		return *v
	}
	conv := func(s span, null float64) analysis.Span {
		return analysis.Span{Point: orElse(s.Point, null), Min: orElse(s.Min, null), Max: orElse(s.Max, null), Exact: s.Exact, Samples: s.Samples}
	}
	out := evaluate.SensitivityResult{Datasets: raw.Datasets, ChosenForFailure: raw.ChosenForFailure, N: raw.N,
		TermCoded: raw.TermCoded, Excluded: raw.Excluded, Samples: raw.Samples, Seed: raw.Seed}
	for _, r := range raw.Records {
		rs := evaluate.RecordSensitivity{ID: r.ID, Outcome: r.Outcome, Estimate: r.Estimate, Negated: r.Negated, Swing: r.Swing}
		for _, c := range r.Codings {
			rs.Codings = append(rs.Codings, evaluate.RecordCoding{Scale: c.Scale, Term: c.Term, PEvent: c.PEvent, Missing: c.Missing})
		}
		out.Records = append(out.Records, rs)
	}
	out.Scales = nil
	for _, r := range raw.Scales {
		out.Scales = append(out.Scales, evaluate.ScaleSensitivity{
			Scale: r.Scale, Translated: r.Translated, NoCounterpart: r.NoCounterpart,
			Brier: conv(r.Brier, math.NaN()), Log: conv(r.Log, math.Inf(1)),
			Reliability: conv(r.Reliability, math.NaN()), Miscalibration: conv(r.Miscalibration, math.NaN()),
			Discrimination: conv(r.Discrimination, math.NaN()), AUC: conv(r.AUC, math.NaN()),
		})
	}
	out.Readers = evaluate.ReadersView{Scale: raw.Readers.Scale, NoCounterpart: raw.Readers.NoCounterpart}
	for i := range 3 {
		out.Readers.Brier[i] = orElse(raw.Readers.Brier[i], math.NaN())
		out.Readers.Log[i] = orElse(raw.Readers.Log[i], math.Inf(1))
	}
	if len(out.Scales) == 0 || out.N == 0 {
		t.Fatalf("%s holds no sensitivity", name)
	}
	fixtureReadingsMu.Lock()
	fixtureReadings[&out] = raw.Reading
	fixtureReadingsMu.Unlock()
	return &out
}

// handmadeSensitivity is a small invented case in which the verdict hangs
// on the scale: under "narrow" the forecasts beat always saying 50% at
// every coding, under "wide" only at some, and under "sure" never; "sure"
// reaches certainty, so its log score can be infinite, and so can the
// readers' at their 75th percentile. Each span is hand-chosen, not
// computed.
func handmadeSensitivity() *evaluate.SensitivityResult {
	exact := func(lo, pt, hi float64) analysis.Span { return analysis.Span{Min: lo, Point: pt, Max: hi, Exact: true} }
	sampled := func(lo, pt, hi float64) analysis.Span {
		return analysis.Span{Min: lo, Point: pt, Max: hi, Samples: 504}
	}
	inf := math.Inf(1)
	return &evaluate.SensitivityResult{
		Datasets:  []string{"seminar"},
		N:         12,
		TermCoded: 9,
		Samples:   500,
		Seed:      1,
		Scales: []evaluate.ScaleSensitivity{
			{Scale: evaluate.AsCoded, Brier: exact(0.17, 0.21, 0.26), Log: exact(0.52, 0.61, 0.74),
				Reliability: sampled(0.02, 0.04, 0.07), Miscalibration: sampled(0.01, 0.03, 0.06), Discrimination: sampled(0.05, 0.07, 0.08), AUC: sampled(0.71, 0.75, 0.8)},
			{Scale: "narrow", Translated: 9, Brier: exact(0.18, 0.2, 0.23), Log: exact(0.55, 0.6, 0.66),
				Reliability: sampled(0.02, 0.03, 0.05), Miscalibration: sampled(0.01, 0.02, 0.04), Discrimination: sampled(0.06, 0.07, 0.08), AUC: sampled(0.72, 0.75, 0.78)},
			{Scale: "wide", Translated: 8, NoCounterpart: []string{"q-07"}, Brier: exact(0.12, 0.22, 0.34), Log: exact(0.4, 0.64, 1.05),
				Reliability: sampled(0.01, 0.05, 0.14), Miscalibration: sampled(0, 0.04, 0.12), Discrimination: sampled(0.03, 0.07, 0.1), AUC: sampled(0.62, 0.75, 0.86)},
			{Scale: "sure", Translated: 9, Brier: exact(0.26, 0.3, 0.41), Log: exact(0.8, 1.9, inf),
				Reliability: sampled(0.06, 0.09, 0.18), Miscalibration: sampled(0.05, 0.08, 0.16), Discrimination: sampled(0.04, 0.06, 0.07), AUC: analysis.Span{Min: math.NaN(), Point: math.NaN(), Max: math.NaN(), Samples: 504}},
		},
		Readers: evaluate.ReadersView{Scale: "survey", Brier: [3]float64{0.2, 0.23, 0.29}, Log: [3]float64{0.6, 0.66, inf}},
	}
}

func sensitivityChart(t testing.TB, s *evaluate.SensitivityResult, opt charts.SensitivityOptions) *figure.Chart {
	t.Helper()
	ch, err := charts.SensitivityChart(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// The teaching figure for the five CPC records: the Brier score only.
func TestGoldenSensitivityCPC(t *testing.T) {
	checkGolden(t, "sensitivity_cpc", sensitivityChart(t, sensitivityFixture(t, "sensitivity_cpc.json"), charts.SensitivityOptions{}))
}

// Every panel for the five CPC records: uk-phia's log score runs off to ∞,
// and every coding of them has an AUC of 0.
func TestGoldenSensitivityCPCAll(t *testing.T) {
	s := sensitivityFixture(t, "sensitivity_cpc.json")
	checkGolden(t, "sensitivity_cpc_all", sensitivityChart(t, s, charts.SensitivityOptions{Score: "both", ShowSampled: true}))
}

// The 25 scored built-in records, whose spans differ by little between the
// scales.
func TestGoldenSensitivityBuiltin(t *testing.T) {
	checkGolden(t, "sensitivity_builtin", sensitivityChart(t, sensitivityFixture(t, "sensitivity_builtin.json"), charts.SensitivityOptions{}))
}

func TestGoldenSensitivityBuiltinAll(t *testing.T) {
	s := sensitivityFixture(t, "sensitivity_builtin.json")
	checkGolden(t, "sensitivity_builtin_all", sensitivityChart(t, s, charts.SensitivityOptions{Score: "both", ShowSampled: true}))
}

// Hand-chosen numbers: the verdict flips between scales, an infinite log
// score on a scale and for the readers, and an undefined AUC.
func TestGoldenSensitivityHandmade(t *testing.T) {
	checkGolden(t, "sensitivity_handmade", sensitivityChart(t, handmadeSensitivity(), charts.SensitivityOptions{Score: "both", ShowSampled: true, Title: "A seminar's twelve forecasts, read four ways"}))
}

// The log score alone for the built-in records: uk-phia's runs off to ∞.
func TestGoldenSensitivityBuiltinLog(t *testing.T) {
	checkGolden(t, "sensitivity_builtin_log", sensitivityChart(t, sensitivityFixture(t, "sensitivity_builtin.json"), charts.SensitivityOptions{Score: "log"}))
}

// TestSensitivityChartText checks the words of the CPC chart.
func TestSensitivityChartText(t *testing.T) {
	s := sensitivityFixture(t, "sensitivity_cpc.json")
	ch := sensitivityChart(t, s, charts.SensitivityOptions{Score: "both", ShowSampled: true})
	if want := "Each bar: the score over every coding the terms' intervals allow; the mark: the coder's point reading. 5 forecasts (cpc), 4 of them coded as words."; ch.Subtitle != want {
		t.Errorf("subtitle %q, want %q", ch.Subtitle, want)
	}
	if want := fixtureReading(s)[0]; len(ch.Notes) == 0 || ch.Notes[0] != want {
		t.Errorf("first note %q, want the first sentence of the reading, %q", ch.Notes, want)
	}
	notes := strings.Join(ch.SpeakerNotes(), "\n")
	for _, want := range []string{"∞", "2,004 codings", "cpc was chosen for its failures"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
	var legend []string
	for _, e := range ch.Legend {
		legend = append(legend, e.Label)
	}
	if got := strings.Join(legend, "; "); got != "exact range over every coding; point coding; readers: 25th–75th percentile, median; sampled range, may be wider" {
		t.Errorf("legend %q", got)
	}

	b := sensitivityChart(t, sensitivityFixture(t, "sensitivity_builtin.json"), charts.SensitivityOptions{})
	notes = strings.Join(b.Notes, "\n")
	for _, want := range []string{"kent-1964: aman-yom-kippur-1973", "readers 25–75%: soviet-bomb-1948"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
	if strings.Contains(notes, "∞") || strings.Contains(notes, "Hatched") {
		t.Errorf("a Brier chart without the sampled panels explains ∞ or hatching: %q", notes)
	}
}

// TestSensitivityChartReading reads the result out itself: its first
// note is the first sentence of the reading.
func TestSensitivityChartReading(t *testing.T) {
	s := handmadeSensitivity()
	ch := sensitivityChart(t, s, charts.SensitivityOptions{})
	want := textout.ReadSensitivity(s)[0]
	if ch.Notes[0] != want {
		t.Errorf("first note %q, want %q", ch.Notes[0], want)
	}
}

// TestSensitivityChartReproducible renders the same input twice in every
// format and wants the same bytes.
func TestSensitivityChartReproducible(t *testing.T) {
	for _, f := range figure.ImageFormats {
		t.Run(string(f), func(t *testing.T) {
			t.Parallel()
			build := func() *figure.Chart {
				return sensitivityChart(t, sensitivityFixture(t, "sensitivity_cpc.json"), charts.SensitivityOptions{Score: "both", ShowSampled: true})
			}
			if a, b := render(t, build(), f), render(t, build(), f); !bytes.Equal(a, b) {
				t.Errorf("two renderings of the same input differ (%d and %d bytes)", len(a), len(b))
			}
		})
	}
}

// TestSensitivityChartUnusual renders inputs at the edges of what the
// chart takes, in every format, with nothing in the white margin: one
// forecast and one scale without readers, a long scale name and title,
// ten scales, every score infinite, spans not exact in the main panel.
func TestSensitivityChartUnusual(t *testing.T) {
	inf := math.Inf(1)
	one := &evaluate.SensitivityResult{N: 1, TermCoded: 1, Scales: []evaluate.ScaleSensitivity{
		{Scale: evaluate.AsCoded, Brier: analysis.Span{Min: 0, Point: 0.01, Max: 0.04, Exact: true}, Log: analysis.Span{Min: 0, Point: 0.1, Max: 0.2, Exact: true}},
	}}
	long := handmadeSensitivity()
	long.Scales[1].Scale = "a-scale-with-a-name-as-long-as-anyone-would-give-one-2025"
	many := handmadeSensitivity()
	for i := range 6 {
		row := many.Scales[1]
		row.Scale = fmt.Sprintf("scale-%d", i+1)
		row.Brier.Max = 0.3 + 0.1*float64(i)
		many.Scales = append(many.Scales, row)
	}
	certain := handmadeSensitivity()
	for i := range certain.Scales {
		certain.Scales[i].Log = analysis.Span{Min: inf, Point: inf, Max: inf, Exact: true}
		certain.Scales[i].Brier = analysis.Span{Min: 1, Point: 1, Max: 1, Exact: true}
	}
	sampled := handmadeSensitivity()
	sampled.Scales[2].Brier.Exact, sampled.Scales[2].Brier.Samples = false, 100
	for name, tc := range map[string]struct {
		s   *evaluate.SensitivityResult
		opt charts.SensitivityOptions
	}{
		"one":     {one, charts.SensitivityOptions{Score: "both", ShowSampled: true}},
		"long":    {long, charts.SensitivityOptions{Score: "both", ShowSampled: true, Title: strings.Repeat("A title that goes on and on ", 5)}},
		"many":    {many, charts.SensitivityOptions{Score: "both", ShowSampled: true}},
		"certain": {certain, charts.SensitivityOptions{Score: "both"}},
		"sampled": {sampled, charts.SensitivityOptions{}},
	} {
		t.Run(name, func(t *testing.T) {
			ch := sensitivityChart(t, tc.s, tc.opt)
			renderEveryFormat(t, ch)
		})
	}
	// A span that is not exact is hatched, and the legend and notes say so.
	ch := sensitivityChart(t, sampled, charts.SensitivityOptions{})
	if l := ch.Legend[len(ch.Legend)-1].Label; l != "sampled range, may be wider" {
		t.Errorf("last legend entry %q, want the sampled range", l)
	}
	if notes := strings.Join(ch.Notes, " "); !strings.Contains(notes, "Hatched: the range over 504 codings") {
		t.Errorf("notes %q do not explain the hatching", notes)
	}
}

func TestSensitivityChartErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *evaluate.SensitivityResult
		opt  charts.SensitivityOptions
		want string
	}{
		{"nil", nil, charts.SensitivityOptions{}, "no sensitivity to chart"},
		{"empty", &evaluate.SensitivityResult{}, charts.SensitivityOptions{}, "no sensitivity to chart"},
		{"no forecasts", &evaluate.SensitivityResult{Scales: []evaluate.ScaleSensitivity{{Scale: evaluate.AsCoded}}}, charts.SensitivityOptions{}, "no scored forecasts to chart"},
		{"score", handmadeSensitivity(), charts.SensitivityOptions{Score: "spherical"}, `score "spherical": use brier, log or both`},
	} {
		_, err := charts.SensitivityChart(tc.s, tc.opt)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
}
