package worksheet

import (
	"bytes"
	"html/template"

	"github.com/hindcast/hindcast/evaluate"
)

// page is the worksheet as one self-contained HTML page: no scripts,
// nothing fetched, set for A4 or Letter paper with each question kept on
// one page.
var page = template.Must(template.New("worksheet").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.2em; }
.sub { color: #333; margin: 0 0 1em; }
.note { border: 1px solid #888; padding: 0.5em 0.8em; margin: 0 0 1em; }
.name { margin: 1em 0 1.5em; }
.q { border-top: 1px solid #000; padding: 0.6em 0 0.8em; break-inside: avoid; page-break-inside: avoid; }
.q h2 { font-size: 11pt; margin: 0; font-weight: bold; }
.q h2 .id { font-family: "Liberation Mono", "Courier New", monospace; font-weight: normal; color: #333; }
.q .text { font-size: 12pt; font-weight: bold; margin: 0.3em 0; }
.q .fact { margin: 0; color: #222; }
.blank { display: inline-block; min-width: 6em; border-bottom: 1px solid #000; }
.answer { margin: 0.7em 0 0.3em; }
.lines { border-bottom: 1px solid #999; height: 1.6em; }
@page { size: auto; margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="sub">{{.Subtitle}}</p>
<p class="name">Name: <span class="blank" style="min-width: 20em">&nbsp;</span></p>
<p>{{.Instructions}}</p>
<p class="note">{{.Given}}</p>
{{range .Questions}}<section class="q" id="{{.ID}}">
<h2>Question {{.Number}} <span class="id">{{.ID}}</span></h2>
<p class="text">{{.Question}}</p>
{{range .Facts}}<p class="fact">{{.}}</p>
{{end}}<p class="answer">{{$.AnswerPrompt}} <span class="blank">&nbsp;</span> %</p>
<p class="fact">{{$.ReasonPrompt}}</p>
<div class="lines"></div><div class="lines"></div><div class="lines"></div>
</section>
{{end}}</body>
</html>
`))

type htmlQuestion struct {
	evaluate.WorksheetQuestion
	Facts []string
}

// HTML renders the worksheet as one print-friendly HTML page; every string
// from a dataset is escaped.
func HTML(w *evaluate.Worksheet) []byte {
	data := struct {
		Title, Subtitle, Instructions, Given, AnswerPrompt, ReasonPrompt string
		Questions                                                        []htmlQuestion
	}{title, subtitle(w), instructions, given, answerPrompt, reasonPrompt, nil}
	for _, q := range w.Questions {
		data.Questions = append(data.Questions, htmlQuestion{q, facts(q)})
	}
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		// The template and its data are hindcast's own: an error is a bug.
		panic("worksheet: " + err.Error())
	}
	return b.Bytes()
}
