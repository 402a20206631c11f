package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// addByPrompts runs add as on a terminal, answering its questions from
// input; it returns what was written to standard output and error.
func addByPrompts(t *testing.T, to, input string, flags addOptions) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{in: strings.NewReader(input), out: &out, err: &errb}
	flags.to, flags.interactive = to, true
	err := forecastsAdd(s, &flags)
	return out.String(), errb.String(), err
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A bad record is reported with positions, and the file is left exactly
// as it was, permissions included.
func TestAddBadRecordLeavesFile(t *testing.T) {
	tmp := tempDir(t)
	file := filepath.Join(tmp, "seminar.yaml")
	orig := mustRead(t, "../../forecasts/testdata/valid/seminar.yaml")
	if err := os.WriteFile(file, []byte(orig), 0o640); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runHindcast("forecasts", "add", "--to", file,
		"--id", "point", "--question", "Q?", "--forecaster", "F", "--issued", "1990-02-30",
		"--term", "probable", "--scale", "uk-phiaa", "--outcome", "yes", "--statement", "it will", "--wording", "quoted")
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	golden(t, "add-bad-record.stderr", inTemp(tmp, stderr))
	if got := mustRead(t, file); got != orig {
		t.Errorf("the file changed:\n%s", got)
	}
	entries, _ := os.ReadDir(tmp)
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o640 || len(entries) != 1 {
		t.Errorf("mode %v, %d files in the folder", info.Mode(), len(entries))
	}
}

// A good record to a single-file dataset: the file's bytes are kept, the
// record is appended, and the file keeps its permissions.
func TestAddToDatasetFile(t *testing.T) {
	tmp := tempDir(t)
	file := filepath.Join(tmp, "seminar.yaml")
	orig := mustRead(t, "../../forecasts/testdata/valid/seminar.yaml")
	if err := os.WriteFile(file, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runHindcast("forecasts", "add", "--to", file, "--id", "new", "--question", "Q?",
		"--forecaster", "F", "--issued", "1991", "--probability", "0.25", "--outcome", "unresolved")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := orig + "  - id: new\n    question: Q?\n    forecaster: F\n    issued: 1991\n    estimate:\n      probability: 0.25\n    outcome: unresolved\n"
	if got := mustRead(t, file); got != want {
		t.Errorf("got\n%s", got)
	}
	entries, _ := os.ReadDir(tmp)
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 || len(entries) != 1 {
		t.Errorf("mode %v, %d files in the folder (a temporary file left?)", info.Mode(), len(entries))
	}
}

// Prompts ask again after an answer that cannot be right, and say why.
func TestAddPrompts(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "d")
	if _, stderr, code := runHindcast("forecasts", "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	input := strings.Join([]string{
		"",                       // id: required
		"p-1",                    // id
		"Will it rain by 1 May?", // question
		"Desk C",                 // forecaster
		"1 May 1990", "1990-04",  // issued: not a date, then a date
		"quoted", "verbatim", // wording (a --statement was given): not a wording, then one
		"30%", "0.3,0.2x", "fair", // estimate: a percentage, a bad range, then a term
		"icd203", "icd-203", // scale: unknown, then known, but "fair" is not on it
		"likely", "icd-203", // so the estimate again, and its scale
		"perhaps", "maybe", // outcome: not an outcome
	}, "\n")
	_, prompts, err := addByPrompts(t, dir, input, addOptions{draft: forecasts.Draft{Statement: "rain is likely"}})
	if err == nil || err != forecasts.ErrInputEnded {
		t.Errorf("add = %v, want the input to end before an outcome", err)
	}
	golden(t, "add-prompts.stderr", prompts)
	if strings.Contains(mustRead(t, filepath.Join(dir, "records.yaml")), "p-1") {
		t.Error("a record was written although input ended")
	}

	stdout, prompts, err := addByPrompts(t, dir, input+"\nyes\n", addOptions{draft: forecasts.Draft{Statement: "rain is likely"}})
	if err != nil || !strings.Contains(stdout, "added p-1") {
		t.Fatalf("add = %v\n%s", err, prompts)
	}
	ds, err := (&forecasts.Loader{}).Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := ds[0].Records[len(ds[0].Records)-1]
	if r.ID != "p-1" || r.Estimate.Term != "likely" || r.Estimate.Scale != "icd-203" || r.Issued.String() != "1990-04" ||
		r.Statement.Wording != forecasts.Verbatim || r.Outcome != forecasts.Yes {
		t.Errorf("record %+v", r)
	}
}

func TestAddUsage(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "d")
	if _, stderr, code := runHindcast("forecasts", "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	records := filepath.Join(dir, "records.yaml")
	orig := mustRead(t, records)
	base := []string{"forecasts", "add", "--to", records, "--id", "x", "--question", "Q?", "--forecaster", "F", "--issued", "1990", "--outcome", "yes"}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"forecasts", "add", "--id", "x"}, 2, "hindcast: --to is required"},
		{[]string{"forecasts", "add", "--to", records, "--id", "x"}, 2, "hindcast: missing --question, --forecaster, --issued, the estimate (--probability, --range or --term), --outcome: give them as flags, or run on a terminal to be asked for them"},
		{append(base, "--term", "likely"), 2, "hindcast: missing --scale"},
		{append(base, "--range", "0.2"), 2, `hindcast: --range "0.2": write LO,HI, such as 0.2,0.45`},
		{append(base, "--probability", "0.2", "--tag", "region"), 2, `hindcast: --tag "region": write key=value`},
		{[]string{"forecasts", "add", "--to", filepath.Join(dir, "manifest.yaml"), "--id", "x"}, 2, "hindcast: --to TMP/d/manifest.yaml: that is the folder's manifest"},
		{[]string{"forecasts", "add", "--to", filepath.Join(tmp, "none.yaml")}, 1, "hindcast: TMP/none.yaml: no such file; start a dataset with 'hindcast forecasts init DIR'"},
		{append(base, "--probability", "0.2", "--term", "likely", "--scale", "icd-203"), 1, "TMP/d/records.yaml:111:7: estimate: give one of probability, range, or term with scale, not several"},
	} {
		stdout, stderr, code := runHindcast(tc.args...)
		if code != tc.code || stdout != "" || !strings.HasPrefix(inTemp(tmp, stderr), tc.want) {
			t.Errorf("%s: exit %d, stdout %q\n got %s\nwant %s", strings.Join(tc.args[2:], " "), code, stdout, inTemp(tmp, stderr), tc.want)
		}
	}
	if mustRead(t, records) != orig {
		t.Error("a failed add changed the file")
	}
}

// --label writes the record's label, right after its id, and the record
// loads back with it as its name.
func TestAddLabel(t *testing.T) {
	tmp := tempDir(t)
	file := filepath.Join(tmp, "seminar.yaml")
	orig := mustRead(t, "../../forecasts/testdata/valid/seminar.yaml")
	if err := os.WriteFile(file, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runHindcast("forecasts", "add", "--to", file, "--id", "new", "--label", "Rain: it will not (May 1991)",
		"--question", "Q?", "--forecaster", "F", "--issued", "1991-05", "--probability", "0.25", "--outcome", "unresolved")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := orig + "  - id: new\n    label: 'Rain: it will not (May 1991)'\n    question: Q?\n"
	if got := mustRead(t, file); !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s", got[len(orig):])
	}
	ds, err := (&forecasts.Loader{}).Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if r := ds[0].Records[len(ds[0].Records)-1]; r.Label != "Rain: it will not (May 1991)" || r.Name() != r.Label {
		t.Errorf("label %q, name %q", r.Label, r.Name())
	}
}
