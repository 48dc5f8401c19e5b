package org.polypseg.model.efficientnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.polypseg.model.tf.TfSameConv;

/**
 * Squeeze-excitation (Hu et al. 2018) as EfficientNet has it: s = mean of x over H and W, then
 * reduce (1×1 conv C → r, swish), expand (1×1 conv r → C, sigmoid), out = x · s per channel.
 */
final class SqueezeExcitation extends AbstractBlock {

  private static final byte VERSION = 1;

  private final TfSameConv reduce;
  private final TfSameConv expand;

  SqueezeExcitation(int channels, int squeezed) {
    super(VERSION);
    reduce = addChildBlock("reduce", new TfSameConv(squeezed, 1, 1, 1, TfSameConv.Activation.SWISH));
    expand = addChildBlock("expand", new TfSameConv(channels, 1, 1, 1, TfSameConv.Activation.SIGMOID));
  }

  TfSameConv reduce() {
    return reduce;
  }

  TfSameConv expand() {
    return expand;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape s = x.getShape();
    // The PyTorch engine reduces one axis at a time: flatten H × W, then one mean.
    NDArray pooled = x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}).reshape(s.get(0), s.get(1), 1, 1);
    NDArray gate = reduce.forward(ps, new NDList(pooled), training).singletonOrThrow();
    gate = expand.forward(ps, new NDList(gate), training).singletonOrThrow();
    // Outside training the input is scaled in place (nothing else reads it after this block):
    // one map fewer to allocate and write per block. Autograd needs it untouched in training.
    return new NDList(training ? x.mul(gate) : x.muli(gate));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), 1, 1);
    reduce.initialize(manager, dataType, pooled);
    expand.initialize(manager, dataType, reduce.getOutputShapes(new Shape[] {pooled}));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
