package org.polypseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class StructureLossTest {

  /**
   * By hand, for one 1×1 image of polyp (y = 1) predicted at logit 0 (p = 0.5): the 31×31 mean with
   * zero padding counted is 1/961, so the weight is w = 1 + 5·(960/961); weighted BCE = ln 2; weighted
   * IoU loss = 1 − (0.5w + 1)/(1.5w − 0.5w + 1).
   */
  @Test
  void matchesAHandComputedPixel() {
    double w = 1 + 5 * (960.0 / 961);
    double expected = Math.log(2) + 1 - (0.5 * w + 1) / (w + 1);
    try (NDManager m = NDManager.newBaseManager()) {
      float loss = new StructureLoss().evaluate(
          new NDList(m.create(new float[] {1}, new Shape(1, 1, 1, 1))),
          new NDList(m.create(new float[] {0}, new Shape(1, 1, 1, 1)))).getFloat();
      assertThat((double) loss).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void isNearZeroForAConfidentCorrectPredictionAndAveragesOverImages() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Image 0: background predicted as background with logit −20; image 1: the pixel above.
      float both = new StructureLoss().evaluate(
          new NDList(m.create(new float[] {0, 1}, new Shape(2, 1, 1, 1))),
          new NDList(m.create(new float[] {-20, 0}, new Shape(2, 1, 1, 1)))).getFloat();
      double w = 1 + 5 * (960.0 / 961);
      double second = Math.log(2) + 1 - (0.5 * w + 1) / (w + 1);
      assertThat((double) both).isCloseTo(second / 2, within(1e-5));
    }
  }

  @Test
  void weighsBoundaryPixelsMoreThanInteriorOnes() {
    // A 64×64 mask with a 32×32 square: the same error costs more on its edge than at its centre.
    int s = 64;
    float[] mask = new float[s * s];
    for (int y = 16; y < 48; y++) {
      for (int x = 16; x < 48; x++) {
        mask[y * s + x] = 1;
      }
    }
    float[] goodLogits = new float[s * s];
    for (int i = 0; i < mask.length; i++) {
      goodLogits[i] = mask[i] > 0 ? 8 : -8;
    }
    float[] edgeWrong = goodLogits.clone();
    edgeWrong[16 * s + 30] = -8; // a pixel on the top edge, missed
    float[] centreWrong = goodLogits.clone();
    centreWrong[32 * s + 32] = -8; // a pixel in the middle, missed
    try (NDManager m = NDManager.newBaseManager()) {
      NDList truth = new NDList(m.create(mask, new Shape(1, 1, s, s)));
      float edge = new StructureLoss().evaluate(truth, new NDList(m.create(edgeWrong, new Shape(1, 1, s, s)))).getFloat();
      float centre = new StructureLoss().evaluate(truth, new NDList(m.create(centreWrong, new Shape(1, 1, s, s)))).getFloat();
      assertThat(edge).isGreaterThan(centre * 1.5f);
    }
  }
}
