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
 */
public record ModelSummary(
    String name, String sha256, String backend, int qubits, int layers, int inputSize) {}
