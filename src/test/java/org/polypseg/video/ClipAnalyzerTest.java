package org.polypseg.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;

/** The streamed analysis, with a stand-in model that finds the synthetic clip's dark ellipse. */
class ClipAnalyzerTest {

  private static final ModelSummary MODEL =
      new ModelSummary("test-model", "ab".repeat(32), "strange", 4, 2, 256);

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Polyp where the frame is dark red (green channel below 100): the synthetic ellipse. */
  static Segmentation darkRed(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] p = new float[rgb.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = ((rgb[i] >> 8) & 0xFF) < 100 ? 0.9f : 0.05f;
    }
    return new Segmentation(w, h, p, 1, MODEL);
  }

  @Test
  void analysesEveryStrideThFrameAndAnnotatesEveryFrame() throws Exception {
    List<BufferedImage> frames = TestClips.syntheticFrames(13, 96, 72);
    byte[] clip = TestClips.encode(frames, VideoFormat.WEBM);
    List<AnalysedFrame> analysed = new ArrayList<>();
    byte[] annotated;
    ClipSummary summary;
    try (ClipReader reader = ClipReader.open(clip, "clip.webm", VideoLimits.DEFAULT);
        ClipWriter writer = ClipWriter.inMemory(VideoFormat.WEBM, 96, 72, 25)) {
      summary = new ClipAnalyzer(FrameInference.direct(ClipAnalyzerTest::darkRed),
          new AnalysisSettings(3, 0.5)).analyze(reader, writer, new AnalysisListener() {
            @Override
            public void analysed(AnalysedFrame frame) {
              analysed.add(frame);
            }
          });
      annotated = writer.finish();
    }
    assertThat(summary.frames()).isEqualTo(13);
    assertThat(summary.analysedFrames()).isEqualTo(5);
    assertThat(analysed).extracting(f -> f.figures().index()).containsExactly(0, 3, 6, 9, 12);
    assertThat(analysed).allSatisfy(f -> {
      assertThat(f.figures().areaFraction()).isBetween(0.01, 0.9);
      assertThat(f.figures().regions()).isGreaterThanOrEqualTo(1);
      assertThat(f.figures().maxProbability()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(f.map().width()).isEqualTo(96);
      // The reduced map agrees with the exact area to within the map's resolution.
      assertThat(f.map().areaFraction(0.5)).isCloseTo(f.figures().areaFraction(),
          org.assertj.core.data.Offset.offset(0.02));
    });

    // The annotated clip has every frame, with the polyp tinted green.
    try (ClipReader reader = ClipReader.open(annotated, "annotated.webm", VideoLimits.DEFAULT)) {
      int count = 0;
      DecodedFrame frame;
      while ((frame = reader.next()) != null) {
        // Frames between analysed ones carry the last analysed frame's overlay.
        Segmentation shown = darkRed(frames.get(count - count % 3));
        int polypPixel = firstPolypPixel(shown);
        int x = polypPixel % 96;
        int y = polypPixel / 96;
        int before = (frames.get(count).getRGB(x, y) >> 16) & 0xFF;
        int after = (frame.image().getRGB(x, y) >> 16) & 0xFF;
        // The green tint (42 % of 0x00D68F) takes red down to 58 %.
        assertThat(after).as("red at a polyp pixel of frame %d", count)
            .isLessThan((int) (0.75 * before));
        count++;
      }
      assertThat(count).isEqualTo(13);
    }
  }

  @Test
  void keepsFramesInOrderAndHoldsNoMoreThanItsShareOfThePool() throws Exception {
    byte[] clip = TestClips.encode(TestClips.syntheticFrames(20, 64, 48), VideoFormat.WEBM);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Random random = new Random(5);
    FrameInference slowAndOutOfOrder = new FrameInference() {
      @Override
      public CompletableFuture<Segmentation> segment(BufferedImage frame) {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long delay = random.nextInt(20);
        return CompletableFuture.supplyAsync(() -> {
          try {
            TimeUnit.MILLISECONDS.sleep(delay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return darkRed(frame);
        }, pool);
      }

      @Override
      public int parallelism() {
        return 3;
      }
    };
    List<Integer> order = new ArrayList<>();
    try (ClipReader reader = ClipReader.open(clip, "clip.webm", VideoLimits.DEFAULT)) {
      new ClipAnalyzer(slowAndOutOfOrder, new AnalysisSettings(1, 0.5)).analyze(reader, null,
          new AnalysisListener() {
            @Override
            public void analysed(AnalysedFrame frame) {
              order.add(frame.figures().index());
            }
          });
    }
    assertThat(order).hasSize(20).isSorted();
    assertThat(most.get()).isBetween(1, 3);
  }

  @Test
  void stopsWhenCancelled() {
    byte[] clip = TestClips.encode(TestClips.syntheticFrames(10, 64, 48), VideoFormat.WEBM);
    AtomicInteger done = new AtomicInteger();
    assertThatThrownBy(() -> {
      try (ClipReader reader = ClipReader.open(clip, "clip.webm", VideoLimits.DEFAULT)) {
        new ClipAnalyzer(FrameInference.direct(ClipAnalyzerTest::darkRed),
            new AnalysisSettings(1, 0.5)).analyze(reader, null, new AnalysisListener() {
              @Override
              public void frameDone(int framesDone) {
                done.set(framesDone);
              }

              @Override
              public boolean cancelled() {
                return done.get() >= 3;
              }
            });
      }
    }).isInstanceOf(CancellationException.class);
    assertThat(done.get()).isBetween(3, 4);
  }

  private static int firstPolypPixel(Segmentation s) {
    // An interior pixel: polyp with polyp on every side, away from the outline.
    float[] p = s.probabilities();
    int w = s.width();
    for (int i = 3 * w; i < p.length - 3 * w; i++) {
      if (p[i] > 0.5 && p[i - 3] > 0.5 && p[i + 3] > 0.5 && p[i - 3 * w] > 0.5
          && p[i + 3 * w] > 0.5) {
        return i;
      }
    }
    throw new AssertionError("no polyp in the synthetic frame");
  }
}
