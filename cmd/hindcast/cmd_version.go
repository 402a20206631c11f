package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is hindcast's release version.
const version = "0.1.0"

func newVersionCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print hindcast's version",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			rev := ""
			if info, ok := debug.ReadBuildInfo(); ok {
				for _, kv := range info.Settings {
					if kv.Key == "vcs.revision" && len(kv.Value) >= 12 {
						rev = " (" + kv.Value[:12] + ")"
					}
				}
			}
			_, err := fmt.Fprintf(s.out, "hindcast %s%s %s\n", version, rev, runtime.Version())
			return err
		}),
	}
}
