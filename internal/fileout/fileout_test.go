package fileout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every temporary is on the list while it is written and off it once in
// place; RemoveTemps removes the ones being written, files and folders,
// and a commit after it fails and puts nothing in place.
func TestOutputTempRegistry(t *testing.T) {
	dir := t.TempDir()
	done := filepath.Join(dir, "done.csv")
	if err := WriteAtomic(done, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := CreateAtomic(filepath.Join(dir, "cut.csv"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	tmpDir, err := createTempDir(filepath.Join(dir, "cut"))
	if err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		var out []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	if got := names(); len(got) != 3 || !IsTempName(filepath.Base(tmpDir)) {
		t.Fatalf("before: %q", got)
	}
	temps.Lock()
	listed := len(temps.paths)
	temps.Unlock()
	if listed != 2 {
		t.Errorf("%d temporaries listed, want 2", listed)
	}
	RemoveTemps(false)
	if got := names(); len(got) != 1 || got[0] != "done.csv" {
		t.Errorf("after RemoveTemps: %q", got)
	}
	if err := f.Commit(); err == nil || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("commit after RemoveTemps: %v", err)
	}
	if got := names(); len(got) != 1 {
		t.Errorf("after the commit: %q", got)
	}
}

func TestOutputIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		".index.html.tmp-123456":      true,
		".hindcast-report.tmp-1":      true,
		".seminar.tmp-4294967295":     true,
		"index.html":                  false,
		".index.html.tmp-":            false,
		".index.html.tmp-12a":         false,
		"index.html.tmp-123":          false,
		".tmp-123":                    false,
		".hindcast-report":            false,
		"notes.tmp-1":                 false,
		".x.tmp-1/../y":               false,
		".my.tmp-notes.tmp-9 (1).txt": false,
	} {
		if got := IsTempName(name); got != want {
			t.Errorf("IsTempName(%q) = %v", name, got)
		}
	}
}

// UsersEntries leaves out the temporaries of a run that was killed, and
// keeps every file of the user's.
func TestOutputUsersEntries(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".index.html.tmp-42", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if got := UsersEntries(entries); len(got) != 1 || got[0].Name() != "notes.txt" {
		t.Errorf("UsersEntries: %v", got)
	}
}

// WriteNewFolder makes the folder whole, beside nothing else, and
// WriteNewFile replaces nothing.
func TestOutputNewFolderAndFile(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "seminar")
	files := []Entry{{Name: "manifest.yaml", Data: []byte("m")}, {Name: "records.yaml", Data: []byte("r")}}
	if err := WriteNewFolder(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if got, err := os.ReadFile(filepath.Join(dir, f.Name)); err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: %q, %v", f.Name, got, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("%d entries beside the folder", len(entries))
	}
	if err := WriteNewFolder(dir, files); err == nil {
		t.Error("WriteNewFolder replaced a folder")
	}
	path := filepath.Join(dir, "records.yaml")
	if err := WriteNewFile(path, []byte("new")); err == nil {
		t.Error("WriteNewFile replaced a file")
	}
	if got, _ := os.ReadFile(path); string(got) != "r" {
		t.Errorf("the file holds %q", got)
	}
	if err := WriteNewFile(filepath.Join(dir, "more.yaml"), []byte("x")); err != nil {
		t.Error(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d entries in the folder, want 3", len(entries))
	}
	temps.Lock()
	listed := len(temps.paths)
	temps.Unlock()
	if listed != 0 {
		t.Errorf("%d temporaries still listed", listed)
	}
}

// WriteOwnedFolder writes into a folder that holds a temporary a killed
// run left, lists its files, drops those a later run does not write, and
// never replaces a file of the user's.
func TestOutputOwnedFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".index.html.tmp-7"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteOwnedFolder(dir, ".owner", map[string][]byte{"a.svg": []byte("a"), "b.svg": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if got := ListedNames(dir, ".owner"); len(got) != 2 || !got["a.svg"] || !got["b.svg"] {
		t.Errorf("listed %v", got)
	}
	if err := WriteOwnedFolder(dir, ".owner", map[string][]byte{"a.svg": []byte("A")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.svg")); err == nil {
		t.Error("b.svg, no longer written, was kept")
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.svg"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteOwnedFolder(dir, ".owner", map[string][]byte{"mine.svg": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "hindcast did not write this file") {
		t.Errorf("a file of the user's: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "mine.svg")); string(got) != "mine" {
		t.Errorf("the user's file holds %q", got)
	}
}

// A report is put in place whole: when one of its files cannot be written
// (here a folder stands where it goes), none of the others replaces the
// old report's. Files used to be renamed one by one, so Ctrl-C or a
// failure half-way left a mix of two reports.
func TestOwnedFolderAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("old"), 0o644)
	os.Mkdir(filepath.Join(dir, "z.txt"), 0o755)
	os.WriteFile(filepath.Join(dir, ".list"), []byte("# list\na.txt\nz.txt\n"), 0o644)
	err := WriteOwnedFolder(dir, ".list", map[string][]byte{"a.txt": []byte("new"), "z.txt": []byte("x")})
	if err == nil {
		t.Fatal("a folder where a file goes was replaced")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(got) != "old" {
		t.Errorf("a.txt holds %q: part of the new report went in place", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if IsTempName(e.Name()) {
			t.Errorf("temporary %s left behind", e.Name())
		}
	}
}
