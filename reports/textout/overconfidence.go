package textout

import (
	"fmt"
	"math"

	"github.com/hindcast/hindcast/analysis"
)

// CalibrationSignSentence says why the sign of calibration in the large is
// no verdict on confidence: it follows the wording of the questions.
const CalibrationSignSentence = "Calibration in the large changes sign with the wording of the questions: " +
	"a question and its negation swap P and 1 − P (\"will hold\" at 93% is \"will fall\" at 7%), " +
	"so its sign says which way the questions were put, not whether the forecasters were over- or underconfident; " +
	"overconfidence, which reads each forecast on the side it leans, does not change."

// OverconfidenceSentence says in plain words how sure the judgments were
// against how many came true: "The judgments as stated were held with 85%
// confidence on average; 0 of 4 came true: overconfident by 85 points."
// It is empty when there are no forecasts.
func OverconfidenceSentence(sum *analysis.Summary) string {
	o := sum.Overconfidence
	if sum.N == 0 || math.IsNaN(o.Over) {
		return ""
	}
	points := math.Round(100 * math.Abs(o.Over))
	var verdict string
	switch {
	case points == 0:
		verdict = "about as confident as the record warranted"
	case o.Over > 0:
		verdict = fmt.Sprintf("overconfident by %.0f points", points)
	default:
		verdict = fmt.Sprintf("underconfident by %.0f points", points)
	}
	hits := o.HitRate * sum.N
	if r := math.Round(hits); math.Abs(hits-r) < 1e-9*max(1, hits) {
		hits = r // 3, not 2.9999999999999996
	}
	half := ""
	if hits != math.Trunc(hits) {
		half = " (a forecast of exactly 50% counts as half)"
	}
	return fmt.Sprintf("The judgments as stated were held with %s confidence on average; %s of %s came true%s: %s.",
		pct(o.Confidence), Count(hits), Count(sum.N), half, verdict)
}

// WarnLegend explains the WARN column of a grouped score table.
const WarnLegend = "WARN: !N means N warnings apply to the group's figures; each is listed under\n" +
	"warnings below, with the groups it applies to in [brackets]. No mark: none.\n"
