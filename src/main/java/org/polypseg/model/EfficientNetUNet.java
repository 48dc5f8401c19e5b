package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.polypseg.model.efficientnet.EfficientNetB0Encoder;
import org.polypseg.quantum.CircuitBackend;

/**
 * The hybrid U-Net on the ImageNet-pretrained {@link EfficientNetB0Encoder}: the variational circuit
 * gates the bottleneck, and a light decoder spends its arithmetic where the misses are (small, flat
 * polyps and their edges) rather than on wide convs at every stride.
 *
 * <p>Input (B, 3, S, S) normalised with ImageNet's mean and std, S a multiple of 32; output (B, 1,
 * S, S) logits. The decoder:
 * <ol>
 *   <li>bottleneck: the stride-32 tap (320 channels) → 1×1 conv to {@link #BOTTLENECK} channels,
 *       gated per channel by the {@link BottleneckMixer} (the circuit);
 *   <li>top-down path: at strides 16, 8 and 4, upsample ×2, concatenate the encoder's tap and apply
 *       one 3×3 conv + BatchNorm + ReLU ({@link #PATH} channels; depthwise-separable at stride 4);
 *       with placement decoder each stage's output is then gated by a circuit of its own
 *       ({@link DecoderGates}), before the fusion below reads it;
 *   <li>full-scale fusion at stride 4: the stride-16 and stride-8 path outputs are upsampled to
 *       stride 4 and concatenated with it, so the deepest context reaches the fine map directly
 *       (as in EffiSegNet/ESFPNet), → 1×1 conv → separable 3×3 conv ({@link #FUSED} channels);
 *   <li>edge stage at stride 2: upsample, concatenate the stride-2 tap (16 channels, where a 3-pixel
 *       polyp is still a few pixels wide) and apply a depthwise-separable 3×3 conv, cheap at 176²;
 *   <li>a 1×1 conv to logits, upsampled bilinearly ×2 to the input size.
 * </ol>
 */
public final class EfficientNetUNet extends AbstractBlock implements SegmentationNetwork {

  private static final byte VERSION = 1;

  /** Channels at the bottleneck, the width the circuit's gate acts on. */
  static final int BOTTLENECK = 128;
  /** Widths of the top-down path at strides 16, 8 and 4. */
  static final int[] PATH = {64, 64, 32};
  /** Width of the fused stride-4 map. */
  static final int FUSED = 32;
  /** Width of the stride-2 edge stage. */
  static final int EDGE = 16;

  private final ModelSpec spec;
  private final EfficientNetB0Encoder encoder;
  private final Block bottleneck;
  private final BottleneckMixer mixer;
  private final Block[] path = new Block[PATH.length];
  private final DecoderGates pathGates;
  private final Block fuse;
  private final Block refine;
  private final Block edge;
  private final Block head;

  public EfficientNetUNet(ModelSpec spec, CircuitBackend inferenceBackend) {
    super(VERSION);
    this.spec = spec;
    encoder = addChildBlock("encoder", new EfficientNetB0Encoder(false));
    bottleneck = addChildBlock("bottleneck", ConvBlocks.pointwise(BOTTLENECK));
    mixer = addChildBlock("mixer", new BottleneckMixer(spec, BOTTLENECK, inferenceBackend));
    int[] taps = EfficientNetB0Encoder.TAP_CHANNELS;
    int channels = BOTTLENECK;
    for (int i = 0; i < PATH.length; i++) {
      // Full 3×3 convs on the small maps (strides 16, 8); separable at stride 4, where a full one
      // would cost more than the rest of the decoder.
      int in = channels + taps[3 - i];
      path[i] = addChildBlock("path" + i,
          i < PATH.length - 1 ? ConvBlocks.singleConv(PATH[i]) : ConvBlocks.separableConv(in, PATH[i]));
      channels = PATH[i];
    }
    fuse = addChildBlock("fuse", ConvBlocks.pointwise(FUSED));
    refine = addChildBlock("refine", ConvBlocks.separableConv(FUSED, FUSED));
    edge = addChildBlock("edge", ConvBlocks.separableConv(FUSED + EfficientNetB0Encoder.TAP_CHANNELS[0], EDGE));
    head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    // Last, and only when placed: a bottleneck-only model's weights keep their layout.
    DecoderGates gates = new DecoderGates(spec, PATH, 16, inferenceBackend);
    pathGates = gates.placed() ? addChildBlock("pathGates", gates) : gates;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  /** The pretrained part, to load ImageNet weights into and to train at a lower rate. */
  public EfficientNetB0Encoder encoder() {
    return encoder;
  }

  @Override
  public Block pretrainedEncoderBlock() {
    return encoder;
  }

  @Override
  public List<PlacedCircuit> circuits() {
    return pathGates.circuits(mixer);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.singletonOrThrow();
    NDList taps = encoder.forward(ps, inputs, training);
    NDArray x = bottleneck.forward(ps, new NDList(taps.get(4)), training).singletonOrThrow();
    x = mixer.forward(ps, new NDList(x), training).singletonOrThrow();
    NDArray[] outputs = new NDArray[PATH.length];
    for (int i = 0; i < PATH.length; i++) {
      x = ConvBlocks.upsampleAndJoin(x, taps.get(3 - i));
      x = path[i].forward(ps, new NDList(x), training).singletonOrThrow();
      x = pathGates.gate(i, ps, x, training);
      outputs[i] = x;
    }
    long h4 = x.getShape().get(2);
    long w4 = x.getShape().get(3);
    NDList scales = new NDList(x);
    for (int i = 0; i < PATH.length - 1; i++) {
      scales.add(ConvBlocks.upsample(outputs[i], h4, w4));
    }
    x = fuse.forward(ps, new NDList(NDArrays.concat(scales, 1)), training).singletonOrThrow();
    x = refine.forward(ps, new NDList(x), training).singletonOrThrow();
    x = ConvBlocks.upsampleAndJoin(x, taps.get(0));
    x = edge.forward(ps, new NDList(x), training).singletonOrThrow();
    NDArray logits = head.forward(ps, new NDList(x), training).singletonOrThrow();
    return new NDList(ConvBlocks.upsample(logits, input.getShape().get(2), input.getShape().get(3)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    long batch = in.get(0);
    encoder.initialize(manager, dataType, in);
    Shape[] taps = encoder.getOutputShapes(new Shape[] {in});
    bottleneck.initialize(manager, dataType, taps[4]);
    mixer.initialize(manager, dataType, new Shape(batch, BOTTLENECK, taps[4].get(2), taps[4].get(3)));
    long channels = BOTTLENECK;
    long fused = 0;
    Shape[] pathOutputs = new Shape[PATH.length];
    for (int i = 0; i < PATH.length; i++) {
      Shape skip = taps[3 - i];
      path[i].initialize(manager, dataType, new Shape(batch, channels + skip.get(1), skip.get(2), skip.get(3)));
      channels = PATH[i];
      fused += PATH[i];
      pathOutputs[i] = new Shape(batch, PATH[i], skip.get(2), skip.get(3));
    }
    pathGates.initialize(manager, dataType, pathOutputs);
    Shape s4 = taps[1];
    fuse.initialize(manager, dataType, new Shape(batch, fused, s4.get(2), s4.get(3)));
    refine.initialize(manager, dataType, new Shape(batch, FUSED, s4.get(2), s4.get(3)));
    Shape s2 = taps[0];
    edge.initialize(manager, dataType, new Shape(batch, FUSED + s2.get(1), s2.get(2), s2.get(3)));
    head.initialize(manager, dataType, new Shape(batch, EDGE, s2.get(2), s2.get(3)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
  }

  @Override
  public double flopsPerImage() {
    long side = spec.inputSize();
    int[] taps = EfficientNetB0Encoder.TAP_CHANNELS;
    double flops = EfficientNetB0Encoder.flops(side);
    long s32 = side / 32;
    flops += 2.0 * taps[4] * BOTTLENECK * s32 * s32;
    long c = BOTTLENECK;
    long fused = 0;
    for (int i = 0; i < PATH.length; i++) {
      long s = side >> (4 - i);
      long in = c + taps[3 - i];
      flops += i < PATH.length - 1 ? 2.0 * 9 * in * PATH[i] * s * s : separable(in, PATH[i], s);
      c = PATH[i];
      fused += PATH[i];
    }
    long s4 = side / 4;
    flops += 2.0 * fused * FUSED * s4 * s4 + separable(FUSED, FUSED, s4);
    long s2 = side / 2;
    flops += separable(FUSED + taps[0], EDGE, s2);
    return flops + 2.0 * EDGE * s2 * s2;
  }

  /** A depthwise 3×3 over {@code in} channels then a 1×1 to {@code out}, on a side² map. */
  private static double separable(long in, long out, long side) {
    return 2.0 * 9 * in * side * side + 2.0 * in * out * side * side;
  }
}
