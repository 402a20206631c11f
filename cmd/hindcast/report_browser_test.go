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

// browser is a headless Chromium for a test, with the problems the pages
// it loads log (console errors, exceptions).
type browser struct {
	ctx      context.Context
	w, h     int64
	mu       sync.Mutex
	problems []string
}

// openBrowser starts Chromium at a window of w × h CSS pixels; the test
// is skipped with -short or without Chromium.
func openBrowser(t *testing.T, w, h int) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped with -short: starts a browser")
	}
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no Chromium on this machine (apt-get install chromium); .ci/run installs it")
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
		chromedp.WindowSize(w, h),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	b := &browser{ctx: ctx, w: int64(w), h: int64(h)}
	// Listen starts the browser; it gets no timeout, as chromedp asks.
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				b.problems = append(b.problems, fmt.Sprintf("console %s", ev.Type))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				b.problems = append(b.problems, "log: "+ev.Entry.Text)
			}
		}
	})
	if err != nil {
		t.Skipf("Chromium cannot run here: %v", err)
	}
	return b
}

// load opens a page and waits for its body; it returns a context with a
// timeout for what follows.
func (b *browser) load(t *testing.T, path string) context.Context {
	t.Helper()
	tctx, tcancel := context.WithTimeout(b.ctx, 90*time.Second)
	t.Cleanup(tcancel)
	if err := chromedp.Do(tctx, chromedp.EmulateViewport(b.w, b.h), chromedp.Navigate("file://"+path), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("loading %s: %v", path, err)
	}
	return tctx
}

// TestReportInBrowser opens the built-in report in headless Chromium: the
// page must load with no console errors or exceptions, every chart must be
// laid out at a visible size, and a screenshot must not be blank.
func TestReportInBrowser(t *testing.T) {
	b := openBrowser(t, 1280, 900)
	dir := filepath.Join(t.TempDir(), "report")
	if _, stderr, code := runHindcast("report", "-o", dir); code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	tctx := b.load(t, filepath.Join(dir, "index.html"))
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
	b.mu.Lock()
	if len(b.problems) > 0 {
		t.Errorf("the page logged problems:\n%s", strings.Join(b.problems, "\n"))
	}
	b.mu.Unlock()
	// Each dataset has its own charts; the scales chart is the report's.
	var want []string
	for _, ds := range []string{"cpc", "historical"} {
		for _, kind := range []string{"contributions", "reliability", "roc", "sharpness", "timeline", "sensitivity", "murphy"} {
			want = append(want, ds+"-"+kind)
		}
	}
	want = append(want, "scales")
	seen := map[string]bool{}
	for _, c := range charts {
		seen[strings.TrimPrefix(c.ID, "chart-")] = true
		// Two charts side by side at 1280 px: each about 490 px wide.
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

// maxScreens is the most screens of 1280 × 800 CSS pixels the cpc report
// may take before any card is opened.
const maxScreens = 12

// The cpc report fits in 12 screens of 1280 × 800 with every card
// collapsed, each card being one line until opened; opened, a card shows
// its sources. Set HINDCAST_SCREENS=DIR to keep a screenshot of each
// screen there, to look at.
func TestReportLengthInBrowser(t *testing.T) {
	b := openBrowser(t, 1280, 800)
	dir := filepath.Join(t.TempDir(), "cpc")
	if _, stderr, code := runHindcast("report", "--dataset", "cpc", "-o", dir); code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	tctx := b.load(t, filepath.Join(dir, "index.html"))
	type measure struct {
		Height, Viewport, Cards, Open, CardHeight float64
	}
	m, err := chromedp.Run(tctx, chromedp.Evaluate[measure](`(() => {
		const cards = [...document.querySelectorAll("details.card")];
		return {Height: document.documentElement.scrollHeight, Viewport: window.innerHeight,
			Cards: cards.length, Open: cards.filter(c => c.open).length,
			CardHeight: Math.max(...cards.map(c => c.getBoundingClientRect().height))};
	})()`))
	if err != nil {
		t.Fatalf("measuring the page: %v", err)
	}
	screens := m.Height / m.Viewport
	t.Logf("cpc report: %.0f px high, %.1f screens of %.0f px; %v cards, the tallest %.0f px closed", m.Height, screens, m.Viewport, m.Cards, m.CardHeight)
	if m.Viewport != 800 {
		t.Fatalf("the window is %.0f px high, not 800", m.Viewport)
	}
	if screens > maxScreens {
		t.Errorf("the cpc report takes %.1f screens of 1280 × 800; at most %d", screens, maxScreens)
	}
	if m.Cards != 5 || m.Open != 0 {
		t.Errorf("%v cards, %v open: want the 5 cases, all closed", m.Cards, m.Open)
	}
	// A closed card is its summary line (two lines where it wraps).
	if m.CardHeight > 80 {
		t.Errorf("a closed card is %.0f px high: its one-line summary should be all that shows", m.CardHeight)
	}
	opened, err := chromedp.Run(tctx, chromedp.Evaluate[float64](`(() => {
		const c = document.querySelector("details.card"); c.open = true;
		return c.getBoundingClientRect().height;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if opened < 3*m.CardHeight {
		t.Errorf("an opened card is %.0f px high, hardly more than closed (%.0f px)", opened, m.CardHeight)
	}
	if keep := os.Getenv("HINDCAST_SCREENS"); keep != "" {
		if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.querySelector("details.card").open = false`)); err != nil {
			t.Fatal(err)
		}
		for i := 0; float64(i)*m.Viewport < m.Height; i++ {
			if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool](fmt.Sprintf("window.scrollTo(0, %d), true", i*800))); err != nil {
				t.Fatal(err)
			}
			shot, err := chromedp.Run(tctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(keep, fmt.Sprintf("screen-%02d.png", i+1)), shot, 0o644)
		}
	}
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
