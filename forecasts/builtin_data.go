package forecasts

import (
	"fmt"
	"slices"
	"strings"
)

// BuiltinData returns the embedded bytes of the built-in dataset name
// (one of BuiltinNames), as the binary holds them: what a record of where
// a figure came from hashes.
func BuiltinData(name string) ([]byte, error) {
	if !slices.Contains(BuiltinNames(), name) {
		return nil, fmt.Errorf("no built-in dataset %q; built-in datasets: %s", name, strings.Join(BuiltinNames(), ", "))
	}
	return builtinFS.ReadFile("builtin/" + name + ".yaml")
}
