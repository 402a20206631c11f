package evaluate_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// copies returns a dataset of the built-in records repeated to n.
func copies(t *testing.T, n int) []*forecasts.Dataset {
	t.Helper()
	ds, err := evaluate.LoadDatasets(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	recs := evaluate.AllRecords(ds)
	d := *ds[0]
	d.Records = nil
	for i := range n {
		r := *recs[i%len(recs)]
		r.ID = fmt.Sprintf("%s-%d", r.ID, i)
		d.Records = append(d.Records, &r)
	}
	return []*forecasts.Dataset{&d}
}

// Each random coding sorts every record, 2,004 codings per scale: 30,000
// records took 40 s and 1 GB. Past the budget the codings are fewer, and
// the result says so: with 20,000 records (about 19,200 scored) at most
// 4,000,000 / 19,200 = 208 codings.
func TestSensitivityBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 20,000 records 1,035 times")
	}
	ds := copies(t, 20_000)
	start := time.Now()
	s := evaluate.Sensitivity(ds, evaluate.SensitivityOptions{Samples: 2000, Seed: 1})
	if s.SamplesAsked != 2000 || s.Samples != evaluate.SampleBudget/s.N || s.Samples > 210 {
		t.Errorf("%d records: %d samples (%d asked), want %d of 2000 asked", s.N, s.Samples, s.SamplesAsked, evaluate.SampleBudget/s.N)
	}
	t.Logf("%d records, %d codings a scale: %v", s.N, s.Samples, time.Since(start))
	// The built-in data is far within the budget.
	small := evaluate.Sensitivity(copies(t, 25), evaluate.SensitivityOptions{Samples: 2000, Seed: 1})
	if small.Samples != 2000 || small.SamplesAsked != 0 {
		t.Errorf("25 records: %d samples, %d asked", small.Samples, small.SamplesAsked)
	}
}
