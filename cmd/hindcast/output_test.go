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

	"github.com/hindcast/hindcast/internal/fileout"
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
	if err := fileout.Write("-", &b, []byte("p,o\n")); err != nil || b.String() != "p,o\n" {
		t.Errorf("fileout.Write(-) wrote %q, %v", b.String(), err)
	}
	if err := fileout.Write("-", nil, []byte("p,o\n")); err == nil || !strings.Contains(err.Error(), "standard output") {
		t.Errorf("fileout.Write(-) without standard output: %v", err)
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
		if code != exitUsage || stderr != want {
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
