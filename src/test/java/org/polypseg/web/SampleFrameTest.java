package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.PolypSegProperties;
import org.springframework.util.unit.DataSize;

/** "Try a sample frame": offered when a folder of frames is set, and it segments one of them. */
class SampleFrameTest extends PageTestSupport {

  @org.junit.jupiter.api.io.TempDir Path samples;

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

}
