package forecasts_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// tableBrier is a TableSink that sums squared errors by group.
type tableBrier struct {
	keys   []string
	n, sum []float64
}

func (s *tableBrier) Group(key []string) int {
	s.keys = append(s.keys, strings.Join(key, "/"))
	s.n = append(s.n, 0)
	s.sum = append(s.sum, 0)
	return len(s.keys) - 1
}

func (s *tableBrier) Add(g int, p, n, yes float64) {
	s.n[g] += n
	s.sum[g] += yes*(1-p)*(1-p) + (n-yes)*p*p
}

// A sink per worker gathers the rows; the caller merges the sinks.
func ExampleReadTable() {
	in := `team,probability,outcome
red,0.8,yes
red,0.3,no
blue,0.6,no
blue,"0.9",1
`
	stats, sinks, err := forecasts.ReadTable("example.csv", strings.NewReader(in),
		forecasts.TableOptions{Format: forecasts.TableCSV, Groups: []string{"team"}},
		func() forecasts.TableSink { return new(tableBrier) })
	if err != nil {
		fmt.Println(err)
		return
	}
	n, sum := map[string]float64{}, map[string]float64{}
	for _, s := range sinks {
		b := s.(*tableBrier)
		for g, k := range b.keys {
			n[k] += b.n[g]
			sum[k] += b.sum[g]
		}
	}
	for _, k := range slices.Sorted(maps.Keys(n)) {
		fmt.Printf("%s: Brier score %.3f over %g forecasts\n", k, sum[k]/n[k], n[k])
	}
	fmt.Println(stats.Rows, "rows")
	// Output:
	// blue: Brier score 0.185 over 2 forecasts
	// red: Brier score 0.065 over 2 forecasts
	// 4 rows
}

// Every bad row is reported, with its line and column; the good rows
// still reach the sinks, and the caller decides what to do.
func ExampleReadTable_errors() {
	in := "probability,outcome\n0.5,maybe\n1.2,1\nNA,1\n0.4,0\n"
	stats, _, err := forecasts.ReadTable("bad.csv", strings.NewReader(in),
		forecasts.TableOptions{Format: forecasts.TableCSV},
		func() forecasts.TableSink { return new(tableBrier) })
	var errs forecasts.ErrorList
	if errors.As(err, &errs) {
		fmt.Print(errs.Format(10))
	}
	fmt.Printf("%d rows: %d skipped, %d bad; %d errors\n", stats.Rows, stats.Skipped, stats.Bad, stats.Errors)
	// Output:
	// bad.csv:2:5: outcome: "maybe" is not 0/1, yes/no or true/false
	// bad.csv:3:1: probability: "1.2" is not a number between 0 and 1
	// 4 rows: 1 skipped, 2 bad; 2 errors
}

// Small tables can be read row by row, with every column's value.
func ExampleReadTableRows() {
	in := `{"id": "q1", "probability": 0.7, "outcome": true}
{"id": "q2", "probability": null, "outcome": false}
{"id": "q3", "probability": "0.2", "outcome": "no"}
`
	_, err := forecasts.ReadTableRows("f.jsonl", strings.NewReader(in),
		forecasts.TableOptions{Format: forecasts.TableJSONL},
		func(r forecasts.TableRow) error {
			id, _ := r.Value("id")
			fmt.Printf("line %d: %s p=%g outcome=%v\n", r.Line, id, r.P, r.Outcome)
			return nil
		})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// line 1: q1 p=0.7 outcome=true
	// line 3: q3 p=0.2 outcome=false
}
