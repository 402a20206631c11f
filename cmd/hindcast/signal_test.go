package main

import (
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hindcast/hindcast/internal/fileout"
)

// signalArgsEnv holds the command line, separated by \x1f, that
// TestSignalHelperProcess runs as the hindcast binary would.
const signalArgsEnv = "HINDCAST_SIGNAL_TEST_ARGS"

// TestSignalHelperProcess is hindcast itself, main and all, when the
// signal tests run this test binary again; otherwise it does nothing.
func TestSignalHelperProcess(t *testing.T) {
	args := os.Getenv(signalArgsEnv)
	if args == "" {
		return
	}
	os.Args = append([]string{"hindcast"}, strings.Split(args, "\x1f")...)
	main()
}

// A signal during a large simulate -o FILE stops hindcast with the
// shell's code for it, and leaves neither the file nor its temporary.
func TestSignalRemovesTemporaries(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{
		{syscall.SIGTERM, 143, "SIGTERM"},
		{syscall.SIGINT, 130, "SIGINT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if signal.Ignored(tc.sig) {
				t.Skipf("%s is ignored here, as for a shell's background job, and hindcast leaves it so", tc.name)
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "big.csv")
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalHelperProcess$")
			// Far more than can be written before the signal: about 2 GB.
			cmd.Env = append(os.Environ(), signalArgsEnv+"="+strings.Join([]string{"simulate", "-n", "250000000", "-o", out}, "\x1f"))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Should hindcast not stop, it is killed before it fills the disk.
			watchdog := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
			defer watchdog.Stop()
			defer cmd.Process.Kill()
			deadline := time.Now().Add(30 * time.Second)
			for {
				entries, _ := os.ReadDir(dir)
				if len(entries) > 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("simulate made no temporary file in 30 s")
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit %d (%v), want %d", code, cmd.ProcessState, tc.code)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %s", entries[0].Name())
			}
			if want := "hindcast: stopped by " + tc.name; !strings.HasPrefix(stderr.String(), want) {
				t.Errorf("stderr %q, want %q…", stderr.String(), want)
			}
		})
	}
}

func TestSignalExitCode(t *testing.T) {
	if fileout.ExitCode(syscall.SIGINT) != 130 || fileout.ExitCode(syscall.SIGTERM) != 143 {
		t.Error("exit codes are not 128 + the signal's number")
	}
}
