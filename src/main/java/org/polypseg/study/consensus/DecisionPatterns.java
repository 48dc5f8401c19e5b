package org.polypseg.study.consensus;

/**
 * Pixels counted by the raters' decisions at them. Rater j's decision is bit j of the pattern
 * (1 = polyp), so with R raters there are 2^R patterns. With one global prior, STAPLE's posterior
 * at a pixel depends only on its pattern: these counts are all it needs, however many frames and
 * pixels were added, and the frames need not be kept in memory.
 */
public final class DecisionPatterns {

  /** Most raters supported: 2^20 counts are 8 MiB; annotation studies have a handful of raters. */
  public static final int MAX_RATERS = 20;

  private final int raters;
  private final long[] counts;
  private long pixels;
  private long labels;

  /** Empty counts for {@code raters} raters, 1..{@link #MAX_RATERS}. */
  public DecisionPatterns(int raters) {
    if (raters < 1 || raters > MAX_RATERS) {
      throw new IllegalArgumentException("raters must be 1.." + MAX_RATERS + ": " + raters);
    }
    this.raters = raters;
    this.counts = new long[1 << raters];
  }

  /**
   * Counts the pixels of one frame.
   *
   * @param masks {@code masks[rater][pixel]}, one mask per rater, all of one length
   */
  public void add(boolean[][] masks) {
    checkShape(masks, raters);
    for (int i = 0; i < masks[0].length; i++) {
      counts[pattern(masks, i)]++;
    }
    for (boolean[] mask : masks) {
      for (boolean polyp : mask) {
        if (polyp) {
          labels++;
        }
      }
    }
    pixels += masks[0].length;
  }

  /** The pattern of pixel {@code i}: bit j set where rater j marked it polyp. */
  public static int pattern(boolean[][] masks, int i) {
    int pattern = 0;
    for (int j = 0; j < masks.length; j++) {
      if (masks[j][i]) {
        pattern |= 1 << j;
      }
    }
    return pattern;
  }

  /** Whether rater {@code j} marked polyp in {@code pattern}. */
  public static boolean polyp(int pattern, int j) {
    return (pattern >>> j & 1) == 1;
  }

  public int raters() {
    return raters;
  }

  /** Pixels added, each counted once (not once per rater). */
  public long pixels() {
    return pixels;
  }

  /** Pixels whose raters' decisions are {@code pattern}. */
  public long count(int pattern) {
    return counts[pattern];
  }

  /** Mean share of pixels marked polyp, over raters and pixels, 0..1; NaN before any pixel. */
  public double labelFraction() {
    return (double) labels / ((double) pixels * raters);
  }

  static void checkShape(boolean[][] masks, int raters) {
    if (masks.length != raters) {
      throw new IllegalArgumentException(masks.length + " masks for " + raters + " raters");
    }
    for (boolean[] mask : masks) {
      if (mask.length != masks[0].length) {
        throw new IllegalArgumentException(
            "masks of one frame differ in size: " + mask.length + " and " + masks[0].length);
      }
    }
  }
}
