package org.polypseg.study.consensus;

import java.util.Comparator;
import java.util.List;

/**
 * The consensus of a study's raters over its frames: STAPLE's estimate (rater performance and the
 * posterior for any decisions, for the consensus mask of each frame), the raters' mean Dice
 * against each other, and the frames by how much their raters disagree.
 */
public final class ConsensusResult {

  private final List<String> raters;
  private final StapleResult staple;
  private final double[][] pairwiseDice;
  private final double[] meanDice;
  private final List<FrameDisagreement> frames;

  ConsensusResult(List<String> raters, StapleResult staple, double[][] pairwiseDice,
      List<FrameDisagreement> frames) {
    this.raters = List.copyOf(raters);
    this.staple = staple;
    this.pairwiseDice = new double[pairwiseDice.length][];
    for (int j = 0; j < pairwiseDice.length; j++) {
      this.pairwiseDice[j] = pairwiseDice[j].clone();
    }
    this.meanDice = Agreement.meanDiceAgainstOthers(pairwiseDice);
    this.frames = List.copyOf(frames);
  }

  public List<String> raters() {
    return raters;
  }

  public StapleResult staple() {
    return staple;
  }

  /** Dice between raters j and k, 0..1, averaged over the frames (1 when j = k). */
  public double pairwiseDice(int j, int k) {
    return pairwiseDice[j][k];
  }

  /** Rater j's mean Dice against each other rater (over raters of the frame-averaged Dice). */
  public double meanDice(int j) {
    return meanDice[j];
  }

  /** The frames in the order they were added. */
  public List<FrameDisagreement> frames() {
    return frames;
  }

  /** The frames, most disagreement first (by name where equal): the ones to adjudicate. */
  public List<FrameDisagreement> framesByDisagreement() {
    return frames.stream()
        .sorted(Comparator.comparingDouble(FrameDisagreement::disagreement).reversed()
            .thenComparing(FrameDisagreement::frame))
        .toList();
  }
}
