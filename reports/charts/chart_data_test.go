package charts_test

import (
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// The charts of forecasts draw what evaluate prepares; these build both.

func buildReliability(groups []evaluate.ForecastGroup, data evaluate.ReliabilityOptions, opt charts.ReliabilityOptions) (*figure.Chart, error) {
	d, err := evaluate.Reliability(groups, data)
	if err != nil {
		return nil, err
	}
	return charts.ReliabilityChart(d, opt)
}

func buildROC(groups []evaluate.ForecastGroup, opt charts.ROCOptions) (*figure.Chart, error) {
	d, err := evaluate.ROC(groups)
	if err != nil {
		return nil, err
	}
	return charts.ROCChart(d, opt)
}

func buildSharpness(groups []evaluate.ForecastGroup, bins int, opt charts.SharpnessOptions) (*figure.Chart, error) {
	d, err := evaluate.Sharpness(groups, bins)
	if err != nil {
		return nil, err
	}
	return charts.SharpnessChart(d, opt)
}

func buildMurphy(groups []evaluate.ForecastGroup, opt charts.MurphyOptions) (*figure.Chart, error) {
	d, err := evaluate.Murphy(groups, 0)
	if err != nil {
		return nil, err
	}
	return charts.MurphyChart(d, opt)
}

func buildContributions(cases []evaluate.Case, log bool, opt charts.ContributionsOptions) (*figure.Chart, error) {
	d, err := evaluate.Contributions(cases, log)
	if err != nil {
		return nil, err
	}
	return charts.ContributionsChart(d, opt)
}
