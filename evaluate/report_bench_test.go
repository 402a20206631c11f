package evaluate_test

import (
	"os"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
)

// BenchmarkReportRecords computes the report of the dataset file
// HINDCAST_REPORT_DATA names (10,000 records, say), without rendering.
func BenchmarkReportRecords(b *testing.B) {
	path := os.Getenv("HINDCAST_REPORT_DATA")
	if path == "" {
		b.Skip("set HINDCAST_REPORT_DATA to a dataset file")
	}
	for b.Loop() {
		if _, err := evaluate.Report(evaluate.Input{Data: []string{path}}, evaluate.ReportOptions{Bootstrap: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
