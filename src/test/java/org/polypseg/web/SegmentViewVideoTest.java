package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.video.ClipReader;
import org.polypseg.video.TestClips;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoJobStatus;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoLimits;
import org.polypseg.web.WebTestData.RecordingContext;
import org.springframework.util.unit.DataSize;

/** A clip dropped where images go, without a browser: the view built with its services. */
class SegmentViewVideoTest {

  private final SegmentationJobs jobs = new SegmentationJobs(WebTestData.colourSegmenter());
  private final VideoJobs videos = WebTestData.videoJobs();
  private final UI ui = new UI();
  private final RecordingContext context = new RecordingContext(ui);
  private SegmentView view;

  @BeforeEach
  void setUp() {
    UI.setCurrent(ui);
    ReportService reports = new ReportService(ReportTemplates.defaults(), null);
    view = new SegmentView(jobs, reports,
        new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50),
        videos, WebTestData.clipReports(reports), PageAccounting.off());
    view.useContext(context);
  }

  @AfterEach
  void tearDown() {
    jobs.close();
    videos.close();
    UI.setCurrent(null);
  }

  @Test
  void aDroppedClipIsAnalysedAndItsTimelineFramesAndPlayerAppear() throws Exception {
    byte[] clip = TestClips.encode(TestClips.syntheticFrames(12, 160, 120), VideoFormat.WEBM);
    view.receive("procedure.webm", clip);

    VideoPanel panel;
    synchronized (context) {
      assertThat(context.errors).isEmpty();
      assertThat(view.cases()).as("a clip is not an image case").isEmpty();
      assertThat(view.videoPanels()).hasSize(1);
      panel = view.videoPanels().getFirst();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!panel.job().status().finished()) {
      assertThat(System.nanoTime()).as("the clip finishes").isLessThan(deadline);
      Thread.sleep(50);
    }
    synchronized (context) {
      panel.refresh();
      assertThat(panel.job().status()).isEqualTo(VideoJobStatus.DONE);
      assertThat(panel.finished()).isTrue();
      assertThat(panel.frames()).hasSize(12);
      assertThat(panel.shown()).as("the first analysed frame is on screen").isZero();
      assertThat(panel.getElement().toString()).contains("id=\"video-annotated\"")
          .contains("data-frames=\"12\"");
      // The synthetic "polyp" is in every frame: one stretch over the whole clip.
      assertThat(panel.getElement().toString()).contains("data-stretches=\"1\"");
      panel.show(7);
      assertThat(panel.shown()).isEqualTo(7);
    }
    try (ClipReader reader = ClipReader.open(panel.job().annotated(), "annotated.webm",
        VideoLimits.DEFAULT)) {
      int count = 0;
      while (reader.next() != null) {
        count++;
      }
      assertThat(count).isEqualTo(12);
    }
    assertThat(VideoPanel.progressText(panel.job().state())).startsWith("Done: 12 frames");

    // A new view of the tab (the model page and back, a reload) shows the clip again; Clear all
    // forgets it on the server too.
    SegmentView again = new SegmentView(jobs, new ReportService(ReportTemplates.defaults(), null),
        new PolypSegProperties(Path.of("models"), "strange", DataSize.ofMegabytes(20), 50),
        videos, WebTestData.clipReports(new ReportService(ReportTemplates.defaults(), null)),
        PageAccounting.off());
    again.useContext(context);
    again.useWork(view.work());
    synchronized (context) {
      assertThat(again.videoPanels()).singleElement()
          .satisfies(p -> assertThat(p.job().id()).isEqualTo(panel.job().id()));
      again.clearAllButton().clickAsk();
      assertThat(again.clearAllButton().questionText()).startsWith("Remove 1 clip from");
      again.clearAllButton().clickConfirm();
      assertThat(again.videoPanels()).isEmpty();
    }
    assertThat(videos.find(panel.job().id())).isEmpty();
  }

  @Test
  void aBrokenClipIsNamedInANotificationAndNoPanelIsMade() {
    byte[] clip = TestClips.encode(TestClips.syntheticFrames(6, 64, 48), VideoFormat.MP4);
    view.receive("cut.mp4", Arrays.copyOf(clip, 200));
    view.receive("empty.avi", TestClips.emptyClip());
    synchronized (context) {
      assertThat(context.errors).hasSize(2);
      assertThat(context.errors.get(0)).startsWith("cut.mp4: not a readable video");
      assertThat(context.errors.get(1)).startsWith("empty.avi: ").contains("no video frames");
      assertThat(view.videoPanels()).isEmpty();
    }
  }
}
