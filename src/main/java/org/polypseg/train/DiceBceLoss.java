package org.polypseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits plus soft Dice loss (1 − Dice per image, averaged): BCE gives
 * every pixel a gradient, Dice counters the imbalance of small polyps against a large background.
 * Labels and predictions are (B, 1, H, W); predictions are logits.
 */
public final class DiceBceLoss extends Loss {

  private static final float SMOOTH = 1f;

  public DiceBceLoss() {
    super("DiceBceLoss");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray truth = labels.singletonOrThrow();
    NDArray bce = bceWithLogits(logits, truth).mean();
    long batch = logits.getShape().get(0);
    // Per-image sums over all pixels (flattened: the PyTorch engine reduces one axis at a time).
    NDArray probability = Activation.sigmoid(logits).reshape(batch, -1);
    NDArray flatTruth = truth.reshape(batch, -1);
    int[] pixelAxis = {1};
    NDArray intersection = probability.mul(flatTruth).sum(pixelAxis);
    NDArray total = probability.sum(pixelAxis).add(flatTruth.sum(pixelAxis));
    NDArray dice = intersection.mul(2).add(SMOOTH).div(total.add(SMOOTH));
    return bce.add(dice.neg().add(1).mean());
  }

  /** Per-pixel BCE of logits {@code x} against 0/1 labels {@code y}, numerically stable:
   * max(x, 0) − x·y + log(1 + e^−|x|). Shared with {@link StructureLoss}. */
  static NDArray bceWithLogits(NDArray x, NDArray y) {
    return Activation.relu(x).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log());
  }
}
