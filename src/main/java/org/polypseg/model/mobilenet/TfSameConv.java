package org.polypseg.model.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pretrained MobileNetV2 layer: a conv with bias (batch norm is folded into its weights, so
 * there is none here), TensorFlow's 'SAME' padding, and ReLU6 or no activation.
 *
 * <p>'SAME' is asymmetric at stride 2: on an even side the 3×3 window needs one padded row at the
 * bottom and one column at the right and none at the top or left. PyTorch's symmetric padding 1
 * gives the same output size with every window shifted by a pixel, which measurably changes the
 * pretrained network's output, so those convs get padding 0 and the input is padded here.
 * Inputs must have even sides at every stride-2 layer (sides that are multiples of 32).
 */
public final class TfSameConv extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Conv2d conv;
  private final int kernel;
  private final int stride;
  private final boolean relu6;
  private final int filters;

  /**
   * @param filters output channels
   * @param kernel 1 or 3
   * @param stride 1 or 2
   * @param groups 1, or the channel count for a depthwise conv
   * @param relu6 clip the output to [0, 6]
   */
  TfSameConv(int filters, int kernel, int stride, int groups, boolean relu6) {
    super(VERSION);
    this.kernel = kernel;
    this.stride = stride;
    this.relu6 = relu6;
    this.filters = filters;
    int symmetric = stride == 1 ? (kernel - 1) / 2 : 0;
    this.conv = addChildBlock("conv", Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(symmetric, symmetric))
        .optGroups(groups)
        .setFilters(filters)
        .optBias(true)
        .build());
  }

  public Conv2d conv() {
    return conv;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (stride == 2 && kernel == 3) {
      x = padBottomRight(x);
    }
    NDArray y = conv.forward(ps, new NDList(x), training).singletonOrThrow();
    return new NDList(relu6 ? y.clip(0f, 6f) : y);
  }

  /** One zero row at the bottom and one zero column at the right. */
  private static NDArray padBottomRight(NDArray x) {
    Shape s = x.getShape();
    if (s.get(2) % 2 != 0 || s.get(3) % 2 != 0) {
      throw new IllegalArgumentException(
          "MobileNetV2 needs even sides at every stride-2 layer (input sides multiples of 32), got " + s);
    }
    NDManager m = x.getManager();
    NDArray row = m.zeros(new Shape(s.get(0), s.get(1), 1, s.get(3)), x.getDataType());
    NDArray padded = x.concat(row, 2);
    NDArray column = m.zeros(new Shape(s.get(0), s.get(1), s.get(2) + 1, 1), x.getDataType());
    return padded.concat(column, 3);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    if (stride == 2 && kernel == 3) {
      in = new Shape(in.get(0), in.get(1), in.get(2) + 1, in.get(3) + 1);
    }
    conv.initialize(manager, dataType, in);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(in.get(0), filters, (in.get(2) + stride - 1) / stride, (in.get(3) + stride - 1) / stride)
    };
  }
}
