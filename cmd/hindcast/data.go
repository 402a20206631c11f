package main

import (
	"github.com/hindcast/hindcast/evaluate"
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
	return evaluate.LoadDatasets(o.paths, o.builtins)
}

// allRecords lists the records of every dataset, in dataset then file order.
func allRecords(ds []*forecasts.Dataset) []*forecasts.Record { return evaluate.AllRecords(ds) }
