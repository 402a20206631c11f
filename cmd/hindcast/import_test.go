package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The flags that read testdata/import/seminar.csv, a coding sheet with
// its own column names, percentages, yes/no outcomes in several cases,
// dates in five forms and a quoted cell over two lines.
var seminarFlags = []string{
	"--map", "Case=id", "--map", "Desk=forecaster", "--map", "Chance=estimate.probability",
	"--map", "Happened=outcome", "--map", "Region=tags.region", "--map", "Comments=note",
	"--percent", "--date-order", "dmy",
}

func importArgs(file, to string, flags ...string) []string {
	return append([]string{"forecasts", "import", file, "--to", to}, flags...)
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// The acceptance test: three bad rows (lines 5, 6 and 7, after a row whose
// quoted cell spans lines 3 and 4) are reported at their line and column;
// nothing is written, not even a temporary file. With --skip-invalid the
// four good rows are written, as a folder that validates, and the three
// skipped rows are listed.
func TestImportBadRowsWriteNothing(t *testing.T) {
	tmp := tempDir(t)
	to := filepath.Join(tmp, "seminar")
	const file = "testdata/import/seminar.csv"
	manifest := []string{"--selection", "random sample", "--title", "Seminar coding sheet"}
	// Columns, counted in the file: line 5 "rebels-1991,<49 characters>,Desk B,Jan 1991," puts 130
	// at 12+49+1+7+9 = 79 (1-based: 78 characters before it); line 6 puts maybe after
	// "border-1990,<39>,Desk A,1990-02-01 00:00:00,70," (12+39+1+7+20+3 = 82); line 7 the
	// date after "vote-1991,<33>,Desk C," (10+33+1+7 = 51).
	problems := file + ":5:79: estimate.probability: 130 is outside 0 to 100 (--percent reads probabilities as percentages)\n" +
		file + `:6:83: outcome: "maybe" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map maybe=OUTCOME` + "\n" +
		file + `:7:52: issued: "31/02/1991": February 1991 has 28 days` + "\n"

	stdout, stderr, code := runHindcast(importArgs(file, to, append(seminarFlags, manifest...)...)...)
	want := file + ": 3 of 7 rows have problems; nothing written (--skip-invalid would import the other 4 rows)\n" + problems
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d\nstdout %q\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	if names := entries(t, tmp); len(names) != 0 {
		t.Errorf("the failed import left %q in the folder", names)
	}

	stdout, stderr, code = runHindcast(importArgs(file, to, append(append(seminarFlags, manifest...), "--skip-invalid")...)...)
	if code != 0 {
		t.Fatalf("--skip-invalid: exit %d\n%s", code, stderr)
	}
	if want := problems + file + ": skipped 3 of 7 rows (lines 5, 6, 7); imported 4\n"; stderr != want {
		t.Errorf("--skip-invalid: stderr\n%s\nwant:\n%s", stderr, want)
	}
	if want := "created TMP/seminar/manifest.yaml\ncreated TMP/seminar/records.yaml (4 records from " + file + ")\n"; inTemp(tmp, stdout) != want {
		t.Errorf("--skip-invalid: stdout %q, want %q", stdout, want)
	}
	// Both files written out by hand, before the import was first run.
	for name, want := range map[string]string{"manifest.yaml": "seminar-manifest.yaml", "records.yaml": "seminar-records.yaml"} {
		if got := mustRead(t, filepath.Join(to, name)); got != mustRead(t, filepath.Join("testdata/import", want)) {
			t.Errorf("%s:\n%s", name, got)
		}
	}
	if names := entries(t, tmp); strings.Join(names, " ") != "seminar" {
		t.Errorf("the folder holds %q", names)
	}
	stdout, stderr, code = runHindcast("forecasts", "validate", to)
	if code != 0 || stdout != "seminar: 4 records, 2 files: ok\n1 dataset, 4 records: ok\n" {
		t.Errorf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
}

// Each built-in dataset, exported as CSV and as JSON Lines, imports with
// no flags into a folder that validates and exports to the same bytes.
func TestImportBuiltinExports(t *testing.T) {
	tmp := tempDir(t)
	for _, name := range []string{"cpc", "historical"} {
		for _, format := range []string{"csv", "jsonl"} {
			export := filepath.Join(tmp, name+"."+format)
			if _, stderr, code := runHindcast("forecasts", "export", "--dataset", name, "-o", export); code != 0 {
				t.Fatalf("export: %s", stderr)
			}
			dir := filepath.Join(tmp, name+"-"+format)
			stdout, stderr, code := runHindcast("forecasts", "import", export, "--to", dir)
			n := map[string]string{"cpc": "5", "historical": "21"}[name]
			if code != 0 || stderr != "" || inTemp(tmp, stdout) != "created TMP/"+name+"-"+format+"/manifest.yaml\ncreated TMP/"+name+"-"+format+"/records.yaml ("+n+" records from TMP/"+name+"."+format+")\n" {
				t.Fatalf("import %s: exit %d\n%s%s", export, code, stdout, stderr)
			}
			if stdout, _, code := runHindcast("forecasts", "validate", dir); code != 0 || stdout != name+": "+n+" records, 2 files: ok\n1 dataset, "+n+" records: ok\n" {
				t.Errorf("validate %s: exit %d\n%s", dir, code, stdout)
			}
			again, stderr, code := runHindcast("forecasts", "export", "--data", dir, "--format", format)
			if code != 0 || again != mustRead(t, export) {
				t.Errorf("%s %s: export → import → export changed the bytes (exit %d)\n%s", name, format, code, stderr)
			}
		}
	}
}

// Adding to a dataset folder writes a new record file beside the others;
// an id already in the folder is refused, and nothing is written then.
func TestImportAppend(t *testing.T) {
	tmp := tempDir(t)
	to := filepath.Join(tmp, "seminar")
	if _, stderr, code := runHindcast(importArgs("testdata/import/seminar.csv", to, append(seminarFlags,
		"--selection", "random sample", "--title", "Seminar coding sheet", "--skip-invalid")...)...); code != 0 {
		t.Fatal(stderr)
	}
	records := mustRead(t, filepath.Join(to, "records.yaml"))
	more := []string{"--map", "Case=id", "--map", "Desk=forecaster", "--map", "Chance=estimate.probability", "--map", "Happened=outcome", "--percent", "--date-order", "dmy"}

	// treaty-1990 is at line 4, column 5 of records.yaml (after the comment and records:).
	stdout, stderr, code := runHindcast(importArgs("testdata/import/more.csv", to, more...)...)
	want := "testdata/import/more.csv: 1 of 2 rows has problems; nothing written (--skip-invalid would import the other 1 row)\n" +
		`testdata/import/more.csv:3:1: id: duplicate id "treaty-1990" (first used at TMP/seminar/records.yaml:4:5)` + "\n"
	if code != 1 || stdout != "" || inTemp(tmp, stderr) != want {
		t.Errorf("duplicate id: exit %d\n%s%s", code, stdout, stderr)
	}
	if names := entries(t, to); strings.Join(names, " ") != "manifest.yaml records.yaml" {
		t.Errorf("the failed import left %q", names)
	}

	stdout, stderr, code = runHindcast(importArgs("testdata/import/more.csv", to, append(more, "--skip-invalid")...)...)
	if code != 0 || inTemp(tmp, stdout) != "created TMP/seminar/more.yaml (1 record from testdata/import/more.csv); seminar now holds 5 records\n" {
		t.Errorf("append: exit %d\n%s%s", code, stdout, stderr)
	}
	if mustRead(t, filepath.Join(to, "records.yaml")) != records {
		t.Error("records.yaml changed")
	}
	stdout, _, code = runHindcast("forecasts", "validate", to)
	if code != 0 || stdout != "seminar: 5 records, 3 files: ok\n1 dataset, 5 records: ok\n" {
		t.Errorf("validate: exit %d\n%s", code, stdout)
	}

	// The same file again: its record file exists.
	_, stderr, code = runHindcast(importArgs("testdata/import/more.csv", to, more...)...)
	if want := "hindcast: TMP/seminar/more.yaml exists; records are added as a new file: name it with --records-file NAME.yaml\n"; code != 2 || inTemp(tmp, stderr) != want {
		t.Errorf("again: exit %d\n%s", code, stderr)
	}
	// The folder's manifest is kept: manifest flags are a mistake.
	_, stderr, code = runHindcast(importArgs("testdata/import/more.csv", to, append(more, "--title", "New", "--records-file", "x.yaml")...)...)
	if want := "hindcast: --title: TMP/seminar is a dataset folder, whose manifest the records join; edit TMP/seminar/manifest.yaml instead\n"; code != 2 || inTemp(tmp, stderr) != want {
		t.Errorf("manifest flag: exit %d\n%s", code, stderr)
	}
}

// Bad flags, and columns that do not fit them, are usage errors (exit 2)
// and write nothing.
func TestImportUsage(t *testing.T) {
	tmp := tempDir(t)
	if err := os.WriteFile(filepath.Join(tmp, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(tmp, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	const sheet = "testdata/import/seminar.csv"
	to := filepath.Join(tmp, "new")
	sel := []string{"--selection", "all"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"forecasts", "import", sheet}, "hindcast: --to is required: the dataset folder to write (a new folder, or a dataset folder to add the records to)\n"},
		{importArgs(sheet, to, seminarFlags...),
			"hindcast: --selection is required: testdata/import/seminar.csv holds no manifest, so say how the records were chosen: all, random sample, chosen for failure,\n" +
				"notable or unknown. There is no default, because the answer decides what the\n" +
				"scores can mean: only all the judgments of a kind, or a random sample of them,\n" +
				"can measure a forecaster's calibration; a set chosen for failure, or for being\n" +
				"notable, describes those cases and nothing more. If nobody can tell, say unknown.\n"},
		{importArgs(sheet, to, append(seminarFlags, "--selection", "everything")...),
			"hindcast: --selection \"everything\": say how the records were chosen: all, random sample, chosen for failure,\n" +
				"notable or unknown. There is no default, because the answer decides what the\n" +
				"scores can mean: only all the judgments of a kind, or a random sample of them,\n" +
				"can measure a forecaster's calibration; a set chosen for failure, or for being\n" +
				"notable, describes those cases and nothing more. If nobody can tell, say unknown.\n"},
		{importArgs(sheet, to, "--map", "Case"), "hindcast: --map \"Case\": write COLUMN=FIELD, or COLUMN= to skip the column\n"},
		{importArgs(sheet, to, "--map", "Chance=estimate.prob"), "hindcast: --map Chance=estimate.prob: \"estimate.prob\" is not a field; did you mean estimate.probability or estimate.probabilities?\n"},
		{importArgs(sheet, to, "--map", "Case=id", "--map", "Case=question"), "hindcast: --map: column \"Case\" is mapped twice\n"},
		{importArgs(sheet, to, "--map", "Case=id", "--map", "Desk=id"), "hindcast: columns \"Case\" and \"Desk\" are both mapped to id: a field comes from one column\n"},
		{importArgs(sheet, to, "--date-order", "ymd"), "hindcast: --date-order: unknown date order \"ymd\"; want dmy (31/08/1978) or mdy (08/31/1978)\n"},
		{importArgs(sheet, to, "--outcome-map", "resolved=done"), "hindcast: --outcome-map resolved=done: \"done\" is not an outcome; use yes, no, unresolved or ambiguous\n"},
		{importArgs("notes.txt", to), "hindcast: cannot tell the table format of \"notes.txt\" from its extension; use .csv, .jsonl or .ndjson, or give the format (--format)\n"},
		{importArgs(sheet, filepath.Join(tmp, "file")), "hindcast: --to TMP/file is a file; import writes a dataset folder: give the name of a new folder, or of a dataset folder to add the records to\n"},
		{importArgs(sheet, filepath.Join(tmp, "folder")), "hindcast: --to TMP/folder exists and is not a dataset folder (it has no manifest.yaml): give the name of a new folder, or of a dataset folder to add the records to\n"},
		{importArgs(sheet, to, append(sel, "--records-file", "sub/records.yaml")...), "hindcast: --records-file \"sub/records.yaml\": give a file name, without a folder\n"},
		// Columns that do not fit the flags: positioned, at the header cells
		// (Case,Question,Desk,Issued,Chance,Happened,Region,Comments: Desk at
		// 15, Happened at 34, Region at 43, Comments at 50).
		{importArgs(sheet, to, append(sel, "--map", "Case=id", "--map", "Chance=estimate.probability", "--map", "Happend=outcome")...),
			sheet + ":1:1: Happend: --map names column \"Happend\", which the file does not have; did you mean \"Happened\"?\n" +
				sheet + ":1:15: Desk: unknown column: no field is named so; map it with --map Desk=FIELD, skip it with --map Desk=, or pass --ignore-unknown\n" +
				sheet + ":1:34: Happened: unknown column: no field is named so; map it with --map Happened=FIELD, skip it with --map Happened=, or pass --ignore-unknown\n" +
				sheet + ":1:43: Region: unknown column: no field is named so; map it with --map Region=FIELD, skip it with --map Region=, or pass --ignore-unknown\n" +
				sheet + ":1:50: Comments: unknown column: no field is named so; map it with --map Comments=FIELD, skip it with --map Comments=, or pass --ignore-unknown\n"},
	} {
		stdout, stderr, code := runHindcast(tc.args...)
		if code != 2 || stdout != "" || inTemp(tmp, stderr) != tc.want {
			t.Errorf("%q: exit %d, stdout %q\nstderr:\n%s\nwant:\n%s", tc.args, code, stdout, stderr, tc.want)
		}
	}
	if names := entries(t, tmp); strings.Join(names, " ") != "file folder" {
		t.Errorf("usage errors left %q", names)
	}
}

// --ignore-unknown says which columns it skipped.
func TestImportIgnoreUnknown(t *testing.T) {
	tmp := tempDir(t)
	const sheet = "testdata/import/seminar.csv"
	stdout, stderr, code := runHindcast(importArgs(sheet, filepath.Join(tmp, "s"), "--selection", "notable", "--map", "Case=id", "--map", "Desk=forecaster",
		"--map", "Chance=estimate.probability", "--map", "Happened=outcome", "--percent", "--date-order", "dmy", "--ignore-unknown", "--skip-invalid")...)
	if code != 0 || !strings.HasPrefix(stderr, sheet+": ignored 2 columns that hold no field: \"Region\", \"Comments\"\n") || !strings.Contains(stdout, "(4 records from") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// Standard input, with --format: JSON Lines whose keys are named after
// fields, with nested objects as the JSON Lines export writes them.
func TestImportStdin(t *testing.T) {
	tmp := tempDir(t)
	in := `{"id": "a", "question": "Will A?", "forecaster": "F", "issued": "Aug 1978", "estimate": {"probability": 0.3}, "outcome": "N"}` + "\n"
	var out, errb strings.Builder
	code := hindcastMain([]string{"forecasts", "import", "-", "--format", "jsonl", "--to", filepath.Join(tmp, "s"), "--selection", "unknown"}, strings.NewReader(in), &out, &errb)
	if code != 0 || inTemp(tmp, out.String()) != "created TMP/s/manifest.yaml\ncreated TMP/s/records.yaml (1 record from -)\n" {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	want := "# The manifest of the dataset s, imported from standard input by hindcast forecasts import.\n" +
		"# The format, field by field, is docs/format.md in the hindcast repository.\n\n" +
		"name: s\ntitle: Forecast records imported from standard input\nselection: unknown\n"
	if got := mustRead(t, filepath.Join(tmp, "s", "manifest.yaml")); got != want {
		t.Errorf("manifest.yaml:\n%s", got)
	}
	if got := mustRead(t, filepath.Join(tmp, "s", "records.yaml")); !strings.Contains(got, "    issued: 1978-08\n") || !strings.Contains(got, "    outcome: no\n") {
		t.Errorf("records.yaml:\n%s", got)
	}
}

// Every example of the help runs as written, in a fresh folder: printf
// lines are written as files, hindcast lines run in process.
func TestImportHelpExamples(t *testing.T) {
	tmp := tempDir(t)
	t.Chdir(tmp)
	example := newForecastsImportCmd(&streams{}).Example
	example = strings.ReplaceAll(example, "\\\n", "")
	ran := 0
	for _, line := range strings.Split(example, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "printf '"):
			text, file, ok := strings.Cut(strings.TrimPrefix(line, "printf '"), "' > ")
			if !ok {
				t.Fatalf("cannot read %q", line)
			}
			if err := os.WriteFile(file, []byte(strings.ReplaceAll(text, `\n`, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(line, "hindcast "):
			args := shellWords(t, strings.TrimPrefix(line, "hindcast "))
			if stdout, stderr, code := runHindcast(args...); code != 0 {
				t.Errorf("%s: exit %d\n%s%s", line, code, stdout, stderr)
			}
			ran++
		default:
			t.Errorf("an example line this test cannot run: %q", line)
		}
	}
	if ran != 7 {
		t.Errorf("ran %d hindcast lines, want 7", ran)
	}
	stdout, _, _ := runHindcast("forecasts", "list", "--data", "seminar")
	if !strings.Contains(stdout, "t-1990") || !strings.Contains(stdout, "p-1992") {
		t.Errorf("the examples' dataset:\n%s", stdout)
	}
}

// shellWords splits a command line at spaces, keeping "quoted words" whole.
func shellWords(t *testing.T, s string) []string {
	var words []string
	var w strings.Builder
	quoted, inWord := false, false
	for _, c := range s {
		switch {
		case c == '"':
			quoted, inWord = !quoted, true
		case c == ' ' && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
			}
			inWord = false
		default:
			w.WriteRune(c)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unbalanced quotes in %q", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// A table as a forecasting tournament gives it: no id column, ids that
// are not ids here (-200978), the probability in a column named p.
// --id-template makes the ids; the dataset written exports, imports and
// exports again to the same bytes.
func TestImportIDTemplate(t *testing.T) {
	tmp := tempDir(t)
	sheet := filepath.Join(tmp, "gjp.csv")
	const table = "forecast_id,question,forecaster,issued,p,outcome\n" +
		"-200978,Will A?,F17,2012-09-05,0.3,no\n" +
		"-200979,Will B?,F17,2012-09-06,0.65,yes\n"
	if err := os.WriteFile(sheet, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "gjp")
	stdout, stderr, code := runHindcast(importArgs(sheet, dir, "--selection", "all", "--id-template", "gjp-{forecast_id}")...)
	if code != 0 || inTemp(tmp, stderr) != "TMP/gjp.csv: column \"p\" read as estimate.probability (--map p=FIELD says otherwise)\n" ||
		inTemp(tmp, stdout) != "created TMP/gjp/manifest.yaml\ncreated TMP/gjp/records.yaml (2 records from TMP/gjp.csv)\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	records := mustRead(t, filepath.Join(dir, "records.yaml"))
	if !strings.Contains(records, "  - id: gjp--200978\n") || !strings.Contains(records, "  - id: gjp--200979\n") || !strings.Contains(records, "probability: 0.65") {
		t.Errorf("records.yaml:\n%s", records)
	}
	first, stderr, code := runHindcast("forecasts", "export", "--data", dir, "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	export := filepath.Join(tmp, "export.csv")
	if err := os.WriteFile(export, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runHindcast("forecasts", "import", export, "--to", filepath.Join(tmp, "again")); code != 0 {
		t.Fatal(stderr)
	}
	if second, _, _ := runHindcast("forecasts", "export", "--data", filepath.Join(tmp, "again"), "--format", "csv"); second != first {
		t.Errorf("export → import → export changed the bytes\n%s---\n%s", first, second)
	}
}

// A template that names a column the file lacks, or cannot be read, is
// a usage error; ids it makes that are not ids, or not unique, are bad
// rows. Nothing is written either way.
func TestImportIDTemplateErrors(t *testing.T) {
	tmp := tempDir(t)
	sheet := filepath.Join(tmp, "s.csv")
	const table = "case,question,forecaster,issued,p,outcome\n" +
		"a,Will A?,F,1990,0.3,no\n" +
		"a b,Will B?,F,1990,0.3,no\n" +
		"a,Will C?,F,1990,0.3,no\n"
	if err := os.WriteFile(sheet, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(tmp, "out")
	for _, tc := range []struct {
		template string
		code     int
		want     string
	}{
		{"x{cse}", 2, "TMP/s.csv:1:1: case: unknown column: no field is named so; map it with --map case=FIELD, skip it with --map case=, or pass --ignore-unknown\n" +
			`TMP/s.csv:1:1: id: --id-template "x{cse}" names column "cse", which the file does not have; did you mean "case"?` + "\n"},
		{"x", 2, `hindcast: --id-template: id template "x" names no column and not {row}: every row would get the same id` + "\n"},
		{"x{case", 2, `hindcast: --id-template: id template "x{case": a { is not closed: write {COLUMN} or {row}` + "\n"},
		{"x-{case}", 1, "TMP/s.csv: 2 of 3 rows have problems; nothing written (--skip-invalid would import the other 1 row)\n" +
			`TMP/s.csv:3:1: id: row 2: --id-template "x-{case}" gives "x-a b", which is not an id: an id uses letters, digits and . _ : - and starts with a letter or digit` + "\n" +
			`TMP/s.csv:4:1: id: row 3: --id-template "x-{case}" gives "x-a", as it did for row 1 (line 2): ids must be unique; add {row}, or a column that tells the rows apart, to the template` + "\n"},
	} {
		stdout, stderr, code := runHindcast(importArgs(sheet, to, "--selection", "all", "--id-template", tc.template)...)
		if code != tc.code || stdout != "" || inTemp(tmp, stderr) != tc.want {
			t.Errorf("%s: exit %d\n%s%s\nwant:\n%s", tc.template, code, stdout, inTemp(tmp, stderr), tc.want)
		}
	}
	if names := entries(t, tmp); strings.Join(names, " ") != "s.csv" {
		t.Errorf("left %q", names)
	}
	// {row} numbers the rows.
	if _, stderr, code := runHindcast(importArgs(sheet, to, "--selection", "all", "--id-template", "s{row}", "--map", "case=")...); code != 0 ||
		!strings.Contains(mustRead(t, filepath.Join(to, "records.yaml")), "  - id: s3\n") {
		t.Errorf("{row}: exit %d\n%s", code, stderr)
	}
}
