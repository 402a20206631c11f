package evaluate_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// Every result says what made it: the command line, each input with its
// SHA-256 (computed here independently), the options that change a
// figure, and no clock time, so two runs give the same provenance.
func TestScoreProvenance(t *testing.T) {
	content := "who,probability,outcome\nA,0.2,1\nB,0.9,0\n"
	path := table(t, "t.csv", content)
	sum := sha256.Sum256([]byte(content))
	in := evaluate.Input{Data: []string{path}, By: []string{"who"}, Args: []string{"hindcast", "score", "--data", path, "--by", "who"}}
	run := func() string {
		f, err := evaluate.Load(in)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: 7, Seed: 3}})
		if err != nil {
			t.Fatal(err)
		}
		p := sc.Provenance
		if len(p.Inputs) != 1 || p.Inputs[0].SHA256 != hex.EncodeToString(sum[:]) || p.Inputs[0].Bytes != int64(len(content)) {
			t.Errorf("inputs %+v, want %s with sha256 %x", p.Inputs, path, sum)
		}
		var opts []string
		for _, o := range p.Options {
			opts = append(opts, o.Key+"="+o.Value)
		}
		return p.Command + " | " + strings.Join(opts, " ")
	}
	got := run()
	for _, want := range []string{"hindcast score --data", "bootstrap=7", "seed=3", "by=who", "bins=10"} {
		if !strings.Contains(got, want) {
			t.Errorf("provenance %q lacks %q", got, want)
		}
	}
	if again := run(); again != got {
		t.Errorf("two runs differ: %q, %q", got, again)
	}
	// Standard input is hashed as it is read.
	in = evaluate.Input{Tables: []string{"-"}, Stdin: strings.NewReader(content), TableFormat: "csv"}
	f, err := evaluate.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Inputs) != 1 || f.Inputs[0].Name != "-" || f.Inputs[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("standard input: %+v", f.Inputs)
	}
}
