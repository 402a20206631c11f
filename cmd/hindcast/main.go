// Command hindcast looks back at forecasts: it stores forecast records and
// computes, explains and plots how good they were.
package main

import (
	"os"

	"github.com/hindcast/hindcast/internal/fileout"
)

func main() {
	fileout.HandleSignals(os.Stderr)
	os.Exit(hindcastMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
