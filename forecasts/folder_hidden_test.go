package forecasts

import (
	"os"
	"path/filepath"
	"testing"
)

// Hidden files of a dataset folder are not part of it: an editor's lock
// (.#records.yaml, a link to nowhere), its backup, hindcast's own lock
// file. (They used to be read, and broke the dataset.)
func TestFolderSkipsHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		ManifestFile:        "name: s\ntitle: S\nselection: all\n",
		"records.yaml":      "records:\n  - {id: a, question: 'Will it?', forecaster: F, issued: 1990, estimate: {probability: 0.3}, outcome: yes}\n",
		".records.yaml":     "records:\n  - {id: a, question: an old copy}\n",
		".hidden-notes.yml": "not: [a dataset\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("user@host.1234:1700000000", filepath.Join(dir, ".#records.yaml")); err != nil {
		t.Log(err)
	}
	ds, err := (&Loader{}).Load(dir)
	if err != nil {
		t.Fatal(formatAny(err))
	}
	if n := len(ds[0].Records); n != 1 || len(ds[0].Files) != 2 {
		t.Errorf("%d records from %q", n, ds[0].Files)
	}
}
