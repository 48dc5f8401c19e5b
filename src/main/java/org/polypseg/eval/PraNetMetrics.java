package org.polypseg.eval;

/**
 * Dice and IoU of one image at PraNet's 256 thresholds, as its MATLAB reference code computes them
 * ({@code eval/main.m} and {@code Fmeasure_calu.m}).
 *
 * <p>Protocol: the truth is mask grey level &gt; 128. The prediction map is taken as an 8-bit grey
 * image (the reference reads saved PNGs; we quantise the same way, so re-scoring our
 * {@code --predictions} PNGs gives the same figures) and min-max normalised to [0, 1]. For each
 * threshold t in 1, 254/255, …, 1/255, 0 a pixel is positive when {@code map >= t}; with TP the
 * pixels both positive and true, P the positives and G the true pixels, Dice = 2TP / (G + P) and
 * IoU = TP / (G − TP + P), both 0 when TP = 0. A constant map cannot be normalised (the reference
 * divides by zero and every comparison with NaN is false): it scores 0 at every threshold.
 *
 * <p>mDice over a data set is the mean over thresholds of the mean over images; maxDice the best
 * threshold's mean over images (see {@link MetricsAccumulator}).
 */
public final class PraNetMetrics {

  /** Number of thresholds. */
  public static final int THRESHOLDS = 256;

  private PraNetMetrics() {}

  /**
   * Scores one image.
   *
   * @param probabilities the prediction map, values in [0, 1], row-major
   * @param truth true where the ground truth is polyp, same size
   * @return {dice[256], iou[256]}, index j for threshold (255 − j) / 255
   */
  public static double[][] score(float[] probabilities, boolean[] truth) {
    if (probabilities.length != truth.length) {
      throw new IllegalArgumentException("prediction and truth differ in size");
    }
    int[] allCount = new int[256];
    int[] truthCount = new int[256];
    int min = 255;
    int max = 0;
    long positivesInTruth = 0;
    for (int i = 0; i < probabilities.length; i++) {
      int q = quantise(probabilities[i]);
      allCount[q]++;
      if (truth[i]) {
        truthCount[q]++;
        positivesInTruth++;
      }
      min = Math.min(min, q);
      max = Math.max(max, q);
    }
    double[] dice = new double[THRESHOLDS];
    double[] iou = new double[THRESHOLDS];
    if (max == min) {
      return new double[][] {dice, iou};
    }
    double range = max - min;
    for (int j = 0; j < THRESHOLDS; j++) {
      double threshold = (255 - j) / 255.0;
      long predicted = 0;
      long tp = 0;
      for (int q = min; q <= max; q++) {
        if ((q - min) / range >= threshold) {
          predicted += allCount[q];
          tp += truthCount[q];
        }
      }
      if (tp > 0) {
        dice[j] = 2.0 * tp / (positivesInTruth + predicted);
        iou[j] = (double) tp / (positivesInTruth - tp + predicted);
      }
    }
    return new double[][] {dice, iou};
  }

  /**
   * Dice and IoU of the raw probabilities at 0.5 (positive when p &gt;= 0.5, no normalisation),
   * with the same zero-when-no-overlap rule.
   *
   * @return {dice, iou}
   */
  public static double[] atHalf(float[] probabilities, boolean[] truth) {
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    for (int i = 0; i < probabilities.length; i++) {
      boolean positive = probabilities[i] >= 0.5f;
      if (positive) predicted++;
      if (truth[i]) actual++;
      if (positive && truth[i]) tp++;
    }
    if (tp == 0) {
      return new double[] {0, 0};
    }
    return new double[] {2.0 * tp / (actual + predicted), (double) tp / (actual - tp + predicted)};
  }

  /** The 8-bit grey level a probability is saved as. */
  public static int quantise(float probability) {
    return Math.round(Math.max(0f, Math.min(1f, probability)) * 255f);
  }
}
