package main

import (
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/spf13/cobra"
)

func newScalesCmd(s *streams) *cobra.Command {
	var format string
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the built-in scales",
		Example: `  hindcast scales list`,
		Args:    cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			all := forecasts.BuiltinScales().All()
			if format == "json" {
				return textout.WriteJSON(s.out, all)
			}
			return textout.WriteScaleList(s.out, all)
		}),
	}
	list.Flags().StringVar(&format, "format", "table", "output format: table or json")
	show := &cobra.Command{
		Use:   "show NAME",
		Short: "Show a scale's terms, intervals, source and caveats",
		Example: `  hindcast scales show kent-1964
  hindcast scales show mauboussin-2018 --format json`,
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			all := forecasts.BuiltinScales()
			sc, ok := all.Get(args[0])
			if !ok {
				return usageErrorf("no scale %q; scales: %s", args[0], strings.Join(all.Names(), ", "))
			}
			if format == "json" {
				return textout.WriteJSON(s.out, sc)
			}
			return textout.WriteScale(s.out, sc)
		}),
	}
	show.Flags().StringVar(&format, "format", "table", "output format: table or json")
	crosswalk := &cobra.Command{
		Use:   "crosswalk",
		Short: "Show which term each scale uses at each level, as --scale reads them",
		Long: `Show the crosswalk between the scales: for each level of the ladder from
impossible to certain, the term each scale uses for it. score --scale NAME and
sensitivity read a term coded on one scale as the term at the same level on
the other; where a scale has no term at that level ("–"), the record is kept
as coded and named in a warning. The crosswalk is data: forecasts/crosswalk.yaml
documents each judgement call.`,
		Example: `  hindcast scales crosswalk`,
		Args:    cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			cw := forecasts.BuiltinCrosswalk()
			if format == "json" {
				return textout.WriteJSON(s.out, cw)
			}
			return textout.WriteCrosswalk(s.out, cw, forecasts.BuiltinScales().Names())
		}),
	}
	crosswalk.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return groupCmd("scales", "The verbal probability scales: what words like \"likely\" stand for", list, show, crosswalk)
}
