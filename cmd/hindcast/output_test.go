package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// exportCSV is what export writes of cpc as CSV, to compare outputs with.
func exportCSV(t *testing.T) string {
	t.Helper()
	stdout, stderr, code := runHindcast("forecasts", "export", "--dataset", "cpc", "--format", "csv")
	if code != 0 || stdout == "" {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	return stdout
}

// -o onto a FIFO writes through it: the reader gets the whole export, and
// the FIFO stays a FIFO.
func TestOutputFifo(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	// The test holds the FIFO open for writing too, so that opening it
	// never blocks, and the reader sees its end when the test lets go.
	hold, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(fifo)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	read := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		read <- b
	}()
	stdout, stderr, code := runHindcast("forecasts", "export", "--dataset", "cpc", "--format", "csv", "-o", fifo)
	hold.Close()
	got := <-read
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	if want := exportCSV(t); string(got) != want {
		t.Errorf("the FIFO's reader got %d bytes, want %d", len(got), len(want))
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != fs.ModeNamedPipe {
		t.Errorf("the FIFO was replaced: %v, %v", info.Mode(), err)
	}
}

// nullDevice is a character device that discards what is written: a copy
// of /dev/null in a temporary folder when the test may make one (as root,
// where a mistake would replace the real /dev/null), else /dev/null.
func nullDevice(t *testing.T) string {
	if os.Geteuid() != 0 {
		return "/dev/null"
	}
	path := filepath.Join(t.TempDir(), "null")
	// /dev/null is device 1, 3 on Linux.
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device to write to: %v", err)
	}
	return path
}

// -o onto a device writes to it: the device stays a device.
func TestOutputDevice(t *testing.T) {
	null := nullDevice(t)
	for _, args := range [][]string{
		{"forecasts", "export", "--dataset", "cpc", "--format", "csv", "-o", null},
		{"simulate", "-n", "1000", "-o", null},
	} {
		stdout, stderr, code := runHindcast(args...)
		if code != 0 || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q\n%s", args[0], code, stdout, stderr)
		}
		info, err := os.Lstat(null)
		if err != nil || info.Mode().Type() != fs.ModeDevice|fs.ModeCharDevice {
			t.Fatalf("%s: %s is no longer a device: %v, %v", args[0], null, info.Mode(), err)
		}
	}
}

// "-" is standard output: the writer given, never a file named "-".
func TestOutputStdout(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var b bytes.Buffer
	if err := writeOutput("-", &b, []byte("p,o\n")); err != nil || b.String() != "p,o\n" {
		t.Errorf("writeOutput(-) wrote %q, %v", b.String(), err)
	}
	if err := writeOutput("-", nil, []byte("p,o\n")); err == nil || !strings.Contains(err.Error(), "standard output") {
		t.Errorf("writeOutput(-) without standard output: %v", err)
	}
	stdout, _, code := runHindcast("simulate", "-n", "10", "-o", "-")
	want, _, _ := runHindcast("simulate", "-n", "10")
	if code != 0 || stdout != want {
		t.Errorf("simulate -o -: exit %d, stdout %q", code, stdout)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a file was written: %s", entries[0].Name())
	}
}

// -o naming a folder says so, with the user's path only; nothing is left.
func TestOutputFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"forecasts", "export", "--dataset", "cpc", "--format", "csv", "-o", dir},
		{"simulate", "-n", "10", "-o", dir},
	} {
		_, stderr, code := runHindcast(args...)
		want := "hindcast: " + dir + " is a folder; give the name of a file\n"
		if code != exitData || stderr != want {
			t.Errorf("%s: exit %d, stderr %q; want %q", args[0], code, stderr, want)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside the folder, want it alone", len(entries))
	}
}

// -o "" is a usage error, not standard output.
func TestOutputEmptyName(t *testing.T) {
	stdout, stderr, code := runHindcast("simulate", "-n", "10", "-o", "")
	if code != exitUsage || stdout != "" || stderr != "hindcast: -o needs a file name\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// A link to a regular file: the file it points to is replaced, the link
// stays.
func TestOutputLinkToFile(t *testing.T) {
	dir := t.TempDir()
	file, link := filepath.Join(dir, "file.csv"), filepath.Join(dir, "link.csv")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("file.csv", link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runHindcast("simulate", "-n", "10", "-o", link); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want, _, _ := runHindcast("simulate", "-n", "10")
	info, err := os.Lstat(link)
	if err != nil || info.Mode().Type() != fs.ModeSymlink {
		t.Errorf("the link was replaced")
	}
	if got, _ := os.ReadFile(file); string(got) != want {
		t.Errorf("the file holds %q", got)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the file's permissions changed: %v", info.Mode())
	}
}

// Every temporary is on the list while it is written and off it once in
// place; removeTemps removes the ones being written, files and folders,
// and a commit after it fails and puts nothing in place.
func TestOutputTempRegistry(t *testing.T) {
	dir := t.TempDir()
	done := filepath.Join(dir, "done.csv")
	if err := writeFileAtomic(done, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := createAtomic(filepath.Join(dir, "cut.csv"), 0o644)
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
	if got := names(); len(got) != 3 || !isTempName(filepath.Base(tmpDir)) {
		t.Fatalf("before: %q", got)
	}
	temps.Lock()
	listed := len(temps.paths)
	temps.Unlock()
	if listed != 2 {
		t.Errorf("%d temporaries listed, want 2", listed)
	}
	removeTemps(false)
	if got := names(); len(got) != 1 || got[0] != "done.csv" {
		t.Errorf("after removeTemps: %q", got)
	}
	if err := f.Commit(); err == nil || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("commit after removeTemps: %v", err)
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
		if got := isTempName(name); got != want {
			t.Errorf("isTempName(%q) = %v", name, got)
		}
	}
}

// usersEntries leaves out the temporaries of a run that was killed, and
// keeps every file of the user's.
func TestOutputUsersEntries(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".index.html.tmp-42", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if got := usersEntries(entries); len(got) != 1 || got[0].Name() != "notes.txt" {
		t.Errorf("usersEntries: %v", got)
	}
}

// writeNewFolder makes the folder whole, beside nothing else, and
// writeNewFile replaces nothing.
func TestOutputNewFolderAndFile(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "seminar")
	files := []forecasts.StarterFile{{Name: "manifest.yaml", Data: []byte("m")}, {Name: "records.yaml", Data: []byte("r")}}
	if err := writeNewFolder(dir, files); err != nil {
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
	if err := writeNewFolder(dir, files); err == nil {
		t.Error("writeNewFolder replaced a folder")
	}
	path := filepath.Join(dir, "records.yaml")
	if err := writeNewFile(path, []byte("new")); err == nil {
		t.Error("writeNewFile replaced a file")
	}
	if got, _ := os.ReadFile(path); string(got) != "r" {
		t.Errorf("the file holds %q", got)
	}
	if err := writeNewFile(filepath.Join(dir, "more.yaml"), []byte("x")); err != nil {
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

// writeOwnedFolder writes into a folder that holds a temporary a killed
// run left, lists its files, drops those a later run does not write, and
// never replaces a file of the user's.
func TestOutputOwnedFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".index.html.tmp-7"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeOwnedFolder(dir, ".owner", map[string][]byte{"a.svg": []byte("a"), "b.svg": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if got := listedNames(dir, ".owner"); len(got) != 2 || !got["a.svg"] || !got["b.svg"] {
		t.Errorf("listed %v", got)
	}
	if err := writeOwnedFolder(dir, ".owner", map[string][]byte{"a.svg": []byte("A")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.svg")); err == nil {
		t.Error("b.svg, no longer written, was kept")
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.svg"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeOwnedFolder(dir, ".owner", map[string][]byte{"mine.svg": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "hindcast did not write this file") {
		t.Errorf("a file of the user's: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "mine.svg")); string(got) != "mine" {
		t.Errorf("the user's file holds %q", got)
	}
}
