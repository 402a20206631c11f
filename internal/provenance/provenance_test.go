package provenance

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"testing/iotest"
)

// The build: the toolchain's VCS stamp, the linker's values over it, and
// "unknown" when neither says (go run, go test).
func TestBuild(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "d664f08c0ffee"}, {Key: "vcs.modified", Value: "true"},
	}}
	for _, tc := range []struct {
		name          string
		info          *debug.BuildInfo
		ok            bool
		rev, mod      string
		commit, dirty string
	}{
		{"no build info", nil, false, "", "", Unknown, Unknown},
		{"go run: no vcs settings", &debug.BuildInfo{GoVersion: "go1.26.8"}, true, "", "", Unknown, Unknown},
		{"stamped", stamped, true, "", "", "d664f08c0ffee", "yes"},
		{"set when linking", stamped, true, "abc123", "false", "abc123", "no"},
		{"a bad -X modified is unknown", &debug.BuildInfo{}, true, "", "maybe", Unknown, Unknown},
	} {
		b := build(tc.info, tc.ok, "0.1.0", tc.rev, tc.mod)
		if b.Version != "0.1.0" || b.Commit != tc.commit || b.ModifiedText() != tc.dirty || b.Go == "" {
			t.Errorf("%s: %+v, modified %s", tc.name, b, b.ModifiedText())
		}
	}
	// Under go test the stamp is absent or partial: never a failure.
	if b := Current(); b.Version == "" || b.Commit == "" || b.Go == "" {
		t.Errorf("Current: %+v", b)
	}
}

func TestCommandLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"/tmp/go-build123/b001/exe/hindcast", "score", "--data", "runs/big.csv", "--by", "group", "--bootstrap=1000"},
			"hindcast score --data runs/big.csv --by group --bootstrap=1000"},
		{[]string{"hindcast", "forecasts", "import", "my sheet.csv", "--id-template", "gjp-{forecast_id}", "--title", "Bob's", ""},
			`hindcast forecasts import 'my sheet.csv' --id-template 'gjp-{forecast_id}' --title 'Bob'\''s' ''`},
		{[]string{"hindcast", "--data", "a\x1b[2Jb", "caf\xe9", "naïve"},
			`hindcast --data $'a\x1b[2Jb' $'caf\xe9' 'naïve'`},
	} {
		if got := CommandLine(tc.args); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

// SHA-256 of known texts (sha256sum gives the same), streamed, from a
// file, through a Reader, and of a built-in's bytes.
func TestHash(t *testing.T) {
	const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" // sha256("abc")
	in, err := HashReader("x", iotest.OneByteReader(strings.NewReader("abc")))
	if err != nil || in != (Input{Name: "x", SHA256: abc, Bytes: 3}) {
		t.Errorf("HashReader: %+v %v", in, err)
	}
	path := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(path, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	if in, err := HashFile("t.csv", path); err != nil || in != (Input{Name: "t.csv", SHA256: abc, Bytes: 3}) {
		t.Errorf("HashFile: %+v %v", in, err)
	}
	if _, err := HashFile("nope.csv", filepath.Join(t.TempDir(), "nope.csv")); err == nil {
		t.Error("HashFile of a missing file: no error")
	}
	r := NewReader("-", strings.NewReader("abc"))
	if _, err := bytes.NewBuffer(nil).ReadFrom(r); err != nil || r.Input() != (Input{Name: "-", SHA256: abc, Bytes: 3}) {
		t.Errorf("Reader: %+v %v", r.Input(), err)
	}
	if in := HashBuiltin("cpc", []byte("abc")); in != (Input{Name: "cpc", SHA256: abc, Bytes: 3, Builtin: true}) {
		t.Errorf("HashBuiltin: %+v", in)
	}
}

// The JSON shape, and no clock: two values made apart are the same bytes.
func TestNewJSON(t *testing.T) {
	args := []string{"/usr/local/bin/hindcast", "score", "--data", "t.csv", "--seed", "7", "--bootstrap", "1000"}
	inputs := []Input{{Name: "t.csv", SHA256: "ba78", Bytes: 3}, HashBuiltin("cpc", []byte("abc"))}
	opts := []Option{{"seed", "7"}, {"bootstrap", "1000"}}
	a, err := json.Marshal(New(args, inputs, opts...))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(New(args, inputs, opts[1], opts[0]))
	if !bytes.Equal(a, b) {
		t.Errorf("two runs differ:\n%s\n%s", a, b)
	}
	var back map[string]any
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	h := back["hindcast"].(map[string]any)
	for _, k := range []string{"version", "commit", "modified", "go"} {
		if _, ok := h[k]; !ok {
			t.Errorf("hindcast.%s missing: %s", k, a)
		}
	}
	want := `"command":"hindcast score --data t.csv --seed 7 --bootstrap 1000",` +
		`"inputs":[{"name":"t.csv","sha256":"ba78","bytes":3},{"name":"cpc","sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","bytes":3,"builtin":true}],` +
		`"options":[{"key":"bootstrap","value":"1000"},{"key":"seed","value":"7"}]}`
	if !strings.HasSuffix(string(a), want) {
		t.Errorf("JSON:\n%s\nwant it to end\n%s", a, want)
	}
	if e, _ := json.Marshal(New([]string{"hindcast"}, nil)); !strings.HasSuffix(string(e), `"command":"hindcast","inputs":[],"options":[]}`) {
		t.Errorf("empty: %s", e)
	}
}

// CITATION.cff at the repository root cites the version this package
// reports, and has the fields CFF 1.2.0 requires.
func TestCitationVersion(t *testing.T) {
	data, err := os.ReadFile("../../CITATION.cff")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, line := range []string{"cff-version: 1.2.0\n", "version: " + version + "\n", "type: software\n", "  - name: The hindcast developers\n"} {
		if !strings.Contains(text, "\n"+line) {
			t.Errorf("CITATION.cff has no line %q", line)
		}
	}
	for _, key := range []string{"message:", "title:", "authors:"} {
		if !strings.Contains(text, "\n"+key) {
			t.Errorf("CITATION.cff has no %s", key)
		}
	}
}
