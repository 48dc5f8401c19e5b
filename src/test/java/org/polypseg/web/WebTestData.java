package org.polypseg.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;
import org.polypseg.testing.SyntheticData;

/** Synthetic images and a stand-in for the model, for the web layer's tests without a network. */
final class WebTestData {

  static final ModelSummary MODEL =
      new ModelSummary("test-model", "ab".repeat(32), "strange", 4, 2, 256);

  private WebTestData() {}

  /** {image, mask}: a pink frame with one dark red ellipse (the "polyp"). */
  static BufferedImage[] pair(int width, int height, long seed) {
    return SyntheticData.pair(width, height, new Random(seed));
  }

  /**
   * Segments by colour: 0 on the pink background (green channel 170), and on the ellipse's red
   * (green channel 40) a ramp from 0.6 at the left edge to 1.0 at the right, so that thresholds
   * above 0.6 cut the polyp.
   */
  static Segmenter colourSegmenter() {
    return image -> {
      int w = image.getWidth();
      int h = image.getHeight();
      int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
      float[] p = new float[rgb.length];
      for (int i = 0; i < rgb.length; i++) {
        int green = (rgb[i] >> 8) & 0xFF;
        float red = Math.max(0f, Math.min(1f, (170f - green) / 130f));
        p[i] = red * (0.6f + 0.4f * (i % w) / (w - 1));
      }
      return new Segmentation(w, h, p, 1.5, MODEL);
    };
  }

  /** Clip jobs on the colour segmenter, with the default limits. */
  static org.polypseg.video.VideoJobs videoJobs() {
    return new org.polypseg.video.VideoJobs(
        org.polypseg.video.FrameInference.direct(colourSegmenter()::segment),
        org.polypseg.video.VideoProperties.DEFAULTS);
  }

  /** Clip reports on the colour segmenter. */
  static org.polypseg.video.ClipReportMaker clipReports(org.polypseg.report.ReportService reports) {
    return new org.polypseg.video.ClipReportMaker(reports,
        org.polypseg.video.FrameInference.direct(colourSegmenter()::segment), MODEL);
  }

  static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A UI context that runs commands at once, with {@code ui} as the current UI as UI.access does,
   * and keeps the messages shown to the user.
   */
  static final class RecordingContext implements UiContext {
    private final com.vaadin.flow.component.UI ui;
    final List<String> errors = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();

    RecordingContext(com.vaadin.flow.component.UI ui) {
      this.ui = ui;
    }

    @Override
    public synchronized void access(com.vaadin.flow.server.Command command) {
      com.vaadin.flow.component.UI previous = com.vaadin.flow.component.UI.getCurrent();
      com.vaadin.flow.component.UI.setCurrent(ui);
      try {
        command.execute();
      } catch (RuntimeException e) {
        // Commands run on the worker thread, where nothing else would report the failure.
        failures.add(e);
        throw e;
      } finally {
        com.vaadin.flow.component.UI.setCurrent(previous);
      }
    }

    @Override
    public synchronized void error(String message) {
      errors.add(message);
    }
  }

  /**
   * Waits (at most 20 s) until no image of {@code view} is still being segmented; the view is
   * read under {@code context}'s lock, as its UI commands run.
   */
  static void awaitAllSettled(SegmentView view, RecordingContext context) {
    long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (true) {
      synchronized (context) {
        if (view.cases().stream().noneMatch(c -> c.status() == ImageCase.Status.SEGMENTING)) {
          return;
        }
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("images still being segmented after 20 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * The page as the tests drive it: {@code jobs} and {@code reports}, the default upload limits,
   * no accounting, UI commands run with {@code context}.
   */
  static SegmentView segmentView(SegmentationJobs jobs,
      org.polypseg.report.ReportService reports, UiContext context) {
    SegmentView view = new SegmentView(jobs, reports,
        new org.polypseg.segment.PolypSegProperties(java.nio.file.Path.of("models"), "strange",
            org.springframework.util.unit.DataSize.ofMegabytes(20), 50),
        videoJobs(), clipReports(reports), PageAccounting.off());
    view.useContext(context);
    return view;
  }

  /**
   * A download request as the page's download handlers get it: its body goes to {@code body}; its
   * response ({@code event.getResponse()}) is a mock, to verify the status set.
   */
  static com.vaadin.flow.server.streams.DownloadEvent download(ByteArrayOutputStream body)
      throws IOException {
    com.vaadin.flow.server.VaadinResponse response =
        org.mockito.Mockito.mock(com.vaadin.flow.server.VaadinResponse.class);
    org.mockito.Mockito.when(response.getOutputStream()).thenReturn(body);
    return new com.vaadin.flow.server.streams.DownloadEvent(
        org.mockito.Mockito.mock(com.vaadin.flow.server.VaadinRequest.class), response, null, null);
  }

  /** Accounting that writes its audit lines to {@code log}, with a per-minute allowance (0: none). */
  static PageAccounting accountingLoggingTo(java.nio.file.Path log, int requestsPerMinute) {
    return new PageAccounting(new org.polypseg.web.audit.AuditLog(
        new org.polypseg.web.audit.AuditProperties(true, log.toString(),
            org.springframework.util.unit.DataSize.ofMegabytes(1), 1),
        java.time.Clock.systemUTC()),
        new org.polypseg.web.fairuse.FairUse(
            new org.polypseg.web.fairuse.FairUseProperties(requestsPerMinute, 1)));
  }
}
