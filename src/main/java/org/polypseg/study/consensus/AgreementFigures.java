package org.polypseg.study.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consensus's figures as written to JSON: per rater (by name, in the order given) STAPLE's
 * sensitivity and specificity, the mean Dice against the other raters and the mean Dice against
 * the consensus; the Dice of each pair of raters; STAPLE's run; the frames by disagreement. All
 * figures are 0..1 and averages are over frames; a figure with nothing to be measured on (the
 * sensitivity when no rater marked any polyp) is null.
 *
 * @param frames number of frames
 * @param raters the raters' names
 * @param consensusDice null where not computed
 */
public record AgreementFigures(
    int frames,
    List<String> raters,
    Map<String, Double> sensitivity,
    Map<String, Double> specificity,
    Map<String, Double> meanDice,
    List<PairDice> pairwiseDice,
    Map<String, Double> consensusDice,
    StapleRun staple,
    List<FrameDisagreement> framesByDisagreement) {

  /** The mean Dice between two raters over the frames. */
  public record PairDice(List<String> raters, double dice) {}

  /**
   * How STAPLE ran: its fixed prior (the mean label fraction), the EM rounds, whether every
   * parameter then changed by less than {@code tolerance}.
   */
  public record StapleRun(double prior, int iterations, boolean converged, double tolerance) {}

  /**
   * The figures of {@code result}.
   *
   * @param consensusDice each rater's mean Dice against the consensus masks, or null
   */
  public static AgreementFigures of(ConsensusResult result, double[] consensusDice) {
    List<String> raters = result.raters();
    StapleResult staple = result.staple();
    Map<String, Double> sensitivity = new LinkedHashMap<>();
    Map<String, Double> specificity = new LinkedHashMap<>();
    Map<String, Double> meanDice = new LinkedHashMap<>();
    Map<String, Double> againstConsensus = consensusDice == null ? null : new LinkedHashMap<>();
    List<PairDice> pairs = new ArrayList<>();
    for (int j = 0; j < raters.size(); j++) {
      sensitivity.put(raters.get(j), orNull(staple.sensitivity(j)));
      specificity.put(raters.get(j), orNull(staple.specificity(j)));
      meanDice.put(raters.get(j), result.meanDice(j));
      if (againstConsensus != null) {
        againstConsensus.put(raters.get(j), consensusDice[j]);
      }
      for (int k = j + 1; k < raters.size(); k++) {
        pairs.add(new PairDice(List.of(raters.get(j), raters.get(k)), result.pairwiseDice(j, k)));
      }
    }
    return new AgreementFigures(result.frames().size(), raters, sensitivity, specificity, meanDice,
        pairs, againstConsensus,
        new StapleRun(staple.prior(), staple.iterations(), staple.converged(), Staple.TOLERANCE),
        result.framesByDisagreement());
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
