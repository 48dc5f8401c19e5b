package org.polypseg.model.efficientnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polypseg.model.tf.TfSameConv;

/**
 * EfficientNet-B0 (Tan and Le 2019) without its classifier, as the U-Net's encoder, laid out layer
 * for layer like TF Hub's ImageNet network so its pretrained weights load by name: a 3×3 stride-2
 * stem (32 channels, swish), 16 {@link MBConv} blocks in 7 stages, and optionally the 1×1 head (1280
 * channels, swish) the ImageNet classifier needs. Every conv has TensorFlow 'SAME' padding and
 * folded batch norm (no BatchNorm layers: with a 2-core CPU's small batches their statistics would
 * be noise).
 *
 * <p>Input (B, 3, H, W) normalised with ImageNet's mean and std, sides multiples of 32. Output: the
 * five feature taps at strides 2, 4, 8, 16 and 32 (16, 24, 40, 112 and 320 channels), the outputs
 * of blocks 0, 2, 4, 10 and 15 (linear, after their residual add), then the head's output when the
 * encoder has one.
 */
public final class EfficientNetB0Encoder extends AbstractBlock {

  private static final byte VERSION = 1;

  static final int KERNEL = 0;
  static final int STRIDE = 1;
  static final int EXPANSION = 2;
  static final int OUT = 3;
  static final int REPEATS = 4;
  /** Per stage: kernel, stride of its first block, expansion, output channels, blocks. */
  static final int[][] STAGES = {
    {3, 1, 1, 16, 1},
    {3, 2, 6, 24, 2},
    {5, 2, 6, 40, 2},
    {3, 2, 6, 80, 3},
    {5, 1, 6, 112, 3},
    {5, 2, 6, 192, 4},
    {3, 1, 6, 320, 1},
  };

  static final int STEM_CHANNELS = 32;
  static final int HEAD_CHANNELS = 1280;
  static final int CLASSES = 1000;
  /** Blocks whose output is a feature tap (strides 2, 4, 8, 16, 32). */
  private static final Set<Integer> TAP_BLOCKS = Set.of(0, 2, 4, 10, 15);
  /** Channels of the taps at strides 2, 4, 8, 16, 32. */
  public static final int[] TAP_CHANNELS = {16, 24, 40, 112, 320};

  private final TfSameConv stem;
  private final List<MBConv> blocks = new ArrayList<>();
  private final TfSameConv head;

  /**
   * @param withHead also build the 1280-channel head (only the ImageNet classifier needs it; the
   *     U-Net taps stride 32 at block 15)
   */
  public EfficientNetB0Encoder(boolean withHead) {
    super(VERSION);
    stem = addChildBlock("stem", new TfSameConv(STEM_CHANNELS, 3, 2, 1, TfSameConv.Activation.SWISH));
    int in = STEM_CHANNELS;
    int n = 0;
    for (int[] stage : STAGES) {
      for (int b = 0; b < stage[REPEATS]; b++, n++) {
        int stride = b == 0 ? stage[STRIDE] : 1;
        blocks.add(addChildBlock("block" + n,
            new MBConv(in, stage[OUT], stage[EXPANSION], stage[KERNEL], stride)));
        in = stage[OUT];
      }
    }
    head = withHead
        ? addChildBlock("head", new TfSameConv(HEAD_CHANNELS, 1, 1, 1, TfSameConv.Activation.SWISH))
        : null;
  }

  /** Every layer by the name of its arrays ({@code stem.conv}, {@code blocks.3.se.reduce} …). */
  public Map<String, TfSameConv> layers() {
    Map<String, TfSameConv> layers = new LinkedHashMap<>();
    layers.put("stem.conv", stem);
    for (int i = 0; i < blocks.size(); i++) {
      PairList<String, TfSameConv> inner = blocks.get(i).layers();
      for (int j = 0; j < inner.size(); j++) {
        layers.put("blocks." + i + "." + inner.keyAt(j), inner.valueAt(j));
      }
    }
    if (head != null) {
      layers.put("head.conv", head);
    }
    return layers;
  }

  /**
   * Copies pretrained values into the initialised layers, in place (so a trainer that already holds
   * the parameter arrays trains these values).
   *
   * @throws IllegalArgumentException when an array is missing or its shape does not fit its layer
   */
  public void loadPretrained(EfficientNetWeights weights) {
    for (Map.Entry<String, TfSameConv> layer : layers().entrySet()) {
      for (String kind : List.of("weight", "bias")) {
        String name = layer.getKey() + "." + kind;
        EfficientNetWeights.NamedArray array = weights.arrays().get(name);
        Parameter parameter = layer.getValue().conv().getParameters().get(kind);
        NDArray target = parameter.getArray();
        if (array == null || !target.getShape().equals(new Shape(array.shape()))) {
          throw new IllegalArgumentException(weights.source() + ": array " + name + " is "
              + (array == null ? "missing" : new Shape(array.shape()).toString())
              + ", the encoder's layer needs " + target.getShape());
        }
        target.set(FloatBuffer.wrap(array.values()));
      }
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = stem.forward(ps, inputs, training);
    NDList taps = new NDList(TAP_CHANNELS.length + 1);
    for (int i = 0; i < blocks.size(); i++) {
      x = blocks.get(i).forward(ps, x, training);
      if (TAP_BLOCKS.contains(i)) {
        taps.add(x.singletonOrThrow());
      }
    }
    if (head != null) {
      taps.add(head.forward(ps, x, training).singletonOrThrow());
    }
    return taps;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shape = inputShapes;
    stem.initialize(manager, dataType, shape);
    shape = stem.getOutputShapes(shape);
    for (MBConv block : blocks) {
      block.initialize(manager, dataType, shape);
      shape = block.getOutputShapes(shape);
    }
    if (head != null) {
      head.initialize(manager, dataType, shape);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    Shape[] taps = new Shape[TAP_CHANNELS.length + (head == null ? 0 : 1)];
    for (int t = 0; t < TAP_CHANNELS.length; t++) {
      long stride = 2L << t;
      taps[t] = new Shape(in.get(0), TAP_CHANNELS[t], in.get(2) / stride, in.get(3) / stride);
    }
    if (head != null) {
      taps[TAP_CHANNELS.length] = new Shape(in.get(0), HEAD_CHANNELS, in.get(2) / 32, in.get(3) / 32);
    }
    return taps;
  }

  /** 2 × multiply-accumulates of one forward pass at {@code side}² pixels (no head), from the table. */
  public static double flops(long side) {
    side /= 2;
    double flops = 2.0 * 3 * STEM_CHANNELS * 9 * side * side;
    int in = STEM_CHANNELS;
    for (int[] stage : STAGES) {
      for (int b = 0; b < stage[REPEATS]; b++) {
        int hidden = in * stage[EXPANSION];
        if (stage[EXPANSION] != 1) {
          flops += 2.0 * in * hidden * side * side; // expand
        }
        side /= b == 0 ? stage[STRIDE] : 1;
        flops += 2.0 * hidden * stage[KERNEL] * stage[KERNEL] * side * side; // depthwise
        flops += 2.0 * 2 * hidden * Math.max(1, in / 4); // squeeze-excitation
        flops += 2.0 * hidden * stage[OUT] * side * side; // project
        in = stage[OUT];
      }
    }
    return flops;
  }
}
