package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/spf13/pflag"

	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/hindcast/hindcast/reports/deck"
	"github.com/spf13/cobra"
)

// slidesOptions are the flags of `hindcast slides`.
type slidesOptions struct {
	input  inputFlags
	output string
	force  bool
	seed   uint64
}

// newSlidesCmd makes `hindcast slides`; runF, when not nil, runs in place
// of slidesRun with the parsed options.
func newSlidesCmd(s *streams, runF func(*slidesOptions) error) *cobra.Command {
	opts := &slidesOptions{}
	cmd := &cobra.Command{
		Use:   "slides -o DIR",
		Short: "Write a lecture's slide deck: slides.pdf, a PNG per slide and speaker notes",
		Long: `Write a slide deck on the chosen datasets into a folder: slides.pdf (16:9,
13.33 × 7.5 in pages), slide-01.png … (1920 × 1080) and notes.md, the speaker
notes of each slide.

Seven slides: the title; the data and how it was chosen; which cases cost
most; what the words could mean; the reliability diagram; how much the
verdict depends on the words; how other analysts did. Each slide's title is
its takeaway, computed from the data; caveats are set at body size, and no
text on a slide is under 20 pt. The same input gives the same bytes.

The folder is handled as by report: created if needed, a folder hindcast
wrote updated, any other that is not empty refused unless --force.`,
		Example: `  hindcast slides --dataset cpc -o lecture
  hindcast slides --dataset cpc --exclude deng-vietnam-1978 -o lecture
  hindcast slides --data seminar/ -o seminar-slides`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return slidesRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addRecordFlags(f, "group the reliability diagram by these record fields or tag keys (comma-separated)")
	f.StringVarP(&opts.output, "output", "o", "hindcast-slides", "the folder to write the slides into")
	f.BoolVar(&opts.force, "force", false, "write into a folder that is not empty and was not written by hindcast (files already there are never replaced)")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the bootstrap, the consistency band and the random codings")
	return cmd
}

func slidesRun(s *streams, o *slidesOptions) error {
	if o.output == "" {
		return usageErrorf("-o needs a folder name")
	}
	in := o.input.input(s)
	if in.HasTables() {
		return usageErrorf("slides reads datasets of records; for a flat table use score and plot")
	}
	dir, err := reportDir(o.output, o.force)
	if err != nil {
		return err
	}
	// Everything is made before anything is written.
	data, err := deck.Load(in, deck.Options{Seed: o.seed})
	if err != nil {
		return err
	}
	dk, err := deck.Build(data)
	if err != nil {
		return err
	}
	files, err := dk.Files()
	if err != nil {
		return err
	}
	if err := fileout.WriteOwnedFolder(dir, ownerFile, files); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "wrote %s (%d slides, %d files)\n", filepath.Join(dir, "slides.pdf"), len(dk.Slides), len(files))
	return nil
}

// handoutFlags are the flags of `hindcast report --format pdf`.
type handoutFlags struct {
	paper, cases string
}

func (h *handoutFlags) addFlags(f *pflag.FlagSet) {
	f.StringVar(&h.paper, "paper", "letter", "--format pdf: the handout's paper, letter or a4")
	f.StringVar(&h.cases, "cases", "chosen", "--format pdf: the case cards: none, chosen (the costliest and those sharing an event) or all")
}

// check refuses --paper and --cases away from --format pdf, which alone
// reads them.
func (h *handoutFlags) check(format string) error {
	if format != "pdf" && (h.paper != "letter" || h.cases != "chosen") {
		return usageErrorf("--paper and --cases apply to the handout, --format pdf")
	}
	return nil
}

// handoutRun writes handout.pdf into dir: the summary, the scores, the
// charts two a page and the case cards.
func handoutRun(s *streams, in evaluate.Input, dir string, bootstrap int, seed uint64, h handoutFlags) error {
	if !slices.Contains(deck.Papers, h.paper) {
		return usageErrorf("--paper %q: use %s", h.paper, strings.Join(deck.Papers, " or "))
	}
	if !slices.Contains(deck.CaseCards, h.cases) {
		return usageErrorf("--cases %q: use %s", h.cases, strings.Join(deck.CaseCards, ", "))
	}
	if bootstrap == 0 {
		bootstrap = -1 // deck.Options: none
	}
	data, err := deck.Load(in, deck.Options{Seed: seed, Bootstrap: bootstrap, Version: version})
	if err != nil {
		return err
	}
	pdf, err := deck.Handout(data, deck.HandoutOptions{Paper: h.paper, Cases: h.cases})
	if err != nil {
		return err
	}
	if err := fileout.WriteOwnedFolder(dir, ownerFile, map[string][]byte{"handout.pdf": pdf}); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "wrote %s\n", filepath.Join(dir, "handout.pdf"))
	return nil
}
