package forecasts

import (
	"encoding/json"
	"slices"
	"testing"
)

// The JSON Schema must describe exactly the fields the loader accepts.
func TestSchemaMatchesLoader(t *testing.T) {
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
				Items      struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"items"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	keys := func(m any) []string {
		var out []string
		switch m := m.(type) {
		case map[string]json.RawMessage:
			for k := range m {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	rec := s.Defs["record"].Properties
	recKeys := make([]string, 0, len(rec))
	for k := range rec {
		recKeys = append(recKeys, k)
	}
	slices.Sort(recKeys)
	manKeys := make([]string, 0)
	for k := range s.Defs["manifest"].Properties {
		manKeys = append(manKeys, k)
	}
	slices.Sort(manKeys)
	for _, tc := range []struct {
		what   string
		schema []string
		loader []string
	}{
		{"top level", keys(s.Properties), datasetFields},
		{"record", recKeys, recordFields},
		{"manifest", manKeys, manifestFields},
		{"statement", keys(rec["statement"].Properties), statementFields},
		{"estimate", keys(rec["estimate"].Properties), estimateFields},
		{"source", keys(rec["sources"].Items.Properties), sourceFields},
	} {
		want := slices.Sorted(slices.Values(tc.loader))
		if !slices.Equal(tc.schema, want) {
			t.Errorf("%s: schema has %v, loader accepts %v", tc.what, tc.schema, want)
		}
	}
}
