package evaluate_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/testmem"
)

// Memory follows the distinct (group, value) cells, not groups × 1,001:
// 1M rows in 100,000 groups of two-decimal forecasts (13.9 MB of CSV)
// once took each group a dense 32 KB tally per reading worker, 6.4 GB of
// heap on two cores; tallied sparsely, loading them stays under 300 MB
// (about 190 MB measured).
func TestManyGroupsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads 1M rows")
	}
	path := filepath.Join(t.TempDir(), "groups.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("group,probability,outcome\n")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1_000_000 {
		p := rng.IntN(101)
		yes := 0
		if rng.IntN(100) < p {
			yes = 1
		}
		fmt.Fprintf(w, "g%05d,%d.%02d,%d\n", rng.IntN(100_000), p/100, p%100, yes)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var groups int
	peak := testmem.HeapPeak(func() {
		fs, err := evaluate.Load(evaluate.Input{Data: []string{path}, By: []string{"group"}})
		if err != nil {
			t.Fatal(err)
		}
		groups = len(fs.Groups)
	})
	if groups < 99_000 {
		t.Fatalf("%d groups", groups)
	}
	if grew := peak - before.HeapInuse; grew > 300<<20 {
		t.Errorf("loading %d groups grew the heap by %d MB, want under 300 MB", groups, grew>>20)
	}
}
