package org.polypseg.study.consensus;

/**
 * What {@link Staple} estimated: each rater's sensitivity and specificity (0..1; NaN where the
 * consensus has no polyp pixel, or no background pixel, to measure it on), the global prior it
 * used (0..1), and the posterior probability of polyp for any raters' decisions at a pixel.
 */
public final class StapleResult {

  private final double prior;
  private final double[] sensitivity;
  private final double[] specificity;
  private final int iterations;
  private final boolean converged;
  private final double[] posteriorByPattern;

  StapleResult(double prior, double[] sensitivity, double[] specificity, int iterations,
      boolean converged) {
    this.prior = prior;
    this.sensitivity = sensitivity.clone();
    this.specificity = specificity.clone();
    this.iterations = iterations;
    this.converged = converged;
    this.posteriorByPattern = new double[1 << sensitivity.length];
    // With prior 0 or 1 every rater marked every pixel alike, and the truth is that.
    boolean unanimous = prior == 0 || prior == 1;
    for (int pattern = 0; pattern < posteriorByPattern.length; pattern++) {
      posteriorByPattern[pattern] = unanimous
          ? prior : Staple.posterior(prior, sensitivity, specificity, pattern);
    }
  }

  /** The fixed prior probability of polyp: the mean label fraction over raters and pixels. */
  public double prior() {
    return prior;
  }

  public int raters() {
    return sensitivity.length;
  }

  /** Rater j's estimated sensitivity, P(marked polyp | polyp). */
  public double sensitivity(int j) {
    return sensitivity[j];
  }

  /** Rater j's estimated specificity, P(marked background | background). */
  public double specificity(int j) {
    return specificity[j];
  }

  /** EM rounds run. */
  public int iterations() {
    return iterations;
  }

  /** False when the EM stopped at {@link Staple#MAX_ITERATIONS} before converging. */
  public boolean converged() {
    return converged;
  }

  /** Posterior probability of polyp, 0..1, at a pixel whose decisions are {@code pattern}. */
  public double posterior(int pattern) {
    return posteriorByPattern[pattern];
  }

  /** Posterior probability of polyp at each pixel of one frame, {@code masks[rater][pixel]}. */
  public double[] posterior(boolean[][] masks) {
    DecisionPatterns.checkShape(masks, raters());
    double[] w = new double[masks[0].length];
    for (int i = 0; i < w.length; i++) {
      w[i] = posteriorByPattern[DecisionPatterns.pattern(masks, i)];
    }
    return w;
  }

  /** The consensus mask of one frame: polyp where the posterior is at least 0.5. */
  public boolean[] consensus(boolean[][] masks) {
    DecisionPatterns.checkShape(masks, raters());
    boolean[] consensus = new boolean[masks[0].length];
    for (int i = 0; i < consensus.length; i++) {
      consensus[i] = posteriorByPattern[DecisionPatterns.pattern(masks, i)] >= 0.5;
    }
    return consensus;
  }
}
