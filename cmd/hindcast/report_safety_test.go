package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hindcast/hindcast/internal/fileout"
)

// report writes into the folder it is given and nowhere else, and only
// its own files there.

// reportTemplate writes the cpc report once per test binary, for the tests
// to copy: rendering its charts is the costly part (seconds under -race).
var reportTemplate = struct {
	once sync.Once
	dir  string
}{}

// TestMain removes the report template after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if reportTemplate.dir != "" {
		os.RemoveAll(filepath.Dir(reportTemplate.dir))
	}
	os.Exit(code)
}

// copiedReport copies a report hindcast wrote into dir, as if report had
// just written it there.
func copiedReport(t *testing.T, dir string) {
	t.Helper()
	reportTemplate.once.Do(func() {
		tmp, err := os.MkdirTemp("", "hindcast-report-template-")
		if err != nil {
			t.Fatal(err)
		}
		reportTemplate.dir = filepath.Join(tmp, "report")
		reportOnce(t, reportTemplate.dir)
	})
	if reportTemplate.dir == "" {
		t.Fatal("no report to copy")
	}
	copyInput(t, reportTemplate.dir, dir)
}

// reportOnce writes the cpc report (quickly: no bootstrap) into dir.
func reportOnce(t *testing.T, dir string, extra ...string) {
	t.Helper()
	args := append([]string{"report", "--dataset", "cpc", "--bootstrap", "0", "-o", dir}, extra...)
	if _, stderr, code := runHindcast(args...); code != 0 {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
}

// ownedNames reads the list of files a report folder says hindcast wrote.
func ownedNames(t *testing.T, dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	return names
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A stale list of owned files naming paths outside the folder, or in a
// folder inside it, or hidden files, removes none of them.
func TestReportStaleListRemovesNothingElse(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "report")
	copiedReport(t, dir)
	outside := filepath.Join(tmp, "outside.txt")
	writeFile(t, outside, "not hindcast's")
	writeFile(t, filepath.Join(dir, "sub", "inner.txt"), "not hindcast's")
	writeFile(t, filepath.Join(dir, ".hidden"), "not hindcast's")
	writeFile(t, filepath.Join(dir, "# hindcast wrote these files and replaces them on the next run"), "a file named like the comment")
	// The list still names the report's own files (but index.html), so the
	// report may replace them.
	var mine []string
	for _, name := range ownedNames(t, dir) {
		if name != "index.html" {
			mine = append(mine, name)
		}
	}
	writeFile(t, filepath.Join(dir, ownerFile), strings.Join(append([]string{
		"# hindcast wrote these files and replaces them on the next run",
		"../outside.txt", outside, "sub/inner.txt", "sub", ".hidden", "..", ".", "", "./index.html",
		filepath.Join("..", filepath.Base(tmp), "outside.txt"),
	}, mine...), "\n")+"\n")
	before := snapshot(t, tmp)
	reportOnce(t, dir, "--format", "markdown")
	after := snapshot(t, tmp)
	for _, p := range []string{outside, filepath.Join(dir, "sub", "inner.txt"), filepath.Join(dir, ".hidden"),
		filepath.Join(dir, "# hindcast wrote these files and replaces them on the next run")} {
		if after[p] != before[p] {
			t.Errorf("%s was removed or changed", p)
		}
	}
	// Markdown has no index.html; the list named it only as ./index.html,
	// not a plain name, so it stays.
	if _, ok := after[filepath.Join(dir, "index.html")]; !ok {
		t.Errorf("index.html, named only as ./index.html, was removed")
	}
}

// A folder hindcast did not write is refused, and left as it was.
func TestReportRefusesForeignFolder(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "notes")
	writeFile(t, filepath.Join(dir, "notes.md"), "# my notes\n")
	writeFile(t, filepath.Join(dir, "index.html"), "<p>my page</p>\n")
	before := snapshot(t, tmp)
	stdout, stderr, code := runHindcast("report", "--dataset", "cpc", "--bootstrap", "0", "-o", dir)
	if code != exitData || stdout != "" || !strings.Contains(stderr, "is not empty and hindcast did not write it") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if after := snapshot(t, tmp); !sameSnapshot(before, after) {
		t.Errorf("the folder changed: %v → %v", keys(before), keys(after))
	}
	// -o naming a file is refused too.
	file := filepath.Join(dir, "notes.md")
	if _, _, code := runHindcast("report", "--dataset", "cpc", "--bootstrap", "0", "-o", file); code == 0 {
		t.Errorf("report -o FILE succeeded")
	}
	if after := snapshot(t, tmp); !sameSnapshot(before, after) {
		t.Errorf("report -o FILE changed the folder")
	}
}

// With --force, hindcast writes its own files (replacing those of the same
// names) and .hindcast-report, and nothing else; the other files stay.
func TestReportForceWritesOnlyItsFiles(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "notes")
	writeFile(t, filepath.Join(dir, "notes.md"), "# my notes\n")
	writeFile(t, filepath.Join(dir, "data", "sheet.csv"), "a,b\n")
	before := snapshot(t, tmp)
	reportOnce(t, dir, "--force")
	after := snapshot(t, tmp)
	owned := append(ownedNames(t, dir), ownerFile)
	for p, data := range after {
		rel, _ := filepath.Rel(dir, p)
		if old, ok := before[p]; ok && old == data {
			continue
		}
		if !slices.Contains(owned, rel) {
			t.Errorf("--force wrote %s, which is not one of the report's files", rel)
		}
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("--force changed or removed %s", p)
		}
	}
	// A second run, without --force, updates the folder: it is hindcast's now.
	reportOnce(t, dir, "--format", "markdown")
	final := snapshot(t, tmp)
	for p, data := range before {
		if final[p] != data {
			t.Errorf("the update changed or removed %s", p)
		}
	}
	if _, ok := final[filepath.Join(dir, "index.html")]; ok {
		t.Errorf("index.html, which the markdown report does not write, was kept")
	}
}

// A symbolic link in the report folder named like one of the report's
// files is replaced by the file; what it points to, outside the folder,
// is not written.
func TestReportDoesNotFollowLinksOut(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "report")
	copiedReport(t, dir)
	outside := filepath.Join(tmp, "outside.html")
	writeFile(t, outside, "precious")
	if err := os.Remove(filepath.Join(dir, "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside.html", filepath.Join(dir, "index.html")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	reportOnce(t, dir)
	if data, _ := os.ReadFile(outside); string(data) != "precious" {
		t.Errorf("report wrote %s, outside its folder, through a link", outside)
	}
	for _, name := range []string{"index.html", ownerFile} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s is not a regular file after the report (%v)", name, err)
		}
	}
}

// A list of owned files that is a link, to a file outside the folder, is
// not hindcast's list: nothing there counts as the report's, so the report
// refuses to replace the files, and writes nothing outside.
func TestReportIgnoresLinkedFileList(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "report")
	copiedReport(t, dir)
	list := filepath.Join(tmp, "outside-list")
	writeFile(t, list, "precious list\nindex.html\n")
	if err := os.Remove(filepath.Join(dir, ownerFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside-list", filepath.Join(dir, ownerFile)); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	before := snapshot(t, tmp)
	_, stderr, code := runHindcast("report", "--dataset", "cpc", "--bootstrap", "0", "-o", dir)
	if code != 1 || !strings.Contains(stderr, "will not replace") {
		t.Errorf("exit %d, want 1 and a refusal: %s", code, stderr)
	}
	if !sameSnapshot(before, snapshot(t, tmp)) {
		t.Error("the refused report changed files")
	}
}

// --force never replaces a file of the user's named like one of the
// report's: it refuses, naming it, and writes nothing.
func TestReportForceKeepsUsersFile(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "mine")
	writeFile(t, filepath.Join(dir, "index.html"), "my own page\n")
	before := snapshot(t, tmp)
	_, stderr, code := runHindcast("report", "--dataset", "cpc", "--bootstrap", "0", "-o", dir, "--force")
	if code != 1 || !strings.Contains(stderr, filepath.Join(dir, "index.html")) {
		t.Errorf("exit %d, want 1 and the file named: %s", code, stderr)
	}
	if !sameSnapshot(before, snapshot(t, tmp)) {
		t.Error("the refused report changed files")
	}
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A chart the data cannot give (grouped by outcome, no group has both
// events and non-events, so there is no ROC curve) is left out and named,
// in the report and on standard error; the others are drawn.
func TestReportNamesChartsNotDrawn(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	_, stderr, code := runHindcast("report", "--dataset", "cpc", "--bootstrap", "0", "--format", "markdown", "--by", "outcome", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, where := range []string{string(md), stderr} {
		if !strings.Contains(where, "ROC curve (cpc-roc): no ROC curve to draw") {
			t.Errorf("the ROC chart is not named as not drawn in:\n%s", where)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "cpc-reliability.png")); err != nil {
		t.Errorf("the reliability chart is missing: %v", err)
	}
}

// A report cut short after some of its files are written leaves them
// listed as hindcast's: the next run replaces them, without --force.
func TestReportCutShortIsStillHindcasts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	files := map[string][]byte{"a.txt": []byte("a"), "b.txt": []byte("b"), "c.txt": []byte("c")}
	// b.txt cannot be written: a folder of that name is in the way.
	if err := os.MkdirAll(filepath.Join(dir, "b.txt", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ownerFile), "# hindcast wrote these files and replaces them on the next run\nb.txt\n")
	if err := fileout.WriteOwnedFolder(dir, ownerFile, files); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	if err := os.RemoveAll(filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	if err := fileout.WriteOwnedFolder(dir, ownerFile, files); err != nil {
		t.Fatalf("the second run: %v", err)
	}
	if got := strings.Join(ownedNames(t, dir), " "); got != "a.txt b.txt c.txt" {
		t.Errorf("the list holds %q", got)
	}
}
