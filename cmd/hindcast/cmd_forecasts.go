package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/spf13/cobra"
)

func newForecastsCmd(s *streams) *cobra.Command {
	return groupCmd("forecasts", "The records: list, show, validate, init, add, import, export, schema",
		newForecastsListCmd(s),
		newForecastsShowCmd(s),
		newForecastsValidateCmd(s),
		newForecastsSchemaCmd(s),
		newForecastsInitCmd(s),
		newForecastsAddCmd(s),
		newForecastsExportCmd(s),
		newForecastsImportCmd(s),
	)
}

// checkFormat returns a usage error unless format is one of allowed.
func checkFormat(format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	return usageErrorf("--format %q: use one of %s", format, strings.Join(allowed, ", "))
}

type listOptions struct {
	data   dataOptions
	format string
}

func newForecastsListCmd(s *streams) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the records: id, forecaster, issued, P(event), outcome, wording",
		Long: `List every record of the chosen datasets, one per line, in issue-date order.

P(event) is the probability of the event the question names, derived from the
estimate: a term on a scale reads as the scale's interval (shown in brackets)
and point; a negated statement ("could not capture") is turned around.
SOURCE names the first source (author or publisher, year) and counts the
others; forecasts show ID gives them all.`,
		Example: `  hindcast forecasts list
  hindcast forecasts list --dataset cpc
  hindcast forecasts list --data my-dataset/ --format json`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			return forecastsList(s, &opts)
		}),
	}
	opts.data.addFlags(cmd.Flags())
	opts.data.addSelectFlags(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

// listJSON is the documented shape of `forecasts list --format json`.
type listJSON struct {
	Datasets []forecasts.Manifest `json:"datasets"`
	Records  []*forecasts.Record  `json:"records"`
}

func forecastsList(s *streams, opts *listOptions) error {
	if err := checkFormat(opts.format, "table", "json"); err != nil {
		return err
	}
	ds, err := opts.data.load()
	if err != nil {
		return err
	}
	recs := allRecords(ds)
	forecasts.SortRecords(recs)
	if opts.format == "json" {
		out := listJSON{Records: recs}
		for _, d := range ds {
			out.Datasets = append(out.Datasets, d.Manifest)
		}
		return textout.WriteJSON(s.out, out)
	}
	return textout.WriteRecordTable(s.out, recs)
}

func newForecastsShowCmd(s *streams) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show everything about one record, sources included",
		Example: `  hindcast forecasts show cpc-shah-1978
  hindcast forecasts show nie-29-51-yugoslavia --format json`,
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			return forecastsShow(s, &opts, args[0])
		}),
	}
	opts.data.addFlags(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

func forecastsShow(s *streams, opts *listOptions, id string) error {
	if err := checkFormat(opts.format, "table", "json"); err != nil {
		return err
	}
	ds, err := opts.data.load()
	if err != nil {
		return err
	}
	r, d, err := evaluate.FindRecord(ds, id)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return textout.WriteJSON(s.out, r)
	}
	return textout.WriteRecord(s.out, r, &d.Manifest)
}

func newForecastsValidateCmd(s *streams) *cobra.Command {
	var data dataOptions
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check datasets and report every problem with its position",
		Long: `Check dataset files or folders (the built-in datasets when no path is given)
against the format and the scales. Every problem in every file is printed to
standard error as FILE:LINE:COL: FIELD: message, sorted; the exit code is 1 when
there is any. Nothing is printed to standard output then.`,
		Example: `  hindcast forecasts validate
  hindcast forecasts validate my-dataset/ more-cases.yaml`,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			data.paths = append(data.paths, args...)
			ds, err := data.load()
			if err != nil {
				return err
			}
			n := 0
			for _, d := range ds {
				n += len(d.Records)
				fmt.Fprintf(s.out, "%s: %s, %s: ok\n", d.Name, count(len(d.Records), "record"), count(len(d.Files), "file"))
			}
			fmt.Fprintf(s.out, "%s, %s: ok\n", count(len(ds), "dataset"), count(n, "record"))
			return nil
		}),
	}
	data.addFlags(cmd.Flags())
	data.addSumToleranceFlag(cmd.Flags())
	return cmd
}

func newForecastsSchemaCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the YAML dataset format, for editors",
		Long: `Print the JSON Schema (draft 2020-12) of a single-file YAML dataset. Editors
with a YAML language server use it for completion and checking, e.g. with the
first line of a dataset file:

  # yaml-language-server: $schema=hindcast.schema.json`,
		Example: `  hindcast forecasts schema > hindcast.schema.json`,
		Args:    cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			_, err := s.out.Write(forecasts.Schema())
			return err
		}),
	}
}
