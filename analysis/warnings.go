package analysis

import "fmt"

// Warning is a caveat about a figure, carried as data so that a report can
// show it beside the figure. Code is stable and machine-readable; Message
// is a plain sentence.
type Warning struct {
	Code    string
	Message string
}

// String returns "code: message".
func (w Warning) String() string { return w.Code + ": " + w.Message }

// Codes of the warnings this package gives. Callers may add their own (a
// dataset chosen for its failures, say) with [Summary.Warn].
const (
	WarnEmpty              = "empty"               // no forecasts at all
	WarnSmallSample        = "small-sample"        // fewer than Options.MinForecasts forecasts
	WarnSmallBins          = "small-bins"          // bins with fewer than Options.MinBinForecasts forecasts
	WarnOneOutcome         = "one-outcome"         // base rate 0 or 1: skill, AUC, slope undefined
	WarnInfiniteLogScore   = "infinite-log-score"  // a forecast of certainty was wrong
	WarnLogisticFit        = "logistic-fit"        // no logistic calibration fit
	WarnSpiegelhalter      = "spiegelhalter"       // Spiegelhalter's test undefined
	WarnBootstrapUndefined = "bootstrap-undefined" // a figure undefined in some replicates
	WarnFewClusters        = "few-clusters"        // fewer than Options.MinClusters clusters resampled
)

// Warn appends a warning to the summary, its message formatted as by
// fmt.Sprintf.
func (s *Summary) Warn(code, format string, args ...any) {
	s.Warnings = append(s.Warnings, Warning{Code: code, Message: fmt.Sprintf(format, args...)})
}
