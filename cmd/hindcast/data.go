package main

import (
	"slices"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/spf13/pflag"
)

// dataOptions selects the datasets a command reads.
type dataOptions struct {
	paths    []string // --data: dataset files or folders
	builtins []string // --dataset: built-in datasets by name
}

func (o *dataOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&o.paths, "data", nil, "read a dataset file or folder (repeatable) instead of the built-in datasets")
	fs.StringArrayVar(&o.builtins, "dataset", nil, "read only this built-in dataset (repeatable): cpc, historical")
}

// load reads the chosen datasets: the --data paths and --dataset names,
// or every built-in dataset when neither is given.
func (o *dataOptions) load() ([]*forecasts.Dataset, error) {
	var out []*forecasts.Dataset
	l := &forecasts.Loader{Scales: forecasts.BuiltinScales()}
	if len(o.builtins) > 0 || len(o.paths) == 0 {
		for _, name := range o.builtins {
			if !slices.Contains(forecasts.BuiltinNames(), name) {
				return nil, usageErrorf("--dataset %q: the built-in datasets are %s", name, strings.Join(forecasts.BuiltinNames(), ", "))
			}
		}
		ds, err := l.LoadBuiltin(o.builtins...)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	if len(o.paths) > 0 {
		ds, err := l.Load(o.paths...)
		if err != nil {
			return nil, err
		}
		out = append(out, ds...)
	}
	return out, nil
}

// allRecords lists the records of every dataset, in dataset then file order.
func allRecords(ds []*forecasts.Dataset) []*forecasts.Record {
	var out []*forecasts.Record
	for _, d := range ds {
		out = append(out, d.Records...)
	}
	return out
}
