package org.polypseg.segment;

import java.util.List;

/**
 * Dice against the threshold: the model's prediction (before any hand correction) against a
 * ground-truth mask at each of the page's slider positions 0.00, 0.01, ..., 1.00, with the best
 * marked; for one image, and the mean over the images of a batch that have a mask.
 *
 * <p>Counted in one pass: each pixel falls in the bin of the highest threshold it still passes
 * ({@code p >= k / 100}, as {@link SegmentationService#analyze} reads it), and the counts above each
 * threshold give its true positives and predicted area.
 */
public final class ThresholdCurve {

  /** Thresholds on the curve: 0.00 to 1.00 in steps of 0.01. */
  public static final int POINTS = 101;

  private ThresholdCurve() {}

  /** The threshold of point {@code k}: k / 100. */
  public static double threshold(int k) {
    return k / 100.0;
  }

  /**
   * Dice at each threshold, 0 when no pixel is both predicted and true (the protocol's rule).
   *
   * @throws IllegalArgumentException when the mask's size differs from the map's
   */
  public static double[] dice(float[] probabilities, boolean[] truth) {
    if (truth.length != probabilities.length) {
      throw new IllegalArgumentException("the mask's size differs from the image's");
    }
    long[] positives = new long[POINTS];
    long[] predicted = new long[POINTS];
    long actual = 0;
    for (int i = 0; i < probabilities.length; i++) {
      int k = highestPassed(probabilities[i]);
      if (k >= 0) {
        predicted[k]++;
        if (truth[i]) {
          positives[k]++;
        }
      }
      if (truth[i]) {
        actual++;
      }
    }
    double[] dice = new double[POINTS];
    long tp = 0;
    long area = 0;
    for (int k = POINTS - 1; k >= 0; k--) {
      tp += positives[k];
      area += predicted[k];
      dice[k] = tp == 0 ? 0 : 2.0 * tp / (area + actual);
    }
    return dice;
  }

  /** The mean of several images' curves, point by point; null for none. */
  public static double[] mean(List<double[]> curves) {
    if (curves.isEmpty()) {
      return null;
    }
    double[] mean = new double[POINTS];
    for (double[] c : curves) {
      for (int k = 0; k < POINTS; k++) {
        mean[k] += c[k] / curves.size();
      }
    }
    return mean;
  }

  /** The point with the highest Dice (the lowest threshold among equals). */
  public static int best(double[] curve) {
    int best = 0;
    for (int k = 1; k < curve.length; k++) {
      if (curve[k] > curve[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The highest k with p &gt;= k / 100, or -1 when p passes none (p &lt; 0 or NaN). */
  private static int highestPassed(float p) {
    if (!(p >= 0)) {
      return -1;
    }
    int k = (int) Math.min(POINTS - 1, Math.floor(p * 100.0));
    while (k < POINTS - 1 && p >= threshold(k + 1)) {
      k++;
    }
    while (k > 0 && p < threshold(k)) {
      k--;
    }
    return k;
  }
}
