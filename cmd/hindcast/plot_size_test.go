package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad sizes are usage errors that say what is wrong, and write nothing.
func TestPlotBadSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "c.png")
	for _, c := range []struct{ args, want string }{
		{"--size huge", `give a preset (default, slide, handout, web) or WIDTHxHEIGHT`},
		{"--size 0x600", "is not positive"},
		{"--size 1920x1080furlongs", `unit "furlongs"`},
		{"--size 100x100", "too narrow"},
		{"--size 1920x100", "too low"},
		{"--size 30000x20000", "at most 8000"},
		{"--size slide --dpi 5000", "--dpi 5000: use 36 to 1200"},
		{"--notes some", "--notes some: use full, short or none"},
	} {
		args := append([]string{"plot", "scales", "-o", out}, strings.Fields(c.args)...)
		_, stderr, code := runHindcast(args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, %q; want exit %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: wrote %s", c.args, out)
		}
	}
}

// The sizes in pixels: slide is 13.333 × 7.5 in at 144 dpi = 1920 ×
// 1080; 20cmx12cm at 150 dpi is 20/2.54 × 150 = 1181.1 → 1181 by 12/2.54 ×
// 150 = 708.7 → 709; 800x450 is as given; --dpi 288 doubles the slide.
// The speaker notes hold the notes the slide leaves off.
func TestPlotSizes(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		w, h int
	}{
		{[]string{"--size", "slide"}, 1920, 1080},
		{[]string{"--size", "20cmx12cm"}, 1181, 709},
		{[]string{"--size", "800x450"}, 800, 450},
		{[]string{"--size", "slide", "--dpi", "288"}, 3840, 2160},
	} {
		out := filepath.Join(dir, "c.png")
		notes := filepath.Join(dir, "notes.txt")
		args := append([]string{"plot", "contributions", "--dataset", "cpc", "-o", out, "--speaker-notes", notes, "--subtitle", "Two confident misses"}, c.args...)
		if _, stderr, code := runHindcast(args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", c.args, code, stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != c.w || cfg.Height != c.h {
			t.Errorf("%v: %d × %d, want %d × %d", c.args, cfg.Width, cfg.Height, c.w, c.h)
		}
		text, err := os.ReadFile(notes)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Caveat: cpc was chosen for its failures", "After each bar: its score"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("%v: speaker notes lack %q:\n%s", c.args, want, text)
			}
		}
	}
}
