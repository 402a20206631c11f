package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
)

// percentTables writes one table of percentages twice, with and without
// % signs, and a table of fractions, and returns their paths.
func percentTables(t *testing.T) (signs, plain, fractions string) {
	t.Helper()
	dir := t.TempDir()
	rows := [][]string{{"A", "1", "70", "1"}, {"B", "1", "30", "0"}, {"A", "2", "12.5", "0"}, {"B", "2", "100", "1"}, {"A", "3", "0", "0"}, {"B", "3", "55", "1"}}
	write := func(name string, p func(string) string) string {
		var b strings.Builder
		b.WriteString("group,day,probability,outcome\n")
		for _, r := range rows {
			b.WriteString(strings.Join([]string{r[0], r[1], p(r[2]), r[3]}, ",") + "\n")
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	signs = write("signs.csv", func(s string) string { return `" ` + s + ` %"` })
	plain = write("plain.csv", func(s string) string { return s })
	fractions = write("fractions.csv", func(s string) string { return "0.0" + strings.ReplaceAll(s, ".", "") })
	return signs, plain, fractions
}

// score --percent and compare --percent read "70%" as import does; a
// table that looks like fractions gets a warning.
func TestTablePercentSigns(t *testing.T) {
	signs, plain, fractions := percentTables(t)
	strip := func(out, path string) string { return strings.ReplaceAll(out, filepath.Base(path), "T.csv") }
	for _, args := range [][]string{
		{"score", "--percent", "--by", "group", "--format", "json", "--bootstrap", "0"},
		{"score", "--percent", "--latest", "--question-col", "day", "--time-col", "day", "--by", "group", "--forecaster-col", "group", "--format", "json", "--bootstrap", "0"},
		{"compare", "--percent", "--by", "group", "--question", "day", "--format", "json"},
	} {
		var outs []string
		for _, path := range []string{signs, plain} {
			stdout, stderr, code := runHindcast(append(args, "--data", path)...)
			if code != 0 {
				t.Fatalf("%v on %s: exit %d: %s", args, filepath.Base(path), code, stderr)
			}
			outs = append(outs, strip(withoutProvenance(t, stdout), path))
		}
		if outs[0] != outs[1] {
			t.Errorf("%v: with %% signs\n%s\nwithout\n%s", args, outs[0], outs[1])
		}
		if strings.Contains(outs[0], evaluate.WarnPercentFractions) {
			t.Errorf("%v: a percent-fractions warning for percentages:\n%s", args, outs[0])
		}

		stdout, stderr, code := runHindcast(append(args, "--data", fractions)...)
		if code != 0 {
			t.Fatalf("%v on fractions: exit %d: %s", args, code, stderr)
		}
		var out struct {
			Warnings []struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(out.Warnings, func(w struct{ Code, Message string }) bool { return w.Code == evaluate.WarnPercentFractions })
		if i < 0 || !strings.Contains(out.Warnings[i].Message, "fractions.csv") || !strings.Contains(out.Warnings[i].Message, "drop --percent") {
			t.Errorf("%v on fractions: warnings %+v, want %s naming the file", args, out.Warnings, evaluate.WarnPercentFractions)
		}
	}
}
