package forecasts

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Measuring the table reader on the benchmark file (10,000,000 rows like
// "0.37,1,g3", about 100 MB):
//
//	go test -run '^$' -bench ReadTable10M -benchtime 5x ./forecasts/
//
// or, for wall time and peak memory of one read, outside the benchmark
// framework:
//
//	HINDCAST_TABLE_GEN=/tmp/t10m.csv go test -run '^TestTableGenerate$' ./forecasts/
//	(.jsonl for JSON Lines; HINDCAST_TABLE_ROWS=n for another number of rows)
//	go test -c -o /tmp/forecasts.test ./forecasts/
//	HINDCAST_TABLE_FILE=/tmp/t10m.csv /usr/bin/time -v /tmp/forecasts.test -test.run '^TestTableReadFile$' -test.v

// writeTableBenchFile writes rows of the benchmark table to path: a
// probability with two decimals, an outcome drawn with that probability
// and one of ten groups; as JSON Lines when path ends in .jsonl.
func writeTableBenchFile(path string, rows int) error {
	return writeTableBenchFileAs(path, rows, "")
}

// writeTableBenchFileAs writes the benchmark table with probabilities
// as percentages when percent is not empty: "37" with percent "number",
// "37%" with percent "sign".
func writeTableBenchFileAs(path string, rows int, percent string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	jsonl := filepath.Ext(path) == ".jsonl"
	if !jsonl {
		w.WriteString("probability,outcome,group\n")
	}
	var line []byte
	for range rows {
		k := rng.IntN(101)
		y := 0
		if rng.IntN(100) < k {
			y = 1
		}
		var p []byte
		switch percent {
		case "":
			p = strconv.AppendFloat(nil, float64(k)/100, 'f', 2, 64)
		case "number":
			p = strconv.AppendInt(nil, int64(k), 10)
		case "sign":
			p = append(strconv.AppendInt(nil, int64(k), 10), '%')
		}
		g := byte('0' + rng.IntN(10))
		if jsonl {
			line = fmt.Appendf(line[:0], `{"probability":%s,"outcome":%d,"group":"g%c"}`+"\n", p, y, g)
		} else {
			line = append(append(line[:0], p...), ',', byte('0'+y), ',', 'g', g, '\n')
		}
		w.Write(line)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func TestTableGenerate(t *testing.T) {
	path := os.Getenv("HINDCAST_TABLE_GEN")
	if path == "" {
		t.Skip("set HINDCAST_TABLE_GEN to the file to write")
	}
	rows := 10_000_000
	if s := os.Getenv("HINDCAST_TABLE_ROWS"); s != "" {
		var err error
		if rows, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeTableBenchFile(path, rows); err != nil {
		t.Fatal(err)
	}
}

func TestTableReadFile(t *testing.T) {
	path := os.Getenv("HINDCAST_TABLE_FILE")
	if path == "" {
		t.Skip("set HINDCAST_TABLE_FILE to the table to read")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, err := TableFormatOf(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	st, sinks, err := ReadTable(path, f, TableOptions{Format: format, Groups: []string{"group"}}, newTableTally)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	m := mergeTableTallies(sinks)
	t.Logf("%d rows, %d bytes in %v: %.0f MB/s, %.1f M rows/s; %d groups",
		st.Rows, st.Bytes, elapsed, float64(st.Bytes)/1e6/elapsed.Seconds(), float64(st.Rows)/1e6/elapsed.Seconds(), len(m))
}

func BenchmarkReadTable10M(b *testing.B) { benchReadTable10M(b, "") }

// BenchmarkReadPercentTable10M reads the benchmark table with Percent,
// its probabilities written as percentages without and with a % sign:
//
//	go test -run '^$' -bench ReadPercentTable10M -benchtime 5x ./forecasts/
func BenchmarkReadPercentTable10M(b *testing.B) {
	for _, percent := range []string{"number", "sign"} {
		b.Run(percent, func(b *testing.B) { benchReadTable10M(b, percent) })
	}
}

// benchReadTable10M reads a table of 10M rows in 10 groups, written by
// writeTableBenchFileAs with percent, and read with Percent when percent
// is not empty.
func benchReadTable10M(b *testing.B, percent string) {
	path := filepath.Join(b.TempDir(), "t10m.csv")
	if err := writeTableBenchFileAs(path, 10_000_000, percent); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	opt := TableOptions{Format: TableCSV, Groups: []string{"group"}, Percent: percent != ""}
	b.SetBytes(fi.Size())
	b.ResetTimer()
	var rows int64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st, sinks, err := ReadTable(path, f, opt, newTableTally)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if m := mergeTableTallies(sinks); len(m) != 10 {
			b.Fatalf("%d groups, want 10", len(m))
		}
		rows += st.Rows
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
