package reports_test

import (
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports"
)

// The charts of forecasts draw what evaluate prepares; these build both.

func buildReliability(groups []evaluate.ForecastGroup, data evaluate.ReliabilityOptions, opt reports.ReliabilityOptions) (*reports.Chart, error) {
	d, err := evaluate.Reliability(groups, data)
	if err != nil {
		return nil, err
	}
	return reports.ReliabilityChart(d, opt)
}

func buildROC(groups []evaluate.ForecastGroup, opt reports.ROCOptions) (*reports.Chart, error) {
	d, err := evaluate.ROC(groups)
	if err != nil {
		return nil, err
	}
	return reports.ROCChart(d, opt)
}

func buildSharpness(groups []evaluate.ForecastGroup, bins int, opt reports.SharpnessOptions) (*reports.Chart, error) {
	d, err := evaluate.Sharpness(groups, bins)
	if err != nil {
		return nil, err
	}
	return reports.SharpnessChart(d, opt)
}

func buildMurphy(groups []evaluate.ForecastGroup, opt reports.MurphyOptions) (*reports.Chart, error) {
	d, err := evaluate.Murphy(groups, 0)
	if err != nil {
		return nil, err
	}
	return reports.MurphyChart(d, opt)
}

func buildContributions(cases []evaluate.Case, log bool, opt reports.ContributionsOptions) (*reports.Chart, error) {
	d, err := evaluate.Contributions(cases, log)
	if err != nil {
		return nil, err
	}
	return reports.ContributionsChart(d, opt)
}
