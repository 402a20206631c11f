// Command hindcast looks back at forecasts: it stores forecast records and
// computes, explains and plots how good they were.
package main

import "os"

func main() {
	handleSignals(os.Stderr)
	os.Exit(hindcastMain(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
