package forecasts

import _ "embed"

//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a single-file YAML
// dataset, for editors with a YAML language server.
func Schema() []byte { return schema }
