package textout

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The four CPC assessments (P(event) 0.93 no, 0.07 yes, 0.25 yes, 0.225
// yes): the sentences must say what the numbers say. Mean forecast
// (0.93 + 0.07 + 0.25 + 0.225)/4 = 0.36875 against a base rate of 0.75, so
// the forecasts were 38 points too low; Brier 0.723 > 0.25, worse than a
// coin flip; AUC 0: the miss had the highest probability, worse than chance.
func TestExplainCPC(t *testing.T) {
	tab := analysis.TableOf([]float64{0.93, 0.07, 0.25, 0.225}, []bool{false, true, true, true}, nil)
	sum := analysis.Summarize(tab, analysis.Options{Replicates: 0})
	s := &evaluate.ScoreResult{Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum}}
	got := map[string]string{}
	for _, e := range Explain(s, &s.Overall) {
		got[e.Figure] = e.Sentence
	}
	for fig, want := range map[string]string{
		"base rate":                "Of 4 forecasts, 3 were followed by the event (75%).",
		"calibration in the large": "too low by 38 percentage points",
		"Brier score":              "worse than a coin flip",
		"ROC AUC":                  "0% of the time",
		"log score":                "did worse",
		"sample size":              "only 4 forecasts",
	} {
		if !strings.Contains(got[fig], want) {
			t.Errorf("%s: %q lacks %q", fig, got[fig], want)
		}
	}
	if !strings.Contains(got["ROC AUC"], "worse than chance") {
		t.Errorf("AUC 0 must read as worse than chance: %q", got["ROC AUC"])
	}
	// In 10 bins each bin's events all happened or all did not (0.225 and
	// 0.25 share [0.2, 0.3), both events), so each bin's frequency is 0 or
	// 1 and resolution is the whole uncertainty, 0.75·0.25 = 0.1875; PAV pools all four (they are ordered backwards),
	// so CORP discrimination is 0. The explanation must say why.
	if want := "The Murphy resolution of 0.188 in the table is much higher than this discrimination of 0.000"; !strings.HasPrefix(got["resolution (Murphy)"], want) {
		t.Errorf("resolution (Murphy): %q, want it to start %q", got["resolution (Murphy)"], want)
	}
}
