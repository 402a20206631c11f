package analysis

import "fmt"

// Options sets the choices and thresholds of [Summarize], [Bootstrap] and
// [ConsistencyBands]. A zero field means its documented default, except
// Replicates, BandReplicates and Seed, for which zero is a value;
// [DefaultOptions] returns every default, with 1000 replicates of each kind.
type Options struct {
	// Bins is how forecasts are binned for the binned Murphy
	// decomposition, the ECE and the reliability bins: a number of
	// equal-width bins, or [BinsDistinct] for one bin per distinct forecast
	// value. Default 10.
	Bins int

	// LogClip clips forecasts to [LogClip, 1 − LogClip] for the clipped
	// log score and its CORP decomposition (see [ClippedLog]).
	// Default 1e-15, as in the reference data of this package's tests.
	LogClip float64

	// LogitClip clips forecasts to [LogitClip, 1 − LogitClip] before the
	// logit in the logistic calibration fit (see [Logistic]). Default 0.001.
	LogitClip float64

	// BrierScale multiplies the Brier-score figures of a Summary: the
	// score, the Murphy and CORP (Brier) terms, and their bootstrap
	// intervals. [OriginalBrierScale] (2) gives the two-category 0–2 form of
	// Brier (1950). Skill scores are unchanged by it, and the Yates
	// decomposition stays on the mean-square scale it is defined on.
	// Default 1.
	BrierScale float64

	// MinForecasts: fewer forecasts in total than this get a
	// WarnSmallSample warning. Default 30.
	MinForecasts float64

	// MinBinForecasts: a non-empty bin with fewer forecasts than this gets
	// named in a WarnSmallBins warning. Default 10.
	MinBinForecasts float64

	// MinClusters: a clustered bootstrap (see [SummarizeClustered]) of
	// fewer clusters than this gets a WarnFewClusters warning. Default 10.
	MinClusters int

	// Replicates is the number of bootstrap replicates; 0 means no
	// bootstrap in a Summary. DefaultOptions sets 1000.
	Replicates int

	// BandReplicates is the number of resamples for the consistency bands
	// of the CORP reliability diagram; 0 means none in a Summary.
	// DefaultOptions sets 1000.
	BandReplicates int

	// Level is the coverage of bootstrap intervals and consistency bands.
	// Default 0.95.
	Level float64

	// Seed seeds every random draw; the same seed gives the same results.
	Seed uint64
}

// BinsDistinct, as [Options.Bins], asks for one bin per distinct forecast
// value (see [Distinct]): the exact decomposition.
const BinsDistinct = -1

// binCount is the n that [Bins] takes for o.Bins.
func (o Options) binCount() int {
	if o.Bins == BinsDistinct {
		return Distinct
	}
	return o.Bins
}

// Documented defaults of Options.
const (
	DefaultBins            = 10
	DefaultLogClip         = 1e-15
	DefaultLogitClip       = 0.001
	DefaultMinForecasts    = 30
	DefaultMinBinForecasts = 10
	DefaultMinClusters     = 10
	DefaultReplicates      = 1000
	DefaultLevel           = 0.95
)

// DefaultOptions returns the default options, with 1000 bootstrap
// replicates, 1000 consistency-band resamples and seed 1.
func DefaultOptions() Options {
	return Options{
		Replicates:     DefaultReplicates,
		BandReplicates: DefaultReplicates,
		Seed:           1,
	}.withDefaults()
}

// withDefaults fills zero fields with their defaults and panics on values
// that can only be a programming mistake.
func (o Options) withDefaults() Options {
	if o.Bins == 0 {
		o.Bins = DefaultBins
	}
	if o.LogClip == 0 {
		o.LogClip = DefaultLogClip
	}
	if o.LogitClip == 0 {
		o.LogitClip = DefaultLogitClip
	}
	if o.BrierScale == 0 {
		o.BrierScale = 1
	}
	if o.MinForecasts == 0 {
		o.MinForecasts = DefaultMinForecasts
	}
	if o.MinBinForecasts == 0 {
		o.MinBinForecasts = DefaultMinBinForecasts
	}
	if o.MinClusters == 0 {
		o.MinClusters = DefaultMinClusters
	}
	if o.Level == 0 {
		o.Level = DefaultLevel
	}
	switch {
	case o.Bins < 0 && o.Bins != BinsDistinct:
		panic(fmt.Sprintf("analysis: Options.Bins = %d", o.Bins))
	case !(o.LogClip > 0 && o.LogClip < 0.5):
		panic(fmt.Sprintf("analysis: Options.LogClip = %v outside (0, 0.5)", o.LogClip))
	case !(o.LogitClip > 0 && o.LogitClip < 0.5):
		panic(fmt.Sprintf("analysis: Options.LogitClip = %v outside (0, 0.5)", o.LogitClip))
	case !(o.BrierScale > 0):
		panic(fmt.Sprintf("analysis: Options.BrierScale = %v", o.BrierScale))
	case o.Replicates < 0 || o.BandReplicates < 0:
		panic(fmt.Sprintf("analysis: Options: %d replicates, %d band replicates", o.Replicates, o.BandReplicates))
	case !(o.Level > 0 && o.Level < 1):
		panic(fmt.Sprintf("analysis: Options.Level = %v outside (0, 1)", o.Level))
	}
	return o
}
