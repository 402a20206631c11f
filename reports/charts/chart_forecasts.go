package charts

import (
	"github.com/hindcast/hindcast/reports/figure"

	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// chartGroup is a group of a chart's data ready to draw: its table, its
// scored cases at hand, its place among the series.
type chartGroup struct {
	name     string
	table    analysis.Table
	cases    []evaluate.Case // scored cases only; nil when the group has no names
	index    int             // position among the groups: colour, glyph and dashes
	unscored []string
	pos      int // position among the groups with scored forecasts, whose figures the data holds; -1 for none
}

// chartGroups are the data's groups as a chart draws them: gs those with
// scored forecasts, empty the others.
func chartGroups(cg evaluate.ChartGroups) (gs, empty []*chartGroup) {
	for i, g := range cg.Scored {
		gs = append(gs, &chartGroup{name: g.Name, table: g.Table, cases: g.Cases, index: g.Index, unscored: g.Unscored, pos: i})
	}
	for _, g := range cg.Empty {
		empty = append(empty, &chartGroup{name: g.Name, table: g.Table, cases: g.Cases, index: g.Index, unscored: g.Unscored, pos: -1})
	}
	return gs, empty
}

// emptyNote names the groups a chart leaves out for having no scored
// forecast, or is "" when there are none.
func emptyNote(empty []*chartGroup) string {
	if len(empty) == 0 {
		return ""
	}
	var names []string
	for _, g := range empty {
		names = append(names, g.title())
	}
	return fmt.Sprintf("Not drawn: %s with no scored forecast (every outcome unresolved or ambiguous): %s.", groupsText(len(empty)), joinNames(names))
}

// title is the group's name, or "All forecasts" for an unnamed one.
func (g *chartGroup) title() string {
	if g.name == "" {
		return "All forecasts"
	}
	return g.name
}

// nameMost is the most characters of a group's name a legend entry or
// a panel title shows: a legend entry does not wrap.
const nameMost = 40

// label is the group's name for a legend entry or a panel title, cut to
// nameMost characters.
func (g *chartGroup) label() string { return figure.CutRunes(g.name, nameMost) }

// ids lists the ids of the group's scored cases whose forecast falls in
// bin k of n equal-width bins (n = analysis.Distinct: at value p), in
// the order given; nil when the cases have no ids.
func (g *chartGroup) ids(n, k int, p float64) []string {
	var out []string
	for _, c := range g.cases {
		if c.ID == "" {
			return nil
		}
		if (n == analysis.Distinct && c.P == p) || (n != analysis.Distinct && binOf(c.P, n) == k) {
			out = append(out, c.ID)
		}
	}
	return out
}

// binOf is the bin of p among n equal-width bins, as analysis.Bins
// computes it: min(⌊n p⌋, n − 1).
func binOf(p float64, n int) int {
	return min(int(math.Floor(float64(n)*p)), n-1)
}

// smallSample is the number of forecasts under which a chart says that
// it shows cases rather than a pattern (analysis.DefaultMinForecasts).
const smallSample = analysis.DefaultMinForecasts

// smallNote is the caveat of a chart of groups of which one or more has
// fewer than smallSample forecasts, or "" when none has.
func smallNote(groups []*chartGroup, what string) string {
	var small []string
	least := math.Inf(1)
	for _, g := range groups {
		if n := g.table.N(); n < smallSample {
			small = append(small, g.title())
			least = min(least, n)
		}
	}
	switch {
	case len(small) == 0:
		return ""
	case len(groups) == 1:
		return fmt.Sprintf("With only %s the %s shows cases, not a pattern: a few more forecasts could change it completely.",
			forecastsText(least), what)
	}
	return fmt.Sprintf("Fewer than %d forecasts in %s: there the %s shows cases, not a pattern.",
		smallSample, joinNames(small), what)
}

// unscoredNote names the cases left out because they are not scored.
func unscoredNote(groups []*chartGroup) string {
	var ids []string
	for _, g := range groups {
		ids = append(ids, g.unscored...)
	}
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("Not scored, so not drawn (unresolved or ambiguous): %s.", strings.Join(ids, ", "))
}

// Limits of the charts that give each group a panel of its own, when there
// are too many groups to draw over each other.
const (
	// panelLeast is the fewest forecasts a group needs for a panel of its
	// own: fewer make a panel that shows nothing.
	panelLeast = 3
	// panelMost is the most panels a chart draws; the groups with the
	// most forecasts get them.
	panelMost = 30
	// namesMost is the most groups a note names before "and N more".
	namesMost = 12
)

// panelGroups chooses the groups a chart draws when it has more than
// overlay of them, each in a panel of its own: those of at least
// panelLeast forecasts (all of them when none has so many), at most
// panelMost, those with the most forecasts, in their order. The groups
// returned are copies numbered from 0 in their new order, so that series
// colours follow one another; notes say which groups are left out and
// why. With no more than overlay groups it draws them all.
func panelGroups(gs []*chartGroup, overlay int, what string) (drawn []*chartGroup, notes []string) {
	if len(gs) <= overlay {
		return renumber(gs), nil
	}
	var small []*chartGroup
	for _, g := range gs {
		if g.table.N() >= panelLeast {
			drawn = append(drawn, g)
		} else {
			small = append(small, g)
		}
	}
	if len(drawn) == 0 {
		drawn, small = gs, nil
	}
	if len(small) > 0 {
		notes = append(notes, fmt.Sprintf("Not drawn: %s of fewer than %d forecasts each, too few for a %s of %s own: %s.",
			groupsText(len(small)), panelLeast, what, pronoun(len(small)), groupNames(small)))
	}
	if len(drawn) > panelMost {
		order := make([]int, len(drawn))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(drawn[b].table.N(), drawn[a].table.N()) })
		keep := make([]bool, len(drawn))
		for _, i := range order[:panelMost] {
			keep[i] = true
		}
		var kept, cut []*chartGroup
		for i, g := range drawn {
			if keep[i] {
				kept = append(kept, g)
			} else {
				cut = append(cut, g)
			}
		}
		drawn = kept
		notes = append(notes, fmt.Sprintf("Not drawn, to keep the panels legible: the %s with the fewest forecasts: %s.",
			groupsText(len(cut)), groupNames(cut)))
	}
	return renumber(drawn), notes
}

// groupsToDraw takes the groups of a chart's data and chooses
// those it draws (panelGroups, given overlay and what): all is every
// group, drawn those the chart draws, numbered from 0, and left the notes
// that name the groups it leaves out.
func groupsToDraw(cg evaluate.ChartGroups, overlay int, what string) (all, drawn []*chartGroup, left []string) {
	gs, empty := chartGroups(cg)
	drawn, left = panelGroups(gs, overlay, what)
	if n := emptyNote(empty); n != "" {
		left = append([]string{n}, left...)
	}
	return append(gs, empty...), drawn, left
}

// groupNotes are the notes a chart of groups ends with: small, the caveat
// on small groups (smallNote), unless it is empty; left, the notes naming
// the groups not drawn (panelGroups); then the cases not scored among all
// the groups given.
func groupNotes(small string, left []string, all []*chartGroup) []string {
	var notes []string
	if small != "" {
		notes = append(notes, small)
	}
	notes = append(notes, left...)
	if n := unscoredNote(all); n != "" {
		notes = append(notes, n)
	}
	return notes
}

// renumber copies the groups, numbered from 0 in their order: a chart
// that leaves groups out colours those it draws in the first colours.
func renumber(gs []*chartGroup) []*chartGroup {
	out := make([]*chartGroup, len(gs))
	for i, g := range gs {
		c := *g
		c.index = i
		out[i] = &c
	}
	return out
}

func groupsText(n int) string {
	if n == 1 {
		return "1 group"
	}
	return fmt.Sprintf("%d groups", n)
}

func pronoun(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}

// joinNames lists names with commas, or with semicolons when a name has a
// comma of its own ("AMAN (Israeli military intelligence), under Maj.
// Gen. Eli Zeira"), so that the list still reads as the names it holds.
func joinNames(names []string) string {
	for _, n := range names {
		if strings.Contains(n, ",") {
			return strings.Join(names, "; ")
		}
	}
	return strings.Join(names, ", ")
}

// quoteName puts a name with a comma of its own in quotes, for a phrase
// such as "A and B".
func quoteName(name string) string {
	if strings.Contains(name, ",") {
		return "“" + name + "”"
	}
	return name
}

// groupNames names the groups with their counts, up to namesMost of them.
func groupNames(gs []*chartGroup) string {
	var names []string
	for i, g := range gs {
		if i == namesMost {
			names = append(names, fmt.Sprintf("and %d more", len(gs)-namesMost))
			break
		}
		names = append(names, fmt.Sprintf("%s (%s)", g.title(), figure.CountText(g.table.N())))
	}
	return joinNames(names)
}

// inPanel is a copy of the group drawn alone in a panel: in the first
// series' colour and marks, since the panel's title names it.
func inPanel(g *chartGroup) *chartGroup {
	c := *g
	c.index = 0
	return &c
}

// forecastsText writes a number of forecasts: "1 forecast", "1,200 forecasts".
func forecastsText(n float64) string {
	if n == 1 {
		return "1 forecast"
	}
	return figure.CountText(n) + " forecasts"
}
