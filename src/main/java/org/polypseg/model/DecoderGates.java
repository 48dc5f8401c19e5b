package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.quantum.CircuitBackend;

/**
 * The gates of placement {@link CircuitPlacement#DECODER}: after each decoder stage, a
 * {@link BottleneckMixer} of its own (pool → angles → circuit → per-channel gate, with its own
 * trained weights) re-scales that stage's output channels, so circuits alternate with the
 * decoder's convolutions. With placement bottleneck it holds no gate and passes every stage
 * unchanged; a network adds it as a child only when it holds gates, so that the weights file of
 * a bottleneck-only model keeps the layout it always had.
 *
 * <p>As a block its input is the stages' outputs, one array each, and its output the same arrays
 * gated; a network calls {@link #gate} stage by stage instead, between its convolutions.
 */
final class DecoderGates extends AbstractBlock {

  private static final byte VERSION = 1;

  private final List<BottleneckMixer> gates = new ArrayList<>();
  private final int[] channels;
  private final int firstStride;

  /**
   * @param channels output channels of each decoder stage, deepest first
   * @param firstStride the deepest stage's stride (each later stage halves it), for naming sites
   */
  DecoderGates(ModelSpec spec, int[] channels, int firstStride, CircuitBackend inferenceBackend) {
    super(VERSION);
    this.channels = channels.clone();
    this.firstStride = firstStride;
    if (spec.placement() == CircuitPlacement.DECODER) {
      for (int i = 0; i < channels.length; i++) {
        gates.add(addChildBlock("stage" + i, new BottleneckMixer(spec, channels[i], inferenceBackend)));
      }
    }
  }

  /** Whether there are gates to add to the network (placement decoder). */
  boolean placed() {
    return !gates.isEmpty();
  }

  /** Stage {@code stage}'s output (B, C, h, w) gated by its own circuit; unchanged without gates. */
  NDArray gate(int stage, ParameterStore ps, NDArray x, boolean training) {
    return gates.isEmpty() ? x : gates.get(stage).forward(ps, new NDList(x), training).singletonOrThrow();
  }

  /**
   * The network's circuits in {@link PlacedCircuit#index()} order: the bottleneck's, then each
   * stage's; empty when the mixer is classical or absent.
   */
  List<PlacedCircuit> circuits(BottleneckMixer bottleneck) {
    List<PlacedCircuit> circuits = new ArrayList<>();
    if (bottleneck.circuit() != null) {
      circuits.add(new PlacedCircuit(0, PlacedCircuit.BOTTLENECK, bottleneck.circuit()));
    }
    for (int i = 0; i < gates.size(); i++) {
      if (gates.get(i).circuit() != null) {
        circuits.add(new PlacedCircuit(circuits.size(), site(i), gates.get(i).circuit()));
      }
    }
    return List.copyOf(circuits);
  }

  private String site(int stage) {
    int stride = firstStride >> stage;
    return "decoder stage " + (stage + 1) + " (" + (stride > 1 ? "1/" + stride + " of the input"
        : "full resolution") + ", " + channels[stage] + " channels)";
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList gated = new NDList();
    for (int i = 0; i < inputs.size(); i++) {
      gated.add(gate(i, ps, inputs.get(i), training));
    }
    return gated;
  }

  /** @param inputShapes each stage's output shape, deepest first */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (int i = 0; i < gates.size(); i++) {
      gates.get(i).initialize(manager, dataType, inputShapes[i]);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes.clone();
  }
}
