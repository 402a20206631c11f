package main

import (
	"encoding/json"
	"regexp"
	"testing"
)

// version names the commit and whether the tree was modified; under go
// test the toolchain stamps neither, and it says "unknown" rather than fail.
func TestVersion(t *testing.T) {
	stdout, stderr, code := runHindcast("version")
	want := regexp.MustCompile(`^hindcast \d+\.\d+\.\d+\ncommit:   ([0-9a-f]{40}|unknown)\nmodified: (yes|no|unknown)\ngo:       go\S+\n$`)
	if code != 0 || stderr != "" || !want.MatchString(stdout) {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, code = runHindcast("version", "--format", "json")
	var b struct {
		Version, Commit, Go string
		Modified            *bool
	}
	if err := json.Unmarshal([]byte(stdout), &b); code != 0 || err != nil || b.Version != version || b.Commit == "" || b.Go == "" {
		t.Errorf("exit %d, %v\n%s", code, err, stdout)
	}
	if _, _, code := runHindcast("version", "--format", "yaml"); code != 2 {
		t.Errorf("--format yaml: exit %d", code)
	}
}
