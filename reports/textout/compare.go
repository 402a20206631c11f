package textout

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/provenance"
)

func compareScoreName(c *evaluate.CompareResult) string {
	if c.Score == "log" {
		return fmt.Sprintf("log score (probabilities clipped to [%g, 1 − %g])", c.LogClip, c.LogClip)
	}
	return "Brier score"
}

func withinLabel(c *evaluate.CompareResult, g *evaluate.CompareGroup) string {
	var parts []string
	for i, k := range c.Within {
		parts = append(parts, k+" = "+g.Key[i])
	}
	return strings.Join(parts, ", ")
}

// ---- JSON

type compareJSON struct {
	By           []string               `json:"by"`
	Question     []string               `json:"question"`
	Within       []string               `json:"within"`
	Score        string                 `json:"score"`
	LogClip      jsonFloat              `json:"log_clip"`
	Permutations int                    `json:"permutations"`
	ExactMax     int                    `json:"exact_max"`
	Bootstrap    int                    `json:"bootstrap"`
	Level        jsonFloat              `json:"level"`
	Seed         uint64                 `json:"seed"`
	MinShared    int                    `json:"min_shared"`
	MinQuestions int                    `json:"min_questions"`
	PairsOption  string                 `json:"pairs"`
	Baseline     *string                `json:"baseline"`
	Comparisons  []compareGroupJSON     `json:"comparisons"`
	Warnings     []warningJSON          `json:"warnings"`
	Provenance   *provenance.Provenance `json:"provenance,omitempty"`
}

type compareGroupJSON struct {
	Key         map[string]string `json:"key,omitempty"`
	Questions   int               `json:"questions"`
	Forecasts   int               `json:"forecasts"`
	Competitors []competitorJSON  `json:"competitors"`
	PairsListed string            `json:"pairs_listed"`
	PairCount   int               `json:"pair_count"`
	FewShared   int               `json:"pairs_few_shared"`
	Shared      map[string]int    `json:"shared"`
	Pairs       []pairJSON        `json:"pairs"`
	Warnings    []warningJSON     `json:"warnings"`
}

// skillJSON writes a relative skill: a number, "inf" when infinite, null
// when undefined.
type skillJSON float64

func (f skillJSON) MarshalJSON() ([]byte, error) {
	if math.IsInf(float64(f), 1) {
		return []byte(`"inf"`), nil
	}
	return jsonFloat(f).MarshalJSON()
}

type competitorJSON struct {
	Rank                *int         `json:"rank"`
	Name                string       `json:"name"`
	Questions           int          `json:"questions"`
	Forecasts           int          `json:"forecasts"`
	MeanScore           jsonFloat    `json:"mean_score"`
	Opponents           int          `json:"opponents"`
	MaxShared           int          `json:"max_shared"`
	RelativeSkill       skillJSON    `json:"relative_skill"`
	NearZero            int          `json:"near_zero_ratios"`
	Unranked            *warningJSON `json:"unranked"`
	ScaledRelativeSkill *jsonFloat   `json:"scaled_relative_skill,omitempty"`
	CrowdRelative       *crowdJSON   `json:"crowd_relative,omitempty"`
}

// crowdJSON is a competitor's crowd-relative score: the mean, over the
// questions it shares with anyone, of its score minus the others' median.
type crowdJSON struct {
	Questions int       `json:"questions"`
	Mean      jsonFloat `json:"mean"`
}

type pairJSON struct {
	A              string        `json:"a"`
	B              string        `json:"b"`
	Shared         int           `json:"shared"`
	MeanA          jsonFloat     `json:"mean_a"`
	MeanB          jsonFloat     `json:"mean_b"`
	MeanDifference jsonFloat     `json:"mean_difference"`
	Interval       [2]jsonFloat  `json:"interval"`
	Ratio          jsonFloat     `json:"ratio"`
	P              jsonFloat     `json:"p_value"`
	PHolm          jsonFloat     `json:"p_holm"`
	Exact          bool          `json:"exact"`
	Permutations   int           `json:"permutations"`
	Warnings       []warningJSON `json:"warnings"`
}

func warningsJSON(ws ...[]analysis.Warning) []warningJSON {
	out := []warningJSON{}
	for _, list := range ws {
		for _, w := range list {
			out = append(out, warningJSON{Code: w.Code, Message: w.Message})
		}
	}
	return out
}

// WriteCompareJSON writes the documented JSON shape of `hindcast compare`:
//
//	{"by", "question", "within": [COLUMN...], "score": "brier" | "log",
//	 "log_clip" (0 with the Brier score), "permutations", "exact_max",
//	 "bootstrap", "level", "seed", "min_shared", "min_questions",
//	 "pairs" ("all", "summary", "none" or "auto"), "baseline" (null for none),
//	 "comparisons": [{
//	   "key": {"COLUMN": "value"} (with --within only), "questions", "forecasts",
//	   "competitors": [{"rank" (null when not ranked), "name", "questions",
//	                    "forecasts", "mean_score", "opponents", "max_shared",
//	                    "relative_skill" (a number, "inf", or null when undefined),
//	                    "near_zero_ratios", "unranked": null | {"code", "message"},
//	                    "scaled_relative_skill" (with a baseline)}],   ranked first, best first
//	   "pairs_listed": "all" | "summary" | "none", "pair_count", "pairs_few_shared",
//	   "shared": {"min", "median", "max"},
//	   "pairs": [{"a", "b", "shared", "mean_a", "mean_b", "mean_difference",
//	              "interval": [lo, hi], "ratio", "p_value", "p_holm", "exact",
//	              "permutations", "warnings"}],   a ranked above b, in ranking order
//	   "warnings": [{"code", "message"}]}],
//	 "warnings": [{"code", "message"}]}
//
// Undefined figures (a relative skill without opponents, an interval from
// one question, a p-value not computed) are null; an infinite relative
// skill is "inf".
func WriteCompareJSON(w io.Writer, c *evaluate.CompareResult) error {
	o := c.Options
	out := compareJSON{
		By: c.By, Question: c.Question, Within: c.Within, Score: c.Score, LogClip: jsonFloat(c.LogClip),
		Permutations: o.Permutations, ExactMax: o.ExactMax, Bootstrap: o.Bootstrap, Level: jsonFloat(o.Level),
		Seed: o.Seed, MinShared: o.MinShared, MinQuestions: o.MinQuestions, PairsOption: cmp.Or(o.Pairs, "auto"), Comparisons: []compareGroupJSON{}, Warnings: warningsJSON(c.Warnings),
		Provenance: c.Provenance,
	}
	if out.Within == nil {
		out.Within = []string{}
	}
	if o.Baseline != "" {
		out.Baseline = &o.Baseline
	}
	for _, g := range c.Groups {
		res := &g.Result
		gj := compareGroupJSON{
			Questions: g.Questions, Forecasts: g.Forecasts,
			Competitors: []competitorJSON{}, Pairs: []pairJSON{}, Warnings: warningsJSON(g.Warnings, res.Warnings),
			PairsListed: res.Options.Pairs, PairCount: res.PairCount, FewShared: res.FewShared,
			Shared: map[string]int{"min": res.SharedMin, "median": res.SharedMedian, "max": res.SharedMax},
		}
		if len(c.Within) > 0 {
			gj.Key = map[string]string{}
			for i, k := range c.Within {
				gj.Key[k] = g.Key[i]
			}
		}
		for r, i := range g.Ranking {
			s := res.Competitors[i]
			cj := competitorJSON{
				Name: s.Name, Questions: s.Questions, Forecasts: s.Forecasts, MeanScore: jsonFloat(s.MeanScore),
				Opponents: s.Opponents, MaxShared: s.MaxShared, RelativeSkill: skillJSON(s.RelativeSkill), NearZero: s.NearZero,
			}
			if s.Unranked == "" {
				rank := r + 1
				cj.Rank = &rank
			} else {
				cj.Unranked = &warningJSON{Code: s.Unranked, Message: analysis.UnrankedReason(s.Unranked, false, res.Options)}
			}
			if o.Baseline != "" {
				v := jsonFloat(s.ScaledRelativeSkill)
				cj.ScaledRelativeSkill = &v
			}
			if g.Crowd != nil {
				cj.CrowdRelative = &crowdJSON{Questions: g.Crowd[i].Questions, Mean: jsonFloat(g.Crowd[i].Mean)}
			}
			gj.Competitors = append(gj.Competitors, cj)
		}
		for _, p := range g.Pairs {
			gj.Pairs = append(gj.Pairs, pairJSON{
				A: p.A, B: p.B, Shared: p.Shared, MeanA: jsonFloat(p.MeanA), MeanB: jsonFloat(p.MeanB),
				MeanDifference: jsonFloat(p.MeanDifference), Interval: [2]jsonFloat{jsonFloat(p.Lo), jsonFloat(p.Hi)},
				Ratio: jsonFloat(p.Ratio), P: jsonFloat(p.P), PHolm: jsonFloat(p.PHolm), Exact: p.Exact,
				Permutations: p.Permutations, Warnings: warningsJSON(p.Warnings),
			})
		}
		out.Comparisons = append(out.Comparisons, gj)
	}
	return WriteJSON(w, out)
}

// ---- text

// compareWidth is the width the text output is fitted to.
const compareWidth = 80

// groupCounts says how many competitors, questions and forecasts a comparison has.
func groupCounts(g *evaluate.CompareGroup) string {
	return fmt.Sprintf("%s, %s, %s", CountWord(len(g.Result.Competitors), "competitor", "competitors"),
		CountWord(g.Questions, "question", "questions"), CountWord(g.Forecasts, "forecast", "forecasts"))
}

func runeWidth(s string) int { return utf8.RuneCountInString(s) }

// WriteCompareTable writes the comparison as text for an 80-column
// terminal: for each comparison, the relative-skill ranking and the pairs,
// then the warnings.
func WriteCompareTable(w io.Writer, c *evaluate.CompareResult) error {
	var b strings.Builder
	writeCompareIntro(c, &b)
	for _, g := range c.Groups {
		b.WriteString("\n")
		if len(c.Within) > 0 {
			fmt.Fprintf(&b, "== %s ==\n", terminalText(withinLabel(c, g)))
		}
		writeCompareGroup(c, &b, g)
	}
	b.WriteString("\n")
	for _, l := range compareLegend(c) {
		fmt.Fprintf(&b, "%s\n", strings.Join(wrap(l, compareWidth-3), "\n  "))
	}
	writeCompareWarnings(c, &b, false)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCompareIntro(c *evaluate.CompareResult, b *strings.Builder) {
	q := "one value of " + c.Question[0]
	switch {
	case len(c.Question) > 1:
		q = "one combination of " + strings.Join(c.Question, ", ")
	case c.Question[0] == "question":
		q = "the question's text"
	}
	text := terminalText(fmt.Sprintf("Pairwise comparison by %s on the questions both answered (a question: %s), by the %s: lower is better.",
		strings.Join(c.By, "/"), q, compareScoreName(c)))
	b.WriteString(strings.Join(wrap(text, compareWidth-1), "\n"))
	b.WriteString("\n")
}

// legend explains the columns of the tables, in plain words.
func compareLegend(c *evaluate.CompareResult) []string {
	o := c.Options
	test := fmt.Sprintf("exact up to %d shared questions, else %d random sign flips, seed %d", o.ExactMax, o.Permutations, o.Seed)
	switch {
	case o.ExactMax < 0:
		test = fmt.Sprintf("%d random sign flips, seed %d", o.Permutations, o.Seed)
	case o.Permutations == 0:
		test = fmt.Sprintf("exact up to %d shared questions, not done above (--permutations 0)", o.ExactMax)
	}
	boot := fmt.Sprintf("%g%% INTERVAL: percentile bootstrap interval of A − B (%d replicates, resampling the shared questions); none for a pair sharing one question.", 100*o.Level, o.Bootstrap)
	if o.Bootstrap == 0 {
		boot = "No intervals (--bootstrap 0)."
	}
	lines := []string{
		"MEAN: mean score over all the questions the competitor answered; its score on a question is the mean score of its forecasts on it (FORECASTS can be more than QUESTIONS).",
		"SKILL: relative skill, the geometric mean of the ratios of the competitor's mean score to each opponent's on the questions they share (and of 1, for itself); below 1 is better than the typical opponent.",
	}
	ranked, intervals := false, false
	for _, g := range c.Groups {
		for _, s := range g.Result.Competitors {
			ranked = ranked || s.Unranked == ""
		}
		for _, p := range g.Pairs {
			intervals = intervals || !math.IsNaN(p.Lo)
		}
	}
	lines[1] = fmt.Sprintf("SKILL: relative skill, the geometric mean of the ratios of the competitor's mean score to each opponent's on the questions they share (opponents: sharing at least %d), and of 1, for itself; below 1 is better than the typical opponent; † when a ratio is beyond %d to 1 (a score near 0).", o.MinShared, analysis.NearZeroRatio)
	if o.Baseline != "" {
		lines = append(lines, fmt.Sprintf("SCALED: SKILL divided by %s's.", o.Baseline))
	}
	if crowdAsked(c) {
		lines = append(lines, "VS CROWD: crowd-relative score, the mean over the questions the competitor shares with anyone of its score there minus the median score of the others; below 0 is better than the typical other competitor on the same questions, whatever their difficulty.")
	}
	lines = append(lines, "Not ranked: without a finite, positive relative skill (SHARED: the most questions shared with another; --min-shared, --min-questions).")
	diff := "A − B: the mean difference of their scores on the questions both answered; below 0, A (ranked higher) scored better."
	if !ranked {
		lines = slices.Delete(lines, 1, 2) // no relative skill is shown
		lines[0] = "MEAN: mean score over all the questions the competitor answered; its score on a question is the mean score of its forecasts on it."
		diff = "A − B: the mean difference of their scores on the questions both answered; below 0, A scored better."
	}
	if !intervals && o.Bootstrap > 0 {
		boot = "No intervals: a pair sharing one question has none."
	}
	return append(lines, diff, boot,
		fmt.Sprintf("P: two-sided paired sign-flip test of A − B = 0 (%s); on one shared question it is 1, no evidence either way. HOLM: P adjusted for the number of pairs (Holm 1979).", test),
	)
}

// crowdAsked reports whether the comparison carries crowd-relative scores.
func crowdAsked(c *evaluate.CompareResult) bool {
	for _, g := range c.Groups {
		if g.Crowd != nil {
			return true
		}
	}
	return false
}

// fitNames gives each name column the room the other columns leave in
// compareWidth, at least min runes each.
func fitNames(used, columns, min int) int {
	return max(min, (compareWidth-1-used)/columns)
}

// skillText formats a relative skill, ∞ when infinite, marked † when it
// rests on a ratio beyond analysis.NearZeroRatio.
func skillText(s analysis.CompetitorSkill) string {
	v := ratio(s.RelativeSkill)
	if math.IsInf(s.RelativeSkill, 1) {
		v = "∞"
	}
	if s.NearZero > 0 {
		v += "†"
	}
	return v
}

// shortReason says in a table cell why a competitor is not ranked.
func shortReason(code string, o analysis.PairwiseOptions) string {
	switch code {
	case analysis.UnrankedFewQuestions:
		return fmt.Sprintf("< %d questions", o.MinQuestions)
	case analysis.UnrankedNoShared:
		return "no shared question"
	case analysis.UnrankedFewShared:
		return fmt.Sprintf("shares < %d with each", o.MinShared)
	case analysis.UnrankedInfinite:
		return "an opponent scored 0"
	case analysis.UnrankedZero:
		return "scored 0 with one"
	case analysis.UnrankedUndefined:
		return "0 and ∞ ratios"
	}
	return code
}

// pairsLine says how many pairs there are and which are listed, when not
// every pair is; "" when every pair is listed.
func pairsLine(c *evaluate.CompareResult, g *evaluate.CompareGroup) string {
	res := &g.Result
	if res.Options.Pairs == analysis.PairsAll || res.PairCount == 0 {
		return ""
	}
	s := fmt.Sprintf("%s share a question (%d to %d, median %d); %d share fewer than %d and enter no relative skill.",
		CountWord(res.PairCount, "pair", "pairs"), res.SharedMin, res.SharedMax, res.SharedMedian, res.FewShared, c.Options.MinShared)
	if res.Options.Pairs == analysis.PairsSummary {
		s += fmt.Sprintf(" Listed: the pairs of the %d best-ranked competitors (Holm over these); --pairs all lists every pair.", analysis.TopPairs)
	}
	return s
}

func writeCompareGroup(c *evaluate.CompareResult, b *strings.Builder, g *evaluate.CompareGroup) {
	res := &g.Result
	fmt.Fprintf(b, "%s\n\n", groupCounts(g))
	baseline := c.Options.Baseline != ""

	// Ranking.
	header := []string{"#", strings.ToUpper(strings.Join(c.By, "/")), "FORECASTS", "QUESTIONS", "OPPONENTS", "MEAN", "SKILL"}
	if baseline {
		header = append(header, "SCALED")
	}
	crowd := g.Crowd != nil
	if crowd {
		header = append(header, "VS CROWD")
	}
	var rows, apart [][]string
	for r, i := range g.Ranking {
		s := res.Competitors[i]
		if s.Unranked != "" {
			skill := skillText(s)
			if math.IsNaN(s.RelativeSkill) {
				skill = "" // the column is left out when no skill is shown
			}
			row := []string{s.Name, strconv.Itoa(s.Questions), strconv.Itoa(s.MaxShared), diff4(s.MeanScore), skill}
			if crowd {
				row = append(row, diff4(g.Crowd[i].Mean))
			}
			apart = append(apart, append(row, shortReason(s.Unranked, res.Options)))
			continue
		}
		row := []string{strconv.Itoa(r + 1), s.Name, strconv.Itoa(s.Forecasts), strconv.Itoa(s.Questions), strconv.Itoa(s.Opponents), diff4(s.MeanScore), skillText(s)}
		if baseline {
			row = append(row, ratio(s.ScaledRelativeSkill))
		}
		if crowd {
			row = append(row, diff4(g.Crowd[i].Mean))
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 {
		writeFitted(b, header, rows, []int{1})
	} else {
		fmt.Fprintf(b, "No competitor ranked (--min-shared %d: see below).\n", c.Options.MinShared)
	}
	if len(apart) > 0 {
		fmt.Fprintf(b, "\nNot ranked (%d):\n", len(apart))
		header := []string{strings.ToUpper(strings.Join(c.By, "/")), "QUESTIONS", "SHARED", "MEAN", "SKILL"}
		if crowd {
			header = append(header, "VS CROWD")
		}
		writeFitted(b, append(header, "WHY"), apart, []int{0})
	}

	// Pairs.
	b.WriteString("\n")
	if line := pairsLine(c, g); line != "" {
		b.WriteString(strings.Join(wrap(line, compareWidth-1), "\n") + "\n")
	}
	pairs := g.Pairs
	if len(pairs) == 0 {
		if res.PairCount == 0 {
			b.WriteString("No two competitors answered the same question.\n")
		}
		return
	}
	rankOf := map[string]int{}
	for r, i := range g.Ranking {
		if res.Competitors[i].Unranked == "" {
			rankOf[res.Competitors[i].Name] = r + 1
		}
	}
	label := func(name string) string {
		if r, ok := rankOf[name]; ok {
			return fmt.Sprintf("#%d %s", r, name)
		}
		return name
	}
	level := fmt.Sprintf("%g%% INTERVAL", 100*c.Options.Level)
	header = []string{"A", "B", "SHARED", "A − B", level, "P", "HOLM"}
	rows = rows[:0]
	for _, p := range pairs {
		shared := strconv.Itoa(p.Shared)
		if p.Shared < c.Options.MinShared {
			shared += "*"
		}
		ci := ""
		if !math.IsNaN(p.Lo) {
			ci = diff4(p.Lo) + " – " + diff4(p.Hi)
		}
		rows = append(rows, []string{label(p.A), label(p.B), shared, diff4(p.MeanDifference), ci, pValue(p.P), pValue(p.PHolm)})
	}
	writeFitted(b, header, rows, []int{0, 1})
}

// writeFitted writes a table with two spaces between columns, shortening
// the names in the columns nameCols so that it fits compareWidth.
func writeFitted(b *strings.Builder, header []string, rows [][]string, nameCols []int) {
	// Leave out columns with no values.
	var keep []int
	for j := range header {
		for _, r := range rows {
			if r[j] != "" {
				keep = append(keep, j)
				break
			}
		}
	}
	if len(keep) < len(header) {
		pick := func(r []string) []string {
			out := make([]string, len(keep))
			for k, j := range keep {
				out[k] = r[j]
			}
			return out
		}
		header = pick(header)
		for i, r := range rows {
			rows[i] = pick(r)
		}
		var names []int
		for k, j := range keep {
			if slices.Contains(nameCols, j) {
				names = append(names, k)
			}
		}
		nameCols = names
	}
	for _, r := range append([][]string{header}, rows...) {
		for j, v := range r {
			r[j] = terminalText(v)
		}
	}
	widths := make([]int, len(header))
	for j, h := range header {
		widths[j] = runeWidth(h)
	}
	for _, r := range rows {
		for j, v := range r {
			widths[j] = max(widths[j], runeWidth(v))
		}
	}
	used := 2 * (len(header) - 1)
	isName := map[int]bool{}
	for _, j := range nameCols {
		isName[j] = true
	}
	for j, wd := range widths {
		if !isName[j] {
			used += wd
		}
	}
	room := fitNames(used, len(nameCols), 10)
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	line := func(r []string) {
		cells := make([]string, len(r))
		for j, v := range r {
			if isName[j] {
				v = truncate(v, room)
			}
			cells[j] = v
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	tw.Flush()
}

// writeWarnings lists the warnings once each; pairs sharing too few
// questions are summed up in one line (they are starred in the tables).
func writeCompareWarnings(c *evaluate.CompareResult, b *strings.Builder, markdown bool) {
	var lines []string
	add := func(label string, ws []analysis.Warning) {
		for _, w := range ws {
			if w.Code == analysis.WarnFewShared {
				continue
			}
			text := w.Message
			if label != "" {
				text = "[" + label + "] " + text
			}
			lines = append(lines, text)
		}
	}
	add("", c.Warnings)
	var few []string
	for _, g := range c.Groups {
		label := withinLabel(c, g)
		add(label, g.Warnings)
		add(label, g.Result.Warnings)
		for _, p := range g.Result.Pairs {
			add(label, p.Warnings)
		}
		if n := g.Result.FewShared; n > 0 {
			what := fmt.Sprintf("%d of %d pairs", n, g.Result.PairCount)
			if label != "" {
				what += " (" + label + ")"
			}
			few = append(few, what)
		}
	}
	if len(few) > 0 {
		marker := "starred (*) in the tables"
		if markdown {
			marker = "marked * in the tables"
		}
		lines = append([]string{fmt.Sprintf("%s share fewer than %d questions (%s): their differences, intervals and p-values rest on few questions, and their ratios enter no relative skill (--min-shared)",
			strings.Join(few, ", "), c.Options.MinShared, marker)}, lines...)
	}
	if len(lines) == 0 {
		return
	}
	if markdown {
		b.WriteString("\n**Warnings**\n\n")
		for _, l := range lines {
			b.WriteString("- " + mdEscape(l) + "\n")
		}
		return
	}
	b.WriteString("\nwarnings:\n")
	for _, l := range lines {
		fmt.Fprintf(b, "! %s\n", strings.Join(wrap(terminalText(l), compareWidth-4), "\n  "))
	}
}

// ---- Markdown

// WriteCompareMarkdown writes the comparison as Markdown tables, names in
// full, with the mean scores and ratios of each pair.
func WriteCompareMarkdown(w io.Writer, c *evaluate.CompareResult) error {
	var b strings.Builder
	var intro strings.Builder
	writeCompareIntro(c, &intro)
	b.WriteString(mdEscape(strings.ReplaceAll(strings.TrimSpace(intro.String()), "\n", " ")) + "\n")
	baseline := c.Options.Baseline != ""
	for _, g := range c.Groups {
		res := &g.Result
		b.WriteString("\n")
		if len(c.Within) > 0 {
			fmt.Fprintf(&b, "### %s\n\n", mdEscape(withinLabel(c, g)))
		}
		fmt.Fprintf(&b, "%s\n\n", groupCounts(g))
		apart := false
		for _, s := range res.Competitors {
			apart = apart || s.Unranked != ""
		}
		fmt.Fprintf(&b, "| rank | %s | forecasts | questions | opponents | mean score | relative skill |", mdEscape(strings.Join(c.By, "/")))
		if baseline {
			b.WriteString(" scaled |")
		}
		if g.Crowd != nil {
			b.WriteString(" vs crowd |")
		}
		if apart {
			b.WriteString(" not ranked: why |")
		}
		b.WriteString("\n|---:|---|---:|---:|---:|---:|---:|")
		if baseline {
			b.WriteString("---:|")
		}
		if g.Crowd != nil {
			b.WriteString("---:|")
		}
		if apart {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for r, i := range g.Ranking {
			s := res.Competitors[i]
			rank := strconv.Itoa(r + 1)
			if s.Unranked != "" {
				rank = "–"
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %s | %s |", rank, mdEscape(s.Name), s.Forecasts, s.Questions, s.Opponents, diff4(s.MeanScore), mdEscape(skillText(s)))
			if baseline {
				fmt.Fprintf(&b, " %s |", ratio(s.ScaledRelativeSkill))
			}
			if g.Crowd != nil {
				fmt.Fprintf(&b, " %s |", diff4(g.Crowd[i].Mean))
			}
			if apart {
				why := ""
				if s.Unranked != "" {
					why = analysis.UnrankedReason(s.Unranked, false, res.Options)
				}
				fmt.Fprintf(&b, " %s |", mdEscape(why))
			}
			b.WriteString("\n")
		}
		if line := pairsLine(c, g); line != "" {
			b.WriteString("\n" + mdEscape(line) + "\n")
		}
		pairs := g.Pairs
		if len(pairs) == 0 {
			if res.PairCount == 0 {
				b.WriteString("\nNo two competitors answered the same question.\n")
			}
			continue
		}
		fmt.Fprintf(&b, "\n| A | B | shared | mean A | mean B | A − B | %g%% interval | ratio | p | Holm p |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n", 100*c.Options.Level)
		for _, p := range pairs {
			shared := strconv.Itoa(p.Shared)
			if p.Shared < c.Options.MinShared {
				shared += " \\*"
			}
			ci := ""
			if !math.IsNaN(p.Lo) {
				ci = diff4(p.Lo) + " – " + diff4(p.Hi)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mdEscape(p.A), mdEscape(p.B), shared,
				diff4(p.MeanA), diff4(p.MeanB), diff4(p.MeanDifference), ci, ratio(p.Ratio), pValue(p.P), pValue(p.PHolm))
		}
	}
	b.WriteString("\n**Reading the tables**\n\n")
	for _, l := range compareLegend(c) {
		b.WriteString("- " + mdEscape(l) + "\n")
	}
	writeCompareWarnings(c, &b, true)
	writeProvenanceMarkdown(&b, c.Provenance)
	_, err := io.WriteString(w, b.String())
	return err
}

// ---- CSV

// compareCSVColumns are the columns of `hindcast compare --format csv`
// after the --within columns: one row per competitor and opponent in the
// pairs listed (each pair twice, once from each side, as in scoringutils),
// and one row with an empty opponent for a competitor in no pair listed.
// relative_skill is empty when undefined, "inf" when infinite; unranked is
// the code of why a competitor is not ranked.
var compareCSVColumns = []string{"competitor", "opponent", "shared", "mean_score_shared", "opponent_mean_score_shared",
	"mean_difference", "difference_lo", "difference_hi", "ratio", "p_value", "p_holm", "exact", "permutations",
	"questions", "opponents", "mean_score", "relative_skill", "scaled_relative_skill", "rank", "unranked", "warnings"}

func csvSkill(v float64) string {
	if math.IsInf(v, 1) {
		return "inf"
	}
	return csvFloat(v)
}

// WriteCompareCSV writes the comparison as one long table.
func WriteCompareCSV(w io.Writer, c *evaluate.CompareResult) error {
	if err := writeProvenanceComment(w, c.Provenance); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	f := csvFloat
	columns := compareCSVColumns
	crowd := crowdAsked(c)
	if crowd {
		columns = append(slices.Clone(columns), "crowd_relative", "crowd_questions")
	}
	cw.Write(append(append([]string{}, c.Within...), columns...))
	for _, g := range c.Groups {
		res := &g.Result
		rank := map[string]string{}
		for r, i := range g.Ranking {
			if res.Competitors[i].Unranked == "" {
				rank[res.Competitors[i].Name] = strconv.Itoa(r + 1)
			}
		}
		byName := map[string][]int{}
		for k, p := range g.Pairs {
			byName[p.A] = append(byName[p.A], k)
			byName[p.B] = append(byName[p.B], k)
		}
		for _, i := range g.Ranking {
			s := res.Competitors[i]
			tail := func() []string {
				return []string{strconv.Itoa(s.Questions), strconv.Itoa(s.Opponents), f(s.MeanScore),
					csvSkill(s.RelativeSkill), f(s.ScaledRelativeSkill), rank[s.Name], s.Unranked}
			}
			last := func(codes string) []string { // the warnings, then the crowd-relative score if asked
				if !crowd {
					return []string{codes}
				}
				return []string{codes, f(g.Crowd[i].Mean), strconv.Itoa(g.Crowd[i].Questions)}
			}
			for _, k := range byName[s.Name] {
				p := g.Pairs[k]
				opp, mine, theirs, diff, lo, hi := p.B, p.MeanA, p.MeanB, p.MeanDifference, p.Lo, p.Hi
				if p.B == s.Name {
					opp, mine, theirs, diff, lo, hi = p.A, p.MeanB, p.MeanA, 0-p.MeanDifference, 0-p.Hi, 0-p.Lo
				}
				var codes []string
				for _, w := range p.Warnings {
					codes = append(codes, w.Code)
				}
				row := append(append([]string{}, g.Key...), s.Name, opp, strconv.Itoa(p.Shared), f(mine), f(theirs),
					f(diff), f(lo), f(hi), f(mine/theirs), f(p.P), f(p.PHolm), strconv.FormatBool(p.Exact), strconv.Itoa(p.Permutations))
				cw.Write(append(append(row, tail()...), last(strings.Join(codes, " "))...))
			}
			if len(byName[s.Name]) == 0 {
				row := append(append([]string{}, g.Key...), s.Name, "", "", "", "", "", "", "", "", "", "", "", "")
				cw.Write(append(append(row, tail()...), last("")...))
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
