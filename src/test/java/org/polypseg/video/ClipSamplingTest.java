package org.polypseg.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which frames a sampling takes, and that the reader hands over those very frames. */
class ClipSamplingTest {

  static final int FRAMES = 40;

  /**
   * Frame i tells its own index: its left half is grey at 10 + 6 (i mod 40), its right half at
   * 20 + 40 (i div 40) (flat areas survive the lossy codecs within a few levels).
   */
  static List<BufferedImage> numberedFrames(int count) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      int low = 10 + 6 * (i % 40);
      int high = 20 + 40 * (i / 40);
      g.setColor(new Color(low, low, low));
      g.fillRect(0, 0, 32, 48);
      g.setColor(new Color(high, high, high));
      g.fillRect(32, 0, 32, 48);
      g.dispose();
      frames.add(image);
    }
    return frames;
  }

  /**
   * The index a numbered frame shows. The codecs' colour conversion (RGB to limited-range YUV and
   * back) returns flat grey about 4 levels darker, in every frame alike.
   */
  static int shownIndex(BufferedImage image) {
    long low = Math.round((meanGrey(image, 4, 28) + 4 - 10) / 6);
    long high = Math.round((meanGrey(image, 36, 60) + 4 - 20) / 40);
    return (int) (low + 40 * high);
  }

  private static double meanGrey(BufferedImage image, int x0, int x1) {
    long sum = 0;
    int n = 0;
    for (int y = 4; y < image.getHeight() - 4; y++) {
      for (int x = x0; x < x1; x++) {
        sum += image.getRGB(x, y) & 0xFF;
        n++;
      }
    }
    return (double) sum / n;
  }

  @Test
  void evenlySpacedTakesTheMiddleOfEqualStretches() {
    assertThat(ClipSampling.evenly(4).indices(40)).containsExactly(5, 15, 25, 35);
    assertThat(ClipSampling.evenly(1).indices(40)).containsExactly(20);
    assertThat(ClipSampling.evenly(40).indices(40)).hasSize(40).doesNotHaveDuplicates();
    assertThat(ClipSampling.evenly(3).indices(7)).containsExactly(1, 3, 5);
    assertThat(ClipSampling.evenly(3).count(7)).isEqualTo(3);
  }

  @Test
  void everyNthStartsAtTheFirstFrame() {
    assertThat(ClipSampling.every(10).indices(40)).containsExactly(0, 10, 20, 30);
    assertThat(ClipSampling.every(10).indices(41)).containsExactly(0, 10, 20, 30, 40);
    assertThat(ClipSampling.every(10).count(41)).isEqualTo(5);
    assertThat(ClipSampling.every(100).indices(40)).containsExactly(0);
    assertThat(ClipSampling.every(1).count(40)).isEqualTo(40);
  }

  @Test
  void outOfRangeIsSaidInWords() {
    assertThatThrownBy(() -> ClipSampling.evenly(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the number of frames must be at least 1, not 0");
    assertThatThrownBy(() -> ClipSampling.every(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the step must be at least 1 (every frame), not -2");
    assertThatThrownBy(() -> ClipSampling.evenly(41).indices(40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the clip has 40 frames; ask for at most 40");
    assertThat(ClipSampling.every(2).describe()).isEqualTo("every 2nd frame");
    assertThat(ClipSampling.every(11).describe()).isEqualTo("every 11th frame");
    assertThat(ClipSampling.every(21).describe()).isEqualTo("every 21st frame");
    assertThat(ClipSampling.evenly(1).describe()).isEqualTo("1 frame evenly spaced");
  }

  @ParameterizedTest
  @EnumSource(value = VideoFormat.class, names = {"MP4", "WEBM"})
  void theReaderHandsOverTheFramesAsked(VideoFormat format) throws Exception {
    byte[] clip = TestClips.encode(numberedFrames(FRAMES), format);
    for (ClipSampling sampling : List.of(ClipSampling.evenly(4), ClipSampling.every(3),
        ClipSampling.every(1))) {
      try (ClipReader reader = ClipReader.open(clip, "clip." + format.extension(),
          VideoLimits.DEFAULT)) {
        long total = ClipSampling.frameCount(reader);
        assertThat(total).isEqualTo(FRAMES);
        List<Integer> wanted = sampling.indices(total);
        List<Integer> got = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        int handed = ClipSampling.read(reader, wanted, f -> {
          got.add(f.index());
          shown.add(shownIndex(f.image()));
        });
        assertThat(handed).isEqualTo(wanted.size());
        assertThat(got).as(sampling.describe()).isEqualTo(wanted);
        assertThat(shown).as(sampling.describe() + ": the pictures are those frames")
            .isEqualTo(wanted);
      }
    }
  }

  @Test
  void seeksFarAndReadsOnNearAndStopsWhereTheClipEnds() throws Exception {
    byte[] clip = TestClips.encode(numberedFrames(200), VideoFormat.WEBM);
    try (ClipReader reader = ClipReader.open(clip, "long.webm", VideoLimits.DEFAULT)) {
      List<Integer> shown = new ArrayList<>();
      // 2 then 190 (a seek), 191 (read on), then past the end: the header said more than there is.
      int handed = ClipSampling.read(reader, List.of(2, 190, 191, 250, 260),
          f -> shown.add(shownIndex(f.image())));
      assertThat(handed).isEqualTo(3);
      assertThat(shown).containsExactly(2, 190, 191);
    }
  }

  @Test
  void rewindGoesBackToTheFirstFrame() throws Exception {
    byte[] clip = TestClips.encode(numberedFrames(10), VideoFormat.WEBM);
    try (ClipReader reader = ClipReader.open(clip, "clip.webm", VideoLimits.DEFAULT)) {
      while (reader.next() != null) {
        // to the end
      }
      reader.rewind();
      DecodedFrame first = reader.next();
      assertThat(first.index()).isZero();
      assertThat(shownIndex(first.image())).isZero();
      assertThat(reader.next().index()).isEqualTo(1);
    }
  }
}
