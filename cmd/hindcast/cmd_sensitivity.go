package main

import (
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/spf13/cobra"
)

// sensitivityOptions are the flags of `hindcast sensitivity`.
type sensitivityOptions struct {
	data    dataOptions
	format  string
	samples int
	seed    uint64
}

// newSensitivityCmd makes `hindcast sensitivity`; runF, when not nil, runs in
// place of sensitivityRun with the parsed options.
func newSensitivityCmd(s *streams, runF func(*sensitivityOptions) error) *cobra.Command {
	opts := &sensitivityOptions{}
	cmd := &cobra.Command{
		Use:   "sensitivity",
		Short: "How much the scores depend on how the words were turned into numbers",
		Long: `Most intelligence judgments are words: "almost certain", "could not", "a
serious possibility". A word stands for an interval of probabilities, and the
interval depends on the scale it is read on. For each scale, every term-coded
record is read on that scale (through the crosswalk; numeric estimates stay as
they are), and the scores are given at the point coding and over every coding
the intervals allow:

- the Brier and log scores: exact ranges (each record's extreme is at an end
  of its interval);
- reliability, CORP miscalibration and discrimination, and the AUC: ranges
  over random codings within the intervals (--samples, --seed), which may be
  narrower than the true ranges.

The "readers" rows read every phrase as the readers of the Mauboussin survey
did: at their 25th percentile, median and 75th percentile. The records whose
coding moves the Brier score most are listed, and the result is read out in
plain words.`,
		Example: `  hindcast sensitivity --dataset cpc
  hindcast sensitivity --format markdown
  hindcast sensitivity --data my-dataset/ --samples 10000 --format json`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return sensitivityRun(s, opts)
		}),
	}
	opts.data.addFlags(cmd.Flags())
	opts.data.addSelectFlags(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, json or markdown")
	cmd.Flags().IntVar(&opts.samples, "samples", 2000, "random codings for the ranges that are not exact")
	cmd.Flags().Uint64Var(&opts.seed, "seed", 1, "seed of the random codings")
	return cmd
}

func sensitivityRun(s *streams, o *sensitivityOptions) error {
	if err := checkFormat(o.format, "table", "json", "markdown"); err != nil {
		return err
	}
	sopts := evaluate.SensitivityOptions{Samples: o.samples, Seed: o.seed, Args: s.args}
	if err := sopts.Check(); err != nil {
		return err
	}
	ds, err := o.data.load()
	if err != nil {
		return err
	}
	sens := evaluate.Sensitivity(ds, sopts)
	switch o.format {
	case "json":
		return textout.WriteSensitivityJSON(s.out, sens)
	case "markdown":
		return textout.WriteSensitivityMarkdown(s.out, sens)
	}
	return textout.WriteSensitivityTable(s.out, sens)
}
