package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/plot/vg"
)

// Curves that run together. Two groups' ROC curves can share stretches,
// or all of their length: two groups each with AUC 0 both run along the
// bottom and then up the right edge. Drawn one over the other, the later
// hides the earlier, whatever their dashes. So where a curve runs along a
// later one it is drawn wider as well, a border in its colour round the
// later line, one border for each later curve on the stretch, and a note
// names the groups. Curves that share less than sharedLeast are left be.

// rocCasing is how much wider a curve is drawn for each later curve that
// runs along it: a border of half as much on each side.
const rocCasing = vg.Length(2.4)

// overlapTol is how close, in data units, points count as on one line.
const overlapTol = 1e-9

// sharedLeast is the least length, in data units, two curves must share
// to count as running together: 5 points of an axis. Curves of thousands
// of points touch here and there along a step or at the top corner, too
// little to hide anything or to be worth a note.
const sharedLeast = 0.05

// xy is a point of a curve in data units.
type xy struct{ x, y float64 }

func (c *rocCurve) xys() []xy {
	out := make([]xy, len(c.points))
	for i, p := range c.points {
		out[i] = xy{p.FPR, p.TPR}
	}
	return out
}

// length is the length of a polyline in data units.
func length(pts []xy) float64 {
	var l float64
	for i := 1; i < len(pts); i++ {
		l += math.Hypot(pts[i].x-pts[i-1].x, pts[i].y-pts[i-1].y)
	}
	return l
}

// segmentOverlap is the stretch [t0, t1] of segment a0–a1 (0 at a0, 1 at
// a1) that segment b0–b1 runs along, if the two are on one line and share
// more than a point.
func segmentOverlap(a0, a1, b0, b1 xy) (t0, t1 float64, ok bool) {
	dx, dy := a1.x-a0.x, a1.y-a0.y
	l := math.Hypot(dx, dy)
	if l < overlapTol {
		return 0, 0, false
	}
	cross := func(p xy) float64 { return (dx*(p.y-a0.y) - dy*(p.x-a0.x)) / l }
	if math.Abs(cross(b0)) > overlapTol || math.Abs(cross(b1)) > overlapTol {
		return 0, 0, false
	}
	at := func(p xy) float64 { return (dx*(p.x-a0.x) + dy*(p.y-a0.y)) / (l * l) }
	s0, s1 := at(b0), at(b1)
	t0, t1 = max(0, min(s0, s1)), min(1, max(s0, s1))
	if (t1-t0)*l <= overlapTol {
		return 0, 0, false
	}
	return t0, t1, true
}

// alongSegment lists the stretches of segment a0–a1 that curve b runs
// along. Curve b is a ROC curve, rising in both x and y, so only the run
// of its segments within the box round a0–a1 can touch it, found by
// binary search: curves of many thousand points stay quick.
func alongSegment(a0, a1 xy, b []xy) [][2]float64 {
	lo := xy{min(a0.x, a1.x) - overlapTol, min(a0.y, a1.y) - overlapTol}
	hi := xy{max(a0.x, a1.x) + overlapTol, max(a0.y, a1.y) + overlapTol}
	// Segment k runs from b[k-1] to b[k]: it can touch the box when
	// b[k] is not below lo and b[k-1] not above hi.
	first := max(1,
		sort.Search(len(b), func(k int) bool { return b[k].x >= lo.x }),
		sort.Search(len(b), func(k int) bool { return b[k].y >= lo.y }))
	last := min(len(b)-1,
		sort.Search(len(b), func(k int) bool { return b[k].x > hi.x }),
		sort.Search(len(b), func(k int) bool { return b[k].y > hi.y }))
	var out [][2]float64
	for k := first; k <= last; k++ {
		if t0, t1, ok := segmentOverlap(a0, a1, b[k-1], b[k]); ok {
			out = append(out, [2]float64{t0, t1})
		}
	}
	return out
}

// covered reports whether t falls in one of the stretches.
func covered(t float64, stretches [][2]float64) bool {
	for _, s := range stretches {
		if t >= s[0] && t <= s[1] {
			return true
		}
	}
	return false
}

// casing is a stretch of a curve to draw wider, a polyline, with as many
// later curves along it as n.
type casing struct {
	pts []xy
	n   int
}

// runTogether reports, for each pair of curves i < j, whether they share
// at least sharedLeast of their length, and that length.
func runTogether(curves [][]xy) (together [][]bool, shared [][]float64) {
	together, shared = make([][]bool, len(curves)), make([][]float64, len(curves))
	for i := range curves {
		together[i], shared[i] = make([]bool, len(curves)), make([]float64, len(curves))
		for j := i + 1; j < len(curves); j++ {
			shared[i][j] = sharedLength(curves[i], curves[j])
			together[i][j] = shared[i][j] >= sharedLeast
		}
	}
	return together, shared
}

// casings lists the stretches of curve i that later curves running
// together with it (runTogether) run along, each with how many do.
func casings(curves [][]xy, together [][]bool, i int) []casing {
	var out []casing
	c := curves[i]
	for s := 1; s < len(c); s++ {
		a0, a1 := c[s-1], c[s]
		var per [][][2]float64 // per later curve, its stretches on this segment
		cuts := []float64{0, 1}
		for j := i + 1; j < len(curves); j++ {
			if !together[i][j] {
				continue
			}
			st := alongSegment(a0, a1, curves[j])
			per = append(per, st)
			for _, x := range st {
				cuts = append(cuts, x[0], x[1])
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for k := 1; k < len(cuts); k++ {
			mid := (cuts[k-1] + cuts[k]) / 2
			n := 0
			for _, st := range per {
				if covered(mid, st) {
					n++
				}
			}
			if n == 0 {
				continue
			}
			at := func(t float64) xy { return xy{a0.x + t*(a1.x-a0.x), a0.y + t*(a1.y-a0.y)} }
			p, q := at(cuts[k-1]), at(cuts[k])
			if m := len(out); m > 0 && out[m-1].n == n && out[m-1].pts[len(out[m-1].pts)-1] == p {
				out[m-1].pts = append(out[m-1].pts, q) // carry on the previous stretch
				continue
			}
			out = append(out, casing{pts: []xy{p, q}, n: n})
		}
	}
	return out
}

// sharedLength is the length of curve a that curve b runs along.
func sharedLength(a, b []xy) float64 {
	var l float64
	for s := 1; s < len(a); s++ {
		segLen := math.Hypot(a[s].x-a[s-1].x, a[s].y-a[s-1].y)
		st := alongSegment(a[s-1], a[s], b)
		cuts := []float64{0, 1}
		for _, x := range st {
			cuts = append(cuts, x[0], x[1])
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		for k := 1; k < len(cuts); k++ {
			if covered((cuts[k-1]+cuts[k])/2, st) {
				l += (cuts[k] - cuts[k-1]) * segLen
			}
		}
	}
	return l
}

// coincidenceNote names the pairs of curves that run together, wholly or
// in part, and says how they are drawn; "" when none do.
func coincidenceNote(curves []*rocCurve) string {
	pts := make([][]xy, len(curves))
	for i, c := range curves {
		pts[i] = c.xys()
	}
	together, shared := runTogether(pts)
	var whole, part []string
	for i := range curves {
		for j := i + 1; j < len(curves); j++ {
			if !together[i][j] {
				continue
			}
			pair := quoteName(curves[i].group.title()) + " and " + quoteName(curves[j].group.title())
			if shared[i][j] >= min(length(pts[i]), length(pts[j]))*(1-1e-6) {
				whole = append(whole, pair)
			} else {
				part = append(part, pair)
			}
		}
	}
	if len(whole)+len(part) == 0 {
		return ""
	}
	var says []string
	if len(whole) > 0 {
		says = append(says, fmt.Sprintf("The curves of %s coincide.", strings.Join(whole, "; of ")))
	}
	if len(part) > 0 {
		says = append(says, fmt.Sprintf("The curves of %s run together in part.", strings.Join(part, "; of ")))
	}
	return strings.Join(says, " ") + " Where curves run together, the one earlier in the legend is drawn wider, " +
		"a border round the later one, so that neither hides the other."
}
