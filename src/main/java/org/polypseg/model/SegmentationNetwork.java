package org.polypseg.model;

import ai.djl.nn.Block;
import java.util.List;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * A hybrid U-Net: input (B, 3, S, S) normalised RGB, output (B, 1, S, S) logits, with the
 * {@link BottleneckMixer} at its bottleneck (and, with placement decoder, the {@link DecoderGates}
 * after each decoder stage). Three encoders: the ImageNet-pretrained EfficientNet-B0
 * and MobileNetV2, and the plain U-Net trained from scratch (kept to show what pretraining gives).
 */
public interface SegmentationNetwork extends Block {

  ModelSpec spec();

  /**
   * Every circuit of the network, the bottleneck's first (index 0), then, with placement decoder,
   * one per decoder stage from the deepest; empty when the mixer is classical or absent.
   */
  List<PlacedCircuit> circuits();

  /** The bottleneck's circuit block, or null when the mixer is classical or absent. */
  default QuantumCircuitBlock circuit() {
    List<PlacedCircuit> circuits = circuits();
    return circuits.isEmpty() ? null : circuits.getFirst().block();
  }

  /** Circuit executions of all circuits since the network was made (parameter shifts included). */
  default long circuitRuns() {
    return circuits().stream().mapToLong(c -> c.block().circuitRuns()).sum();
  }

  /** Wall time all circuits have spent running since the network was made, nanoseconds. */
  default long circuitNanos() {
    return circuits().stream().mapToLong(c -> c.block().circuitNanos()).sum();
  }

  /**
   * Runs every circuit's training (forward values and parameter-shift gradients) on
   * {@code backend}; one instance for all, so that with shots the circuits draw from one seeded
   * sequence of streams rather than each repeating the same one.
   */
  default void setTrainingBackend(CircuitBackend backend) {
    circuits().forEach(c -> c.block().setTrainingBackend(backend));
  }

  /** Multiply-accumulate count × 2 of one forward pass on one image, from the conv shapes. */
  double flopsPerImage();

  /**
   * The ImageNet-pretrained encoder, which trains at a lower learning rate; null for the plain
   * U-Net.
   */
  default Block pretrainedEncoderBlock() {
    return null;
  }

  /** The network {@code spec} describes, with fresh (not yet initialised) parameters. */
  static SegmentationNetwork create(ModelSpec spec, CircuitBackend inferenceBackend) {
    return switch (spec.encoder()) {
      case ModelSpec.EFFICIENTNET_B0 -> new EfficientNetUNet(spec, inferenceBackend);
      case ModelSpec.MOBILENET_V2 -> new PretrainedMobileNetUNet(spec, inferenceBackend);
      default -> new HybridUNet(spec, inferenceBackend);
    };
  }
}
