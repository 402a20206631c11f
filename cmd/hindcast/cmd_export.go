package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	data   dataOptions
	format string
	output string
	raw    bool
}

const exportLong = `Write one dataset, every field of every record and the manifest, as YAML,
JSON Lines or CSV. The bytes depend only on the data, and reading an export
back gives the same dataset, so exporting it again gives the same bytes.

  yaml   a single-file dataset (docs/format.md): dataset: then records:
  jsonl  a first line {"dataset": MANIFEST}, then one record per line with
         the fields and nesting of the YAML format; empty fields left out
  csv    the manifest as YAML in "# " comment lines, then a header row and
         one row per record. Columns: id, label, question, forecaster,
         audience, issued, issued_note, resolves_by, resolved, statement_text,
         statement_wording, negated, estimate_probability,
         estimate_range_low, estimate_range_high, estimate_term,
         estimate_scale, coder_note, outcome, outcome_note, sources, notes,
         tags, p_event_low, p_event_point, p_event_high. sources, notes and
         tags hold JSON ([{"title": ...}], ["..."], {"key": "value"}); the
         p_event columns are P(event), derived from the estimate, for use
         in a spreadsheet (skip the # lines when opening the file). A
         cell a spreadsheet would run as a formula — starting with =, +,
         -, @, a tab or a carriage return, and not a number — is written
         with a ' before it; import takes it off again. --raw writes
         every cell as it is.

Dates are written as given (1978-08); P(event) is written only in CSV.
--format may be left out when -o ends in .yaml, .yml, .jsonl or .csv.
-o replaces the file in one step; without it the export goes to standard
output.`

func newForecastsExportCmd(s *streams) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export --format csv|jsonl|yaml [--data PATH | --dataset NAME] [-o FILE]",
		Short: "Write a dataset, losing nothing, as YAML, JSON Lines or CSV",
		Long:  exportLong,
		Example: `  hindcast forecasts export --dataset cpc --format csv -o cpc.csv
  hindcast forecasts export --data seminar/ --format jsonl > seminar.jsonl
  hindcast forecasts export --data seminar/ -o seminar.yaml   # a folder as one file`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if err := checkOutputFlag(cmd); err != nil {
				return err
			}
			return forecastsExport(s, &opts)
		}),
	}
	opts.data.addFlags(cmd.Flags())
	opts.data.addSelectFlags(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "", "csv, jsonl or yaml (default: from the extension of -o)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().BoolVar(&opts.raw, "raw", false, "CSV: write cells starting with = + - @ as they are, without the ' that keeps a spreadsheet from running them as formulas")
	return cmd
}

var exportWriters = map[string]func(io.Writer, *forecasts.Dataset) error{
	"csv":   forecasts.WriteCSV,
	"jsonl": forecasts.WriteJSONL,
	"yaml":  forecasts.WriteYAML,
}

func forecastsExport(s *streams, opts *exportOptions) error {
	format := opts.format
	if format == "" && opts.output != "" && opts.output != "-" {
		format = strings.TrimPrefix(filepath.Ext(opts.output), ".")
		if format == "yml" {
			format = "yaml"
		}
		if _, ok := exportWriters[format]; !ok {
			return usageErrorf("--format is needed: csv, jsonl or yaml (-o %s does not say which)", opts.output)
		}
	}
	if format == "" {
		return usageErrorf("--format is needed: csv, jsonl or yaml")
	}
	if err := checkFormat(format, "csv", "jsonl", "yaml"); err != nil {
		return err
	}
	ds, err := opts.data.load()
	if err != nil {
		return err
	}
	if len(ds) != 1 {
		names := make([]string, len(ds))
		for i, d := range ds {
			names[i] = d.Name
		}
		return usageErrorf("export writes one dataset, and %d are chosen (%s): choose one with --dataset NAME or --data PATH", len(ds), strings.Join(names, ", "))
	}
	if opts.raw && format != "csv" {
		return usageErrorf("--raw is for --format csv")
	}
	write := exportWriters[format]
	if opts.raw {
		write = func(w io.Writer, ds *forecasts.Dataset) error {
			return forecasts.WriteCSVWith(w, ds, forecasts.CSVWriteOptions{Raw: true})
		}
	}
	var b bytes.Buffer
	if err := write(&b, ds[0]); err != nil {
		return err
	}
	path := opts.output
	if path == "" {
		path = fileout.Stdout
	}
	return fileout.Write(path, s.out, b.Bytes())
}
