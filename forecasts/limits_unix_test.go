//go:build unix

package forecasts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// A file that is not a regular file — a device, a pipe — is read through
// the same limit as any other: no more than MaxYAMLBytes+1 bytes, and the
// error says where the limit was passed. (The limit used to be checked on
// the size Stat gives, 0 for these, and /dev/zero ran out of memory.)
func TestReadLimitAnyFile(t *testing.T) {
	// A pipe holding 3 times the limit: the writer is left blocked when
	// the reader stops, as it must.
	fifo := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		line := []byte(strings.Repeat("y", 1023) + "\n")
		for range 3 * MaxYAMLBytes / len(line) {
			if _, err := f.Write(line); err != nil {
				return // the reader stopped
			}
		}
	}()
	// The limit falls on line 8193 (8192 lines of 1024 bytes before it),
	// column 1.
	for _, tc := range []struct{ path, pos string }{
		{fifo, fifo + ":8193:1: "},
		{"/dev/zero", "/dev/zero:1:8388609: "},
	} {
		if _, err := os.Stat(tc.path); err != nil {
			t.Log(err)
			continue
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := (&Loader{}).Load(tc.path)
		runtime.ReadMemStats(&after)
		want := tc.pos + "the file goes on past 8 MiB (8388608 bytes), the most a YAML dataset file may hold"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got %v, want %s...", tc.path, err, want)
		}
		// Bounded, not small: the reads of a 8 MiB limit allocate about
		// 20 MiB, 64 MiB under -race; unbounded, they never end.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
			t.Errorf("%s: reading allocated %d MiB", tc.path, alloc>>20)
		}
	}
}

// A dataset folder's YAML files may hold MaxFolderBytes in all: the file
// that passes it is named, and the files after it are not read.
func TestFolderLimit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(ManifestFile, "name: big\ntitle: Big\nselection: all\n")
	// Record files of 7 MiB each, mostly a comment (quick to parse): the
	// fifth passes 32 MiB (5 × 7 = 35).
	comment := "# " + strings.Repeat("x", 7<<20-len("# \nrecords: []\n")) + "\nrecords: []\n"
	for _, name := range []string{"a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "f.yaml"} {
		write(name, comment)
	}
	_, err := (&Loader{}).Load(dir)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("got %v, want one error", err)
	}
	want := fmt.Sprintf("%s: with this file the YAML files of the dataset folder %s hold more than 32 MiB (33554432 bytes), the most a dataset folder may hold", filepath.Join(dir, "e.yaml"), dir)
	if !strings.HasPrefix(list[0].Error(), want) {
		t.Errorf("got  %v\nwant %s...", list[0], want)
	}
	// Below the limit, the folder loads.
	os.Remove(filepath.Join(dir, "e.yaml"))
	os.Remove(filepath.Join(dir, "f.yaml"))
	if _, err := (&Loader{}).Load(dir); err != nil {
		t.Errorf("28 MiB: %v", err)
	}
}
