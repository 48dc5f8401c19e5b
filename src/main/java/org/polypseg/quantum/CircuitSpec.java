package org.polypseg.quantum;

/**
 * The variational circuit, described once and executed by any {@link CircuitBackend}.
 *
 * <p>Layout: angle encoding RY(x_i) on every qubit i, then {@code layers} entangling layers, each
 * RY(w) then RX(w) on every qubit followed by a ring of CNOTs (i → i+1, and the last back to the
 * first when there are more than two qubits). The read-out is the exact expectation value
 * &lt;Z_i&gt; of every qubit, each in [-1, 1].
 *
 * <p>Weights are indexed {@code (layer * qubits + qubit) * 2 + k}, k = 0 for RY and 1 for RX.
 * Every angle (input or weight) enters exactly one rotation gate, which is what lets the
 * parameter-shift rule give exact gradients. Angles are in radians.
 *
 * @param qubits number of qubits n (1..12)
 * @param layers number of trainable entangling layers L (0..16)
 */
public record CircuitSpec(int qubits, int layers) {

  public CircuitSpec {
    if (qubits < 1 || qubits > 12) {
      throw new IllegalArgumentException("qubits must be in 1..12, was " + qubits);
    }
    if (layers < 0 || layers > 16) {
      throw new IllegalArgumentException("layers must be in 0..16, was " + layers);
    }
  }

  /** Number of trainable rotation angles. */
  public int weightCount() {
    return layers * qubits * 2;
  }

  /** Index of the weight of {@code gate} (0 = RY, 1 = RX) on {@code qubit} in {@code layer}. */
  public static int weightIndex(int qubits, int layer, int qubit, int gate) {
    return (layer * qubits + qubit) * 2 + gate;
  }

  /** The CNOT pairs {control, target} of one entangling layer. */
  public int[][] entanglingPairs() {
    if (qubits == 1) {
      return new int[0][];
    }
    int count = qubits == 2 ? 1 : qubits;
    int[][] pairs = new int[count][];
    for (int i = 0; i < count; i++) {
      pairs[i] = new int[] {i, (i + 1) % qubits};
    }
    return pairs;
  }

  /** Checks argument lengths before a backend runs the circuit. */
  void checkArguments(double[] inputs, double[] weights) {
    if (inputs.length != qubits) {
      throw new IllegalArgumentException(
          "expected " + qubits + " input angles, got " + inputs.length);
    }
    if (weights.length != weightCount()) {
      throw new IllegalArgumentException(
          "expected " + weightCount() + " weights, got " + weights.length);
    }
  }
}
