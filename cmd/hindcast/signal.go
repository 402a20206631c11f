package main

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

// handleSignals makes SIGINT and SIGTERM stop hindcast cleanly: every
// temporary file and folder being written is removed (see removeTemps),
// so that nothing half-written is left, and hindcast exits with
// exitInterrupt or exitTerminate after saying why on stderr. A signal
// hindcast was started ignoring (SIGINT for a shell's background job,
// under nohup) stays ignored.
func handleSignals(stderr io.Writer) {
	c := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM} {
		if !signal.Ignored(sig) {
			signal.Notify(c, sig)
		}
	}
	go func() {
		sig := <-c
		removeTemps(true)
		code := signalExitCode(sig)
		fmt.Fprintf(stderr, "hindcast: stopped by %s; files it had begun to write are removed\n", signalName(sig))
		os.Exit(code)
	}()
}

// signalExitCode is the exit code after sig.
func signalExitCode(sig os.Signal) int {
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
