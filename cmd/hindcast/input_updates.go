package main

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// updatesWanted reports whether flat tables must be read row by row, for
// weighting repeated forecasts or flagging forecasts made after the outcome.
func (o *inputOptions) updatesWanted() bool {
	return o.weight != weightForecast || o.latest || o.resolvedCol != ""
}

// checkUpdates checks the flags that weighting flat tables needs.
func (o *inputOptions) checkUpdates() error {
	if o.counts {
		return usageErrorf("--weight, --latest and --resolved-col need one row per forecast, not --counts")
	}
	if (o.weight != weightForecast || o.latest) && len(o.questionCols) == 0 {
		return usageErrorf("--weight %s and --latest need --question-col: the columns that say which question a row forecasts", o.weight)
	}
	if (o.weight == weightTime || o.latest || o.resolvedCol != "") && o.timeCol == "" {
		return usageErrorf("--weight time, --latest and --resolved-col need --time-col: the column that says when each forecast was made")
	}
	return nil
}

// tableUpdate is one row of a flat table, kept for weighting.
type tableUpdate struct {
	group   string // the --by values, joined
	p       float64
	yes     bool
	weight  float64 // the row's own weight (--weight-col), 1 without
	line    int
	resolve float64
	hasRes  bool
}

// loadTableUpdates reads flat tables row by row, leaves out forecasts made
// after their question was resolved (and says so), weights each
// forecaster's repeated forecasts on a question as --weight and --latest
// ask, and tallies the rows by group. The --by columns name the
// forecaster. It holds one small entry per row in memory.
func (o *inputOptions) loadTableUpdates(names []string) (*scoreInput, error) {
	if err := o.checkUpdates(); err != nil {
		return nil, err
	}
	in := &scoreInput{by: o.by, overall: &inputGroup{}}
	var rows []tableUpdate
	var runs []runUpdate
	var errs forecasts.ErrorList
	keys := map[string][]string{}
	var skipped int64
	var fractional []string
	for _, name := range names {
		format, err := o.tableFormat(name)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, openError(name, err)
		}
		opt := forecasts.TableOptions{Format: format, Probability: o.probCol, Outcome: o.outcome, Weight: o.weightCol, Percent: o.percent}
		stats, err := forecasts.ReadTableRows(name, f, opt, func(row forecasts.TableRow) error {
			key := make([]string, len(o.by))
			bad := false
			get := func(col string) string {
				v, ok := row.Value(col)
				switch {
				case !ok:
					errs.Add(name, row.Line, 0, col, "no such column in this row")
					bad = true
				case !utf8.ValidString(v) && !bad:
					// As the table reader does for group columns: a name
					// that is not UTF-8 prints as U+FFFD.
					errs.Add(name, row.Line, 0, col, "%q is not UTF-8 text; save the file as UTF-8", v)
					bad = true
				}
				return v
			}
			for i, c := range o.by {
				key[i] = get(c)
			}
			var q []string
			for _, c := range o.questionCols {
				q = append(q, get(c))
			}
			u := tableUpdate{p: row.P, yes: row.Outcome, weight: row.Weight, line: row.Line, group: strings.Join(key, "\x00")}
			ru := runUpdate{run: u.group + "\x01" + strings.Join(q, "\x00")}
			if o.timeCol != "" {
				t, ok := parseTime(get(o.timeCol))
				if !ok && !bad {
					errs.Add(name, row.Line, 0, o.timeCol, "%q is not a time: write 2006-01-02, 2006-01-02T15:04:05Z or a number", get(o.timeCol))
					bad = true
				}
				ru.time = t
			}
			if o.resolvedCol != "" {
				if v := get(o.resolvedCol); v != "" {
					t, ok := parseTime(v)
					if !ok && !bad {
						errs.Add(name, row.Line, 0, o.resolvedCol, "%q is not a time: write 2006-01-02, 2006-01-02T15:04:05Z or a number", v)
						bad = true
					}
					u.resolve, u.hasRes = t, true
					ru.end, ru.hasEnd = t, true
				}
			}
			if bad {
				return nil
			}
			if _, ok := keys[u.group]; !ok {
				keys[u.group] = key
			}
			rows = append(rows, u)
			runs = append(runs, ru)
			return nil
		})
		f.Close()
		if err == nil && stats.Rows == 0 {
			err = forecasts.ErrorList{noRows(name, format)}
		}
		skipped += stats.Skipped
		if err == nil && stats.LooksFractional() {
			fractional = append(fractional, name)
		}
		if err != nil {
			list, ok := err.(forecasts.ErrorList)
			if !ok {
				return nil, err
			}
			errs = append(errs, list...)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	// Forecasts made after the outcome was known are left out and named.
	var late []string
	keep := rows[:0]
	keepRuns := runs[:0]
	for i, u := range rows {
		if u.hasRes && runs[i].time > u.resolve {
			late = append(late, strconv.Itoa(u.line))
			continue
		}
		keep = append(keep, u)
		keepRuns = append(keepRuns, runs[i])
	}
	rows, runs = keep, keepRuns
	weights := updateWeights(runs, o.weight, o.latest)
	groups := map[string]*inputGroup{}
	for i, u := range rows {
		targets := []*inputGroup{in.overall}
		if len(o.by) > 0 {
			g := groups[u.group]
			if g == nil {
				g = &inputGroup{key: keys[u.group]}
				groups[u.group] = g
			}
			targets = append(targets, g)
		}
		w := weights[i] * u.weight
		for _, t := range targets {
			if weights[i] == 0 {
				t.exclude("superseded", 1)
				continue
			}
			t.tally.AddWeighted(u.p, u.yes, w)
		}
	}
	if err := o.checkTotals(in, names); err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		in.groups = append(in.groups, groups[k])
	}
	if len(late) > 0 {
		in.overall.exclude("after outcome", len(late))
		shown := late
		if len(shown) > 10 {
			shown = append(slices.Clone(shown[:10]), "…")
		}
		in.overall.warnings = append(in.overall.warnings, analysis.Warning{Code: warnAfterOutcome, Message: fmt.Sprintf(
			"%s made after %s question was resolved (%s later than %s) and not scored: %s %s",
			plural(len(late), "1 forecast was", fmt.Sprintf("%d forecasts were", len(late))), plural(len(late), "its", "their"), o.timeCol, o.resolvedCol, plural(len(late), "line", "lines"), strings.Join(shown, ", "))})
	}
	if skipped > 0 {
		in.overall.exclude("missing probability", int(skipped))
	}
	in.overall.warnings = append(in.overall.warnings, percentFractions(fractional)...)
	for _, g := range append([]*inputGroup{in.overall}, in.groups...) {
		g.warnings = append(g.warnings, recordWarnings(g, "", nil, nil)...)
	}
	return in, nil
}

// parseTime reads a time as seconds: an RFC 3339 time, a date and time, a
// (partial) date, or a plain number in any unit.
func parseTime(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.Unix()) + float64(t.Nanosecond())/1e9, true
		}
	}
	if d, err := forecasts.ParseDate(s); err == nil {
		return float64(d.First().Unix()), true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f, true
	}
	return 0, false
}
