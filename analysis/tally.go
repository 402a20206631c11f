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

// A Tally counts grid values in one of three forms, each used until it
// holds too many distinct values: a list searched linearly (up to
// linearMax values, about 34 bytes each), the list with an index by grid
// position (up to sparseMax values; the index, open addressing over 128
// places, takes 128 bytes), and a dense
// array of all 1,001 grid values (32 KB). At sparseMax values the indexed
// list takes 128 bytes + 64 × 34 bytes ≈ 2.3 KB. The dense array is the fastest
// (Add costs a third of a search of the list), and sparseMax is low enough
// that a tally of two-decimal forecasts, 101 values, reaches it.
const (
	linearMax = 8
	sparseMax = 64 // at most 255, which a uint8 index can address
)

// gridCounts are the forecasts counted at one grid value, the unweighted
// apart from the weighted: counts stay exact integers, and a weighted sum
// gets the same additions in the same order whatever form the tally is in.
type gridCounts struct {
	n, yes   uint64  // unweighted
	wn, wyes float64 // weighted
}

func (c *gridCounts) add(o *gridCounts) {
	c.n += o.n
	c.yes += o.yes
	c.wn += o.wn
	c.wyes += o.wyes
}

// Tally accumulates forecasts into a [Table].
//
// Forecasts with at most three decimals are counted by their position on the
// grid k/1000: while a tally has seen at most 64 such values, in a list
// (about 34 bytes a value, and an index of 128 bytes from 9 values on), then in
// a fixed array of all 1,001 (32 KB). Others are counted in a map keyed by
// math.Float64bits(p); -0 is counted as 0. Memory therefore grows with the
// distinct values seen, and a tally of a few forecasts is small. The zero
// value is an empty tally ready to use. A Tally is not safe for concurrent
// use: give each goroutine its own and [Tally.Merge] them afterwards. With
// integer weights every count is exact (up to 2⁵³); with fractional
// weights, merge in a fixed order to get bit-for-bit reproducible sums.
type Tally struct {
	dense *[gridDenom + 1]gridCounts // nil until more than sparseMax grid values
	slot  *[slotSize]uint8           // while sparse, from linearMax values: an open-addressing index, 1 + position in keys, or 0
	keys  []uint16                   // while sparse: grid positions, in order of first use
	cells []gridCounts               // while sparse: cells[i] counts grid value keys[i]
	index map[uint64]int             // Float64bits(p) → position in other
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
	var c *gridCounts
	if d := t.dense; d != nil {
		c = &d[k] // the hot path: no call
	} else {
		c = t.gridCell(k)
	}
	c.n++
	c.yes += b2u(yes)
}

// gridCell returns the counts at grid position k, adding an empty cell for
// it if it has none, and moving to the next form when a tally outgrows one.
func (t *Tally) gridCell(k int) *gridCounts {
	if t.dense != nil {
		return &t.dense[k]
	}
	h := 0
	if t.slot != nil {
		for h = slotHash(k); t.slot[h] != 0; h = (h + 1) & (slotSize - 1) {
			if s := t.slot[h]; int(t.keys[s-1]) == k {
				return &t.cells[s-1]
			}
		}
	} else {
		// No early exit: with at most linearMax keys, a scan of all of them
		// with a conditional move beats a mispredicted branch.
		found := -1
		for i, key := range t.keys {
			if int(key) == k {
				found = i
			}
		}
		if found >= 0 {
			return &t.cells[found]
		}
	}
	switch len(t.keys) {
	case sparseMax:
		t.densify()
		return &t.dense[k]
	case linearMax:
		t.slot = new([slotSize]uint8)
		for i, key := range t.keys {
			t.slot[t.freeSlot(int(key))] = uint8(i + 1)
		}
		h = t.freeSlot(k)
	}
	if t.slot != nil {
		t.slot[h] = uint8(len(t.keys) + 1)
	}
	t.keys = append(t.keys, uint16(k))
	t.cells = append(t.cells, gridCounts{})
	return &t.cells[len(t.cells)-1]
}

// slotSize is the size of the sparse index: twice sparseMax, so that
// linear probing stays short.
const slotSize = 2 * sparseMax

// slotHash places grid position k in the sparse index (Fibonacci hashing).
func slotHash(k int) int { return int(uint32(k)*2654435769>>24) & (slotSize - 1) }

// freeSlot returns the first empty place in the index for grid position k,
// which the index does not hold.
func (t *Tally) freeSlot(k int) int {
	h := slotHash(k)
	for t.slot[h] != 0 {
		h = (h + 1) & (slotSize - 1)
	}
	return h
}

// densify moves the sparse list into the dense array.
func (t *Tally) densify() {
	d := new([gridDenom + 1]gridCounts)
	for i, key := range t.keys {
		d[key] = t.cells[i]
	}
	t.dense, t.slot, t.keys, t.cells = d, nil, nil, nil
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
		c := t.gridCell(k)
		c.wn += n
		c.wyes += y
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
	if o.dense != nil {
		if t.dense == nil {
			t.densify()
		}
		for k := range t.dense {
			t.dense[k].add(&o.dense[k])
		}
	} else {
		keys, cells := o.keys, o.cells // o may be t
		for i, key := range keys {
			t.gridCell(int(key)).add(&cells[i])
		}
	}
	for _, c := range o.other {
		t.addOther(c.P, c.N, c.Yes)
	}
}

// Table returns the forecasts counted so far as a table sorted by
// probability. The tally can go on counting afterwards.
func (t *Tally) Table() Table {
	cells := make([]Cell, 0, len(t.keys)+len(t.other)+16)
	appendGrid := func(k int, c *gridCounts) {
		if n := float64(c.n) + c.wn; n > 0 {
			cells = append(cells, Cell{P: gridP[k], N: n, Yes: float64(c.yes) + c.wyes})
		}
	}
	if t.dense != nil {
		for k := range t.dense {
			appendGrid(k, &t.dense[k])
		}
	}
	for i, key := range t.keys {
		appendGrid(int(key), &t.cells[i])
	}
	cells = append(cells, t.other...)
	sortCells(cells)
	return Table{Cells: cells}
}
