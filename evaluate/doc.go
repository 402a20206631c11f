// Package evaluate is hindcast's use cases: it opens the inputs a command
// names (dataset files and folders, flat tables, standard input, the
// built-in datasets), selects, codes, groups and weights their forecasts,
// asks package analysis for the figures, and returns them as values for
// package reports to render: the scored groups ([ScoreResult]), the pairwise
// comparison ([CompareResult]), the sensitivity to verbal codings
// ([SensitivityResult]), the groups and cases the charts draw, and the report.
//
// It writes nothing and prints nothing. A bad combination of options is a
// [*UsageError]; bad data is a [forecasts.ErrorList] with every problem's
// position. The warning codes it adds to the analysis package's own are
// the Warn constants of this package.
package evaluate
