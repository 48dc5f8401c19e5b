package org.polypseg.quantum;

/**
 * Noise of a simulated device, each a probability in [0, 1].
 *
 * <ul>
 *   <li>{@code depolarizing} p: after every gate, each qubit the gate touched goes through the
 *       one-qubit depolarising channel ρ → (1 − p)ρ + p·(I/2 ⊗ Tr_q ρ) (Qiskit's
 *       {@code depolarizing_error(p, 1)}; a CNOT gets it on both qubits);
 *   <li>{@code damping} γ: after every gate, amplitude damping (T1 decay, |1⟩ → |0⟩ with
 *       probability γ) on each qubit the gate touched;
 *   <li>{@code readout} r: every measured bit is flipped with probability r.
 * </ul>
 *
 * @param depolarizing depolarising probability per gate and qubit
 * @param damping amplitude-damping probability per gate and qubit
 * @param readout bit-flip probability of each measured qubit
 */
public record NoiseModel(double depolarizing, double damping, double readout) {

  public static final NoiseModel NONE = new NoiseModel(0, 0, 0);

  public NoiseModel {
    check("depolarizing", depolarizing);
    check("damping", damping);
    check("readout error", readout);
  }

  /** Whether any noise is set. */
  public boolean any() {
    return depolarizing > 0 || damping > 0 || readout > 0;
  }

  /** Whether the gates themselves are noisy (not only the read-out). */
  public boolean gateNoise() {
    return depolarizing > 0 || damping > 0;
  }

  private static void check(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          name + " probability " + p + " is out of range: allowed 0 to 1");
    }
  }
}
