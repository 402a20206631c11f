package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Cell holds every forecast made with one probability value.
type Cell struct {
	P   float64 // the forecast probability of the event, in [0, 1]
	N   float64 // total weight of the forecasts (their number, when unweighted)
	Yes float64 // weight of those followed by the event; 0 ≤ Yes ≤ N
}

// Table is a set of forecasts summarised by distinct forecast value.
//
// Preconditions, assumed by every function taking a Table: Cells is sorted by
// P ascending, the P are distinct and in [0, 1], every N > 0 and
// 0 ≤ Yes ≤ N. [Tally.Table], [TableOf] and [NewTable] build tables that
// meet them. An empty table is valid; most figures are NaN for it.
type Table struct {
	Cells []Cell
}

// NewTable returns a valid table holding the forecasts in cells, which may be
// in any order and may repeat a probability (such cells are pooled). Cells
// with N = 0 are dropped. cells is not modified.
//
// NewTable panics if a P is outside [0, 1] or NaN, or if N < 0 or Yes is
// outside [0, N].
func NewTable(cells []Cell) Table {
	var t Tally
	for _, c := range cells {
		checkCell(c)
		t.add(c.P, c.N, c.Yes)
	}
	return t.Table()
}

// TableOf returns the table of forecasts p with outcomes yes and optional
// weights w (nil means every forecast has weight 1).
//
// TableOf panics if the slices differ in length, a probability is outside
// [0, 1] or a weight is negative or NaN.
func TableOf(p []float64, yes []bool, w []float64) Table {
	if len(p) != len(yes) {
		panic(fmt.Sprintf("analysis: TableOf: %d probabilities but %d outcomes", len(p), len(yes)))
	}
	if w != nil && len(w) != len(p) {
		panic(fmt.Sprintf("analysis: TableOf: %d probabilities but %d weights", len(p), len(w)))
	}
	var t Tally
	for i := range p {
		if w == nil {
			t.Add(p[i], yes[i])
		} else {
			t.AddWeighted(p[i], yes[i], w[i])
		}
	}
	return t.Table()
}

// N returns the total weight of the forecasts in t, Σ n_i.
func (t Table) N() float64 {
	var n float64
	for _, c := range t.Cells {
		n += c.N
	}
	return n
}

// Yes returns the total weight of the forecasts followed by the event, Σ y_i.
func (t Table) Yes() float64 {
	var y float64
	for _, c := range t.Cells {
		y += c.Yes
	}
	return y
}

func checkCell(c Cell) {
	if !(c.P >= 0 && c.P <= 1) {
		panic(fmt.Sprintf("analysis: probability %v outside [0, 1]", c.P))
	}
	if !(c.N >= 0) || math.IsInf(c.N, 1) {
		panic(fmt.Sprintf("analysis: weight %v of forecast %v is not a finite non-negative number", c.N, c.P))
	}
	if !(c.Yes >= 0 && c.Yes <= c.N) {
		panic(fmt.Sprintf("analysis: yes-weight %v of forecast %v outside [0, %v]", c.Yes, c.P, c.N))
	}
}

func sortCells(cells []Cell) {
	slices.SortFunc(cells, func(a, b Cell) int { return cmp.Compare(a.P, b.P) })
}
