package org.polypseg.model.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.polypseg.model.tf.TfSameConv;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MobileNetV2 1.0 (Sandler et al. 2018) without its classifier, as the U-Net's encoder, laid out
 * layer for layer like TF-Slim's ImageNet network so its pretrained weights load by name: a 3×3
 * stride-2 stem (32 channels), 17 {@link InvertedResidual} blocks and the 1×1 head (1280 channels),
 * every conv with TensorFlow 'SAME' padding and folded batch norm.
 *
 * <p>Input (B, 3, H, W) scaled to [−1, 1], sides multiples of 32. Output: the five feature taps at
 * strides 2, 4, 8, 16 and 32 (16, 24, 32, 96 and 1280 channels): the outputs of blocks 0, 2, 5, 12
 * (linear bottlenecks, after their residual add) and of the head (ReLU6).
 */
public final class MobileNetV2Encoder extends AbstractBlock {

  private static final byte VERSION = 1;

  /** Per block: expansion, output channels, stride of its depthwise conv. */
  static final int[][] BLOCKS = {
    {1, 16, 1},
    {6, 24, 2}, {6, 24, 1},
    {6, 32, 2}, {6, 32, 1}, {6, 32, 1},
    {6, 64, 2}, {6, 64, 1}, {6, 64, 1}, {6, 64, 1},
    {6, 96, 1}, {6, 96, 1}, {6, 96, 1},
    {6, 160, 2}, {6, 160, 1}, {6, 160, 1},
    {6, 320, 1},
  };

  static final int STEM_CHANNELS = 32;
  static final int HEAD_CHANNELS = 1280;
  /** Blocks whose output is a feature tap (strides 2, 4, 8, 16); the head gives stride 32. */
  private static final Set<Integer> TAP_BLOCKS = Set.of(0, 2, 5, 12);
  /** Channels of the taps at strides 2, 4, 8, 16, 32. */
  public static final int[] TAP_CHANNELS = {16, 24, 32, 96, HEAD_CHANNELS};

  private final TfSameConv stem;
  private final List<InvertedResidual> blocks = new ArrayList<>();
  private final TfSameConv head;

  public MobileNetV2Encoder() {
    super(VERSION);
    stem = addChildBlock("stem", new TfSameConv(STEM_CHANNELS, 3, 2, 1, TfSameConv.Activation.RELU6));
    int in = STEM_CHANNELS;
    for (int i = 0; i < BLOCKS.length; i++) {
      int[] b = BLOCKS[i];
      blocks.add(addChildBlock("block" + i, new InvertedResidual(in, b[1], b[0], b[2])));
      in = b[1];
    }
    head = addChildBlock("head", new TfSameConv(HEAD_CHANNELS, 1, 1, 1, TfSameConv.Activation.RELU6));
  }

  /**
   * Every pretrained layer by the name of its arrays ({@code stem.conv}, {@code blocks.3.expand},
   * {@code head.conv} …: the names of the shared weights.npz and of {@link PretrainedWeights}).
   */
  public Map<String, TfSameConv> layers() {
    Map<String, TfSameConv> layers = new LinkedHashMap<>();
    layers.put("stem.conv", stem);
    for (int i = 0; i < blocks.size(); i++) {
      PairList<String, TfSameConv> inner = blocks.get(i).layers();
      for (int j = 0; j < inner.size(); j++) {
        layers.put("blocks." + i + "." + inner.keyAt(j), inner.valueAt(j));
      }
    }
    layers.put("head.conv", head);
    return layers;
  }

  /**
   * Copies pretrained values into the initialised layers, in place (so a trainer that already holds
   * the parameter arrays trains these values).
   *
   * @throws IllegalArgumentException when an array is missing or its size does not fit its layer
   */
  public void loadPretrained(PretrainedWeights weights) {
    for (Map.Entry<String, TfSameConv> layer : layers().entrySet()) {
      for (String kind : List.of("weight", "bias")) {
        String name = layer.getKey() + "." + kind;
        PretrainedWeights.PretrainedArray array = weights.arrays().get(name);
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
    NDArray x = stem.forward(ps, inputs, training).singletonOrThrow();
    NDList taps = new NDList(TAP_CHANNELS.length);
    for (int i = 0; i < blocks.size(); i++) {
      x = blocks.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
      if (TAP_BLOCKS.contains(i)) {
        taps.add(x);
      }
    }
    taps.add(head.forward(ps, new NDList(x), training).singletonOrThrow());
    return taps;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    stem.initialize(manager, dataType, shape);
    shape = stem.getOutputShapes(new Shape[] {shape})[0];
    for (InvertedResidual block : blocks) {
      block.initialize(manager, dataType, shape);
      shape = block.getOutputShapes(new Shape[] {shape})[0];
    }
    head.initialize(manager, dataType, shape);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    Shape[] taps = new Shape[TAP_CHANNELS.length];
    for (int t = 0; t < taps.length; t++) {
      long stride = 2L << t;
      taps[t] = new Shape(in.get(0), TAP_CHANNELS[t], in.get(2) / stride, in.get(3) / stride);
    }
    return taps;
  }

  /** 2 × multiply-accumulates of one forward pass at {@code side}² pixels, from the layer table. */
  public static double flops(long side) {
    side /= 2;
    double flops = 2.0 * 3 * STEM_CHANNELS * 9 * side * side;
    int in = STEM_CHANNELS;
    for (int[] b : BLOCKS) {
      int hidden = in * b[0];
      if (b[0] != 1) {
        flops += 2.0 * in * hidden * side * side; // expand
      }
      side /= b[2];
      flops += 2.0 * hidden * 9 * side * side; // depthwise
      flops += 2.0 * hidden * b[1] * side * side; // project
      in = b[1];
    }
    return flops + 2.0 * in * HEAD_CHANNELS * side * side;
  }
}
