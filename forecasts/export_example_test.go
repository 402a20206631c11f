package forecasts_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// Export a dataset as JSON Lines and as CSV, and read the CSV back.
func ExampleWriteCSV() {
	ds, err := forecasts.ReadYAML(strings.NewReader(`
dataset: {name: demo, title: A demo, selection: all}
records:
  - id: shah-1978
    question: Will the Shah leave Iran by 28 February 1979?
    forecaster: Desk A
    issued: 1978-08
    statement: {text: "the Shah will not step down", wording: paraphrase}
    negated: true
    estimate: {term: probable, scale: kent-1964}
    outcome: yes
    sources: [{title: A memo, date: 1978-08}]
    tags: {region: Middle East}
`), "demo.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	forecasts.WriteJSONL(os.Stdout, ds)
	fmt.Println()
	forecasts.WriteCSV(os.Stdout, ds)

	var b strings.Builder
	forecasts.WriteCSV(&b, ds)
	back, err := forecasts.ReadCSV(strings.NewReader(b.String()), "demo.csv", forecasts.CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := back.Records[0]
	fmt.Printf("\n%s: P(event) %.2f [%.2f, %.2f], %s\n", r.ID, r.Event.Point, r.Event.Low, r.Event.High, r.Sources[0].Cite())
	// Output:
	// {"dataset":{"name":"demo","title":"A demo","selection":"all"}}
	// {"id":"shah-1978","question":"Will the Shah leave Iran by 28 February 1979?","forecaster":"Desk A","issued":"1978-08","statement":{"text":"the Shah will not step down","wording":"paraphrase"},"negated":true,"estimate":{"term":"probable","scale":"kent-1964"},"outcome":"yes","sources":[{"title":"A memo","date":"1978-08"}],"tags":{"region":"Middle East"}}
	//
	// # dataset:
	// #   name: demo
	// #   title: A demo
	// #   selection: all
	// id,label,question,event,forecaster,audience,issued,issued_note,resolves_by,resolved,statement_text,statement_wording,negated,estimate_probability,estimate_range_low,estimate_range_high,estimate_term,estimate_scale,coder_note,outcome,outcome_note,sources,notes,conflicts,tags,p_event_low,p_event_point,p_event_high
	// shah-1978,,Will the Shah leave Iran by 28 February 1979?,,Desk A,,1978-08,,,,the Shah will not step down,paraphrase,true,,,,probable,kent-1964,,yes,,"[{""title"":""A memo"",""date"":""1978-08""}]",,,"{""region"":""Middle East""}",0.13,0.25,0.37
	//
	// shah-1978: P(event) 0.25 [0.13, 0.37], A memo, 1978-08
}
