package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScore10M scores hindcast's reference workload in process:
// 10,000,000 simulated forecasts with two decimals in 10 groups, read from
// a CSV file, with 1000 bootstrap replicates for every group and overall.
// The file (110 MB) is written once, before the timer starts.
//
//	go test ./cmd/hindcast -run x -bench Score10M -benchtime 5x
//
// The same as a command, with peak memory:
//
//	go run ./cmd/hindcast simulate -n 10000000 --groups 10 -o bench.csv
//	/usr/bin/time -v go run ./cmd/hindcast score --data bench.csv --by group --bootstrap 1000
func BenchmarkScore10M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	err = writeSimulation(f, &simulateOptions{n: 10_000_000, groups: 10, decimals: 2, alpha: 1, beta: 1, slope: 1, seed: 1})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(path)
	b.SetBytes(info.Size())
	args := strings.Fields("score --data " + path + " --by group --bootstrap 1000 --format json")
	b.ResetTimer()
	for range b.N {
		if code := hindcastMain(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
