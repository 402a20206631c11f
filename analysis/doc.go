// Package analysis computes how good probability forecasts of binary events
// were: scores, decompositions, calibration, discrimination and their
// uncertainty.
//
// Everything is computed from a [Table]: the distinct forecast values with,
// for each, the number (or total weight) of forecasts made with it and how
// many of those were followed by the event. A [Tally] builds a Table from
// individual forecasts in a few nanoseconds each; [TableOf] builds one from
// slices. Work is then proportional to the number of distinct values, not the
// number of forecasts.
//
// Notation used in the doc comments: a table has cells i = 1..K with forecast
// p_i, weight n_i and yes-weight y_i; N = Σ n_i; the base rate is
// ȳ = Σ y_i / N; o_i = y_i / n_i is the observed frequency in cell i. For a
// single forecast, y is 1 when the event happened and 0 when it did not.
//
// The package does no I/O. Functions are pure; the random ones
// ([Bootstrap], [ConsistencyBands], [Simulate]) take an explicit seed and give
// the same result for the same seed on any number of cores. A caller's
// programming mistake (a probability outside [0, 1], a negative weight, a
// bad option) panics with a message starting "analysis:"; a property of the
// data that makes a figure undefined (no events at all, say) gives NaN and,
// in a [Summary], a [Warning].
package analysis
