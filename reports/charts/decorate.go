package charts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/figure"
)

// Decoration is what a chart's maker adds to a chart of any kind: a
// takeaway for its subtitle, remarks under it, and the datasets its
// records come from, whose selection may call for a caveat.
type Decoration struct {
	// Subtitle, when set, replaces the chart's own subtitle.
	Subtitle string
	// Remarks are drawn under the chart whatever the style's notes mode.
	Remarks []string
	// Datasets are those the chart draws records of (none for scales).
	Datasets []*forecasts.Dataset
}

// Decorate adds the decoration to a chart: the subtitle and remarks,
// and the caveats on how the datasets' records were chosen
// (SelectionCaveats), unless the chart states its own.
func Decorate(ch *figure.Chart, d Decoration) {
	if d.Subtitle != "" {
		ch.Subtitle = d.Subtitle
	}
	ch.Remarks = append(ch.Remarks, d.Remarks...)
	if len(ch.Caveats) == 0 {
		ch.Caveats = SelectionCaveats(d.Datasets)
	}
}

// SelectionCaveats say, for a chart, which datasets were chosen for their
// failures and which are not a random sample: a chart of them shows how
// those cases went, which may say little about the forecasters. The
// chart draws them at the size of body text, and with them its warnings
// (small samples, cases not scored).
func SelectionCaveats(ds []*forecasts.Dataset) []string {
	var failed, notable []string
	for _, d := range ds {
		switch d.Selection {
		case forecasts.SelectChosenForFailure:
			failed = append(failed, d.Name)
		case forecasts.SelectNotable, forecasts.SelectUnknown:
			notable = append(notable, d.Name)
		}
	}
	var out []string
	if len(failed) > 0 {
		out = append(out, fmt.Sprintf("Caveat: %s %s chosen for %s failures, so this shows those cases, not skill.",
			joinNames(failed), wasWere(len(failed)), pronoun(len(failed))))
	}
	if len(notable) > 0 {
		out = append(out, fmt.Sprintf("Caveat: %s %s not a random sample, so this may not carry over.",
			strings.Join(notable, ", "), isAre(len(notable))))
	}
	return out
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// FitRows builds a chart with as many rows as fit the height its style
// fixes, up to n: build(k) builds it with k rows (the costliest k
// records, the first k scales). It returns the chart of n rows when that
// fits or the style does not fix the height, else that of the most rows
// that fit, or of one row when none fits.
func FitRows(n int, build func(k int) (*figure.Chart, error)) (*figure.Chart, error) {
	ch, err := build(n)
	if err != nil || n <= 1 || !ch.Overflows() { // n < 1: build decides
		return ch, err
	}
	lo, hi := 1, n-1 // build(lo) is taken to fit; build(hi+1) does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		c, err := build(mid)
		if err != nil {
			return nil, err
		}
		if c.Overflows() {
			hi = mid - 1
		} else {
			lo = mid
		}
	}
	return build(lo)
}

// MoreScalesNote is the line under a scales chart that draws only the
// first scales, for room: how many more there are, and which.
func MoreScalesNote(rest []*forecasts.Scale) string {
	var names []string
	for _, s := range rest {
		names = append(names, s.Name)
	}
	return fmt.Sprintf("+ %d more not drawn, for room: %s.", len(rest), figure.ListSome(names, figure.MaxListed))
}

// MoreRowsNote is the line under a chart of rows that draws only the
// first shown of n: "+ 12 more not drawn, for room (what)".
func MoreRowsNote(shown, n int, what string) string {
	return fmt.Sprintf("+ %d more not drawn, for room (%s).", n-shown, what)
}

// FitSensitivity builds the sensitivity chart with as many of its panels
// as fit the height its style fixes: all that opt asks for; else without
// the sampled figures; else the Brier score alone. What it leaves out
// is named under the chart. decorate adds the subtitle, remarks and
// caveats to each try, as they take room too.
func FitSensitivity(s *evaluate.SensitivityResult, opt SensitivityOptions, decorate func(*figure.Chart)) (*figure.Chart, error) {
	tries := []SensitivityOptions{opt}
	if opt.ShowSampled {
		less := opt
		less.ShowSampled = false
		tries = append(tries, less)
	}
	if opt.Score == SensitivityBoth {
		less := opt
		less.ShowSampled, less.Score = false, SensitivityBrier
		tries = append(tries, less)
	}
	var ch *figure.Chart
	for k, o := range tries {
		var err error
		ch, err = SensitivityChart(s, o)
		if err != nil {
			return nil, err
		}
		var left []string
		if opt.Score == SensitivityBoth && o.Score != SensitivityBoth {
			left = append(left, "the log score")
		}
		if opt.ShowSampled && !o.ShowSampled {
			left = append(left, "the sampled figures")
		}
		if len(left) > 0 {
			ch.Remarks = append(ch.Remarks, "Not drawn, for room: "+strings.Join(left, " and ")+".")
		}
		decorate(ch)
		if !ch.Overflows() {
			break
		}
		if k == len(tries)-1 && ch.Subtitle != "" {
			// Still too tall: the subtitle goes to the speaker notes.
			ch.Offstage = append([]string{ch.Subtitle}, ch.Offstage...)
			ch.Subtitle = ""
		}
	}
	return ch, nil
}

// FitTimeline builds the timeline of the records with as many as fit the
// height its style fixes: the earliest issued, and a line under the chart
// saying how many later ones are left out. decorate adds the subtitle,
// remarks and caveats to each try.
func FitTimeline(recs []*forecasts.Record, opt TimelineOptions, decorate func(*figure.Chart)) (*figure.Chart, error) {
	sorted := slices.Clone(recs)
	forecasts.SortRecords(sorted)
	n := max(len(sorted), 1)
	return FitRows(n, func(k int) (*figure.Chart, error) {
		ch, err := TimelineChart(sorted[:min(k, len(sorted))], opt)
		if err != nil {
			return nil, err
		}
		if k < len(sorted) {
			ch.Remarks = append(ch.Remarks, MoreRowsNote(k, len(sorted), "the later ones; choose with --id or --where"))
		}
		decorate(ch)
		return ch, nil
	})
}
