package org.polypseg.study.consensus;

import java.util.Arrays;

/**
 * STAPLE, Simultaneous Truth And Performance Level Estimation, for binary masks: S. K. Warfield,
 * K. H. Zou, W. M. Wells, "Simultaneous truth and performance level estimation (STAPLE): an
 * algorithm for the validation of image segmentation", IEEE Trans. Med. Imaging 23(7):903–921,
 * 2004. The expectation-maximisation of the paper, with one global prior and no spatial model.
 *
 * <p>Rater j (of R) marks pixel i D<sub>ij</sub> = 1 (polyp) or 0. The hidden truth T<sub>i</sub>
 * is estimated together with each rater's sensitivity p<sub>j</sub> = P(D<sub>ij</sub> = 1 |
 * T<sub>i</sub> = 1) and specificity q<sub>j</sub> = P(D<sub>ij</sub> = 0 | T<sub>i</sub> = 0).
 * The prior f = P(T<sub>i</sub> = 1) is fixed beforehand to the mean label fraction
 * Σ<sub>ij</sub> D<sub>ij</sub> / (R N). From p<sub>j</sub> = q<sub>j</sub> = {@value #START}
 * (every rater assumed good) it repeats
 *
 * <pre>
 *   E-step:  a_i = f       · Π_j p_j^D_ij       · (1 − p_j)^(1 − D_ij)
 *            b_i = (1 − f) · Π_j q_j^(1 − D_ij) · (1 − q_j)^D_ij
 *            W_i = a_i / (a_i + b_i)                 the posterior P(T_i = 1 | D, p, q)
 *   M-step:  p_j = Σ_i W_i D_ij / Σ_i W_i
 *            q_j = Σ_i (1 − W_i)(1 − D_ij) / Σ_i (1 − W_i)
 * </pre>
 *
 * until no p<sub>j</sub> or q<sub>j</sub> changes by {@value #TOLERANCE} or more (at most
 * {@value #MAX_ITERATIONS} rounds). The consensus marks polyp where W<sub>i</sub> ≥ 0.5.
 *
 * <p>W<sub>i</sub> depends on pixel i only through its decisions D<sub>i1</sub>…D<sub>iR</sub>,
 * so each sum over pixels is a sum over the {@link DecisionPatterns} seen, weighted by their
 * pixel counts: the same EM, at a cost that does not grow with the number of frames.
 */
public final class Staple {

  /** Convergence: every p_j and q_j changes by less than this in the last round. */
  public static final double TOLERANCE = 1e-6;

  /** Rounds at most; an estimate that stopped here says so ({@link StapleResult#converged()}). */
  public static final int MAX_ITERATIONS = 10_000;

  /** Starting sensitivity and specificity of every rater. */
  static final double START = 0.99;

  private Staple() {}

  /** STAPLE over the masks of one frame, {@code masks[rater][pixel]}. */
  public static StapleResult estimate(boolean[][] masks) {
    DecisionPatterns patterns = new DecisionPatterns(masks.length);
    patterns.add(masks);
    return estimate(patterns);
  }

  /** STAPLE over every pixel counted in {@code patterns} (all frames of a study at once). */
  public static StapleResult estimate(DecisionPatterns patterns) {
    if (patterns.pixels() == 0) {
      throw new IllegalArgumentException("STAPLE needs at least one pixel");
    }
    int raters = patterns.raters();
    double prior = patterns.labelFraction();
    double[] p = new double[raters];
    double[] q = new double[raters];
    if (prior == 0 || prior == 1) {
      // Every rater marked every pixel alike: the truth is that, and whichever of sensitivity
      // (no polyp pixel) or specificity (no background pixel) has nothing to be measured on is NaN.
      Arrays.fill(p, prior == 0 ? Double.NaN : 1);
      Arrays.fill(q, prior == 0 ? 1 : Double.NaN);
      return new StapleResult(prior, p, q, 0, true);
    }
    Arrays.fill(p, START);
    Arrays.fill(q, START);
    int[] seen = seenPatterns(patterns);
    int iterations = 0;
    boolean converged = false;
    while (!converged && iterations < MAX_ITERATIONS) {
      iterations++;
      double sumW = 0;
      double sumNotW = 0;
      double[] truePositive = new double[raters]; // Σ_i W_i D_ij
      double[] trueNegative = new double[raters]; // Σ_i (1 − W_i)(1 − D_ij)
      for (int pattern : seen) {
        double n = patterns.count(pattern);
        double w = posterior(prior, p, q, pattern);
        sumW += n * w;
        sumNotW += n * (1 - w);
        for (int j = 0; j < raters; j++) {
          if (DecisionPatterns.polyp(pattern, j)) {
            truePositive[j] += n * w;
          } else {
            trueNegative[j] += n * (1 - w);
          }
        }
      }
      converged = true;
      for (int j = 0; j < raters; j++) {
        // A sum of 0 (no pixel believed polyp, or none background) leaves that parameter as is.
        double pj = sumW > 0 ? truePositive[j] / sumW : p[j];
        double qj = sumNotW > 0 ? trueNegative[j] / sumNotW : q[j];
        converged &= Math.abs(pj - p[j]) < TOLERANCE && Math.abs(qj - q[j]) < TOLERANCE;
        p[j] = pj;
        q[j] = qj;
      }
    }
    return new StapleResult(prior, p, q, iterations, converged);
  }

  /** The E-step at one pattern: W = a / (a + b) with a and b as in the class comment. */
  static double posterior(double prior, double[] p, double[] q, int pattern) {
    double a = prior;
    double b = 1 - prior;
    for (int j = 0; j < p.length; j++) {
      if (DecisionPatterns.polyp(pattern, j)) {
        a *= p[j];
        b *= 1 - q[j];
      } else {
        a *= 1 - p[j];
        b *= q[j];
      }
    }
    // Both 0 only when raters believed perfect contradict each other here; the prior decides.
    return a + b > 0 ? a / (a + b) : prior;
  }

  private static int[] seenPatterns(DecisionPatterns patterns) {
    int all = 1 << patterns.raters();
    int seen = 0;
    for (int pattern = 0; pattern < all; pattern++) {
      if (patterns.count(pattern) > 0) {
        seen++;
      }
    }
    int[] result = new int[seen];
    int k = 0;
    for (int pattern = 0; pattern < all; pattern++) {
      if (patterns.count(pattern) > 0) {
        result[k++] = pattern;
      }
    }
    return result;
  }
}
