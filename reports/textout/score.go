package textout

import (
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/provenance"
)

type scoreJSON struct {
	Key                   map[string]string      `json:"key,omitempty"`
	N                     jsonFloat              `json:"n"`
	NExcluded             int                    `json:"n_excluded"`
	Excluded              map[string]int         `json:"excluded,omitempty"`
	Distinct              int                    `json:"distinct_forecasts"`
	BaseRate              jsonFloat              `json:"base_rate"`
	MeanForecast          jsonFloat              `json:"mean_forecast"`
	Brier                 jsonFloat              `json:"brier"`
	BrierScale            jsonFloat              `json:"brier_scale"`
	BrierSkill            jsonFloat              `json:"brier_skill"`
	BrierSkillVsHalf      jsonFloat              `json:"brier_skill_vs_half"`
	BrierSkillVsReference *jsonFloat             `json:"brier_skill_vs_reference,omitempty"`
	LogScore              jsonFloat              `json:"log_score"`
	LogClip               jsonFloat              `json:"log_clip"`
	Spherical             jsonFloat              `json:"spherical"`
	AUC                   jsonFloat              `json:"auc"`
	Murphy                murphyJSON             `json:"murphy"`
	CORP                  corpJSON               `json:"corp"`
	CORPLog               corpJSON               `json:"corp_log"`
	Yates                 yatesJSON              `json:"yates"`
	Calibration           calibrationJSON        `json:"calibration"`
	Overconfidence        overconfidenceJSON     `json:"overconfidence"`
	Bins                  []binJSON              `json:"bins"`
	Intervals             *intervalsJSON         `json:"intervals,omitempty"`
	Warnings              []warningJSON          `json:"warnings"`
	Crowd                 *crowdScoreJSON        `json:"crowd_relative,omitempty"`
	Groups                []scoreJSON            `json:"groups,omitempty"`
	SharedEvents          []sharedEventJSON      `json:"shared_events,omitempty"`
	Provenance            *provenance.Provenance `json:"provenance,omitempty"`
}

type murphyJSON struct {
	Bins        any       `json:"bins"` // "distinct" or the number of bins
	Reliability jsonFloat `json:"reliability"`
	Resolution  jsonFloat `json:"resolution"`
	Uncertainty jsonFloat `json:"uncertainty"`
	Residual    jsonFloat `json:"residual"`
}

type corpJSON struct {
	Miscalibration jsonFloat `json:"miscalibration"`
	Discrimination jsonFloat `json:"discrimination"`
	Uncertainty    jsonFloat `json:"uncertainty"`
}

type yatesJSON struct {
	OutcomeVariance  jsonFloat `json:"outcome_variance"`
	BiasSquared      jsonFloat `json:"bias_squared"` // Bias², the term of the sum
	MinimumVariance  jsonFloat `json:"minimum_forecast_variance"`
	Scatter          jsonFloat `json:"scatter"`
	Covariance       jsonFloat `json:"covariance"`
	Slope            jsonFloat `json:"slope"`
	MeanForecastYes  jsonFloat `json:"mean_forecast_yes"`
	MeanForecastNo   jsonFloat `json:"mean_forecast_no"`
	ForecastVariance jsonFloat `json:"forecast_variance"`
}

type calibrationJSON struct {
	InTheLarge     jsonFloat `json:"in_the_large"`
	SpiegelhalterZ jsonFloat `json:"spiegelhalter_z"`
	SpiegelhalterP jsonFloat `json:"spiegelhalter_p"`
	ECE            jsonFloat `json:"ece"`
	Slope          jsonFloat `json:"slope"`
	Intercept      jsonFloat `json:"intercept"`
}

type overconfidenceJSON struct {
	Confidence jsonFloat `json:"confidence"`
	HitRate    jsonFloat `json:"hit_rate"`
	Over       jsonFloat `json:"over"`
}

type binJSON struct {
	Lo           jsonFloat `json:"lo"`
	Hi           jsonFloat `json:"hi"`
	N            jsonFloat `json:"n"`
	Yes          jsonFloat `json:"n_yes"`
	MeanForecast jsonFloat `json:"mean_forecast"`
	Observed     jsonFloat `json:"observed"`
	ObservedLo   jsonFloat `json:"observed_lo"`
	ObservedHi   jsonFloat `json:"observed_hi"`
}

type intervalsJSON struct {
	Level             jsonFloat    `json:"level"`
	Replicates        int          `json:"replicates"`
	Seed              uint64       `json:"seed"`
	Cluster           []string     `json:"cluster"`            // what the resampling keeps whole; null for single forecasts
	Clusters          int          `json:"clusters,omitempty"` // how many clusters the group has
	Brier             [2]jsonFloat `json:"brier"`
	BrierSkill        [2]jsonFloat `json:"brier_skill"`
	LogScore          [2]jsonFloat `json:"log_score"`
	Spherical         [2]jsonFloat `json:"spherical"`
	AUC               [2]jsonFloat `json:"auc"`
	BaseRate          [2]jsonFloat `json:"base_rate"`
	Reliability       [2]jsonFloat `json:"reliability"`
	Resolution        [2]jsonFloat `json:"resolution"`
	Uncertainty       [2]jsonFloat `json:"uncertainty"`
	Miscalibration    [2]jsonFloat `json:"miscalibration"`
	Discrimination    [2]jsonFloat `json:"discrimination"`
	LogMiscalibration [2]jsonFloat `json:"log_miscalibration"`
	LogDiscrimination [2]jsonFloat `json:"log_discrimination"`
	Overconfidence    [2]jsonFloat `json:"overconfidence"`
}

type warningJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func scoreGroupJSON(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) scoreJSON {
	sum := &g.Summary
	m := s.Murphy(g)
	var bins any = s.Bins
	if s.Bins == analysis.Distinct {
		bins = "distinct"
	}
	out := scoreJSON{
		N:                jsonFloat(sum.N),
		NExcluded:        g.NExcluded(),
		Excluded:         g.Excluded,
		Distinct:         sum.Cells,
		BaseRate:         jsonFloat(sum.BaseRate),
		MeanForecast:     jsonFloat(sum.MeanForecast),
		Brier:            jsonFloat(sum.Brier),
		BrierScale:       jsonFloat(sum.Options.BrierScale),
		BrierSkill:       jsonFloat(sum.BrierSkill),
		BrierSkillVsHalf: jsonFloat(sum.BrierSkillVsHalf),
		LogScore:         jsonFloat(s.LogScore(g)),
		LogClip:          jsonFloat(s.LogClip),
		Spherical:        jsonFloat(sum.Spherical),
		AUC:              jsonFloat(sum.AUC),
		Murphy: murphyJSON{Bins: bins, Reliability: jsonFloat(m.Reliability), Resolution: jsonFloat(m.Resolution),
			Uncertainty: jsonFloat(m.Uncertainty), Residual: jsonFloat(m.Residual)},
		CORP:    corpOf(sum.CORP),
		CORPLog: corpOf(sum.CORPLog),
		Yates: yatesJSON{
			OutcomeVariance: jsonFloat(sum.Yates.OutcomeVariance), BiasSquared: jsonFloat(sum.Yates.Bias * sum.Yates.Bias),
			MinimumVariance: jsonFloat(sum.Yates.MinimumVariance), Scatter: jsonFloat(sum.Yates.Scatter),
			Covariance: jsonFloat(sum.Yates.Covariance), Slope: jsonFloat(sum.Yates.Slope),
			MeanForecastYes: jsonFloat(sum.Yates.MeanForecastYes), MeanForecastNo: jsonFloat(sum.Yates.MeanForecastNo),
			ForecastVariance: jsonFloat(sum.Yates.ForecastVariance),
		},
		Calibration: calibrationJSON{
			InTheLarge: jsonFloat(sum.CalibrationInTheLarge), SpiegelhalterZ: jsonFloat(sum.SpiegelhalterZ),
			SpiegelhalterP: jsonFloat(sum.SpiegelhalterP), ECE: jsonFloat(g.ECE),
			Slope: jsonFloat(sum.Logistic.Slope), Intercept: jsonFloat(sum.Logistic.Intercept),
		},
		Overconfidence: overconfidenceJSON{Confidence: jsonFloat(sum.Overconfidence.Confidence),
			HitRate: jsonFloat(sum.Overconfidence.HitRate), Over: jsonFloat(sum.Overconfidence.Over)},
		Bins:     []binJSON{},
		Warnings: []warningJSON{},
	}
	if s.Reference != "" {
		v := jsonFloat(g.ReferenceSkill)
		out.BrierSkillVsReference = &v
	}
	if len(g.Key) > 0 {
		out.Key = map[string]string{}
		for i, k := range s.By {
			out.Key[k] = g.Key[i]
		}
	}
	for _, b := range g.Bins {
		out.Bins = append(out.Bins, binJSON{
			Lo: jsonFloat(b.Lo), Hi: jsonFloat(b.Hi), N: jsonFloat(b.N), Yes: jsonFloat(b.Yes),
			MeanForecast: jsonFloat(b.MeanForecast), Observed: jsonFloat(b.Observed),
			ObservedLo: jsonFloat(b.ObservedLo), ObservedHi: jsonFloat(b.ObservedHi),
		})
	}
	if bs := sum.Bootstrap; bs != nil {
		pair := func(lo, hi float64) [2]jsonFloat { return [2]jsonFloat{jsonFloat(lo), jsonFloat(hi)} }
		lo, hi := bs.Lo, bs.Hi
		out.Intervals = &intervalsJSON{
			Level: jsonFloat(bs.Level), Replicates: bs.Replicates, Seed: bs.Seed,
			Cluster: s.Cluster, Clusters: sum.Clusters,
			Brier: pair(lo.Brier, hi.Brier), BrierSkill: pair(lo.BrierSkill, hi.BrierSkill),
			LogScore: pair(lo.LogScore, hi.LogScore), Spherical: pair(lo.Spherical, hi.Spherical),
			AUC: pair(lo.AUC, hi.AUC), BaseRate: pair(lo.BaseRate, hi.BaseRate),
			Reliability: pair(lo.Reliability, hi.Reliability), Resolution: pair(lo.Resolution, hi.Resolution),
			Uncertainty:    pair(lo.Uncertainty, hi.Uncertainty),
			Miscalibration: pair(lo.Miscalibration, hi.Miscalibration), Discrimination: pair(lo.Discrimination, hi.Discrimination),
			LogMiscalibration: pair(lo.LogMiscalibration, hi.LogMiscalibration),
			LogDiscrimination: pair(lo.LogDiscrimination, hi.LogDiscrimination),
			Overconfidence:    pair(lo.Overconfidence, hi.Overconfidence),
		}
	}
	for _, w := range sum.Warnings {
		out.Warnings = append(out.Warnings, warningJSON{Code: w.Code, Message: w.Message})
	}
	return out
}

func corpOf(c analysis.CORPDecomposition) corpJSON {
	return corpJSON{Miscalibration: jsonFloat(c.Miscalibration), Discrimination: jsonFloat(c.Discrimination), Uncertainty: jsonFloat(c.Uncertainty)}
}

// WriteScoreJSON writes the documented JSON shape of `hindcast score`.
func WriteScoreJSON(w io.Writer, s *evaluate.ScoreResult) error {
	out := scoreGroupJSON(s, &s.Overall)
	out.Crowd = crowdJSONOf(crowdFor(s, &s.Overall))
	for _, g := range s.Groups {
		gj := scoreGroupJSON(s, g)
		gj.Crowd = crowdJSONOf(crowdFor(s, g))
		out.Groups = append(out.Groups, gj)
	}
	out.SharedEvents = sharedEventsJSON(s.SharedEvents)
	out.Provenance = s.Provenance
	return WriteJSON(w, out)
}

// countNoun is countOf for a whole number.
func countNoun(n int, one, many string) string { return countOf(float64(n), one, many) }

// scoreLine is one row of the overall table: a figure, its value, its
// interval and what it means.
type scoreLine struct{ name, value, ci, hint string }

func scoreLines(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) []scoreLine {
	sum := &g.Summary
	var lo, hi analysis.Estimates
	boot := sum.Bootstrap != nil
	if boot {
		lo, hi = sum.Bootstrap.Lo, sum.Bootstrap.Hi
	}
	ci := func(l, h float64) string {
		if !boot {
			return ""
		}
		return interval(l, h)
	}
	brierRange := "0 best, 1 worst"
	if sum.Options.BrierScale != 1 {
		brierRange = fmt.Sprintf("0 best, %g worst", sum.Options.BrierScale)
	}
	logName := "log score"
	logCI := ci(lo.LogScore, hi.LogScore)
	if s.LogClip > 0 {
		logName = fmt.Sprintf("log score, clip %g", s.LogClip)
	}
	m := s.Murphy(g)
	binsName := "distinct"
	if s.Bins != analysis.Distinct {
		binsName = fmt.Sprintf("%d bins", s.Bins)
	}
	lines := []scoreLine{
		{"base rate", Num(sum.BaseRate), ci(lo.BaseRate, hi.BaseRate), "share followed by the event"},
		{"mean forecast", Num(sum.MeanForecast), "", "average P(event)"},
		{"Brier score", Num(sum.Brier), ci(lo.Brier, hi.Brier), brierRange},
		{"  skill vs base rate", Num(sum.BrierSkill), ci(lo.BrierSkill, hi.BrierSkill), "> 0 beats the base rate"},
		{"  skill vs always 50%", Num(sum.BrierSkillVsHalf), "", "> 0 beats always 50%"},
	}
	if s.Reference != "" {
		lines = append(lines, scoreLine{"  skill vs " + truncate(terminalText(s.Reference), 14), Num(g.ReferenceSkill), "", "> 0 beats the reference"})
	}
	lines = append(lines,
		scoreLine{logName, Num(s.LogScore(g)), logCI, "lower is better; 50% gets 0.693"},
		scoreLine{"spherical score", Num(sum.Spherical), ci(lo.Spherical, hi.Spherical), "higher is better"},
		scoreLine{"ROC AUC", Num(sum.AUC), ci(lo.AUC, hi.AUC), "0.5 chance, 1 perfect"},
		scoreLine{"Murphy (" + binsName + ")", "", "", "Brier = REL − RES + UNC"},
		scoreLine{"  reliability", Num(m.Reliability), "", "lower is better"},
		scoreLine{"  resolution", Num(m.Resolution), "", "higher is better"},
		scoreLine{"  uncertainty", Num(m.Uncertainty), "", "base rate × (1 − base rate)"},
	)
	if s.Bins != analysis.Distinct {
		lines = append(lines, scoreLine{"  residual", Num(m.Residual), "", "within-bin terms"})
	}
	lines = append(lines,
		scoreLine{"CORP (PAV)", "", "", "Brier = MCB − DSC + UNC"},
		scoreLine{"  miscalibration", Num(sum.CORP.Miscalibration), ci(lo.Miscalibration, hi.Miscalibration), "lower is better"},
		scoreLine{"  discrimination", Num(sum.CORP.Discrimination), ci(lo.Discrimination, hi.Discrimination), "higher is better"},
		scoreLine{"calibration", "", "", ""},
		scoreLine{"  in the large", Num(sum.CalibrationInTheLarge), "", "mean forecast − base rate"},
		scoreLine{"  Spiegelhalter z", Num(sum.SpiegelhalterZ), "", testHint("p "+pvalue(sum.SpiegelhalterP), sum)},
		scoreLine{"  ECE (" + binsName + ")", Num(g.ECE), "", "mean |forecast − observed|"},
		scoreLine{"  logistic slope", Num(sum.Logistic.Slope), "", "1 calibrated, < 1 overconfident"},
		scoreLine{"  logistic intercept", Num(sum.Logistic.Intercept), "", "0 calibrated"},
		scoreLine{"overconfidence", Num(sum.Overconfidence.Over), ci(lo.Overconfidence, hi.Overconfidence), "confidence − hit rate"},
		scoreLine{"  confidence", Num(sum.Overconfidence.Confidence), "", "mean P of the side leaned to"},
		scoreLine{"  hit rate", Num(sum.Overconfidence.HitRate), "", "share of those that came true"},
	)
	return lines
}

// WriteScoreTable writes the figures as text for an 80-column terminal:
// one figure a line for the overall result, with the overconfidence in
// words, or one group a line when grouped, with a legend of the columns
// (each group's overconfidence is in the other formats: no room here);
// the records that score one happening; and every warning.
func WriteScoreTable(w io.Writer, s *evaluate.ScoreResult) error {
	var b strings.Builder
	o := &s.Overall
	fmt.Fprintf(&b, "%s scored", countOf(o.Summary.N, "forecast", "forecasts"))
	if n := o.NExcluded(); n > 0 {
		fmt.Fprintf(&b, ", %d excluded (%s)", n, excludedText(o.Excluded))
	}
	b.WriteString("\n")
	if bs := o.Summary.Bootstrap; bs != nil {
		fmt.Fprintf(&b, "%g%% bootstrap intervals (%d replicates, seed %d)\n", 100*bs.Level, bs.Replicates, bs.Seed)
		if len(s.Cluster) > 0 {
			fmt.Fprintf(&b, "resampling %s (%s): forecasts on one are not independent\n", resampled(s.Cluster), countOf(float64(o.Summary.Clusters), "cluster", "clusters"))
		}
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	if len(s.Groups) == 0 {
		fmt.Fprintln(tw, "FIGURE\tVALUE\tINTERVAL\tMEANING")
		for _, l := range scoreLines(s, o) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.name, l.value, l.ci, l.hint)
		}
	} else {
		fmt.Fprintf(tw, "%s\tN\tBASE\tBRIER\tINTERVAL\tSKILL\tLOG\tAUC\tWARN\n", truncate(terminalText(strings.ToUpper(strings.Join(s.By, "/"))), 18))
		row := func(name string, g *evaluate.ScoreGroup) {
			sum := &g.Summary
			ci := ""
			if sum.Bootstrap != nil {
				ci = interval(sum.Bootstrap.Lo.Brier, sum.Bootstrap.Hi.Brier)
			}
			warn := ""
			if n := len(sum.Warnings); n > 0 {
				warn = fmt.Sprintf("!%d", n)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", truncate(terminalText(name), 18), Count(sum.N), Num(sum.BaseRate),
				Num(sum.Brier), ci, Num(sum.BrierSkill), Num(s.LogScore(g)), Num(sum.AUC), warn)
		}
		for _, g := range s.Groups {
			row(strings.Join(g.Key, "/"), g)
		}
		row("(all)", o)
	}
	tw.Flush()
	if len(s.Groups) > 0 {
		sc := o.Summary.Options.BrierScale
		fmt.Fprintf(&b, "\nBRIER: 0 best, %g worst (always 50%% scores %g). SKILL: against the group's\nbase rate, > 0 is better. LOG: lower is better. AUC: 0.5 chance, 1 perfect.\n", sc, 0.25*sc)
		if o.Summary.Bootstrap != nil {
			b.WriteString("INTERVAL: – where resampling does not move the score (a single forecast).\n")
		}
		b.WriteString("Each group's overconfidence: --format markdown, json or csv.\n")
		b.WriteString(WarnLegend)
	} else if o.Summary.N > 0 {
		b.WriteString("\n")
		for _, text := range []string{OverconfidenceSentence(&o.Summary), CalibrationSignSentence} {
			b.WriteString(strings.Join(wrap(text, 78), "\n") + "\n")
		}
	}
	writeSharedEvents(&b, s)
	writeCrowd(&b, s, false)
	writeWarnings(&b, s)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeWarnings lists every warning once, naming the groups it applies to
// when the figures are grouped.
func writeWarnings(b *strings.Builder, s *evaluate.ScoreResult) {
	groups := make([]labelledWarnings, len(s.Groups))
	for i, g := range s.Groups {
		groups[i] = labelledWarnings{strings.Join(g.Key, "/"), g.Summary.Warnings}
	}
	writeGroupWarnings(b, s.Overall.Summary.Warnings, groups)
}

// labelledWarnings are one group's warnings, with the group's name.
type labelledWarnings struct {
	label    string
	warnings []analysis.Warning
}

// writeGroupWarnings lists every warning once under "warnings:", naming
// in brackets the groups (and "all forecasts") it applies to when there
// are groups.
func writeGroupWarnings(b *strings.Builder, overall []analysis.Warning, groups []labelledWarnings) {
	type entry struct {
		msg    string
		labels []string
	}
	var entries []*entry
	seen := map[string]*entry{}
	add := func(label string, ws []analysis.Warning) {
		for _, w := range ws {
			e := seen[w.Message]
			if e == nil {
				e = &entry{msg: w.Message}
				seen[w.Message] = e
				entries = append(entries, e)
			}
			e.labels = append(e.labels, label)
		}
	}
	all := "all forecasts"
	if len(groups) == 0 {
		all = ""
	}
	add(all, overall)
	for _, g := range groups {
		add(g.label, g.warnings)
	}
	if len(entries) == 0 {
		return
	}
	b.WriteString("\nwarnings:\n")
	for _, e := range entries {
		text := e.msg
		if len(e.labels) > 0 && e.labels[0] != "" {
			text = "[" + strings.Join(e.labels, "; ") + "] " + text
		}
		fmt.Fprintf(b, "! %s\n", strings.Join(wrap(terminalText(text), 76), "\n  "))
	}
}

func excludedText(m map[string]int) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%s %d", terminalText(k), m[k]))
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }

// WriteScoreMarkdown writes the figures as Markdown tables.
func WriteScoreMarkdown(w io.Writer, s *evaluate.ScoreResult) error {
	var b strings.Builder
	o := &s.Overall
	fmt.Fprintf(&b, "**%s scored**", countOf(o.Summary.N, "forecast", "forecasts"))
	if n := o.NExcluded(); n > 0 {
		fmt.Fprintf(&b, ", %d excluded (%s)", n, excludedText(o.Excluded))
	}
	if line := intervalsLine(s); line != "" {
		b.WriteString(". " + mdEscape(line))
	}
	b.WriteString("\n\n")
	if len(s.Groups) == 0 {
		b.WriteString("| figure | value | interval | meaning |\n|---|---:|---|---|\n")
		for _, l := range scoreLines(s, o) {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdEscape(strings.TrimSpace(l.name)), l.value, l.ci, mdEscape(l.hint))
		}
	} else {
		// The interval column only when there are intervals.
		boot := o.Summary.Bootstrap != nil
		mdRow := func(cells ...string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
		head := []string{mdEscape(strings.Join(s.By, "/")), "n", "base rate", "Brier", "interval", "skill", "log", "AUC", "overconfidence", "warnings"}
		rule := []string{"---", "---:", "---:", "---:", "---", "---:", "---:", "---:", "---:", "---:"}
		if !boot {
			head, rule = slices.Delete(head, 4, 5), slices.Delete(rule, 4, 5)
		}
		mdRow(head...)
		b.WriteString("|" + strings.Join(rule, "|") + "|\n")
		row := func(name string, g *evaluate.ScoreGroup) {
			sum := &g.Summary
			cells := []string{mdEscape(name), Count(sum.N), Num(sum.BaseRate), Num(sum.Brier)}
			if boot {
				ci := ""
				if sum.Bootstrap != nil {
					ci = interval(sum.Bootstrap.Lo.Brier, sum.Bootstrap.Hi.Brier)
				}
				cells = append(cells, ci)
			}
			mdRow(append(cells, Num(sum.BrierSkill), Num(s.LogScore(g)), Num(sum.AUC), Num(sum.Overconfidence.Over), strconv.Itoa(len(sum.Warnings)))...)
		}
		for _, g := range s.Groups {
			row(strings.Join(g.Key, "/"), g)
		}
		row("(all)", o)
	}
	writeSharedEventsMarkdown(&b, s)
	writeCrowd(&b, s, true)
	var ws strings.Builder
	writeWarnings(&ws, s)
	if ws.Len() > 0 {
		b.WriteString("\n**Warnings**\n\n")
		for _, line := range strings.Split(strings.TrimSpace(ws.String()), "\n")[1:] {
			if strings.HasPrefix(line, "! ") {
				b.WriteString("- " + mdEscape(strings.TrimPrefix(line, "! ")) + "\n")
			} else {
				b.WriteString("  " + mdEscape(strings.TrimSpace(line)) + "\n")
			}
		}
	}
	writeProvenanceMarkdown(&b, s.Provenance)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps text from breaking a Markdown table or being read as
// markup, and its control characters from reaching a terminal
// (terminalText).
func mdEscape(s string) string {
	return mdReplacer.Replace(terminalText(s))
}

var mdReplacer = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`)

// scoreCSVColumns are the columns of `hindcast score --format csv` after the group columns.
// Every figure the bootstrap resamples is followed by its interval,
// FIGURE_lo and FIGURE_hi (empty with --bootstrap 0; the Murphy terms'
// only with --bins distinct, the bins the bootstrap recomputes them over).
var scoreCSVColumns = []string{"n", "n_excluded", "base_rate", "base_rate_lo", "base_rate_hi", "mean_forecast",
	"brier", "brier_lo", "brier_hi", "brier_skill", "brier_skill_lo", "brier_skill_hi", "brier_skill_vs_half",
	"log_score", "log_score_lo", "log_score_hi", "spherical", "spherical_lo", "spherical_hi", "auc", "auc_lo", "auc_hi",
	"reliability", "reliability_lo", "reliability_hi", "resolution", "resolution_lo", "resolution_hi",
	"uncertainty", "uncertainty_lo", "uncertainty_hi", "residual",
	"corp_miscalibration", "corp_miscalibration_lo", "corp_miscalibration_hi",
	"corp_discrimination", "corp_discrimination_lo", "corp_discrimination_hi",
	"calibration_in_the_large", "spiegelhalter_z", "spiegelhalter_p", "ece", "logistic_slope", "logistic_intercept",
	"confidence", "hit_rate", "overconfidence", "overconfidence_lo", "overconfidence_hi", "warnings"}

// WriteScoreCSV writes one row for all forecasts (group columns empty) and
// one per group.
func WriteScoreCSV(w io.Writer, s *evaluate.ScoreResult) error {
	if err := writeProvenanceComment(w, s.Provenance); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	f := csvFloat
	// The first column says which row is all forecasts: a group whose
	// value is empty has empty group cells too.
	header := append(append([]string{"row"}, s.By...), scoreCSVColumns...)
	if s.Crowd != nil {
		header = append(header, crowdCSV...)
	}
	cw.Write(header)
	row := func(g *evaluate.ScoreGroup) {
		sum := &g.Summary
		m := s.Murphy(g)
		// with gives a figure and its interval's ends, the ends empty
		// where there is no interval.
		var lo, hi *analysis.Estimates
		if sum.Bootstrap != nil {
			lo, hi = &sum.Bootstrap.Lo, &sum.Bootstrap.Hi
		}
		with := func(v float64, end func(*analysis.Estimates) float64) []string {
			if lo == nil || end == nil {
				return []string{f(v), "", ""}
			}
			return []string{f(v), f(end(lo)), f(end(hi))}
		}
		murphyEnds := func(e func(*analysis.Estimates) float64) func(*analysis.Estimates) float64 {
			if s.Bins != analysis.Distinct {
				return nil // the intervals are over distinct values, not these bins
			}
			return e
		}
		var warns []string
		for _, w := range sum.Warnings {
			warns = append(warns, w.Code)
		}
		key := g.Key
		if len(key) == 0 {
			key = make([]string, len(s.By))
		}
		what := "group"
		if g == &s.Overall {
			what = "all"
		}
		rec := append(append([]string{what}, key...), csvCount(sum.N), strconv.Itoa(g.NExcluded()))
		rec = append(rec, with(sum.BaseRate, func(e *analysis.Estimates) float64 { return e.BaseRate })...)
		rec = append(rec, f(sum.MeanForecast))
		rec = append(rec, with(sum.Brier, func(e *analysis.Estimates) float64 { return e.Brier })...)
		rec = append(rec, with(sum.BrierSkill, func(e *analysis.Estimates) float64 { return e.BrierSkill })...)
		rec = append(rec, f(sum.BrierSkillVsHalf))
		rec = append(rec, with(s.LogScore(g), func(e *analysis.Estimates) float64 { return e.LogScore })...)
		rec = append(rec, with(sum.Spherical, func(e *analysis.Estimates) float64 { return e.Spherical })...)
		rec = append(rec, with(sum.AUC, func(e *analysis.Estimates) float64 { return e.AUC })...)
		rec = append(rec, with(m.Reliability, murphyEnds(func(e *analysis.Estimates) float64 { return e.Reliability }))...)
		rec = append(rec, with(m.Resolution, murphyEnds(func(e *analysis.Estimates) float64 { return e.Resolution }))...)
		rec = append(rec, with(m.Uncertainty, murphyEnds(func(e *analysis.Estimates) float64 { return e.Uncertainty }))...)
		rec = append(rec, f(m.Residual))
		rec = append(rec, with(sum.CORP.Miscalibration, func(e *analysis.Estimates) float64 { return e.Miscalibration })...)
		rec = append(rec, with(sum.CORP.Discrimination, func(e *analysis.Estimates) float64 { return e.Discrimination })...)
		rec = append(rec, f(sum.CalibrationInTheLarge), f(sum.SpiegelhalterZ), f(sum.SpiegelhalterP), f(g.ECE), f(sum.Logistic.Slope), f(sum.Logistic.Intercept),
			f(sum.Overconfidence.Confidence), f(sum.Overconfidence.HitRate))
		rec = append(rec, with(sum.Overconfidence.Over, func(e *analysis.Estimates) float64 { return e.Overconfidence })...)
		rec = append(rec, strings.Join(warns, " "))
		if c := crowdFor(s, g); c != nil {
			rec = append(rec, crowdCSVCells(c)...)
		}
		cw.Write(rec)
	}
	row(&s.Overall)
	for _, g := range s.Groups {
		row(g)
	}
	cw.Flush()
	return cw.Error()
}

// testHint qualifies a significance test's p-value on forecasts that are
// not a sample (chosen for failure, or notable): the test assumes a fair
// sample, so its p is no verdict on the forecasters.
func testHint(p string, sum *analysis.Summary) string {
	for _, w := range sum.Warnings {
		if w.Code == evaluate.WarnSelectedForFailure || w.Code == evaluate.WarnNotASample {
			return p + " (not a sample)"
		}
	}
	return p
}

// intervalsLine says how the intervals were made: "95% bootstrap
// intervals (1000 replicates, seed 1), resampling whole questions (5
// clusters)"; empty without a bootstrap.
func intervalsLine(s *evaluate.ScoreResult) string {
	bs := s.Overall.Summary.Bootstrap
	if bs == nil {
		return ""
	}
	line := fmt.Sprintf("%g%% bootstrap intervals (%d replicates, seed %d)", 100*bs.Level, bs.Replicates, bs.Seed)
	if len(s.Cluster) > 0 {
		line += fmt.Sprintf(", resampling %s (%s)", resampled(s.Cluster), countOf(float64(s.Overall.Summary.Clusters), "cluster", "clusters"))
	}
	return line
}

// resampled names what a clustered bootstrap resamples: "whole
// questions", or "whole clusters of forecast_date, event".
func resampled(cluster []string) string {
	if len(cluster) == 1 && cluster[0] == "question" {
		return "whole questions"
	}
	return "whole clusters of " + strings.Join(cluster, ", ")
}
