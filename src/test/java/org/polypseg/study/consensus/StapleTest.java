package org.polypseg.study.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** STAPLE on cases small enough to compute by hand. Masks are {@code [rater][pixel]}. */
class StapleTest {

  @Test
  void thePosteriorIsThePapersEStep() {
    // f = 0.5, p = (0.9, 0.8), q = (0.7, 0.6); bit j of the pattern is rater j's "polyp".
    double[] p = {0.9, 0.8};
    double[] q = {0.7, 0.6};
    // both polyp: a = .5·.9·.8 = .36, b = .5·.3·.4 = .06
    assertThat(Staple.posterior(0.5, p, q, 0b11)).isCloseTo(0.36 / 0.42, within(1e-12));
    // only rater 0: a = .5·.9·.2 = .09, b = .5·.3·.6 = .09
    assertThat(Staple.posterior(0.5, p, q, 0b01)).isCloseTo(0.5, within(1e-12));
    // only rater 1: a = .5·.1·.8 = .04, b = .5·.7·.4 = .14
    assertThat(Staple.posterior(0.5, p, q, 0b10)).isCloseTo(0.04 / 0.18, within(1e-12));
    // neither: a = .5·.1·.2 = .01, b = .5·.7·.6 = .21
    assertThat(Staple.posterior(0.5, p, q, 0b00)).isCloseTo(0.01 / 0.22, within(1e-12));
  }

  @Test
  void aPosteriorOfExactlyOneHalfIsPolypInTheConsensus() {
    // f = 0.5, p = (0.75, 0.5), q = (0.5, 0.75): numbers exact in binary, so W is exactly 0.5
    // where one rater alone marks polyp (a = b = .1875 or .0625), 0.75 where both do.
    StapleResult result = new StapleResult(0.5, new double[] {0.75, 0.5},
        new double[] {0.5, 0.75}, 1, true);
    boolean[][] masks = {{true, false, true, false}, {false, true, true, false}};
    assertThat(result.posterior(masks)).containsExactly(0.5, 0.5, 0.75, 0.25);
    assertThat(result.consensus(masks)).containsExactly(true, true, true, false);
  }

  @Test
  void ratersWhoAgreeExactlyArePerfectAndTheirMaskIsTheConsensus() {
    boolean[] mask = {true, true, false, false, false, true, false, false};
    StapleResult result = Staple.estimate(new boolean[][] {mask, mask.clone(), mask.clone()});
    assertThat(result.prior()).isEqualTo(3.0 / 8);
    for (int j = 0; j < 3; j++) {
      assertThat(result.sensitivity(j)).isCloseTo(1, within(1e-6));
      assertThat(result.specificity(j)).isCloseTo(1, within(1e-6));
    }
    assertThat(result.converged()).isTrue();
    assertThat(result.consensus(new boolean[][] {mask, mask, mask})).containsExactly(mask);
  }

  /**
   * Ten pixels, polyp at 0..3. Rater 0 misses pixel 0, rater 1 adds pixel 9, rater 2 is exact.
   * Prior f = (3 + 5 + 4) / 30 = 0.4. The EM's fixed point is the truth: there rater 0 has
   * sensitivity 3/4 and specificity 1, rater 1 sensitivity 1 and specificity 5/6, rater 2 both 1
   * (and with rater 2 believed perfect, W is 1 exactly where rater 2 marks polyp).
   */
  @Test
  void threeRatersWithOneSlipEachAreMeasuredAsTheirSlipsSay() {
    boolean[] truth = pixels(10, 0, 1, 2, 3);
    boolean[][] masks = {pixels(10, 1, 2, 3), pixels(10, 0, 1, 2, 3, 9), truth};
    StapleResult result = Staple.estimate(masks);
    assertThat(result.prior()).isCloseTo(0.4, within(1e-12));
    assertThat(result.converged()).isTrue();
    assertThat(result.sensitivity(0)).isCloseTo(0.75, within(1e-4));
    assertThat(result.specificity(0)).isCloseTo(1, within(1e-4));
    assertThat(result.sensitivity(1)).isCloseTo(1, within(1e-4));
    assertThat(result.specificity(1)).isCloseTo(5.0 / 6, within(1e-4));
    assertThat(result.sensitivity(2)).isCloseTo(1, within(1e-4));
    assertThat(result.specificity(2)).isCloseTo(1, within(1e-4));
    assertThat(result.consensus(masks)).containsExactly(truth);
  }

  @Test
  void whenNoRaterMarksAnyPolypTheConsensusIsEmptyAndSensitivityUndefined() {
    boolean[][] masks = {new boolean[6], new boolean[6]};
    StapleResult result = Staple.estimate(masks);
    assertThat(result.prior()).isZero();
    assertThat(result.sensitivity(0)).isNaN();
    assertThat(result.specificity(1)).isEqualTo(1);
    assertThat(result.consensus(masks)).containsOnly(false);

    boolean[][] full = {pixels(3, 0, 1, 2), pixels(3, 0, 1, 2)};
    StapleResult all = Staple.estimate(full);
    assertThat(all.sensitivity(0)).isEqualTo(1);
    assertThat(all.specificity(0)).isNaN();
    assertThat(all.consensus(full)).containsOnly(true);
  }

  @Test
  void framesCountedOneByOneGiveTheEstimateOfAllTheirPixelsTogether() {
    boolean[][] first = {pixels(6, 0, 1, 2), pixels(6, 1, 2), pixels(6, 0, 1, 2, 3)};
    boolean[][] second = {pixels(4, 3), pixels(4, 2, 3), new boolean[4]};
    DecisionPatterns patterns = new DecisionPatterns(3);
    patterns.add(first);
    patterns.add(second);
    StapleResult byFrames = Staple.estimate(patterns);
    boolean[][] together = new boolean[3][10];
    for (int j = 0; j < 3; j++) {
      System.arraycopy(first[j], 0, together[j], 0, 6);
      System.arraycopy(second[j], 0, together[j], 6, 4);
    }
    StapleResult whole = Staple.estimate(together);
    for (int j = 0; j < 3; j++) {
      assertThat(byFrames.sensitivity(j)).isEqualTo(whole.sensitivity(j));
      assertThat(byFrames.specificity(j)).isEqualTo(whole.specificity(j));
    }
    assertThat(byFrames.prior()).isEqualTo(whole.prior()).isEqualTo(12.0 / 30);
  }

  /** A mask of {@code n} pixels, polyp at the given ones. */
  static boolean[] pixels(int n, int... polyp) {
    boolean[] mask = new boolean[n];
    for (int i : polyp) {
      mask[i] = true;
    }
    return mask;
  }
}
