package textout

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// constantScore is the score of forecasts that all said 50%, weighted to
// n forecasts: Spiegelhalter's z is 0/0, so its p-value is undefined.
func constantScore(t *testing.T, n float64) *evaluate.ScoreResult {
	t.Helper()
	tab := analysis.NewTable([]analysis.Cell{{P: 0.5, N: n, Yes: n / 2}})
	sum := analysis.Summarize(tab, analysis.Options{})
	return &evaluate.ScoreResult{Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum}}
}

// TestUndefinedPrintedAsDash: an undefined p-value is "–" in the score
// table, its Markdown and the explanations, never NaN.
func TestUndefinedPrintedAsDash(t *testing.T) {
	s := constantScore(t, 4)
	if p := s.Overall.Summary.SpiegelhalterP; !math.IsNaN(p) {
		t.Fatalf("the test needs an undefined p-value, got %v", p)
	}
	var table, md bytes.Buffer
	if err := WriteScoreTable(&table, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteScoreMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	var sentences []string
	for _, e := range Explain(s, &s.Overall) {
		sentences = append(sentences, e.Value, e.Sentence)
	}
	for what, out := range map[string]string{"table": table.String(), "markdown": md.String(), "explain": strings.Join(sentences, "\n")} {
		if strings.Contains(out, "NaN") {
			t.Errorf("%s prints NaN:\n%s", what, out)
		}
	}
	if !strings.Contains(table.String(), "p –") {
		t.Errorf("the table does not print the undefined p-value as \"p –\":\n%s", table.String())
	}
	for _, v := range []float64{math.NaN()} {
		if got := pvalue(v); got != "–" {
			t.Errorf("pvalue(NaN) = %q", got)
		}
		if got := pct(v); got != "–" {
			t.Errorf("pct(NaN) = %q", got)
		}
		if got := Count(v); got != "–" {
			t.Errorf("count(NaN) = %q", got)
		}
	}
}

// TestCountsPrintedAsIntegers: a count that is a whole number is written
// as one in JSON, where it is the same number, and in text up to 2⁵³,
// beyond which float64 sums of counts are no longer exact and text gives
// four significant digits; one forecast is "1 forecast".
func TestCountsPrintedAsIntegers(t *testing.T) {
	for _, tc := range []struct {
		n          float64
		json, text string
	}{
		{1, `"n": 1,`, "1 forecast scored"},
		{2.5e6, `"n": 2500000,`, "2500000 forecasts scored"},
		{1 << 53, `"n": 9007199254740992,`, "9007199254740992 forecasts scored"},
		{1e19, `"n": 10000000000000000000,`, "1e+19 forecasts scored"},
		{2.5, `"n": 2.5,`, "2.50 forecasts scored"},
	} {
		s := constantScore(t, tc.n)
		var js, table, md bytes.Buffer
		if err := WriteScoreJSON(&js, s); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(js.String(), tc.json) {
			t.Errorf("n = %g: JSON lacks %s:\n%.300s", tc.n, tc.json, js.String())
		}
		var back struct{ N float64 }
		if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.N != tc.n {
			t.Errorf("n = %g: JSON reads back as %g (%v)", tc.n, back.N, err)
		}
		if err := WriteScoreTable(&table, s); err != nil {
			t.Fatal(err)
		}
		if first, _, _ := strings.Cut(table.String(), "\n"); first != tc.text {
			t.Errorf("n = %g: table starts %q, want %q", tc.n, first, tc.text)
		}
		if err := WriteScoreMarkdown(&md, s); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(md.String(), "**"+tc.text+"**") {
			t.Errorf("n = %g: Markdown starts %.60q, want **%s**", tc.n, md.String(), tc.text)
		}
	}
	one := &evaluate.SensitivityResult{N: 1, TermCoded: 1, Datasets: []string{"d"}}
	var b bytes.Buffer
	if err := WriteSensitivityTable(&b, one); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "1 forecast (d)") {
		t.Errorf("sensitivity of one forecast starts %.40q", b.String())
	}
}
