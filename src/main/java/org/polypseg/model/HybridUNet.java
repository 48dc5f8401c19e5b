package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.quantum.CircuitBackend;

/**
 * The plain hybrid U-Net, trained from scratch, with a variational quantum circuit at its bottleneck.
 *
 * <p>Input (B, 3, S, S) normalised RGB; output (B, 1, S, S) logits. Encoder: {@code depth} stages
 * of double 3x3 conv + BatchNorm + ReLU, each followed by 2x2 max-pooling; bottleneck: a double conv
 * and the {@link BottleneckMixer}; decoder: bilinear 2x upsampling (DJL's PyTorch engine has no
 * transposed convolution), concatenation with the skip connection, double conv (with placement
 * decoder, then gated by a circuit of its own, {@link DecoderGates}); a 1x1 conv head.
 */
public final class HybridUNet extends AbstractBlock implements SegmentationNetwork {

  private static final byte VERSION = 1;

  private final ModelSpec spec;
  private final List<Block> encoders = new ArrayList<>();
  private final Block bottleneck;
  private final BottleneckMixer mixer;
  private final List<Block> decoders = new ArrayList<>();
  private final Block head;
  private final DecoderGates decoderGates;

  public HybridUNet(ModelSpec spec, CircuitBackend inferenceBackend) {
    super(VERSION);
    this.spec = spec;
    for (int stage = 0; stage < spec.depth(); stage++) {
      encoders.add(addChildBlock("encoder" + stage, ConvBlocks.doubleConv(spec.channels(stage))));
    }
    bottleneck = addChildBlock("bottleneck", ConvBlocks.doubleConv(spec.channels(spec.depth())));
    mixer =
        addChildBlock(
            "mixer", new BottleneckMixer(spec, spec.channels(spec.depth()), inferenceBackend));
    for (int stage = spec.depth() - 1; stage >= 0; stage--) {
      decoders.add(addChildBlock("decoder" + stage, ConvBlocks.doubleConv(spec.channels(stage))));
    }
    head =
        addChildBlock(
            "head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    int[] stageChannels = new int[spec.depth()];
    for (int i = 0; i < stageChannels.length; i++) {
      stageChannels[i] = spec.channels(spec.depth() - 1 - i);
    }
    // Last, and only when placed: a bottleneck-only model's weights keep their layout.
    DecoderGates gates =
        new DecoderGates(spec, stageChannels, 1 << (spec.depth() - 1), inferenceBackend);
    decoderGates = gates.placed() ? addChildBlock("decoderGates", gates) : gates;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public List<PlacedCircuit> circuits() {
    return decoderGates.circuits(mixer);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    List<NDArray> skips = new ArrayList<>();
    for (Block encoder : encoders) {
      x = encoder.forward(ps, new NDList(x), training).singletonOrThrow();
      skips.add(x);
      x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }
    x = bottleneck.forward(ps, new NDList(x), training).singletonOrThrow();
    x = mixer.forward(ps, new NDList(x), training).singletonOrThrow();
    for (int i = 0; i < decoders.size(); i++) {
      NDArray skip = skips.get(skips.size() - 1 - i);
      x = ConvBlocks.upsampleAndJoin(x, skip);
      x = decoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
      x = decoderGates.gate(i, ps, x, training);
    }
    return head.forward(ps, new NDList(x), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    long batch = shape.get(0);
    long h = shape.get(2);
    long w = shape.get(3);
    List<Shape> skipShapes = new ArrayList<>();
    for (int stage = 0; stage < encoders.size(); stage++) {
      encoders.get(stage).initialize(manager, dataType, shape);
      shape = new Shape(batch, spec.channels(stage), h >> stage, w >> stage);
      skipShapes.add(shape);
      shape = new Shape(batch, spec.channels(stage), h >> (stage + 1), w >> (stage + 1));
    }
    bottleneck.initialize(manager, dataType, shape);
    shape = new Shape(batch, spec.channels(spec.depth()), shape.get(2), shape.get(3));
    mixer.initialize(manager, dataType, shape);
    Shape[] stageOutputs = new Shape[decoders.size()];
    for (int i = 0; i < decoders.size(); i++) {
      Shape skip = skipShapes.get(skipShapes.size() - 1 - i);
      Shape concat = new Shape(batch, shape.get(1) + skip.get(1), skip.get(2), skip.get(3));
      decoders.get(i).initialize(manager, dataType, concat);
      shape = skip;
      stageOutputs[i] = skip;
    }
    decoderGates.initialize(manager, dataType, stageOutputs);
    head.initialize(manager, dataType, shape);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
  }

  /**
   * Multiply-accumulate count × 2 of one forward pass on one image, from the layer shapes (convs
   * only; BatchNorm, ReLU, pooling and the circuit are below 1% and left out).
   */
  @Override
  public double flopsPerImage() {
    double flops = 0;
    long side = spec.inputSize();
    int in = 3;
    for (int stage = 0; stage < spec.depth(); stage++) {
      int c = spec.channels(stage);
      flops += convFlops(in, c, 3, side) + convFlops(c, c, 3, side);
      in = c;
      side /= 2;
    }
    int c = spec.channels(spec.depth());
    flops += convFlops(in, c, 3, side) + convFlops(c, c, 3, side);
    for (int stage = spec.depth() - 1; stage >= 0; stage--) {
      side *= 2;
      int out = spec.channels(stage);
      flops += convFlops(c + out, out, 3, side) + convFlops(out, out, 3, side);
      c = out;
    }
    flops += convFlops(c, 1, 1, side);
    return flops;
  }

  private static double convFlops(int in, int out, int kernel, long side) {
    return 2.0 * in * out * kernel * kernel * side * side;
  }
}
