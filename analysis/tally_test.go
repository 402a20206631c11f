package analysis

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// denseTally is the Tally as it was before it had a sparse form: two dense
// arrays over the whole grid. It is the oracle the sparse Tally must match
// bit for bit.
type denseTally struct {
	count [gridDenom + 1]struct{ n, yes uint64 }
	grid  [gridDenom + 1]struct{ n, yes float64 }
	index map[uint64]int
	other []Cell
}

func (t *denseTally) add(p, n, y float64, unweighted bool) {
	k := int(p*gridDenom + 0.5)
	if uint(k) <= gridDenom && gridP[k] == p {
		if unweighted {
			t.count[k].n++
			t.count[k].yes += uint64(y)
			return
		}
		t.grid[k].n += n
		t.grid[k].yes += y
		return
	}
	t.addOther(p, n, y)
}

func (t *denseTally) addOther(p, n, y float64) {
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

func (t *denseTally) merge(o *denseTally) {
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

func (t *denseTally) table() Table {
	var cells []Cell
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

func sameBits(a, b Table) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	for i, c := range a.Cells {
		d := b.Cells[i]
		if math.Float64bits(c.P) != math.Float64bits(d.P) || math.Float64bits(c.N) != math.Float64bits(d.N) ||
			math.Float64bits(c.Yes) != math.Float64bits(d.Yes) {
			return false
		}
	}
	return true
}

// TestTallyMatchesDense feeds the same random forecasts (unweighted and
// fractionally weighted, on and off the grid, -0 included) into Tallies and
// into the dense oracle, split over several tallies with different numbers
// of distinct values (some staying sparse, some turning dense) and merged in
// a random order, self-merges included, and wants bit-identical tables.
func TestTallyMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		parts := 1 + rng.IntN(5)
		ts := make([]Tally, parts)
		ds := make([]denseTally, parts)
		for i := range parts {
			distinct := []int{1, 3, linearMax, linearMax + 1, 100, sparseMax, sparseMax + 1, 1001}[rng.IntN(8)]
			for range rng.IntN(1000) {
				p := float64(rng.IntN(distinct)) / gridDenom
				switch rng.IntN(10) {
				case 0:
					p = math.Round(rng.Float64()*1e5) / 1e5 // mostly off the grid
				case 1:
					p = math.Copysign(0, -1)
				}
				yes := rng.Float64() < 0.5
				if rng.IntN(3) == 0 {
					w := rng.ExpFloat64()
					ts[i].AddWeighted(p, yes, w)
					ds[i].add(p, w, w*outcome(yes), false)
				} else {
					ts[i].Add(p, yes)
					ds[i].add(p, 1, outcome(yes), true)
				}
			}
		}
		for _, i := range rng.Perm(parts) {
			if i == 0 {
				ts[0].Merge(&ts[0])
				ds[0].merge(&ds[0])
				continue
			}
			ts[0].Merge(&ts[i])
			ds[0].merge(&ds[i])
			if !sameBits(ts[i].Table(), ds[i].table()) {
				t.Fatalf("trial %d: part %d differs from the dense tally", trial, i)
			}
		}
		if got, want := ts[0].Table(), ds[0].table(); !sameBits(got, want) {
			t.Fatalf("trial %d: merged table\n%v\nwant\n%v", trial, got, want)
		}
	}
}

// TestTallyMemoryFollowsValues: 100,000 tallies of one forecast each, as a
// --by with 100,000 groups makes. With both dense arrays, 1,001 × 32 bytes,
// each took 32 KB (3.2 GB in all); a tally of one grid value must take less
// than 512 bytes: the struct (96 bytes) and a one-cell list (8 + 32 bytes,
// in allocator size classes).
func TestTallyMemoryFollowsValues(t *testing.T) {
	const n = 100_000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ts := make([]*Tally, n)
	for i := range ts {
		ts[i] = new(Tally)
		ts[i].Add(float64(i%1000)/gridDenom, i%3 == 0)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perTally := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
	runtime.KeepAlive(ts)
	t.Logf("%.0f bytes a tally", perTally)
	if perTally > 512 {
		t.Errorf("a tally of one forecast takes %.0f bytes, want < 512", perTally)
	}
}
