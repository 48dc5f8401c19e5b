package org.polypseg.model;

/**
 * The architecture of a {@link HybridUNet}: everything needed to rebuild it before loading weights.
 *
 * @param baseChannels channels of the first encoder stage; each deeper stage doubles them
 * @param depth number of down-sampling stages (the bottleneck is at 1/2^depth of the input)
 * @param inputSize side of the square input in pixels (images are resized to it)
 * @param mixer "quantum" for the variational circuit at the bottleneck, "classical" for the ablation
 *     (a dense layer of the same width)
 * @param qubits n, the width of the bottleneck mixer
 * @param layers L, the circuit's trainable entangling layers
 */
public record ModelSpec(
    int baseChannels, int depth, int inputSize, String mixer, int qubits, int layers) {

  public static final String QUANTUM = "quantum";
  public static final String CLASSICAL = "classical";

  public ModelSpec {
    if (!QUANTUM.equals(mixer) && !CLASSICAL.equals(mixer)) {
      throw new IllegalArgumentException("mixer must be quantum or classical, was " + mixer);
    }
    if (inputSize % (1 << depth) != 0) {
      throw new IllegalArgumentException(
          "inputSize " + inputSize + " must be divisible by 2^depth = " + (1 << depth));
    }
  }

  /** The shipped configuration: 4 qubits, 2 layers. */
  public static ModelSpec defaults() {
    return new ModelSpec(16, 4, 256, QUANTUM, 4, 2);
  }

  public boolean quantum() {
    return QUANTUM.equals(mixer);
  }

  /** Channels at encoder stage {@code stage} (0 = first; {@code depth} = bottleneck). */
  public int channels(int stage) {
    return baseChannels << stage;
  }
}
