package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tempDir is t.TempDir with symbolic links resolved, as add resolves
// them in the paths it prints.
func tempDir(t *testing.T) string {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// inTemp replaces the temporary folder in a command's output by TMP, so
// that it can be compared with a golden file.
func inTemp(tmp, s string) string { return strings.ReplaceAll(s, tmp, "TMP") }

// TestInitGolden creates a dataset folder and compares each file it
// writes with a reviewed golden file; the folder must validate as it is.
func TestInitGolden(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "Seminar 2026")
	stdout, stderr, code := runHindcast("forecasts", "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	golden(t, "init.stdout", inTemp(tmp, stdout))
	golden(t, "init.stderr", stderr)
	for _, name := range []string{"manifest.yaml", "records.yaml", "README.md"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "init-"+name, string(data))
	}
	stdout, stderr, code = runHindcast("forecasts", "validate", dir)
	if code != 0 || !strings.HasPrefix(stdout, "seminar-2026: 4 records, 2 files: ok\n") {
		t.Errorf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
}

// init writes nothing into a folder that holds anything, nor over a file.
func TestInitRefuses(t *testing.T) {
	tmp := tempDir(t)
	full := filepath.Join(tmp, "full")
	if err := os.Mkdir(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "file.yaml")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, want string }{
		{full, "hindcast: TMP/full exists and is not empty (1 entry); give the name of a new or empty folder: init writes nothing over existing files\n"},
		{file, "hindcast: TMP/file.yaml exists and is a file; give the name of a new or empty folder\n"},
	} {
		stdout, stderr, code := runHindcast("forecasts", "init", tc.dir)
		if code != 1 || stdout != "" || inTemp(tmp, stderr) != tc.want {
			t.Errorf("init %s: exit %d, stdout %q, stderr\n%s", tc.dir, code, stdout, stderr)
		}
	}
	entries, _ := os.ReadDir(full)
	data, _ := os.ReadFile(file)
	if len(entries) != 1 || string(data) != "mine" {
		t.Errorf("init changed what was there: %d entries, file %q", len(entries), data)
	}
	// No folder name is a usage error, not a missing file.
	for _, dir := range []string{"", " "} {
		stdout, stderr, code := runHindcast("forecasts", "init", dir)
		if want := "hindcast: init needs the name of the folder to create: hindcast forecasts init DIR\n"; code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) {
			t.Errorf("init %q: exit %d, stdout %q, stderr\n%s", dir, code, stdout, stderr)
		}
	}
	// An empty folder is used as it is.
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runHindcast("forecasts", "init", empty); code != 0 {
		t.Errorf("init of an empty folder: exit %d\n%s", code, stderr)
	}
}
