package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polypseg.image.ImageLimits;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.web.WebTestData.RecordingContext;
import org.springframework.util.unit.DataSize;

/** The page tells the user when the server is too busy for an image, and goes on with the rest. */
class SegmentViewBusyTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final Segmenter slow = image -> {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return WebTestData.colourSegmenter().segment(image);
  };
  private final SegmentationJobs jobs = new SegmentationJobs(slow, ImageLimits.DEFAULT,
      PolypSegProperties.Inference.DEFAULTS.withQueue(2, 2).withBatching(1, Duration.ZERO)
          .withTimes(Duration.ofMinutes(1), Duration.ofSeconds(2)).withWorkers(1, 0));
  private final UI ui = new UI();
  private final RecordingContext context = new RecordingContext(ui);

  @AfterEach
  void tearDown() {
    release.countDown();
    jobs.close();
    UI.setCurrent(null);
  }

  @Test
  void aFullServerIsReportedAsBusyNamingTheFile() throws Exception {
    // Other users' images hold the only worker and the only place in the queue.
    var other = jobs.submit("other-user.png", png(1));
    var another = jobs.submit("another-user.png", png(4));
    UI.setCurrent(ui);
    var reports =
        new org.polypseg.report.ReportService(org.polypseg.report.ReportTemplates.defaults(), null);
    SegmentView view = new SegmentView(jobs, reports,
        new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50),
        WebTestData.videoJobs(), WebTestData.clipReports(reports), PageAccounting.off());
    view.useContext(context);

    view.receive("mine.png", png(2));

    synchronized (context) {
      assertThat(context.errors).singleElement().asString()
          .startsWith("mine.png: the server is busy").contains("try again");
      assertThat(view.cases()).singleElement()
          .extracting(ImageCase::status).isEqualTo(ImageCase.Status.FAILED);
    }
    release.countDown();
    assertThat(other.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    assertThat(another.get(30, TimeUnit.SECONDS)).isInstanceOf(SegmentationJobs.Segmented.class);
    view.receive("again.png", png(3));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (view.cases().get(1).status() == ImageCase.Status.SEGMENTING
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(view.cases().get(1).status()).isEqualTo(ImageCase.Status.DONE);
  }

  private static byte[] png(long seed) {
    return WebTestData.encode(WebTestData.pair(160, 120, seed)[0], "png");
  }
}
