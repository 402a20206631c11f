package analysis_test

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// Tables small enough to check by hand. Every expected value below is
// worked out in its comment from the definitions, not taken from the code.

// tiny: four forecasts of P(event) = 0.07, 0.07, 0.07, 0.2 with outcomes
// 1, 1, 1, 0. N = 4, Σy = 3, ȳ = 0.75, UNC = ȳ(1 − ȳ) = 0.1875,
// p̄ = (3·0.07 + 0.2)/4 = 0.41/4 = 0.1025.
func tiny() analysis.Table {
	return analysis.TableOf([]float64{0.07, 0.07, 0.2, 0.07}, []bool{true, true, false, true}, nil)
}

// four: 40 forecasts in four cells, observed frequencies 0.1, 0.4, 0.3, 0.9:
//
//	p     n   yes
//	0.1   10   1
//	0.3   10   4
//	0.5   10   3
//	0.9   10   9
//
// N = 40, Σy = 17, ȳ = 0.425, UNC = 0.425·0.575 = 0.244375 (= 391/1600),
// p̄ = (1 + 3 + 5 + 9)/40 = 0.45.
func four() analysis.Table {
	return analysis.NewTable([]analysis.Cell{
		{P: 0.5, N: 10, Yes: 3}, {P: 0.1, N: 10, Yes: 1}, {P: 0.9, N: 10, Yes: 9}, {P: 0.3, N: 10, Yes: 4},
	})
}

type handCase struct {
	figure string
	got    float64
	want   float64
}

func checkHand(t *testing.T, cases []handCase) {
	t.Helper()
	for _, c := range cases {
		if !close(c.got, c.want, 1e-12) {
			t.Errorf("%s = %.17g, want %.17g", c.figure, c.got, c.want)
		}
	}
}

func TestTinyScores(t *testing.T) {
	tb := tiny()
	logScore, wrong := analysis.LogScore(tb, 0)
	checkHand(t, []handCase{
		// (3·0.93² + 0.2²)/4 = (3·0.8649 + 0.04)/4 = (2.5947 + 0.04)/4 = 2.6347/4
		{"Brier", analysis.Brier(tb), 0.658675},
		{"Brier via MeanScore", analysis.MeanScore(tb, analysis.BrierContribution), 0.658675},
		{"base rate", analysis.BaseRate(tb), 0.75},
		{"mean forecast", analysis.MeanForecast(tb), 0.1025},
		// 1 − 0.658675/0.1875 = 1 − 3.51293333… = −2.51293333…
		{"Brier skill", analysis.BrierSkill(tb), 1 - 0.658675/0.1875},
		// 1 − 0.658675/0.25 = 1 − 2.6347 = −1.6347
		{"Brier skill vs 50%", analysis.BrierSkillVsHalf(tb), -1.6347},
		// −(3 ln 0.07 + ln 0.8)/4 = −(3·(−2.659260036932778) − 0.2231435513142097)/4
		//                        = 8.200923662112544/4
		{"log score", logScore, 2.050230915528136},
		// yes at 0.07: 0.07/√(0.07² + 0.93²) = 0.07/√0.8698 = 0.0750565051…
		// no at 0.2:   0.8/√(0.2² + 0.8²)   = 0.8/√0.68   = 0.9701425001…
		// (3·0.0750565051190143 + 0.9701425001453319)/4
		{"spherical", analysis.Spherical(tb), (3*0.07505650511901428 + 0.9701425001453319) / 4},
		// 0.1025 − 0.75
		{"calibration in the large", analysis.CalibrationInTheLarge(tb), -0.6475},
	})
	if len(wrong) != 0 {
		t.Errorf("LogScore: wrong certain forecasts %v, want none", wrong)
	}
}

func TestTinyDecompositions(t *testing.T) {
	tb := tiny()
	md := analysis.Murphy(tb, analysis.Distinct)
	m10 := analysis.Murphy(tb, 10)
	corp := analysis.CORP(tb, analysis.BrierContribution)
	corpLog := analysis.CORP(tb, analysis.LogContribution)
	y := analysis.Yates(tb)
	checkHand(t, []handCase{
		// Cells: 0.07 (n 3, ō 1) and 0.2 (n 1, ō 0).
		// REL = (3·(0.07 − 1)² + 1·(0.2 − 0)²)/4 = (2.5947 + 0.04)/4
		{"Murphy REL", md.Reliability, 0.658675},
		// RES = (3·(1 − 0.75)² + 1·(0 − 0.75)²)/4 = (0.1875 + 0.5625)/4
		{"Murphy RES", md.Resolution, 0.1875},
		{"Murphy UNC", md.Uncertainty, 0.1875},
		// REL − RES + UNC = 0.658675 − 0.1875 + 0.1875 = B
		{"Murphy residual", md.Residual, 0},
		// Ten bins: 0.07 → bin ⌊0.7⌋ = 0, 0.2 → bin ⌊2⌋ = 2: one cell each,
		// so the same as distinct.
		{"Murphy 10 REL", m10.Reliability, 0.658675},
		{"Murphy 10 RES", m10.Resolution, 0.1875},
		{"Murphy 10 residual", m10.Residual, 0},
		// PAV: ō = 1 at 0.07 then 0 at 0.2 violates monotonicity, so both
		// pool to r = 3/4. S(r) = ȳ(1 − ȳ) = 0.1875.
		// MCB = 0.658675 − 0.1875, DSC = 0.1875 − 0.1875, UNC = 0.1875.
		{"CORP MCB", corp.Miscalibration, 0.471175},
		{"CORP DSC", corp.Discrimination, 0},
		{"CORP UNC", corp.Uncertainty, 0.1875},
		{"CORP r[0]", corp.Recalibrated[0], 0.75},
		{"CORP r[1]", corp.Recalibrated[1], 0.75},
		// Log: S(r) = S(ȳ) = −(3 ln 0.75 + ln 0.25)/4
		//      = (0.8630462173553427 + 1.3862943611198906)/4 = 0.5623351446188083
		{"CORP log UNC", corpLog.Uncertainty, 0.5623351446188083},
		{"CORP log DSC", corpLog.Discrimination, 0},
		{"CORP log MCB", corpLog.Miscalibration, 2.050230915528136 - 0.5623351446188083},
		// Yates: p̄₁ = 0.07, p̄₀ = 0.2, slope −0.13; Var(y) = 0.1875;
		// bias = 0.1025 − 0.75 = −0.6475, bias² = 0.41925625;
		// MinVar = 0.13²·0.1875 = 0.00316875; Scatter = 0 (one value per outcome);
		// Var(p) = (3·0.0325² + 0.0975²)/4 = (0.00316875 + 0.00950625)/4 = 0.00316875;
		// Cov = −0.13·0.1875 = −0.024375.
		// B = 0.1875 + 0.41925625 + 0.00316875 + 0 + 0.04875 = 0.658675.
		{"Yates Var(y)", y.OutcomeVariance, 0.1875},
		{"Yates bias", y.Bias, -0.6475},
		{"Yates slope", y.Slope, -0.13},
		{"Yates min variance", y.MinimumVariance, 0.00316875},
		{"Yates scatter", y.Scatter, 0},
		{"Yates forecast variance", y.ForecastVariance, 0.00316875},
		{"Yates covariance", y.Covariance, -0.024375},
		{"Yates Brier", y.Brier, 0.658675},
	})
}

func TestTinyCalibrationAndDiscrimination(t *testing.T) {
	tb := tiny()
	z, p := analysis.Spiegelhalter(tb)
	bins := analysis.Bins(tb, 10)
	checkHand(t, []handCase{
		// Σ(y − np)(1 − 2p) = 3·0.93·0.86 − 0.2·0.6 = 2.3994 − 0.12 = 2.2794
		// Σ n(1 − 2p)²p(1 − p) = 3·0.86²·0.07·0.93 + 0.6²·0.2·0.8
		//                      = 0.14444388 + 0.0576 = 0.20204388
		{"Spiegelhalter z", z, 2.2794 / math.Sqrt(0.20204388)},
		// 2(1 − Φ(5.0710)) = erfc(5.0710/√2)
		{"Spiegelhalter p", p, math.Erfc(2.2794 / math.Sqrt(0.20204388) / math.Sqrt2)},
		// ECE, 10 bins: (3·|0.07 − 1| + 1·|0.2 − 0|)/4 = (2.79 + 0.2)/4
		{"ECE", analysis.ECE(tb, 10), 0.7475},
		// Every event had the lower forecast: no pair is ranked right.
		{"AUC", analysis.AUC(tb), 0},
		// Wilson 95%, 3 of 3: the upper limit is 1 and the lower
		// 1/(1 + z²/3) = 3/(3 + 1.959964²) = 3/6.841459 = 0.438503
		{"bin 0 Wilson lo", bins[0].ObservedLo, 3 / (3 + 1.959963984540054*1.959963984540054)},
		{"bin 0 Wilson hi", bins[0].ObservedHi, 1},
		// 0 of 1: lower 0, upper z²/(1 + z²) = 3.841459/4.841459
		{"bin 2 Wilson lo", bins[1].ObservedLo, 0},
		{"bin 2 Wilson hi", bins[1].ObservedHi, 3.8414588206941245 / 4.8414588206941245},
		// Murphy diagram: θ = 0.1: the three events had p ≤ θ: 3·0.9, the
		// non-event p > θ: 0.1; (2.7 + 0.1)/4. θ = 0.5: 3·0.5 + 0 over 4.
		{"elementary score θ=0.1", analysis.MurphyDiagram(tb, []float64{0.1})[0], 0.7},
		{"elementary score θ=0.5", analysis.MurphyDiagram(tb, []float64{0.5})[0], 0.375},
	})
	if bins[0].Index != 0 || bins[1].Index != 2 || len(bins) != 2 {
		t.Errorf("bins %+v, want indices 0 and 2", bins)
	}
	fit := analysis.Logistic(tb, 0.001)
	if fit.Converged || fit.Problem == "" || !math.IsNaN(fit.Slope) {
		t.Errorf("Logistic on separated outcomes = %+v, want a reported failure", fit)
	}
}

func TestFourCells(t *testing.T) {
	tb := four()
	md := analysis.Murphy(tb, analysis.Distinct)
	m2 := analysis.Murphy(tb, 2)
	corp := analysis.CORP(tb, analysis.BrierContribution)
	y := analysis.Yates(tb)
	z, _ := analysis.Spiegelhalter(tb)
	checkHand(t, []handCase{
		// Σ y(1 − p)² + (n − y)p²:
		// 1·0.81 + 9·0.01 = 0.9;  4·0.49 + 6·0.09 = 2.5;
		// 3·0.25 + 7·0.25 = 2.5;  9·0.01 + 1·0.81 = 0.9;  6.8/40
		{"Brier", analysis.Brier(tb), 0.17},
		// REL = 10(0² + 0.1² + 0.2² + 0²)/40 = 0.5/40
		{"Murphy REL", md.Reliability, 0.0125},
		// RES = 10(0.325² + 0.025² + 0.125² + 0.475²)/40
		//     = 10(0.105625 + 0.000625 + 0.015625 + 0.225625)/40 = 3.475/40
		{"Murphy RES", md.Resolution, 0.086875},
		{"Murphy UNC", md.Uncertainty, 0.244375},
		// Two bins: [0, 0.5) n 20, yes 5, p̄ 0.2, ō 0.25;
		//           [0.5, 1] n 20, yes 12, p̄ 0.7, ō 0.6.
		// REL = (20·0.05² + 20·0.1²)/40 = 0.25/40
		{"Murphy 2 REL", m2.Reliability, 0.00625},
		// RES = 20(0.175² + 0.175²)/40 = 0.030625
		{"Murphy 2 RES", m2.Resolution, 0.030625},
		// residual = 0.17 − (0.00625 − 0.030625 + 0.244375) = 0.17 − 0.22
		{"Murphy 2 residual", m2.Residual, -0.05},
		// ECE, 2 bins: (20·0.05 + 20·0.1)/40
		{"ECE 2 bins", analysis.ECE(tb, 2), 0.075},
		// ECE, distinct: 10(0 + 0.1 + 0.2 + 0)/40
		{"ECE distinct", analysis.ECE(tb, analysis.Distinct), 0.075},
		// PAV pools 0.4 and 0.3 into 7/20 = 0.35: r = 0.1, 0.35, 0.35, 0.9.
		// S(r) = Σ n r(1 − r)/N = (0.9 + 20·0.35·0.65 + 0.9)/40 = 6.35/40 = 0.15875
		{"CORP r[1]", corp.Recalibrated[1], 0.35},
		{"CORP r[2]", corp.Recalibrated[2], 0.35},
		{"CORP MCB", corp.Miscalibration, 0.17 - 0.15875},
		{"CORP DSC", corp.Discrimination, 0.244375 - 0.15875},
		// For each non-event, events above plus half the tied ones:
		// 9·(16 + 0.5) + 6·(12 + 2) + 7·(9 + 1.5) + 1·(0 + 4.5) = 310.5,
		// over 17·23 = 391 pairs.
		{"AUC", analysis.AUC(tb), 310.5 / 391},
		// p̄₁ = (0.1 + 1.2 + 1.5 + 8.1)/17 = 10.9/17, p̄₀ = (0.9 + 1.8 + 3.5 + 0.9)/23 = 7.1/23,
		// slope = 130/391; Cov = slope·391/1600 = 130/1600;
		// Var(p) = 10(0.35² + 0.15² + 0.05² + 0.45²)/40 = 0.0875;
		// MinVar = (130/391)²·391/1600 = 16900/625600.
		{"Yates slope", y.Slope, 130.0 / 391},
		{"Yates p̄₁", y.MeanForecastYes, 10.9 / 17},
		{"Yates p̄₀", y.MeanForecastNo, 7.1 / 23},
		{"Yates covariance", y.Covariance, 0.08125},
		{"Yates forecast variance", y.ForecastVariance, 0.0875},
		{"Yates min variance", y.MinimumVariance, 16900.0 / 625600},
		{"Yates scatter", y.Scatter, 0.0875 - 16900.0/625600},
		// 0.244375 + 0.025² + 0.0875 − 2·0.08125 = 0.17
		{"Yates sum", y.OutcomeVariance + y.Bias*y.Bias + y.ForecastVariance - 2*y.Covariance, 0.17},
		// Σ(y − np)(1 − 2p) = 0·0.8 + 1·0.4 + (−2)·0 + 0·(−0.8) = 0.4
		// Σ n(1 − 2p)²p(1 − p) = 10(0.64·0.09 + 0.16·0.21 + 0 + 0.64·0.09) = 1.488
		{"Spiegelhalter z", z, 0.4 / math.Sqrt(1.488)},
	})
	roc := analysis.ROC(tb)
	want := []analysis.ROCPoint{
		{Threshold: math.Inf(1), FPR: 0, TPR: 0},
		{Threshold: 0.9, FPR: 1.0 / 23, TPR: 9.0 / 17},
		{Threshold: 0.5, FPR: 8.0 / 23, TPR: 12.0 / 17},
		{Threshold: 0.3, FPR: 14.0 / 23, TPR: 16.0 / 17},
		{Threshold: 0.1, FPR: 1, TPR: 1},
	}
	if len(roc) != len(want) {
		t.Fatalf("ROC has %d points, want %d", len(roc), len(want))
	}
	for i := range want {
		if roc[i].Threshold != want[i].Threshold || !close(roc[i].FPR, want[i].FPR, 1e-15) || !close(roc[i].TPR, want[i].TPR, 1e-15) {
			t.Errorf("ROC[%d] = %+v, want %+v", i, roc[i], want[i])
		}
	}
}

// TestHanleyMcNeil checks the AUC against the published figure of Hanley &
// McNeil (1982), Radiology 143:29–36, Table 1: five-category ratings of 58
// normal and 51 abnormal CT images, area 0.893.
func TestHanleyMcNeil(t *testing.T) {
	normal := []float64{33, 6, 6, 11, 2}
	abnormal := []float64{3, 2, 2, 11, 33}
	var cells []analysis.Cell
	for i := range normal {
		cells = append(cells, analysis.Cell{P: 0.1 + 0.2*float64(i), N: normal[i] + abnormal[i], Yes: abnormal[i]})
	}
	if got := analysis.AUC(analysis.NewTable(cells)); math.Abs(got-0.893) > 0.0005 {
		t.Errorf("AUC = %.4f, want 0.893 (Hanley & McNeil 1982)", got)
	}
}

// TestWilsonNewcombe checks the Wilson interval against the published
// figures of Newcombe (1998), Statistics in Medicine 17:857–872, Table II,
// method 3, to the four decimals printed there.
func TestWilsonNewcombe(t *testing.T) {
	for _, c := range []struct{ yes, n, lo, hi float64 }{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	} {
		lo, hi := analysis.WilsonInterval(c.yes, c.n, 0.95)
		if math.Abs(lo-c.lo) > 0.00005 || math.Abs(hi-c.hi) > 0.00005 {
			t.Errorf("WilsonInterval(%g, %g) = [%.4f, %.4f], want [%.4f, %.4f]", c.yes, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

func TestLogisticSaturated(t *testing.T) {
	// With two distinct forecasts the model fits both cells exactly:
	// a + b·logit(p_k) = logit(ō_k). At p = 0.2 and 0.8, logit(p) = ∓ln 4.
	for _, c := range []struct {
		name             string
		yesLow, yesHigh  float64
		slope, intercept float64
	}{
		// ō = 0.2, 0.8: calibrated, b = 1, a = 0.
		{"calibrated", 2, 8, 1, 0},
		// ō = 0.3, 0.7: b = (logit 0.7 − logit 0.3)/(2 ln 4) = ln(7/3)/ln 4
		//   = 0.8472978603872037/1.3862943611198906 = 0.6111962106682…, a = 0.
		{"overconfident", 3, 7, math.Log(7.0/3) / math.Log(4), 0},
		// ō = 0.5, 0.8: b = (ln 4 − 0)/(2 ln 4) = 0.5, a = ln 4/2 = 0.6931471805599453.
		{"biased", 5, 8, 0.5, math.Log(4) / 2},
	} {
		tb := analysis.NewTable([]analysis.Cell{{P: 0.2, N: 10, Yes: c.yesLow}, {P: 0.8, N: 10, Yes: c.yesHigh}})
		fit := analysis.Logistic(tb, 0.001)
		if !fit.Converged || !close(fit.Slope, c.slope, 1e-9) || !close(fit.Intercept, c.intercept, 1e-9) {
			t.Errorf("%s: fit %+v, want slope %.12g, intercept %.12g", c.name, fit, c.slope, c.intercept)
		}
	}
	// Standard errors, overconfident case: Var(logit ō_k) = 1/(n ō(1 − ō)) = 1/2.1 each;
	// b = difference/(2 ln 4): Var(b) = (2/2.1)/(2 ln 4)², SE = 0.35198;
	// a = mean: Var(a) = (2/2.1)/4, SE = 0.48795.
	tb := analysis.NewTable([]analysis.Cell{{P: 0.2, N: 10, Yes: 3}, {P: 0.8, N: 10, Yes: 7}})
	fit := analysis.Logistic(tb, 0.001)
	d := 2 * math.Log(4)
	if !close(fit.SlopeSE, math.Sqrt(2/2.1)/d, 1e-9) || !close(fit.InterceptSE, math.Sqrt(2/2.1/4), 1e-9) {
		t.Errorf("standard errors %v, %v, want %v, %v", fit.SlopeSE, fit.InterceptSE, math.Sqrt(2/2.1)/d, math.Sqrt(2/2.1/4))
	}
}

func TestLogisticProblems(t *testing.T) {
	for _, c := range []struct {
		name  string
		cells []analysis.Cell
	}{
		{"empty", nil},
		{"no events", []analysis.Cell{{P: 0.2, N: 5}, {P: 0.4, N: 5}}},
		{"all events", []analysis.Cell{{P: 0.2, N: 5, Yes: 5}, {P: 0.4, N: 5, Yes: 5}}},
		{"one value", []analysis.Cell{{P: 0.3, N: 10, Yes: 3}}},
		// Clipped to 0.001, 0 and 0.0005 are the same forecast.
		{"one value after clipping", []analysis.Cell{{P: 0, N: 10, Yes: 3}, {P: 0.0005, N: 10, Yes: 2}}},
		{"separated upwards", []analysis.Cell{{P: 0.2, N: 5}, {P: 0.4, N: 5, Yes: 2}, {P: 0.6, N: 5, Yes: 5}}},
		{"separated downwards", []analysis.Cell{{P: 0.2, N: 5, Yes: 5}, {P: 0.6, N: 5}}},
	} {
		fit := analysis.Logistic(analysis.NewTable(c.cells), 0.001)
		if fit.Converged || fit.Problem == "" || !math.IsNaN(fit.Slope) || !math.IsNaN(fit.Intercept) {
			t.Errorf("%s: %+v, want a reported failure", c.name, fit)
		}
	}
}

func TestCertainForecasts(t *testing.T) {
	// Cells: 0 (n 2, one event), 0.5 (n 2, one event), 1 (n 1, an event).
	tb := analysis.NewTable([]analysis.Cell{{P: 0, N: 2, Yes: 1}, {P: 0.5, N: 2, Yes: 1}, {P: 1, N: 1, Yes: 1}})
	score, wrong := analysis.LogScore(tb, 0)
	if !math.IsInf(score, 1) || len(wrong) != 1 || wrong[0] != 0 {
		t.Errorf("LogScore unclipped = %v, wrong %v; want +Inf, [0]", score, wrong)
	}
	// Clipped to [0.01, 0.99]: the event after 0 scores −ln 0.01 = 4.605170185988091,
	// the non-event after 0 and the event after 1 −ln 0.99 = 0.01005033585350145 each,
	// the two at 0.5 ln 2 each: (4.605170185988091 + 2·0.01005033585350145 + 2·0.6931471805599453)/5.
	score, wrong = analysis.LogScore(tb, 0.01)
	if !close(score, (4.605170185988091+2*0.01005033585350145+2*0.6931471805599453)/5, 1e-12) || len(wrong) != 1 {
		t.Errorf("LogScore clipped = %v, %v", score, wrong)
	}
	// Spiegelhalter: the wrong 0 adds (1 − 0)(1 − 0) = 1 to the numerator, the
	// 0.5 cell (1 − 1)·0 and the 1 cell (1 − 1)(−1); only p ∉ {0, 1} add
	// variance, here (1 − 2·0.5)² = 0: undefined.
	if z, p := analysis.Spiegelhalter(tb); !math.IsNaN(z) || !math.IsNaN(p) {
		t.Errorf("Spiegelhalter = %v, %v, want NaN", z, p)
	}
	// With a 0.25 cell (n 4, one event) beside the wrong 0: numerator
	// 1 + (1 − 4·0.25)(0.5) = 1, variance 4·0.5²·0.25·0.75 = 0.1875.
	tb = analysis.NewTable([]analysis.Cell{{P: 0, N: 1, Yes: 1}, {P: 0.25, N: 4, Yes: 1}})
	if z, _ := analysis.Spiegelhalter(tb); !close(z, 1/math.Sqrt(0.1875), 1e-12) {
		t.Errorf("Spiegelhalter z = %v, want 1/√0.1875 = 2.3094", z)
	}
}

func TestOneOutcomeAndEmpty(t *testing.T) {
	none := analysis.NewTable([]analysis.Cell{{P: 0.1, N: 4}, {P: 0.3, N: 6}})
	for _, c := range []struct {
		name string
		got  float64
	}{
		{"BrierSkill", analysis.BrierSkill(none)},
		{"AUC", analysis.AUC(none)},
		{"Yates slope", analysis.Yates(none).Slope},
	} {
		if !math.IsNaN(c.got) {
			t.Errorf("%s with no events = %v, want NaN", c.name, c.got)
		}
	}
	// Brier = (4·0.01 + 6·0.09)/10 = 0.058; Yates: no covariance, all scatter:
	// Var(p) = (4·0.12² + 6·0.08²)/10 = 0.0096 with p̄ = 0.22; bias² = 0.0484.
	y := analysis.Yates(none)
	checkHand(t, []handCase{
		{"Brier", analysis.Brier(none), 0.058},
		{"Yates scatter", y.Scatter, 0.0096},
		{"Yates sum", y.OutcomeVariance + y.Bias*y.Bias + y.MinimumVariance + y.Scatter - 2*y.Covariance, 0.058},
	})

	var empty analysis.Table
	for name, v := range map[string]float64{
		"Brier": analysis.Brier(empty), "BaseRate": analysis.BaseRate(empty),
		"AUC": analysis.AUC(empty), "Spherical": analysis.Spherical(empty),
		"CORP MCB":   analysis.CORP(empty, analysis.BrierContribution).Miscalibration,
		"Murphy REL": analysis.Murphy(empty, 10).Reliability,
	} {
		if !math.IsNaN(v) {
			t.Errorf("%s of an empty table = %v, want NaN", name, v)
		}
	}
}
