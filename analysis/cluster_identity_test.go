package analysis_test

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// unclusteredDigest is the SHA-256 of the intervals SummarizeAll gave for
// every solar-flare (method, threshold) table, 200 replicates, seed 3, 50
// band resamples, before the clustered bootstrap was added; the
// forecast-by-forecast path must keep giving these bits.
const unclusteredDigest = "7b6e13a77739e35b6fbcb0c0f554e5ba0fffed1dc40f65acd348ae9efe917b81"

func solarDigest(t *testing.T, summarize func([]analysis.Table, analysis.Options) []analysis.Summary) string {
	t.Helper()
	_, groups := solarFlares(t)
	var keys []groupKey
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b groupKey) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.threshold, b.threshold))
	})
	ts := make([]analysis.Table, len(keys))
	for i, k := range keys {
		ts[i] = groups[k]
	}
	sums := summarize(ts, analysis.Options{Replicates: 200, BandReplicates: 50, Seed: 3})
	h := sha256.New()
	for _, s := range sums {
		b := s.Bootstrap
		fmt.Fprintf(h, "%s %s %b %d %v\n", legacy(b.Lo), legacy(b.Hi), b.Level, b.Replicates, b.Warnings)
		fmt.Fprintf(h, "%b %b\n", s.Bands.Lo, s.Bands.Hi)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// legacy formats e's figures as %b formatted Estimates before the
// overconfidence interval was added, so the digest still covers exactly the
// figures it was taken of.
func legacy(e analysis.Estimates) string {
	return fmt.Sprintf("{%b %b %b %b %b %b %b %b %b %b %b %b %b %b}",
		e.Brier, e.LogScore, e.Spherical, e.AUC, e.BaseRate, e.BrierSkill,
		e.Reliability, e.Resolution, e.Uncertainty, e.Miscalibration, e.Discrimination,
		e.LogMiscalibration, e.LogDiscrimination, e.LogUncertainty)
}

func TestUnclusteredBitIdentical(t *testing.T) {
	if got := solarDigest(t, analysis.SummarizeAll); got != unclusteredDigest {
		t.Errorf("SummarizeAll digest %s, was %s", got, unclusteredDigest)
	}
}
