package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A question holding U+2028, imported from a sheet, then a record added
// after it: add used to panic (the YAML parser counts U+2028 as a line
// break, and the appender did not). The folder then validates, and add
// reports the line of the file the record starts on.
func TestAddAfterImportedLineSeparator(t *testing.T) {
	tmp := tempDir(t)
	sheet := filepath.Join(tmp, "sheet.csv")
	// Twelve breaks in the first record's question put the parser's line
	// of the second record twelve lines past the file's.
	csv := "id,question,forecaster,issued,estimate.probability,outcome\n" +
		"a-1,Will it" + strings.Repeat("\u2028", 12) + "happen?,Desk A,1990,0.3,no\n" +
		"a-2,Will it happen?,Desk A,1990,0.3,no\n"
	if err := os.WriteFile(sheet, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "seminar")
	if _, stderr, code := runHindcast("forecasts", "import", sheet, "--to", dir, "--selection", "all"); code != 0 {
		t.Fatal(stderr)
	}
	records := filepath.Join(dir, "records.yaml")
	lines := strings.Count(mustRead(t, records), "\n")
	stdout, stderr, code := runHindcast(addArgs(records, "b-1")...)
	// Import separates records by a blank line, and so does add: the new
	// item starts two lines after the file's last one.
	if want := records + ":" + itoa(lines+2) + ": added b-1; seminar now holds 3 records\n"; code != 0 || stdout != want {
		t.Fatalf("add: exit %d\n%s%s\nwant %s", code, stdout, stderr, want)
	}
	if stdout, stderr, code := runHindcast("forecasts", "validate", dir); code != 0 {
		t.Errorf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
