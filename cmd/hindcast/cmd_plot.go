package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// plotOptions are the flags of `hindcast plot`.
type plotOptions struct {
	kind      string   // the argument: reliability, roc, …
	given     []string // the flags given
	input     inputFlags
	output    string
	title     string
	bins      int
	seed      uint64
	log       bool
	top       int
	highlight string
	samples   int

	categorical categoricalFlags
	option      string // reliability of questions with options: all, pooled or an option's name
}

// Flags the chart kinds read, besides -o and --title.
const (
	recordFlags = "data dataset id exclude where scale reading by weight latest "
	tableFlags  = "input table-format prob-col outcome-col weight-col counts percent quiet forecaster-col question-col time-col resolved-col "
)

// plotKinds lists the charts `hindcast plot` draws, what each shows and
// the flags it reads: any other is a usage error, never ignored.
var plotKinds = []struct{ name, short, flags string }{
	{"reliability", "observed frequency against forecast, with the CORP step line, consistency band and histogram", recordFlags + tableFlags + categoricalFlagNames + "option bins seed"},
	{"roc", "the ROC curve of each group, with its AUC", recordFlags + tableFlags},
	{"sharpness", "how often each probability was forecast", recordFlags + tableFlags + "bins"},
	{"contributions", "each record's Brier (or log) score, costliest first: which cases cost most", "data dataset id exclude where scale reading latest log top"},
	{"timeline", "each forecast from issue to resolution, coloured by outcome", "data dataset id exclude where"},
	{"scales", "each scale's terms as intervals on 0-100%: what the words mean", "highlight"},
	{"sensitivity", "each score's range over every coding the words allow, per scale", "data dataset id exclude where samples seed"},
	{"murphy", "the Murphy diagram: mean elementary score over every threshold", recordFlags + tableFlags},
}

// checkPlotFlags reports a flag given that the kind does not read.
func checkPlotFlags(kind string, given []string) error {
	i := slices.IndexFunc(plotKinds, func(k struct{ name, short, flags string }) bool { return k.name == kind })
	for _, f := range given {
		if f != "output" && f != "title" && !slices.Contains(strings.Fields(plotKinds[i].flags), f) {
			return usageErrorf("--%s does not apply to plot %s; it reads --%s", f, kind, strings.Join(strings.Fields(plotKinds[i].flags), ", --"))
		}
	}
	return nil
}

func plotKindNames() []string {
	var names []string
	for _, k := range plotKinds {
		names = append(names, k.name)
	}
	return names
}

// newPlotCmd makes `hindcast plot`; runF, when not nil, runs in place of
// plotRun with the parsed options.
func newPlotCmd(s *streams, runF func(*plotOptions) error) *cobra.Command {
	opts := &plotOptions{}
	var kinds strings.Builder
	for _, k := range plotKinds {
		fmt.Fprintf(&kinds, "  %-14s %s\n", k.name, k.short)
	}
	cmd := &cobra.Command{
		Use:   "plot KIND -o FILE.png|FILE.svg|FILE.pdf",
		Short: "Draw a chart: reliability, roc, sharpness, contributions, timeline, scales, sensitivity, murphy",
		Long: `Draw one chart of the chosen forecasts to a PNG, SVG or PDF file (the
extension decides). With --by, each group is its own series or panel. The same
input and flags give the same bytes.

Kinds:
` + kinds.String(),
		Example: `  hindcast plot reliability -o reliability.png
  hindcast plot contributions --dataset cpc -o cpc-costs.svg
  hindcast plot roc --by forecaster -o roc.pdf
  hindcast plot scales --highlight likely -o scales.png
  hindcast plot reliability --data flares.csv --by group -o flares.png`,
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			opts.kind = args[0]
			cmd.Flags().Visit(func(f *pflag.Flag) { opts.given = append(opts.given, f.Name) })
			if runF != nil {
				return runF(opts)
			}
			return plotRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addFlags(f)
	f.StringVarP(&opts.output, "output", "o", "", "the file to write: .png, .svg or .pdf (required)")
	f.StringVar(&opts.title, "title", "", "replace the chart's title")
	f.IntVar(&opts.bins, "bins", evaluate.DefaultSharpnessBins, "reliability and sharpness: the number of equal-width bins; the report's charts use the default")
	f.Uint64Var(&opts.seed, "seed", 1, "reliability: seed of the consistency band; sensitivity: of the random codings")
	f.BoolVar(&opts.log, "log", false, "contributions: the log score instead of the Brier score")
	f.IntVar(&opts.top, "top", charts.DefaultContributionsTop, "contributions: the most records drawn, the costliest")
	f.StringVar(&opts.highlight, "highlight", "", "scales: mark one level on every scale (e.g. likely)")
	f.IntVar(&opts.samples, "samples", 2000, "sensitivity: random codings for the ranges that are not exact")
	opts.input.data.addSumToleranceFlag(f)
	opts.categorical.addFlags(f)
	f.StringVar(&opts.option, "option", "", "reliability of questions with options: all (a curve per option; the default when there are no yes/no questions), pooled (every option stacked) or an option's name")
	return cmd
}

func plotRun(s *streams, o *plotOptions) error {
	kind := o.kind
	if !slices.Contains(plotKindNames(), kind) {
		return usageErrorf("no chart %q; the kinds are %s", kind, strings.Join(plotKindNames(), ", "))
	}
	if err := checkPlotFlags(kind, o.given); err != nil {
		return err
	}
	if o.output == "" {
		return usageErrorf("give the file to write with -o FILE.png, FILE.svg or FILE.pdf")
	}
	format, err := figure.ImageFormatOf(o.output)
	if err != nil {
		return usageErrorf("-o %s: %v", o.output, err)
	}
	if o.bins < 1 || o.bins > 100 {
		return usageErrorf("--bins %d: use 1 to 100", o.bins)
	}
	ch, err := o.chart(s, kind)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ch.Write(&buf, format); err != nil {
		return err
	}
	return fileout.Write(o.output, nil, buf.Bytes())
}

// chart builds the chart of a kind from the input.
func (o *plotOptions) chart(s *streams, kind string) (*figure.Chart, error) {
	style := figure.DefaultChartStyle()
	in := o.input.input(s)
	o.categorical.apply(&in)
	switch kind {
	case "scales":
		return charts.ScalesChart(forecasts.BuiltinScales().All(), charts.ScalesOptions{Style: style, Title: o.title, Highlight: forecasts.Level(o.highlight)})
	case "timeline", "sensitivity":
		ds, err := in.Datasets("this chart draws records")
		if err != nil {
			return nil, err
		}
		if kind == "timeline" {
			return charts.TimelineChart(evaluate.AllRecords(ds), charts.TimelineOptions{Style: style, Title: o.title})
		}
		sens := evaluate.Sensitivity(ds, evaluate.SensitivityOptions{Samples: o.samples, Seed: o.seed})
		return charts.SensitivityChart(sens, charts.SensitivityOptions{Style: style, Title: o.title, Score: charts.SensitivityBoth, ShowSampled: true})
	}
	f, err := evaluate.Load(in)
	if err != nil {
		return nil, err
	}
	if kind == "contributions" {
		if !f.Records {
			return nil, usageErrorf("contributions draws named records: give datasets, not a flat table")
		}
		d, err := evaluate.Contributions(f.Cases(), o.log)
		if err != nil {
			return nil, err
		}
		return charts.ContributionsChart(d, charts.ContributionsOptions{Style: style, Title: o.title, Top: o.top})
	}
	groups := f.ForecastGroups()
	if kind == "reliability" && (o.option != "" || f.HasCategorical() && f.Overall.Tally.Table().N() == 0) {
		// One option against the rest (see evaluate.OptionGroups).
		if groups, err = f.OptionGroups(o.option); err != nil {
			return nil, err
		}
	}
	switch kind {
	case "reliability":
		d, err := evaluate.Reliability(groups, evaluate.ReliabilityOptions{Bins: o.bins, Seed: o.seed})
		if err != nil {
			return nil, err
		}
		return charts.ReliabilityChart(d, charts.ReliabilityOptions{Style: style, Title: o.title})
	case "roc":
		d, err := evaluate.ROC(groups)
		if err != nil {
			return nil, err
		}
		return charts.ROCChart(d, charts.ROCOptions{Style: style, Title: o.title})
	case "sharpness":
		d, err := evaluate.Sharpness(groups, o.bins)
		if err != nil {
			return nil, err
		}
		return charts.SharpnessChart(d, charts.SharpnessOptions{Style: style, Title: o.title})
	}
	d, err := evaluate.Murphy(groups, 0)
	if err != nil {
		return nil, err
	}
	return charts.MurphyChart(d, charts.MurphyOptions{Style: style, Title: o.title})
}
