package textout

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The figures of questions with more than two answers, in their own
// section of each format of `hindcast score`. A result without them is
// written by the yes/no writers of score.go alone, byte for byte as before.

// hasBinary reports whether the result has yes/no forecasts to show: some
// scored or excluded, or no categorical ones at all.
func hasBinary(s *evaluate.ScoreResult) bool {
	return s.Categorical == nil || s.Overall.Summary.N > 0 || s.Overall.NExcluded() > 0
}

// withoutProvenance is s without its provenance, for writing the yes/no
// part of a result whose provenance comes after the categorical part.
func withoutProvenance(s *evaluate.ScoreResult) *evaluate.ScoreResult {
	c := *s
	c.Provenance = nil
	return &c
}

// optionJSON is one option's one-vs-rest figures.
type optionJSON struct {
	Option         string    `json:"option"`
	N              jsonFloat `json:"n"`
	Happened       jsonFloat `json:"n_happened"`
	MeanForecast   jsonFloat `json:"mean_forecast"`
	Observed       jsonFloat `json:"observed"`
	Brier          jsonFloat `json:"brier"`
	Reliability    jsonFloat `json:"reliability"`
	Resolution     jsonFloat `json:"resolution"`
	Uncertainty    jsonFloat `json:"uncertainty"`
	Miscalibration jsonFloat `json:"miscalibration"`
	Discrimination jsonFloat `json:"discrimination"`
	ECE            jsonFloat `json:"ece"`
}

type categoricalIntervalsJSON struct {
	Level      jsonFloat    `json:"level"`
	Replicates int          `json:"replicates"`
	Seed       uint64       `json:"seed"`
	Cluster    []string     `json:"cluster"`
	Clusters   int          `json:"clusters"`
	Brier      [2]jsonFloat `json:"brier"`
	BrierSkill [2]jsonFloat `json:"brier_skill"`
	LogScore   [2]jsonFloat `json:"log_score"`
	LogSkill   [2]jsonFloat `json:"log_skill"`
	RPS        [2]jsonFloat `json:"rps"`
	RPSSkill   [2]jsonFloat `json:"rps_skill"`
}

type categoricalJSON struct {
	Key          map[string]string         `json:"key,omitempty"`
	N            int                       `json:"n"`
	NExcluded    int                       `json:"n_excluded"`
	Excluded     map[string]int            `json:"excluded,omitempty"`
	NOrdered     int                       `json:"n_ordered"`
	Brier        jsonFloat                 `json:"brier"`
	BrierUniform jsonFloat                 `json:"brier_uniform"`
	BrierSkill   jsonFloat                 `json:"brier_skill"`
	LogScore     jsonFloat                 `json:"log_score"`
	LogClip      jsonFloat                 `json:"log_clip"`
	LogUniform   jsonFloat                 `json:"log_uniform"`
	LogSkill     jsonFloat                 `json:"log_skill"`
	RPS          jsonFloat                 `json:"rps"`
	RPSUniform   jsonFloat                 `json:"rps_uniform"`
	RPSSkill     jsonFloat                 `json:"rps_skill"`
	OneVsRest    []optionJSON              `json:"one_vs_rest"`
	Pooled       *optionJSON               `json:"pooled"`
	Intervals    *categoricalIntervalsJSON `json:"intervals,omitempty"`
	Warnings     []warningJSON             `json:"warnings"`
	Groups       []categoricalJSON         `json:"groups,omitempty"`
}

func optionOf(c *evaluate.CategoricalResult, o evaluate.OptionFigures) optionJSON {
	s := &o.Summary
	m := s.MurphyBinned
	if c.Bins == analysis.Distinct {
		m = s.Murphy
	}
	return optionJSON{
		Option: o.Option, N: jsonFloat(s.N), Happened: jsonFloat(s.Yes), MeanForecast: jsonFloat(s.MeanForecast),
		Observed: jsonFloat(s.BaseRate), Brier: jsonFloat(s.Brier), Reliability: jsonFloat(m.Reliability),
		Resolution: jsonFloat(m.Resolution), Uncertainty: jsonFloat(m.Uncertainty),
		Miscalibration: jsonFloat(s.CORP.Miscalibration), Discrimination: jsonFloat(s.CORP.Discrimination), ECE: jsonFloat(s.ECE),
	}
}

func categoricalGroupJSON(c *evaluate.CategoricalResult, g *evaluate.CategoricalScoreGroup) categoricalJSON {
	s := &g.Summary
	out := categoricalJSON{
		N: s.N, NExcluded: g.NExcluded(), Excluded: g.Excluded, NOrdered: s.NOrdered,
		Brier: jsonFloat(s.Brier), BrierUniform: jsonFloat(s.BrierUniform), BrierSkill: jsonFloat(s.BrierSkill),
		LogScore: jsonFloat(s.Log), LogClip: jsonFloat(c.LogClip), LogUniform: jsonFloat(s.LogUniform), LogSkill: jsonFloat(s.LogSkill),
		RPS: jsonFloat(s.RPS), RPSUniform: jsonFloat(s.RPSUniform), RPSSkill: jsonFloat(s.RPSSkill),
		OneVsRest: []optionJSON{}, Warnings: []warningJSON{},
	}
	if len(g.Key) > 0 {
		out.Key = map[string]string{}
		for i, k := range c.By {
			out.Key[k] = g.Key[i]
		}
	}
	for _, o := range g.Options {
		out.OneVsRest = append(out.OneVsRest, optionOf(c, o))
	}
	if s.N > 0 {
		p := optionOf(c, g.Pooled)
		out.Pooled = &p
	}
	if b := s.Bootstrap; b != nil {
		pair := func(lo, hi float64) [2]jsonFloat { return [2]jsonFloat{jsonFloat(lo), jsonFloat(hi)} }
		out.Intervals = &categoricalIntervalsJSON{
			Level: jsonFloat(b.Level), Replicates: b.Replicates, Seed: b.Seed, Cluster: c.Cluster, Clusters: b.Clusters,
			Brier: pair(b.Lo.Brier, b.Hi.Brier), BrierSkill: pair(b.Lo.BrierSkill, b.Hi.BrierSkill),
			LogScore: pair(b.Lo.Log, b.Hi.Log), LogSkill: pair(b.Lo.LogSkill, b.Hi.LogSkill),
			RPS: pair(b.Lo.RPS, b.Hi.RPS), RPSSkill: pair(b.Lo.RPSSkill, b.Hi.RPSSkill),
		}
	}
	for _, w := range g.Warnings {
		out.Warnings = append(out.Warnings, warningJSON{Code: w.Code, Message: w.Message})
	}
	return out
}

func categoricalResultJSON(c *evaluate.CategoricalResult) categoricalJSON {
	out := categoricalGroupJSON(c, &c.Overall)
	for _, g := range c.Groups {
		out.Groups = append(out.Groups, categoricalGroupJSON(c, g))
	}
	return out
}

// WriteScoreAllJSON writes `hindcast score --format json`: the yes/no
// figures as WriteScoreJSON does and, when the data has questions with
// options, their figures under "categorical". Without yes/no forecasts
// the object has only "categorical" and "provenance".
func WriteScoreAllJSON(w io.Writer, s *evaluate.ScoreResult) error {
	if s.Categorical == nil {
		return WriteScoreJSON(w, s)
	}
	cat := categoricalResultJSON(s.Categorical)
	if !hasBinary(s) {
		return WriteJSON(w, struct {
			Categorical categoricalJSON `json:"categorical"`
			Provenance  any             `json:"provenance,omitempty"`
		}{cat, s.Provenance})
	}
	bin := scoreGroupJSON(s, &s.Overall)
	for _, g := range s.Groups {
		bin.Groups = append(bin.Groups, scoreGroupJSON(s, g))
	}
	return WriteJSON(w, struct {
		scoreJSON
		Categorical categoricalJSON `json:"categorical"`
		Provenance  any             `json:"provenance,omitempty"`
	}{bin, cat, s.Provenance})
}

// categoricalLine is one row of the overall categorical table.
type categoricalLine struct{ name, value, ci, hint string }

func categoricalLines(c *evaluate.CategoricalResult, g *evaluate.CategoricalScoreGroup) []categoricalLine {
	s := &g.Summary
	b := s.Bootstrap
	ci := func(f func(e *analysis.CategoricalEstimates) float64) string {
		if b == nil {
			return ""
		}
		return interval(f(&b.Lo), f(&b.Hi))
	}
	logName := "log score"
	if c.LogClip > 0 {
		logName = fmt.Sprintf("log score, clip %g", c.LogClip)
	}
	lines := []categoricalLine{
		{"Brier (all options)", Num(s.Brier), ci(func(e *analysis.CategoricalEstimates) float64 { return e.Brier }), "Σ (p − o)² over the options: 0 to 2"},
		{"  always 1/K", Num(s.BrierUniform), "", "(K − 1)/K, no opinion's score"},
		{"  skill vs 1/K", Num(s.BrierSkill), ci(func(e *analysis.CategoricalEstimates) float64 { return e.BrierSkill }), "> 0 beats saying 1/K to each"},
		{logName, Num(s.Log), ci(func(e *analysis.CategoricalEstimates) float64 { return e.Log }), "−ln P(what happened), lower better"},
		{"  always 1/K", Num(s.LogUniform), "", "ln K"},
		{"  skill vs 1/K", Num(s.LogSkill), ci(func(e *analysis.CategoricalEstimates) float64 { return e.LogSkill }), "> 0 beats saying 1/K"},
	}
	if s.NOrdered > 0 {
		lines = append(lines,
			categoricalLine{fmt.Sprintf("RPS (%s)", countNoun(s.NOrdered, "ordered", "ordered")), Num(s.RPS), ci(func(e *analysis.CategoricalEstimates) float64 { return e.RPS }), "near misses cost less; 0 to K − 1"},
			categoricalLine{"  always 1/K", Num(s.RPSUniform), "", "the uniform forecast's RPS"},
			categoricalLine{"  skill vs 1/K", Num(s.RPSSkill), ci(func(e *analysis.CategoricalEstimates) float64 { return e.RPSSkill }), "> 0 beats saying 1/K"},
		)
	}
	return lines
}

// categoricalHeading is the first lines of the section: how many were
// scored and excluded, and how the intervals were made.
func categoricalHeading(b *strings.Builder, c *evaluate.CategoricalResult) {
	o := &c.Overall
	fmt.Fprintf(b, "%s of questions with more than two answers scored", countNoun(o.Summary.N, "forecast", "forecasts"))
	if n := o.NExcluded(); n > 0 {
		fmt.Fprintf(b, ", %d excluded (%s)", n, excludedText(o.Excluded))
	}
	b.WriteString("\n")
	if bs := o.Summary.Bootstrap; bs != nil {
		fmt.Fprintf(b, "%g%% bootstrap intervals (%d replicates, seed %d)\n", 100*bs.Level, bs.Replicates, bs.Seed)
		if len(c.Cluster) > 0 {
			fmt.Fprintf(b, "resampling %s (%s): forecasts on one are not independent\n", resampled(c.Cluster), countNoun(bs.Clusters, "cluster", "clusters"))
		}
	}
}

// optionRows lists each option's one-vs-rest figures and the pooled ones.
func optionRows(c *evaluate.CategoricalResult, g *evaluate.CategoricalScoreGroup) [][]string {
	var rows [][]string
	for _, o := range append(append([]evaluate.OptionFigures{}, g.Options...), g.Pooled) {
		j := optionOf(c, o)
		rows = append(rows, []string{o.Option, Count(float64(j.N)), Count(float64(j.Happened)), Num(float64(j.MeanForecast)),
			Num(float64(j.Observed)), Num(float64(j.Brier)), Num(float64(j.Reliability)), Num(float64(j.Resolution)), Num(float64(j.ECE))})
	}
	return rows
}

// optionHeader heads the one-vs-rest table in text (short, for 80
// columns), optionHeaderMD in Markdown.
var (
	optionHeader   = []string{"OPTION", "N", "YES", "MEAN P", "OBS", "BRIER", "REL", "RES", "ECE"}
	optionHeaderMD = []string{"option", "n", "happened", "mean p", "observed", "Brier", "reliability", "resolution", "ECE"}
)

// writeCategoricalText writes the categorical section as text.
func writeCategoricalText(b *strings.Builder, c *evaluate.CategoricalResult) {
	b.WriteString("QUESTIONS WITH MORE THAN TWO ANSWERS\n")
	categoricalHeading(b, c)
	b.WriteString("\n")
	o := &c.Overall
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	if len(c.Groups) == 0 {
		fmt.Fprintln(tw, "FIGURE\tVALUE\tINTERVAL\tMEANING")
		for _, l := range categoricalLines(c, o) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.name, l.value, l.ci, l.hint)
		}
	} else {
		fmt.Fprintf(tw, "%s\tN\tBRIER\tINTERVAL\tSKILL\tLOG\tRPS\tWARN\n", truncate(terminalText(strings.ToUpper(strings.Join(c.By, "/"))), 18))
		row := func(name string, g *evaluate.CategoricalScoreGroup) {
			s := &g.Summary
			ci := ""
			if s.Bootstrap != nil {
				ci = interval(s.Bootstrap.Lo.Brier, s.Bootstrap.Hi.Brier)
			}
			warn := ""
			if n := len(g.Warnings); n > 0 {
				warn = fmt.Sprintf("!%d", n)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", truncate(terminalText(name), 18), s.N, Num(s.Brier), ci, Num(s.BrierSkill), Num(s.Log), Num(s.RPS), warn)
		}
		for _, g := range c.Groups {
			row(strings.Join(g.Key, "/"), g)
		}
		row("(all)", o)
	}
	tw.Flush()
	if len(c.Groups) > 0 {
		b.WriteString("\nBRIER: summed over the options, 0 best, 2 worst. SKILL: against saying 1/K to\neach option, > 0 is better. LOG: −ln P(what happened), lower is better.\nRPS: ordered options only, near misses cost less; 0 best, K − 1 worst.\n")
	}
	if o.Summary.N > 0 {
		b.WriteString("\none option against the rest, all forecasts (the probability given to it, and\nwhether it happened):\n")
		tw = tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(optionHeader, "\t"))
		for _, r := range optionRows(c, o) {
			r[0] = truncate(terminalText(r[0]), 24)
			fmt.Fprintln(tw, strings.Join(r, "\t"))
		}
		tw.Flush()
		b.WriteString("YES: forecasts the option happened in; OBS: their share. REL, reliability:\nlower is better (the probabilities given match how often it happened). RES,\nresolution: higher is better. ECE: mean |probability − observed| over the bins.\n")
	}
	writeCategoricalWarnings(b, c)
}

// writeCategoricalWarnings lists each warning once, naming its groups.
func writeCategoricalWarnings(b *strings.Builder, c *evaluate.CategoricalResult) {
	groups := make([]labelledWarnings, len(c.Groups))
	for i, g := range c.Groups {
		groups[i] = labelledWarnings{strings.Join(g.Key, "/"), g.Warnings}
	}
	writeGroupWarnings(b, c.Overall.Warnings, groups)
}

// WriteScoreAllTable writes `hindcast score` as text: the yes/no figures
// as WriteScoreTable does, then the questions with options in their own
// section.
func WriteScoreAllTable(w io.Writer, s *evaluate.ScoreResult) error {
	if s.Categorical == nil {
		return WriteScoreTable(w, s)
	}
	var b strings.Builder
	if hasBinary(s) {
		b.WriteString("YES/NO QUESTIONS\n")
		if err := WriteScoreTable(&b, s); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	writeCategoricalText(&b, s.Categorical)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteScoreAllMarkdown writes `hindcast score --format markdown`: the
// yes/no figures, then a section for the questions with options, then the
// provenance.
func WriteScoreAllMarkdown(w io.Writer, s *evaluate.ScoreResult) error {
	if s.Categorical == nil {
		return WriteScoreMarkdown(w, s)
	}
	var b strings.Builder
	if hasBinary(s) {
		b.WriteString("## Yes/no questions\n\n")
		if err := WriteScoreMarkdown(&b, withoutProvenance(s)); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	c := s.Categorical
	b.WriteString("## Questions with more than two answers\n\n")
	var head strings.Builder
	categoricalHeading(&head, c)
	for _, line := range strings.Split(strings.TrimSpace(head.String()), "\n") {
		b.WriteString(mdEscape(line) + "\n\n")
	}
	mdRow := func(cells ...string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	o := &c.Overall
	if len(c.Groups) == 0 {
		b.WriteString("| figure | value | interval | meaning |\n|---|---:|---|---|\n")
		for _, l := range categoricalLines(c, o) {
			mdRow(mdEscape(strings.TrimSpace(l.name)), l.value, l.ci, mdEscape(l.hint))
		}
	} else {
		mdRow(mdEscape(strings.Join(c.By, "/")), "n", "Brier", "interval", "skill vs 1/K", "log", "RPS", "warnings")
		b.WriteString("|---|---:|---:|---|---:|---:|---:|---:|\n")
		row := func(name string, g *evaluate.CategoricalScoreGroup) {
			s := &g.Summary
			ci := ""
			if s.Bootstrap != nil {
				ci = interval(s.Bootstrap.Lo.Brier, s.Bootstrap.Hi.Brier)
			}
			mdRow(mdEscape(name), strconv.Itoa(s.N), Num(s.Brier), ci, Num(s.BrierSkill), Num(s.Log), Num(s.RPS), strconv.Itoa(len(g.Warnings)))
		}
		for _, g := range c.Groups {
			row(strings.Join(g.Key, "/"), g)
		}
		row("(all)", o)
		b.WriteString("\nBrier: summed over the options, 0 best, 2 worst. Skill: against saying 1/K to each option, above 0 is better. " +
			"Log: −ln P(what happened), lower is better. RPS: ordered options only, near misses cost less; 0 best, K − 1 worst.\n")
	}
	if o.Summary.N > 0 {
		b.WriteString("\n**One option against the rest** (the probability given to it, and whether it happened)\n\n")
		mdRow(optionHeaderMD...)
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, r := range optionRows(c, o) {
			r[0] = mdEscape(r[0])
			mdRow(r...)
		}
	}
	var ws strings.Builder
	writeCategoricalWarnings(&ws, c)
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

// categoricalCSVColumns are the columns of the categorical rows of
// `hindcast score --format csv`, after the group columns.
// Every resampled figure is followed by its interval, FIGURE_lo and
// FIGURE_hi.
var categoricalCSVColumns = []string{"n", "n_excluded", "n_ordered", "brier", "brier_lo", "brier_hi", "brier_uniform",
	"brier_skill", "brier_skill_lo", "brier_skill_hi", "log_score", "log_score_lo", "log_score_hi", "log_uniform",
	"log_skill", "log_skill_lo", "log_skill_hi", "rps", "rps_lo", "rps_hi", "rps_uniform", "rps_skill", "rps_skill_lo", "rps_skill_hi",
	"pooled_reliability", "pooled_resolution", "pooled_ece", "warnings"}

// WriteScoreAllCSV writes `hindcast score --format csv`. With questions
// with options it is one table of the yes/no rows and the categorical
// rows: a column "kind" (binary or categorical) after "row", the yes/no
// columns (empty in categorical rows), then the categorical ones with the
// prefix "cat_" (empty in yes/no rows). Without them, WriteScoreCSV.
func WriteScoreAllCSV(w io.Writer, s *evaluate.ScoreResult) error {
	if s.Categorical == nil {
		return WriteScoreCSV(w, s)
	}
	if err := writeProvenanceComment(w, s.Provenance); err != nil {
		return err
	}
	var bin [][]string
	if hasBinary(s) {
		var buf bytes.Buffer
		if err := WriteScoreCSV(&buf, withoutProvenance(s)); err != nil {
			return err
		}
		var err error
		if bin, err = csv.NewReader(&buf).ReadAll(); err != nil {
			return err
		}
	} else {
		bin = [][]string{append(append([]string{"row"}, s.By...), scoreCSVColumns...)}
	}
	c := s.Categorical
	nBin := len(bin[0]) - 1 - len(s.By)
	catCols := make([]string, len(categoricalCSVColumns))
	for i, col := range categoricalCSVColumns {
		catCols[i] = "cat_" + col
	}
	cw := csv.NewWriter(w)
	cw.Write(append(append([]string{"row", "kind"}, bin[0][1:]...), catCols...))
	for _, r := range bin[1:] {
		cw.Write(append(append([]string{r[0], "binary"}, r[1:]...), make([]string, len(catCols))...))
	}
	f := csvFloat
	row := func(g *evaluate.CategoricalScoreGroup) {
		sum := &g.Summary
		// with is a figure and its interval's ends, empty without one.
		with := func(v float64, end func(*analysis.CategoricalEstimates) float64) []string {
			if b := sum.Bootstrap; b != nil {
				return []string{f(v), f(end(&b.Lo)), f(end(&b.Hi))}
			}
			return []string{f(v), "", ""}
		}
		var warns []string
		for _, w := range g.Warnings {
			warns = append(warns, w.Code)
		}
		key := g.Key
		what := "group"
		if g == &c.Overall {
			key, what = make([]string, len(c.By)), "all"
		}
		p := optionOf(c, g.Pooled)
		if sum.N == 0 {
			p = optionJSON{Reliability: jsonFloat(math.NaN()), Resolution: jsonFloat(math.NaN()), ECE: jsonFloat(math.NaN())}
		}
		rec := append(append([]string{what, "categorical"}, key...), make([]string, nBin)...)
		rec = append(rec, strconv.Itoa(sum.N), strconv.Itoa(g.NExcluded()), strconv.Itoa(sum.NOrdered))
		rec = append(rec, with(sum.Brier, func(e *analysis.CategoricalEstimates) float64 { return e.Brier })...)
		rec = append(rec, f(sum.BrierUniform))
		rec = append(rec, with(sum.BrierSkill, func(e *analysis.CategoricalEstimates) float64 { return e.BrierSkill })...)
		rec = append(rec, with(sum.Log, func(e *analysis.CategoricalEstimates) float64 { return e.Log })...)
		rec = append(rec, f(sum.LogUniform))
		rec = append(rec, with(sum.LogSkill, func(e *analysis.CategoricalEstimates) float64 { return e.LogSkill })...)
		rec = append(rec, with(sum.RPS, func(e *analysis.CategoricalEstimates) float64 { return e.RPS })...)
		rec = append(rec, f(sum.RPSUniform))
		rec = append(rec, with(sum.RPSSkill, func(e *analysis.CategoricalEstimates) float64 { return e.RPSSkill })...)
		rec = append(rec, f(float64(p.Reliability)), f(float64(p.Resolution)), f(float64(p.ECE)), strings.Join(warns, " "))
		cw.Write(rec)
	}
	row(&c.Overall)
	for _, g := range c.Groups {
		row(g)
	}
	cw.Flush()
	return cw.Error()
}
