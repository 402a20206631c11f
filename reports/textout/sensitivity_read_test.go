package textout_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/textout"
)

// The verdict's range covers the coding as given as well as the scales:
// here the coder's own coding reaches lower (0.30) than any scale (0.35),
// and higher (0.70) than any (0.60), so the sentence gives 0.300 to 0.700.
func TestReadSensitivityRangeCoversAsCoded(t *testing.T) {
	exact := func(lo, pt, hi float64) analysis.Span { return analysis.Span{Min: lo, Point: pt, Max: hi, Exact: true} }
	s := &evaluate.SensitivityResult{N: 4, TermCoded: 4, Scales: []evaluate.ScaleSensitivity{
		{Scale: evaluate.AsCoded, Brier: exact(0.30, 0.5, 0.70)},
		{Scale: "a", Brier: exact(0.35, 0.45, 0.55)},
		{Scale: "b", Brier: exact(0.40, 0.5, 0.60)},
	}}
	got := textout.ReadSensitivity(s)[0]
	if !strings.HasPrefix(got, "As coded and under every scale") || !strings.Contains(got, "between 0.300 and 0.700") {
		t.Errorf("reading %q", got)
	}
	// When the coding as given could beat always saying 50%, the verdict
	// is not "always worse".
	s.Scales[0].Brier.Min = 0.2
	if got := textout.ReadSensitivity(s)[0]; strings.Contains(got, "every coding") {
		t.Errorf("reading %q claims every coding is worse", got)
	}
}
