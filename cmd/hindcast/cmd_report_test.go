package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// reportFiles runs hindcast report with args into dir and returns every
// file it wrote, by name.
func reportFiles(t *testing.T, dir string, args ...string) map[string][]byte {
	t.Helper()
	_, stderr, code := runHindcast(append([]string{"report", "-o", dir}, args...)...)
	if code != 0 {
		t.Fatalf("report %v: exit %d: %s", args, code, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// firstScreens cuts a report page into its first screens: the headline
// of the whole section and of each group, by title ("" for the whole).
var headlineRE = regexp.MustCompile(`(?s)(?:<h3>([^<]*)</h3>\s*)?<dl class="headline">(.*?)</dl>`)

// figureRE finds a first screen's Brier score as written for a machine:
// <data class="figure" value="0.72323125">0.723</data>.
var figureRE = regexp.MustCompile(`<data class="figure" value="([^"]+)">`)

// The cpc report's first screen gives the four CPC assessments their own
// Brier score, exactly, beside Deng's and the dataset's, and names the
// tie at the top.
//
// By hand, from forecasts/builtin/cpc.yaml and Kent's scale
// (forecasts/scales/kent-1964.yaml: almost certain 0.93, probable 0.75):
//
//	Khmer Rouge holds Phnom Penh: almost certain, P = 0.93, outcome no:  (0.93 − 0)²  = 0.8649
//	Phnom Penh falls: "could not capture", almost certain *not*,
//	  negated: P = 1 − 0.93 = 0.07, outcome yes:                          (0.07 − 1)²  = 0.8649
//	the Shah steps down: "would not", probable, negated:
//	  P = 1 − 0.75 = 0.25, outcome yes:                                    (0.25 − 1)²  = 0.5625
//	Ceaușescu falls: range [0.60, 0.95] for his holding, negated:
//	  P = 1 − 0.775 = 0.225, outcome yes:                                  (0.225 − 1)² = 0.600625
//	mean of the four: 2.892925 / 4 = 0.72323125 (Python fractions: 115717/160000)
//	Deng: probable, P = 0.75, outcome no: 0.5625; all five: 3.455425 / 5 = 0.691085
func TestReportCPCFirstScreen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cpc")
	files := reportFiles(t, dir, "--dataset", "cpc", "--bootstrap", "0")
	page := string(files["index.html"])
	want := map[string]float64{"": 0.691085, "CPC intelligence community": 0.72323125, "Deng Xiaoping": 0.5625}
	seen := map[string]bool{}
	for _, m := range headlineRE.FindAllStringSubmatch(page, -1) {
		title, body := m[1], m[2]
		if strings.HasPrefix(title, "All ") {
			title = ""
		}
		w, ok := want[title]
		if !ok {
			t.Errorf("a first screen %q that is neither the dataset nor a forecaster", title)
			continue
		}
		seen[title] = true
		f := figureRE.FindStringSubmatch(body)
		if f == nil {
			t.Errorf("%q: no Brier score on the first screen", title)
			continue
		}
		got, err := strconv.ParseFloat(f[1], 64)
		if err != nil || math.Abs(got-w) > 1e-12 {
			t.Errorf("%q: Brier %s, want %v", title, f[1], w)
		}
	}
	for title := range want {
		if !seen[title] {
			t.Errorf("no first screen for %q", title)
		}
	}
	for _, s := range []string{
		// The tie is named as a tie, with why each cost what it did.
		"Khmer Rouge will hold Phnom Penh (1978) and Vietnam cannot capture Phnom Penh (Jan 1979) cost the same, 0.865 each",
		"gave the event 93% and it did not happen: (0.93 − 0)² = 0.865",
		"said 93% that it would not happen (P(event) 7%) and it happened: (0.07 − 1)² = 0.865",
		// How the records were chosen, from the manifest.
		"Chosen for failure. The four CPC assessments are the ones the source article holds up as failures",
		// The verdict on each scale, for the four CPC assessments alone:
		// under Kent as coded, their 0.723.
		"kent-1964 0.723 (always worse)",
		// The sensitivity names the record by its P(event), not by the
		// range its statement gave the other side.
		"The coding of cpc-romania-1989 (P(event) 22.5% (5–40%) as coded, from [0.6, 0.95], of a statement that it would not happen) matters most",
		// The by-forecaster text is computed from the counts.
		"(2 groups), with 1 to 4 forecasts each.",
	} {
		if !strings.Contains(page, htmlText(s)) {
			t.Errorf("the cpc report lacks %q", s)
		}
	}
	// The test of calibration is in the appendix, qualified, not among
	// the scores.
	scores := between(page, `id="ds-cpc-scores"`, `</dl>`)
	if scores == "" || strings.Contains(scores, "Spiegelhalter") {
		t.Error("Spiegelhalter's test is among the scores of a set chosen for failure")
	}
	tests := between(page, `id="tests"`, `id="methods"`)
	if !strings.Contains(tests, "Spiegelhalter") || !strings.Contains(tests, "On a set chosen for failure this test says nothing about the analysts in general") {
		t.Errorf("the tests appendix lacks Spiegelhalter's test with its qualifier:\n%s", tests)
	}
}

// htmlText escapes what html/template escapes in text.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// between returns the part of s from the first from to the first to after it.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// The default report (two datasets) gives each dataset its own section
// and headline: the index and every first screen name 5 and 20 forecasts
// with each dataset's own Brier score, and no figure covers the 25 of
// both. Each dataset's figure is checked against score on that dataset
// alone; the 25 together score 0.465 (the two sums, 3.455425 and
// 8.188…, over 25), which must appear nowhere as a headline.
func TestReportNeverMixesDatasets(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "all")
	files := reportFiles(t, dir, "--bootstrap", "0")
	page := string(files["index.html"])
	brier := func(args ...string) float64 {
		out, stderr, code := runHindcast(append([]string{"score", "--bootstrap", "0", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("score %v: %s", args, stderr)
		}
		m := regexp.MustCompile(`"brier": ([0-9.e-]+)`).FindStringSubmatch(out)
		v, _ := strconv.ParseFloat(m[1], 64)
		return v
	}
	cpc, hist, both := brier("--dataset", "cpc"), brier("--dataset", "historical"), brier()
	if math.Abs(cpc-0.691085) > 1e-12 {
		t.Fatalf("cpc scores %v, not 0.691085", cpc)
	}
	for _, s := range []struct {
		id    string
		n     int
		brier float64
	}{{"cpc", 5, cpc}, {"historical", 20, hist}} {
		sec := between(page, `<section class="dataset" id="ds-`+s.id+`"`, `</section>`)
		if sec == "" {
			t.Fatalf("no section for %s", s.id)
		}
		m := headlineRE.FindStringSubmatch(sec)
		if m == nil {
			t.Fatalf("%s: no first screen", s.id)
		}
		if !strings.Contains(m[2], fmt.Sprintf("%d forecasts scored", s.n)) {
			t.Errorf("%s: the first screen does not count its own %d forecasts:\n%s", s.id, s.n, m[2])
		}
		f := figureRE.FindStringSubmatch(m[2])
		got, _ := strconv.ParseFloat(f[1], 64)
		if math.Abs(got-s.brier) > 1e-12 {
			t.Errorf("%s: headline Brier %v, want its own %v", s.id, got, s.brier)
		}
		if !strings.Contains(page, fmt.Sprintf(`<a href="#ds-%s">`, s.id)) {
			t.Errorf("the index has no entry for %s", s.id)
		}
	}
	for _, bad := range []string{"25 forecasts", strconv.FormatFloat(both, 'g', -1, 64), ">" + fmt.Sprintf("%.3f", both) + "<"} {
		if strings.Contains(page, bad) || strings.Contains(string(files["report.md"]), bad) {
			t.Errorf("the report holds %q, a figure of both datasets together", bad)
		}
	}
}

// Every glossary term the report defines is linked at its first use in
// the HTML, with its definition as a hover title, and every link goes to
// an entry that exists.
func TestReportGlossaryLinks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cpc")
	page := string(reportFiles(t, dir, "--dataset", "cpc")["index.html"])
	defined := regexp.MustCompile(`<div id="g-([a-z-]+)"><dt>`).FindAllStringSubmatch(page, -1)
	if len(defined) < 20 {
		t.Fatalf("the glossary defines %d terms", len(defined))
	}
	for _, d := range defined {
		id := d[1]
		link := regexp.MustCompile(`<a class="term" href="#g-` + id + `" title="[^"]+">`).FindStringIndex(page)
		if link == nil {
			t.Errorf("the glossary term %s is never linked", id)
			continue
		}
		if strings.Count(page, `href="#g-`+id+`"`) != 1 {
			t.Errorf("the glossary term %s is linked %d times, not once at its first use", id, strings.Count(page, `href="#g-`+id+`"`))
		}
	}
	for _, m := range regexp.MustCompile(`href="#g-([a-z-]+)"`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(page, `<div id="g-`+m[1]+`">`) {
			t.Errorf("a link to the glossary term %s, which it does not define", m[1])
		}
	}
	for _, term := range []string{"Brier score", "Log score", "Spherical score", "Calibration in the large", "Reliability, resolution, uncertainty (Murphy)",
		"CORP and PAV", "MCB, DSC, UNC", "ECE", "Logistic slope", "Wilson interval", "Consistency band", "Elementary score and θ (Murphy diagram)",
		"AUC and ROC", "ANDI", "Residual", "Skill score", "Bootstrap interval", "Clustered bootstrap"} {
		if !strings.Contains(page, "<dt>"+htmlText(term)+"</dt>") {
			t.Errorf("the glossary does not define %q", term)
		}
	}
	if !strings.Contains(page, "With few forecasts quote CORP&#39;s miscalibration") {
		t.Error("the report does not say which of reliability and CORP miscalibration to quote")
	}
}

// The report records what made it — hindcast's version and commit, the
// command line, each input with its SHA-256, the options — and no clock
// time: run again, every file is the same, byte for byte.
func TestReportProvenanceAndRerun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cpc")
	mdDir := filepath.Join(t.TempDir(), "cpc-md")
	first := reportFiles(t, dir, "--dataset", "cpc", "--bootstrap", "20", "--seed", "3")
	again := reportFiles(t, dir, "--dataset", "cpc", "--bootstrap", "20", "--seed", "3")
	md := reportFiles(t, mdDir, "--dataset", "cpc", "--bootstrap", "20", "--seed", "3", "--format", "markdown")
	mdAgain := reportFiles(t, mdDir, "--dataset", "cpc", "--bootstrap", "20", "--seed", "3", "--format", "markdown")
	for _, runs := range [][2]map[string][]byte{{first, again}, {md, mdAgain}} {
		if len(runs[0]) != len(runs[1]) {
			t.Fatalf("%d files, then %d", len(runs[0]), len(runs[1]))
		}
		for name, b := range runs[0] {
			if !bytes.Equal(b, runs[1][name]) {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
	first["report.md"] = md["report.md"]
	data, err := os.ReadFile("../../forecasts/builtin/cpc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	for f, command := range map[string]string{
		"index.html": "command: hindcast report -o " + dir + " --dataset cpc --bootstrap 20 --seed 3",
		"report.md":  "command: hindcast report -o " + mdDir + " --dataset cpc --bootstrap 20 --seed 3 --format markdown",
	} {
		text := string(first[f])
		for _, want := range []string{"built-in dataset cpc: sha256 " + hex.EncodeToString(sum[:]) + fmt.Sprintf(", %d bytes", len(data)),
			command, "hindcast " + version + ", commit ", "bootstrap=20", "seed=3", "samples=2000"} {
			if f == "report.md" {
				want = mdEscaped(want)
			}
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", f, want)
			}
		}
	}
}

// mdEscaped escapes what the Markdown report escapes in text.
func mdEscaped(s string) string {
	return strings.NewReplacer("_", `\_`, "#", `\#`).Replace(s)
}

// A flat table makes a report of its own kind: no cards, no words, no
// timeline, each left out with a line saying why; the costliest forecast
// values, with their counts, on the first screen.
//
// The table by hand: 0.9 no (×2), 0.9 yes, 0.2 yes, 0.2 no. The
// costliest are the two forecasts of 90% whose event did not happen,
// 0.9² = 0.81 each, and the forecast of 20% that happened costs 0.8² =
// 0.64. Brier = (2·0.81 + 0.01 + 0.64 + 0.04)/5 = 2.31/5 = 0.462.
func TestReportFlatTable(t *testing.T) {
	tmp := t.TempDir()
	table := filepath.Join(tmp, "t.csv")
	if err := os.WriteFile(table, []byte("probability,outcome\n0.9,0\n0.9,0\n0.9,1\n0.2,1\n0.2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := reportFiles(t, filepath.Join(tmp, "r"), "--data", table, "--bootstrap", "0")
	page := string(files["index.html"])
	if f := figureRE.FindStringSubmatch(page); f == nil {
		t.Error("no Brier score on the first screen")
	} else if v, _ := strconv.ParseFloat(f[1], 64); math.Abs(v-0.462) > 1e-12 {
		t.Errorf("Brier %s, want 0.462", f[1])
	}
	for _, want := range []string{
		`">0.462</data>`,
		htmlText("the 2 forecasts of 90% whose event did not happen, costing 0.810 each."),
		"Left out: a flat table holds numeric probabilities",
		"No timeline: a flat table",
		"Not shown: a flat table holds probabilities and outcomes",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the table's report lacks %q", want)
		}
	}
	if strings.Contains(page, `class="card"`) {
		t.Error("the table's report has case cards")
	}
	for name := range files {
		if strings.Contains(name, "timeline") || strings.Contains(name, "sensitivity") || strings.Contains(name, "scales") {
			t.Errorf("the table's report draws %s", name)
		}
	}
}

// Past ReportLarge forecasts a section has no cards: the costliest
// forecasts, the biggest hits and a table by band stand in for them.
func TestReportLargeDataset(t *testing.T) {
	tmp := t.TempDir()
	var b strings.Builder
	b.WriteString("dataset:\n  name: big\n  title: Many\n  selection: all\nrecords:\n")
	for i := range 250 {
		p, o := 0.8, "yes"
		switch {
		case i == 7:
			p, o = 0.99, "no" // the costliest: 0.99² = 0.9801
		case i%5 == 0:
			o = "no"
		}
		fmt.Fprintf(&b, "  - id: r%03d\n    question: Q%d?\n    forecaster: Desk\n    issued: 2000-01\n    estimate: {probability: %g}\n    outcome: %s\n", i, i, p, o)
	}
	data := filepath.Join(tmp, "big.yaml")
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	page := string(reportFiles(t, filepath.Join(tmp, "r"), "--data", data, "--bootstrap", "0")["index.html"])
	if strings.Contains(page, `class="card"`) {
		t.Error("250 forecasts, and a card each")
	}
	for _, want := range []string{"More than 200 forecasts: in place of a card each", "The costliest forecasts", "The biggest hits", "By forecast band",
		htmlText("r007: it gave the event 99% and it did not happen: (0.99 − 0)² = 0.980"),
		"Left out: no record is coded as a word on a scale"} {
		if !strings.Contains(page, want) {
			t.Errorf("the large report lacks %q", want)
		}
	}
}
