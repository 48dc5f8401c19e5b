package org.polypseg.study.consensus;

/**
 * How far raters' masks of one frame agree, and their majority vote. Masks are
 * {@code boolean[pixel]} (true = polyp), one per rater, all of one length.
 */
public final class Agreement {

  private Agreement() {}

  /**
   * Dice = 2 |A ∩ B| / (|A| + |B|), 0..1. Two empty masks agree that there is no polyp: 1.
   */
  public static double dice(boolean[] a, boolean[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("masks differ in size: " + a.length + " and " + b.length);
    }
    long both = 0;
    long sizes = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] && b[i]) {
        both++;
      }
      if (a[i]) {
        sizes++;
      }
      if (b[i]) {
        sizes++;
      }
    }
    return sizes == 0 ? 1 : 2.0 * both / sizes;
  }

  /**
   * Majority vote: polyp where more than half of the raters marked it. A tie (even number of
   * raters, split evenly) is background: polyp needs a majority.
   */
  public static boolean[] majorityVote(boolean[][] masks) {
    DecisionPatterns.checkShape(masks, masks.length);
    boolean[] vote = new boolean[masks.length == 0 ? 0 : masks[0].length];
    for (int i = 0; i < vote.length; i++) {
      int polyp = 0;
      for (boolean[] mask : masks) {
        if (mask[i]) {
          polyp++;
        }
      }
      vote[i] = 2 * polyp > masks.length;
    }
    return vote;
  }

  /** Dice of each rater's mask against one reference mask (the consensus), 0..1. */
  public static double[] diceAgainst(boolean[] reference, boolean[][] masks) {
    double[] dice = new double[masks.length];
    for (int j = 0; j < masks.length; j++) {
      dice[j] = dice(masks[j], reference);
    }
    return dice;
  }

  /** Dice of every pair of raters: {@code [j][k]} = {@code [k][j]}, 1 on the diagonal. */
  public static double[][] pairwiseDice(boolean[][] masks) {
    DecisionPatterns.checkShape(masks, masks.length);
    double[][] dice = new double[masks.length][masks.length];
    for (int j = 0; j < masks.length; j++) {
      dice[j][j] = 1;
      for (int k = j + 1; k < masks.length; k++) {
        dice[j][k] = dice(masks[j], masks[k]);
        dice[k][j] = dice[j][k];
      }
    }
    return dice;
  }

  /** Each rater's mean Dice against the other raters, from {@link #pairwiseDice}; needs two. */
  public static double[] meanDiceAgainstOthers(double[][] pairwiseDice) {
    int raters = pairwiseDice.length;
    if (raters < 2) {
      throw new IllegalArgumentException("agreement needs at least two raters: " + raters);
    }
    double[] mean = new double[raters];
    for (int j = 0; j < raters; j++) {
      double sum = 0;
      for (int k = 0; k < raters; k++) {
        if (k != j) {
          sum += pairwiseDice[j][k];
        }
      }
      mean[j] = sum / (raters - 1);
    }
    return mean;
  }

  /**
   * How much the raters of one frame disagree, 0..1: 1 minus the mean Dice over all pairs of
   * raters. 0 when every pair agrees exactly (or all masks are empty), 1 when no two masks
   * overlap. Dice is relative to the polyp's size, so a small polyp that the raters outline
   * differently ranks as high as a large one: the frames to adjudicate first.
   */
  public static double disagreement(double[][] pairwiseDice) {
    int raters = pairwiseDice.length;
    if (raters < 2) {
      throw new IllegalArgumentException("agreement needs at least two raters: " + raters);
    }
    double sum = 0;
    for (int j = 0; j < raters; j++) {
      for (int k = j + 1; k < raters; k++) {
        sum += pairwiseDice[j][k];
      }
    }
    return 1 - sum / (raters * (raters - 1) / 2.0);
  }
}
