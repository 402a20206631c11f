package page

import (
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
	"github.com/hindcast/hindcast/reports/textout"
)

// Report is the teaching report as rendered: the values evaluate gives,
// a section per dataset (or flat table) with its charts drawn, and the
// report-wide parts.
type Report struct {
	*evaluate.ReportResult
	Sections []*Section
	Charts   []ReportChart // the report-wide charts (the verbal scales)
	Skipped  []string      // charts that could not be drawn for this data, with why
	// Extra are report-wide sections placed after the datasets' sections
	// and before the context, glossary and appendices.
	Extra []Extra
}

// Section is one dataset's (or flat table's) part of the report.
type Section struct {
	*evaluate.ReportSection
	Charts  []ReportChart
	Skipped []string
	// Extra are further sections of this dataset, placed after its
	// charts and before its sensitivity and group tables.
	Extra []Extra
	cost  map[string]float64 // each scored record's Brier contribution, by id
}

// Extra is a further section of the report, rendered by its maker: its
// anchor, its title, and its body in HTML (trusted: made by hindcast,
// with every string from a dataset escaped) and Markdown.
type Extra struct {
	ID, Title string
	HTML      template.HTML
	Markdown  string
}

// ReportChart is one chart of the report, rendered.
type ReportChart struct {
	Name    string // file name without extension: "cpc-reliability"
	Kind    string // the chart's kind: "reliability"
	Title   string
	Caption string   // how to read it
	Terms   []string // glossary ids the chart uses
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

// newSection wraps a section of evaluate's report for rendering.
func newSection(s *evaluate.ReportSection) *Section {
	sec := &Section{ReportSection: s, cost: map[string]float64{}}
	if s.Contributions != nil {
		for _, row := range s.Contributions.Rows {
			sec.cost[row.ID] = row.Score
		}
	}
	return sec
}

// explained is an explained figure with its glossary entry.
type explained struct {
	textout.Explained
	Term string
}

// explain gives a section's explained figures, without the calibration
// tests on a set that is not a sample (they go to the appendix).
func explain(s *Section) (main, tests []explained) {
	for _, e := range textout.Explain(s.Score, &s.Score.Overall) {
		if e.Figure == textout.ReconcileFigure {
			continue // the section reconciles the two itself, with glossary links (reconcileText)
		}
		x := explained{e, explainTerms[e.Figure]}
		if isTest(e.Figure) && s.NotASample() {
			tests = append(tests, x)
			continue
		}
		main = append(main, x)
	}
	return main, tests
}

func (r *Report) funcs() template.FuncMap {
	seen := map[string]bool{}
	// term links a glossary term at its first use on the page, with its
	// definition as a hover title; later uses carry the title only.
	term := func(id, text string) template.HTML {
		g, ok := glossaryByID(id)
		if !ok {
			return template.HTML(template.HTMLEscapeString(text))
		}
		esc, title := template.HTMLEscapeString(text), template.HTMLEscapeString(g.Short)
		if seen[id] {
			return template.HTML(fmt.Sprintf(`<span class="term" title="%s">%s</span>`, title, esc))
		}
		seen[id] = true
		return template.HTML(fmt.Sprintf(`<a class="term" href="#g-%s" title="%s">%s</a>`, id, title, esc))
	}
	return template.FuncMap{
		"pct":      func(p float64) string { return textout.Percent(p) },
		"interval": textout.IntervalText,
		"num":      textout.Num,
		"count":    textout.Count,
		"svg":      inlineSVG,
		"safeURL":  safeURL,
		"cite":     func(s forecasts.Source) string { return s.Cite() },
		"scoredAt": func(s *Section, rec *forecasts.Record) string {
			p, ok := s.Coded[rec.ID]
			if !ok || p == rec.Event.Point {
				return ""
			}
			return textout.Percent(p)
		},
		"cardSummary":   cardSummary,
		"conflictText":  textout.ConflictText,
		"explain":       func(s *Section) []explained { m, _ := explain(s); return m },
		"tests":         func(s *Section) []explained { _, t := explain(s); return t },
		"testQualifier": func(s *Section) string { return testQualifier(s.ReportSection) },
		"warnings":      func(g *evaluate.ScoreGroup) []analysis.Warning { return g.Summary.Warnings },
		"key":           func(g *evaluate.ScoreGroup) string { return strings.Join(g.Key, "/") },
		"logscore":      func(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) float64 { return s.LogScore(g) },
		"murphyOf":      func(s *evaluate.ScoreResult) analysis.MurphyDecomposition { return s.Murphy(&s.Overall) },
		"headlineTitle": func(s *Section, h evaluate.ReportHeadline) string { return headlineTitle(s.ReportSection, &h) },
		"headlineFacts": func(s *Section, h evaluate.ReportHeadline) []fact { return headlineFacts(s.ReportSection, &h) },
		"byGroupIntro":  func(s *Section) string { return byGroupIntro(s.ReportSection) },
		"reconcile":     func(s *Section) string { return reconcileText(s.ReportSection) },
		"reading":       func(s *Section) []string { return sensitivityReading(s.ReportSection) },
		"costName":      costName,
		"sentence":      sentence,
		"whyCost":       whyCost,
		"span":          textout.SpanText,
		"settledText":   settledText,
		"verdict":       textout.Verdict,
		"term":          term,
		"glossary":      func() []glossaryEntry { return glossary },
		"termName": func(id string) string {
			g, _ := glossaryByID(id)
			return g.Name
		},
		"chosenFailure": func(s *Section) bool {
			return s.Dataset != nil && s.Dataset.Selection == forecasts.SelectChosenForFailure
		},
		"groupCols":      func(s *Section) string { return strings.Join(s.GroupBy, "/") },
		"headlineGroups": func() int { return evaluate.ReportHeadlineGroups },
		"css": func() template.CSS {
			b, _ := templateFS.ReadFile("templates/report.css")
			return template.CSS(b)
		},
		"context":    func() []contextFigure { return r.context() },
		"methods":    func() []methodNote { return methodNotes },
		"refs":       func() []string { return references },
		"provenance": func() []string { return provenanceLines(r) },
	}
}

// costName names a costly forecast of a large section: a record's name,
// or a table's forecast value with its count.
func costName(c evaluate.CostlyCase) string {
	if c.ID != "" {
		return caseName(c)
	}
	what := "no"
	if c.Outcome == forecasts.Yes {
		what = "yes"
	}
	return fmt.Sprintf("%s at %s, outcome %s", forecastsCount(c.Count), textout.Percent(c.P), what)
}

// provenanceLines say what made the report: hindcast's build, the
// command line, each input with its SHA-256, and the options that change
// a figure. No clock time: the same command on the same inputs gives the
// same report, byte for byte.
func provenanceLines(r *Report) []string {
	p := r.Provenance
	if p == nil {
		return nil
	}
	b := p.Hindcast
	out := []string{
		fmt.Sprintf("hindcast %s, commit %s (modified: %s), %s", b.Version, b.Commit, b.ModifiedText(), b.Go),
		"command: " + p.Command,
	}
	for _, in := range p.Inputs {
		what := "input"
		if in.Builtin {
			what = "built-in dataset"
		}
		out = append(out, fmt.Sprintf("%s %s: sha256 %s, %d bytes", what, in.Name, in.SHA256, in.Bytes))
	}
	if len(p.Options) > 0 {
		opts := make([]string, len(p.Options))
		for i, o := range p.Options {
			opts[i] = o.Key + "=" + o.Value
		}
		out = append(out, "options: "+strings.Join(opts, " "))
	}
	return out
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
	for _, s := range r.Sections {
		names = append(names, s.Title())
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return "Datasets: " + strings.Join(names, " · ")
}
