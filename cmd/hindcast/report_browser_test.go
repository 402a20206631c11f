package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds a Chromium to drive; .ci/run installs Debian's.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestReportInBrowser opens the built-in report in headless Chromium: the
// page must load with no console errors or exceptions, every chart must be
// laid out at a visible size, and a screenshot must not be blank.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: starts a browser")
	}
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium); .ci/run installs it")
	}
	dir := filepath.Join(t.TempDir(), "report")
	if _, stderr, code := runHindcast("report", "-o", dir); code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	var mu sync.Mutex
	var problems []string
	// Listen starts the browser; it gets no timeout, as chromedp asks.
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, fmt.Sprintf("console %s", ev.Type))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				problems = append(problems, "log: "+ev.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Skipf("Chromium cannot run here: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	defer tcancel()
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+filepath.Join(dir, "index.html")), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("loading the report: %v", err)
	}
	type chartBox struct {
		ID            string
		Width, Height float64
		Visible       bool
	}
	charts, err := chromedp.Run(tctx, chromedp.Evaluate[[]chartBox](`[...document.querySelectorAll("figure")].map(f => {
		const s = f.querySelector("svg"), r = s ? s.getBoundingClientRect() : {width: 0, height: 0};
		const st = s ? getComputedStyle(s) : null;
		return {ID: f.id, Width: r.width, Height: r.height,
			Visible: !!s && st.display !== "none" && st.visibility !== "hidden" && st.opacity !== "0"};
	})`))
	if err != nil {
		t.Fatalf("measuring the charts: %v", err)
	}
	shot, err := chromedp.Run(tctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	mu.Lock()
	if len(problems) > 0 {
		t.Errorf("the page logged problems:\n%s", strings.Join(problems, "\n"))
	}
	mu.Unlock()
	want := []string{"contributions", "reliability", "roc", "sharpness", "timeline", "scales", "sensitivity", "murphy"}
	seen := map[string]bool{}
	for _, c := range charts {
		seen[strings.TrimPrefix(c.ID, "chart-")] = true
		if !c.Visible || c.Width < 300 || c.Height < 150 {
			t.Errorf("chart %s is not visible: %+v", c.ID, c)
		}
	}
	for _, name := range want {
		if !seen[name] {
			t.Errorf("chart %s is missing from the page", name)
		}
	}
	if blank(t, shot) {
		t.Error("the screenshot is blank")
	}
	os.WriteFile(filepath.Join(dir, "screenshot.jpg"), shot, 0o644)
}

// blank reports whether an image (JPEG or PNG) is a single colour.
func blank(t *testing.T, data []byte) bool {
	t.Helper()
	img, err := decodeImage(data)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				return false
			}
		}
	}
	return true
}

func decodeImage(data []byte) (image.Image, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	return img, err
}
