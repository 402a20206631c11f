package charts_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

func TestImageFormatOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		want figure.ImageFormat
		err  string
	}{
		{"out/reliability.png", figure.PNG, ""},
		{"Scales.SVG", figure.SVG, ""},
		{"a.b/timeline.pdf", figure.PDF, ""},
		{"chart.jpg", "", "cannot write a chart as .jpg: name a .png, .svg or .pdf file"},
		{"chart", "", `"chart" has no extension: name a .png, .svg or .pdf file`},
	} {
		got, err := figure.ImageFormatOf(tc.name)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("ImageFormatOf(%q) = %q, %v; want %q, %s", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func render(t *testing.T, ch *figure.Chart, f figure.ImageFormat) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.Write(&buf, f); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return buf.Bytes()
}

// TestWriteReproducible builds every chart twice from the same input,
// renders each in every format and wants the same bytes: no dates, no map
// order, no system fonts.
func TestWriteReproducible(t *testing.T) {
	kinds := map[string]func(t *testing.T) *figure.Chart{
		"style": func(*testing.T) *figure.Chart { return styleSheet() },
		"scales": func(t *testing.T) *figure.Chart {
			ch, err := charts.ScalesChart(teachingScales(t), charts.ScalesOptions{Highlight: "likely"})
			if err != nil {
				t.Fatal(err)
			}
			return ch
		},
		"timeline": func(t *testing.T) *figure.Chart {
			ch, err := charts.TimelineChart(builtinRecords(t), charts.TimelineOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return ch
		},
	}
	for name, build := range kinds {
		for _, f := range figure.ImageFormats {
			t.Run(name+"."+string(f), func(t *testing.T) {
				t.Parallel()
				a, b := render(t, build(t), f), render(t, build(t), f)
				if !bytes.Equal(a, b) {
					t.Errorf("two renderings of the same input differ (%d and %d bytes)", len(a), len(b))
				}
			})
		}
	}
}

func TestWritePNGSize(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(render(t, styleSheet(), figure.PNG)))
	if err != nil {
		t.Fatal(err)
	}
	// 16 × 11 cm at 150 dpi.
	if cfg.Width != 945 || cfg.Height != 650 {
		t.Errorf("PNG is %d × %d pixels, want 945 × 650", cfg.Width, cfg.Height)
	}
}

// TestWriteSVGText checks that an SVG chart's text is text, selectable and
// searchable, set in Liberation Sans or a font of the same metrics, and
// that it embeds no font and draws no glyph outlines: the style sheet has
// a few dozen shapes, not the hundreds its letters would make.
func TestWriteSVGText(t *testing.T) {
	svg := string(render(t, styleSheet(), figure.SVG))
	if n := strings.Count(svg, "<text"); n < 10 {
		t.Errorf("the SVG has %d text elements, want its labels as text", n)
	}
	for _, want := range []string{"font-family:'Liberation Sans', Arial, Helvetica, sans-serif;", ">Date axis, outcome colours<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if strings.Contains(svg, "@font-face") {
		t.Error("the SVG embeds a font")
	}
	if n := strings.Count(svg, "<path"); n > 100 {
		t.Errorf("the SVG has %d paths: is its text drawn as outlines?", n)
	}
}

// TestWritePDF checks the PDF's fixed date, and that it embeds the regular
// and the bold face each as a font file of its own.
func TestWritePDF(t *testing.T) {
	pdf := render(t, styleSheet(), figure.PDF)
	for _, want := range []string{"/CreationDate (D:19700101000000)", "/ModDate (D:19700101000000)"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	files := regexp.MustCompile(`/FontFile2 (\d+) 0 R`).FindAllSubmatch(pdf, -1)
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6}\+)?(\S+)`).FindAllSubmatch(pdf, -1)
	distinct := map[string]bool{}
	for _, f := range files {
		distinct[string(f[1])] = true
	}
	var fonts []string
	for _, n := range names {
		fonts = append(fonts, string(n[2]))
	}
	if len(distinct) != 2 {
		t.Errorf("the PDF embeds %d distinct font files (fonts %v), want 2: regular and bold", len(distinct), fonts)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := styleSheet().Write(&buf, "gif"); err == nil || buf.Len() > 0 {
		t.Errorf("Write gif: err %v, %d bytes written; want an error and nothing", err, buf.Len())
	}
}

// TestWritePDFText checks with pdftotext (poppler-utils; skipped where it
// is not installed) that a PDF chart's text is text, at the slide size too,
// where the page is drawn 2.22 times its layout.
func TestWritePDFText(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	for _, name := range []string{"default", "slide"} {
		size, err := figure.Preset(name, 0)
		if err != nil {
			t.Fatal(err)
		}
		ch := styleSheet()
		ch.Style = size.Style()
		path := filepath.Join(t.TempDir(), "c.pdf")
		var buf bytes.Buffer
		if err := ch.Write(&buf, figure.PDF); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "Date axis, outcome colours") {
			t.Errorf("%s: pdftotext finds no chart text:\n%s", name, out)
		}
	}
}
