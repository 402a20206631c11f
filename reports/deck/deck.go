// Package deck makes a lecture's slides and a printable handout from the
// chosen forecasts: the slide deck as a 16:9 PDF, a PNG of each slide and
// speaker notes (Build, Deck.Files), and the handout as a PDF (Handout).
//
// Every slide's title is its takeaway, computed from the data; caveats
// are set at body size (no text on a slide under 20 pt). The same input
// gives the same bytes.
package deck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/figure"
)

// Options are the choices of the deck and the handout.
type Options struct {
	Seed    uint64 // of the consistency band and the random codings
	Samples int    // random codings of the sensitivity ranges; 0 for 2000
	// Bootstrap is the number of bootstrap replicates of the intervals;
	// negative for none, 0 for analysis.DefaultReplicates.
	Bootstrap int
	Version   string // hindcast's, for the handout
}

// A Slide is one page of the deck: a chart at the slide size whose title
// is the slide's takeaway, and what the speaker may say about it.
type Slide struct {
	// Name says what the slide is: title, data, costs, words,
	// reliability, sensitivity, others.
	Name string
	// Title is the slide's takeaway, as drawn.
	Title string
	// Chart is the slide, 13.33 × 7.5 in.
	Chart *figure.Chart
	// Say are a few sentences for the speaker.
	Say []string
	// Moved are the words on the chart's notes and panels that the slide
	// does not draw, and the text cut from it for room.
	Moved []string
}

// Deck is the slides of a lecture, in order.
type Deck struct {
	Title  string // the data's title
	Slides []*Slide
}

// Files renders the deck: slides.pdf, slide-01.png … and notes.md, by
// file name.
func (d *Deck) Files() (map[string][]byte, error) {
	files := map[string][]byte{}
	var charts []*figure.Chart
	for i, s := range d.Slides {
		var buf bytes.Buffer
		if err := s.Chart.Write(&buf, figure.PNG); err != nil {
			return nil, fmt.Errorf("slide %d: %w", i+1, err)
		}
		files[PNGName(i)] = buf.Bytes()
		charts = append(charts, s.Chart)
	}
	var pdf bytes.Buffer
	if err := figure.WritePDFPages(&pdf, charts); err != nil {
		return nil, fmt.Errorf("slides.pdf: %w", err)
	}
	files["slides.pdf"] = pdf.Bytes()
	files["notes.md"] = []byte(d.Notes())
	return files, nil
}

// PNGName is the file name of slide i (from 0): slide-01.png.
func PNGName(i int) string { return fmt.Sprintf("slide-%02d.png", i+1) }

// Notes are the speaker notes in Markdown: a section per slide with its
// title, what to say, and the chart's words that the slide leaves off.
func (d *Deck) Notes() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Speaker notes: %s\n", d.Title)
	for i, s := range d.Slides {
		fmt.Fprintf(&b, "\n## Slide %d: %s\n", i+1, s.Title)
		for _, p := range s.Say {
			if p != "" {
				fmt.Fprintf(&b, "\n%s\n", p)
			}
		}
		if len(s.Moved) > 0 {
			b.WriteString("\nThe chart's own words (caveats, notes, panels left off the slide):\n\n")
			for _, m := range s.Moved {
				if m != "" {
					fmt.Fprintf(&b, "- %s\n", oneLine(m))
				}
			}
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Data is what the deck and the handout show of one dataset: its section
// of the report (figures never mix datasets), the events its records
// share, the words they use, and its figures beside other analysts'.
type Data struct {
	Report *Section
	Shared []evaluate.SharedEvent
	Words  *evaluate.WordsData
	Others *evaluate.OthersTable
}

// Section is one dataset's section of the report, with the build of
// hindcast that made it.
type Section struct {
	*evaluate.ReportSection
	Version  string
	Datasets []*forecasts.Dataset // the section's dataset, alone
}

// Load computes everything the deck and the handout show, for each
// dataset of the input in turn. Flat tables have no records to show: a
// *evaluate.UsageError says so.
func Load(in evaluate.Input, opts Options) ([]*Data, error) {
	boot := opts.Bootstrap
	switch {
	case boot == 0:
		boot = analysis.DefaultReplicates
	case boot < 0:
		boot = 0
	}
	if in.HasTables() {
		return nil, &evaluate.UsageError{Msg: "slides and the handout show records' cases and words; a flat table has none: use report (HTML or Markdown) for tables"}
	}
	rep, err := evaluate.Report(in, evaluate.ReportOptions{Bootstrap: boot, Seed: opts.Seed, Samples: opts.Samples, Version: opts.Version})
	if err != nil {
		return nil, err
	}
	var out []*Data
	for _, sec := range rep.Sections {
		s := &Section{ReportSection: sec, Version: rep.Version, Datasets: []*forecasts.Dataset{sec.Dataset}}
		d := &Data{Report: s, Shared: sec.Score.SharedEvents, Others: evaluate.Others(sec.Score, s.Datasets)}
		if w, err := evaluate.Words(sec.Records, forecasts.BuiltinScales(), nil); err == nil {
			d.Words = w
		}
		out = append(out, d)
	}
	return out, nil
}
