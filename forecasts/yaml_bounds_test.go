package forecasts

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// billionLaughs is the classic alias bomb: ten levels of lists of ten
// aliases to the level below, 10^10 strings when expanded, under records:.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("dataset: {name: x, title: x, selection: all}\nlaughs:\n")
	b.WriteString(`  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]` + "\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	b.WriteString("records: *a9\n")
	return b.String()
}

// aliasFanOut names one mapping of 20,000 fields in 999 records: 20
// million unknown fields for a decoder that follows every alias, from a
// file of 200 KB. (Before aliases were bounded by the nodes they reach,
// reading it took over two minutes and more than 10 GB.)
func aliasFanOut() string {
	var b strings.Builder
	b.WriteString("dataset: {name: x, title: x, selection: all}\nx: &r {")
	for i := range 20000 {
		fmt.Fprintf(&b, "k%d: 1, ", i)
	}
	b.WriteString("}\nrecords: [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("*r, ", 999), ", "))
	b.WriteString("]\n")
	return b.String()
}

// sourceAliases shares one source among n records, the way an anchor is
// meant to be used.
func sourceAliases(n int) string {
	var b strings.Builder
	b.WriteString("dataset: {name: x, title: x, selection: all}\nrecords:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: r%d\n    question: Q?\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: no\n", i)
		if i == 0 {
			b.WriteString("    sources: [&s {title: The report, author: A, publisher: P, date: 1990-01, page: '4', url: 'https://example.org', quote: q}]\n")
		} else {
			b.WriteString("    sources: [*s]\n")
		}
	}
	return b.String()
}

// loadMeasured reads in as a dataset file and returns the problems and the
// bytes allocated while reading it.
func loadMeasured(in string) (ErrorList, *Dataset, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ds, err := ReadYAML(strings.NewReader(in), "f.yaml")
	runtime.ReadMemStats(&after)
	list, _ := err.(ErrorList)
	return list, ds, after.TotalAlloc - before.TotalAlloc
}

// Aliases are bounded by how many nodes they reach, so that a small file
// cannot make the decoder read millions of values: the bomb is a
// positioned error, read in bounded memory.
func TestYAMLAliasBombs(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		maxAlloc       uint64
	}{
		{"billion laughs", billionLaughs(), "f.yaml:11:7: record: expected a mapping of fields, found a list", 1 << 20},
		{"fan-out", aliasFanOut(), "too many aliases: with *r the file's aliases would be followed more than 1000 times or reach more than 100000 values; write the values out instead", 256 << 20},
		{"1001 aliases", sourceAliases(1002), "f.yaml:7016:15: too many aliases", 16 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, _, alloc := loadMeasured(tc.in)
			if len(list) == 0 || !strings.Contains(list.Format(0), tc.want) {
				t.Errorf("got\n%s\nwant a line with %s", list.Format(5), tc.want)
			}
			if n := strings.Count(list.Format(0), "too many aliases"); n > 1 {
				t.Errorf("too many aliases reported %d times, want once", n)
			}
			for _, e := range list {
				if e.Line < 1 {
					t.Errorf("unplaced: %v", e)
				}
			}
			if alloc > tc.maxAlloc {
				t.Errorf("reading it allocated %d MB, want at most %d", alloc>>20, tc.maxAlloc>>20)
			}
			t.Logf("%d bytes of YAML, %d problems, %.1f MB allocated", len(tc.in), len(list), float64(alloc)/(1<<20))
		})
	}
	// A thousand records sharing one source still load.
	if list, ds, _ := loadMeasured(sourceAliases(1000)); len(list) > 0 || len(ds.Records) != 1000 || ds.Records[999].Sources[0].Title != "The report" {
		t.Errorf("1000 records sharing a source: %s", list.Format(3))
	}
}

// The YAML parser refuses nesting deeper than 10,000 levels; at 10,000 the
// decoder, which reads a fixed number of levels, stops at the first.
func TestYAMLDeepNesting(t *testing.T) {
	head := "dataset: {name: x, title: x, selection: all}\nrecords:\n  - id: r\n    notes: "
	for _, tc := range []struct {
		name, in, want string
	}{
		{"flow 10000", head + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", "f.yaml:4:13: notes: expected text, found a list"},
		{"flow 10001", head + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n", "f.yaml:4: YAML syntax: exceeded max depth of 10000"},
		{"mappings 10001", head + strings.Repeat("{a: ", 10001) + strings.Repeat("}", 10001) + "\n", "f.yaml:4: YAML syntax: exceeded max depth of 10000"},
		{"block 10000", "dataset: {name: x, title: x, selection: all}\nrecords:\n" + strings.Repeat("- ", 10000) + "x\n", "f.yaml:3:3: record: expected a mapping of fields, found a list"},
		{"block 10001", "dataset: {name: x, title: x, selection: all}\nrecords:\n" + strings.Repeat("- ", 10001) + "x\n", "f.yaml:2: YAML syntax: exceeded max depth of 10000"}, // the parser's line
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, _, alloc := loadMeasured(tc.in)
			if len(list) == 0 || !strings.Contains(list.Format(0), tc.want) {
				t.Errorf("got\n%s\nwant a line with %s", list.Format(5), tc.want)
			}
			if alloc > 64<<20 {
				t.Errorf("reading it allocated %d MB", alloc>>20)
			}
			t.Logf("%d bytes of YAML, %.1f MB allocated", len(tc.in), float64(alloc)/(1<<20))
		})
	}
}
