package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.polypseg.cli.PolypSegCommand;
import org.polypseg.study.MaskImage;
import org.polypseg.study.MaskSave;
import org.polypseg.study.StudyFrame;
import org.polypseg.study.StudyService;
import org.polypseg.study.StudySettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22's browser target, in headless Chromium with login on and real Kvasir-SEG frames: an
 * owner creates a study from 5 uploaded frames (their text boxes confirmed), anna annotates from
 * the model's mask with a brush stroke, bert from blank with a stroke of his own, the owner sees
 * the agreement table and exports the dataset, which {@code evaluate} then reads; and an owner
 * adds frames from a folder on the server and draws a frame's reference.
 */
class StudyBrowserTest extends BrowserTestSupport {

  private static final String PASSWORD = "correct horse battery staple";
  /** Generous: the test machine is shared, and a model runs behind every added frame. */
  private static final Duration SLOW = Duration.ofMinutes(3);
  private static Path studyFiles;

  @Autowired private StudyService studies;

  @DynamicPropertySource
  static void studyUsers(DynamicPropertyRegistry registry) throws Exception {
    studyFiles = Files.createTempDirectory("polypseg-study-browser");
    registry.add("polypseg.studies.database.url",
        () -> "jdbc:h2:file:" + studyFiles.resolve("db"));
    registry.add("vaadin.productionMode", () -> "true");
    registry.add("polypseg.security.enabled", () -> "true");
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    String[] users = {"olivia", "anna", "bert"};
    for (int i = 0; i < users.length; i++) {
      String name = users[i];
      String hash = bcrypt.encode(PASSWORD);
      registry.add("polypseg.security.users[" + i + "].username", () -> name);
      registry.add("polypseg.security.users[" + i + "].password-hash", () -> hash);
    }
  }

  @Test
  void anOwnerAndTwoAnnotatorsMakeAStudyThatEvaluateReads() throws Exception {
    signInAs("olivia");
    openSlow("/studies");
    type("study-title", "Kvasir five");
    driver.findElement(By.id("study-from-model")).click();
    driver.findElement(By.id("study-create")).click();
    // The router has moved to the new study's page (its address, not only its content).
    awaitTrue("return !!document.getElementById('study-upload')"
        + " && /\\/studies\\/\\d+$/.test(location.pathname)", SLOW);
    String studyPath = (String) js("return location.pathname");
    for (String a : List.of("anna", "bert")) {
      type("study-annotator-name", a);
      driver.findElement(By.id("study-annotator-add")).click();
      awaitTrue("return document.getElementById('study-annotators').innerText.includes(arguments[0])", SLOW, a);
    }
    Path[] five;
    try (Stream<Path> files = Files.list(kvasir.resolve("images"))) {
      five = files.sorted().limit(5).toArray(Path[]::new);
    }
    upload("study-upload", five);
    awaitTrue("return document.querySelectorAll('.study-pending-frame').length === 5",
        SLOW);
    driver.findElement(By.id("study-pending-add-all")).click();
    awaitTrue("return document.getElementById('study-frame-count').innerText.startsWith('5 frames')",
        SLOW);
    screenshot("study-1-owner");

    // anna: from the model's mask, one brush stroke on the first frame, then through the queue.
    signInAs("anna");
    openSlow(studyPath + "/annotate");
    annotateQueue(0.1);
    assertThat(text("annotate-where")).contains("5 of 5 frames saved");
    screenshot("study-2-anna");

    // The owner switches new annotators to blank; bert paints on each frame.
    signInAs("olivia");
    openSlow(studyPath);
    driver.findElement(By.id("study-settings-from-model")).click();
    driver.findElement(By.id("study-settings-save")).click();
    awaitTrue("return document.getElementById('study-settings').innerText.includes('blank')", SLOW);
    signInAs("bert");
    openSlow(studyPath + "/annotate");
    annotateQueue(0.3);

    signInAs("olivia");
    openSlow(studyPath);
    awaitTrue("return document.getElementById('study-progress').innerText.includes('bert')", SLOW);
    driver.findElement(By.id("study-agreement-show")).click();
    awaitTrue("return !!document.getElementById('study-agreement-table')", SLOW);
    String table = text("study-agreement-table");
    assertThat(table).contains("anna", "bert", "model");
    record("study agreement table: %s", table.replace("\n", " | "));
    screenshot("study-3-agreement");

    clearDownloads();
    driver.findElement(By.id("study-export-staple")).click();
    awaitTrue("return !!document.getElementById('study-export-download')", SLOW);
    assertThat(text("study-export-summary")).startsWith("5 frames exported");
    driver.findElement(By.id("study-export-download")).click();
    Path zip = awaitDownload(".zip");
    Path data = Files.createTempDirectory("polypseg-study-export");
    unzip(Files.readAllBytes(zip), data);
    Path json = data.resolve("eval.json");
    assertThat(PolypSegCommand.execute("evaluate", "--data", data.toString(), "--json",
        json.toString())).isZero();
    JsonNode result = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(result.get("images").asInt()).isEqualTo(5);
    record("evaluate on the exported study: %s", result.toString().substring(0,
        Math.min(300, result.toString().length())));
  }

  /**
   * The owner reads two frames from a folder on the server (a broken file beside them is listed,
   * not added), adds them, and draws a frame's reference in the masks dialog; the reference is
   * kept. The study's first frames and masks are made through the service, as the first test
   * already drives those pages.
   */
  @Test
  void anOwnerAddsFramesFromAServerFolderAndDrawsAFramesReference() throws Exception {
    long id = studies.create("olivia", new StudySettings("Folder and reference",
        StudySettings.StartFrom.BLANK, true)).id();
    studies.addAnnotator("olivia", id, "anna");
    studies.addAnnotator("olivia", id, "bert");
    List<Path> images;
    try (Stream<Path> files = Files.list(kvasir.resolve("images"))) {
      images = files.sorted().skip(10).limit(4).toList();
    }
    for (Path image : images.subList(0, 2)) {
      byte[] bytes = Files.readAllBytes(image);
      String name = image.getFileName().toString();
      studies.addFrame("olivia", id, bytes, name,
          studies.proposeRedaction("olivia", id, bytes, name), true);
    }
    for (StudyFrame f : studies.frames("olivia", id)) {
      studies.saveMask("anna", id, f.id(), new MaskSave(0, box(f, 0.2, 0.6), false, false));
      studies.saveMask("bert", id, f.id(), new MaskSave(0, box(f, 0.3, 0.7), false, false));
    }
    Path folder = Files.createTempDirectory("polypseg-study-folder");
    for (Path image : images.subList(2, 4)) {
      Files.createSymbolicLink(folder.resolve(image.getFileName()), image);
    }
    Files.writeString(folder.resolve("broken.png"), "not a picture");

    signInAs("olivia");
    openSlow("/studies/" + id);
    type("study-folder", folder.toString());
    driver.findElement(By.id("study-folder-read")).click();
    awaitTrue("return document.querySelectorAll('.study-pending-frame').length === 2", SLOW);
    assertThat(text("study-import-skipped")).contains("broken.png: not a recognised image format");
    driver.findElement(By.id("study-pending-add-all")).click();
    awaitTrue("return document.getElementById('study-frame-count').innerText.startsWith('4 frames')",
        SLOW);

    driver.findElement(By.id("study-agreement-show")).click();
    awaitTrue("return !!document.querySelector('#study-disagreement-table tbody vaadin-button')",
        SLOW);
    js("document.querySelector('#study-disagreement-table tbody vaadin-button').click()");
    awaitTrue("return !!document.getElementById('study-draw-reference')", SLOW);
    js("document.getElementById('study-draw-reference').click()");
    awaitTrue("const o = document.getElementById('reference-overlay');"
        + " return !!o && o.drawnAt > 0 && !!o.shadowRoot.querySelector('#tool-brush')", SLOW);
    paintStroke("reference-overlay", 0.2);
    screenshot("study-4-reference");
    js("document.getElementById('reference-save').click()");
    awaitTrue("return !document.getElementById('reference-editor')"
        + " && document.getElementById('study-disagreement-table').innerText.includes('yes')",
        SLOW);

    List<StudyFrame> frames = studies.frames("olivia", id);
    assertThat(frames).hasSize(4);
    long adjudicated = frames.stream()
        .filter(f -> studies.frameMasks("olivia", id, f.id()).reference() != null).count();
    assertThat(adjudicated).isEqualTo(1);
    record("study reference drawn in the browser on one of %d frames", frames.size());
  }

  /** A rectangle mask over the frame from {@code from} to {@code to} of its width and height. */
  private static MaskImage box(StudyFrame f, double from, double to) {
    boolean[] p = new boolean[f.width() * f.height()];
    for (int y = (int) (f.height() * from); y < (int) (f.height() * to); y++) {
      for (int x = (int) (f.width() * from); x < (int) (f.width() * to); x++) {
        p[y * f.width() + x] = true;
      }
    }
    return new MaskImage(f.width(), f.height(), p);
  }

  /** Paints a stroke (at a fraction of the width) on every frame, then saves and goes on. */
  private void annotateQueue(double at) throws Exception {
    double drawn = 0;
    for (int i = 0; i < 5; i++) {
      // The next frame is drawn (not the last one still on screen).
      awaitTrue("const o = document.getElementById('annotate-overlay');"
          + " return !!o && o.drawnAt > arguments[0] && !!o.shadowRoot.querySelector('#tool-brush')",
          SLOW, drawn);
      drawn = num(js("return document.getElementById('annotate-overlay').drawnAt"));
      String where = text("annotate-where");
      paintStroke("annotate-overlay", at);
      WebElement save = driver.findElement(By.id("annotate-save"));
      js("arguments[0].scrollIntoView({block: 'center'})", save);
      save.click();
      awaitTrue("return document.getElementById('annotate-where').innerText !== arguments[0]", SLOW, where);
      // No refusal on the page (the line is not even sent to the browser while empty).
      assertThat(driver.findElements(By.id("study-problem"))).noneMatch(WebElement::isDisplayed);
    }
  }

  /**
   * Paints an L-shaped brush stroke on the overlay {@code id}, starting at a fraction {@code at}
   * of its width, and waits until the server has the strokes.
   */
  private void paintStroke(String id, double at) throws InterruptedException {
    SearchContext overlay = driver.findElement(By.id(id)).getShadowRoot();
    WebElement canvas = overlay.findElement(By.cssSelector("#overlay-canvas"));
    // Clear of the sticky top bar, whatever the page's scroll after the last frame.
    js("arguments[0].scrollIntoView({block: 'center'})", canvas);
    js("arguments[0].click()", overlay.findElement(By.cssSelector("#tool-brush")));
    int w = canvas.getRect().getWidth();
    int h = canvas.getRect().getHeight();
    new Actions(driver).moveToElement(canvas, (int) (-w / 2 + w * at), -h / 4).clickAndHold()
        .moveByOffset(w / 4, 0).moveByOffset(0, h / 4).release().perform();
    // The overlay tells the server its strokes 150 ms after the last one.
    awaitTrue("return document.getElementById(arguments[0]).editsText !== ''", SLOW, id);
    Thread.sleep(200);
  }

  private void openSlow(String path) {
    driver.get("http://localhost:" + port + path);
    awaitTrue("return !!window.Vaadin && !!document.querySelector('.page-frame')"
        + " && document.readyState === 'complete'", SLOW);
  }

  private void type(String id, String value) {
    WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
    input.clear();
    input.sendKeys(value);
    // Vaadin's text field sends its value on change.
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  /** Signs out whoever is signed in and signs {@code user} in through the login page. */
  private void signInAs(String user) {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/login");
    awaitTrue("return !!document.querySelector('input[name=username]')", SLOW);
    WebElement name = driver.findElement(By.cssSelector("input[name=username]"));
    name.sendKeys(user);
    WebElement password = driver.findElement(By.cssSelector("input[name=password]"));
    password.sendKeys(PASSWORD, org.openqa.selenium.Keys.ENTER);
    awaitTrue("return !location.pathname.endsWith('/login') && !!document.querySelector('.page-frame')",
        SLOW);
  }

  private static void unzip(byte[] zip, Path dir) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = dir.resolve(e.getName()).normalize();
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }
}
