package org.polypseg.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The project's encoder and decoder agree, in every format, and bad clips are named. */
class ClipCodecTest {

  private static final List<BufferedImage> FRAMES = TestClips.syntheticFrames(12, 96, 72);

  @ParameterizedTest
  @EnumSource(VideoFormat.class)
  void decodesWhatItEncodedFrameForFrame(VideoFormat format) throws Exception {
    byte[] clip = TestClips.encode(FRAMES, format);
    try (ClipReader reader = ClipReader.open(clip, "clip." + format.extension(),
        VideoLimits.DEFAULT)) {
      assertThat(reader.info().width()).isEqualTo(96);
      assertThat(reader.info().height()).isEqualTo(72);
      assertThat(reader.info().framesPerSecond()).isCloseTo(25, org.assertj.core.data.Offset.offset(0.5));
      int count = 0;
      DecodedFrame frame;
      double lastTime = -1;
      while ((frame = reader.next()) != null) {
        assertThat(frame.index()).isEqualTo(count);
        assertThat(frame.timeSeconds()).isGreaterThan(lastTime);
        lastTime = frame.timeSeconds();
        // Lossy, but the picture survives: the mean colour is within a few levels.
        assertThat(meanRed(frame.image())).isCloseTo(meanRed(FRAMES.get(count)),
            org.assertj.core.data.Offset.offset(8.0));
        count++;
      }
      assertThat(count).isEqualTo(FRAMES.size());
    }
  }

  @Test
  void seeksToAFrame() throws Exception {
    byte[] clip = TestClips.encode(FRAMES, VideoFormat.WEBM);
    try (ClipReader reader = ClipReader.open(clip, "clip.webm", VideoLimits.DEFAULT)) {
      DecodedFrame frame = reader.frameAt(9);
      assertThat(frame).isNotNull();
      assertThat(frame.index()).isEqualTo(9);
      assertThat(frame.timeSeconds()).isCloseTo(9 / 25.0, org.assertj.core.data.Offset.offset(0.02));
    }
  }

  @Test
  void truncatedContainerIsNamed() {
    byte[] clip = TestClips.encode(FRAMES, VideoFormat.MP4);
    // An MP4 cut before its index: the container cannot be opened at all.
    byte[] truncated = Arrays.copyOf(clip, 200);
    assertThatThrownBy(() -> ClipReader.open(truncated, "cut.mp4", VideoLimits.DEFAULT))
        .isInstanceOf(VideoReadException.class)
        .hasMessageStartingWith("cut.mp4: not a readable video");
  }

  @Test
  void garbageIsNamed() {
    byte[] junk = new byte[5000];
    new java.util.Random(3).nextBytes(junk);
    assertThatThrownBy(() -> ClipReader.open(junk, "junk.avi", VideoLimits.DEFAULT))
        .isInstanceOf(VideoReadException.class).hasMessageStartingWith("junk.avi: ")
        .hasMessageContaining("supported: MP4 (H.264), WebM (VP8/VP9), AVI, MOV");
  }

  @Test
  void audioOnlyIsNamed() {
    assertThatThrownBy(() -> ClipReader.open(TestClips.audioOnly(), "tone.wav",
        VideoLimits.DEFAULT))
        .isInstanceOf(VideoReadException.class)
        .hasMessage("tone.wav: the file holds audio only, no video stream");
  }

  @Test
  void clipWithoutFramesIsNamed() {
    ClipAnalyzer analyzer = new ClipAnalyzer(FrameInference.direct(f -> {
      throw new AssertionError("no frame to segment");
    }), new AnalysisSettings(1, 0.5));
    assertThatThrownBy(() -> {
      try (ClipReader reader = ClipReader.open(TestClips.emptyClip(), "empty.avi",
          VideoLimits.DEFAULT)) {
        analyzer.analyze(reader, null, new AnalysisListener() {});
      }
    }).isInstanceOf(VideoReadException.class).hasMessageStartingWith("empty.avi: ")
        .hasMessageContaining("no video frames");
  }

  @Test
  void clipsOverTheLimitsAreNamedWithTheLimit() throws Exception {
    byte[] clip = TestClips.encode(FRAMES, VideoFormat.WEBM);
    VideoLimits tinyFrames = new VideoLimits(1 << 20, Duration.ofMinutes(1), 1000, 64 * 48);
    assertThatThrownBy(() -> ClipReader.open(clip, "big.webm", tinyFrames))
        .isInstanceOf(VideoReadException.class)
        .hasMessage("big.webm: the frames are 96×72 px (0.0 megapixels), more than the limit of"
            + " 0.0 megapixels");
    VideoLimits fewBytes = new VideoLimits(1000, Duration.ofMinutes(1), 1000, 1 << 20);
    assertThatThrownBy(() -> ClipReader.open(clip, "big.webm", fewBytes))
        .isInstanceOf(VideoReadException.class)
        .hasMessageContaining("more than the limit of 0.0 MB")
        .matches(e -> ((VideoReadException) e).overSizeLimit());
    VideoLimits fewFrames = new VideoLimits(1 << 20, Duration.ofMinutes(1), 5, 1 << 20);
    assertThatThrownBy(() -> {
      try (ClipReader reader = ClipReader.open(clip, "long.webm", fewFrames)) {
        while (reader.next() != null) {
          // read to the limit
        }
      }
    }).isInstanceOf(VideoReadException.class).hasMessageStartingWith("long.webm: the clip has")
        .hasMessageContaining("5");
  }

  private static double meanRed(BufferedImage image) {
    long sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += (image.getRGB(x, y) >> 16) & 0xFF;
      }
    }
    return (double) sum / (image.getWidth() * image.getHeight());
  }
}
