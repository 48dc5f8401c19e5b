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
import org.polypseg.segment.ThresholdAnalysis;
import org.polypseg.web.WebTestData.RecordingContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Try a sample frame": offered when a folder of frames is set, and it segments one of them. */
class SampleFrameTest {

  private final SegmentationJobs jobs = new SegmentationJobs(WebTestData.colourSegmenter());
  private final UI ui = new UI();
  private final RecordingContext context = new RecordingContext(ui);
  private final ReportService reports = new ReportService(ReportTemplates.defaults(), null);
  private SegmentView view;

  @org.junit.jupiter.api.io.TempDir Path samples;

  @AfterEach
  void tearDown() {
    jobs.close();
    UI.setCurrent(null);
  }

  @Test
  void withAFolderOfFramesTheIntroductionOffersOneAndItIsSegmented() throws Exception {
    java.nio.file.Files.write(samples.resolve("sample-1.png"),
        WebTestData.encode(WebTestData.pair(320, 240, 1)[0], "png"));
    java.nio.file.Files.writeString(samples.resolve("notes.txt"), "not a frame");
    view = newView(samples.toString());
    assertThat(button()).isPresent();
    view.trySample();
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.cases()).singleElement().satisfies(c -> {
        assertThat(c.fileName()).isEqualTo("sample-1.png");
        assertThat(c.isDone()).isTrue();
      });
    }
  }

  @Test
  void withoutOneThereIsNoSuchButton() {
    view = newView("");
    assertThat(button()).isEmpty();
    view = newView(samples.resolve("missing").toString());
    assertThat(button()).isEmpty();
  }

  private java.util.Optional<com.vaadin.flow.component.Component> button() {
    return find(view).filter(c -> c.getId().filter("try-sample"::equals).isPresent()).findFirst();
  }

  private static java.util.stream.Stream<com.vaadin.flow.component.Component> find(
      com.vaadin.flow.component.Component root) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
        root.getChildren().flatMap(SampleFrameTest::find));
  }

  private SegmentView newView(String folder) {
    UI.setCurrent(ui);
    SegmentView v = new SegmentView(jobs, reports, new PolypSegProperties(Path.of("models"),
        "strange", DataSize.ofMegabytes(20), 50, 40_000_000L, PolypSegProperties.Inference.DEFAULTS,
        folder), WebTestData.videoJobs(), WebTestData.clipReports(reports), PageAccounting.off());
    v.useContext(context);
    return v;
  }

  private void awaitAllSettled() {
    WebTestData.awaitAllSettled(view, context);
  }

}
