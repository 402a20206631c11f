package evaluate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/testmem"
	"github.com/hindcast/hindcast/reports/page"
)

// The report of 10,000 records (half coded as Kent's terms, four
// forecasters, sixty years) has no card per record, and writes under
// 5 MB in all with under 300 MB of heap at its peak. (On the 2-core
// machine of the README it takes about 2 s of CPU; the time is logged,
// not checked, as other work on the machine would make it flaky.)
func TestReportScales(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a report of 10,000 records")
	}
	var b strings.Builder
	b.WriteString("dataset:\n  name: big\n  title: Simulated judgments\n  selection: random sample\nrecords:\n")
	terms := []string{"almost certain", "probable", "chances about even", "probably not", "almost certainly not"}
	for i := range 10_000 {
		fmt.Fprintf(&b, "  - id: r%d\n    question: Will event %d happen?\n    forecaster: Desk %c\n    issued: %d-%02d\n", i, i, 'A'+i%4, 1950+i%60, 1+i%12)
		if i%2 == 0 {
			fmt.Fprintf(&b, "    estimate: {term: %s, scale: kent-1964}\n", terms[i/2%5])
		} else {
			fmt.Fprintf(&b, "    estimate: {probability: %g}\n", float64(i%101)/100)
		}
		o := "no"
		if i%3 == 0 {
			o = "yes"
		}
		fmt.Fprintf(&b, "    outcome: %s\n", o)
	}
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var files map[string][]byte
	runtime.GC() // what tests before left is not this report's
	start := time.Now()
	peak := testmem.HeapPeak(func() {
		rep, err := evaluate.Report(evaluate.Input{Data: []string{path}}, evaluate.ReportOptions{Bootstrap: 1000, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if files, _, err = page.RenderReport(rep, "html"); err != nil {
			t.Fatal(err)
		}
	})
	total := 0
	for _, f := range files {
		total += len(f)
	}
	t.Logf("10,000 records: %v, heap peak %d MB, %d files, %.1f MB", time.Since(start).Round(time.Millisecond), peak>>20, len(files), float64(total)/1e6)
	if total > 5_000_000 {
		t.Errorf("the report is %d bytes; at most 5 MB", total)
	}
	if peak > 300<<20 {
		t.Errorf("heap peak %d MB; at most 300 MB", peak>>20)
	}
	html := string(files["index.html"])
	if strings.Contains(html, `class="card"`) {
		t.Error("10,000 records, and a card each")
	}
	for _, want := range []string{"The costliest forecasts", "The biggest hits", "By forecast band", `id="chart-big-timeline"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the report of 10,000 records lacks %s", want)
		}
	}
}
