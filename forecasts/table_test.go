package forecasts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tableResult is what a read gives, in comparable form.
type tableResult struct {
	Stats TableStats
	Tally string   // tableMerged.String()
	Errs  []string // one line per error; "ERROR: ..." for an error that is not an ErrorList
}

func tableErrLines(err error) []string {
	var el ErrorList
	if errors.As(err, &el) {
		lines := make([]string, len(el))
		for i, e := range el {
			lines[i] = e.Error()
		}
		return lines
	}
	if err != nil {
		return []string{"ERROR: " + err.Error()}
	}
	return nil
}

// Block sizes and worker counts every test input is read with.
var (
	tableTestBlocks  = []int{4, 5, 7, 16, 64, 0}
	tableTestWorkers = []int{1, 2, 3}
)

// readTableAllWays reads in with every block size and worker count of
// the test and with ReadTableRows, fails unless all give the same
// result, and returns it.
func readTableAllWays(t testing.TB, name, in string, opt TableOptions, fatal bool) tableResult {
	t.Helper()
	return readTableWays(t, name, in, opt, fatal, tableTestBlocks, tableTestWorkers)
}

// readTableWays is readTableAllWays with the given block sizes and
// worker counts. When fatal, the Bytes read are not compared (a bad
// header stops the reading early); they are returned as 0.
func readTableWays(t testing.TB, name, in string, opt TableOptions, fatal bool, blocks, workers []int) tableResult {
	t.Helper()
	var first *tableResult
	for _, bs := range blocks {
		for _, nw := range workers {
			o := opt
			o.BlockBytes, o.Workers = bs, nw
			st, sinks, err := ReadTable(name, strings.NewReader(in), o, newTableTally)
			res := tableResult{Stats: st, Errs: tableErrLines(err)}
			if fatal {
				res.Stats.Bytes = 0
			}
			if sinks != nil {
				res.Tally = mergeTableTallies(sinks).String()
			}
			if first == nil {
				first = &res
			} else if !reflect.DeepEqual(*first, res) {
				t.Fatalf("BlockBytes %d, Workers %d: got\n%+v\nwant (as with BlockBytes %d, Workers %d)\n%+v",
					bs, nw, res, blocks[0], workers[0], *first)
			}
		}
	}
	rows := readTableRowsTally(t, name, in, opt)
	if fatal {
		rows.Stats.Bytes = 0
	}
	if !reflect.DeepEqual(*first, rows) {
		t.Fatalf("ReadTableRows: got\n%+v\nwant (as ReadTable)\n%+v", rows, *first)
	}
	return *first
}

// readTableRowsTally tallies the rows of ReadTableRows as tableTally does.
func readTableRowsTally(t testing.TB, name, in string, opt TableOptions) tableResult {
	t.Helper()
	m := make(tableMerged)
	line := 0
	st, err := ReadTableRows(name, strings.NewReader(in), opt, func(r TableRow) error {
		if r.Line <= line {
			t.Errorf("row at line %d after a row at line %d", r.Line, line)
		}
		line = r.Line
		if len(r.Columns) != len(r.Values) {
			t.Errorf("line %d: %d columns, %d values", r.Line, len(r.Columns), len(r.Values))
		}
		key := make([]string, len(opt.Groups))
		for i, g := range opt.Groups {
			v, ok := r.Value(g)
			if !ok {
				t.Errorf("line %d: no value for group %q in %q", r.Line, g, r.Columns)
			}
			key[i] = v
		}
		k := strings.Join(key, "|")
		if m[k] == nil {
			m[k] = make(map[float64][2]float64)
		}
		c := m[k][r.P]
		m[k][r.P] = [2]float64{c[0] + r.Weight, c[1] + r.Yes}
		return nil
	})
	res := tableResult{Stats: st, Errs: tableErrLines(err)}
	if err == nil || errors.As(err, new(ErrorList)) {
		res.Tally = m.String()
	}
	return res
}

type tableCase struct {
	fatal bool // the header is bad: how much is read before stopping varies
	name  string
	in    string
	opt   TableOptions
	stats TableStats // Bytes is filled in from in
	tally string
	errs  []string
}

func (c tableCase) run(t *testing.T, file string) {
	t.Run(c.name, func(t *testing.T) {
		got := readTableAllWays(t, file, c.in, c.opt, c.fatal)
		want := tableResult{Stats: c.stats, Tally: c.tally, Errs: c.errs}
		if !c.fatal {
			want.Stats.Bytes = int64(len(c.in))
		}
		if got.Stats != want.Stats {
			t.Errorf("stats:\ngot  %+v\nwant %+v", got.Stats, want.Stats)
		}
		if got.Tally != want.Tally {
			t.Errorf("tally:\ngot\n%s\nwant\n%s", got.Tally, want.Tally)
		}
		if !reflect.DeepEqual(got.Errs, want.Errs) {
			t.Errorf("errors:\ngot\n%s\nwant\n%s", strings.Join(got.Errs, "\n"), strings.Join(want.Errs, "\n"))
		}
	})
}

var csvOpt = TableOptions{Format: TableCSV}
var csvGroupOpt = TableOptions{Format: TableCSV, Groups: []string{"g"}}

func TestReadTableCSV(t *testing.T) {
	cases := []tableCase{{
		name:  "plain",
		in:    "probability,outcome\n0.37,1\n0.37,0\n0.8,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 3},
		tally: " 0.37 2 1\n 0.8 1 1\n",
	}, {
		name:  "a CR at the very end",
		in:    "probability,outcome\n0.37,1\r",
		opt:   csvOpt,
		stats: TableStats{Rows: 1},
		tally: " 0.37 1 1\n",
	}, {
		name:  "a CR line at the very end",
		in:    "probability,outcome\n0.37,1\n\r",
		opt:   csvOpt,
		stats: TableStats{Rows: 1},
		tally: " 0.37 1 1\n",
	}, {
		name:  "no final newline",
		in:    "probability,outcome\n0.37,1\n0.8,1",
		opt:   csvOpt,
		stats: TableStats{Rows: 2},
		tally: " 0.37 1 1\n 0.8 1 1\n",
	}, {
		name:  "BOM, CRLF and blank lines",
		in:    "\uFEFF\r\nprobability,outcome\r\n\r\n0.37,1\r\n\n0.8,0\r\n\r\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 2},
		tally: " 0.37 1 1\n 0.8 1 0\n",
	}, {
		name:  "BOM counts no column",
		in:    "\uFEFFprobability,outcome\nx,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 1, Bad: 1, Errors: 1},
		errs:  []string{`t.csv:2:1: probability: "x" is not a number between 0 and 1`},
	}, {
		name:  "columns in any order, others ignored",
		in:    "id,outcome,note,probability\n1,yes,\"a, b\",0.25\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 1},
		tally: " 0.25 1 1\n",
	}, {
		name: "outcome spellings",
		in: "probability,outcome\n0.5,1\n0.5,0\n0.5,yes\n0.5,no\n0.5,true\n0.5,false\n" +
			"0.5,YES\n0.5,No\n0.5,True\n0.5,FALSE\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 10},
		tally: " 0.5 10 5\n",
	}, {
		name:  "bad outcomes",
		in:    "probability,outcome\n0.5,maybe\n0.5,\n0.5,2\n0.5,1.0\n0.5,y\n0.5,NA\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 6, Bad: 6, Errors: 6},
		errs: []string{
			`t.csv:2:5: outcome: "maybe" is not 0/1, yes/no or true/false`,
			`t.csv:3:5: outcome: missing value; want 0/1, yes/no or true/false`,
			`t.csv:4:5: outcome: "2" is not 0/1, yes/no or true/false`,
			`t.csv:5:5: outcome: "1.0" is not 0/1, yes/no or true/false`,
			`t.csv:6:5: outcome: "y" is not 0/1, yes/no or true/false`,
			`t.csv:7:5: outcome: "NA" is not 0/1, yes/no or true/false`,
		},
	}, {
		name: "probability syntax",
		in: "probability,outcome\n0,0\n1,1\n.5,1\n0.,0\n1e-1,1\n1E-1,0\n+0.25,1\n0.125,1\n" +
			"0.3333333333333333333333,1\n0.00000000000000000000001,0\n-0,0\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 11},
		tally: " 0 3 0\n 1e-23 1 0\n 0.1 2 1\n 0.125 1 1\n 0.25 1 1\n 0.3333333333333333 1 1\n 0.5 1 1\n 1 1 1\n",
	}, {
		name: "bad probabilities",
		in: "probability,outcome\n1.5,1\n-0.1,0\nNaN,1\nInf,1\n-inf,0\nabc,1\n0x1p-2,1\n1_0,1\n" +
			"0.5.5,1\n1e,1\n1e999,1\n--1,1\nN/A,0\n" + strings.Repeat("9", 50) + ",1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 14, Bad: 14, Errors: 14},
		errs: []string{
			`t.csv:2:1: probability: "1.5" is not a number between 0 and 1; the column looks like percentages: use --percent`,
			`t.csv:3:1: probability: "-0.1" is not a number between 0 and 1`,
			`t.csv:4:1: probability: "NaN" is not a number between 0 and 1`,
			`t.csv:5:1: probability: "Inf" is not a number between 0 and 1`,
			`t.csv:6:1: probability: "-inf" is not a number between 0 and 1`,
			`t.csv:7:1: probability: "abc" is not a number between 0 and 1`,
			`t.csv:8:1: probability: "0x1p-2" is not a number between 0 and 1`,
			`t.csv:9:1: probability: "1_0" is not a number between 0 and 1`,
			`t.csv:10:1: probability: "0.5.5" is not a number between 0 and 1`,
			`t.csv:11:1: probability: "1e" is not a number between 0 and 1`,
			`t.csv:12:1: probability: "1e999" is not a number between 0 and 1`,
			`t.csv:13:1: probability: "--1" is not a number between 0 and 1`,
			`t.csv:14:1: probability: "N/A" is not a number between 0 and 1`,
			`t.csv:15:1: probability: "9999999999999999999999999999999999999999"... is not a number between 0 and 1`,
		},
	}, {
		name:  "missing probabilities skip the row",
		in:    "probability,outcome\n,1\nNA,0\nna,maybe\n\"\",1\n  ,1\n0.5,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 6, Skipped: 5},
		tally: " 0.5 1 1\n",
	}, {
		name:  "every error of a row",
		in:    "probability,outcome,w\n2,x,-1\n",
		opt:   TableOptions{Format: TableCSV, Weight: "w"},
		stats: TableStats{Rows: 1, Bad: 1, Errors: 3},
		errs: []string{
			`t.csv:2:1: probability: "2" is not a number between 0 and 1; the column looks like percentages: use --percent`,
			`t.csv:2:3: outcome: "x" is not 0/1, yes/no or true/false`,
			`t.csv:2:5: w: "-1" is not a number >= 0`,
		},
	}, {
		name:  "spaces and tabs around values",
		in:    " probability ,\toutcome\t, g \n 0.5 ,\tyes\t, a b \n\" 0.5\",\"no \",\" a b\"\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 2},
		tally: "a b 0.5 2 1\n",
	}, {
		name: "quoted fields",
		in: "probability,outcome,g\n\"0.25\",\"1\",\"a,b\"\n0.25,0,\"a,b\"\n0.5,1,\"say \"\"hi\"\"\"\n" +
			"0.5,1,\"two\nlines\"\n0.5,1,\"crlf\r\nkept as lf\"\n0.75,1,\"\"\n0.75,0,\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 7},
		tally: " 0.75 2 1\na,b 0.25 2 1\ncrlf\nkept as lf 0.5 1 1\nsay \"hi\" 0.5 1 1\ntwo\nlines 0.5 1 1\n",
	}, {
		name:  "line numbers after quoted newlines",
		in:    "probability,outcome,g\n0.5,1,\"a\n\nb\"\n0.5,x,\"c\r\nd\"\n2,1,e\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 3, Bad: 2, Errors: 2},
		tally: "a\n\nb 0.5 1 1\n",
		errs: []string{
			`t.csv:5:5: outcome: "x" is not 0/1, yes/no or true/false`,
			`t.csv:7:1: probability: "2" is not a number between 0 and 1`,
		},
	}, {
		name:  "error column after a quoted newline",
		in:    "g,probability,outcome\n\"a\nbc\",0.5,x\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 1, Bad: 1, Errors: 1},
		errs:  []string{`t.csv:3:9: outcome: "x" is not 0/1, yes/no or true/false`},
	}, {
		name:  "renamed columns and groups",
		in:    "Q,p,y,team,year\nq1,0.5,1,red,2020\nq2,0.5,0,red,2021\nq3,0.5,1,red,2020\n",
		opt:   TableOptions{Format: TableCSV, Probability: "p", Outcome: "y", Groups: []string{"team", "year"}},
		stats: TableStats{Rows: 3},
		tally: "red|2020 0.5 2 2\nred|2021 0.5 1 0\n",
	}, {
		name:  "weights",
		in:    "probability,outcome,w\n0.5,1,2\n0.5,0,0.5\n0.5,1,0\n0.2,0,1e3\n",
		opt:   TableOptions{Format: TableCSV, Weight: "w"},
		stats: TableStats{Rows: 4},
		tally: " 0.2 1000 0\n 0.5 2.5 2\n",
	}, {
		name:  "bad weights",
		in:    "probability,outcome,w\n0.5,1,-2\n0.5,1,\n0.5,1,x\n0.5,1,NA\n0.5,1,inf\n",
		opt:   TableOptions{Format: TableCSV, Weight: "w"},
		stats: TableStats{Rows: 5, Bad: 5, Errors: 5},
		errs: []string{
			`t.csv:2:7: w: "-2" is not a number >= 0`,
			`t.csv:3:7: w: missing value; want a number >= 0`,
			`t.csv:4:7: w: "x" is not a number >= 0`,
			`t.csv:5:7: w: "NA" is not a number >= 0`,
			`t.csv:6:7: w: "inf" is not a number >= 0`,
		},
	}, {
		name:  "counts",
		in:    "probability,n,n_yes,g\n0.1,10,1,a\n0.1,5,0,a\n0.9,2.5,2.5,b\n0.9,0,0,b\nNA,x,y,b\n",
		opt:   TableOptions{Format: TableCSV, Counts: true, Groups: []string{"g"}},
		stats: TableStats{Rows: 5, Skipped: 1},
		tally: "a 0.1 15 1\nb 0.9 2.5 2.5\n",
	}, {
		name:  "bad counts",
		in:    "p,count,hits\n0.1,3,5\n0.1,-1,0\n0.1,1,-1\n0.1,,1\n0.1,x,y\n",
		opt:   TableOptions{Format: TableCSV, Counts: true, Probability: "p", N: "count", NYes: "hits"},
		stats: TableStats{Rows: 5, Bad: 5, Errors: 6},
		errs: []string{
			`t.csv:2:7: hits: "5" is more than count ("3")`,
			`t.csv:3:5: count: "-1" is not a number >= 0`,
			`t.csv:4:7: hits: "-1" is not a number >= 0`,
			`t.csv:5:5: count: missing value; want a number >= 0`,
			`t.csv:6:5: count: "x" is not a number >= 0`,
			`t.csv:6:7: hits: "y" is not a number >= 0`,
		},
	}, {
		name:  "percentages get a hint",
		in:    "probability,outcome\n37,1\n5,0\n100,1\n0,0\n0.5,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 5, Bad: 3, Errors: 3},
		tally: " 0 1 0\n 0.5 1 1\n",
		errs: []string{
			`t.csv:2:1: probability: "37" is not a number between 0 and 1; the column looks like percentages: use --percent`,
			`t.csv:3:1: probability: "5" is not a number between 0 and 1; the column looks like percentages: use --percent`,
			`t.csv:4:1: probability: "100" is not a number between 0 and 1; the column looks like percentages: use --percent`,
		},
	}, {
		name:  "a stray large value gets no hint",
		in:    "probability,outcome\n0.37,1\n0.5,0\n37,1\n150,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 4, Bad: 2, Errors: 2},
		tally: " 0.37 1 1\n 0.5 1 0\n",
		errs: []string{
			`t.csv:4:1: probability: "37" is not a number between 0 and 1`,
			`t.csv:5:1: probability: "150" is not a number between 0 and 1`,
		},
	}, {
		name:  "percent",
		in:    "probability,outcome\n37,1\n37.5,0\n0.5,1\n100,1\n0,0\n150,1\n-1,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 7, Bad: 2, Errors: 2, PercentPlain: 4, PercentAbove1: 3}, // 0 counts for neither kind
		tally: " 0 1 0\n 0.005 1 1\n 0.37 1 1\n 0.375 1 0\n 1 1 1\n",
		errs: []string{
			`t.csv:7:1: probability: "150" is not a number between 0 and 100`,
			`t.csv:8:1: probability: "-1" is not a number between 0 and 100`,
		},
	}, {
		name:  "percent with % signs",
		in:    "probability,outcome\n70%,1\n 30 % ,0\n\"12.5%\",1\n100%,1\n0%,0\n%,1\n150%,0\n7%%,1\n% 7,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 9, Bad: 4, Errors: 4, PercentSigned: 4, PercentAbove1: 4}, // 0% counts for neither kind
		tally: " 0 1 0\n 0.125 1 1\n 0.3 1 0\n 0.7 1 1\n 1 1 1\n",
		errs: []string{
			`t.csv:7:1: probability: "%" is not a number between 0 and 100`,
			`t.csv:8:1: probability: "150%" is not a number between 0 and 100`,
			`t.csv:9:1: probability: "7%%" is not a number between 0 and 100`,
			`t.csv:10:1: probability: "% 7" is not a number between 0 and 100`,
		},
	}, {
		// Every value without a sign would need keeping until a sign is
		// seen: the first is reported, with their number. The rows have
		// reached the sinks.
		name:  "percent with and without % signs",
		in:    "probability,outcome\n40,0\n70%,1\n0.3,0\n90,1\n40%,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 5, Errors: 1, PercentSigned: 2, PercentPlain: 3, PercentAbove1: 4},
		tally: " 0.003 1 0\n 0.4 2 0\n 0.7 1 1\n 0.9 1 1\n",
		errs: []string{
			`t.csv:2:1: probability: "40" has no % sign, but the column's value on line 3 has one: the column mixes percentages and plain numbers; write all of its values with % or all without (3 values have no % sign; this is the first)`,
		},
	}, {
		name:  "percent with one value without a % sign",
		in:    "probability,outcome\n70%,1\n30%,0\n0.3,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 3, Errors: 1, PercentSigned: 2, PercentPlain: 1, PercentAbove1: 2},
		tally: " 0.003 1 0\n 0.3 1 0\n 0.7 1 1\n",
		errs: []string{
			`t.csv:4:1: probability: "0.3" has no % sign, but the column's value on line 2 has one: the column mixes percentages and plain numbers, and --percent would read "0.3" as 0.3%; write all of its values with % or all without`,
		},
	}, {
		// Read as percentages, but it looks like fractions: the caller
		// may warn (TableStats.LooksFractional).
		name:  "percent, every value at most 1",
		in:    "probability,outcome\n0.7,1\n0.3,0\n1,1\n0,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 4, PercentPlain: 3},
		tally: " 0 1 0\n 0.003 1 0\n 0.007 1 1\n 0.01 1 1\n",
	}, {
		// 0 reads the same as a fraction and as a percentage: beside
		// values with a sign it is no mix, and alone it is no sign of
		// fractions.
		name:  "percent, a 0 without a sign",
		in:    "probability,outcome\n70%,1\n0,0\n30%,0\n",
		opt:   TableOptions{Format: TableCSV, Percent: true},
		stats: TableStats{Rows: 3, PercentSigned: 2, PercentAbove1: 2},
		tally: " 0 1 0\n 0.3 1 0\n 0.7 1 1\n",
	}, {
		name:  "a % sign without percent",
		in:    "probability,outcome\n70%,1\n\"30 %\",0\n40,1\n0.5,0\nx%,1\n",
		opt:   csvOpt,
		stats: TableStats{Rows: 5, Bad: 4, Errors: 4},
		tally: " 0.5 1 0\n",
		errs: []string{
			`t.csv:2:1: probability: "70%" is a percentage: use --percent to read the column as percentages`,
			`t.csv:3:1: probability: "30 %" is a percentage: use --percent to read the column as percentages`,
			`t.csv:4:1: probability: "40" is not a number between 0 and 1; the column looks like percentages: use --percent`,
			`t.csv:6:1: probability: "x%" is not a number between 0 and 1`,
		},
	}, {
		name:  "semicolons",
		in:    "probability;outcome;g\n0.5;1;a,b\n\"0.5\";\"0\";\"a;b\"\n",
		opt:   TableOptions{Format: TableCSV, Comma: ';', Groups: []string{"g"}},
		stats: TableStats{Rows: 2},
		tally: "a,b 0.5 1 1\na;b 0.5 1 0\n",
	}, {
		name:  "tabs",
		in:    "probability\toutcome\n0.5\t1\n",
		opt:   TableOptions{Format: TableCSV, Comma: '\t'},
		stats: TableStats{Rows: 1},
		tally: " 0.5 1 1\n",
	}, {
		name:  "wrong number of fields",
		in:    "probability,outcome,g\n0.5,1\n0.5,1,a,b\n0.5,1,a,\n\n   \n0.5,1,\"a\nb\",x\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 5, Bad: 5, Errors: 5},
		errs: []string{
			`t.csv:2:6: row has 2 fields, the header has 3`,
			`t.csv:3:9: row has 4 fields, the header has 3`,
			`t.csv:4:9: row has 4 fields, the header has 3`,
			`t.csv:6:4: row has 1 field, the header has 3`,
			`t.csv:8:4: row has 4 fields, the header has 3`,
		},
	}, {
		name: "malformed quotes",
		in: "probability,outcome,g\n0.5,1,a\"b\"c\n0.5,1,\"a\"b\n0.5,1,\"a\"\"\"\"\"\n0.5,1,ok\n" +
			"0.5,\"1\" ,a\n0.5,1,\"a\"b\"c\"\n0.5,1,last\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 7, Bad: 4, Errors: 4},
		tally: "a\"\" 0.5 1 1\nlast 0.5 1 1\nok 0.5 1 1\n",
		errs: []string{
			`t.csv:2:8: quote in an unquoted field (quote the whole field and write the quote as "")`,
			`t.csv:3:10: 'b' after a closing quote (a quote inside a quoted field is written "")`,
			`t.csv:6:8: ' ' after a closing quote (a quote inside a quoted field is written "")`,
			`t.csv:7:10: 'b' after a closing quote (a quote inside a quoted field is written "")`,
		},
	}, {
		// Rows are cut at newlines after an even number of quotes (what
		// lets blocks be cut without parsing them), so a stray quote
		// takes the row on to the next quote.
		name:  "a stray quote runs on to the next quote",
		in:    "probability,outcome,g\n0.5,1,5\" screen\n0.5,1,a\n0.5,1,b\"\n0.5,1,c\n0.5,0,x\"y\"z\n0.5,1,d\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 4, Bad: 2, Errors: 2},
		tally: "c 0.5 1 1\nd 0.5 1 1\n",
		errs: []string{
			`t.csv:2:8: quote in an unquoted field (quote the whole field and write the quote as ""); the quote it opens takes the row on to line 4`,
			`t.csv:6:8: quote in an unquoted field (quote the whole field and write the quote as "")`,
		},
	}, {
		name:  "a stray quote never closed",
		in:    "probability,outcome,g\n0.5,1,a\n0.5,1,5\" screen\n0.5,1,b\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1},
		tally: "a 0.5 1 1\n",
		errs: []string{
			`t.csv:3:8: quote in an unquoted field (quote the whole field and write the quote as ""); the quote is never closed, and the row runs to the end`,
		},
	}, {
		name:  "unclosed quote at the end",
		in:    "probability,outcome,g\n0.5,1,a\n0.5,1,\"open\n0.5,1,b\n",
		opt:   csvGroupOpt,
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1},
		tally: "a 0.5 1 1\n",
		errs:  []string{`t.csv:3:7: quoted field is not closed`},
	}, {
		name:  "too long rows are skipped",
		in:    "probability,outcome,g\n0.5,1,a\n0.5,1," + strings.Repeat("x", 40) + "\n0.5,0,b\n0.5,1,\"" + strings.Repeat("y\n", 30) + "\"\n0.5,1,c",
		opt:   TableOptions{Format: TableCSV, Groups: []string{"g"}, MaxLineBytes: 32},
		stats: TableStats{Rows: 5, Bad: 2, Errors: 2},
		tally: "a 0.5 1 1\nb 0.5 1 0\nc 0.5 1 1\n",
		errs: []string{
			`t.csv:3:1: row is longer than 32 bytes (is a quote not closed?)`,
			`t.csv:5:1: row is longer than 32 bytes (is a quote not closed?)`,
		},
	}, {
		name:  "a quote left open is a too long row",
		in:    "probability,outcome,g\n0.5,1,a\n0.5,1,\"" + strings.Repeat("y\n", 30) + "0.5,1,c\n",
		opt:   TableOptions{Format: TableCSV, Groups: []string{"g"}, MaxLineBytes: 32},
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1},
		tally: "a 0.5 1 1\n",
		errs:  []string{`t.csv:3:1: row is longer than 32 bytes (is a quote not closed?)`},
	}, {
		name:  "header only",
		in:    "probability,outcome\n",
		opt:   csvOpt,
		stats: TableStats{},
	}, {
		fatal: true,
		name:  "empty",
		in:    "",
		opt:   csvOpt,
		stats: TableStats{Errors: 1},
		errs:  []string{`t.csv: the table is empty: a CSV table starts with a header row`},
	}, {
		fatal: true,
		name:  "blank lines only",
		in:    "\n\r\n\n",
		opt:   csvOpt,
		stats: TableStats{Errors: 1},
		errs:  []string{`t.csv: the table is empty: a CSV table starts with a header row`},
	}, {
		fatal: true,
		name:  "missing columns",
		in:    "\nProbability,result,group,prob2,n\n0.5,1,a,b,c\n",
		opt:   TableOptions{Format: TableCSV, Groups: []string{"grp", "team"}},
		stats: TableStats{Errors: 4},
		errs: []string{
			`t.csv:2: grp: no such column; the header has "Probability", "result", "group", "prob2", "n" (did you mean "group"?)`,
			`t.csv:2: outcome: no such column; the header has "Probability", "result", "group", "prob2", "n"`,
			`t.csv:2: probability: no such column; the header has "Probability", "result", "group", "prob2", "n" (did you mean "Probability"?)`,
			`t.csv:2: team: no such column; the header has "Probability", "result", "group", "prob2", "n"`,
		},
	}, {
		fatal: true,
		name:  "a needed column twice",
		in:    "probability,outcome,g,outcome\n0.5,1,a,1\n",
		opt:   csvOpt,
		stats: TableStats{Errors: 1},
		errs:  []string{`t.csv:1:23: outcome: the column appears twice in the header (columns 2 and 4)`},
	}, {
		fatal: true,
		name:  "bad header",
		in:    "probability,\"outcome\n",
		opt:   csvOpt,
		stats: TableStats{Errors: 1},
		errs:  []string{`t.csv:1:13: quoted field is not closed`},
	}, {
		fatal: true,
		name:  "header too long",
		in:    "probability,outcome," + strings.Repeat("x", 40) + "\n0.5,1,a\n",
		opt:   TableOptions{Format: TableCSV, MaxLineBytes: 32},
		stats: TableStats{Errors: 1},
		errs:  []string{`t.csv:1:1: row is longer than 32 bytes (is a quote not closed?)`},
	}, {
		name:  "MaxErrors keeps the first errors",
		in:    "probability,outcome\n" + strings.Repeat("0.5,x\n", 50) + "0.5,1\n",
		opt:   TableOptions{Format: TableCSV, MaxErrors: 3},
		stats: TableStats{Rows: 51, Bad: 50, Errors: 50},
		tally: " 0.5 1 1\n",
		errs: []string{
			`t.csv:2:5: outcome: "x" is not 0/1, yes/no or true/false`,
			`t.csv:3:5: outcome: "x" is not 0/1, yes/no or true/false`,
			`t.csv:4:5: outcome: "x" is not 0/1, yes/no or true/false`,
		},
	}}
	for _, c := range cases {
		c.run(t, "t.csv")
	}
}

var jsonOpt = TableOptions{Format: TableJSONL}
var jsonGroupOpt = TableOptions{Format: TableJSONL, Groups: []string{"g"}}

func TestReadTableJSONL(t *testing.T) {
	cases := []tableCase{{
		name: "values of every kind",
		in: `{"probability": 0.25, "outcome": 1, "g": "a"}` + "\n" +
			`{"outcome": true, "probability": "0.25", "g": "a", "extra": {"x": [1, 2, {"y": null}]}}` + "\n" +
			`{"probability":0.5,"outcome":"no","g":3}` + "\n" +
			`{"probability":5e-1,"outcome":false,"g":true}` + "\n" +
			`{"probability":0.5,"outcome":"YES","g":null}` + "\n",
		opt:   jsonGroupOpt,
		stats: TableStats{Rows: 5},
		tally: " 0.5 1 1\n3 0.5 1 0\na 0.25 2 2\ntrue 0.5 1 0\n",
	}, {
		name: "escapes in strings",
		in: `{"probability":0.5,"outcome":1,"g":"tab\there \"q\" \\ \/ \u00e9\ud83d\ude00 \ud800x"}` + "\n" +
			`{"prob\u0061bility":0.5,"outcome":1,"g":"é"}` + "\n",
		opt:   jsonGroupOpt,
		stats: TableStats{Rows: 2},
		tally: "tab\there \"q\" \\ / é😀 \uFFFDx 0.5 1 1\né 0.5 1 1\n",
	}, {
		name:  "BOM, CRLF, blank lines, spaces",
		in:    "\uFEFF{\"probability\":0.5,\"outcome\":1}\r\n\r\n  \n\t{ \"probability\" : 0.5 , \"outcome\" : 0 } \r\n",
		opt:   jsonOpt,
		stats: TableStats{Rows: 2},
		tally: " 0.5 2 1\n",
	}, {
		name:  "missing probabilities",
		in:    `{"probability":null,"outcome":1}` + "\n" + `{"probability":"NA","outcome":"x"}` + "\n" + `{"probability":"","outcome":1}` + "\n" + `{"probability":null}` + "\n",
		opt:   jsonOpt,
		stats: TableStats{Rows: 4, Skipped: 4},
	}, {
		name: "missing and duplicate keys",
		in: `{"prob":0.5,"outcome":1}` + "\n" + `{"probability":0.5,"Outcome":1}` + "\n" +
			`{"probability":0.5,"outcome":1,"outcome":0}` + "\n" + ` {}` + "\n",
		opt:   jsonOpt,
		stats: TableStats{Rows: 4, Bad: 4, Errors: 5},
		errs: []string{
			`t.jsonl:1:1: probability: no such key; the object has "prob", "outcome" (did you mean "prob"?)`,
			`t.jsonl:2:1: outcome: no such key; the object has "probability", "Outcome" (did you mean "Outcome"?)`,
			`t.jsonl:3:32: outcome: the key appears twice in the object`,
			`t.jsonl:4:2: outcome: no such key; the object is empty`,
			`t.jsonl:4:2: probability: no such key; the object is empty`,
		},
	}, {
		name: "values of the wrong kind",
		in: `{"probability":[0.5],"outcome":{"a":1},"g":[]}` + "\n" + `{"probability":0.5,"outcome":null,"g":{}}` + "\n" +
			`{"probability":true,"outcome":"1","g":"a","w":null}` + "\n",
		opt:   TableOptions{Format: TableJSONL, Groups: []string{"g"}},
		stats: TableStats{Rows: 3, Bad: 3, Errors: 6},
		errs: []string{
			`t.jsonl:1:16: probability: an array; want a number between 0 and 1`,
			`t.jsonl:1:32: outcome: an object; want 0/1, yes/no or true/false`,
			`t.jsonl:1:44: g: an array; want text or a number`,
			`t.jsonl:2:30: outcome: null; want 0/1, yes/no or true/false`,
			`t.jsonl:2:39: g: an object; want text or a number`,
			`t.jsonl:3:16: probability: "true" is not a number between 0 and 1`,
		},
	}, {
		name:  "null weight",
		in:    `{"probability":0.5,"outcome":1,"w":null}` + "\n" + `{"probability":0.5,"outcome":1,"w":2}` + "\n",
		opt:   TableOptions{Format: TableJSONL, Weight: "w"},
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1},
		tally: " 0.5 2 2\n",
		errs:  []string{`t.jsonl:1:36: w: null; want a number >= 0`},
	}, {
		name: "invalid JSON",
		in: "[1]\n" + `{"probability":0.5,"outcome":1} x` + "\n" + `{"probability":0.5,"outcome":1` + "\n" +
			`{"probability":.5,"outcome":1}` + "\n" + `{"probability":0.5,"outcome":"1}` + "\n" +
			`{"probability":0.5,"outcome":"\x"}` + "\n" + `{probability:0.5}` + "\n" + `{"probability" 0.5}` + "\n" +
			`{"probability":0.5,,"outcome":1}` + "\n" + `{"probability":01,"outcome":1}` + "\n" +
			`{"probability":tru,"outcome":1}` + "\n" + `{"probability":0.5,"outcome":"\u12"}` + "\n" +
			"{\"probability\":0.5,\"outcome\":\"a\tb\"}\n" + `{"probability":1e,"outcome":1}` + "\n" +
			`{"a":[1,2}` + "\n" + `{"a":{"b" 1}}` + "\n" + `{"probability":0.5,"outcome":1}` + "\n",
		opt:   jsonOpt,
		stats: TableStats{Rows: 17, Bad: 16, Errors: 16},
		tally: " 0.5 1 1\n",
		errs: []string{
			`t.jsonl:1:1: invalid JSON: expected a JSON object, found '['`,
			`t.jsonl:2:33: invalid JSON: 'x' after the object`,
			`t.jsonl:3:31: invalid JSON: expected ',' or '}', found the end of the line`,
			`t.jsonl:4:16: invalid JSON: expected a value, found '.'`,
			`t.jsonl:5:30: invalid JSON: string is not closed`,
			`t.jsonl:6:31: invalid JSON: unknown escape \x`,
			`t.jsonl:7:2: invalid JSON: expected a key in quotes, found 'p'`,
			`t.jsonl:8:16: invalid JSON: expected ':' after the key, found '0'`,
			`t.jsonl:9:20: invalid JSON: expected a key in quotes, found ','`,
			`t.jsonl:10:17: invalid JSON: expected ',' or '}', found '1'`,
			`t.jsonl:11:16: invalid JSON: expected a value, found 't'`,
			`t.jsonl:12:31: invalid JSON: \u must be followed by four hexadecimal digits`,
			`t.jsonl:13:32: invalid JSON: byte 0x09 in a string`,
			`t.jsonl:14:16: invalid JSON: malformed number`,
			`t.jsonl:15:10: invalid JSON: expected ',' or ']', found '}'`,
			`t.jsonl:16:11: invalid JSON: expected ':' after the key, found '1'`,
		},
	}, {
		name:  "deep nesting",
		in:    `{"a":` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `,"probability":0.5,"outcome":1}` + "\n",
		opt:   jsonOpt,
		stats: TableStats{Rows: 1, Bad: 1, Errors: 1},
		errs:  []string{`t.jsonl:1:206: invalid JSON: values nested more than 200 deep`},
	}, {
		name:  "counts and percent",
		in:    `{"probability":37,"n":10,"n_yes":"4"}` + "\n" + `{"probability":"62.5","n":2,"n_yes":3}` + "\n",
		opt:   TableOptions{Format: TableJSONL, Counts: true, Percent: true},
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1, PercentPlain: 2, PercentAbove1: 2},
		tally: " 0.37 10 4\n",
		errs:  []string{`t.jsonl:2:37: n_yes: "3" is more than n ("2")`},
	}, {
		name:  "percent with and without % signs",
		in:    `{"probability":"70%","outcome":1}` + "\n" + `{"outcome":0, "probability": 0.5}` + "\n" + `{"probability":"0.5 %","outcome":0}` + "\n",
		opt:   TableOptions{Format: TableJSONL, Percent: true},
		stats: TableStats{Rows: 3, Errors: 1, PercentSigned: 2, PercentPlain: 1, PercentAbove1: 1},
		tally: " 0.005 2 0\n 0.7 1 1\n",
		errs: []string{
			`t.jsonl:2:30: probability: "0.5" has no % sign, but the column's value on line 1 has one: the column mixes percentages and plain numbers, and --percent would read "0.5" as 0.5%; write all of its values with % or all without`,
		},
	}, {
		name:  "too long lines",
		in:    `{"probability":0.5,"outcome":1,"note":"` + strings.Repeat("x", 40) + `"}` + "\n" + `{"probability":0.5,"outcome":0}` + "\n",
		opt:   TableOptions{Format: TableJSONL, MaxLineBytes: 40},
		stats: TableStats{Rows: 2, Bad: 1, Errors: 1},
		tally: " 0.5 1 0\n",
		errs:  []string{`t.jsonl:1:1: row is longer than 40 bytes`},
	}, {
		fatal: true,
		name:  "MaxErrors counts the errors it does not keep",
		in:    strings.Repeat(`{"p":0.5,"outcome":1}`+"\n", 3) + strings.Repeat(`{"probability":7,"outcome":1}`+"\n", 3) + `{"probability":0.5,"outcome":1,"n":1}`,
		opt:   TableOptions{Format: TableJSONL, MaxErrors: 2},
		stats: TableStats{Rows: 7, Bad: 6, Errors: 6},
		tally: " 0.5 1 1\n",
		errs: []string{
			`t.jsonl:1:1: probability: no such key; the object has "p", "outcome"`,
			`t.jsonl:2:1: probability: no such key; the object has "p", "outcome"`,
		},
	}, {
		name:  "empty",
		in:    "",
		opt:   jsonOpt,
		stats: TableStats{},
	}}
	for _, c := range cases {
		c.run(t, "t.jsonl")
	}
}

func TestTableStatsLooksFractional(t *testing.T) {
	for _, c := range []struct {
		st   TableStats
		want bool
	}{
		{TableStats{PercentPlain: 4}, true},
		{TableStats{}, false},
		{TableStats{PercentPlain: 4, PercentAbove1: 1}, false},
		{TableStats{PercentPlain: 4, PercentSigned: 1}, false},
		{TableStats{PercentSigned: 4}, false},
	} {
		if got := c.st.LooksFractional(); got != c.want {
			t.Errorf("%+v: LooksFractional() = %v, want %v", c.st, got, c.want)
		}
	}
}

func TestReadTableOptions(t *testing.T) {
	for _, c := range []struct {
		opt  TableOptions
		want string
	}{
		{TableOptions{}, "table options: no table format given (TableFormat(0))"},
		{TableOptions{Format: TableCSV, Counts: true, Weight: "w"}, "table options: a weight column cannot be used with counts"},
		{TableOptions{Format: TableCSV, Groups: []string{"outcome"}}, `table options: column "outcome" is given twice (as outcome and as group)`},
		{TableOptions{Format: TableCSV, Groups: []string{"g", "g"}}, `table options: column "g" is given twice (as group and as group)`},
		{TableOptions{Format: TableCSV, Counts: true, NYes: "n"}, `table options: column "n" is given twice (as n and as n_yes)`},
		{TableOptions{Format: TableCSV, Groups: []string{""}}, "table options: a group column has an empty name"},
		{TableOptions{Format: TableCSV, Comma: '"'}, `table options: '"' cannot separate fields`},
		{TableOptions{Format: TableCSV, Comma: '\n'}, `table options: '\n' cannot separate fields`},
	} {
		_, _, err := ReadTable("t", strings.NewReader("probability,outcome\n"), c.opt, newTableTally)
		if err == nil || err.Error() != c.want {
			t.Errorf("%+v: got error %v, want %s", c.opt, err, c.want)
		}
		if _, err := ReadTableRows("t", strings.NewReader(""), c.opt, func(TableRow) error { return nil }); err == nil || err.Error() != c.want {
			t.Errorf("%+v: ReadTableRows: got error %v, want %s", c.opt, err, c.want)
		}
	}
}

func TestTableFormat(t *testing.T) {
	for _, c := range []struct {
		name string
		want TableFormat
		err  string
	}{
		{"a.csv", TableCSV, ""},
		{"dir.x/A.CSV", TableCSV, ""},
		{"a.jsonl", TableJSONL, ""},
		{"a.ndjson", TableJSONL, ""},
		{"a.json", 0, `cannot tell the table format of "a.json" from its extension; use .csv, .jsonl or .ndjson, or give the format`},
		{"csv", 0, `cannot tell the table format of "csv" from its extension; use .csv, .jsonl or .ndjson, or give the format`},
		{"-", 0, "cannot tell the table format of standard input; give the format (csv or jsonl)"},
	} {
		got, err := TableFormatOf(c.name)
		if got != c.want || fmt.Sprint(err) != c.err && !(err == nil && c.err == "") {
			t.Errorf("TableFormatOf(%q) = %v, %v; want %v, %s", c.name, got, err, c.want, c.err)
		}
	}
	for _, f := range []TableFormat{TableCSV, TableJSONL} {
		if g, err := ParseTableFormat(f.String()); g != f || err != nil {
			t.Errorf("ParseTableFormat(%q) = %v, %v", f.String(), g, err)
		}
	}
	if _, err := ParseTableFormat("xml"); err == nil || err.Error() != `unknown table format "xml"; want csv, jsonl or ndjson` {
		t.Errorf("ParseTableFormat(xml): %v", err)
	}
}

func TestReadTableRows(t *testing.T) {
	in := "id,probability,outcome,w,note\nq1,0.5,yes,2,\"a, \"\"b\"\"\"\nq2,NA,1,1,\nq3,0.25,x,1,\nq4,0.75,0,3, c \n"
	var got []string
	st, err := ReadTableRows("t.csv", strings.NewReader(in), TableOptions{Format: TableCSV, Weight: "w"}, func(r TableRow) error {
		id, _ := r.Value("id")
		note, _ := r.Value("note")
		_, has := r.Value("nothing")
		got = append(got, fmt.Sprintf("%d %s p=%g outcome=%v weight=%g yes=%g note=%q %v %q", r.Line, id, r.P, r.Outcome, r.Weight, r.Yes, note, has, r.Columns))
		return nil
	})
	want := []string{
		`2 q1 p=0.5 outcome=true weight=2 yes=2 note="a, \"b\"" false ["id" "probability" "outcome" "w" "note"]`,
		`5 q4 p=0.75 outcome=false weight=3 yes=0 note="c" false ["id" "probability" "outcome" "w" "note"]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st != (TableStats{Rows: 4, Skipped: 1, Bad: 1, Errors: 1, Bytes: int64(len(in))}) {
		t.Errorf("stats %+v", st)
	}
	if fmt.Sprint(err) != `t.csv:4:9: outcome: "x" is not 0/1, yes/no or true/false` {
		t.Errorf("error %v", err)
	}

	// JSON Lines: columns are the keys of each object.
	in = `{"probability":0.5,"outcome":1,"who":"ann","tags":["x"],"none":null}` + "\n"
	_, err = ReadTableRows("t.jsonl", strings.NewReader(in), TableOptions{Format: TableJSONL}, func(r TableRow) error {
		g := fmt.Sprintf("%q %q", r.Columns, r.Values)
		if w := `["probability" "outcome" "who" "tags" "none"] ["0.5" "1" "ann" "[\"x\"]" ""]`; g != w {
			t.Errorf("got %s, want %s", g, w)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}

	// The callback's error stops the reading.
	stop := errors.New("enough")
	n := 0
	big := "probability,outcome\n" + strings.Repeat("0.5,1\n", 100000)
	st, err = ReadTableRows("t.csv", strings.NewReader(big), TableOptions{Format: TableCSV, BlockBytes: 64}, func(r TableRow) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 || st.Bytes > 1000 {
		t.Errorf("after the callback failed: err %v, %d rows, %d bytes read", err, n, st.Bytes)
	}
}

// A reader that fails after some bytes.
type failingReader struct {
	r io.Reader
	n int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk on fire")
	}
	p = p[:min(len(p), f.n)]
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

func TestReadTableReadError(t *testing.T) {
	in := "probability,outcome,g\n" + strings.Repeat("0.5,1,a\n", 1000)
	st, sinks, err := ReadTable("t.csv", &failingReader{strings.NewReader(in), 100}, TableOptions{Format: TableCSV, BlockBytes: 16, Groups: []string{"g"}}, newTableTally)
	if err == nil || err.Error() != "reading t.csv: disk on fire" {
		t.Fatalf("error %v", err)
	}
	if st.Bytes != 100 || st.Rows != 9 || mergeTableTallies(sinks).String() != "a 0.5 9 9\n" {
		t.Errorf("stats %+v, tally %s", st, mergeTableTallies(sinks))
	}
	_, _, err = ReadTable("t.csv", &failingReader{strings.NewReader(in), 5}, TableOptions{Format: TableCSV}, newTableTally)
	if err == nil || err.Error() != "reading t.csv: disk on fire" {
		t.Fatalf("error in the header: %v", err)
	}
}

// A reader that takes its time.
type slowReader struct {
	r     io.Reader
	delay time.Duration
}

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(s.delay)
	return s.r.Read(p)
}

func TestReadTableProgress(t *testing.T) {
	in := "probability,outcome\n" + strings.Repeat("0.5,1\n", 2000)
	var calls []int64
	var times []time.Time
	r := slowReader{strings.NewReader(in), 2 * time.Millisecond}
	st, _, err := ReadTable("t.csv", r, TableOptions{Format: TableCSV, BlockBytes: 100, Progress: func(n int64) {
		calls = append(calls, n)
		times = append(times, time.Now())
	}}, newTableTally)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 2 || calls[len(calls)-1] != int64(len(in)) || st.Bytes != int64(len(in)) {
		t.Fatalf("progress calls %v; want several, the last at %d", calls, len(in))
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] < calls[i-1] {
			t.Errorf("progress went back: %v", calls)
		}
		if gap := times[i].Sub(times[i-1]); gap < 90*time.Millisecond && i < len(calls)-1 {
			t.Errorf("progress calls %d and %d only %v apart", i-1, i, gap)
		}
	}
}

// The sink of a worker gets Group once per distinct key, and rows of
// each key in file order.
type tableLogSink struct{ log []string }

func (s *tableLogSink) Group(key []string) int {
	s.log = append(s.log, fmt.Sprintf("group %q", key))
	return len(s.log) - 1
}
func (s *tableLogSink) Add(g int, p, n, yes float64) {
	s.log = append(s.log, fmt.Sprintf("add %d %g %g %g", g, p, n, yes))
}

func TestReadTableSinkCalls(t *testing.T) {
	in := "probability,outcome,a,b\n0.1,1,x,y\n0.2,0,x,y\n0.3,1,xy,\n0.4,1,x,y\n"
	_, sinks, err := ReadTable("t.csv", strings.NewReader(in), TableOptions{Format: TableCSV, Groups: []string{"a", "b"}, Workers: 1},
		func() TableSink { return new(tableLogSink) })
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(sinks[0].(*tableLogSink).log, "\n")
	want := `group ["x" "y"]
add 0 0.1 1 1
add 0 0.2 1 0
group ["xy" ""]
add 3 0.3 1 1
add 0 0.4 1 1`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	_, sinks, err = ReadTable("t.csv", strings.NewReader(in), TableOptions{Format: TableCSV, Workers: 1},
		func() TableSink { return new(tableLogSink) })
	if err != nil {
		t.Fatal(err)
	}
	if got := sinks[0].(*tableLogSink).log[0]; got != "group []" {
		t.Errorf("without group columns: %s", got)
	}
}

func TestTableParseNumber(t *testing.T) {
	for _, c := range []struct {
		in    string
		shift int
		want  float64
		ok    bool
	}{
		{"0.37", 0, 0.37, true},
		{"0.7", 2, 0.007, true},
		{"7e-1", 2, 0.007, true},
		{"+0.7", 2, 0.007, true},
		{"33.3333333333333333", 2, 0.333333333333333333, true},
		{"12345678901234567890", 0, 12345678901234567890, true},
		{"9007199254740993", 0, 9007199254740993, true},
		{"0.1e99999999999999999999", 2, math.Inf(1), true},
		{"1e-99999999999999999999", 2, 0, true},
		{"1e400", 0, math.Inf(1), true},
		{"-1e400", 0, math.Inf(-1), true},
		{"", 0, 0, false},
		{".", 0, 0, false},
		{"-", 0, 0, false},
		{"1e+", 0, 0, false},
		{"1 ", 0, 0, false},
		{"infinity", 0, 0, false},
	} {
		got, ok := tableParseNumber([]byte(c.in), c.shift)
		if got != c.want || ok != c.ok {
			t.Errorf("tableParseNumber(%q, %d) = %v, %v; want %v, %v", c.in, c.shift, got, ok, c.want, c.ok)
		}
	}
	// The fast path gives strconv.ParseFloat's values.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var s string
		switch rng.IntN(3) {
		case 0:
			s = strconv.FormatFloat(rng.Float64(), 'f', rng.IntN(20), 64)
		case 1:
			s = strconv.FormatUint(rng.Uint64N(1<<uint(rng.IntN(64))), 10)
			if k := rng.IntN(len(s) + 1); k < len(s) {
				s = s[:k] + "." + s[k:]
			}
		default:
			s = strconv.FormatFloat(float64(rng.IntN(10001))/10000, 'f', -1, 64)
		}
		want, err := strconv.ParseFloat(s, 64)
		if got, ok := tableParseNumber([]byte(s), 0); err != nil || !ok || got != want {
			t.Fatalf("tableParseNumber(%q) = %v, %v; strconv.ParseFloat gives %v, %v", s, got, ok, want, err)
		}
	}
}

// A long row read in tiny blocks takes a few doublings of the buffer,
// not one step per block (which would take hours here).
func TestReadTableLongRowSmallBlocks(t *testing.T) {
	long := strings.Repeat("x", 4<<20)
	for _, in := range []string{
		"probability,outcome,g\n0.5,1,a\n0.5,1," + long + "\n0.5,0,b\n",
		"probability,outcome,g\n0.5,1,a\n0.5,1,\"" + strings.ReplaceAll(long[:1<<20], "xx", "x\n") + "\"\n0.5,0,b\n",
	} {
		st, sinks, err := ReadTable("t.csv", strings.NewReader(in), TableOptions{Format: TableCSV, Groups: []string{"g"}, BlockBytes: 4, MaxLineBytes: 8 << 20}, newTableTally)
		if err != nil || st.Rows != 3 {
			t.Fatalf("stats %+v, error %v", st, err)
		}
		if got := mergeTableTallies(sinks); len(got) != 3 {
			t.Errorf("%d groups, want 3", len(got))
		}
	}
	_, _, err := ReadTable("t.csv", strings.NewReader("probability,outcome\n"+long), TableOptions{Format: TableCSV, BlockBytes: 4}, newTableTally)
	if fmt.Sprint(err) != "t.csv:2:1: row is longer than 1048576 bytes (is a quote not closed?)" {
		t.Errorf("error %v", err)
	}
}

func TestReadTableUTF16(t *testing.T) {
	for _, in := range []string{"\xff\xfep\x00r\x00o\x00", "\xfe\xff\x00p\x00r"} {
		st, _, err := ReadTable("t.csv", strings.NewReader(in), csvOpt, newTableTally)
		if fmt.Sprint(err) != "t.csv:1: the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)" || st.Errors != 1 {
			t.Errorf("%q: error %v, stats %+v", in, err, st)
		}
	}
}
