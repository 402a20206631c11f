package fileout

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes after a signal, as a shell reports a command killed by it:
// 128 + the signal's number.
const (
	exitInterrupt = 130 // SIGINT, Ctrl-C
	exitTerminate = 143 // SIGTERM
)

// HandleSignals makes SIGINT and SIGTERM stop hindcast cleanly: every
// temporary file and folder being written is removed (see RemoveTemps),
// so that nothing half-written is left, and hindcast exits with
// exitInterrupt or exitTerminate after saying why on stderr. A signal
// hindcast was started ignoring (SIGINT for a shell's background job,
// under nohup) stays ignored.
func HandleSignals(stderr io.Writer) {
	c := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM} {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	go func() {
		sig := <-c
		RemoveTemps(true)
		code := ExitCode(sig)
		fmt.Fprintf(stderr, "hindcast: stopped by %s; files it had begun to write are removed\n", signalName(sig))
		os.Exit(code)
	}()
}

// ExitCode is the exit code after sig.
func ExitCode(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return exitTerminate
	}
	return exitInterrupt
}

func signalName(sig os.Signal) string {
	if sig == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}
