package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSlidesCommand writes the cpc deck and handout through the commands
// and checks the folder: the files named, nothing else but the owner list,
// and usage errors for a paper or case choice that does not exist.
func TestSlidesCommand(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "lecture")
	stdout, stderr, code := runHindcast("slides", "--dataset", "cpc", "-o", dir)
	if code != 0 {
		t.Fatalf("slides: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "7 slides") {
		t.Errorf("stdout %q", stdout)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".hindcast-report", "notes.md", "slide-01.png", "slide-02.png", "slide-03.png", "slide-04.png",
		"slide-05.png", "slide-06.png", "slide-07.png", "slides.pdf"}
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	// A second run replaces its own files.
	if _, stderr, code := runHindcast("slides", "--dataset", "cpc", "--exclude", "deng-vietnam-1978", "-o", dir); code != 0 {
		t.Fatalf("slides again: exit %d: %s", code, stderr)
	}
	notes, err := os.ReadFile(filepath.Join(dir, "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	// 2.892925 / 4 = 0.72323125: the four assessments without Deng's.
	if !strings.Contains(string(notes), "Brier 0.723 here") {
		t.Error("the second run's notes do not give the four assessments' Brier score")
	}

	hdir := filepath.Join(tmp, "handout")
	if _, stderr, code := runHindcast("report", "--dataset", "cpc", "--format", "pdf", "--paper", "a4", "-o", hdir); code != 0 {
		t.Fatalf("report --format pdf: exit %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(hdir, "handout.pdf")); err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("handout.pdf: %v", err)
	}
	for _, args := range [][]string{
		{"report", "--dataset", "cpc", "--format", "pdf", "--paper", "a5", "-o", filepath.Join(tmp, "x")},
		{"report", "--dataset", "cpc", "--format", "pdf", "--cases", "some", "-o", filepath.Join(tmp, "x")},
	} {
		stderr, code := runWrites(t, tmp, args...)
		if code != 2 || !strings.Contains(stderr, "use") {
			t.Errorf("%v: exit %d, %q; want a usage error", args, code, stderr)
		}
	}
}
