package page

import (
	"github.com/hindcast/hindcast/reports/textout"

	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// Report is the teaching report as rendered: the values evaluate gives
// (the data, the scores, the sensitivity, what the charts draw) with the
// charts drawn and those that could not be.
type Report struct {
	*evaluate.ReportResult
	Charts  []ReportChart
	Skipped []string // charts that could not be drawn for this data, with why
}

// ReportChart is one chart of the report, rendered.
type ReportChart struct {
	Name    string // file name without extension: "reliability"
	Title   string
	Caption string // how to read it
	SVG     []byte
}

//go:embed templates/report.html.tmpl templates/report.css
var templateFS embed.FS

var xmlProlog = regexp.MustCompile(`(?s)^\s*<\?xml.*?\?>\s*(<!--.*?-->\s*)?`)

// inlineSVG prepares a chart's SVG (which we drew, and whose text is
// glyph outlines) for inlining in HTML: no XML prolog, an accessible name.
func inlineSVG(svg []byte, title string) template.HTML {
	s := xmlProlog.ReplaceAllString(string(svg), "")
	s = strings.Replace(s, "<svg ", fmt.Sprintf(`<svg role="img" aria-label="%s" `, template.HTMLEscapeString(title)), 1)
	return template.HTML(s)
}

// safeURL returns the URL when it is an absolute http(s) URL, else "".
func safeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func (r *Report) funcs() template.FuncMap {
	return template.FuncMap{
		"pct":      func(p float64) string { return textout.Percent(p) },
		"interval": textout.IntervalText,
		"num":      textout.Num,
		"count":    textout.Count,
		"svg":      inlineSVG,
		"safeURL":  safeURL,
		"cite":     func(s forecasts.Source) string { return s.Cite() },
		"scoredAt": func(rec *forecasts.Record) string {
			p, ok := r.Coded[rec.ID]
			if !ok || p == rec.Event.Point {
				return ""
			}
			return textout.Percent(p)
		},
		"explain":  func(s *evaluate.ScoreResult) []textout.Explained { return textout.Explain(s, &s.Overall) },
		"warnings": func(g *evaluate.ScoreGroup) []analysis.Warning { return g.Summary.Warnings },
		"key":      func(g *evaluate.ScoreGroup) string { return strings.Join(g.Key, "/") },
		"logscore": func(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) float64 { return s.LogScore(g) },
		"chosenForFailure": func(d *forecasts.Dataset) bool {
			return d.Selection == forecasts.SelectChosenForFailure
		},
		"notASample": func(d *forecasts.Dataset) bool {
			return d.Selection == forecasts.SelectNotable || d.Selection == forecasts.SelectUnknown
		},
		"span":        textout.SpanText,
		"settledText": settledText,
		"verdict":     textout.Verdict,
		"reading":     textout.ReadSensitivity,
		"css": func() template.CSS {
			b, _ := templateFS.ReadFile("templates/report.css")
			return template.CSS(b)
		},
		"context":      func() []contextFigure { return literatureContext },
		"methods":      func() []methodNote { return methodNotes },
		"refs":         func() []string { return references },
		"byForecaster": func() [2]string { return [2]string{byForecasterIntro, byForecasterCommand} },
	}
}

// writeHTML writes the report as one self-contained HTML page: inline SVG
// charts and CSS, no scripts, nothing fetched. Every string from a dataset
// is escaped.
func writeHTML(w io.Writer, r *Report) error {
	t, err := template.New("report.html.tmpl").Funcs(r.funcs()).ParseFS(templateFS, "templates/report.html.tmpl")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, r); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// mdText escapes text for Markdown prose: characters that would start
// markup, and HTML.
func mdText(s string) string {
	r := strings.NewReplacer("\\", `\\`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`)
	return r.Replace(strings.Join(strings.Fields(s), " "))
}

// byForecasterIntro opens the by-forecaster section of both formats,
// followed by the command byForecasterCommand and " lists every warning.".
const (
	byForecasterIntro   = "The same figures for each forecaster. With one or two forecasts each, these are stories, not statistics;"
	byForecasterCommand = "hindcast score --by forecaster"
)

// writeMarkdown writes the report as Markdown, with the charts as images
// next to it (NAME.png).
func writeMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# %s\n\n%s\n\n", mdText(r.Title()), mdText(r.Subtitle()))
	p("Made by hindcast %s.\n\n", mdText(r.Version))
	p("## The data\n\n")
	for _, d := range r.Datasets {
		p("**%s** (`%s`): %d records. %s\n\n", mdText(d.Title), d.Name, len(d.Records), mdText(d.Description))
		p("Selection: **%s**. %s\n\n", d.Selection, mdText(d.SelectionNote))
		if d.Selection == forecasts.SelectChosenForFailure {
			p("> **Chosen for failure.** These records were picked because they went wrong. Such a set cannot measure calibration or accuracy: every score below describes these cases, not the forecasters.\n\n")
		}
		if d.Citation != "" {
			p("Cite as: %s", mdText(d.Citation))
			if d.Licence != "" {
				p(" Licence: %s.", mdText(d.Licence))
			}
			p("\n\n")
		}
	}
	p("## The cases\n\n")
	for _, rec := range r.Records {
		p("### %s\n\n", mdText(rec.Question))
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
		if c, ok := r.Coded[rec.ID]; ok && c != rec.Event.Point {
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
		// Sources come before the notes: a note often explains a source
		// (its date, its title), and reads as if about the record when it
		// comes first.
		for _, s := range rec.Sources {
			p("- **source:** %s", mdText(s.Cite()))
			if s.Quote != "" {
				p(" — “%s”", mdText(s.Quote))
			}
			p("\n")
		}
		for _, n := range rec.Notes {
			p("- **note:** %s\n", mdText(n))
		}
		p("\n")
	}
	p("## How good were the forecasts?\n\n")
	for _, e := range textout.Explain(r.Score, &r.Score.Overall) {
		p("- **%s: %s.** %s\n", mdText(e.Figure), mdText(e.Value), mdText(e.Sentence))
	}
	p("\n")
	var sc strings.Builder
	textout.WriteScoreMarkdown(&sc, r.Score)
	b.WriteString(sc.String())
	p("\n## Charts\n\n")
	for _, c := range r.Charts {
		p("### %s\n\n![%s](%s.png)\n\n%s\n\n", mdText(c.Title), mdText(c.Title), c.Name, mdText(c.Caption))
	}
	if len(r.Skipped) > 0 {
		p("Not drawn for these data:\n\n")
		for _, sk := range r.Skipped {
			p("- %s\n", mdText(sk))
		}
		p("\n")
	}
	if r.Sensitivity != nil {
		p("## What the words meant\n\n")
		var s strings.Builder
		textout.WriteSensitivityMarkdown(&s, r.Sensitivity)
		b.WriteString(s.String())
		p("\n")
	}
	if r.ByForecaster != nil && len(r.ByForecaster.Groups) > 1 {
		// As in the HTML: the figures, without the warnings, which say of
		// nearly every forecaster that one or two forecasts are few.
		bf := r.ByForecaster
		p("## By forecaster\n\n%s `%s` lists every warning.\n\n", byForecasterIntro, byForecasterCommand)
		p("| forecaster | n | base rate | Brier | skill | log score |\n|---|---:|---:|---:|---:|---:|\n")
		for _, g := range bf.Groups {
			p("| %s | %s | %s | %s | %s | %s |\n", mdText(strings.Join(g.Key, "/")), textout.Count(g.Summary.N), textout.Num(g.Summary.BaseRate),
				textout.Num(g.Summary.Brier), textout.Num(g.Summary.BrierSkill), textout.Num(bf.LogScore(g)))
		}
		p("\n")
	}
	p("## How good are analysts elsewhere?\n\n")
	for _, c := range literatureContext {
		p("- **%s.** %s\n", mdText(c.Source), mdText(c.Text))
	}
	p("\n## Methods\n\n")
	for _, m := range methodNotes {
		p("**%s.** %s\n\n```\n%s\n```\n\n", mdText(m.Name), mdText(m.Text), m.Formula)
	}
	p("## References\n\n")
	for _, ref := range references {
		p("- %s\n", mdText(ref))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// settledText says when a record's question was settled and its horizon,
// the deadline it names, for a case card: "settled 1979-01-07; horizon
// 1979-01-31". Either part is left out when its date is not set.
func settledText(rec *forecasts.Record) string {
	var parts []string
	if !rec.Resolved.IsZero() {
		parts = append(parts, "settled "+rec.Resolved.String())
	}
	if !rec.ResolvesBy.IsZero() {
		parts = append(parts, "horizon "+rec.ResolvesBy.String())
	}
	return strings.Join(parts, "; ")
}

// Title is the report's headline.
func (r *Report) Title() string { return "How good were these forecasts?" }

// Subtitle names the datasets the report is about.
func (r *Report) Subtitle() string {
	var names []string
	for _, d := range r.Datasets {
		names = append(names, d.Title)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return "Datasets: " + strings.Join(names, " · ")
}
