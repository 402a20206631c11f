package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// add, run by root on another user's file, leaves the file theirs; a file
// with a second name (a hard link) is replaced under the name given, and
// a warning says the other keeps the old records.
func TestAddKeepsOwnerAndWarnsOfLinks(t *testing.T) {
	tmp := tempDir(t)
	file := filepath.Join(tmp, "seminar.yaml")
	if err := os.WriteFile(file, []byte(mustRead(t, "../../forecasts/testdata/valid/seminar.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if err := os.Chown(file, 4321, 4322); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(tmp, "link.yaml")
	if err := os.Link(file, link); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runHindcast(addArgs(file, "owned")...)
	if code != 0 {
		t.Fatal(stderr)
	}
	if want := file + ": warning: the file had 2 names (hard links); it was replaced under this name only, and the others keep the old records\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if strings.Contains(mustRead(t, link), "owned") || !strings.Contains(mustRead(t, file), "owned") {
		t.Error("the record is not in the file named, or is in the other name")
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	owner, ok := forecasts.OwnerOf(info)
	if !ok {
		t.Skip("this system does not say who owns a file")
	}
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file away: the owner is not tested")
	}
	if owner.UID != 4321 || owner.GID != 4322 {
		t.Errorf("owner %d:%d, want 4321:4322", owner.UID, owner.GID)
	}
}
