package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * model and real Kvasir-SEG frames: what the browser tests share (one browser for a test class,
 * uploads, waiting on the page, downloads, screenshots and measurements into target/browser/).
 * Skipped when Chromium or ../shared/datasets is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

  protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  protected static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  protected static final Path OUT = Path.of("target", "browser").toAbsolutePath();
  /** Kvasir-SEG test frames of 622 x 530 pixels. */
  protected static final List<String> FRAMES = List.of("cju2zp89k9q1g0855k1x0f1xa",
      "cju30ajhw09sx0988qyahx9s8", "cju30gxjq0djk0988jytm49rs", "cju3v11mrgwwb0755u242ygye");

  protected static ChromeDriver driver;
  protected static Path kvasir;
  protected static final List<String> measurements = new ArrayList<>();

  @LocalServerPort protected int port;

  @BeforeAll
  protected static void startBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver not installed (./polypseg setup installs them)");
    Path datasets = SyntheticData.realDatasets();
    assumeTrue(datasets != null, "../shared/datasets not present");
    kvasir = datasets.resolve("TestDataset/Kvasir");
    assumeTrue(Files.isDirectory(kvasir.resolve("images")), "no Kvasir-SEG test images");

    clearDownloads();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--window-size=1440,1250",
        "--user-data-dir=" + Files.createTempDirectory("polypseg-chromium"));
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", OUT.resolve("downloads").toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  protected static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (!measurements.isEmpty()) {
      // Each browser test class adds its own lines.
      Files.write(OUT.resolve("measurements.txt"), measurements, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      measurements.clear();
    }
  }


  /** Empties the downloads folder, so that the next download found is the one just asked for. */
  protected static void clearDownloads() throws IOException {
    Files.createDirectories(OUT.resolve("downloads"));
    try (Stream<Path> old = Files.list(OUT.resolve("downloads"))) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Opens {@code path} as a new browser tab would: the window's name, by which the server keeps
   * a tab's work, is cleared (Vaadin's client makes a new one), and the page is left without
   * being asked.
   */
  protected void openFreshTab(String path) {
    if (driver.getCurrentUrl().startsWith("http")) {
      js("window.polypsegUnsaved = false; window.name = '';");
    }
    open(path);
  }

  /** Uploads a file by the page's picker and returns ms from the file's choice to the overlay. */
  protected double uploadAndAwaitOverlay(Path file) {
    double ms = uploadAndAwaitOverlayOnly(file);
    record("  of which inference on the server: %s", driver.findElement(By.cssSelector(".case-sub"))
        .getText().replaceAll(".*segmented in ([0-9]+ ms).*", "$1"));
    return ms;
  }

  protected double uploadAndAwaitOverlayOnly(Path file) {
    markUploadStart();
    js("""
        window.__marks = [];
        new MutationObserver(() => {
          if (document.querySelector('threshold-overlay') && !window.__marks.some(m => m[0] === 'overlay-el'))
            window.__marks.push(['overlay-el', performance.now()]);
          if (document.querySelector('.case-busy') && !window.__marks.some(m => m[0] === 'busy'))
            window.__marks.push(['busy', performance.now()]);
        }).observe(document.body, {subtree: true, childList: true});
        """);
    upload("image-upload", file);
    awaitTrue("const o = document.querySelector('threshold-overlay');"
        + "return !!o && o.drawnAt > 0 && o.drawnAt > window.__uploadStart"
        + " && window.__uploadStart > 0", Duration.ofSeconds(60));
    record("  timeline, ms after the file was chosen: %s", js("""
        const t0 = window.__uploadStart;
        const r = performance.getEntriesByType('resource').filter(e => e.startTime > t0)
          .map(e => e.name.replace(/.*\\//, '').slice(0, 40) + ' ' + (e.startTime - t0).toFixed(0) + '..' + (e.responseEnd - t0).toFixed(0));
        const m = window.__marks.map(x => x[0] + ' ' + (x[1] - t0).toFixed(0));
        return m.concat(r).join(' | ') + ' | drawn ' + (document.querySelector('threshold-overlay').drawnAt - t0).toFixed(0);
        """));
    return num(js("return document.querySelector('threshold-overlay').drawnAt"
        + " - window.__uploadStart"));
  }

  /** Drops a file on the upload area as a user's drag-and-drop does; ms to the drawn overlay. */
  protected double dropAndAwaitOverlay(Path file) throws IOException {
    js("""
        const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], arguments[1], {type: 'image/jpeg'}));
        const u = document.getElementById('image-upload');
        window.__uploadStart = performance.now();
        for (const type of ['dragenter', 'dragover', 'drop']) {
          u.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true,
              composed: true}));
        }
        """, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)),
        file.getFileName().toString());
    awaitTrue("const o = document.querySelector('threshold-overlay');"
        + "return !!o && o.drawnAt > window.__uploadStart", Duration.ofSeconds(60));
    return num(js("return document.querySelector('threshold-overlay').drawnAt"
        + " - window.__uploadStart"));
  }

  /** Notes in window.__uploadStart when the next file is chosen in the page's picker. */
  protected void markUploadStart() {
    js("""
        window.__uploadStart = 0;
        const u = document.getElementById('image-upload');
        const input = (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))
            || u.querySelector('input[type=file]');
        input.addEventListener('change', () => window.__uploadStart = performance.now(),
            {capture: true, once: true});
        """);
  }

  protected void upload(String uploadId, Path... files) {
    WebElement input = (WebElement) js("""
        const u = document.getElementById(arguments[0]);
        const input = (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))
            || u.querySelector('input[type=file]');
        input.value = '';  // chromedriver adds to the files already chosen otherwise
        return input;
        """, uploadId);
    input.sendKeys(String.join("\n", Stream.of(files).map(p -> p.toAbsolutePath().toString())
        .toList()));
  }

  protected void open(String path) {
    driver.get("http://localhost:" + port + path);
    awaitTrue("return !!window.Vaadin && !!document.querySelector('.page-frame')"
        + " && document.readyState === 'complete'");
  }

  protected Path frame(int i) {
    return kvasir.resolve("images/" + FRAMES.get(i) + ".jpg");
  }

  protected Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  protected void awaitTrue(String script, Object... args) {
    awaitTrue(script, Duration.ofSeconds(30), args);
  }

  protected void awaitTrue(String script, Duration timeout, Object... args) {
    try {
      new WebDriverWait(driver, timeout, Duration.ofMillis(5))
          .withMessage(() -> "waiting for: " + script)
          .until(d -> Boolean.TRUE.equals(js(script, args)));
    } catch (org.openqa.selenium.TimeoutException e) {
      try {
        screenshot("failure");
        Files.writeString(OUT.resolve("failure.txt"), String.valueOf(
            js("return document.body.innerText + '\\n\\n' + document.body.innerHTML")));
      } catch (IOException | RuntimeException ignored) {
        // the timeout is the failure to report
      }
      throw e;
    }
  }

  protected String text(String id) {
    return driver.findElement(By.id(id)).getText().strip();
  }

  protected static long pixels(String text) {
    return Long.parseLong(text.replaceAll("[^0-9]", ""));
  }

  protected static long white(BufferedImage mask) {
    long n = 0;
    for (int y = 0; y < mask.getHeight(); y++) {
      for (int x = 0; x < mask.getWidth(); x++) {
        int v = mask.getRaster().getSample(x, y, 0);
        assertThat(v == 0 || v == 255).isTrue();
        if (v == 255) {
          n++;
        }
      }
    }
    return n;
  }

  protected static Path awaitDownload(String suffix) throws InterruptedException, IOException {
    Path dir = OUT.resolve("downloads");
    for (int i = 0; i < 200; i++) {
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> done = files.filter(p -> p.toString().endsWith(suffix)).toList();
        if (!done.isEmpty() && Files.size(done.getFirst()) > 0) {
          return done.getFirst();
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no download ending in " + suffix + " in " + dir);
  }

  protected static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), OUT.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  protected static double num(Object value) {
    return ((Number) value).doubleValue();
  }

  protected static void record(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    measurements.add(line);
    System.out.println("MEASURED " + line);
  }
}
