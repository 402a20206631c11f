package evaluate

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// Warning codes hindcast adds to the analysis package's own (analysis.Warn…).
const (
	WarnSelectedForFailure = "selected-for-failure" // a dataset chosen for its failures
	WarnNotASample         = "not-a-sample"         // a dataset of notable cases, or chosen no one knows how
	WarnMixedDatasets      = "mixed-datasets"       // figures that pool datasets chosen in different ways
	WarnExcluded           = "excluded"             // records or rows left unscored, with why
	WarnNoCounterpart      = "no-counterpart"       // a term with no counterpart on the --scale asked for
	WarnUnconfirmed        = "unconfirmed-wording"  // a statement whose wording is unconfirmed
	WarnSkippedRows        = "skipped-rows"         // table rows with no probability
	WarnAfterOutcome       = "after-outcome"        // forecasts made after their question was resolved
	WarnPercentFractions   = "percent-fractions"    // --percent on probabilities that look like fractions
)

// Reasons a forecast is left unscored, the keys of Group.Excluded besides
// the outcomes unresolved and ambiguous.
const (
	ExcludedSuperseded   = "superseded"          // not the last of its run, with --latest
	ExcludedNoTime       = "stood no time"       // weight 0 under --weight time
	ExcludedAfterOutcome = "after outcome"       // made after its question was resolved
	ExcludedNoProb       = "missing probability" // a table row with no probability
)

// exclusionReasons explains each reason a forecast can be left unscored.
var exclusionReasons = map[string]string{
	"outcome":            "an unresolved or ambiguous outcome cannot be scored, though the record is kept and listed",
	ExcludedSuperseded:   "a superseded forecast was followed by a later one on the same question (--latest)",
	ExcludedNoTime:       "a forecast that stood no time before the next one or the question's end weighs nothing (--weight time)",
	ExcludedAfterOutcome: "a forecast made after its question was resolved is no forecast",
	ExcludedNoProb:       "a row with no probability (empty or NA) says nothing",
}

// selectionConsequence completes the two selection warnings' sentences:
// what a set chosen for failure, and one that is not a sample, does to the
// figures at hand.
type selectionConsequence struct{ failed, notSample string }

var (
	scoreSelection = selectionConsequence{
		failed:    "the calibration figures (reliability, miscalibration, calibration in the large, Spiegelhalter, ECE, logistic slope) describe these cases, not how well calibrated the forecaster was, and the scores are worse than a fair sample's would be",
		notSample: "the figures describe these cases and may not carry over to the forecasters' other judgments",
	}
	compareSelection = selectionConsequence{
		failed:    "its forecasters' scores are worse than a fair sample of their judgments would give, and a comparison with them says how these cases went, not who forecasts better",
		notSample: "the comparison describes these cases and may not carry over to the forecasters' other judgments",
	}
)

// selectionWarnings says what the datasets' selection does to the figures.
func selectionWarnings(sel map[string]forecasts.Selection, c selectionConsequence) []analysis.Warning {
	var failed, notable []string
	for _, name := range slices.Sorted(maps.Keys(sel)) {
		switch sel[name] {
		case forecasts.SelectChosenForFailure:
			failed = append(failed, name)
		case forecasts.SelectNotable, forecasts.SelectUnknown:
			notable = append(notable, name)
		}
	}
	var out []analysis.Warning
	if len(failed) > 0 {
		out = append(out, analysis.Warning{Code: WarnSelectedForFailure, Message: fmt.Sprintf(
			"%s was chosen for its failures, after the outcomes were known: %s", strings.Join(failed, ", "), c.failed)})
	}
	if len(notable) > 0 {
		out = append(out, analysis.Warning{Code: WarnNotASample, Message: fmt.Sprintf(
			"%s is not a random sample (its records were chosen because they are well known, or how they were chosen is unknown): %s",
			strings.Join(notable, ", "), c.notSample)})
	}
	return out
}

// mixedWarning says that figures pool the records of several datasets,
// each chosen its own way; how names the way out ("--by dataset").
func mixedWarning(sel map[string]forecasts.Selection, how string) []analysis.Warning {
	if len(sel) < 2 {
		return nil
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(sel)) {
		what := string(sel[name])
		if what == "" {
			what = "selection not stated"
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", name, what))
	}
	return []analysis.Warning{{Code: WarnMixedDatasets, Message: fmt.Sprintf(
		"these figures pool %d datasets chosen in different ways, %s: a pooled figure describes neither; %s gives each its own",
		len(sel), strings.Join(parts, ", "), how)}}
}

// excludedWarning says how many forecasts of a group were left out and why.
func excludedWarning(excluded map[string]int) []analysis.Warning {
	n := sumCounts(excluded)
	if n == 0 {
		return nil
	}
	var parts, why []string
	for _, k := range slices.Sorted(maps.Keys(excluded)) {
		parts = append(parts, fmt.Sprintf("%d %s", excluded[k], k))
		switch k {
		case string(forecasts.Unresolved), string(forecasts.Ambiguous):
			if !slices.Contains(why, exclusionReasons["outcome"]) {
				why = append(why, exclusionReasons["outcome"])
			}
		default:
			if r, ok := exclusionReasons[k]; ok {
				why = append(why, r)
			}
		}
	}
	return []analysis.Warning{{Code: WarnExcluded, Message: fmt.Sprintf(
		"%d not scored (%s): %s", n, strings.Join(parts, ", "), strings.Join(why, "; "))}}
}

// codingWarnings names the records of ids that have no counterpart on
// scale (missing) or an unconfirmed wording.
func codingWarnings(scale string, missing, unconfirmed []string) []analysis.Warning {
	var out []analysis.Warning
	if len(missing) > 0 {
		out = append(out, analysis.Warning{Code: WarnNoCounterpart, Message: fmt.Sprintf(
			"%s has no term at the level of the coded term of %s, which are scored as coded on their own scales", scale, strings.Join(missing, ", "))})
	}
	if len(unconfirmed) > 0 {
		out = append(out, analysis.Warning{Code: WarnUnconfirmed, Message: fmt.Sprintf(
			"the wording of %s is unconfirmed: the judgment may not have been made in these terms", strings.Join(unconfirmed, ", "))})
	}
	return out
}

// skippedRows returns the warning for rows of flat tables skipped for
// having no probability; none when there are none.
func skippedRows(skipped int64) []analysis.Warning {
	if skipped == 0 {
		return nil
	}
	return []analysis.Warning{{Code: WarnSkippedRows, Message: fmt.Sprintf("%s no probability (empty or NA) and %s skipped",
		plural(int(skipped), "1 row has", fmt.Sprintf("%d rows have", skipped)), plural(int(skipped), "was", "were"))}}
}

// percentFractions returns the warning for flat tables read with
// --percent whose probabilities look like fractions (all at most 1, none
// with a % sign), named in fractional; none when there are none.
func percentFractions(fractional []string) []analysis.Warning {
	if len(fractional) == 0 {
		return nil
	}
	return []analysis.Warning{{Code: WarnPercentFractions, Message: fmt.Sprintf(
		"with --percent every probability in %s is at most 1 (that is 1%%) and none has a %% sign: if the probabilities are fractions from 0 to 1, drop --percent",
		strings.Join(fractional, ", "))}}
}

// afterOutcome returns the warning for forecasts left out for being made
// after their question was resolved, at the table lines given.
func afterOutcome(lines []string, timeCol, resolvedCol string) []analysis.Warning {
	if len(lines) == 0 {
		return nil
	}
	shown := lines
	if len(shown) > 10 {
		shown = append(slices.Clone(shown[:10]), "…")
	}
	return []analysis.Warning{{Code: WarnAfterOutcome, Message: fmt.Sprintf(
		"%s made after %s question was resolved (%s later than %s) and not scored: %s %s",
		plural(len(lines), "1 forecast was", fmt.Sprintf("%d forecasts were", len(lines))), plural(len(lines), "its", "their"),
		timeCol, resolvedCol, plural(len(lines), "line", "lines"), strings.Join(shown, ", "))}}
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
