package forecasts

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tableQuotedText matches a Go-quoted string.
var tableQuotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

var tableUpdate = flag.Bool("update-table", false, "rewrite testdata/table/*.golden")

// tableFileOptions are the options each file of testdata/table is read
// with; the fuzz target uses them too.
var tableFileOptions = []TableOptions{
	0: {Format: TableCSV},
	1: {Format: TableCSV, Groups: []string{"team"}, Weight: "weight"},
	2: {Format: TableCSV, Percent: true, Groups: []string{"forecaster"}},
	3: {Format: TableCSV, Counts: true, Groups: []string{"bin"}},
	4: {Format: TableCSV, Probability: "prob", Groups: []string{"group"}, MaxLineBytes: 64, MaxErrors: 3},
	5: {Format: TableCSV, Comma: ';', Groups: []string{"g", "h"}},
	6: {Format: TableJSONL, Groups: []string{"team"}, Weight: "weight"},
	7: {Format: TableJSONL, Probability: "prob", Groups: []string{"group"}, MaxLineBytes: 64},
	8: {Format: TableJSONL, Counts: true},
}

var tableFiles = map[string]int{ // file → index in tableFileOptions
	"tournament.csv":    1,
	"percent.csv":       2,
	"percent-signs.csv": 2,
	"counts.csv":        3,
	"messy.csv":         4,
	"tournament.jsonl":  6,
	"messy.jsonl":       7,
}

// TestReadTableFiles reads the files of testdata/table and compares
// what it gets with NAME.golden; -update-table rewrites those.
func TestReadTableFiles(t *testing.T) {
	for name, mode := range tableFiles {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "table", name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := readTableAllWays(t, name, string(data), tableFileOptions[mode], false)
			got := fmt.Sprintf("%+v\n\ntallies (group probability weight yes):\n%s\nerrors:\n%s\n",
				res.Stats, res.Tally, strings.Join(res.Errs, "\n"))
			golden := path + ".golden"
			if *tableUpdate {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				os.WriteFile(golden+".got", []byte(got), 0o644)
				t.Errorf("%s differs from %s (got written to %[2]s.got):\n%s", name, golden, got)
			}
		})
	}
}

// FuzzReadTable reads any bytes with one of tableFileOptions (mode
// modulo their number) and checks that the reader neither panics nor
// gives raw library messages, that every block size and worker count
// and ReadTableRows give the same result, and that a CSV table that
// encoding/csv reads gives the tallies of the reference reader.
func FuzzReadTable(f *testing.F) {
	for name, mode := range tableFiles {
		data, err := os.ReadFile(filepath.Join("testdata", "table", name))
		if err != nil {
			f.Fatal(err)
		}
		for m, opt := range tableFileOptions {
			if opt.Format == tableFileOptions[mode].Format {
				f.Add(data, uint8(m))
			}
		}
	}
	for _, r := range tableFuzzRegressions(f) {
		f.Add(r.data, r.mode)
	}
	f.Fuzz(checkTableInput)
}

type tableRegression struct {
	name string
	data []byte
	mode uint8
}

// tableFuzzRegressions loads testdata/table/fuzz/MODE-NAME: inputs the
// fuzzer once failed on, read with tableFileOptions[MODE].
func tableFuzzRegressions(t testing.TB) []tableRegression {
	paths, err := filepath.Glob(filepath.Join("testdata", "table", "fuzz", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var rs []tableRegression
	for _, p := range paths {
		mode, _, _ := strings.Cut(filepath.Base(p), "-")
		m, err := strconv.ParseUint(mode, 10, 8)
		if err != nil {
			t.Fatalf("%s: the name must start with the mode and a dash", p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, tableRegression{filepath.Base(p), data, uint8(m)})
	}
	return rs
}

func TestReadTableFuzzRegressions(t *testing.T) {
	for _, r := range tableFuzzRegressions(t) {
		t.Run(r.name, func(t *testing.T) { checkTableInput(t, r.data, r.mode) })
	}
}

func checkTableInput(t *testing.T, data []byte, mode uint8) {
	opt := tableFileOptions[int(mode)%len(tableFileOptions)]
	opt.BlockBytes = 4096 // rather than 4 MiB buffers for tiny inputs
	block := 4 + int(mode)/len(tableFileOptions)%16
	in := string(data)
	res := readTableWays(t, "f", in, opt, true, []int{block, 4096}, []int{1, 3})

	_, _, err := ReadTable("f", strings.NewReader(in), opt, newTableTally)
	var errs ErrorList
	if err != nil {
		var ok bool
		if errs, ok = err.(ErrorList); !ok {
			t.Fatalf("error %v is not an ErrorList", err)
		}
	}
	if !slices.IsSortedFunc(errs, func(a, b *Error) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) }) {
		t.Errorf("errors not sorted:\n%s", errs.Format(0))
	}
	for _, e := range errs {
		// Values from the input appear quoted in messages: look for
		// library messages and fmt mistakes outside them.
		msg := tableQuotedText.ReplaceAllString(e.Msg, `"…"`)
		for _, raw := range []string{"strconv", "runtime error", "panic", "invalid syntax", "encoding/", "%!"} {
			if strings.Contains(msg, raw) {
				t.Errorf("raw message: %s", e.Msg)
			}
		}
		if e.File != "f" || e.Msg == "" || e.Col < 0 || e.Line < 1 && !strings.HasPrefix(e.Msg, "the table is empty") {
			t.Errorf("badly placed error %+v", *e)
		}
	}
	st := res.Stats
	if st.Rows < st.Skipped+st.Bad || st.Errors < int64(len(errs)) || st.Errors < st.Bad || (st.Errors > 0) != (len(errs) > 0) {
		t.Errorf("inconsistent stats %+v with %d errors", st, len(errs))
	}

	if opt.Format != TableCSV || opt.MaxLineBytes != 0 {
		return
	}
	refSt, ref, ok := refReadCSV(in, opt)
	if !ok {
		return
	}
	refSt.Errors, refSt.Bytes = st.Errors, st.Bytes
	if st != refSt || res.Tally != ref.String() {
		t.Errorf("encoding/csv reads the table, but\ngot  %+v\n%s\nwant %+v\n%s\nerrors:\n%s",
			st, res.Tally, refSt, ref.String(), strings.Join(res.Errs, "\n"))
	}
}
