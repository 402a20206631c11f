package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Weighting says how a forecaster's repeated forecasts on one question (a
// run of updates) are weighted.
type Weighting string

// The weightings of repeated forecasts.
const (
	// WeightForecast counts every forecast once.
	WeightForecast Weighting = "forecast"
	// WeightQuestion counts every run once: each of its n updates weighs 1/n.
	WeightQuestion Weighting = "question"
	// WeightTime weighs each update by how long it stood before the next
	// one or the run's end; the run's weights add up to 1.
	WeightTime Weighting = "time"
)

// Weightings lists the weightings, in the order help texts give them.
var Weightings = []Weighting{WeightForecast, WeightQuestion, WeightTime}

// Update is one forecast in a run of updates by one forecaster on one
// question, as [UpdateWeights] sees it. Times are in any one unit; the
// caller has left out forecasts made after their run's end.
type Update struct {
	Run    string  // forecaster and question: the run it belongs to
	Time   float64 // when it was made
	End    float64 // when the question closed (resolution, or the horizon)
	HasEnd bool    // End is known
}

// UpdateWeights returns a weight per update. With latest, only the last
// update of each run keeps a weight, of 1, and the others get 0; otherwise
// the weighting decides:
//
//	WeightForecast: w = 1
//	WeightQuestion: w = 1/n for each of a run's n updates
//	WeightTime:     w_k = s_k / Σ s_j, where s_k = t_{k+1} − t_k and the
//	                last update stands until the run's end, s_n = end − t_n
//
// Under WeightQuestion each run's updates share a total weight of 1
// equally, as FiveThirtyEight weights repeated forecasts. Under WeightTime
// the updates are taken in time order (ties in input order); a run whose
// updates stand for no time at all (all made at its end) shares the weight
// equally. A run's end is that of its last update; when it is not known
// the last update stands for no time, so callers that weight by time
// should make sure every run has an end.
func UpdateWeights(us []Update, mode Weighting, latest bool) []float64 {
	w := make([]float64, len(us))
	runs := map[string][]int{}
	var order []string
	for i, u := range us {
		if _, ok := runs[u.Run]; !ok {
			order = append(order, u.Run)
		}
		runs[u.Run] = append(runs[u.Run], i)
	}
	for _, name := range order {
		idx := runs[name]
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(us[a].Time, us[b].Time) })
		switch {
		case latest:
			w[idx[len(idx)-1]] = 1
		case mode == WeightQuestion:
			for _, i := range idx {
				w[i] = 1 / float64(len(idx))
			}
		case mode == WeightTime:
			timeWeights(us, idx, w)
		case mode == WeightForecast:
			for _, i := range idx {
				w[i] = 1
			}
		default:
			panic(fmt.Sprintf("analysis: UpdateWeights: weighting %q", mode))
		}
	}
	return w
}

// timeWeights sets the weights of one run's updates, idx in time order,
// in proportion to how long each stood.
func timeWeights(us []Update, idx []int, w []float64) {
	span := make([]float64, len(idx))
	stops := make([]float64, len(idx))
	var total float64
	for k, i := range idx {
		stop := us[i].Time
		switch {
		case k+1 < len(idx):
			stop = us[idx[k+1]].Time
		case us[i].HasEnd:
			stop = max(us[i].End, us[i].Time)
		}
		stops[k] = stop
		span[k] = stop - us[i].Time
		total += span[k]
	}
	if math.IsInf(total, 0) {
		// Times so far apart (plain numbers near ±1e308) that their spans
		// or the sum overflow: the same proportions from halved spans,
		// each divided by the largest.
		var largest float64
		for k, i := range idx {
			span[k] = stops[k]/2 - us[i].Time/2
			largest = max(largest, span[k])
		}
		total = 0
		for k := range span {
			span[k] /= largest
			total += span[k]
		}
	}
	for k, i := range idx {
		if total == 0 {
			w[i] = 1 / float64(len(idx))
		} else {
			w[i] = span[k] / total
		}
	}
}
