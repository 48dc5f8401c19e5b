package org.polypseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.loss.Loss;

/**
 * PraNet's structure loss: weighted binary cross-entropy plus weighted IoU, where pixels near the
 * mask's boundary weigh up to 6× (weight = 1 + 5·|avgpool31(mask) − mask|), so the hard edge pixels
 * of a polyp count more than the easy interior and background. Per image, then averaged. Labels
 * and predictions are (B, 1, H, W); predictions are logits.
 */
public final class StructureLoss extends Loss {

  private static final int WINDOW = 31;

  public StructureLoss() {
    super("StructureLoss");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray truth = labels.singletonOrThrow();
    long batch = logits.getShape().get(0);
    // The 31×31 box mean with zero padding counted (F.avg_pool2d's default, as in PraNet's code),
    // as a 31×1 then a 1×31 pass: the same values at 62 instead of 961 reads per pixel.
    NDArray rows = Pool.avgPool2d(truth, new Shape(WINDOW, 1), new Shape(1, 1),
        new Shape(WINDOW / 2, 0), false, true);
    NDArray local = Pool.avgPool2d(rows, new Shape(1, WINDOW), new Shape(1, 1),
        new Shape(0, WINDOW / 2), false, true);
    NDArray weight = local.sub(truth).abs().mul(5).add(1).reshape(batch, -1);
    int[] pixels = {1};
    NDArray x = logits.reshape(batch, -1);
    NDArray y = truth.reshape(batch, -1);
    NDArray bce = DiceBceLoss.bceWithLogits(x, y);
    NDArray weightSum = weight.sum(pixels);
    NDArray wbce = bce.mul(weight).sum(pixels).div(weightSum);
    NDArray p = Activation.sigmoid(x);
    NDArray inter = p.mul(y).mul(weight).sum(pixels);
    NDArray union = p.add(y).mul(weight).sum(pixels);
    NDArray wiou = inter.add(1).div(union.sub(inter).add(1)).neg().add(1);
    return wbce.add(wiou).mean();
  }
}
