package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * The block at the U-Net's bottleneck (and, with placement decoder, after each decoder stage, see
 * {@link DecoderGates}): global-average-pool the features (B, C, h, w) to (B, C),
 * map them to n angles in (−π, π), pass them through the mixer (the variational circuit, whose m
 * observables give m outputs, or in the ablation a dense layer + tanh of the same width n), and use
 * the outputs to scale every
 * feature channel by 1 + tanh(·), a gate that starts near identity. With mixer "none" (the
 * ablation without a mixer) it is the identity and has no parameters.
 *
 * <p>Outside training the features are scaled in place: pass a map that nothing else reads
 * afterwards (every network here passes the output of the block before it).
 */
public final class BottleneckMixer extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Block toAngles;
  private final Block mixer;
  private final Block toScale;
  private final int width;
  private final int outputs;

  /**
   * @param channels feature channels where it sits (the gate has one factor per channel)
   */
  public BottleneckMixer(ModelSpec spec, int channels, CircuitBackend inferenceBackend) {
    super(VERSION);
    this.width = spec.qubits();
    this.outputs = spec.quantum() ? spec.circuitSpec().outputCount() : width;
    if (ModelSpec.NO_MIXER.equals(spec.mixer())) {
      toAngles = null;
      mixer = null;
      toScale = null;
      return;
    }
    this.toAngles = addChildBlock("toAngles", Linear.builder().setUnits(width).build());
    Block chosen =
        spec.quantum()
            ? new QuantumCircuitBlock(spec.circuitSpec(), inferenceBackend)
            : new SequentialBlock()
                .add(Linear.builder().setUnits(width).build())
                .add(Activation.tanhBlock());
    this.mixer = addChildBlock(spec.quantum() ? "circuit" : "dense", chosen);
    this.toScale =
        addChildBlock("toScale", Linear.builder().setUnits(channels).build());
  }

  /** The circuit block, or null for the classical and no-mixer ablations. */
  public QuantumCircuitBlock circuit() {
    return mixer instanceof QuantumCircuitBlock q ? q : null;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = inputs.singletonOrThrow();
    if (mixer == null) {
      return new NDList(features);
    }
    long batch = features.getShape().get(0);
    long channels = features.getShape().get(1);
    // Global average pooling; the PyTorch engine reduces one axis at a time.
    NDArray pooled = features.reshape(batch, channels, -1).mean(new int[] {2});
    NDArray angles =
        toAngles.forward(ps, new NDList(pooled), training).singletonOrThrow().tanh().mul(Math.PI);
    NDArray mixed = mixer.forward(ps, new NDList(angles), training).singletonOrThrow();
    NDArray scale = toScale.forward(ps, new NDList(mixed), training).singletonOrThrow();
    NDArray gate = scale.tanh().add(1f).reshape(batch, channels, 1, 1);
    // In place outside training (the features are the previous block's own output, read by
    // nothing else); autograd needs them untouched in training.
    return new NDList(training ? features.mul(gate) : features.muli(gate));
  }

  @Override
  protected void initializeChildBlocks(
      ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    if (mixer == null) {
      return;
    }
    long batch = inputShapes[0].get(0);
    long channels = inputShapes[0].get(1);
    toAngles.initialize(manager, dataType, new Shape(batch, channels));
    mixer.initialize(manager, dataType, new Shape(batch, width));
    toScale.initialize(manager, dataType, new Shape(batch, outputs));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
