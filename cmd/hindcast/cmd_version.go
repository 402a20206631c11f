package main

import (
	"encoding/json"
	"fmt"

	"github.com/hindcast/hindcast/internal/provenance"
	"github.com/spf13/cobra"
)

// version is hindcast's release version (see internal/provenance).
var version = provenance.Current().Version

func newVersionCmd(s *streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print hindcast's version, the commit it was built from, and whether that tree was modified",
		Long: `Print hindcast's version, the VCS commit it was built from and whether the
tree had uncommitted changes, as go build stamps them in a Git checkout.
Under go run and go test nothing is stamped: the commit and the modified
flag are then "unknown". A build can set them:

  go build -ldflags "-X github.com/hindcast/hindcast/internal/provenance.commit=$(git rev-parse HEAD) \
    -X github.com/hindcast/hindcast/internal/provenance.modified=false" ./cmd/hindcast

(provenance.version sets the version the same way.)`,
		Example: "  hindcast version\n  hindcast version --format json",
		Args:    cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			b := provenance.Current()
			if format == "json" {
				enc := json.NewEncoder(s.out)
				enc.SetIndent("", "  ")
				return enc.Encode(b)
			}
			_, err := fmt.Fprintf(s.out, "hindcast %s\ncommit:   %s\nmodified: %s\ngo:       %s\n", b.Version, b.Commit, b.ModifiedText(), b.Go)
			return err
		}),
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
