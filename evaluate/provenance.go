package evaluate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// datasetInputs names and hashes what the datasets were read from: a
// built-in dataset's bytes in the binary, and every file of the others.
func datasetInputs(ds []*forecasts.Dataset) ([]provenance.Input, error) {
	var out []provenance.Input
	for _, d := range ds {
		if d.Builtin {
			data, err := forecasts.BuiltinData(d.Name)
			if err != nil {
				return nil, err
			}
			out = append(out, provenance.HashBuiltin(d.Name, data))
			continue
		}
		for _, f := range d.Files {
			in, err := provenance.HashFile(f, f)
			if err != nil {
				return nil, err
			}
			out = append(out, in)
		}
	}
	return out, nil
}

// provenanceOf records what made a result: the command line, the inputs
// and the options that change a figure (those set, and a few always).
func (in *Input) provenanceOf(inputs []provenance.Input, extra ...provenance.Option) *provenance.Provenance {
	var opts []provenance.Option
	add := func(key string, value any) {
		s := fmt.Sprint(value)
		if vs, ok := value.([]string); ok {
			s = strings.Join(vs, ",")
		}
		if s != "" && s != "false" && s != "[]" {
			opts = append(opts, provenance.Option{Key: key, Value: s})
		}
	}
	add("id", in.Select.IDs)
	add("exclude", in.Select.Exclude)
	add("where", in.Select.Where)
	add("by", in.By)
	add("scale", in.Scale)
	add("reading", string(in.reading()))
	add("weight", string(in.weighting()))
	add("latest", in.Latest)
	add("forecaster-col", in.ForecasterCols)
	add("question-col", in.QuestionCols)
	add("time-col", in.TimeCol)
	add("resolved-col", in.ResolvedCol)
	add("cluster", in.Cluster)
	if in.HasTables() {
		add("prob-col", in.tableOptions().Probability)
		add("outcome-col", in.tableOptions().Outcome)
		add("weight-col", in.WeightCol)
		add("counts", in.Counts)
		add("percent", in.Percent)
	}
	for _, o := range extra {
		if o.Value != "" {
			opts = append(opts, o)
		}
	}
	p := provenance.New(in.Args, inputs, opts...)
	return &p
}

func intOption(key string, v int) provenance.Option {
	return provenance.Option{Key: key, Value: strconv.Itoa(v)}
}

func floatOption(key string, v float64) provenance.Option {
	return provenance.Option{Key: key, Value: strconv.FormatFloat(v, 'g', -1, 64)}
}

// boolOption records a flag that is on; one that is off is left out.
func boolOption(key string, v bool) provenance.Option {
	if !v {
		return provenance.Option{Key: key}
	}
	return provenance.Option{Key: key, Value: "true"}
}
