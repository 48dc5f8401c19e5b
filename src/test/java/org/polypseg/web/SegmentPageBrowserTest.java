package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.polypseg.testing.SyntheticData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in a real browser (Debian's headless Chromium through chromedriver) with the shipped
 * model: upload real Kvasir-SEG frames, see the overlay, move the threshold slider and time the
 * redraw, add the ground-truth mask, download the mask, and upload bad files. Screenshots and the
 * measured times go to target/browser/. Skipped when Chromium or ../shared/datasets is missing.
 */
class SegmentPageBrowserTest extends BrowserTestSupport {


  @Test
  void uploadOverlaySliderTruthDownloadAndBadFiles() throws Exception {
    openFreshTab("/");
    screenshot("01-empty");

    // Upload a real frame and wait for its overlay: the first one includes the model's warm-up.
    double coldMs = uploadAndAwaitOverlay(frame(0));
    record("upload of a 622x530 JPEG to a drawn overlay, first image after start-up: %.0f ms",
        coldMs);
    assertThat(js("return document.querySelector('threshold-overlay').imageWidth")).isEqualTo(622L);
    awaitTrue("const r = document.querySelector('threshold-overlay').shadowRoot;"
        + "return r.querySelector('#original-canvas').width > 0 && r.querySelector('#heat-canvas').width > 0");
    screenshot("02-overlay");

    // Move the slider through 40 positions; every movement redraws in the browser.
    @SuppressWarnings("unchecked")
    Map<String, Object> slide = (Map<String, Object>) ((JavascriptExecutor) driver)
        .executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            const o = document.querySelector('threshold-overlay');
            const s = o.shadowRoot.querySelector('#slider');
            const c = o.shadowRoot.querySelector('#overlay-canvas');
            const signature = () => {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let h = 0;
              for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 7 * d[i + 1]) | 0;
              return h;
            };
            const move = (v) => { s.value = String(v); s.dispatchEvent(new Event('input', {bubbles: true})); };
            (async () => {
              const redraw = [], toFrame = [];
              const redrawsBefore = o.redraws;
              for (let k = 0; k < 40; k++) {
                const t0 = performance.now();
                move((0.05 + 0.9 * (k % 20) / 19).toFixed(2));
                redraw.push(o.lastRedrawMs);
                await new Promise(r => requestAnimationFrame(() => r()));
                toFrame.push(performance.now() - t0);
              }
              move(0.05); const low = signature();
              move(0.95); const high = signature();
              move(0.5);
              const sorted = a => [...a].sort((x, y) => x - y);
              const r = sorted(redraw), f = sorted(toFrame);
              done({median: r[20], max: r[39], frameMedian: f[20], frameMax: f[39],
                    redraws: o.redraws - redrawsBefore, width: c.width, height: c.height,
                    changed: low !== high});
            })();
            """);
    record("slider redraw (threshold + draw on canvas) at %sx%s: median %.2f ms, max %.2f ms "
        + "over 40 movements", slide.get("width"), slide.get("height"),
        num(slide.get("median")), num(slide.get("max")));
    record("slider movement to the next animation frame: median %.1f ms, max %.1f ms",
        num(slide.get("frameMedian")), num(slide.get("frameMax")));
    assertThat(slide.get("changed")).as("overlay differs between thresholds 0.05 and 0.95")
        .isEqualTo(true);
    assertThat(((Number) slide.get("redraws")).intValue()).isGreaterThanOrEqualTo(40);
    assertThat(num(slide.get("median"))).as("median redraw ms").isLessThan(50);

    // A real keyboard movement: five steps right; on release the server hears the value.
    WebElement slider = (WebElement) js(
        "return document.querySelector('threshold-overlay').shadowRoot.querySelector('#slider')");
    slider.click();
    js("const s = arguments[0]; s.value = '0.5'; s.dispatchEvent(new Event('input', {bubbles:true}));"
        + "s.dispatchEvent(new Event('change', {bubbles:true}));", slider);
    slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT,
        Keys.ARROW_RIGHT);
    awaitTrue("return document.getElementById('metrics').innerText.includes('at threshold 0.55')");
    long areaAt55 = pixels(text("metric-area"));
    screenshot("03-threshold-0.55");

    // The mask download is the mask at the settled threshold.
    driver.findElement(By.cssSelector("#download-mask")).click();
    Path mask = awaitDownload("-mask.png");
    BufferedImage maskImage = ImageIO.read(mask.toFile());
    assertThat(maskImage.getWidth()).isEqualTo(622);
    assertThat(maskImage.getHeight()).isEqualTo(530);
    assertThat(white(maskImage)).isEqualTo(areaAt55);
    driver.findElement(By.cssSelector("#download-overlay")).click();
    BufferedImage overlayImage = ImageIO.read(awaitDownload("-overlay.png").toFile());
    assertThat(overlayImage.getWidth()).isEqualTo(622);
    assertThat(overlayImage.getHeight()).isEqualTo(530);

    // The ground-truth mask gives Dice and IoU and its outline.
    upload("truth-upload", kvasir.resolve("masks/" + FRAMES.get(0) + ".jpg"));
    awaitTrue("return document.getElementById('metric-dice').innerText !== '—'");
    awaitTrue("return document.querySelector('threshold-overlay').drawnAt > 0");
    double dice = Double.parseDouble(text("metric-dice"));
    assertThat(dice).isBetween(0.0, 1.0);
    record("Dice of the shipped model on %s at threshold 0.55: %.3f", FRAMES.get(0), dice);
    screenshot("04-ground-truth");
    js("document.getElementById('metrics').scrollIntoView()");
    screenshot("04b-metrics");
    js("window.scrollTo(0, 0)");

    // The report is made from what the page shows: this frame, threshold 0.55, with its truth.
    driver.findElement(By.cssSelector("#report-pdf")).click();
    String report = org.polypseg.report.ReportDocuments.pdfText(
        Files.readAllBytes(awaitDownload(".pdf")));
    assertThat(report).contains(FRAMES.get(0) + ".jpg", "0.55");
    assertThat(report).containsIgnoringCase("dice");

    // Bad files: named in a notification; the image on screen stays.
    Path notes = Files.writeString(OUT.resolve("notes.png"), "not an image");
    Path empty = Files.write(OUT.resolve("empty.jpg"), new byte[0]);
    byte[] jpeg = Files.readAllBytes(frame(1));
    Path cut = Files.write(OUT.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
    Path text = Files.writeString(OUT.resolve("notes.txt"), "plain text");
    upload("image-upload", notes, empty, cut, text);
    for (String expected : List.of("notes.png: not a recognised image format",
        "empty.jpg: the file is empty", "cut.jpg: the image is truncated",
        "notes.txt: not a supported image type")) {
      awaitTrue("return [...document.querySelectorAll('vaadin-notification-card')]"
          + ".some(c => c.innerText.includes(arguments[0]))", expected);
    }
    Thread.sleep(400); // let the notifications finish their opening animation
    screenshot("05-bad-files");
    assertThat(js("return document.querySelectorAll('.case-card[data-status=failed]').length"))
        .isEqualTo(3L);
    assertThat(js("return document.querySelector('threshold-overlay').drawnAt > 0")).isEqualTo(true);
    assertThat(text("metric-dice")).isEqualTo(String.format(Locale.ROOT, "%.3f", dice));

    // The strip moves between images: a failed one shows why, the first one comes back intact.
    driver.findElement(By.cssSelector(".case-card[data-file='cut.jpg']")).click();
    awaitTrue("const f = document.querySelector('.case-failed');"
        + "return !!f && f.innerText.includes('truncated')");
    driver.findElement(By.cssSelector(".case-card[data-file='" + FRAMES.get(0) + ".jpg']")).click();
    awaitTrue("const o = document.querySelector('threshold-overlay'); return !!o && o.drawnAt > 0");
    assertThat(js("return document.querySelector('threshold-overlay').threshold")).isEqualTo(0.55);
    assertThat(text("metric-dice")).isEqualTo(String.format(Locale.ROOT, "%.3f", dice));

    // Upload to overlay with the model warm: a fresh page for each of three more frames.
    List<Double> warm = new ArrayList<>();
    for (int i = 1; i < FRAMES.size() - 1; i++) {
      openFreshTab("/");
      warm.add(uploadAndAwaitOverlay(frame(i)));
    }
    // The last one is dropped on the page instead of picked.
    openFreshTab("/");
    warm.add(dropAndAwaitOverlay(frame(FRAMES.size() - 1)));
    assertThat(text("case-strip")).contains(FRAMES.getLast() + ".jpg");
    warm.sort(null);
    record("upload of a 622x530 JPEG to a drawn overlay, model warm: %s ms (median %.0f ms)",
        warm.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), warm.get(1));
    assertThat(warm.get(1)).as("median warm upload-to-overlay ms").isLessThan(5000);

    // The model page, on a tall window to see all of it.
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 2700));
    open("/model");
    awaitTrue("const i = document.getElementById('circuit-diagram'); return i && i.naturalWidth > 0");
    assertThat(driver.findElement(By.id("intended-use")).getText()).contains("not a medical device");
    screenshot("06-model");
  }

  /**
   * A clip of consecutive CVC-ClinicDB training frames, encoded by the project's own encoder,
   * dropped where images go: its first frame with overlay shows while it runs, the timeline fills,
   * scrubbing shows another frame, the annotated clip plays in the page and the CSV downloads.
   */
  @Test
  void aClipIsAnalysedScrubbedAndPlayed() throws Exception {
    List<BufferedImage> frames = org.polypseg.video.TestClips.cvcFrames();
    assumeTrue(frames != null, "no CVC-ClinicDB training frames");
    Path clip = Files.write(OUT.resolve("cvc-sequence.mp4"), org.polypseg.video.TestClips.encode(
        frames, org.polypseg.video.VideoFormat.MP4));
    int n = frames.size();
    double firstFrameMs = uploadClipOnAFreshPage(clip);
    record("clip of %d CVC-ClinicDB frames (384x288): first frame with overlay %.0f ms after the"
        + " file was chosen; then: %s, timeline %s frames", n, firstFrameMs,
        text("video-status"), js("return document.getElementById('video-timeline').dataset.frames"));

    awaitTrue("return document.getElementById('video-status').innerText.startsWith('Done')",
        Duration.ofSeconds(300));
    assertThat(text("video-status")).startsWith("Done: " + n + " frames, " + n + " analysed");
    assertThat(js("return +document.getElementById('video-timeline').dataset.frames"))
        .isEqualTo((long) n);
    record("  %s", text("video-status"));

    // Scrub to another frame: it is decoded again and drawn with its overlay.
    double before = num(js("return document.getElementById('video-overlay').drawnAt"));
    js("""
        const s = document.getElementById('video-scrub');
        s.value = arguments[0];
        s.dispatchEvent(new Event('change', {bubbles: true}));
        """, Integer.toString(n / 2));
    awaitTrue("return document.getElementById('video-overlay').drawnAt > arguments[0]", before);
    assertThat(text("video-frame-text")).startsWith("Frame " + (n / 2) + " at ");

    // The annotated clip plays in the page: Chromium decodes the WebM (VP8) the server wrote.
    awaitTrue("const v = document.getElementById('video-annotated');"
        + "return !!v && v.readyState >= 1 && v.videoWidth > 0", Duration.ofSeconds(30));
    assertThat(js("return document.getElementById('video-annotated').videoWidth")).isEqualTo(384L);
    js("const v = document.getElementById('video-annotated'); v.muted = true; v.play();");
    awaitTrue("return document.getElementById('video-annotated').currentTime > 0.2",
        Duration.ofSeconds(30));
    screenshot("07-video");

    driver.findElement(By.cssSelector("#download-csv")).click();
    List<String> rows = Files.readAllLines(awaitDownload("-frames.csv"));
    assertThat(rows.getFirst()).isEqualTo("index,timeSeconds,areaFraction,regions,maxProbability");
    assertThat(rows).hasSize(1 + n);
  }

  /**
   * Drops {@code clip} on a fresh page and waits for its first frame with overlay; returns the ms
   * from the file's choice to that frame's drawing.
   */
  private double uploadClipOnAFreshPage(Path clip) throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1600));
    openFreshTab("/");
    markUploadStart();
    upload("image-upload", clip);
    awaitTrue("const o = document.getElementById('video-overlay');"
        + "return !!o && o.drawnAt > 0 && window.__uploadStart > 0", Duration.ofSeconds(60));
    return num(js("return document.getElementById('video-overlay').drawnAt"
        + " - window.__uploadStart"));
  }

  /**
   * A 30-second 384x288 clip (the CVC-ClinicDB sequence played back and forth to 750 frames)
   * shows its first annotated frame while the rest is still being analysed, not after the whole
   * clip, and the timeline fills while it runs; then Cancel stops it. How many ms the first frame
   * took is recorded (MEASURED line; the target of 2 s is a figure to read on a quiet machine, not
   * a wall-clock assertion that a busy CI host would fail).
   */
  @Test
  void aThirtySecondClipShowsItsFirstFrameWhileTheRestIsStillAnalysed() throws Exception {
    List<BufferedImage> sequence = org.polypseg.video.TestClips.cvcFrames();
    assumeTrue(sequence != null, "no CVC-ClinicDB training frames");
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; frames.size() < 750; i++) {
      int k = i % (2 * sequence.size() - 2);
      frames.add(sequence.get(k < sequence.size() ? k : 2 * sequence.size() - 2 - k));
    }
    Path clip = Files.write(OUT.resolve("cvc-30s.webm"), org.polypseg.video.TestClips.encode(
        frames, org.polypseg.video.VideoFormat.WEBM));
    double firstFrameMs = uploadClipOnAFreshPage(clip);
    long analysedAtFirstFrame = (long) num(js(
        "return +(document.getElementById('video-timeline')?.dataset.frames || 0)"));
    assertThat(analysedAtFirstFrame).as("frames analysed when the first one was shown")
        .isLessThan(frames.size());
    assertThat(text("video-status")).doesNotStartWith("Done");
    awaitTrue("return +document.getElementById('video-timeline').dataset.frames >= 10",
        Duration.ofSeconds(60));
    record("30-second clip (750 CVC-ClinicDB frames, 384x288, %.1f MB WebM): first frame with "
        + "overlay %.0f ms after the file was chosen (target 2 s), %d of 750 analysed then; then %s",
        Files.size(clip) / 1e6, firstFrameMs, analysedAtFirstFrame, text("video-status"));
    driver.findElement(By.id("video-cancel")).click();
    awaitTrue("return document.getElementById('video-status').innerText.toLowerCase()"
        + ".includes('cancel')", Duration.ofSeconds(30));
  }

  /**
   * Upload two frames, add a mask, move the slider, label the case; go to the model page by the
   * header's link and back, use back and forward, and reload: every card, mask, threshold and
   * label is still there. A report download ends the "leave this page?" question; removing a
   * failed card keeps the focus on the page; Clear all empties it, for good.
   */
  @Test
  void theWorkSurvivesTheModelPageBackForwardAndAReloadUntilClearAll() throws Exception {
    openFreshTab("/");
    upload("image-upload", frame(0), frame(1));
    awaitTrue("return document.querySelectorAll('.case-card[data-status=done]').length === 2"
        + " && !!document.querySelector('threshold-overlay')", Duration.ofSeconds(90));
    // Selecting draws the detail anew: wait for the new one, not the one on screen before.
    js("document.getElementById('case-detail').dataset.before = 'yes'");
    driver.findElement(By.cssSelector(".case-card[data-file='" + FRAMES.get(0) + ".jpg']"))
        .click();
    awaitTrue("const o = document.querySelector('threshold-overlay'); return !!o && o.drawnAt > 0"
        + " && !document.querySelector('#case-detail[data-before]')"
        + " && document.querySelector('#case-detail h2').innerText === arguments[0]",
        FRAMES.get(0) + ".jpg");
    upload("truth-upload", kvasir.resolve("masks/" + FRAMES.get(0) + ".jpg"));
    awaitTrue("return document.getElementById('metric-dice').innerText !== '—'");
    js("""
        const s = document.querySelector('threshold-overlay').shadowRoot.querySelector('#slider');
        s.value = '0.7';
        s.dispatchEvent(new Event('input', {bubbles: true}));
        s.dispatchEvent(new Event('change', {bubbles: true}));
        """);
    awaitTrue("return document.getElementById('metrics').innerText.includes('at threshold 0.70')");
    WebElement label = driver.findElement(By.cssSelector("#case-label input"));
    label.sendKeys(Keys.chord(Keys.CONTROL, "a"), "study 42", Keys.TAB);
    Thread.sleep(1500); // the label reaches the server after a short pause in typing
    String dice = text("metric-dice");
    String area = text("metric-area");
    assertThat(js("return window.polypsegUnsaved")).as("unsaved work asks before leaving")
        .isEqualTo(true);
    screenshot("08-work-before-leaving");

    driver.findElement(By.linkText("Model")).click();
    awaitTrue("return !!document.getElementById('intended-use')");
    driver.findElement(By.linkText("Segment")).click();
    assertWorkKept(dice, area);

    driver.navigate().back();
    awaitTrue("return !!document.getElementById('intended-use')");
    driver.navigate().forward();
    assertWorkKept(dice, area);

    // A batch report covers both images: nothing is unsaved, and the reload asks nothing.
    clearDownloads();
    driver.findElement(By.cssSelector("#batch-report-pdf")).click();
    assertThat(org.polypseg.report.ReportDocuments.pdfText(
        Files.readAllBytes(awaitDownload(".pdf"))))
        .contains(FRAMES.get(0) + ".jpg", FRAMES.get(1) + ".jpg", "0.70");
    clearDownloads(); // the page's other test looks for its own report
    awaitTrue("return window.polypsegUnsaved === false");
    driver.navigate().refresh();
    awaitTrue("return !!window.Vaadin && !!document.querySelector('.page-frame')");
    assertWorkKept(dice, area);
    screenshot("09-work-after-reload");

    // A failed card goes with its ×; the focus stays on the page.
    Path notes = Files.writeString(OUT.resolve("notes.png"), "not an image");
    upload("image-upload", notes);
    awaitTrue("return !!document.querySelector('.case-card[data-status=failed]')");
    driver.findElement(By.cssSelector(".case-card[data-status=failed] .case-remove")).click();
    awaitTrue("return !document.querySelector('.case-card[data-status=failed]')"
        + " && document.querySelectorAll('.case-card').length === 2");
    awaitTrue("return document.activeElement !== document.body"
        + " && document.activeElement.classList.contains('case-card')");

    driver.findElement(By.id("clear-all-button")).click();
    awaitTrue("const q = document.getElementById('clear-all-question');"
        + "return !!q && q.innerText.startsWith('Remove all 2 images')");
    driver.findElement(By.id("clear-all-confirm")).click();
    awaitTrue("return document.querySelectorAll('.case-card').length === 0"
        + " && !!document.getElementById('intro')");
    awaitTrue("return document.activeElement !== document.body");
    driver.navigate().refresh();
    awaitTrue("return !!window.Vaadin && !!document.getElementById('intro')");
    assertThat(js("return document.querySelectorAll('.case-card').length")).isEqualTo(0L);
  }
  /** Both cards, the first one on screen with its mask, threshold 0.70, label and figures. */
  private void assertWorkKept(String dice, String area) {
    awaitTrue("return document.querySelectorAll('.case-card[data-status=done]').length === 2");
    awaitTrue("const o = document.querySelector('threshold-overlay');"
        + "return !!o && o.drawnAt > 0 && o.threshold === 0.7");
    assertThat(text("truth-name")).isEqualTo(FRAMES.get(0) + ".jpg");
    assertThat(js("return document.querySelector('#case-label').value")).isEqualTo("study 42");
    assertThat(text("metric-dice")).isEqualTo(dice);
    assertThat(text("metric-area")).isEqualTo(area);
    assertThat(js("return document.querySelector('.case-card.selected').dataset.file"))
        .isEqualTo(FRAMES.get(0) + ".jpg");
  }

}
