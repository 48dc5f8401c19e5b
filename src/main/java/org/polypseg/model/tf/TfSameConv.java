package org.polypseg.model.tf;

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
 * One pretrained TensorFlow layer: a conv with bias (batch norm is folded into its weights, so
 * there is none here), TensorFlow's 'SAME' padding, and an activation ({@link Activation}).
 *
 * <p>'SAME' is asymmetric at stride 2: on an even side a k×k window needs (k − 2) / 2 rows
 * padded at the top and one more at the bottom (3×3: 0 and 1; 5×5: 1 and 2), the same for the
 * columns. PyTorch's symmetric padding gives the same output size with every window shifted by a
 * pixel, which measurably changes a pretrained network's output, so those convs get the symmetric
 * part ((k − 3) / 2) and one zero row and column are appended here at the bottom and right.
 * Inputs must have even sides at every stride-2 layer (sides that are multiples of 32).
 */
public final class TfSameConv extends AbstractBlock {

  private static final byte VERSION = 1;

  /** What follows the conv. */
  public enum Activation {
    NONE,
    /** min(max(x, 0), 6): MobileNetV2. */
    RELU6,
    /** x · sigmoid(x) (SiLU): EfficientNet. */
    SWISH,
    /** sigmoid(x): the squeeze-excitation gate. */
    SIGMOID;

    NDArray apply(NDArray x, boolean training) {
      return switch (this) {
        case NONE -> x;
        case RELU6 -> x.clip(0f, 6f);
        // Two ops on this engine (it has no SiLU). Outside training the sigmoid's output is
        // multiplied in place: one map fewer to allocate and write per layer. In training autograd
        // needs that output for the sigmoid's gradient, so it stays untouched.
        case SWISH -> training
            ? x.mul(x.getNDArrayInternal().sigmoid())
            : x.getNDArrayInternal().sigmoid().muli(x);
        case SIGMOID -> x.getNDArrayInternal().sigmoid();
      };
    }
  }

  private final Conv2d conv;
  private final int stride;
  private final Activation activation;
  private final int filters;
  private final int groups;

  /**
   * @param filters output channels
   * @param kernel odd square kernel side (1, 3, 5)
   * @param stride 1 or 2
   * @param groups 1, or the channel count for a depthwise conv
   * @param activation what follows the conv
   */
  public TfSameConv(int filters, int kernel, int stride, int groups, Activation activation) {
    super(VERSION);
    if (kernel % 2 == 0 || (stride != 1 && stride != 2) || (stride == 2 && kernel < 3)) {
      throw new IllegalArgumentException("TF 'SAME' conv needs an odd kernel (at least 3 at stride 2), was "
          + kernel + " at stride " + stride);
    }
    this.stride = stride;
    this.activation = activation;
    this.filters = filters;
    this.groups = groups;
    int symmetric = stride == 1 ? (kernel - 1) / 2 : (kernel - 3) / 2;
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
    NDArray y;
    if (stride == 2 && !training) {
      y = strideTwoWithoutCopy(ps, x);
    } else {
      if (stride == 2) {
        x = padBottomRight(x);
      }
      y = conv.forward(ps, new NDList(x), training).singletonOrThrow();
    }
    return new NDList(activation.apply(y, training));
  }

  /**
   * The stride-2 conv with its extra bottom row and right column of zeros, without copying the
   * input into a padded one (a copy of the whole map: 5 % of an inference): the kernel gets a row
   * of zeros at the top and a column at the left, and the symmetric padding one more pixel. The
   * widened window then covers the same pixels with the same weights, one zero-weighted pixel
   * before them, and the output has the same size. For inference only: in training the copy
   * stays, so that the weight's gradient is that of the k×k kernel.
   */
  private NDArray strideTwoWithoutCopy(ParameterStore ps, NDArray x) {
    checkEvenSides(x);
    NDArray weight = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), false);
    NDArray bias = ps.getValue(conv.getParameters().get("bias"), x.getDevice(), false);
    NDArray widened = weight.pad(new Shape(1, 0, 1, 0), 0); // (left, right, top, bottom)
    long padding = (widened.getShape().get(2) - 2) / 2;
    return Conv2d.conv2d(x, widened, bias, new Shape(2, 2), new Shape(padding, padding),
        new Shape(1, 1), groups).singletonOrThrow();
  }

  /** One zero row at the bottom and one zero column at the right. */
  private static NDArray padBottomRight(NDArray x) {
    checkEvenSides(x);
    return x.pad(new Shape(0, 1, 0, 1), 0); // (left, right, top, bottom) of the last two axes
  }

  private static void checkEvenSides(NDArray x) {
    Shape s = x.getShape();
    if (s.get(2) % 2 != 0 || s.get(3) % 2 != 0) {
      throw new IllegalArgumentException(
          "the pretrained encoder needs even sides at every stride-2 layer (input sides multiples of 32), got " + s);
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    if (stride == 2) {
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
