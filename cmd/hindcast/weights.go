package main

import (
	"cmp"
	"math"
	"slices"
)

// Weighting modes for repeated forecasts (--weight).
const (
	weightForecast = "forecast" // every forecast counts once
	weightQuestion = "question" // every (forecaster, question) counts once: 1/updates each
	weightTime     = "time"     // each forecast by how long it stood in the question's open period
)

var weightModes = []string{weightForecast, weightQuestion, weightTime}

// runUpdate is one forecast in a run of updates by one forecaster on one
// question, as the weighting sees it. Times are in days; the caller has
// left out forecasts made after their question's end.
type runUpdate struct {
	run    string  // forecaster and question: the run it belongs to
	time   float64 // when it was made
	end    float64 // when the question closed (resolution, or the horizon)
	hasEnd bool    // end is known
}

// updateWeights returns a weight per runUpdate under the mode. With latest,
// only the last runUpdate of each run keeps a weight, of 1, and the others
// get 0.
//
// Under weightQuestion each run's updates share a total weight of 1
// equally, as FiveThirtyEight weights repeated forecasts. Under weightTime,
// runUpdate k of a run sorted by time stands from its time to the next
// runUpdate's, the last one to the run's end, and the run's weight of 1 is
// shared in proportion to those spans; a run whose updates stand for no
// time at all (its end unknown, or all made on the last day) shares it
// equally.
func updateWeights(us []runUpdate, mode string, latest bool) []float64 {
	w := make([]float64, len(us))
	runs := map[string][]int{}
	var order []string
	for i, u := range us {
		if _, ok := runs[u.run]; !ok {
			order = append(order, u.run)
		}
		runs[u.run] = append(runs[u.run], i)
	}
	for _, name := range order {
		idx := runs[name]
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(us[a].time, us[b].time) })
		switch {
		case latest:
			w[idx[len(idx)-1]] = 1
		case mode == weightQuestion:
			for _, i := range idx {
				w[i] = 1 / float64(len(idx))
			}
		case mode == weightTime:
			span := make([]float64, len(idx))
			stops := make([]float64, len(idx))
			var total float64
			for k, i := range idx {
				stop := us[i].time
				switch {
				case k+1 < len(idx):
					stop = us[idx[k+1]].time
				case us[i].hasEnd:
					stop = max(us[i].end, us[i].time)
				}
				stops[k] = stop
				span[k] = stop - us[i].time
				total += span[k]
			}
			if math.IsInf(total, 0) {
				// Times so far apart (plain numbers near ±1e308) that their
				// spans or the sum overflow: the same proportions from
				// halved spans, each divided by the largest.
				var largest float64
				for k, i := range idx {
					span[k] = stops[k]/2 - us[i].time/2
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
		default:
			for _, i := range idx {
				w[i] = 1
			}
		}
	}
	return w
}
