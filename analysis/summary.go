package analysis

import (
	"fmt"
	"math"
	"runtime"
	"strings"
)

// Summary is every figure of this package for one table of forecasts.
type Summary struct {
	Options Options // as used, defaults filled in

	N, Yes       float64 // total weight and yes-weight
	Cells        int     // distinct forecast values
	BaseRate     float64 // ȳ
	MeanForecast float64 // p̄

	Brier            float64 // times Options.BrierScale
	BrierSkill       float64 // against the in-sample base rate
	BrierSkillVsHalf float64 // against always 50%
	LogScore         float64 // unclipped: +Inf if a forecast of certainty was wrong
	LogScoreClipped  float64 // with Options.LogClip
	WrongCertain     []Cell  // cells of forecasts of 0 or 1 that were wrong
	Spherical        float64 // higher is better

	Murphy       MurphyDecomposition // distinct values; Brier terms times BrierScale
	MurphyBinned MurphyDecomposition // Options.Bins equal-width bins
	CORP         CORPDecomposition   // Brier score, times BrierScale
	CORPLog      CORPDecomposition   // log score clipped with Options.LogClip
	Yates        YatesDecomposition  // mean-square scale, whatever BrierScale

	CalibrationInTheLarge float64        // p̄ − ȳ; its sign follows the wording of the questions
	Overconfidence        Overconfidence // confidence in the judgments as stated against how many came true
	SpiegelhalterZ        float64
	SpiegelhalterP        float64
	ECE                   float64 // over Bins
	Logistic              LogisticCalibration
	Bins                  []Bin // Options.Bins equal-width bins, non-empty ones

	AUC float64
	ROC []ROCPoint

	Bootstrap *BootstrapResult // nil if Options.Replicates = 0 or no forecasts
	Clusters  int              // clusters the bootstrap resamples ([SummarizeClustered]); 0 when not clustered
	Bands     *ConsistencyBand // nil if Options.BandReplicates = 0 or no forecasts

	Warnings []Warning
}

// Summarize computes every figure for t, with bootstrap intervals and
// consistency bands if opts asks for them, and the warnings that apply. It
// uses GOMAXPROCS goroutines for the resampling. It panics on invalid
// options (see [Options]).
func Summarize(t Table, opts Options) Summary {
	return SummarizeAll([]Table{t}, opts)[0]
}

// SummarizeAll summarizes each table (one per group of forecasts, say) as
// [Summarize] would, sharing GOMAXPROCS goroutines among all of them.
// SummarizeAll(ts, opts)[i] equals Summarize(ts[i], opts): each table is
// resampled from the same seed, so a group's intervals do not depend on
// which other groups are summarized with it.
func SummarizeAll(ts []Table, opts Options) []Summary {
	return SummarizeClustered(ts, nil, opts)
}

// SummarizeClustered is [SummarizeAll] with a clustered bootstrap: when
// clusters is not nil, clusters[i] is table ts[i] split by cluster (the
// question, say: a cluster's cells, summed over the clusters, are those
// of ts[i]), and the bootstrap of ts[i] resamples whole clusters, as
// [BootstrapClustered] does; Summary.Clusters is their number, and fewer
// than opts.MinClusters get a WarnFewClusters warning. A nil clusters, or
// a nil clusters[i], resamples single forecasts as SummarizeAll does, bit
// for bit. The consistency bands are not clustered: they resample
// outcomes as if the forecasts were calibrated, forecast by forecast.
//
// Memory is bounded as in SummarizeAll, each clustered table's resampling
// also holding 20 bytes per cell of each cluster.
func SummarizeClustered(ts []Table, clusters [][]Table, opts Options) []Summary {
	opts = opts.withDefaults()
	if clusters != nil && len(clusters) != len(ts) {
		panic(fmt.Sprintf("analysis: SummarizeClustered: %d tables, clusters of %d", len(ts), len(clusters)))
	}
	clustersOf := func(i int) []Table {
		if clusters == nil {
			return nil
		}
		return clusters[i]
	}
	out := make([]Summary, len(ts))
	forEach(runtime.GOMAXPROCS(0), len(ts), func(_, i int) {
		out[i] = pointSummary(ts[i], opts)
		if cs := clustersOf(i); cs != nil && out[i].N > 0 {
			out[i].Clusters = len(cs)
			if opts.Replicates > 0 {
				out[i].fewClusters(cs, opts)
			}
		}
	})

	// The resampling runs a batch of tables at a time, each batch's
	// replicates held until its intervals are read: memory is bounded by
	// resampleBudget, not by the number of tables. Every replicate draws
	// from its own stream, so batches change no figure.
	var jobs []replicateJob
	var boot []bootstrapper
	var bands []*bandJob
	var batch []int
	held := 0
	flush := func() {
		runJobs(jobs)
		for k, i := range batch {
			s := &out[i]
			if b := boot[k]; b != nil {
				r := b.result()
				scaleEstimates(&r.Lo, opts.BrierScale)
				scaleEstimates(&r.Hi, opts.BrierScale)
				s.Bootstrap = &r
				s.Warnings = append(s.Warnings, r.Warnings...)
			}
			if b := bands[k]; b != nil {
				r := b.result()
				s.Bands = &r
			}
		}
		jobs, boot, bands, batch, held = jobs[:0], boot[:0], bands[:0], batch[:0], 0
	}
	for i, t := range ts {
		if out[i].N == 0 || opts.Replicates == 0 && opts.BandReplicates == 0 {
			continue
		}
		cs := clustersOf(i)
		need := resampleBytes(t, opts)
		if cs != nil && opts.Replicates > 0 {
			for _, c := range cs {
				need += clusterEntryBytes * len(c.Cells)
			}
		}
		if held > 0 && held+need > resampleBudget {
			flush()
		}
		var b bootstrapper
		var c *bandJob
		switch {
		case opts.Replicates > 0 && cs != nil:
			b = newClusterJob(t, cs, opts)
			jobs = append(jobs, b)
		case opts.Replicates > 0:
			b = newBootstrapJob(t, opts)
			jobs = append(jobs, b)
		}
		if opts.BandReplicates > 0 {
			c = newBandJob(t, opts)
			jobs = append(jobs, c)
		}
		boot, bands, batch = append(boot, b), append(bands, c), append(batch, i)
		held += need
	}
	if len(batch) > 0 {
		flush()
	}
	return out
}

// resampleBudget bounds the bytes of replicate figures [SummarizeAll] holds
// at once (a single table may need more).
const resampleBudget = 64 << 20

// resampleBytes is what the resampling of t holds until its intervals are
// read: each bootstrap replicate's figures, each band resample's fit at
// every cell.
func resampleBytes(t Table, opts Options) int {
	return 8 * (opts.Replicates*numEstimates + opts.BandReplicates*len(t.Cells))
}

// pointSummary computes everything but the resampling.
func pointSummary(t Table, opts Options) Summary {
	s := Summary{
		Options:      opts,
		N:            t.N(),
		Yes:          t.Yes(),
		Cells:        len(t.Cells),
		BaseRate:     BaseRate(t),
		MeanForecast: MeanForecast(t),
		Brier:        Brier(t),
		BrierSkill:   BrierSkill(t),
		Spherical:    Spherical(t),
		Murphy:       Murphy(t, Distinct),
		CORP:         CORP(t, BrierContribution),
		CORPLog:      CORP(t, ClippedLog(opts.LogClip)),
		Yates:        Yates(t),
		AUC:          AUC(t),
		ROC:          ROC(t),
		Bins:         Bins(t, opts.binCount()),
	}
	s.BrierSkillVsHalf = BrierSkillVsHalf(t)
	var wrong []int
	s.LogScore, wrong = LogScore(t, 0)
	for _, i := range wrong {
		s.WrongCertain = append(s.WrongCertain, t.Cells[i])
	}
	s.LogScoreClipped, _ = LogScore(t, opts.LogClip)
	s.MurphyBinned = murphy(s.Brier, s.Bins)
	s.ECE = ece(s.Bins)
	s.CalibrationInTheLarge = s.MeanForecast - s.BaseRate
	s.Overconfidence = OverconfidenceOf(t)
	s.SpiegelhalterZ, s.SpiegelhalterP = Spiegelhalter(t)
	s.Logistic = Logistic(t, opts.LogitClip)

	s.warn(opts)
	s.scaleBrier(opts.BrierScale)
	return s
}

// warn adds the warnings that the point figures call for.
func (s *Summary) warn(opts Options) {
	if s.N == 0 {
		s.Warn(WarnEmpty, "there are no forecasts, so every figure is undefined")
		return
	}
	if s.N < opts.MinForecasts {
		noun := "forecasts"
		if s.N == 1 {
			noun = "forecast"
		}
		s.Warn(WarnSmallSample, "only %g %s (fewer than %g): every figure is imprecise, and the intervals may be too narrow", s.N, noun, opts.MinForecasts)
	}
	var small []string
	for _, b := range s.Bins {
		if b.N < opts.MinBinForecasts {
			small = append(small, fmt.Sprintf("%s (%g)", binName(b), b.N))
		}
	}
	if len(small) > 0 {
		verb := "bins hold"
		if len(s.Bins) == 1 {
			verb = "bin holds"
		}
		s.Warn(WarnSmallBins, "%d of %d %s fewer than %g forecasts, so their observed frequencies are imprecise: %s",
			len(small), len(s.Bins), verb, opts.MinBinForecasts, strings.Join(small, ", "))
	}
	switch s.Yes {
	case 0:
		s.Warn(WarnOneOutcome, "no forecast was followed by the event (base rate 0), so the skill scores, the AUC and the discrimination slope are undefined")
	case s.N:
		s.Warn(WarnOneOutcome, "every forecast was followed by the event (base rate 1), so the skill scores, the AUC and the discrimination slope are undefined")
	}
	if len(s.WrongCertain) > 0 {
		var zeroYes, oneNo float64
		for _, c := range s.WrongCertain {
			if c.P == 0 {
				zeroYes += c.Yes
			} else {
				oneNo += c.N - c.Yes
			}
		}
		s.Warn(WarnInfiniteLogScore, "forecasts of certainty were wrong (0%% followed by the event: %g; 100%% not followed by it: %g), so the log score is infinite; clipped, as the CORP terms of the log score always are, they count as forecasts of %g and 1 − %g",
			zeroYes, oneNo, opts.LogClip, opts.LogClip)
	}
	if math.IsNaN(s.SpiegelhalterZ) {
		s.Warn(WarnSpiegelhalter, "every forecast is 0, 0.5 or 1, so Spiegelhalter's calibration statistic has no variance and is undefined")
	}
	if !s.Logistic.Converged {
		s.Warn(WarnLogisticFit, "no logistic calibration fit: %s", s.Logistic.Problem)
	}
}

// binName writes bin b as an interval, "[0.3, 0.4)" or "[0.9, 1]".
func binName(b Bin) string {
	if b.Lo == b.Hi {
		return fmt.Sprintf("%g", b.Lo)
	}
	if b.Hi == 1 {
		return fmt.Sprintf("[%g, 1]", b.Lo)
	}
	return fmt.Sprintf("[%g, %g)", b.Lo, b.Hi)
}

// scaleBrier multiplies the Brier-score figures by k (see
// Options.BrierScale).
func (s *Summary) scaleBrier(k float64) {
	if k == 1 {
		return
	}
	s.Brier *= k
	for _, m := range []*MurphyDecomposition{&s.Murphy, &s.MurphyBinned} {
		m.Brier *= k
		m.Reliability *= k
		m.Resolution *= k
		m.Uncertainty *= k
		m.Residual *= k
	}
	s.CORP.Score *= k
	s.CORP.Miscalibration *= k
	s.CORP.Discrimination *= k
	s.CORP.Uncertainty *= k
}

func scaleEstimates(e *Estimates, k float64) {
	for _, v := range []*float64{&e.Brier, &e.Reliability, &e.Resolution, &e.Uncertainty, &e.Miscalibration, &e.Discrimination} {
		*v *= k
	}
}
