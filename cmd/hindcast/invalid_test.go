package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The invalid corpus: testdata/invalid holds malformed inputs of every
// format, NAME.yaml, NAME.csv, NAME.jsonl or a folder NAME, each with
// NAME.golden: the exit code, standard error and standard output of
//
//	forecasts validate NAME           (a dataset file or folder)
//	score --data NAME                 (a flat table, .csv or .jsonl)
//
// or of the command line in NAME.args, one argument a line, where $IN is
// the input, $OUT a path in a fresh temporary folder that must not exist
// afterwards, and $COPY a copy of the input there, which must not change.
// A line of NAME.args starting with # is a comment; "# unpositioned:
// REASON" allows problems without a line, saying why none can be given.
// Inputs too large or too odd to commit (generated-*) are made by
// generatedInputs. go test -update rewrites the golden files.
//
// For each case: the exit code is 1 (2 for usage errors), nothing is
// written to standard output, every problem is placed as FILE:LINE:COL:,
// and nothing is written: the temporary folder holds afterwards exactly
// what it held before. A dataset that fails to validate must also fail,
// writing nothing, to report -o, export -o and add --to.
//
// Some problems are placed on a line without a column: the YAML parser's
// (it gives no column), a table's missing column (the header row is the
// place), a UTF-16 table (the whole file), and the rows --weight and
// --latest read (the row is the place).

// generatedInputs makes the inputs of the generated-* cases.
var generatedInputs = map[string]func() (ext string, data []byte){
	// One row of 10 MB, ten times the longest row a table may have.
	"generated-long-line": func() (string, []byte) {
		var b bytes.Buffer
		b.WriteString("probability,outcome,note\n0.2,1,short\n0.3,0,")
		b.Write(bytes.Repeat([]byte("x"), 10<<20))
		b.WriteString("\n0.4,1,short\n")
		return ".csv", b.Bytes()
	},
	"generated-deep-nesting": func() (string, []byte) {
		return ".yaml", []byte("dataset: {name: x, title: x, selection: all}\nrecords:\n  - id: r\n    notes: " +
			strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n")
	},
	"generated-too-deep": func() (string, []byte) {
		return ".yaml", []byte("dataset: {name: x, title: x, selection: all}\nrecords:\n  - id: r\n    notes: " +
			strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n")
	},
	"generated-alias-fanout": func() (string, []byte) {
		var b strings.Builder
		b.WriteString("dataset: {name: x, title: x, selection: all}\nx: &r {")
		for i := range 20000 {
			fmt.Fprintf(&b, "k%d: 1, ", i)
		}
		b.WriteString("}\nrecords: [" + strings.TrimSuffix(strings.Repeat("*r, ", 999), ", ") + "]\n")
		return ".yaml", []byte(b.String())
	},
}

// invalidCase is one case of the corpus.
type invalidCase struct {
	name        string
	input       string   // path of the input; "" when the case has none
	args        []string // the command line, $IN, $OUT and $COPY still unreplaced
	unpositions bool     // problems without a line are allowed
}

func invalidCases(t *testing.T) []invalidCase {
	dir := filepath.Join("testdata", "invalid")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*invalidCase{}
	get := func(name string) *invalidCase {
		if byName[name] == nil {
			byName[name] = &invalidCase{name: name}
		}
		return byName[name]
	}
	for _, e := range entries {
		name, ext := e.Name(), filepath.Ext(e.Name())
		base := strings.TrimSuffix(name, ext)
		switch {
		case e.IsDir():
			get(name).input = filepath.Join(dir, name)
		case ext == ".golden":
			get(base)
		case ext == ".args":
			c := get(base)
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
				switch {
				case strings.HasPrefix(line, "# unpositioned:"):
					c.unpositions = true
				case strings.HasPrefix(line, "#"):
				default:
					c.args = append(c.args, line)
				}
			}
		case ext == ".yaml" || ext == ".csv" || ext == ".jsonl":
			get(base).input = filepath.Join(dir, name)
		default:
			t.Fatalf("%s: a case is NAME.yaml, .csv, .jsonl, a folder, .args or .golden", name)
		}
	}
	var out []invalidCase
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range byName {
			if !yield(k) {
				return
			}
		}
	}) {
		c := byName[name]
		if _, gen := generatedInputs[name]; !gen && c.input == "" && c.args == nil {
			t.Fatalf("case %s has neither an input nor NAME.args", name)
		}
		if c.args == nil {
			if ext := filepath.Ext(c.input); ext == ".csv" || ext == ".jsonl" {
				c.args = []string{"score", "--data", "$IN"}
			} else {
				c.args = []string{"forecasts", "validate", "$IN"}
			}
		}
		out = append(out, *c)
	}
	return out
}

// positioned matches a line of standard error that places a problem:
// FILE:LINE:COL: or FILE:LINE: (the YAML parser gives no column), or the
// count of the problems beyond those printed.
var positioned = regexp.MustCompile(`^([^:\s][^:]*):([1-9][0-9]*):([1-9][0-9]*:)? |^\.\.\. and [0-9]+ more errors`)

// notes are lines of standard error that sum up the problems listed
// with them, not problems themselves.
var notes = regexp.MustCompile(`^\S[^:]*: (not changed\. The record would have started|[0-9]+ of [0-9]+ rows? ha(s|ve) problems; nothing written)`)

// snapshot lists every file under dir with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copyInput copies a file or folder to dst.
func copyInput(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runWrites runs args in tmp and checks that it fails, prints nothing to
// standard output, and leaves tmp as it was.
func runWrites(t *testing.T, tmp string, args ...string) (stderr string, code int) {
	t.Helper()
	before := snapshot(t, tmp)
	stdout, stderr, code := runHindcast(args...)
	if code == 0 || stdout != "" {
		t.Errorf("hindcast %s: exit %d, stdout %q; want a failure and nothing on stdout", strings.Join(args, " "), code, stdout)
	}
	after := snapshot(t, tmp)
	for p, data := range after {
		if old, ok := before[p]; !ok {
			t.Errorf("hindcast %s wrote %s", strings.Join(args, " "), p)
		} else if old != data {
			t.Errorf("hindcast %s changed %s", strings.Join(args, " "), p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("hindcast %s removed %s", strings.Join(args, " "), p)
		}
	}
	return stderr, code
}

func TestInvalidCorpus(t *testing.T) {
	cases := invalidCases(t)
	if len(cases) < 40 {
		t.Errorf("%d cases in testdata/invalid, want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			input := c.input
			if gen, ok := generatedInputs[c.name]; ok {
				ext, data := gen()
				input = filepath.Join(tmp, "in", c.name+ext)
				if err := os.MkdirAll(filepath.Dir(input), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(input, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			work := filepath.Join(tmp, "work")
			if err := os.Mkdir(work, 0o755); err != nil {
				t.Fatal(err)
			}
			copyPath := ""
			if input != "" {
				copyPath = filepath.Join(work, filepath.Base(input))
				copyInput(t, input, copyPath)
			}
			var args []string
			for _, a := range c.args {
				a = strings.ReplaceAll(a, "$IN", input)
				a = strings.ReplaceAll(a, "$OUT", filepath.Join(work, "out"))
				a = strings.ReplaceAll(a, "$COPY", copyPath)
				args = append(args, a)
			}
			stderr, code := runWrites(t, work, args...)
			if code != exitData && code != exitUsage {
				t.Errorf("exit %d, want %d (bad data) or %d (usage)", code, exitData, exitUsage)
			}
			for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				if !positioned.MatchString(line) && !notes.MatchString(line) && !c.unpositions {
					t.Errorf("problem not placed as FILE:LINE:COL: %q", line)
				}
			}
			if stderr == "" {
				t.Errorf("exit %d with nothing on standard error", code)
			}
			out := strings.ReplaceAll(stderr, tmp, "$TMP")
			golden(t, filepath.Join("invalid", c.name+".golden"), fmt.Sprintf("# exit %d\n-- stderr --\n%s-- stdout --\n", code, out))

			// A dataset that does not validate is not reported on,
			// exported or added to.
			if slices.Equal(c.args, []string{"forecasts", "validate", "$IN"}) {
				runWrites(t, work, "report", "--data", input, "-o", filepath.Join(work, "report"))
				runWrites(t, work, "report", "--data", input, "-o", filepath.Join(work, "report"), "--format", "markdown")
				runWrites(t, work, "forecasts", "export", "--data", input, "-o", filepath.Join(work, "export.yaml"))
				runWrites(t, work, "forecasts", "export", "--data", input, "--format", "csv", "-o", filepath.Join(work, "export.csv"))
				// (add makes the records: list of a file that has none.)
				if info, err := os.Stat(copyPath); err == nil && !info.IsDir() && !strings.Contains(stderr, "records: required field is missing") {
					runWrites(t, work, "forecasts", "add", "--to", copyPath, "--id", "added-1", "--question", "Will it?",
						"--forecaster", "F", "--issued", "1990", "--probability", "0.3", "--outcome", "no")
				}
			}
		})
	}
}

// The corpus's golden files all belong to a case.
func TestInvalidCorpusGoldens(t *testing.T) {
	cases := invalidCases(t)
	names := map[string]bool{}
	for _, c := range cases {
		names[c.name] = true
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "invalid", "*.golden"))
	for _, p := range paths {
		if !names[strings.TrimSuffix(filepath.Base(p), ".golden")] {
			t.Errorf("%s belongs to no case", p)
		}
	}
	if len(paths) != len(cases) && !*update {
		t.Errorf("%d golden files for %d cases (go test -update writes the missing ones)", len(paths), len(cases))
	}
}
