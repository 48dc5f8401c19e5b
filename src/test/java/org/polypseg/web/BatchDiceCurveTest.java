package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.ThresholdCurve;
import java.util.List;
import static org.assertj.core.api.Assertions.within;

/** The batch's Dice against threshold: the mean of the images with masks, best marked, applied. */
class BatchDiceCurveTest extends PageTestSupport {

  @Test
  void twoImagesWithMasksShowTheMeanCurveAndItsBestGoesToEveryImage() throws Exception {
    BufferedImage[] a = WebTestData.pair(320, 240, 1);
    BufferedImage[] b = WebTestData.pair(200, 160, 2);
    view.receive("a.png", WebTestData.encode(a[0], "png"));
    view.receive("b.png", WebTestData.encode(b[0], "png"));
    awaitAllSettled();
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).as("no masks yet").isFalse();
    }
    // Masks dropped later pair by base name.
    view.receive("a.bmp", WebTestData.encode(a[1], "bmp"));
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).as("one mask").isFalse();
    }
    view.receive("b.bmp", WebTestData.encode(b[1], "bmp"));
    double best;
    synchronized (context) {
      assertThat(view.batchCurve().isVisible()).isTrue();
      List<ImageCase> cases = view.cases();
      double[] mean = ThresholdCurve.mean(cases.stream().map(c -> ThresholdCurve.dice(
          c.segmentation().probabilities(), c.truth())).toList());
      best = ThresholdCurve.threshold(ThresholdCurve.best(mean));
      assertThat(view.batchCurve().best()).isEqualTo(best);
      view.applyThresholdToAll(best);
      assertThat(cases).allSatisfy(c -> assertThat(c.threshold()).isEqualTo(best));
      double meanDice = cases.stream().mapToDouble(c -> c.analysis().dice()).average().orElseThrow();
      assertThat(meanDice).isCloseTo(mean[ThresholdCurve.best(mean)], within(1e-9));
    }
  }

}
