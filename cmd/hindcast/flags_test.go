package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/spf13/cobra"
)

// parse runs a command's flag parsing only: its runF seam stops before the work.
func parse(t *testing.T, cmd *cobra.Command, args ...string) {
	t.Helper()
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%s %s: %v", cmd.Name(), strings.Join(args, " "), err)
	}
}

func TestScoreFlags(t *testing.T) {
	s := &streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}
	var got *scoreOptions
	parse(t, newScoreCmd(s, func(o *scoreOptions) error { got = o; return nil }),
		"--input", "-", "--by", "training", "--forecaster-col", "user", "--question-col", "ifp,round",
		"--time-col", "t", "--resolved-col", "end", "--weight", "time", "--bins", "distinct", "--clip", "1e-9")
	in := got.input.input(s)
	switch {
	case !slices.Equal(in.Tables, []string{"-"}) || in.Stdin == nil:
		t.Errorf("tables %v, stdin %v", in.Tables, in.Stdin)
	case !slices.Equal(in.By, []string{"training"}) || !slices.Equal(in.ForecasterCols, []string{"user"}):
		t.Errorf("by %v, forecaster %v: grouping and who forecast are two things", in.By, in.ForecasterCols)
	case !slices.Equal(in.QuestionCols, []string{"ifp", "round"}) || in.TimeCol != "t" || in.ResolvedCol != "end":
		t.Errorf("question %v, time %q, resolved %q", in.QuestionCols, in.TimeCol, in.ResolvedCol)
	case in.Weight != analysis.WeightTime:
		t.Errorf("weight %q", in.Weight)
	}
	aopts, err := got.analysisOptions()
	if err != nil || aopts.Bins != analysis.BinsDistinct || aopts.LogClip != 1e-9 {
		t.Errorf("analysis options %+v, %v", aopts, err)
	}
}

// --clip NaN was accepted; it is a usage error, as a negative one is.
func TestScoreClipNaN(t *testing.T) {
	for _, clip := range []string{"NaN", "-1", "0.5"} {
		_, stderr, code := runHindcast("score", "--clip", clip, "--bootstrap", "0")
		if code != exitUsage || !strings.Contains(stderr, "--clip") {
			t.Errorf("--clip %s: exit %d, %q", clip, code, stderr)
		}
	}
}

// --cluster names record fields or tags (or table columns); none alone.
func TestScoreCluster(t *testing.T) {
	for _, c := range []struct {
		value string
		code  int
	}{{"forecaster", 0}, {"none", 0}, {"question,forecaster", 0}, {"nonesuch", exitUsage}, {"none,question", exitUsage}} {
		_, stderr, code := runHindcast("score", "--cluster", c.value, "--bootstrap", "20")
		if code != c.code || (code != 0) != strings.Contains(stderr, "--cluster") {
			t.Errorf("--cluster %s: exit %d, %q", c.value, code, stderr)
		}
	}
}

func TestCompareFlags(t *testing.T) {
	s := &streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}
	var got *compareOptions
	parse(t, newCompareCmd(s, func(o *compareOptions) error { got = o; return nil }),
		"--by", "user", "--question", "q", "--latest", "--time-col", "t", "--clip", "0.01")
	if !got.input.latest || got.input.timeCol != "t" || !got.clipSet {
		t.Errorf("options %+v", got)
	}
	// --clip without --score log is refused by the run, not the parse.
	if err := compareRun(s, got); err == nil || !strings.Contains(err.Error(), "--score log") {
		t.Errorf("--clip with the Brier score: %v", err)
	}
}

func TestPlotFlags(t *testing.T) {
	s := &streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}
	var got *plotOptions
	parse(t, newPlotCmd(s, func(o *plotOptions) error { got = o; return nil }), "roc", "--by", "forecaster", "-o", "x.svg")
	if got.kind != "roc" || got.output != "x.svg" || !slices.Equal(got.input.by, []string{"forecaster"}) {
		t.Errorf("options %+v", got)
	}
}

// A flag that a command or chart kind would ignore is a usage error: on
// main `plot timeline --by forecaster` drew the same bytes and exited 0.
func TestIgnoredFlagsRefused(t *testing.T) {
	table := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(table, []byte("probability,outcome\n0.3,1\n0.8,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "x.svg")
	for _, args := range [][]string{
		{"plot", "timeline", "--by", "forecaster", "-o", out},
		{"plot", "contributions", "--by", "forecaster", "-o", out},
		{"plot", "sensitivity", "--weight", "question", "-o", out},
		{"plot", "scales", "--dataset", "cpc", "-o", out},
		{"plot", "reliability", "--highlight", "likely", "-o", out},
		{"plot", "roc", "--top", "5", "-o", out},
		{"score", "--data", table, "--scale", "icd-203"},
		{"score", "--data", table, "--reading", "high"},
		{"score", "--dataset", "cpc", "--percent"},
		{"compare", "--by", "forecaster", "--prob-col", "p"},
		{"score", "--data", table, "--forecaster-col", "who"},
		{"score", "--data", table, "--time-col", "t"},
		{"score", "--data", "-", "--table-format", "csv"},
		{"score", "--data", table, "--by", "outcome"},
		{"compare", "--data", table, "--by", "who", "--question", "q", "--question-col", "r"},
		{"compare", "--data", table, "--by", "who", "--question", "q", "--latest", "--time-col", "t"},
		{"compare", "--data", table, "--by", "who", "--question", "outcome"},
	} {
		_, stderr, code := runHindcast(args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (usage)\n%s", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused plot wrote its file")
	}
}

// A file name holding terminal escapes (from a downloaded dataset folder)
// is printed with them escaped, and -o naming a folder is a usage error.
func TestErrorsShowControlCharacters(t *testing.T) {
	name := filepath.Join(t.TempDir(), "r\x1b]0;PWNED\a\x1b[2J.yaml")
	_, stderr, code := runHindcast("forecasts", "validate", name)
	if code != exitData || strings.ContainsAny(stderr, "\x1b\a") {
		t.Errorf("exit %d, stderr %q: raw escapes", code, stderr)
	}
	_, stderr, code = runHindcast("simulate", "-n", "3", "-o", t.TempDir())
	if code != exitUsage || !strings.Contains(stderr, "is a folder") {
		t.Errorf("-o FOLDER: exit %d, %q", code, stderr)
	}
}

// --brier-scale 2 said "0 best, 1 worst (always 50% scores 0.25)"; the CSV
// overall row shared its empty key with a group whose value is empty.
func TestBrierScaleLegendAndCSVRows(t *testing.T) {
	out, _, _ := runHindcast("score", "--by", "forecaster", "--brier-scale", "2", "--bootstrap", "0")
	if !strings.Contains(out, "0 best, 2 worst (always 50% scores 0.5)") {
		t.Errorf("legend of --brier-scale 2:\n%s", out)
	}
	table := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(table, []byte("g,probability,outcome\n,0.3,1\nb,0.8,0\n"), 0o644)
	out, _, _ = runHindcast("score", "--data", table, "--by", "g", "--bootstrap", "0", "--format", "csv")
	var rows []string
	for _, l := range strings.Split(out, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, strings.SplitN(l, ",", 3)[0]+","+strings.SplitN(l, ",", 3)[1])
		}
	}
	if want := []string{"row,g", "all,", "group,", "group,b"}; !slices.Equal(rows, want) {
		t.Errorf("CSV rows %q, want %q", rows, want)
	}
}
