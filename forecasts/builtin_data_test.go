package forecasts_test

import (
	"testing"
	"testing/fstest"

	"github.com/hindcast/hindcast/forecasts"
)

// The bytes BuiltinData returns are the dataset LoadBuiltin reads.
func TestBuiltinData(t *testing.T) {
	for _, name := range forecasts.BuiltinNames() {
		data, err := forecasts.BuiltinData(name)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := (&forecasts.Loader{}).LoadFS(fstest.MapFS{name + ".yaml": {Data: data}}, "", name+".yaml")
		want, _ := forecasts.LoadBuiltin(name)
		if err != nil || len(ds) != 1 || ds[0].Name != name || len(ds[0].Records) != len(want[0].Records) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := forecasts.BuiltinData("nope"); err == nil {
		t.Error("BuiltinData(nope): no error")
	}
}
