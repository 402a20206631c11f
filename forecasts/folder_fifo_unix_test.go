//go:build unix

package forecasts

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO named like a record file blocked every command that read the
// folder, waiting for a writer; it is reported instead.
func TestFolderFIFO(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ManifestFile), []byte("name: f\ntitle: F\nselection: all\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "p.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := (&Loader{Scales: BuiltinScales()}).Load(dir); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "a FIFO") {
			t.Errorf("error %v, want the FIFO named", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("loading a folder with a FIFO hung")
	}
}
