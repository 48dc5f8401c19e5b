package org.polypseg.model;

import ai.djl.nn.Block;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * A hybrid U-Net: input (B, 3, S, S) normalised RGB, output (B, 1, S, S) logits, with the
 * {@link BottleneckMixer} at its bottleneck. Three encoders: the ImageNet-pretrained EfficientNet-B0
 * and MobileNetV2, and the plain U-Net trained from scratch (kept to show what pretraining gives).
 */
public interface SegmentationNetwork extends Block {

  ModelSpec spec();

  /** The circuit block, or null when the bottleneck mixer is classical or absent. */
  QuantumCircuitBlock circuit();

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
