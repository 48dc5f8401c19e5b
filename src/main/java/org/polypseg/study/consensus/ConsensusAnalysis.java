package org.polypseg.study.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the raters' masks of a study frame by frame, then estimates the consensus of all of
 * them at once: STAPLE over every pixel of every frame (one sensitivity and specificity per rater
 * for the whole study), the raters' Dice against each other averaged over the frames, and each
 * frame's disagreement. Frames need not be kept: only their decision counts and Dice are.
 */
public final class ConsensusAnalysis {

  private final List<String> raters;
  private final DecisionPatterns patterns;
  private final double[][] pairwiseSum;
  private final List<FrameDisagreement> frames = new ArrayList<>();

  /** For the named raters, 2..{@link DecisionPatterns#MAX_RATERS}, in the order masks come in. */
  public ConsensusAnalysis(List<String> raters) {
    if (raters.size() < 2) {
      throw new IllegalArgumentException("a consensus needs at least two raters: " + raters);
    }
    this.raters = List.copyOf(raters);
    this.patterns = new DecisionPatterns(raters.size());
    this.pairwiseSum = new double[raters.size()][raters.size()];
  }

  /**
   * Adds one frame.
   *
   * @param frame its name, for the list by disagreement
   * @param masks {@code masks[rater][pixel]}, in the order of the raters, all of one size
   */
  public void add(String frame, boolean[][] masks) {
    patterns.add(masks);
    double[][] dice = Agreement.pairwiseDice(masks);
    for (int j = 0; j < dice.length; j++) {
      for (int k = 0; k < dice.length; k++) {
        pairwiseSum[j][k] += dice[j][k];
      }
    }
    frames.add(new FrameDisagreement(frame, Agreement.disagreement(dice)));
  }

  /** Frames added so far. */
  public int frames() {
    return frames.size();
  }

  /** STAPLE and the agreement over the frames added; needs at least one. */
  public ConsensusResult result() {
    if (frames.isEmpty()) {
      throw new IllegalStateException("no frames added");
    }
    int n = raters.size();
    double[][] pairwise = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        pairwise[j][k] = pairwiseSum[j][k] / frames.size();
      }
    }
    return new ConsensusResult(raters, Staple.estimate(patterns), pairwise, frames);
  }
}
