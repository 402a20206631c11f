package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// Files are written by package fileout (internal/fileout): atomically,
// straight through to a device or FIFO, never half-written, and removed
// on SIGINT or SIGTERM while being written.

// checkOutputFlag returns a usage error when -o was given an empty name.
func checkOutputFlag(cmd *cobra.Command) error {
	if f := cmd.Flags().Lookup("output"); f != nil && f.Changed && f.Value.String() == "" {
		return usageErrorf("-o needs a file name")
	}
	return nil
}

// count writes n with its noun, plural unless n is 1: "1 record",
// "2 records".
func count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, plural(n, noun, noun+"s"))
}

// plural picks the word for a count: one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
