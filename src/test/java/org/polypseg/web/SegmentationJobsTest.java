package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polypseg.image.ImageLimits;
import org.polypseg.segment.PolypSegProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The inference pool: one bad file never touches another, and the logs never name a file. */
@ExtendWith(OutputCaptureExtension.class)
class SegmentationJobsTest {

  @Test
  void aFileThatBreaksTheModelOrTheJvmLeavesTheOthersAlone(CapturedOutput output)
      throws Exception {
    Segmenter colour = WebTestData.colourSegmenter();
    Segmenter fragile = image -> {
      if (image.getWidth() == 111) {
        throw new IllegalStateException("native crash stand-in");
      }
      if (image.getWidth() == 113) {
        throw new StackOverflowError();
      }
      return colour.segment(image);
    };
    try (SegmentationJobs jobs = new SegmentationJobs(fragile, ImageLimits.DEFAULT,
        PolypSegProperties.Inference.DEFAULTS.withTimes(Duration.ofMinutes(1), Duration.ofSeconds(1)))) {
      List<CompletableFuture<SegmentationJobs.Outcome>> outcomes = new ArrayList<>();
      outcomes.add(jobs.submit("jane-doe-1970-01-01.png", png(111)));
      outcomes.add(jobs.submit("good-1.png", png(120)));
      outcomes.add(jobs.submit("john-roe-1980-02-02.png", png(113)));
      outcomes.add(jobs.submit("good-2.png", png(120)));

      assertThat(outcomes.get(0).get(30, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(SegmentationJobs.Rejected.class, r -> assertThat(r.message())
              .startsWith("jane-doe-1970-01-01.png: the model could not segment this image")
              .contains("upload-"));
      assertThat(outcomes.get(1).get(30, TimeUnit.SECONDS))
          .isInstanceOf(SegmentationJobs.Segmented.class);
      assertThat(outcomes.get(2).get(30, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(SegmentationJobs.Rejected.class, r -> assertThat(r.message())
              .startsWith("john-roe-1980-02-02.png: the server could not process this image"));
      assertThat(outcomes.get(3).get(30, TimeUnit.SECONDS))
          .isInstanceOf(SegmentationJobs.Segmented.class);
    }
    assertThat(output.getAll()).contains("upload-").doesNotContain("jane-doe", "john-roe");
  }

  @Test
  void theLogTagIsAShortHashOfTheBytes() {
    assertThat(UploadTag.of("abc".getBytes())).isEqualTo("upload-ba7816bf");
  }

  private static byte[] png(int width) {
    BufferedImage image = WebTestData.pair(width, 90, width)[0];
    return WebTestData.encode(image, "png");
  }
}
