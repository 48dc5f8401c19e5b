package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The decoders' repeated units: 3×3 convolutions (full or separable) with BatchNorm and ReLU; a 1×1 width change. */
final class ConvBlocks {

  private ConvBlocks() {}

  static SequentialBlock doubleConv(int channels) {
    return new SequentialBlock()
        .add(conv3x3(channels))
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock())
        .add(conv3x3(channels))
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  /**
   * Bilinear resize of (B, C, h, w) to (B, C, height, width): the U-Nets' up-sampling, since DJL's
   * PyTorch engine has no transposed convolution.
   */
  static NDArray upsample(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, 1, false); // 1 = bilinear
  }

  /** One decoder step: up-sample {@code x} to the skip's size and concatenate the skip's channels. */
  static NDArray upsampleAndJoin(NDArray x, NDArray skip) {
    NDArray up = upsample(x, skip.getShape().get(2), skip.getShape().get(3));
    return NDArrays.concat(new NDList(up, skip), 1);
  }

  /** A 1×1 conv + BatchNorm + ReLU: changes the width of a feature map. */
  static SequentialBlock pointwise(int channels) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels).optBias(false).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  /** One 3×3 conv + BatchNorm + ReLU. */
  static SequentialBlock singleConv(int channels) {
    return new SequentialBlock()
        .add(conv3x3(channels))
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  /**
   * A depthwise-separable 3×3 conv (depthwise over {@code in} channels, then 1×1 to {@code out}) +
   * BatchNorm + ReLU: a ninth of a full 3×3 conv's arithmetic, for wide, high-resolution maps.
   */
  static SequentialBlock separableConv(int in, int out) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
            .optGroups(in).setFilters(in).optBias(false).build())
        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(out).optBias(false).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  private static Conv2d conv3x3(int channels) {
    // No bias: BatchNorm's shift makes it redundant.
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(channels)
        .optBias(false)
        .build();
  }
}
