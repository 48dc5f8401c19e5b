package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdCurveTest {

  @Test
  void everyPointIsTheDiceThatTheFiguresGiveAtThatThreshold() {
    Random random = new Random(7);
    int w = 40;
    int h = 30;
    float[] p = new float[w * h];
    boolean[] truth = new boolean[w * h];
    for (int i = 0; i < p.length; i++) {
      // Exact slider values included: p == k / 100 must count as passing k.
      p[i] = i % 7 == 0 ? (float) ((i % 101) / 100.0) : random.nextFloat();
      truth[i] = random.nextFloat() < p[i];
    }
    Segmentation s = new Segmentation(w, h, p, 1, null);
    double[] curve = ThresholdCurve.dice(p, truth);
    for (int k = 0; k < ThresholdCurve.POINTS; k++) {
      assertThat(curve[k]).as("threshold %d/100", k)
          .isCloseTo(SegmentationService.analyze(s, k / 100.0, truth).dice(), within(1e-12));
    }
  }

  @Test
  void theBestIsTheHighestAndTheMeanIsPointByPoint() {
    double[] a = new double[ThresholdCurve.POINTS];
    double[] b = new double[ThresholdCurve.POINTS];
    a[40] = 0.9;
    b[40] = 0.5;
    b[60] = 0.95;
    double[] mean = ThresholdCurve.mean(List.of(a, b));
    assertThat(mean[40]).isCloseTo(0.7, within(1e-12));
    assertThat(mean[60]).isCloseTo(0.475, within(1e-12));
    assertThat(ThresholdCurve.best(mean)).isEqualTo(40);
    assertThat(ThresholdCurve.best(b)).isEqualTo(60);
    assertThat(ThresholdCurve.mean(List.of())).isNull();
  }
}
