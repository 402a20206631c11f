package analysis_test

import (
	"fmt"
	"math"

	"github.com/hindcast/hindcast/analysis"
)

// The outputs below are worked out by hand in the comments; see hand_test.go
// for the arithmetic in full.

// Four forecasts of P(event) = 0.07, 0.07, 0.07, 0.2; the event happened
// after the three 7% forecasts and not after the 20% one.
func exampleTiny() analysis.Table {
	return analysis.TableOf([]float64{0.07, 0.07, 0.07, 0.2}, []bool{true, true, true, false}, nil)
}

// Forty forecasts: ten each at 10%, 30%, 50% and 90%, followed by the event
// 1, 4, 3 and 9 times.
func exampleFour() analysis.Table {
	return analysis.NewTable([]analysis.Cell{
		{P: 0.1, N: 10, Yes: 1}, {P: 0.3, N: 10, Yes: 4}, {P: 0.5, N: 10, Yes: 3}, {P: 0.9, N: 10, Yes: 9},
	})
}

func ExampleTally() {
	var t analysis.Tally
	t.Add(0.07, true)
	t.Add(0.2, false)
	t.Add(0.07, true)
	t.Add(0.07, true)
	fmt.Println(t.Table().Cells)
	// Output: [{0.07 3 3} {0.2 1 0}]
}

func ExampleTableOf() {
	// The second forecast counts half (it was one of two updates, say).
	t := analysis.TableOf([]float64{0.6, 0.6, 0.1}, []bool{true, false, false}, []float64{1, 0.5, 1})
	fmt.Println(t.Cells, t.N(), t.Yes())
	// Output: [{0.1 1 0} {0.6 1.5 1}] 2.5 1
}

func ExampleNewTable() {
	t := analysis.NewTable([]analysis.Cell{{P: 0.9, N: 2, Yes: 2}, {P: 0.3, N: 5, Yes: 1}, {P: 0.9, N: 1}})
	fmt.Println(t.Cells)
	// Output: [{0.3 5 1} {0.9 3 2}]
}

func ExampleBrierContribution() {
	// (0.07 − 1)² = 0.8649; (0.2 − 0)² = 0.04
	fmt.Printf("%.4f %.4f\n", analysis.BrierContribution(0.07, true), analysis.BrierContribution(0.2, false))
	// Output: 0.8649 0.0400
}

func ExampleBrier() {
	// (3·0.93² + 0.2²)/4 = (2.5947 + 0.04)/4 = 0.658675; twice that on
	// Brier's original 0–2 scale.
	b := analysis.Brier(exampleTiny())
	fmt.Printf("%.6f %.6f\n", b, b*analysis.OriginalBrierScale)
	// Output: 0.658675 1.317350
}

func ExampleLogContribution() {
	// −ln 0.8 = 0.223144; a forecast of 0 followed by the event scores +∞.
	fmt.Printf("%.6f %v\n", analysis.LogContribution(0.8, true), analysis.LogContribution(0, true))
	// Output: 0.223144 +Inf
}

func ExampleClippedLog() {
	// Clipped to 0.01: −ln 0.01 = 4.605170.
	fmt.Printf("%.6f\n", analysis.ClippedLog(0.01)(0, true))
	// Output: 4.605170
}

func ExampleLogScore() {
	// −(3 ln 0.07 + ln 0.8)/4 = 8.200924/4 = 2.050231.
	score, wrong := analysis.LogScore(exampleTiny(), 0)
	fmt.Printf("%.6f %v\n", score, wrong)

	// A forecast of 0 was followed by the event: infinite unless clipped.
	certain := analysis.NewTable([]analysis.Cell{{P: 0, N: 1, Yes: 1}, {P: 0.5, N: 1, Yes: 1}})
	score, wrong = analysis.LogScore(certain, 0)
	fmt.Println(score, wrong)
	// Clipped to 0.01: (−ln 0.01 + ln 2)/2 = (4.605170 + 0.693147)/2.
	score, _ = analysis.LogScore(certain, 0.01)
	fmt.Printf("%.6f\n", score)
	// Output:
	// 2.050231 []
	// +Inf [0]
	// 2.649159
}

func ExampleSphericalContribution() {
	// 0.8/√(0.2² + 0.8²) = 0.8/√0.68 = 0.970143; 0.5/√0.5 = 0.707107.
	fmt.Printf("%.6f %.6f\n", analysis.SphericalContribution(0.2, false), analysis.SphericalContribution(0.5, true))
	// Output: 0.970143 0.707107
}

func ExampleSpherical() {
	// (3·0.07/√0.8698 + 0.8/√0.68)/4 = (3·0.075057 + 0.970143)/4 = 0.298828
	fmt.Printf("%.6f\n", analysis.Spherical(exampleTiny()))
	// Output: 0.298828
}

func ExampleMeanScore() {
	// Any negatively oriented rule; here a cost–loss rule at θ = 0.1:
	// 3 events at p ≤ θ cost 0.9 each, the non-event at p > θ costs 0.1: 2.8/4.
	costLoss := func(p float64, yes bool) float64 { return analysis.ElementaryScore(p, 0.1, yes) }
	fmt.Printf("%.2f %.6f\n", analysis.MeanScore(exampleTiny(), costLoss), analysis.MeanScore(exampleTiny(), analysis.BrierContribution))
	// Output: 0.70 0.658675
}

func ExampleBaseRate() {
	fmt.Println(analysis.BaseRate(exampleTiny()))
	// Output: 0.75
}

func ExampleMeanForecast() {
	// (3·0.07 + 0.2)/4 = 0.41/4
	fmt.Printf("%.4f\n", analysis.MeanForecast(exampleTiny()))
	// Output: 0.1025
}

func ExampleSkillScore() {
	// 1 − 0.15/0.2
	fmt.Printf("%.2f\n", analysis.SkillScore(0.15, 0.2))
	// Output: 0.25
}

func ExampleBrierSkill() {
	// 1 − 0.17/(0.425·0.575) = 1 − 0.17/0.244375 = 1 − 16/23 = 7/23
	fmt.Printf("%.6f\n", analysis.BrierSkill(exampleFour()))
	// Output: 0.304348
}

func ExampleBrierSkillVsHalf() {
	// 1 − 0.17/0.25
	fmt.Printf("%.2f\n", analysis.BrierSkillVsHalf(exampleFour()))
	// Output: 0.32
}

func ExampleBins() {
	// [0, 0.5): 20 forecasts, 5 events, mean forecast 0.2, Wilson 95%
	// interval for 5/20 [0.1119, 0.4687]; [0.5, 1]: 12/20, mean 0.7,
	// [0.3866, 0.7812].
	for _, b := range analysis.Bins(exampleFour(), 2) {
		fmt.Printf("bin %d from %g: n=%g forecast %.2f observed %.2f [%.4f, %.4f]\n",
			b.Index, b.Lo, b.N, b.MeanForecast, b.Observed, b.ObservedLo, b.ObservedHi)
	}
	// Output:
	// bin 0 from 0: n=20 forecast 0.20 observed 0.25 [0.1119, 0.4687]
	// bin 1 from 0.5: n=20 forecast 0.70 observed 0.60 [0.3866, 0.7812]
}

func ExampleMurphy() {
	// Distinct: REL = 10(0² + 0.1² + 0.2² + 0²)/40, RES = 10(0.325² + 0.025²
	// + 0.125² + 0.475²)/40, UNC = 0.425·0.575. Two bins: REL = (20·0.05² +
	// 20·0.1²)/40, RES = 20·2·0.175²/40, residual 0.17 − 0.22.
	t := exampleFour()
	d := analysis.Murphy(t, analysis.Distinct)
	fmt.Printf("REL %.6f RES %.6f UNC %.6f\n", d.Reliability, d.Resolution, d.Uncertainty)
	b := analysis.Murphy(t, 2)
	fmt.Printf("REL %.6f RES %.6f UNC %.6f residual %.6f\n", b.Reliability, b.Resolution, b.Uncertainty, b.Residual)
	// Output:
	// REL 0.012500 RES 0.086875 UNC 0.244375
	// REL 0.006250 RES 0.030625 UNC 0.244375 residual -0.050000
}

func ExamplePAV() {
	// Observed 0.1, 0.4, 0.3, 0.9: the middle two pool to 7/20.
	fmt.Println(analysis.PAV(exampleFour()))
	// Output: [0.1 0.35 0.35 0.9]
}

func ExampleCORP() {
	// S(r) = (10·0.09 + 20·0.35·0.65 + 10·0.09)/40 = 0.15875;
	// MCB = 0.17 − 0.15875, DSC = 0.244375 − 0.15875, UNC = 0.244375.
	c := analysis.CORP(exampleFour(), analysis.BrierContribution)
	fmt.Printf("MCB %.6f DSC %.6f UNC %.6f\n", c.Miscalibration, c.Discrimination, c.Uncertainty)
	// Output: MCB 0.011250 DSC 0.085625 UNC 0.244375
}

func ExampleYates() {
	// p̄₁ = 10.9/17, p̄₀ = 7.1/23, slope 130/391 = 0.332481;
	// Cov = slope·0.244375 = 0.08125; bias 0.45 − 0.425.
	y := analysis.Yates(exampleFour())
	fmt.Printf("slope %.6f cov %.5f bias %.3f\n", y.Slope, y.Covariance, y.Bias)
	// Output: slope 0.332481 cov 0.08125 bias 0.025
}

func ExampleCalibrationInTheLarge() {
	// 0.45 − 0.425
	fmt.Printf("%.3f\n", analysis.CalibrationInTheLarge(exampleFour()))
	// Output: 0.025
}

func ExampleSpiegelhalter() {
	// z = 0.4/√1.488 = 0.3279, p = erfc(0.3279/√2) = 0.7430.
	z, p := analysis.Spiegelhalter(exampleFour())
	fmt.Printf("z %.4f p %.4f\n", z, p)
	// Output: z 0.3279 p 0.7430
}

func ExampleECE() {
	// (20·|0.2 − 0.25| + 20·|0.7 − 0.6|)/40
	fmt.Printf("%.3f\n", analysis.ECE(exampleFour(), 2))
	// Output: 0.075
}

func ExampleWilsonInterval() {
	// Newcombe (1998), Table II: 81/263 gives [0.2553, 0.3662].
	lo, hi := analysis.WilsonInterval(81, 263, 0.95)
	fmt.Printf("[%.4f, %.4f]\n", lo, hi)
	// Output: [0.2553, 0.3662]
}

func ExampleLogistic() {
	// Two forecast values fit exactly: logit 0.5 = a + b logit 0.2 and
	// logit 0.8 = a + b logit 0.8, so b = ln 4/(2 ln 4) = 0.5, a = ln 2.
	t := analysis.NewTable([]analysis.Cell{{P: 0.2, N: 10, Yes: 5}, {P: 0.8, N: 10, Yes: 8}})
	fit := analysis.Logistic(t, 0.001)
	fmt.Printf("slope %.4f intercept %.4f converged %v\n", fit.Slope, fit.Intercept, fit.Converged)
	// Output: slope 0.5000 intercept 0.6931 converged true
}

func ExampleAUC() {
	// Hanley & McNeil (1982), Table 1: ratings of 58 normal and 51
	// abnormal images on five categories; published area 0.893.
	normal := []float64{33, 6, 6, 11, 2}
	abnormal := []float64{3, 2, 2, 11, 33}
	var cells []analysis.Cell
	for i := range normal {
		cells = append(cells, analysis.Cell{P: float64(i+1) / 10, N: normal[i] + abnormal[i], Yes: abnormal[i]})
	}
	fmt.Printf("%.3f\n", analysis.AUC(analysis.NewTable(cells)))
	// Output: 0.893
}

func ExampleROC() {
	// 17 events, 23 non-events. At "≥ 0.9": 9 events, 1 non-event, so TPR
	// 9/17 = 0.529, FPR 1/23 = 0.043; at 0.5: 12/17, 8/23; at 0.3: 16/17, 14/23.
	for _, pt := range analysis.ROC(exampleFour()) {
		fmt.Printf("%v: FPR %.3f TPR %.3f\n", pt.Threshold, pt.FPR, pt.TPR)
	}
	// Output:
	// +Inf: FPR 0.000 TPR 0.000
	// 0.9: FPR 0.043 TPR 0.529
	// 0.5: FPR 0.348 TPR 0.706
	// 0.3: FPR 0.609 TPR 0.941
	// 0.1: FPR 1.000 TPR 1.000
}

func ExampleElementaryScore() {
	// θ = 0.1: an event after 7% (not acted on) costs 1 − θ; a non-event
	// after 20% (acted on) costs θ.
	fmt.Println(analysis.ElementaryScore(0.07, 0.1, true), analysis.ElementaryScore(0.2, 0.1, false))
	// Output: 0.9 0.1
}

func ExampleMurphyDiagram() {
	// θ = 0.1: (3·0.9 + 0.1)/4; θ = 0.5: (3·0.5 + 0)/4.
	fmt.Printf("%.4f\n", analysis.MurphyDiagram(exampleTiny(), []float64{0.1, 0.5}))
	// Output: [0.7000 0.3750]
}

func ExampleBootstrap() {
	// 10,000 forecasts of 30%, 3,000 events: the base rate's interval is
	// about 0.3 ± 1.96 √(0.3·0.7/10000) = 0.3 ± 0.009.
	t := analysis.NewTable([]analysis.Cell{{P: 0.3, N: 10000, Yes: 3000}})
	b := analysis.Bootstrap(t, analysis.Options{Replicates: 1000, Seed: 1})
	fmt.Printf("%d replicates, %.0f%%: base rate [%.2f, %.2f]\n", b.Replicates, 100*b.Level, b.Lo.BaseRate, b.Hi.BaseRate)
	// Output: 1000 replicates, 95%: base rate [0.29, 0.31]
}

func ExampleConsistencyBands() {
	// One forecast value, 30% on 100 forecasts: a calibrated forecaster's
	// observed frequency is Binomial(100, 0.3)/100, whose 2.5% and 97.5%
	// quantiles are 0.21 and 0.39.
	t := analysis.NewTable([]analysis.Cell{{P: 0.3, N: 100, Yes: 45}})
	b := analysis.ConsistencyBands(t, analysis.Options{BandReplicates: 1000, Seed: 1})
	fmt.Printf("at %.1f: [%.1f, %.1f]\n", b.P[0], b.Lo[0], b.Hi[0])
	// Output: at 0.3: [0.2, 0.4]
}

func ExampleSummarize() {
	s := analysis.Summarize(exampleTiny(), analysis.Options{})
	fmt.Printf("Brier %.6f, AUC %v\n", s.Brier, s.AUC)
	for _, w := range s.Warnings {
		fmt.Println(w.Code)
	}
	// Output:
	// Brier 0.658675, AUC 0
	// small-sample
	// small-bins
	// logistic-fit
}

func ExampleSummarizeAll() {
	for _, s := range analysis.SummarizeAll([]analysis.Table{exampleTiny(), exampleFour()}, analysis.Options{}) {
		fmt.Printf("%.6f\n", s.Brier)
	}
	// Output:
	// 0.658675
	// 0.170000
}

func ExampleSimulate() {
	// An overconfident forecaster who rounds to tenths.
	sim := analysis.Simulation{N: 1000, Alpha: 0.5, Beta: 0.5, Decimals: 1, Truth: analysis.LogisticCurve(0, 0.5), Seed: 1}
	n, onGrid := 0, true
	for p := range analysis.Simulate(sim) {
		n++
		onGrid = onGrid && math.Round(p*10)/10 == p
	}
	fmt.Println(n, onGrid)
	// Output: 1000 true
}

func ExampleLogisticCurve() {
	// σ(0.5·logit 0.8) = σ(ln 2) = 2/3: an 80% forecast from a forecaster
	// with slope 0.5 comes true two times in three.
	fmt.Printf("%.4f\n", analysis.LogisticCurve(0, 0.5)(0.8))
	// Output: 0.6667
}
