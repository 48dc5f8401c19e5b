package org.polypseg.model;

import ai.djl.nn.Block;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * A hybrid U-Net: input (B, 3, S, S) normalised RGB, output (B, 1, S, S) logits, with the
 * {@link BottleneckMixer} at its bottleneck. Two encoders: the ImageNet-pretrained MobileNetV2
 * (shipped) and the plain U-Net trained from scratch (kept to show what pretraining gives).
 */
public interface SegmentationNetwork extends Block {

  ModelSpec spec();

  /** The circuit block, or null when the bottleneck mixer is classical or absent. */
  QuantumCircuitBlock circuit();

  /** Multiply-accumulate count × 2 of one forward pass on one image, from the conv shapes. */
  double flopsPerImage();

  /** The network {@code spec} describes, with fresh (not yet initialised) parameters. */
  static SegmentationNetwork create(ModelSpec spec, CircuitBackend inferenceBackend) {
    return spec.pretrainedEncoder()
        ? new PretrainedMobileNetUNet(spec, inferenceBackend)
        : new HybridUNet(spec, inferenceBackend);
  }
}
