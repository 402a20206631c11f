package analysis

import (
	"fmt"
	"math"
)

// gridDenom is the resolution of the Tally's fast path: forecasts that are
// exact multiples of 1/1000 (every probability written with at most three
// decimals) are counted in an array instead of a map.
const gridDenom = 1000

// gridP[k] is the float64 nearest k/1000, which is also what parsing a
// decimal such as "0.07" yields, since IEEE division is correctly rounded.
var gridP = func() (g [gridDenom + 1]float64) {
	for k := range g {
		g[k] = float64(k) / gridDenom
	}
	return g
}()

// Tally accumulates forecasts into a [Table].
//
// Forecasts with at most three decimals are counted in a fixed array, others
// in a map keyed by math.Float64bits(p); -0 is counted as 0. The zero value
// is an empty tally ready to use. A Tally is not safe for concurrent use:
// give each goroutine its own and [Tally.Merge] them afterwards. With
// integer weights every count is exact (up to 2⁵³); with fractional weights,
// merge in a fixed order to get bit-for-bit reproducible sums.
type Tally struct {
	count [gridDenom + 1]struct{ n, yes uint64 }  // unweighted, on the grid
	grid  [gridDenom + 1]struct{ n, yes float64 } // weighted, on the grid
	index map[uint64]int                          // Float64bits(p) → position in other
	other []Cell
}

// Add counts one forecast of probability p with outcome yes.
// It panics if p is outside [0, 1] or NaN.
func (t *Tally) Add(p float64, yes bool) {
	k := int(p*gridDenom + 0.5)
	if uint(k) > gridDenom || gridP[k] != p {
		t.addOffGrid(p, yes)
		return
	}
	c := &t.count[k]
	c.n++
	c.yes += b2u(yes)
}

// b2u converts without a branch: outcomes are unpredictable.
func b2u(b bool) uint64 {
	var u uint64
	if b {
		u = 1
	}
	return u
}

func (t *Tally) addOffGrid(p float64, yes bool) {
	t.addOther(p, 1, outcome(yes))
}

// AddWeighted counts a forecast of probability p with outcome yes and weight
// w. A weight of 0 adds nothing. It panics if p is outside [0, 1] or NaN, or
// if w is negative, infinite or NaN.
func (t *Tally) AddWeighted(p float64, yes bool, w float64) {
	if !(w >= 0) || math.IsInf(w, 1) {
		panic(fmt.Sprintf("analysis: weight %v is not a finite non-negative number", w))
	}
	if w == 0 {
		checkCell(Cell{P: p})
		return
	}
	var y float64
	if yes {
		y = w
	}
	t.add(p, w, y)
}

// add counts weight n with yes-weight y at p; the caller has checked n and y.
func (t *Tally) add(p, n, y float64) {
	if n == 0 {
		return
	}
	k := int(p*gridDenom + 0.5)
	if uint(k) <= gridDenom && gridP[k] == p {
		g := &t.grid[k]
		g.n += n
		g.yes += y
		return
	}
	t.addOther(p, n, y)
}

func (t *Tally) addOther(p, n, y float64) {
	checkCell(Cell{P: p})
	key := math.Float64bits(p)
	if i, ok := t.index[key]; ok {
		t.other[i].N += n
		t.other[i].Yes += y
		return
	}
	if t.index == nil {
		t.index = make(map[uint64]int)
	}
	t.index[key] = len(t.other)
	t.other = append(t.other, Cell{P: p, N: n, Yes: y})
}

// Merge adds every forecast counted in o to t. o is not modified.
func (t *Tally) Merge(o *Tally) {
	for k := range t.grid {
		t.count[k].n += o.count[k].n
		t.count[k].yes += o.count[k].yes
		t.grid[k].n += o.grid[k].n
		t.grid[k].yes += o.grid[k].yes
	}
	for _, c := range o.other {
		t.addOther(c.P, c.N, c.Yes)
	}
}

// Table returns the forecasts counted so far as a table sorted by
// probability. The tally can go on counting afterwards.
func (t *Tally) Table() Table {
	cells := make([]Cell, 0, len(t.other)+16)
	for k, g := range t.grid {
		c := t.count[k]
		if n := float64(c.n) + g.n; n > 0 {
			cells = append(cells, Cell{P: gridP[k], N: n, Yes: float64(c.yes) + g.yes})
		}
	}
	cells = append(cells, t.other...)
	sortCells(cells)
	return Table{Cells: cells}
}
