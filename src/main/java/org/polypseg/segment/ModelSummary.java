package org.polypseg.segment;

/**
 * What a report or API answer says about the model that produced a segmentation.
 *
 * @param name model name from model.json
 * @param sha256 SHA-256 of the weights file, hex
 * @param backend quantum backend used in inference ("strange" or "statevector"), or "none"
 * @param qubits circuit qubits (0 for the classical ablation)
 * @param layers circuit layers (0 for the classical ablation)
 * @param inputSize side of the square model input, pixels
 * @param circuits how many circuits of that shape the model has, each with its own weights: 1 at
 *     the bottleneck, more with placement decoder (one per decoder stage too); 0 when classical
 */
public record ModelSummary(
    String name, String sha256, String backend, int qubits, int layers, int inputSize,
    int circuits) {

  /** A model with one circuit at the bottleneck, or none when {@code qubits} is 0. */
  public ModelSummary(String name, String sha256, String backend, int qubits, int layers,
      int inputSize) {
    this(name, sha256, backend, qubits, layers, inputSize, qubits == 0 ? 0 : 1);
  }
}
