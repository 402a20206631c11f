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
	colour    string   // --colour (or --color)
	terms     []string // --term PHRASE=RANGE
	look      chartLook

	categorical categoricalFlags
	option      string // reliability of questions with options: all, pooled or an option's name
}

// chartLook are the flags every chart kind reads: its size and the words
// its maker adds.
type chartLook struct {
	size, notes, speakerNotes, subtitle string
	dpi                                 int
	remarks                             []string
	style                               *figure.ChartStyle // from size, dpi and notes
}

// lookFlags are the flags of chartLook, read by every kind.
const lookFlags = "output title size dpi subtitle note notes speaker-notes"

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
	{"contributions", "each record's Brier (or log) score, costliest first: which cases cost most", "data dataset id exclude where scale reading latest log top colour"},
	{"timeline", "each forecast from issue to resolution, coloured by which way it leaned", "data dataset id exclude where colour"},
	{"scales", "each scale's terms as intervals on 0-100%: what the words mean", "highlight term"},
	{"words", "each phrase the records' coders read, beside the scales' terms, with what it was read as", "data dataset id exclude where highlight term"},
	{"sensitivity", "each score's range over every coding the words allow, per scale", "data dataset id exclude where samples seed"},
	{"murphy", "the Murphy diagram: mean elementary score over every threshold", recordFlags + tableFlags},
}

// checkPlotFlags reports a flag given that the kind does not read.
func checkPlotFlags(kind string, given []string) error {
	i := slices.IndexFunc(plotKinds, func(k struct{ name, short, flags string }) bool { return k.name == kind })
	for _, f := range given {
		if !slices.Contains(strings.Fields(lookFlags), f) && !slices.Contains(strings.Fields(plotKinds[i].flags), f) {
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
		Short: "Draw a chart: reliability, roc, sharpness, contributions, timeline, scales, words, sensitivity, murphy",
		Long: `Draw one chart of the chosen forecasts to a PNG, SVG or PDF file (the
extension decides). With --by, each group is its own series or panel. The same
input and flags give the same bytes.

Kinds:
` + kinds.String() + `
Sizes (--size):
` + figure.PresetHelp(),
		Example: `  hindcast plot reliability -o reliability.png
  hindcast plot reliability --dataset cpc --size slide --speaker-notes notes.txt -o slide.png
  hindcast plot contributions --dataset cpc -o cpc-costs.svg
  hindcast plot roc --by forecaster -o roc.pdf
  hindcast plot scales --highlight likely -o scales.png
  hindcast plot scales --highlight probable -o probable.png
  hindcast plot words --dataset cpc --highlight "fairly good" -o words.png
  hindcast plot words --dataset cpc --term "fairly good=0.60-0.95" -o words.png
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
	f.StringVar(&opts.highlight, "highlight", "", "scales, words: mark a level (likely), a scale's term or synonym (probable) or a phrase (fairly good)")
	f.IntVar(&opts.samples, "samples", 2000, "sensitivity: random codings for the ranges that are not exact")
	f.StringVar(&opts.colour, "colour", string(charts.ColourWrongWay), "contributions, timeline: what colour means: wrong-way (P on the far side of 50% from what happened) or outcome")
	f.StringArrayVar(&opts.terms, "term", nil, `scales, words: a phrase and what it is read as, "fairly good=0.60-0.95" or "slam dunk=0.95" (repeatable)`)
	f.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "color" {
			name = "colour"
		}
		return pflag.NormalizedName(name)
	})
	f.StringVar(&opts.look.size, "size", "default", "the chart's size: a preset ("+strings.Join(figure.PresetNames(), ", ")+") or WIDTHxHEIGHT in px, in, cm, mm or pt (1920x1080, 13.33inx7.5in, 20cmx12cm)")
	f.IntVar(&opts.look.dpi, "dpi", 0, "the resolution of a PNG, dots per inch (default: the preset's, else 150)")
	f.StringVar(&opts.look.subtitle, "subtitle", "", "replace the chart's subtitle: the takeaway, in a line")
	f.StringArrayVar(&opts.look.remarks, "note", nil, "a note drawn under the chart, whatever --notes says (repeat for more)")
	f.StringVar(&opts.look.notes, "notes", "", "the chart's own notes drawn: full, short (caveats only) or none (default: full; short at handout and web, none at slide)")
	f.StringVar(&opts.look.speakerNotes, "speaker-notes", "", "also write every note of the chart, drawn or not, and any side panel left off, to this text file")
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
	if !slices.Contains(charts.CaseColours, charts.CaseColour(o.colour)) {
		return usageErrorf("--colour %q: use wrong-way or outcome", o.colour)
	}
	if o.bins < 1 || o.bins > 100 {
		return usageErrorf("--bins %d: use 1 to 100", o.bins)
	}
	if err := o.look.parse(); err != nil {
		return err
	}
	ch, err := o.chart(s, kind)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ch.Write(&buf, format); err != nil {
		return err
	}
	if o.look.speakerNotes != "" {
		text := strings.Join(ch.SpeakerNotes(), "\n\n") + "\n"
		if err := fileout.Write(o.look.speakerNotes, nil, []byte(text)); err != nil {
			return err
		}
	}
	return fileout.Write(o.output, nil, buf.Bytes())
}

// parse reads --size, --dpi and --notes into the charts' style.
func (l *chartLook) parse() error {
	size, err := figure.ParseSize(l.size, l.dpi)
	if err != nil {
		return usageErrorf("--%v", err)
	}
	l.style = size.Style()
	if l.notes != "" {
		m, err := figure.ParseNotesMode(l.notes)
		if err != nil {
			return usageErrorf("--notes %s: use full, short or none", l.notes)
		}
		l.style.Notes = m
	}
	return nil
}

// decorate adds the subtitle, the notes given and the caveats on the
// datasets' selection to a chart.
func (l *chartLook) decorate(ch *figure.Chart, err error, ds []*forecasts.Dataset) (*figure.Chart, error) {
	if err != nil {
		return nil, err
	}
	charts.Decorate(ch, charts.Decoration{Subtitle: l.subtitle, Remarks: l.remarks, Datasets: ds})
	return ch, nil
}

// chart builds the chart of a kind from the input.
func (o *plotOptions) chart(s *streams, kind string) (*figure.Chart, error) {
	style, look := o.look.style, &o.look
	in := o.input.input(s)
	o.categorical.apply(&in)
	switch kind {
	case "scales", "words":
		return o.wordsChart(&in, kind, style, look)
	case "timeline", "sensitivity":
		ds, err := in.Datasets("this chart draws records")
		if err != nil {
			return nil, err
		}
		if kind == "timeline" {
			return charts.FitTimeline(evaluate.AllRecords(ds), charts.TimelineOptions{Style: style, Title: o.title, Colour: charts.CaseColour(o.colour)},
				func(ch *figure.Chart) { _, _ = look.decorate(ch, nil, ds) })
		}
		sens := evaluate.Sensitivity(ds, evaluate.SensitivityOptions{Samples: o.samples, Seed: o.seed})
		return charts.FitSensitivity(sens, charts.SensitivityOptions{Style: style, Title: o.title, Score: charts.SensitivityBoth, ShowSampled: true},
			func(ch *figure.Chart) { _, _ = look.decorate(ch, nil, ds) })
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
		n := o.top // the chart refuses a negative --top
		if n == 0 {
			n = charts.DefaultContributionsTop
		}
		if n > 0 {
			n = min(n, max(len(d.Rows), 1))
		}
		return charts.FitRows(n, func(k int) (*figure.Chart, error) {
			ch, err := charts.ContributionsChart(d, charts.ContributionsOptions{Style: style, Title: o.title, Top: k, Colour: charts.CaseColour(o.colour)})
			if err == nil && k < n {
				ch.Remarks = append(ch.Remarks, charts.MoreRowsNote(k, len(d.Rows), "the less costly"))
			}
			return look.decorate(ch, err, f.Datasets)
		})
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
		ch, err := charts.ReliabilityChart(d, charts.ReliabilityOptions{Style: style, Title: o.title})
		return look.decorate(ch, err, f.Datasets)
	case "roc":
		d, err := evaluate.ROC(groups)
		if err != nil {
			return nil, err
		}
		ch, err := charts.ROCChart(d, charts.ROCOptions{Style: style, Title: o.title})
		return look.decorate(ch, err, f.Datasets)
	case "sharpness":
		d, err := evaluate.Sharpness(groups, o.bins)
		if err != nil {
			return nil, err
		}
		ch, err := charts.SharpnessChart(d, charts.SharpnessOptions{Style: style, Title: o.title})
		return look.decorate(ch, err, f.Datasets)
	}
	d, err := evaluate.Murphy(groups, 0)
	if err != nil {
		return nil, err
	}
	ch, err := charts.MurphyChart(d, charts.MurphyOptions{Style: style, Title: o.title})
	return look.decorate(ch, err, f.Datasets)
}

// wordsChart draws the scales or the words chart: the phrases given with
// --term and, for words (or to find a --highlight no scale knows), the
// records' phrases; a word to highlight that nothing knows is a usage
// error naming the nearest.
func (o *plotOptions) wordsChart(in *evaluate.Input, kind string, style *figure.ChartStyle, look *chartLook) (*figure.Chart, error) {
	v, err := evaluate.WordsFor(in, kind == "words", o.terms, o.highlight)
	if err != nil {
		return nil, err
	}
	if kind == "words" {
		ch, err := charts.WordsChart(v.Words, charts.WordsOptions{Style: style, Title: o.title, Highlight: v.Match})
		return look.decorate(ch, err, v.Datasets)
	}
	all := v.Scales
	return charts.FitRows(len(all), func(k int) (*figure.Chart, error) {
		ch, err := charts.ScalesChart(all[:k], charts.ScalesOptions{Style: style, Title: o.title, Match: v.Match})
		if err == nil && k < len(all) {
			ch.Remarks = append(ch.Remarks, charts.MoreScalesNote(all[k:]))
		}
		return look.decorate(ch, err, nil)
	})
}
