package page

import (
	"fmt"
	"io"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/textout"
)

// mdText escapes text for Markdown prose: characters that would start
// markup, and HTML.
func mdText(s string) string {
	r := strings.NewReplacer("\\", `\\`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`)
	return r.Replace(strings.Join(strings.Fields(s), " "))
}

// writeMarkdown writes the report as Markdown, with the charts as images
// next to it (NAME.png): the HTML's sections, in its order, with every
// card open.
func writeMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n\n%s\n\n", mdText(r.Title()), mdText(r.Subtitle()))
	p("Made by hindcast %s. Each dataset has its own section and its own figures: no figure mixes datasets.\n\n", mdText(r.Version))
	for _, s := range r.Sections {
		p("- [%s](#%s): %s forecasts", mdText(s.Title()), anchor(s.Title()), textout.Count(s.Headline.N))
		if s.Headline.N > 0 {
			p(", Brier %s", textout.Num(s.Headline.Brier))
		}
		p("\n")
	}
	p("\n")
	for _, s := range r.Sections {
		writeMarkdownSection(&b, r, s)
	}
	for _, e := range r.Extra {
		p("## %s\n\n%s\n\n", mdText(e.Title), e.Markdown)
	}
	for _, c := range r.Charts {
		p("## %s\n\n![%s](%s.png)\n\n%s\n\n", mdText(c.Title), mdText(c.Title), c.Name, mdText(c.Caption))
	}
	if r.ShowContext() {
		p("## How good are analysts elsewhere?\n\n")
		for _, c := range r.context() {
			p("- **%s.** %s\n", mdText(c.Source), mdText(c.Text))
		}
	}
	p("\n## Glossary\n\n")
	for _, g := range glossary {
		p("- **%s.** %s\n", mdText(g.Name), mdText(g.Text))
	}
	p("\n## Appendix: tests of calibration\n\n")
	p("A test of calibration assumes the forecasts are a fair sample of the forecaster's work; on a set that is not, it is no verdict, and its figures are kept here, with what they can say.\n\n")
	for _, s := range r.Sections {
		_, tests := explain(s)
		if len(tests) == 0 {
			continue
		}
		p("### %s\n\n", mdText(s.Title()))
		for _, e := range tests {
			p("- **%s: %s.** %s **%s**\n", mdText(e.Figure), mdText(e.Value), mdText(e.Sentence), mdText(testQualifier(s.ReportSection)))
		}
		p("\n")
	}
	p("## Appendix: formulas\n\n")
	for _, m := range methodNotes {
		p("**%s.** %s\n\n```\n%s\n```\n\n", mdText(m.Name), mdText(m.Text), m.Formula)
	}
	p("## References\n\n")
	for _, ref := range references {
		p("- %s\n", mdText(ref))
	}
	p("\n## Provenance\n\n")
	for _, l := range provenanceLines(r) {
		p("- %s\n", mdText(l))
	}
	p("\nNo clock time: the same command on the same inputs gives the same report, byte for byte.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// anchor is the id GitHub gives a heading: lower case, spaces as
// hyphens, punctuation dropped.
func anchor(title string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(title) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c > 127:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// writeMarkdownSection writes one dataset's section.
func writeMarkdownSection(b *strings.Builder, r *Report, s *Section) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## %s\n\n", mdText(s.Title()))
	if s.Dataset != nil {
		if s.Dataset.ChosenBy != "" {
			p("`%s`, %d of its %d records, chosen: %s.\n\n", s.Dataset.Name, len(s.Records), s.Dataset.Total, mdText(s.Dataset.ChosenBy))
		} else {
			p("`%s`, %d records.\n\n", s.Dataset.Name, len(s.Records))
		}
	} else {
		p("Flat table `%s`.\n\n", s.Table)
	}
	if chosen := s.Dataset != nil && s.NotASample(); chosen {
		if s.Dataset.Selection == "chosen for failure" {
			p("> **Chosen for failure.** These records were picked because they went wrong. Every figure below describes these cases, not how good the forecasters were.\n\n")
		} else {
			p("> **Not a random sample.** The figures describe these cases and may not carry over to the forecasters' other judgments.\n\n")
		}
	}
	facts := func(fs []fact) {
		for _, f := range fs {
			if f.Value != "" {
				p("- **%s:** %s %s\n", mdText(f.Label), f.Value, mdText(f.Text))
			} else {
				p("- **%s:** %s\n", mdText(f.Label), mdText(f.Text))
			}
		}
		p("\n")
	}
	if len(s.Groups) > 0 {
		p("### %s\n\n", mdText(headlineTitle(s.ReportSection, &s.Headline)))
	}
	facts(headlineFacts(s.ReportSection, &s.Headline))
	for i := range s.Groups {
		p("### %s\n\n", mdText(headlineTitle(s.ReportSection, &s.Groups[i])))
		facts(headlineFacts(s.ReportSection, &s.Groups[i]))
	}
	if len(s.Groups) == 0 && s.ByGroup != nil && len(s.ByGroup.Groups) > evaluate.ReportHeadlineGroups {
		p("%d groups by %s: too many for a screen; each has its figures in the table by group below.\n\n", len(s.ByGroup.Groups), mdText(strings.Join(s.GroupBy, "/")))
	}
	if s.Dataset != nil && s.Dataset.Description != "" {
		p("%s\n\n", mdText(s.Dataset.Description))
	}
	p("### The cases\n\n")
	switch {
	case s.Large:
		p("%s.\n\n", mdText(sentence(s.OmissionOf("cases").Why)))
		costTable(b, "The costliest forecasts", s.Costly)
		costTable(b, "The biggest hits", s.Hits)
		p("| P(event) | forecasts | mean forecast | happened | Wilson interval |\n|---|---:|---:|---:|---|\n")
		for _, bin := range s.Score.Overall.Bins {
			p("| %s–%s | %s | %s | %s | %s–%s |\n", textout.Percent(bin.Lo), textout.Percent(bin.Hi), textout.Count(bin.N), textout.Percent(bin.MeanForecast), textout.Percent(bin.Observed), textout.Percent(bin.ObservedLo), textout.Percent(bin.ObservedHi))
		}
		p("\n")
	case s.IsRecords():
		for _, rec := range s.Records {
			name := rec.Label
			if name == "" {
				name = rec.ID
			}
			p("#### %s\n\n%s\n\n", mdText(name), mdText(cardSummary(s, rec)))
			p("- **question:** %s\n", mdText(rec.Question))
			p("- **id:** `%s`; **forecaster:** %s", rec.ID, mdText(rec.Forecaster))
			if rec.Audience != "" {
				p(", for %s", mdText(rec.Audience))
			}
			p("; **issued:** %s", rec.Issued)
			if rec.IssuedNote != "" {
				p(" — %s", mdText(rec.IssuedNote))
			}
			p("\n")
			if rec.Statement.Text != "" {
				p("- **statement** (%s): “%s”\n", rec.Statement.Wording, mdText(rec.Statement.Text))
			}
			neg := ""
			if rec.Negated {
				neg = " — of the statement, which says the event will not happen"
			}
			p("- **coded as:** %s%s; **P(event):** %s", mdText(rec.Estimate.String()), neg, textout.IntervalText(rec.Event))
			if c, ok := s.Coded[rec.ID]; ok && c != rec.Event.Point {
				p(", scored at %s", textout.Percent(c))
			}
			p("\n- **outcome:** %s", rec.Outcome)
			if t := settledText(rec); t != "" {
				p(" (%s)", mdText(t))
			}
			if rec.OutcomeNote != "" {
				p(". %s", mdText(rec.OutcomeNote))
			}
			p("\n")
			if rec.CoderNote != "" {
				p("- **coder's note:** %s\n", mdText(rec.CoderNote))
			}
			// Sources come before the notes: a note often explains a source.
			for _, src := range rec.Sources {
				p("- **source:** %s", mdText(src.Cite()))
				if src.Quote != "" {
					p(" — “%s”", mdText(src.Quote))
				}
				p("\n")
			}
			for _, n := range rec.Notes {
				p("- **note:** %s\n", mdText(n))
			}
			for _, c := range rec.Conflicts {
				p("- **%s**\n", mdText(textout.ConflictText(c)))
			}
			p("\n")
		}
	default:
		p("Not shown: %s.\n\n", mdText(s.OmissionOf("cases").Why))
		costTable(b, "The costliest forecast values", s.Costly)
	}
	p("### How good were the forecasts?\n\n")
	main, _ := explain(s)
	for _, e := range main {
		p("- **%s: %s.** %s\n", mdText(e.Figure), mdText(e.Value), mdText(e.Sentence))
	}
	p("\n")
	if t := reconcileText(s.ReportSection); t != "" {
		p("**Reliability and CORP miscalibration.** %s\n\n", mdText(t))
	}
	sum := &s.Score.Overall.Summary
	m := s.Score.Murphy(&s.Score.Overall)
	p("| figure | value |\n|---|---:|\n")
	for _, row := range [][2]string{
		{"base rate", textout.Num(sum.BaseRate)},
		{"Brier score", textout.Num(sum.Brier)},
		{"skill vs base rate · vs always 50%", textout.Num(sum.BrierSkill) + " · " + textout.Num(sum.BrierSkillVsHalf)},
		{"log score", textout.Num(s.Score.LogScore(&s.Score.Overall))},
		{"spherical score", textout.Num(sum.Spherical)},
		{"ROC AUC", textout.Num(sum.AUC)},
		{"Murphy reliability · resolution · uncertainty · residual", textout.Num(m.Reliability) + " · " + textout.Num(m.Resolution) + " · " + textout.Num(m.Uncertainty) + " · " + textout.Num(m.Residual)},
		{"CORP MCB · DSC · UNC", textout.Num(sum.CORP.Miscalibration) + " · " + textout.Num(sum.CORP.Discrimination) + " · " + textout.Num(sum.CORP.Uncertainty)},
		{"calibration in the large", textout.Num(sum.CalibrationInTheLarge)},
		{"ECE (10 bins)", textout.Num(sum.ECE)},
		{"logistic slope", textout.Num(sum.Logistic.Slope)},
	} {
		p("| %s | %s |\n", row[0], row[1])
	}
	p("\n")
	if ws := s.Score.Overall.Summary.Warnings; len(ws) > 0 {
		p("Warnings:\n\n")
		for _, w := range ws {
			p("- %s\n", mdText(w.Message))
		}
		p("\n")
	}
	p("### Charts\n\n")
	for _, c := range s.Charts {
		p("![%s](%s.png)\n\n**%s.** %s\n\n", mdText(c.Title), c.Name, mdText(c.Title), mdText(c.Caption))
	}
	for _, sk := range s.Skipped {
		p("Not drawn: %s\n\n", mdText(sk))
	}
	if o := s.OmissionOf("timeline"); o.Key != "" {
		p("No timeline: %s.\n\n", mdText(o.Why))
	}
	for _, e := range s.Extra {
		p("### %s\n\n%s\n\n", mdText(e.Title), e.Markdown)
	}
	if s.Sensitivity != nil || s.OmissionOf("words").Why != "" {
		p("### What the words meant\n\n")
	}
	if s.Sensitivity != nil {
		p("| scale | Brier | range | log score | range | against always 50%% |\n|---|---:|---|---:|---|---|\n")
		for _, row := range s.Sensitivity.Scales {
			p("| %s | %s | %s | %s | %s | %s |\n", mdText(row.Scale), textout.Num(row.Brier.Point), textout.SpanText(row.Brier), textout.Num(row.Log.Point), textout.SpanText(row.Log), textout.Verdict(row.Brier))
		}
		p("\n")
		for _, l := range sensitivityReading(s.ReportSection) {
			p("- %s\n", mdText(l))
		}
		p("\n")
	} else if o := s.OmissionOf("words"); o.Why != "" {
		p("Left out: %s.\n\n", mdText(o.Why))
	}
	if bg := s.ByGroup; bg != nil {
		cols := strings.Join(s.GroupBy, "/")
		p("### By %s\n\n%s `hindcast score --by %s` lists every warning.\n\n", mdText(cols), mdText(byGroupIntro(s.ReportSection)), cols)
		p("| %s | n | base rate | Brier | skill | log score |\n|---|---:|---:|---:|---:|---:|\n", mdText(cols))
		for _, g := range bg.Groups {
			p("| %s | %s | %s | %s | %s | %s |\n", mdText(strings.Join(g.Key, "/")), textout.Count(g.Summary.N), textout.Num(g.Summary.BaseRate),
				textout.Num(g.Summary.Brier), textout.Num(g.Summary.BrierSkill), textout.Num(bg.LogScore(g)))
		}
		p("\n")
	}
}

// costTable writes a table of costly forecasts (or hits) under a title.
func costTable(b *strings.Builder, title string, cs []evaluate.CostlyCase) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(b, "**%s**\n\n| forecast | P(event) | outcome | Brier each |\n|---|---:|---|---:|\n", title)
	for _, c := range cs {
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdText(costName(c)), textout.Percent(c.P), c.Outcome, textout.Num(c.Score))
	}
	b.WriteString("\n")
}
