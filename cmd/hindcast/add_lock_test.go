package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hindcast/hindcast/forecasts"
)

// TestHindcastChild is not a test: run by childHindcast as a process of
// its own, it runs hindcast with the arguments after --. Locks are taken
// between processes, so that is how they are tested.
func TestHindcastChild(t *testing.T) {
	if os.Getenv("HINDCAST_TEST_CHILD") != "1" {
		t.Skip("run as a child process by the lock tests")
	}
	os.Exit(hindcastMain(flag.Args(), strings.NewReader(""), os.Stdout, os.Stderr))
}

type childResult struct {
	stdout, stderr string
	code           int
}

// childHindcasts runs each command line as a hindcast process of its own,
// all at once, and returns their results in order.
func childHindcasts(t *testing.T, cmds ...[]string) []childResult {
	t.Helper()
	out := make([]childResult, len(cmds))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, args := range cmds {
		cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHindcastChild$", "--"}, args...)...)
		cmd.Env = append(os.Environ(), "HINDCAST_TEST_CHILD=1")
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := cmd.Run()
			var ee *exec.ExitError
			switch {
			case err == nil:
			case errors.As(err, &ee):
				out[i].code = ee.ExitCode()
			default:
				out[i].code = -1
				e.WriteString(err.Error())
			}
			out[i].stdout, out[i].stderr = o.String(), e.String()
		}()
	}
	close(start)
	wg.Wait()
	return out
}

func addArgs(to, id string) []string {
	return []string{"forecasts", "add", "--to", to, "--id", id, "--question", "Will " + id + " happen?",
		"--forecaster", "Desk A", "--issued", "1990", "--probability", "0.3", "--outcome", "no"}
}

// loadIDs loads a dataset and returns its ids; it fails the test when the
// dataset does not validate.
func loadIDs(t *testing.T, path string) map[string]bool {
	t.Helper()
	ds, err := (&forecasts.Loader{}).Load(path)
	if err != nil {
		t.Fatalf("%s does not validate:\n%v", path, formatErr(err))
	}
	ids := map[string]bool{}
	for _, r := range ds[0].Records {
		ids[r.ID] = true
	}
	return ids
}

func formatErr(err error) string {
	var list forecasts.ErrorList
	if errors.As(err, &list) {
		return list.Format(0)
	}
	return err.Error()
}

// Two adds at once, in two processes, 50 times over: every add succeeds
// (the second waits for the first), every record is in the file, and each
// add reports a different line and count. Two adds of one id to two
// record files of one folder: one succeeds, the other reports the
// duplicate, and the folder validates. (Before the lock, 50 rounds kept
// about 53 of 71 records reported added.)
func TestAddConcurrentLosesNothing(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "seminar")
	if _, stderr, code := runHindcast("forecasts", "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("records: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	records := filepath.Join(dir, "records.yaml")
	before := len(loadIDs(t, dir))
	rounds := 50
	if testing.Short() {
		rounds = 10 // enough to lose records without the lock; 50 without -short
	}
	added := 0
	for i := range rounds {
		a, b := fmt.Sprintf("r%d-a", i), fmt.Sprintf("r%d-b", i)
		res := childHindcasts(t, addArgs(records, a), addArgs(records, b))
		for _, r := range res {
			if r.code != 0 {
				t.Errorf("round %d: exit %d: %s", i, r.code, r.stderr)
				continue
			}
			added++
		}
		if res[0].code == 0 && res[1].code == 0 && res[0].stdout[strings.Index(res[0].stdout, ":"):] == res[1].stdout[strings.Index(res[1].stdout, ":"):] {
			t.Errorf("round %d: both adds report the same line and count: %q", i, res[0].stdout)
		}
		// One id, two record files of the folder.
		dup := fmt.Sprintf("dup-%d", i)
		res = childHindcasts(t, addArgs(records, dup), addArgs(filepath.Join(dir, "b.yaml"), dup))
		ok := 0
		for _, r := range res {
			switch {
			case r.code == 0:
				ok++
			case r.code != 1 || !strings.Contains(r.stderr, `duplicate id "`+dup+`"`):
				t.Errorf("round %d, one id in two files: exit %d: %s", i, r.code, r.stderr)
			}
		}
		if ok != 1 {
			t.Errorf("round %d: %d adds of the id %s succeeded, want 1", i, ok, dup)
		}
		added += ok
	}
	ids := loadIDs(t, dir)
	if len(ids) != before+added || added != 3*rounds {
		t.Errorf("%d adds succeeded, want %d; the folder holds %d records, want %d", added, 3*rounds, len(ids), before+added)
	}
	for i := range rounds {
		for _, id := range []string{fmt.Sprintf("r%d-a", i), fmt.Sprintf("r%d-b", i), fmt.Sprintf("dup-%d", i)} {
			if !ids[id] {
				t.Errorf("record %s was reported added and is not in the folder", id)
			}
		}
	}
}

// Imports at once into one dataset folder, with the same record file
// name: one makes the file; the other fails saying so, writing nothing;
// no record is lost or overwritten and the folder validates.
func TestImportConcurrentSameRecordFile(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "seminar")
	if _, stderr, code := runHindcast("forecasts", "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	before := len(loadIDs(t, dir))
	sheet := func(name string) string {
		path := filepath.Join(tmp, name+".csv")
		csv := "id,question,forecaster,issued,estimate.probability,outcome\n" +
			name + "-1,Will it happen?,Desk A,1990,0.3,no\n" + name + "-2,Will it happen?,Desk A,1990,0.6,yes\n"
		if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rounds, imported := 20, 0
	if testing.Short() {
		rounds = 5
	}
	for i := range rounds {
		rf := fmt.Sprintf("r%d.yaml", i)
		a, b := sheet(fmt.Sprintf("s%d-a", i)), sheet(fmt.Sprintf("s%d-b", i))
		res := childHindcasts(t,
			[]string{"forecasts", "import", a, "--to", dir, "--records-file", rf},
			[]string{"forecasts", "import", b, "--to", dir, "--records-file", rf})
		ok := 0
		for _, r := range res {
			switch {
			case r.code == 0:
				ok++
			case !strings.Contains(r.stderr, "exists") && !strings.Contains(r.stderr, "appeared"):
				t.Errorf("round %d: exit %d: %s", i, r.code, r.stderr)
			}
		}
		if ok != 1 {
			t.Errorf("round %d: %d imports made %s, want 1", i, ok, rf)
		}
		imported += 2 * ok
	}
	if ids := loadIDs(t, dir); len(ids) != before+imported {
		t.Errorf("the folder holds %d records; %d imported and %d before", len(ids), imported, before)
	}
}

// A writer that cannot have the lock in time fails, saying so, and
// writes nothing.
func TestAddWaitsForTheLock(t *testing.T) {
	tmp := tempDir(t)
	file := filepath.Join(tmp, "seminar.yaml")
	orig := mustRead(t, "../../forecasts/testdata/valid/seminar.yaml")
	if err := os.WriteFile(file, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	lock, err := forecasts.LockFolder(tmp, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer func(w time.Duration) { addLockWait = w }(addLockWait)
	addLockWait = 300 * time.Millisecond
	start := time.Now()
	_, stderr, code := runHindcast(addArgs(file, "late")...)
	want := fmt.Sprintf("hindcast: %s is locked by another hindcast writing to %s (waited 300ms); try again; nothing written\n", file, tmp)
	if code != 1 || stderr != want || time.Since(start) < 300*time.Millisecond {
		t.Errorf("exit %d after %v:\n%s\nwant\n%s", code, time.Since(start), stderr, want)
	}
	if mustRead(t, file) != orig {
		t.Error("the file changed")
	}
	// Released, the lock is free to the next writer.
	lock.Unlock()
	if _, stderr, code := runHindcast(addArgs(file, "late")...); code != 0 {
		t.Errorf("after the lock was released: exit %d: %s", code, stderr)
	}
}
