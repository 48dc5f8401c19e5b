package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.report.ReportDocuments;
import org.polypseg.report.ReportFormat;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.audit.AuditProperties;
import org.polypseg.web.fairuse.FairUse;
import org.polypseg.web.fairuse.FairUseProperties;
import org.springframework.util.unit.DataSize;

/** The segmentation page's behaviour, without a browser: the view built with its services. */
class SegmentViewTest extends PageTestSupport {

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
      assertThat(single.fileName()).startsWith("polyp-report-study-12-a-").endsWith(".pdf");
      assertThat(text).contains("study 12", "a.png", "0.70").doesNotContain("b.png");
      assertThat(text).containsIgnoringCase("dice");

      ReportDownloads.Report batch = downloads.render(view.cases(), null, ReportFormat.DOCX);
      String words = ReportDocuments.docxText(ReportDocuments.docx(batch.document()));
      assertThat(batch.fileName()).endsWith(".docx");
      assertThat(words).contains("a.png", "b.png");
    }
  }

  @Test
  void aPageReportIsAuditedWithItsUploadsAndRefusedWithAMessageOverTheAllowance(
      @TempDir Path folder) throws Exception {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 1)[0], "png"));
    awaitAllSettled();
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = WebTestData.accountingLoggingTo(log, 1);
    ImageCase first;
    DownloadHandler pdf;
    synchronized (context) {
      first = view.cases().get(0);
      pdf = new ReportDownloads(reports, context, accounting).single(first, ReportFormat.PDF);
    }

    ByteArrayOutputStream served = new ByteArrayOutputStream();
    pdf.handleDownloadRequest(WebTestData.download(served));
    assertThat(served.toByteArray()).startsWith('%', 'P', 'D', 'F');
    synchronized (context) {
      assertThat(first.changedSinceReport()).as("marked as reported").isFalse();
      first.setThreshold(0.8);
      assertThat(first.changedSinceReport()).isTrue();
    }

    ByteArrayOutputStream nothing = new ByteArrayOutputStream();
    DownloadEvent refused = WebTestData.download(nothing);
    pdf.handleDownloadRequest(refused);
    verify(refused.getResponse()).setStatus(429);
    assertThat(nothing.toByteArray()).isEmpty();
    synchronized (context) {
      assertThat(context.errors).singleElement().asString()
          .startsWith("The PDF report was not made: many requests came from here");
      assertThat(first.changedSinceReport()).as("a refused report marks nothing").isTrue();
    }
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"action\":\"report\"", "\"item\":\"pdf\"",
        "\"uploads\":[\"" + first.uploadTag() + "\"]", "\"outcome\":\"ok\"");
    assertThat(lines.get(1)).contains("\"outcome\":\"rate-limited\"");
  }

  @Test
  void aBatchReportListsTheFilesThatFailedWithTheirReason() {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 1)[0], "png"));
    view.receive("b.png", WebTestData.encode(WebTestData.pair(200, 160, 2)[0], "png"));
    view.receive("notes.png", "these are my notes, not an image".getBytes());
    awaitAllSettled();
    ReportDownloads downloads = new ReportDownloads(reports, context, PageAccounting.off());
    synchronized (context) {
      ReportDownloads.Report batch = downloads.render(view.cases(), null, ReportFormat.PDF);
      String text = ReportDocuments.pdfText(batch.document()).replaceAll("\\s+", " ");
      assertThat(text).contains("Files not analysed", "notes.png", "2 (1 not analysed)",
          "a.png", "b.png");
      assertThat(batch.fileName()).startsWith("polyp-batch-report-3-images-");
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
      // One message per bad file; files are decoded on a pool, so in the order they fail.
      assertThat(context.errors).hasSize(3);
      assertThat(context.errors).anySatisfy(e -> assertThat(e).startsWith("notes.png: ")
          .contains("not a recognised image"));
      assertThat(context.errors).anySatisfy(e -> assertThat(e).startsWith("empty.jpg: ")
          .contains("empty (0 bytes)"));
      assertThat(context.errors).anySatisfy(e -> assertThat(e).startsWith("cut.jpg: ")
          .contains("truncated"));
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

    // The colour frame itself, given as its mask by mistake.
    detail.receiveTruth("frame.png", WebTestData.encode(pair[0], "png"));
    assertThat(context.errors.get(2)).startsWith("frame.png: not a ground-truth mask: ")
        .contains("black (background) and white (polyp)");
    assertThat(view.selected().truth()).isNull();

    detail.receiveTruth("frame-mask.png", WebTestData.encode(pair[1], "png"));
    assertThat(view.selected().truthFileName()).isEqualTo("frame-mask.png");
    // The stand-in model finds the ellipse exactly.
    assertThat(view.selected().analysis().dice()).isEqualTo(1.0);
    assertThat(detail.metrics().diceText()).isEqualTo("1.000");
    assertThat(detail.metrics().iouText()).isEqualTo("1.000");
  }

  @Test
  void imagesOnThePageAreNotCappedByTheAllowanceAndAreAudited(@org.junit.jupiter.api.io.TempDir Path folder)
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
    // An allowance of 1 a minute, burst 2, would have refused the third: images are shared out
    // by the fair inference queue instead, never capped for a user alone.
    synchronized (context) {
      assertThat(view.cases().stream().map(ImageCase::status)).containsExactly(
          ImageCase.Status.DONE, ImageCase.Status.DONE, ImageCase.Status.DONE);
      assertThat(context.errors).isEmpty();
    }
    String text = Files.readString(log);
    assertThat(text.lines()).hasSize(3);
    assertThat(text.lines().filter(l -> l.contains(UploadTag.of(a)))).singleElement().asString()
        .contains("\"action\":\"segment\"", "\"uploads\":[\"" + UploadTag.of(a) + "\"]",
            "\"outcome\":\"ok\"");
    assertThat(text.lines().filter(l -> l.contains(UploadTag.of(c)))).singleElement().asString()
        .contains("\"action\":\"segment\"", "\"outcome\":\"ok\"");
    assertThat(text).doesNotContain("Smith", ".png");
  }

  /**
   * The router makes a new view after the model page, and a reload a new UI: the tab's work
   * (images, masks, thresholds, labels, the image on screen) is shown again, and a result that
   * arrives meanwhile reaches the new view.
   */
  @Test
  void theTabsWorkOutlivesItsViewAsAfterTheModelPageOrAReload() {
    BufferedImage[] a = WebTestData.pair(320, 240, 11);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("b.png", WebTestData.encode(WebTestData.pair(200, 160, 12)[0], "png"));
    awaitAllSettled();
    String dice;
    synchronized (context) {
      view.select(view.cases().get(1));
      view.select(view.cases().get(0));
      CaseDetail detail = view.detail();
      detail.receiveTruth("a-mask.png", WebTestData.encode(a[1], "png"));
      ThresholdOverlay overlay = detail.overlay();
      ComponentUtil.fireEvent(overlay, new ThresholdOverlay.ThresholdChangedEvent(overlay, true,
          0.7));
      view.cases().get(0).setLabel("study 12");
      dice = detail.metrics().diceText();
      assertThat(dice).isNotEqualTo("—");
    }
    view.receive("c.png", WebTestData.encode(WebTestData.pair(256, 256, 13)[0], "png"));

    SegmentView again = newView();
    again.useWork(view.work());
    awaitAllSettled();
    synchronized (context) {
      assertThat(again.cases()).extracting(ImageCase::fileName)
          .containsExactly("a.png", "b.png", "c.png");
      assertThat(again.strip().size()).isEqualTo(3);
      assertThat(again.cases()).allSatisfy(c ->
          assertThat(again.strip().statusOf(c)).as(c.fileName()).isEqualTo("done"));
      assertThat(again.selected().fileName()).isEqualTo("a.png");
      CaseDetail shown = again.detail();
      assertThat(shown.imageCase()).isSameAs(view.cases().get(0));
      assertThat(shown.overlay().getThreshold()).isEqualTo(0.7);
      assertThat(shown.metrics().diceText()).isEqualTo(dice);
      assertThat(shown.labelText()).isEqualTo("study 12");
      assertThat(shown.getElement().toString()).contains("a-mask.png");
      assertThat(again.batchReportsVisible()).isTrue();
      assertThat(again.clearAllButton().isVisible()).isTrue();
    }
  }

  @Test
  void everyCardCanBeRemovedFailedOnesIncludedAndTheNextIsShown() {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 21)[0], "png"));
    view.receive("notes.png", "not an image".getBytes());
    view.receive("b.png", WebTestData.encode(WebTestData.pair(320, 240, 22)[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      ImageCase a = view.cases().get(0);
      ImageCase notes = view.cases().get(1);
      ImageCase b = view.cases().get(2);
      assertThat(notes.status()).isEqualTo(ImageCase.Status.FAILED);

      view.remove(notes);
      assertThat(view.cases()).containsExactly(a, b);
      assertThat(view.strip().size()).isEqualTo(2);
      assertThat(view.strip().statusOf(notes)).isNull();
      assertThat(view.selected()).isSameAs(a);

      view.remove(a); // the one on screen: the next one takes its place
      assertThat(view.cases()).containsExactly(b);
      assertThat(view.selected()).isSameAs(b);
      assertThat(view.detail().imageCase()).isSameAs(b);
      assertThat(view.batchReportsVisible()).as("one image left").isFalse();

      view.select(a); // a click that raced the removal changes nothing
      assertThat(view.selected()).isSameAs(b);

      view.remove(b);
      assertThat(view.cases()).isEmpty();
      assertThat(view.selected()).isNull();
      assertThat(view.detail()).isNull();
      assertThat(view.getElement().getTextRecursively()).contains("Where does the model see");
      assertThat(view.clearAllButton().isVisible()).isFalse();
    }
  }

  @Test
  void clearAllAsksFirstThenForgetsEveryImage() {
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 31)[0], "png"));
    view.receive("b.png", WebTestData.encode(WebTestData.pair(320, 240, 32)[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      ClearAll clear = view.clearAllButton();
      assertThat(clear.isVisible()).isTrue();
      clear.clickAsk();
      assertThat(clear.asking()).isTrue();
      assertThat(clear.questionText()).startsWith("Remove all 2 images from this page?");
      assertThat(view.cases()).as("nothing gone before the answer").hasSize(2);
      clear.clickConfirm();
      assertThat(view.cases()).isEmpty();
      assertThat(view.strip().size()).isZero();
      assertThat(view.detail()).isNull();
      assertThat(view.batchReportsVisible()).isFalse();
      assertThat(clear.isVisible()).isFalse();
      assertThat(view.unsaved()).isFalse();
    }
  }

  @Test
  void workIsUnsavedFromItsSegmentationUntilAReportWithItAndAgainAfterAChange() {
    view.receive("notes.png", "not an image".getBytes());
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.unsaved()).as("a file that could not be used is nothing to lose").isFalse();
    }
    view.receive("a.png", WebTestData.encode(WebTestData.pair(320, 240, 41)[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      ImageCase c = view.selected();
      assertThat(view.unsaved()).isTrue();
      c.reported(c.revision());
      assertThat(view.unsaved()).isFalse();
      ThresholdOverlay overlay = view.detail().overlay();
      ComponentUtil.fireEvent(overlay, new ThresholdOverlay.ThresholdChangedEvent(overlay, true,
          0.8));
      assertThat(view.unsaved()).as("the threshold moved since the report").isTrue();
      int atReport = c.revision();
      c.setLabel("study 3");
      c.reported(atReport); // a report made before the label changed
      assertThat(view.unsaved()).isTrue();
    }
  }

  /**
   * Masks dropped where images go pair with the image of their base name, as on the API, whether
   * they come in the same drop (the image still being segmented) or later; one of another size is
   * named, and a picture with a taken name is an image of its own.
   */
  @Test
  void masksDroppedWithOrAfterTheirImagesPairByBaseName() {
    BufferedImage[] a = WebTestData.pair(320, 240, 51);
    BufferedImage[] b = WebTestData.pair(200, 160, 52);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("a.png", WebTestData.encode(a[1], "png")); // Kvasir-SEG: the same file name
    awaitAllSettled();
    view.receive("b.png", WebTestData.encode(b[0], "png"));
    view.receive("c.png", WebTestData.encode(WebTestData.pair(256, 256, 53)[0], "png"));
    awaitAllSettled();
    view.receive("B.PNG", WebTestData.encode(b[1], "png"));
    view.receive("c.bmp", WebTestData.encode(WebTestData.pair(100, 80, 54)[1], "bmp"));
    view.receive("b.tiff", WebTestData.encode(b[0], "tiff")); // b has its mask: a new image
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.cases()).extracting(ImageCase::fileName)
          .containsExactly("a.png", "b.png", "c.png", "b.tiff");
      assertThat(view.cases()).extracting(ImageCase::truthFileName)
          .containsExactly("a.png", "B.PNG", null, null);
      assertThat(view.cases().get(0).analysis().dice()).isEqualTo(1.0);
      assertThat(view.cases().get(1).analysis().dice()).isEqualTo(1.0);
      assertThat(context.errors).containsExactly(
          "c.bmp: the mask is 100×80 px but c.png is 256×256 px");
    }
  }

  /**
   * The files of one drop arrive in any order: a mask that came (and was segmented) before its
   * image becomes the image's mask when the image comes, and its own card goes.
   */
  @Test
  void aMaskThatCameBeforeItsImageFindsItWhenItComes() {
    BufferedImage[] a = WebTestData.pair(320, 240, 61);
    BufferedImage[] b = WebTestData.pair(320, 240, 62);
    view.receive("a.png", WebTestData.encode(a[1], "png")); // the mask first
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.cases()).extracting(ImageCase::fileName).containsExactly("a.png");
    }
    view.receive("a.bmp", WebTestData.encode(a[0], "bmp"));
    view.receive("b.png", WebTestData.encode(b[1], "png")); // mask and image at once
    view.receive("b.tiff", WebTestData.encode(b[0], "tiff"));
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.cases()).extracting(ImageCase::fileName)
          .containsExactly("a.bmp", "b.tiff");
      assertThat(view.cases()).extracting(ImageCase::truthFileName)
          .containsExactly("a.png", "b.png");
      assertThat(view.cases()).allSatisfy(c -> assertThat(c.analysis().dice()).isEqualTo(1.0));
      assertThat(view.strip().size()).isEqualTo(2);
      assertThat(view.selected().fileName()).isEqualTo("a.bmp");
      assertThat(view.detail().imageCase().fileName()).isEqualTo("a.bmp");
      assertThat(context.errors).isEmpty();
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
