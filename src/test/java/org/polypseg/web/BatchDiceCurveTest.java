package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polypseg.image.Images;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.ThresholdCurve;
import java.util.List;
import static org.assertj.core.api.Assertions.within;
import org.polypseg.web.WebTestData.RecordingContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The batch's Dice against threshold: the mean of the images with masks, best marked, applied. */
class BatchDiceCurveTest {

  private final SegmentationJobs jobs = new SegmentationJobs(WebTestData.colourSegmenter());
  private final UI ui = new UI();
  private final RecordingContext context = new RecordingContext(ui);
  private final ReportService reports = new ReportService(ReportTemplates.defaults(), null);
  private SegmentView view;

  @BeforeEach
  void setUp() {
    UI.setCurrent(ui);
    view = WebTestData.segmentView(jobs, reports, context);
  }

  @AfterEach
  void tearDown() {
    jobs.close();
    UI.setCurrent(null);
  }

  @Test
  void twoImagesWithMasksShowTheMeanCurveAndItsBestGoesToEveryImage() throws Exception {
    BufferedImage[] a = WebTestData.pair(320, 240, 1);
    BufferedImage[] b = WebTestData.pair(200, 160, 2);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("b.png", WebTestData.encode(b[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).as("no masks yet").isFalse();
    }
    // Masks dropped later pair by base name.
    view.receive("a.bmp", WebTestData.encode(a[1], "bmp"));
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).as("one mask").isFalse();
    }
    view.receive("b.bmp", WebTestData.encode(b[1], "bmp"));
    double best;
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).isTrue();
      List<ImageCase> cases = view.cases();
      double[] mean = ThresholdCurve.mean(cases.stream().map(c -> ThresholdCurve.dice(
          c.segmentation().probabilities(), c.truth())).toList());
      best = ThresholdCurve.threshold(ThresholdCurve.best(mean));
      assertThat(view.batchCurve().best()).isEqualTo(best);
      view.applyThresholdToAll(best);
      assertThat(cases).allSatisfy(c -> assertThat(c.threshold()).isEqualTo(best));
      double meanDice = cases.stream().mapToDouble(c -> c.analysis().dice()).average().orElseThrow();
      assertThat(meanDice).isCloseTo(mean[ThresholdCurve.best(mean)], within(1e-9));
    }
  }

  private void awaitAllSettled() {
    WebTestData.awaitAllSettled(view, context);
  }

}
