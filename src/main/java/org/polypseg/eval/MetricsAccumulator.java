package org.polypseg.eval;

/** Averages per-image scores over a data set the way the PraNet protocol does. */
public final class MetricsAccumulator {

  private final double[] diceSum = new double[PraNetMetrics.THRESHOLDS];
  private final double[] iouSum = new double[PraNetMetrics.THRESHOLDS];
  private int images;

  public void add(double[][] diceAndIou) {
    for (int j = 0; j < PraNetMetrics.THRESHOLDS; j++) {
      diceSum[j] += diceAndIou[0][j];
      iouSum[j] += diceAndIou[1][j];
    }
    images++;
  }

  public int images() {
    return images;
  }

  /** Mean over thresholds of the mean over images. */
  public double meanDice() {
    return meanOver(diceSum);
  }

  public double meanIou() {
    return meanOver(iouSum);
  }

  /** The best threshold's mean Dice over images. */
  public double maxDice() {
    double best = 0;
    for (double s : diceSum) {
      best = Math.max(best, s / images);
    }
    return best;
  }

  private double meanOver(double[] sums) {
    if (images == 0) {
      return 0;
    }
    double total = 0;
    for (double s : sums) {
      total += s / images;
    }
    return total / sums.length;
  }

  /** Mean of one image's scores over the thresholds (its share of mDice / mIoU). */
  public static double mean(double[] perThreshold) {
    double total = 0;
    for (double v : perThreshold) {
      total += v;
    }
    return total / perThreshold.length;
  }
}
