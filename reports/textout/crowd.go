package textout

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/evaluate"
)

// crowdFor returns the crowd-relative score of g, one of s's groups or its
// overall figures; nil when s has none.
func crowdFor(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) *evaluate.CrowdGroup {
	if s.Crowd == nil {
		return nil
	}
	if g == &s.Overall {
		return &s.Crowd.Overall
	}
	for i, sg := range s.Groups {
		if sg == g {
			return &s.Crowd.Groups[i]
		}
	}
	return nil
}

// crowdMeaning says what the crowd-relative score is, in plain words.
const crowdMeaning = "On each question, a forecaster's Brier score minus the median score of the other forecasters on the same question, averaged over every forecaster and question that had others: below 0, better than the typical other forecaster on the same questions, however hard they were; 0, no better."

// crowdJSONOf is the JSON of a group's crowd-relative score.
func crowdJSONOf(c *evaluate.CrowdGroup) *crowdScoreJSON {
	if c == nil {
		return nil
	}
	return &crowdScoreJSON{Mean: jsonFloat(c.Mean), Answers: c.Answers, Forecasters: c.Forecasters}
}

type crowdScoreJSON struct {
	Mean        jsonFloat `json:"mean"`
	Answers     int       `json:"answers"`
	Forecasters int       `json:"forecasters"`
}

// writeCrowd writes the crowd-relative section of the text or Markdown
// output of score; nothing when it was not asked for.
func writeCrowd(b *strings.Builder, s *evaluate.ScoreResult, markdown bool) {
	if s.Crowd == nil {
		return
	}
	rows := [][]string{}
	if len(s.Groups) > 0 {
		for i, g := range s.Groups {
			rows = append(rows, crowdRow(strings.Join(g.Key, "/"), &s.Crowd.Groups[i]))
		}
	}
	rows = append(rows, crowdRow("(all)", &s.Crowd.Overall))
	head := []string{strings.Join(s.By, "/"), "vs crowd", "forecasters", "answers"}
	if len(s.By) == 0 {
		head[0] = ""
	}
	if markdown {
		b.WriteString("\n**Crowd-relative Brier score**\n\n")
		b.WriteString("| " + mdEscape(head[0]) + " | vs crowd | forecasters | answers |\n|---|---:|---:|---:|\n")
		for _, r := range rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(r[0]), r[1], r[2], r[3])
		}
		b.WriteString("\n" + mdEscape(crowdMeaning) + "\n")
		return
	}
	b.WriteString("\nCrowd-relative Brier score\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tVS CROWD\tFORECASTERS\tANSWERS\n", truncate(terminalText(strings.ToUpper(head[0])), 18))
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", truncate(terminalText(r[0]), 18), r[1], r[2], r[3])
	}
	tw.Flush()
	b.WriteString(strings.Join(wrap(crowdMeaning, compareWidth-1), "\n") + "\n")
}

func crowdRow(name string, c *evaluate.CrowdGroup) []string {
	return []string{name, diff4(c.Mean), strconv.Itoa(c.Forecasters), strconv.Itoa(c.Answers)}
}

// crowdCSV are the columns score's CSV adds for the crowd-relative score.
var crowdCSV = []string{"crowd_relative", "crowd_forecasters", "crowd_answers"}

func crowdCSVCells(c *evaluate.CrowdGroup) []string {
	return []string{csvFloat(c.Mean), strconv.Itoa(c.Forecasters), strconv.Itoa(c.Answers)}
}
