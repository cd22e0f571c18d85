package report_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/synth"
	"github.com/sovlint/sovlint/report"
)

var screenshot = flag.String("screenshot", "", "write TestHTMLInChromium's screenshot of the shipped example's page to this PNG file (docs/html-report.png)")

// chromium returns the path of a Chromium or Chrome binary, or skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium: apt-get install chromium (.ci/run does where it can)")
	return ""
}

// browserPage is what loading a page in Chromium showed.
type browserPage struct {
	ctx      context.Context
	problems []string // console errors, exceptions, failed or extra requests
	mu       sync.Mutex
}

func (b *browserPage) problem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// openInChromium loads a page file in headless Chromium, offline and with a
// fresh profile, recording every console error, uncaught exception,
// failed request and request for anything but the page itself. The page
// stays open for the test to drive until the test ends.
func openInChromium(t *testing.T, bin, file string, setup ...chromedp.Action[chromedp.Void]) *browserPage {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	pageURL := (&url.URL{Scheme: "file", Path: file}).String()
	b := &browserPage{}
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(b.listen(pageURL)))
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b.ctx = ctx
	// The first command attaches the tab with the listener in place; then
	// the log and the network report to it.
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("starting Chromium (%s): %v", bin, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, setup...); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(pageURL),
		chromedp.WaitReady(chromedp.CSS("body")),
	); err != nil {
		t.Fatalf("loading %s in Chromium: %v", file, err)
	}
	return b
}

// listen records what is wrong in the tab's events: it runs in the tab's
// message loop, so it only appends under the lock.
func (b *browserPage) listen(pageURL string) func(ev any) {
	return func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.problem("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			b.problem("uncaught exception: %s (line %d)", ev.ExceptionDetails.Text, ev.ExceptionDetails.LineNumber+1)
		case *log.EventEntryAdded:
			// CSP violations and blocked loads are reported here.
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.problem("browser log (%s, %s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if ev.Request.URL != pageURL {
				b.problem("request for %s: the page must load nothing", ev.Request.URL)
			}
		case *network.EventLoadingFailed:
			b.problem("request failed: %s (%s)", ev.ErrorText, ev.BlockedReason)
		}
	}
}

// evaluate runs a script in the page and decodes its result.
func evaluate[T any](t *testing.T, b *browserPage, script string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating %.60q…: %v", script, err)
	}
	return v
}

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// check fails the test with every problem the page caused so far.
func (b *browserPage) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Error(p)
	}
}

// TestHTMLInChromium renders the shipped example's page (the README's
// quick-start plan) and the handmade report in headless Chromium, fails on
// any console error or request, works the filters and the keyboard, prints
// it to A4, and takes a screenshot (-screenshot FILE keeps it).
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	cases := []struct {
		name string
		rep  *report.Report
	}{
		{"var-default-region", buildReport(t, "var-default-region")},
		{"handmade", handmadeReport()},
		{"clean", buildReport(t, "clean")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, c.name+".html")
			if err := os.WriteFile(file, render(t, "html", c.rep), 0o600); err != nil {
				t.Fatal(err)
			}
			b := openInChromium(t, bin, file)

			// The script ran: the filters are shown, and choosing a
			// country hides the other rows and says how many are left.
			formHidden := evaluate[bool](t, b, `document.getElementById("filters").hidden`)
			if formHidden {
				t.Error("the filter form is still hidden: the script did not run")
			}
			if rows := evaluate[int](t, b, `document.querySelectorAll("#findings tr[data-rules]").length`); rows > 0 {
				shown := evaluate[int](t, b, `(function () {
					var f = document.getElementById("filters");
					f.elements.country.value = "FR";
					f.dispatchEvent(new Event("change"));
					return document.querySelectorAll("#findings tr[data-rules]:not([hidden])").length;
				})()`)
				want := evaluate[int](t, b, `Array.from(document.querySelectorAll("#findings tr[data-rules]")).filter(function (r) {
					return (" " + r.dataset.country + " ").indexOf(" FR ") >= 0;
				}).length`)
				status, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("#filter-status")))
				if err != nil {
					t.Fatal(err)
				}
				if shown != want || shown == 0 || !strings.Contains(status, fmt.Sprintf("Showing %d of %d", shown, rows)) {
					t.Errorf("filtering on FR shows %d of %d rows (want %d), status %q", shown, rows, want, status)
				}
				if after := evaluate[int](t, b, `(function () {
					var f = document.getElementById("filters");
					f.reset();
					f.dispatchEvent(new Event("change"));
					return document.querySelectorAll("#findings tr[data-rules]:not([hidden])").length;
				})()`); after != rows {
					t.Errorf("clearing the filters shows %d of %d rows", after, rows)
				}
			}

			// The map's countries are links the keyboard reaches.
			focused := evaluate[string](t, b, `(function () {
				var a = document.querySelector("#wm-world a");
				if (!a) return "";
				a.focus();
				return document.activeElement === a ? a.getAttribute("href") : "not focused";
			})()`)
			if c.name != "clean" && !strings.HasPrefix(focused, "#country-") {
				t.Errorf("focusing the world map's first country link gave %q", focused)
			}

			// It prints: A4 pages, more than one.
			pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatal(err)
			}
			if pages := len(pdfPage.FindAll(pdf, -1)); !bytes.HasPrefix(pdf, []byte("%PDF")) || pages < 2 {
				t.Errorf("printing made %d bytes, %d pages", len(pdf), pages)
			}

			// The screenshot: the viewport made as tall as the page (a
			// full-page capture leaves the sticky navigation mid-page), cut
			// after the findings for the README.
			height := evaluate[int64](t, b, `document.documentElement.scrollHeight`)
			bottom := evaluate[int](t, b, `Math.ceil(document.getElementById("findings").getBoundingClientRect().bottom + window.scrollY + 16)`)
			if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1280, height)); err != nil {
				t.Fatal(err)
			}
			shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(shot))
			if err != nil {
				t.Fatalf("the screenshot is no PNG: %v", err)
			}
			if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1280 || h < 1000 || bottom > h {
				t.Errorf("the screenshot is %dx%d, the findings end at %d", w, h, bottom)
			}
			if *screenshot != "" && c.name == "var-default-region" {
				out := *screenshot
				if !filepath.IsAbs(out) {
					out = filepath.Join(pkgDir, "..", out)
				}
				sub, ok := img.(interface {
					SubImage(r image.Rectangle) image.Image
				})
				if !ok {
					t.Fatalf("the screenshot decodes to a %T, which cannot be cut", img)
				}
				cut := sub.SubImage(image.Rect(0, 0, 1280, min(bottom, img.Bounds().Dy())))
				var buf bytes.Buffer
				if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, cut); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b.check(t)
		})
	}
}

// TestHTMLInChromiumWithoutScript: with JavaScript off the page is whole
// (every finding row shows) and the filters, which need the script, stay
// hidden.
func TestHTMLInChromiumWithoutScript(t *testing.T) {
	bin := chromium(t)
	file := filepath.Join(t.TempDir(), "report.html")
	page := render(t, "html", handmadeReport())
	if err := os.WriteFile(file, page, 0o600); err != nil {
		t.Fatal(err)
	}
	noScript := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	b := openInChromium(t, bin, file, noScript)
	// DevTools still evaluates with page scripts off.
	if display := evaluate[string](t, b, `getComputedStyle(document.getElementById("filters")).display`); display != "none" {
		t.Errorf("the filter form shows without the script (display %q)", display)
	}
	rows := evaluate[int](t, b, `document.querySelectorAll("#findings tr[data-rules]").length`)
	visible := evaluate[int](t, b, `Array.from(document.querySelectorAll("#findings tr[data-rules]")).filter(function (r) { return r.getClientRects().length > 0; }).length`)
	if rows == 0 || visible != rows {
		t.Errorf("%d of %d finding rows are visible without the script", visible, rows)
	}
	if status := evaluate[string](t, b, `document.getElementById("filter-status").textContent`); status != "" {
		t.Errorf("the script ran: status %q", status)
	}
	b.check(t)
}

// TestHTMLInChromiumLarge opens the page of a 30,000-resource plan: it
// loads with no error, and the test logs how long Chromium took (a figure,
// not an assertion: speed is for benchmarks).
func TestHTMLInChromiumLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("a 30,000-resource plan")
	}
	bin := chromium(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	f, err := os.Create(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.Plan(f, filepath.Join(pkgDir, "..", synth.PlanTemplate), 1000); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := engine.Scan([]engine.Input{{Path: plan}}, engine.Options{Settings: settings.Default(scanDate), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "large.html")
	page := render(t, "html", rep)
	if err := os.WriteFile(file, page, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	b := openInChromium(t, bin, file)
	rows := evaluate[int](t, b, `document.querySelectorAll("#findings tr[data-rules]").length`)
	t.Logf("%d resources, %d findings: a %d-byte page with %d resource rows, loaded by Chromium in %v",
		rep.ResourceCount(), len(rep.Findings), len(page), rows, time.Since(start).Round(time.Millisecond))
	if rows == 0 {
		t.Error("no finding rows")
	}
	b.check(t)
}

// TestChromiumHarnessCatches loads pages that go wrong in each way the
// harness must report: TestHTMLInChromium passing means something only if
// these fail it.
func TestChromiumHarnessCatches(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	good := string(render(t, "html", handmadeReport()))
	pages := map[string]struct {
		html string
		want string // in some problem
	}{
		"console error":   {`<!DOCTYPE html><html lang="en"><title>x</title><script>console.error("boom")</script>`, "boom"},
		"exception":       {`<!DOCTYPE html><html lang="en"><title>x</title><script>notDefined()</script>`, "uncaught exception"},
		"missing image":   {`<!DOCTYPE html><html lang="en"><title>x</title><img src="missing.png" alt="">`, "missing.png"},
		"blocked by CSP":  {strings.Replace(good, `<main id="main">`, `<main id="main"><img src="missing.png" alt="">`, 1), "Content Security Policy"},
		"script injected": {strings.Replace(good, `<main id="main">`, `<main id="main"><script>document.title = "x"</script>`, 1), "Content Security Policy"},
	}
	for name, c := range pages {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".html")
			if err := os.WriteFile(file, []byte(c.html), 0o600); err != nil {
				t.Fatal(err)
			}
			b := openInChromium(t, bin, file)
			// Give late events (a failed load) a moment to arrive.
			if err := chromedp.Do(b.ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			b.mu.Lock()
			defer b.mu.Unlock()
			for _, p := range b.problems {
				if strings.Contains(p, c.want) {
					return
				}
			}
			t.Errorf("no problem mentions %q; got %q", c.want, b.problems)
		})
	}
}
