package forecasts

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// tableTally is a TableSink that keeps, for every group, the weight and
// the weight of yes at each distinct probability: what the metrics of
// hindcast need.
type tableTally struct {
	keys  [][]string
	cells []map[float64]int // group → probability → index in tally
	tally [][2]float64
}

func newTableTally() TableSink { return &tableTally{} }

func (t *tableTally) Group(key []string) int {
	t.keys = append(t.keys, key)
	t.cells = append(t.cells, make(map[float64]int))
	return len(t.keys) - 1
}

func (t *tableTally) Add(g int, p, n, yes float64) {
	i, ok := t.cells[g][p]
	if !ok {
		i = len(t.tally)
		t.tally = append(t.tally, [2]float64{})
		t.cells[g][p] = i
	}
	c := &t.tally[i]
	c[0] += n
	c[1] += yes
}

// tableMerged is the merged content of tallies: group key (joined by
// "|") → probability → {weight, weight of yes}.
type tableMerged map[string]map[float64][2]float64

func mergeTableTallies(sinks []TableSink) tableMerged {
	m := make(tableMerged)
	for _, s := range sinks {
		t := s.(*tableTally)
		for g, key := range t.keys {
			k := strings.Join(key, "|")
			if m[k] == nil {
				m[k] = make(map[float64][2]float64)
			}
			for p, i := range t.cells[g] {
				c := t.tally[i]
				old := m[k][p]
				m[k][p] = [2]float64{old[0] + c[0], old[1] + c[1]}
			}
		}
	}
	return m
}

// String lists the tallies in order, one "group p n yes" a line.
func (m tableMerged) String() string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		for _, p := range slices.Sorted(maps.Keys(m[k])) {
			c := m[k][p]
			fmt.Fprintf(&b, "%s %g %g %g\n", k, p, c[0], c[1])
		}
	}
	return b.String()
}
