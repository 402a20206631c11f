package page

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// testReport builds a report of a dataset file with a tiny stand-in chart,
// so that the page's own markup can be checked without megabytes of SVG.
func testReport(t *testing.T, path string) *Report {
	t.Helper()
	ds, err := (&forecasts.Loader{}).Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*forecasts.Record
	coded := map[string]float64{}
	var tally analysis.Tally
	for _, d := range ds {
		for _, r := range d.Records {
			recs = append(recs, r)
			if r.Outcome.Scored() {
				coded[r.ID] = r.Event.Point
				tally.Add(r.Event.Point, r.Outcome == forecasts.Yes)
			}
		}
	}
	forecasts.SortRecords(recs)
	sum := analysis.Summarize(tally.Table(), analysis.Options{Replicates: 0})
	sc := &evaluate.ScoreResult{Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum, Bins: sum.Bins, ECE: sum.ECE}}
	sec := &evaluate.ReportSection{ID: ds[0].Name, Dataset: ds[0], Records: recs, Coded: coded, Score: sc,
		Headline: evaluate.ReportHeadline{N: sum.N, Yes: sum.Yes, Brier: sum.Brier, BaseRate: sum.BaseRate}}
	res := &evaluate.ReportResult{Version: "test", Reading: "point", Sections: []*evaluate.ReportSection{sec}}
	r := &Report{ReportResult: res, Sections: []*Section{newSection(sec)}}
	r.Sections[0].Charts = []ReportChart{{Name: "tiny", Kind: "tiny", Title: "A tiny chart", Caption: "How to read it.",
		SVG: []byte(`<?xml version="1.0"?>` + "\n<!-- Generated -->\n" + `<svg width="10pt" height="10pt" viewBox="0 0 10 10"><path d="M0,0L10,10"/></svg>`)}}
	return r
}

// Every string from a dataset is escaped: a question, statement, issued
// note, outcome note, note or source that holds markup shows it as text,
// and a javascript: link is not a link. The escaped text must be there too,
// so a field the card leaves out does not pass unseen.
func TestReportEscapesDatasetText(t *testing.T) {
	rep := testReport(t, "testdata/report/hostile.yaml")
	var html bytes.Buffer
	if err := writeHTML(&html, rep); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript`, "<b>Bold", "<i>A</i>", "<em>note", "<u>x"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(&#34;question&#34;)&lt;/script&gt;", "&lt;b&gt;Bold&lt;/b&gt; &amp; a &#34;quoted&#34; title", `href="https://example.org/a?b=1&amp;c=%3c2%3e"`,
		"1990-01 <span class=\"note\">— &lt;script&gt;alert(&#34;issued&#34;)&lt;/script&gt; early in the month</span>",
		"It &lt;img src=x onerror=alert(&#34;outcome&#34;)&gt; happened.",
		"(settled 1990-06; horizon 1990-12-31)"} {
		if !strings.Contains(page, good) {
			t.Errorf("the page lacks %q", good)
		}
	}
	if n := strings.Count(page, "<script"); n != 0 {
		t.Errorf("the page has %d script elements; it must have none", n)
	}
	var md bytes.Buffer
	if err := writeMarkdown(&md, rep); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<script>") || strings.Contains(md.String(), "<img") {
		t.Error("the Markdown holds raw HTML from the dataset")
	}
	for _, good := range []string{"**issued:** 1990-01 — &lt;script&gt;alert(\"issued\")&lt;/script&gt; early in the month",
		"- **outcome:** yes (settled 1990-06; horizon 1990-12-31). It &lt;img src=x onerror=alert(\"outcome\")&gt; happened."} {
		if !strings.Contains(md.String(), good) {
			t.Errorf("the Markdown lacks %q", good)
		}
	}
}

// The page's markup is a reviewed golden (testdata/report/seminar.html);
// run go test -run ReportGolden -update to rewrite it after a deliberate change.
func TestReportGolden(t *testing.T) {
	rep := testReport(t, "../../forecasts/testdata/valid/seminar.yaml")
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *Report) error
	}{
		{"seminar.html", func(b *bytes.Buffer, r *Report) error { return writeHTML(b, r) }},
		{"seminar.md", func(b *bytes.Buffer, r *Report) error { return writeMarkdown(b, r) }},
	} {
		var got bytes.Buffer
		if err := tc.write(&got, rep); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata/report", tc.name)
		if *updateGolden {
			os.WriteFile(path, got.Bytes(), 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			os.WriteFile(path+".actual", got.Bytes(), 0o644)
			t.Errorf("%s differs from the golden; see %s.actual", tc.name, path)
		}
	}
}

var updateGolden = flag.Bool("update", false, "rewrite the text goldens in testdata/report")

// The Markdown report's by-forecaster table has the HTML's columns, every
// cell filled, and no per-forecaster warning list; its introduction says
// how many forecasts the groups have, computed, not "one or two" always.
func TestReportMarkdownByForecaster(t *testing.T) {
	r := testReport(t, "../../forecasts/testdata/valid/seminar.yaml")
	half := analysis.Summarize(analysis.TableOf([]float64{0.2, 0.7}, []bool{false, true}, nil), analysis.Options{})
	three := analysis.Summarize(analysis.TableOf([]float64{0.2, 0.7, 0.9}, []bool{false, true, true}, nil), analysis.Options{})
	s := r.Sections[0]
	s.GroupBy = []string{"forecaster"}
	s.ByGroup = &evaluate.ScoreResult{Bins: 10, By: []string{"forecaster"}, Overall: s.Score.Overall,
		Groups: []*evaluate.ScoreGroup{{Key: []string{"Desk A"}, Summary: half}, {Key: []string{"Desk B"}, Summary: three}}}
	var b strings.Builder
	if err := writeMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	// Brier of Desk A by hand: (0.2² + 0.3²)/2 = 0.065.
	for _, want := range []string{"| forecaster | n | base rate | Brier | skill | log score |", "| Desk A | 2 | 0.500 | 0.065 |",
		"(2 groups), with 2 to 3 forecasts each. So few make these stories, not statistics."} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(md, "With one or two forecasts each") {
		t.Error("the by-forecaster text says one or two forecasts each whatever the counts")
	}
	section := md[strings.Index(md, "### By forecaster"):]
	section = section[:strings.Index(section, "\n## ")]
	if strings.Contains(section, "| |") || strings.Contains(section, "**Warnings**") {
		t.Errorf("the by-forecaster section has an empty cell or a warning list:\n%s", section)
	}
}
