package org.polypseg.video;

import java.time.Duration;
import java.util.Locale;

/**
 * What a clip may be, checked from its container header before any frame is decoded and again
 * while it is read (a header can understate its length).
 *
 * @param maxBytes largest file accepted, bytes
 * @param maxDuration longest clip accepted
 * @param maxFrames most video frames accepted
 * @param maxPixels largest frame accepted, width x height in pixels
 */
public record VideoLimits(long maxBytes, Duration maxDuration, long maxFrames, long maxPixels) {

  /** 200 MB, 15 minutes, 30,000 frames, 1920 x 1080 (2.1 megapixels). */
  public static final VideoLimits DEFAULT =
      new VideoLimits(200L << 20, Duration.ofMinutes(15), 30_000, 1920L * 1080);

  public VideoLimits {
    if (maxBytes <= 0 || maxDuration.isNegative() || maxDuration.isZero() || maxFrames <= 0
        || maxPixels <= 0) {
      throw new IllegalArgumentException("polypseg.video limits must be positive");
    }
  }

  /** The message for a file over the size limit, naming it. */
  public String tooLarge(String name, long bytes) {
    return String.format(Locale.ROOT, "%s: the file is %.1f MB, more than the limit of %.1f MB for"
        + " a video", name, bytes / 1048576.0, maxBytes / 1048576.0);
  }

  /** The limits in words, for messages and the README. */
  public String describe() {
    return String.format(Locale.ROOT, "at most %d MB, %s, %,d frames and %.1f megapixels a frame",
        maxBytes >> 20, minutes(maxDuration), maxFrames, maxPixels / 1e6);
  }

  static String minutes(Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 ? (s / 60) + " min" : s + " s";
  }
}
