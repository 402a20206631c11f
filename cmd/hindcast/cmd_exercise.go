package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/hindcast/hindcast/reports/worksheet"
	"github.com/spf13/cobra"
)

// exerciseOptions are the flags of `hindcast exercise`.
type exerciseOptions struct {
	data   dataOptions
	output string
}

// exerciseOwnerFile lists the files hindcast wrote in an exercise folder,
// so that a later run replaces those and nothing else.
const exerciseOwnerFile = ".hindcast-exercise"

// newExerciseCmd makes `hindcast exercise`; runF, when not nil, runs in
// place of exerciseRun with the parsed options.
func newExerciseCmd(s *streams, runF func(*exerciseOptions) error) *cobra.Command {
	opts := &exerciseOptions{}
	cmd := &cobra.Command{
		Use:   "exercise",
		Short: "Write a class exercise: the questions as they stood, to answer with probabilities",
		Long: `Write a worksheet of the chosen records' questions as they stood on their
issue dates — the question, when it was asked, its deadline, who judged it and
for whom — with no outcome, no analyst's answer and no coder's note, into a
folder:

  worksheet.html   one print-friendly page
  worksheet.pdf    the same, A4, to print
  answers.csv      the answer sheet: a header (name, then each question's id);
                   each student adds a row of probabilities (70, 70% or 0.7)
  questions.csv    the key: number, id, date asked, deadline, question text

Only records resolved yes or no are asked. Score the filled sheet with
hindcast score --responses FILE. The folder is created if needed; files
hindcast wrote there before are replaced, nothing else is touched, and an
answers.csv that has been filled in is never replaced.`,
		Example: `  hindcast exercise --dataset cpc --exclude deng-vietnam-1978 -o seminar
  hindcast exercise --dataset historical --where decade=1970s -o week3
  hindcast score --dataset cpc --exclude deng-vietnam-1978 --responses seminar/filled.csv`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return exerciseRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.data.addFlags(f)
	opts.data.addSelectFlags(f)
	f.StringVarP(&opts.output, "output", "o", "hindcast-exercise", "the folder to write the worksheet into")
	return cmd
}

func exerciseRun(s *streams, o *exerciseOptions) error {
	if o.output == "" {
		return usageErrorf("-o needs a folder name")
	}
	in := evaluate.Input{Data: o.data.paths, Builtins: o.data.builtins, Select: o.data.sel, Args: s.args}
	if in.HasTables() {
		return usageErrorf("exercise asks the questions of records; a flat table has none")
	}
	ws, err := evaluate.MakeWorksheet(in)
	if err != nil {
		return err
	}
	files, err := worksheet.Files(ws)
	if err != nil {
		return err
	}
	if err := checkUnfilled(filepath.Join(o.output, worksheet.AnswersFile)); err != nil {
		return err
	}
	if err := fileout.WriteOwnedFolder(o.output, exerciseOwnerFile, files); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "wrote %s: %s, %s, %s, %s (%s)\n", o.output, worksheet.HTMLFile, worksheet.PDFFile,
		worksheet.AnswersFile, worksheet.QuestionsFile, count(len(ws.Questions), "question"))
	if len(ws.LeftOut) > 0 {
		fmt.Fprintf(s.err, "not asked (not resolved yes or no, so they cannot be scored): %s\n", strings.Join(ws.LeftOut, ", "))
	}
	return nil
}

// checkUnfilled refuses to replace an answer sheet with rows beyond its
// header: a class's answers are not hindcast's to overwrite.
func checkUnfilled(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil // none there, or WriteOwnedFolder will say why
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	for _, l := range lines[1:] {
		if len(bytes.Trim(l, ", \t\r")) > 0 {
			return fmt.Errorf("%s holds answers: move or rename it before writing the worksheet again", path)
		}
	}
	return nil
}

// classRun scores a class's answer sheet (score --responses).
func classRun(s *streams, o *scoreOptions) error {
	if o.responses == "" {
		return usageErrorf("--anonymise names the students of an answer sheet: give --responses FILE too")
	}
	if err := checkFormat(o.format, "table", "json", "csv", "markdown"); err != nil {
		return err
	}
	switch {
	case len(o.input.by) > 0:
		return usageErrorf("--by groups forecasts; with --responses the figures are by student")
	case o.bins != "10" || o.clip != 0 || o.brierScale != 1 || o.reference != "" || len(o.cluster) > 0 ||
		o.bootstrap != analysis.DefaultReplicates || o.seed != 1 || o.level != analysis.DefaultLevel || o.input.crowd || o.others:
		return usageErrorf("--responses gives each student's Brier score and overconfidence: --bins, --clip, --brier-scale, --reference, --cluster, --bootstrap, --seed, --level, --crowd-relative and --others do not apply")
	}
	in := o.input.input(s)
	if in.HasTables() {
		return usageErrorf("--responses scores a class on records' questions; give datasets (--data, --dataset), not a flat table")
	}
	c, err := evaluate.ScoreClass(in, evaluate.ClassOptions{Responses: o.responses, Anonymise: o.anonymise})
	if err != nil {
		return err
	}
	switch o.format {
	case "json":
		return textout.WriteClassJSON(s.out, c)
	case "csv":
		return textout.WriteClassCSV(s.out, c)
	case "markdown":
		return textout.WriteClassMarkdown(s.out, c)
	}
	return textout.WriteClassTable(s.out, c)
}
