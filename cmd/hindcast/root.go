package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/spf13/cobra"
)

// Exit codes, documented in the root command's help.
const (
	exitOK    = 0
	exitData  = 1 // bad data, or a check that failed
	exitUsage = 2 // bad flags or arguments
)

// maxErrorLines caps how many problems are printed; the rest are counted.
const maxErrorLines = 50

// streams are the command's input and outputs, so tests can run it in process.
type streams struct {
	in       io.Reader
	out, err io.Writer
	// errTerminal is true when err is a terminal (progress is shown there).
	errTerminal bool
	// args is the command line, "hindcast" first, for the provenance.
	args []string
}

// runError is an error that happened while a command ran (not while its
// flags were parsed), with the exit code it maps to.
type runError struct {
	err  error
	code int
}

func (e *runError) Error() string { return e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// usageErrorf reports a bad combination of flags or arguments found while running.
func usageErrorf(format string, args ...any) error {
	return &runError{err: fmt.Errorf(format, args...), code: exitUsage}
}

// run adapts a command's run function: every error it returns is a run
// error (exit 1) unless it says otherwise. Errors cobra returns itself,
// for unknown flags, commands or wrong argument counts, stay usage errors.
func run(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := f(cmd, args)
		if err == nil {
			return nil
		}
		var re *runError
		if errors.As(err, &re) {
			return err
		}
		var ue *evaluate.UsageError
		var fe *fileout.FolderError
		if errors.As(err, &ue) || errors.As(err, &fe) {
			return &runError{err: err, code: exitUsage}
		}
		return &runError{err: err, code: exitData}
	}
}

const rootLong = `hindcast looks back at forecasts: it stores forecast records — judgments such
as "the Shah of Iran will not step down in the near future", with their
wording, date, author, outcome and sources — and computes, explains and plots
how good they were.

Every command reads the built-in datasets (cpc and historical) unless --data
PATH or --dataset NAME says otherwise.

Exit codes:
  0  success
  1  bad data (every problem is printed as FILE:LINE:COL: FIELD: message),
     or a check that failed
  2  bad usage: an unknown command or flag, or a wrong argument
  130, 143  stopped by Ctrl-C (SIGINT) or SIGTERM: files it had begun to
     write are removed`

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "hindcast",
		Short: "Look back at forecasts: scores, calibration and what the words meant",
		Long:  rootLong,
		Example: `  hindcast report                      # the teaching report, into ./hindcast-report/
  hindcast score --by forecaster
  hindcast forecasts show cpc-shah-1978
  hindcast sensitivity --dataset cpc
  hindcast plot reliability -o reliability.png
  hindcast forecasts init seminar && hindcast forecasts validate seminar`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		newForecastsCmd(s),
		newScoreCmd(s, nil),
		newCompareCmd(s, nil),
		newSimulateCmd(s),
		newSensitivityCmd(s, nil),
		newPlotCmd(s, nil),
		newReportCmd(s, nil),
		newSlidesCmd(s, nil),
		newExerciseCmd(s, nil),
		newScalesCmd(s),
		newVersionCmd(s),
	)
	return root
}

// groupCmd makes a command that only holds subcommands: run bare it shows
// its help; run with an unknown subcommand it is a usage error.
func groupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ArbitraryArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if sug := cmd.SuggestionsFor(args[0]); len(sug) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", sug[0])
			}
			return usageErrorf("%s\nRun '%s --help' for usage.", msg, cmd.CommandPath())
		}),
	}
	cmd.AddCommand(subs...)
	return cmd
}

// hindcastMain runs the command line and returns the exit code.
func hindcastMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := &streams{in: stdin, out: stdout, err: stderr, errTerminal: isTerminal(stderr), args: append([]string{"hindcast"}, args...)}
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var re *runError
	if !errors.As(err, &re) {
		fmt.Fprintf(stderr, "hindcast: %s\n", visible(err.Error()))
		return exitUsage
	}
	var list forecasts.ErrorList
	if errors.As(err, &list) {
		io.WriteString(stderr, list.Format(maxErrorLines))
		return re.code
	}
	fmt.Fprintf(stderr, "hindcast: %s\n", visible(err.Error()))
	return re.code
}

// visible shows the control characters and bidi overrides of a message
// (a file name from elsewhere may hold them) as escapes, so that printing
// it cannot act on the terminal.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r == 0x61c || r == 0x200e || r == 0x200f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
