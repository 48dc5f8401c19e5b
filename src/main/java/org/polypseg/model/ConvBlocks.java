package org.polypseg.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The U-Net's repeated unit: two 3x3 convolutions, each followed by BatchNorm and ReLU. */
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
