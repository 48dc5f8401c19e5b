package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polypseg.report.ReportDocuments;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.web.WebTestData.RecordingContext;
import org.springframework.util.unit.DataSize;

/** The segmentation page's behaviour, without a browser: the view built with its services. */
class SegmentViewTest {

  private final SegmentationJobs jobs = new SegmentationJobs(WebTestData.colourSegmenter());
  private final UI ui = new UI();
  private final RecordingContext context = new RecordingContext(ui);
  private final ReportService reports = new ReportService(ReportTemplates.defaults(), null);
  private SegmentView view;

  @BeforeEach
  void setUp() {
    UI.setCurrent(ui);
    view = new SegmentView(jobs, reports,
        new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50),
        WebTestData.videoJobs(), WebTestData.clipReports(reports),
        PageAccounting.off());
    view.useContext(context);
  }

  @AfterEach
  void tearDown() {
    jobs.close();
    synchronized (context) {
      context.failures.forEach(Throwable::printStackTrace);
      assertThat(context.failures).as("exceptions in UI commands").isEmpty();
    }
    UI.setCurrent(null);
  }

  @Test
  void segmentsEveryUploadInTheBackgroundAndShowsTheFirst() {
    BufferedImage[] a = WebTestData.pair(320, 240, 1);
    BufferedImage[] b = WebTestData.pair(200, 160, 2);
    BufferedImage[] c = WebTestData.pair(256, 256, 3);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("b.bmp", WebTestData.encode(b[0], "bmp"));
    view.receive("c.tiff", WebTestData.encode(c[0], "tiff"));

    synchronized (context) {
      assertThat(view.cases()).hasSize(3);
      assertThat(view.strip().size()).isEqualTo(3);
      assertThat(view.selected().fileName()).isEqualTo("a.png");
    }
    awaitAllSettled();

    synchronized (context) {
      assertThat(view.cases()).allMatch(ImageCase::isDone);
      assertThat(context.errors).isEmpty();
      assertThat(view.queueVisible()).isFalse();
      ImageCase first = view.selected();
      assertThat(first.fileName()).isEqualTo("a.png");
      assertThat(first.image().getWidth()).isEqualTo(320);
      assertThat(view.detail().imageCase()).isSameAs(first);
      assertThat(view.detail().overlay()).isNotNull();
      long truthPixels = count(org.polypseg.image.Images.binaryMask(a[1]));
      assertThat(first.analysis().areaPx()).isEqualTo(truthPixels);
      assertThat(view.detail().metrics().areaText()).contains(String.format("%,d px", truthPixels));
      assertThat(view.detail().metrics().regionCountText()).isEqualTo("1");
      assertThat(view.detail().metrics().diceText()).isEqualTo("—");
    }

    view.select(view.cases().get(2));
    assertThat(view.detail().imageCase().fileName()).isEqualTo("c.tiff");
    assertThat(view.batchReportsVisible()).as("batch report buttons with 3 images").isTrue();
    assertThat(view.detail().actions().getChildren().map(child -> child.getId().orElse("")))
        .contains("download-overlay", "download-mask", "report-pdf", "report-docx");
  }

  @Test
  void reportsFollowTheSettledThresholdAndTheTruthOfEachImage() {
    BufferedImage[] a = WebTestData.pair(320, 240, 1);
    BufferedImage[] b = WebTestData.pair(200, 160, 2);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.batchReportsVisible()).as("no batch report for one image").isFalse();
    }
    view.receive("b.png", WebTestData.encode(b[0], "png"));
    awaitAllSettled();
    ReportDownloads downloads = new ReportDownloads(reports, context, PageAccounting.off());
    synchronized (context) {
      assertThat(view.batchReportsVisible()).isTrue();
      ImageCase first = view.cases().get(0);
      first.setThreshold(0.7);
      first.attachTruth("a-mask.png", org.polypseg.image.Images.binaryMask(a[1]), 320, 240);
      first.setLabel("study 12");

      ReportDownloads.Report single = downloads.render(java.util.List.of(first), first.label(),
          ReportFormat.PDF);
      String text = ReportDocuments.pdfText(single.document());
      assertThat(single.fileName()).endsWith(".pdf");
      assertThat(text).contains("study 12", "a.png", "0.70").doesNotContain("b.png");
      assertThat(text).containsIgnoringCase("dice");

      ReportDownloads.Report batch = downloads.render(view.cases(), null, ReportFormat.DOCX);
      String words = ReportDocuments.docxText(ReportDocuments.docx(batch.document()));
      assertThat(batch.fileName()).endsWith(".docx");
      assertThat(words).contains("a.png", "b.png");
    }
  }

  @Test
  void badFilesAreNamedInAMessageAndLeaveTheOtherImagesAlone() {
    BufferedImage[] good = WebTestData.pair(320, 240, 4);
    byte[] jpeg = WebTestData.encode(good[0], "jpg");
    view.receive("good.png", WebTestData.encode(good[0], "png"));
    view.receive("notes.png", "these are my notes, not an image".getBytes());
    view.receive("empty.jpg", new byte[0]);
    view.receive("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
    awaitAllSettled();

    synchronized (context) {
      assertThat(context.errors).hasSize(3);
      assertThat(context.errors.get(0)).startsWith("notes.png: ").contains("not a recognised image");
      assertThat(context.errors.get(1)).startsWith("empty.jpg: ").contains("empty (0 bytes)");
      assertThat(context.errors.get(2)).startsWith("cut.jpg: ").contains("truncated");
      assertThat(view.cases()).extracting(ImageCase::status).containsExactly(
          ImageCase.Status.DONE, ImageCase.Status.FAILED, ImageCase.Status.FAILED,
          ImageCase.Status.FAILED);
      assertThat(view.selected().fileName()).isEqualTo("good.png");
      assertThat(view.detail().overlay()).isNotNull();
    }

    view.select(view.cases().get(1));
    assertThat(view.detail().overlay()).isNull();
    assertThat(view.detail().getElement().getTextRecursively()).contains("not a recognised image");
  }

  @Test
  void aSettledThresholdUpdatesTheFigures() {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 5)[0], "png"));
    awaitAllSettled();
    ImageCase c = view.selected();
    long atHalf = c.analysis().areaPx();

    ThresholdOverlay overlay = view.detail().overlay();
    ComponentUtil.fireEvent(overlay, new ThresholdOverlay.ThresholdChangedEvent(overlay, true, 0.8));

    assertThat(c.threshold()).isEqualTo(0.8);
    assertThat(c.analysis().areaPx()).isPositive().isLessThan(atHalf);
    assertThat(view.detail().metrics().areaText())
        .contains(String.format("%,d px", c.analysis().areaPx()));
  }

  @Test
  void aGroundTruthMaskGivesDiceAndIouAndAWrongSizedOneIsRefused() {
    BufferedImage[] pair = WebTestData.pair(320, 240, 6);
    view.receive("frame.png", WebTestData.encode(pair[0], "png"));
    awaitAllSettled();
    CaseDetail detail = view.detail();

    detail.receiveTruth("small.png", WebTestData.encode(WebTestData.pair(100, 80, 7)[1], "png"));
    assertThat(context.errors).containsExactly(
        "small.png: the mask is 100×80 px but frame.png is 320×240 px");
    assertThat(view.selected().truth()).isNull();

    detail.receiveTruth("broken.png", new byte[] {1, 2, 3});
    assertThat(context.errors.get(1)).startsWith("broken.png: ");

    detail.receiveTruth("frame-mask.png", WebTestData.encode(pair[1], "png"));
    assertThat(view.selected().truthFileName()).isEqualTo("frame-mask.png");
    // The stand-in model finds the ellipse exactly.
    assertThat(view.selected().analysis().dice()).isEqualTo(1.0);
    assertThat(detail.metrics().diceText()).isEqualTo("1.000");
    assertThat(detail.metrics().iouText()).isEqualTo("1.000");
  }

  @Test
  void theUsersAllowanceAndTheAuditLogCoverThePage(@org.junit.jupiter.api.io.TempDir Path folder)
      throws Exception {
    Path log = folder.resolve("audit.jsonl");
    view = new SegmentView(jobs, reports,
        new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50),
        WebTestData.videoJobs(), WebTestData.clipReports(reports),
        new PageAccounting(new org.polypseg.web.audit.AuditLog(
            new org.polypseg.web.audit.AuditProperties(true, log.toString(),
                DataSize.ofMegabytes(1), 1), java.time.Clock.systemUTC()),
            new org.polypseg.web.fairuse.FairUse(
                new org.polypseg.web.fairuse.FairUseProperties(1, 2))));
    view.useContext(context);
    byte[] a = WebTestData.encode(WebTestData.pair(64, 48, 1)[0], "png");
    byte[] b = WebTestData.encode(WebTestData.pair(64, 48, 2)[0], "png");
    byte[] c = WebTestData.encode(WebTestData.pair(64, 48, 3)[0], "png");
    view.receive("Patient-Smith-1.png", a);
    view.receive("Patient-Smith-2.png", b);
    view.receive("Patient-Smith-3.png", c);
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.cases().stream().map(ImageCase::status)).containsExactly(
          ImageCase.Status.DONE, ImageCase.Status.DONE, ImageCase.Status.FAILED);
      assertThat(context.errors).singleElement().asString()
          .startsWith("Patient-Smith-3.png: not segmented").contains("add it again in");
    }
    String text = java.nio.file.Files.readString(log);
    assertThat(text.lines()).hasSize(3);
    // Written as each ends: the refused one at once, the others when segmented.
    assertThat(text.lines().filter(l -> l.contains(UploadTag.of(a)))).singleElement().asString()
        .contains("\"action\":\"segment\"", "\"uploads\":[\"" + UploadTag.of(a) + "\"]",
            "\"outcome\":\"ok\"");
    assertThat(text.lines().filter(l -> l.contains(UploadTag.of(c)))).singleElement().asString()
        .contains("\"outcome\":\"rate-limited\"");
    assertThat(text).doesNotContain("Smith", ".png");
  }

  private void awaitAllSettled() {
    await(() -> {
      synchronized (context) {
        return view.cases().stream().noneMatch(c -> c.status() == ImageCase.Status.SEGMENTING);
      }
    }, Duration.ofSeconds(20));
  }

  private static void await(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static long count(boolean[] mask) {
    long n = 0;
    for (boolean b : mask) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
