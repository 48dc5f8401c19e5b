package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.model.mobilenet.MobileNetV2Encoder;
import org.polypseg.quantum.CircuitBackend;

/**
 * The shipped hybrid U-Net: the ImageNet-pretrained {@link MobileNetV2Encoder}, the variational
 * circuit at its bottleneck, and a U-Net decoder.
 *
 * <p>Input (B, 3, S, S) scaled to [−1, 1], S a multiple of 32; output (B, 1, S, S) logits. The
 * stride-32 features (1280 channels) are reduced to {@link #BOTTLENECK} channels by a 1×1 conv,
 * gated by the {@link BottleneckMixer} (pooled → angles → circuit → ⟨Z⟩ → per-channel gate), then
 * four decoder stages each upsample bilinearly ×2 (DJL's PyTorch engine has no transposed conv),
 * concatenate the encoder's tap at that stride and apply two 3×3 conv + BatchNorm + ReLU (with
 * placement decoder, each stage's output then gated by a circuit of its own, {@link DecoderGates}). A 1×1 conv
 * gives logits at stride 2, upsampled bilinearly to the input size (a full-resolution decoder stage
 * would cost more than the whole encoder for little gain at these mask boundaries).
 */
public final class PretrainedMobileNetUNet extends AbstractBlock implements SegmentationNetwork {

  private static final byte VERSION = 1;

  /** Channels at the bottleneck, the width the circuit's gate acts on. */
  static final int BOTTLENECK = 160;
  /** Decoder widths at strides 16, 8, 4, 2. */
  static final int[] DECODER = {96, 64, 32, 24};

  private final ModelSpec spec;
  private final MobileNetV2Encoder encoder;
  private final Block bottleneck;
  private final BottleneckMixer mixer;
  private final List<Block> decoders = new ArrayList<>();
  private final Block head;
  private final DecoderGates decoderGates;

  public PretrainedMobileNetUNet(ModelSpec spec, CircuitBackend inferenceBackend) {
    super(VERSION);
    this.spec = spec;
    encoder = addChildBlock("encoder", new MobileNetV2Encoder());
    bottleneck = addChildBlock("bottleneck", ConvBlocks.pointwise(BOTTLENECK));
    mixer = addChildBlock("mixer", new BottleneckMixer(spec, BOTTLENECK, inferenceBackend));
    for (int i = 0; i < DECODER.length; i++) {
      decoders.add(addChildBlock("decoder" + i, ConvBlocks.doubleConv(DECODER[i])));
    }
    head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    // Last, and only when placed: a bottleneck-only model's weights keep their layout.
    DecoderGates gates = new DecoderGates(spec, DECODER, 16, inferenceBackend);
    decoderGates = gates.placed() ? addChildBlock("decoderGates", gates) : gates;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  /** The pretrained part, to load ImageNet weights into and to train at a lower rate. */
  public MobileNetV2Encoder encoder() {
    return encoder;
  }

  @Override
  public Block pretrainedEncoderBlock() {
    return encoder;
  }

  @Override
  public List<PlacedCircuit> circuits() {
    return decoderGates.circuits(mixer);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forwardStages(ps, inputs, training).getFirst());
  }

  /**
   * The logits (B, 1, S, S) followed by the outputs of the decoder's first three stages (strides
   * 16, 8, 4; {@link #DECODER} channels): what deep supervision puts its side outputs on.
   */
  public NDList forwardStages(ParameterStore ps, NDList inputs, boolean training) {
    NDArray input = inputs.singletonOrThrow();
    NDList taps = encoder.forward(ps, inputs, training);
    NDArray x = bottleneck.forward(ps, new NDList(taps.get(4)), training).singletonOrThrow();
    x = mixer.forward(ps, new NDList(x), training).singletonOrThrow();
    NDList stages = new NDList();
    for (int i = 0; i < decoders.size(); i++) {
      NDArray skip = taps.get(3 - i);
      x = ConvBlocks.upsampleAndJoin(x, skip);
      x = decoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
      x = decoderGates.gate(i, ps, x, training);
      if (i < decoders.size() - 1) {
        stages.add(x);
      }
    }
    NDArray logits = head.forward(ps, new NDList(x), training).singletonOrThrow();
    NDList out = new NDList(ConvBlocks.upsample(logits, input.getShape().get(2), input.getShape().get(3)));
    out.addAll(stages);
    return out;
  }

  /** Channels of each decoder stage {@link #forwardStages} returns after the logits. */
  public static int[] sideStageChannels() {
    return java.util.Arrays.copyOf(DECODER, DECODER.length - 1);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    encoder.initialize(manager, dataType, in);
    Shape[] taps = encoder.getOutputShapes(new Shape[] {in});
    Shape shape = new Shape(in.get(0), BOTTLENECK, taps[4].get(2), taps[4].get(3));
    bottleneck.initialize(manager, dataType, taps[4]);
    mixer.initialize(manager, dataType, shape);
    long channels = BOTTLENECK;
    Shape[] stageOutputs = new Shape[DECODER.length];
    for (int i = 0; i < decoders.size(); i++) {
      Shape skip = taps[3 - i];
      decoders.get(i).initialize(manager, dataType,
          new Shape(in.get(0), channels + skip.get(1), skip.get(2), skip.get(3)));
      channels = DECODER[i];
      stageOutputs[i] = new Shape(in.get(0), channels, skip.get(2), skip.get(3));
    }
    decoderGates.initialize(manager, dataType, stageOutputs);
    head.initialize(manager, dataType, new Shape(in.get(0), channels, taps[0].get(2), taps[0].get(3)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
  }

  @Override
  public double flopsPerImage() {
    long side = spec.inputSize();
    double flops = MobileNetV2Encoder.flops(side);
    long s32 = side / 32;
    flops += 2.0 * MobileNetV2Encoder.TAP_CHANNELS[4] * BOTTLENECK * s32 * s32;
    long c = BOTTLENECK;
    for (int i = 0; i < DECODER.length; i++) {
      long s = side >> (4 - i);
      long in = c + MobileNetV2Encoder.TAP_CHANNELS[3 - i];
      flops += 2.0 * 9 * (in * DECODER[i] + (long) DECODER[i] * DECODER[i]) * s * s;
      c = DECODER[i];
    }
    long s2 = side / 2;
    return flops + 2.0 * c * s2 * s2;
  }
}
