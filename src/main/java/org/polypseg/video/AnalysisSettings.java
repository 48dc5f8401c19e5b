package org.polypseg.video;

/**
 * How a clip is analysed.
 *
 * @param stride every {@code stride}-th frame is segmented (1 = every frame); the frames between
 *     are annotated with the last analysed frame's map
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1: for the figures and
 *     the overlay burned into the annotated video
 */
public record AnalysisSettings(int stride, double threshold) {

  /** Largest stride accepted. */
  public static final int MAX_STRIDE = 100;

  /** @throws IllegalArgumentException with a message for the user */
  public AnalysisSettings {
    if (stride < 1 || stride > MAX_STRIDE) {
      throw new IllegalArgumentException(
          "stride must be between 1 and " + MAX_STRIDE + ", was " + stride);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
    }
  }
}
