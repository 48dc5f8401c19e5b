package org.polypseg.video;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.polypseg.testing.SyntheticData;

/**
 * Clips made inside the tests by the project's own encoder: from consecutive CVC-ClinicDB
 * training frames (a real colonoscopy sequence) when ../shared/datasets is there, or synthetic.
 */
public final class TestClips {

  /** The CVC-ClinicDB sequence the tests use: consecutive frames of one colonoscopy video. */
  public static final int FIRST = 308;
  public static final int LAST = 348;

  private TestClips() {}

  /** The CVC-ClinicDB frames FIRST..LAST present in the training set, in order; null without data. */
  public static List<BufferedImage> cvcFrames() {
    Path datasets = SyntheticData.realDatasets();
    if (datasets == null) {
      return null;
    }
    Path images = datasets.resolve("TrainDataset/images");
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = FIRST; i <= LAST; i++) {
      Path file = images.resolve(i + ".png");
      if (Files.exists(file)) {
        try {
          frames.add(ImageIO.read(file.toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return frames.isEmpty() ? null : frames;
  }

  /** Synthetic frames: a pink frame with a dark ellipse (the "polyp") that moves a little. */
  public static List<BufferedImage> syntheticFrames(int count, int width, int height) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(SyntheticData.pair(width, height, new Random(i / 4))[0]);
    }
    return frames;
  }

  /** The frames encoded as a clip at 25 frames/s. */
  public static byte[] encode(List<BufferedImage> frames, VideoFormat format) {
    BufferedImage first = frames.getFirst();
    try (ClipWriter writer = ClipWriter.inMemory(format, first.getWidth(), first.getHeight(), 25)) {
      frames.forEach(writer::write);
      return writer.finish();
    }
  }

  /** A container with a video stream and no frame (AVI: the MP4 and WebM muxers leave none). */
  public static byte[] emptyClip() {
    try (ClipWriter writer = ClipWriter.inMemory(VideoFormat.AVI, 64, 48, 25)) {
      return writer.finish();
    }
  }

  /** A WAV file: one second of a 440 Hz tone, audio only. */
  public static byte[] audioOnly() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out, 0, 0, 1)) {
      recorder.setFormat("wav");
      recorder.setSampleRate(8000);
      recorder.start();
      short[] samples = new short[8000];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
      }
      recorder.recordSamples(ShortBuffer.wrap(samples));
      recorder.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
