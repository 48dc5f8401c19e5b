package org.polypseg.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PraNetMetricsTest {

  // A 2x3 image: truth in the first two pixels.
  private static final boolean[] TRUTH = {true, true, false, false, false, false};

  @Test
  void handComputedExample() {
    // Levels 255, 128, 128, 0, 0, 0 -> normalised 1, 128/255, 128/255, 0, 0, 0.
    float[] map = {1f, 128 / 255f, 128 / 255f, 0f, 0f, 0f};
    double[][] s = PraNetMetrics.score(map, TRUTH);
    // t = 1 (j = 0): positive {0}: TP 1, P 1, G 2 -> Dice 2/3, IoU 1/2.
    assertThat(s[0][0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s[1][0]).isCloseTo(0.5, within(1e-12));
    // t = 128/255 (j = 127): positive {0,1,2}: TP 2, P 3 -> Dice 4/5, IoU 2/3.
    assertThat(s[0][127]).isCloseTo(0.8, within(1e-12));
    assertThat(s[1][127]).isCloseTo(2.0 / 3, within(1e-12));
    // t = 0 (j = 255): everything positive: TP 2, P 6 -> Dice 4/8, IoU 2/6.
    assertThat(s[0][255]).isCloseTo(0.5, within(1e-12));
    assertThat(s[1][255]).isCloseTo(1.0 / 3, within(1e-12));
    // Thresholds 254/255 .. 129/255 (j = 1..126) keep only pixel 0.
    assertThat(s[0][1]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s[0][126]).isCloseTo(2.0 / 3, within(1e-12));
    // mDice of this single image: (127 * 2/3 + 128 * 4/5 + 1 * 1/2) / 256.
    MetricsAccumulator acc = new MetricsAccumulator();
    acc.add(s);
    assertThat(acc.meanDice()).isCloseTo((127 * 2.0 / 3 + 128 * 0.8 + 0.5) / 256, within(1e-12));
    assertThat(acc.maxDice()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void minMaxNormalisationMakesScaleIrrelevant() {
    // Grey levels 153/102/51 and 204/153/102 both normalise to 1, 0.5, 0.
    float[] map = {0.6f, 0.4f, 0.4f, 0.2f, 0.2f, 0.2f};
    float[] shifted = {0.8f, 0.6f, 0.6f, 0.4f, 0.4f, 0.4f};
    assertThat(PraNetMetrics.score(map, TRUTH)[0]).containsExactly(PraNetMetrics.score(shifted, TRUTH)[0]);
    assertThat(PraNetMetrics.score(map, TRUTH)[0][0]).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void noOverlapScoresZeroAndConstantMapScoresZero() {
    float[] wrong = {0f, 0f, 1f, 1f, 1f, 1f};
    double[][] s = PraNetMetrics.score(wrong, TRUTH);
    assertThat(s[0][0]).isZero();
    assertThat(s[1][100]).isZero();
    double[][] constant = PraNetMetrics.score(new float[6], TRUTH);
    assertThat(constant[0]).containsOnly(0.0);
  }

  @Test
  void diceAtHalfUsesRawProbabilities() {
    float[] map = {0.9f, 0.4f, 0.6f, 0.1f, 0.1f, 0.1f};
    double[] half = PraNetMetrics.atHalf(map, TRUTH);
    // positive {0, 2}: TP 1, P 2, G 2 -> Dice 1/2, IoU 1/3
    assertThat(half[0]).isCloseTo(0.5, within(1e-12));
    assertThat(half[1]).isCloseTo(1.0 / 3, within(1e-12));
  }
}
