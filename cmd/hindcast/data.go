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
	sel      evaluate.Selection

	sumTolerance float64 // --sum-tolerance, where a command takes it; 0 for the default
}

// addSelectFlags adds --id, --exclude and --where, for a command that honours them.
func (o *dataOptions) addSelectFlags(fs *pflag.FlagSet) {
	fs.StringSliceVar(&o.sel.IDs, "id", nil, "read only the records with these ids (comma-separated or repeated)")
	fs.StringSliceVar(&o.sel.Exclude, "exclude", nil, "leave out the records with these ids (comma-separated or repeated)")
	fs.StringArrayVar(&o.sel.Where, "where", nil, "read only records whose FIELD (a record field or tag) is VALUE: FIELD=VALUE, repeatable, all must hold")
}

func (o *dataOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&o.paths, "data", nil, "read a dataset file or folder (repeatable) instead of the built-in datasets")
	fs.StringArrayVar(&o.builtins, "dataset", nil, "read only this built-in dataset (repeatable): cpc, historical")
}

// load reads the chosen datasets: the --data paths and --dataset names,
// or every built-in dataset when neither is given; only the records the
// selection keeps.
func (o *dataOptions) load() ([]*forecasts.Dataset, error) {
	ds, err := evaluate.LoadDatasetsTolerance(o.paths, o.builtins, o.sumTolerance)
	if err != nil {
		return nil, err
	}
	return evaluate.SelectRecords(ds, o.sel)
}

// allRecords lists the records of every dataset, in dataset then file order.
func allRecords(ds []*forecasts.Dataset) []*forecasts.Record { return evaluate.AllRecords(ds) }
