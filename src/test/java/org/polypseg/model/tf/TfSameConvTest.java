package org.polypseg.model.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stride-2 layer pads its input's bottom row and right column with zeros (TensorFlow's 'SAME').
 * Training copies the input into a padded one; inference instead widens the kernel by a zero row
 * and column and pads symmetrically. Both must give the same map: the same windows, the same
 * weights, the same output size, for 3×3 and 5×5 kernels, full and depthwise.
 */
class TfSameConvTest {

  @ParameterizedTest(name = "{0}x{0} kernel, groups {1}")
  @CsvSource({"3, 1", "3, 8", "5, 1", "5, 8"})
  void inferenceWithoutThePaddedCopyMatchesTraining(int kernel, int groups) {
    try (NDManager manager = NDManager.newBaseManager()) {
      TfSameConv conv = new TfSameConv(8, kernel, 2, groups, TfSameConv.Activation.NONE);
      Shape shape = new Shape(2, 8, 14, 10);
      conv.initialize(manager, DataType.FLOAT32, shape);
      // A bias that is not zero, so that a window shifted onto padding shows.
      conv.conv().getParameters().get("bias").getArray().addi(0.25f);
      NDArray x = manager.randomNormal(shape);
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray copied = conv.forward(ps, new NDList(x), true).singletonOrThrow();
      NDArray widened = conv.forward(ps, new NDList(x), false).singletonOrThrow();
      assertThat(widened.getShape()).isEqualTo(new Shape(2, 8, 7, 5));
      assertThat(widened.getShape()).isEqualTo(copied.getShape());
      assertThat(widened.sub(copied).abs().max().getFloat()).isLessThan(1e-5f);
      // TensorFlow's 'SAME' by its definition: (k - 3) / 2 zeros before each side, (k - 1) / 2
      // after it, then a plain convolution.
      long before = (kernel - 3) / 2;
      long after = (kernel - 1) / 2;
      NDArray padded = x.pad(new Shape(before, after, before, after), 0);
      NDArray reference = Conv2d.conv2d(padded,
          conv.conv().getParameters().get("weight").getArray(),
          conv.conv().getParameters().get("bias").getArray(), new Shape(2, 2), new Shape(0, 0),
          new Shape(1, 1), groups).singletonOrThrow();
      assertThat(widened.sub(reference).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @ParameterizedTest(name = "training {0}")
  @CsvSource({"true", "false"})
  void oddSidesAreRefusedWithTheReason(boolean training) {
    try (NDManager manager = NDManager.newBaseManager()) {
      TfSameConv conv = new TfSameConv(4, 3, 2, 1, TfSameConv.Activation.NONE);
      conv.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 8, 8));
      NDArray odd = manager.randomNormal(new Shape(1, 4, 9, 8));
      ParameterStore ps = new ParameterStore(manager, false);
      assertThatThrownBy(() -> conv.forward(ps, new NDList(odd), training))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("even sides");
    }
  }
}
