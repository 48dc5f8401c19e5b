package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The page as a clinician's screens show it: a phone, a tablet and a desktop without sideways
 * scrolling and with the threshold slider in reach beside the overlay; no axe-core violations;
 * a brush stroke corrects the mask as the server then counts it, from the pointer and from the
 * keyboard; and the slider stays instant on a 4K frame. Screenshots go to target/browser/ (layout-*.png: the README's).
 */
class PageLayoutBrowserTest extends BrowserTestSupport {

  /** Viewports: phone, tablet, desktop. */
  private static final List<int[]> VIEWPORTS =
      List.of(new int[] {390, 844}, new int[] {1024, 768}, new int[] {1440, 900});

  @Test
  void everyScreenFitsAndAxeFindsNothingWithAMaskNorOnTheModelPage() throws Exception {
    openFreshTab("/");
    uploadAndAwaitOverlayOnly(frame(0));
    upload("truth-upload", kvasir.resolve("masks/" + FRAMES.get(0) + ".jpg"));
    awaitTrue("return document.getElementById('metric-dice').innerText !== '—'");
    awaitTrue("return document.querySelector('threshold-overlay').drawnAt > 0");

    for (int[] v : VIEWPORTS) {
      int width = v[0];
      int height = v[1];
      viewport(width, height);
      String name = width + "x" + height;
      // Let the layout and the overlay's redraw at the new size settle.
      Thread.sleep(500);
      @SuppressWarnings("unchecked")
      Map<String, Object> fit = (Map<String, Object>) js("""
          const o = document.querySelector('threshold-overlay');
          // The viewer (its toolbar, the pictures, the slider) at the top, under the header.
          window.scrollTo(0, o.getBoundingClientRect().top + window.scrollY - 64);
          const slider = o.shadowRoot.querySelector('#slider').getBoundingClientRect();
          const canvas = o.shadowRoot.querySelector('#overlay-canvas').getBoundingClientRect();
          const wide = [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5;
          }).slice(-6).map(e => e.tagName + '.' + e.className + '#' + e.id + '[' + (e.textContent || '').trim().slice(0, 30) + '@' + Math.round(e.getBoundingClientRect().right) + ']');
          // Can the page be scrolled sideways at all?
          window.scrollTo(100000, window.scrollY);
          const sideways = window.scrollX;
          window.scrollTo(0, window.scrollY);
          return {docWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
                  sideways: sideways, viewport: window.innerWidth,
                  sliderHeight: slider.height, sliderTop: slider.top, sliderBottom: slider.bottom,
                  canvasTop: canvas.top, canvasBottom: canvas.bottom, innerHeight: window.innerHeight,
                  toolbarHeight: o.shadowRoot.querySelector('.toolbar').getBoundingClientRect().height,
                  fillShown: o.shadowRoot.querySelector('#layer-fill').checkVisibility(),
                  layersToggle: o.shadowRoot.querySelector('#layers-toggle').checkVisibility(),
                  wide: wide.join(', ')};
          """, width);
      record("layout at %s: document %s px wide, scrolls sideways by %s px, slider %.0f px tall at %.0f..%.0f, overlay "
          + "%.0f..%.0f of %s px", name, fit.get("docWidth"), fit.get("sideways"),
          num(fit.get("sliderHeight")),
          num(fit.get("sliderTop")), num(fit.get("sliderBottom")), num(fit.get("canvasTop")),
          num(fit.get("canvasBottom")), fit.get("innerHeight"));
      assertThat(((Number) fit.get("docWidth")).intValue())
          .as("document width at %s (too wide: %s)", name, fit.get("wide"))
          .isLessThanOrEqualTo(width);
      assertThat(num(fit.get("sideways"))).as("sideways scrolling at %s (too wide: %s)", name,
          fit.get("wide")).isZero();
      assertThat(num(fit.get("sliderHeight"))).as("slider touch target at %s", name)
          .isGreaterThanOrEqualTo(44);
      record("toolbar at %s: %.0f px tall, layer options %s", name, num(fit.get("toolbarHeight")),
          Boolean.TRUE.equals(fit.get("fillShown")) ? "shown" : "folded under Layers");
      // A phone shows three rows of tools at most: the layer options fold under "Layers".
      assertThat(num(fit.get("toolbarHeight"))).as("toolbar height at %s", name)
          .isLessThanOrEqualTo(3 * 36 + 2 * 6 + 2);
      assertThat(fit.get("fillShown")).as("layer options shown at %s", name).isEqualTo(width >= 600);
      assertThat(fit.get("layersToggle")).as("Layers toggle at %s", name).isEqualTo(width < 600);
      if (width < 600) {
        js("document.querySelector('threshold-overlay').shadowRoot.querySelector('#layers-toggle').click()");
        awaitTrue("return document.querySelector('threshold-overlay').shadowRoot"
            + ".querySelector('#layer-fill').checkVisibility()");
        js("document.querySelector('threshold-overlay').shadowRoot.querySelector('#layers-toggle').click()");
      }
      if (width >= 1024) {
        assertThat(num(fit.get("sliderBottom"))).as("slider in view with the overlay at %s", name)
            .isLessThanOrEqualTo(num(fit.get("innerHeight")));
        assertThat(num(fit.get("canvasTop"))).as("overlay below the header at %s", name)
            .isGreaterThanOrEqualTo(0);
      }
      // As a user sees the image after choosing it: the viewer at the top, under the header.
      screenshot("layout-" + name);
      js("window.scrollTo(0, 0)");
    }

    viewport(1440, 900);
    assertNoAxeViolations("/ after a segmentation with a mask");
    open("/model");
    awaitTrue("return !!document.getElementById('intended-use')");
    assertNoAxeViolations("/model");
  }

  @Test
  void aBrushStrokeChangesAreaAndDiceAsTheServerCountsTheDownloadedMask() throws Exception {
    // The window's own size: Selenium's mouse does not follow an emulated viewport.
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    openFreshTab("/");
    uploadAndAwaitOverlayOnly(frame(0));
    Path truthFile = kvasir.resolve("masks/" + FRAMES.get(0) + ".jpg");
    upload("truth-upload", truthFile);
    awaitTrue("return document.getElementById('metric-dice').innerText !== '—'");
    long areaBefore = pixels(text("metric-area").split("px")[0]);
    String diceBefore = text("metric-dice");

    SearchContext overlay = driver.findElement(By.cssSelector("threshold-overlay")).getShadowRoot();
    overlay.findElement(By.cssSelector("#tool-brush")).click();
    WebElement canvas = overlay.findElement(By.cssSelector("#overlay-canvas"));
    // A stroke across the top left of the frame, away from the polyp: polyp pixels are added.
    int w = canvas.getRect().getWidth();
    int h = canvas.getRect().getHeight();
    new Actions(driver).moveToElement(canvas, -w / 2 + w / 10, -h / 2 + h / 8).clickAndHold()
        .moveByOffset(w / 6, 0).moveByOffset(0, h / 10).release().perform();
    awaitTrue("return document.getElementById('metrics').innerText.includes('corrected by hand')");
    long areaAfter = pixels(text("metric-area").split("px")[0]);
    String diceAfter = text("metric-dice");
    record("brush stroke: area %,d -> %,d px, Dice %s -> %s", areaBefore, areaAfter, diceBefore,
        diceAfter);
    assertThat(areaAfter).isGreaterThan(areaBefore);
    screenshot("10-brush");

    // The downloaded mask is the corrected one, and the page's figures are its figures.
    clearDownloads();
    driver.findElement(By.cssSelector("#download-mask")).click();
    BufferedImage mask = ImageIO.read(awaitDownload("-mask.png").toFile());
    assertThat(white(mask)).isEqualTo(areaAfter);
    BufferedImage truth = ImageIO.read(truthFile.toFile());
    long both = 0;
    long truthArea = 0;
    for (int y = 0; y < mask.getHeight(); y++) {
      for (int x = 0; x < mask.getWidth(); x++) {
        int rgb = truth.getRGB(x, y);
        // The datasets' rule, as the page reads a mask: mean of R, G, B above 128.
        boolean t = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3 > 128;
        boolean m = mask.getRaster().getSample(x, y, 0) == 255;
        truthArea += t ? 1 : 0;
        both += t && m ? 1 : 0;
      }
    }
    double dice = 2.0 * both / (areaAfter + truthArea);
    assertThat(diceAfter).isEqualTo(String.format(Locale.ROOT, "%.3f", dice));

    // Undo takes the stroke back.
    overlay.findElement(By.cssSelector("#undo")).click();
    awaitTrue("return !document.getElementById('metrics').innerText.includes('corrected by hand')");
    assertThat(pixels(text("metric-area").split("px")[0])).isEqualTo(areaBefore);
    assertThat(text("metric-dice")).isEqualTo(diceBefore);

    // The polygon tool: three clicks in the top left, away from the polyp, and a click on the
    // first point fill the triangle as polyp, as one step that Undo takes back.
    overlay.findElement(By.cssSelector("#tool-polygon")).click();
    int x0 = -w / 2 + w / 12;
    int y0 = -h / 2 + h / 10;
    new Actions(driver).moveToElement(canvas, x0, y0).click()
        .moveToElement(canvas, x0 + w / 5, y0).click()
        .moveToElement(canvas, x0, y0 + h / 5).click()
        .moveToElement(canvas, x0, y0).click().perform();
    awaitTrue("return document.getElementById('metrics').innerText.includes('corrected by hand')");
    long areaPolygon = pixels(text("metric-area").split("px")[0]);
    // The triangle's area in image pixels: half of (w/5)·(h/5) screen pixels, scaled to the image.
    double perScreenPixel = (double) mask.getWidth() / w * mask.getHeight() / h;
    double triangle = 0.5 * (w / 5) * (h / 5) * perScreenPixel;
    record("polygon: area %,d -> %,d px (triangle about %,.0f px)", areaBefore, areaPolygon, triangle);
    assertThat((double) (areaPolygon - areaBefore)).isBetween(0.8 * triangle, 1.2 * triangle);
    screenshot("10-polygon");
    overlay.findElement(By.cssSelector("#undo")).click();
    awaitTrue("return !document.getElementById('metrics').innerText.includes('corrected by hand')");
    assertThat(pixels(text("metric-area").split("px")[0])).isEqualTo(areaBefore);
    clearDownloads();
  }

  @Test
  void theKeyboardPaintsUndoesAndZoomsAsThePointerDoes() throws Exception {
    viewport(1440, 900);
    openFreshTab("/");
    uploadAndAwaitOverlayOnly(frame(0));
    awaitTrue("return document.getElementById('metric-area').innerText.includes('px')");
    long areaBefore = pixels(text("metric-area").split("px")[0]);
    SearchContext overlay = driver.findElement(By.cssSelector("threshold-overlay")).getShadowRoot();
    WebElement view = overlay.findElement(By.cssSelector("#overlay-frame"));
    js("document.querySelector('threshold-overlay').shadowRoot.querySelector('#overlay-frame').focus()");
    assertThat(overlay.findElement(By.cssSelector("#overlay-keys")).getText())
        .as("the keys shown while the view has focus").contains("B brush", "Space");

    // B chooses the brush; Shift+arrows take its ring to the top left corner, away from the polyp;
    // Space held down paints while the arrows move it.
    Actions keys = new Actions(driver).sendKeys(view, "b");
    for (int k = 0; k < 20; k++) {
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_LEFT)
          .sendKeys(Keys.ARROW_UP).keyUp(Keys.SHIFT);
    }
    keys.keyDown(Keys.SPACE);
    for (int k = 0; k < 8; k++) {
      keys.sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_DOWN);
    }
    keys.keyUp(Keys.SPACE).perform();
    assertThat(overlay.findElement(By.cssSelector("#tool-brush")).getAttribute("aria-pressed"))
        .isEqualTo("true");
    awaitTrue("return document.getElementById('metrics').innerText.includes('corrected by hand')");
    long areaAfter = pixels(text("metric-area").split("px")[0]);
    record("keyboard stroke: area %,d -> %,d px", areaBefore, areaAfter);
    assertThat(areaAfter).isGreaterThan(areaBefore);
    screenshot("10-keyboard-brush");

    // Ctrl+Z takes it back; + zooms in.
    new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z")
        .keyUp(Keys.CONTROL).sendKeys("+").perform();
    awaitTrue("return !document.getElementById('metrics').innerText.includes('corrected by hand')");
    assertThat(pixels(text("metric-area").split("px")[0])).isEqualTo(areaBefore);
    assertThat(overlay.findElement(By.cssSelector("#zoom-level")).getText()).isEqualTo("150 %");
  }

  @Test
  void theSliderRedrawsA4kFrameWithinAFrameBudget() throws Exception {
    viewport(1440, 900);
    BufferedImage small = ImageIO.read(frame(1).toFile());
    BufferedImage large = new BufferedImage(3840, 2160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = large.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(small, 0, 0, 3840, 2160, null);
    g.dispose();
    Path file = OUT.resolve("frame-3840x2160.jpg");
    ImageIO.write(large, "jpg", file.toFile());
    openFreshTab("/");
    upload("image-upload", file);
    awaitTrue("const o = document.querySelector('threshold-overlay');"
        + "return !!o && o.drawnAt > 0 && o.imageWidth === 3840", Duration.ofSeconds(120));
    @SuppressWarnings("unchecked")
    Map<String, Object> slide = (Map<String, Object>) js("""
        const o = document.querySelector('threshold-overlay');
        const s = o.shadowRoot.querySelector('#slider');
        const times = [];
        for (let k = 0; k < 40; k++) {
          s.value = (0.05 + 0.9 * (k % 20) / 19).toFixed(2);
          s.dispatchEvent(new Event('input', {bubbles: true}));
          times.push(o.lastRedrawMs);
        }
        times.sort((a, b) => a - b);
        const c = o.shadowRoot.querySelector('#overlay-canvas');
        return {median: times[20], max: times[39], width: c.width, height: c.height};
        """);
    record("slider redraw of a 3840x2160 frame drawn at %sx%s: median %.2f ms, max %.2f ms over "
        + "40 movements", slide.get("width"), slide.get("height"), num(slide.get("median")),
        num(slide.get("max")));
    assertThat(num(slide.get("median"))).as("median redraw ms, 3840x2160").isLessThan(16);
  }

  private void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
        "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  private void assertNoAxeViolations(String where) {
    Results results = new AxeBuilder().analyze(driver);
    List<Rule> violations = results.getViolations();
    String found = violations.stream().map(r -> r.getId() + " (" + r.getImpact() + "): "
        + r.getHelp() + " — " + r.getNodes().stream().limit(3)
            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("; ")))
        .collect(Collectors.joining("\n"));
    record("axe-core on %s: %d violations%s", where, violations.size(),
        violations.isEmpty() ? "" : "\n" + found);
    assertThat(violations).as("axe-core violations on %s:\n%s", where, found).isEmpty();
  }
}
