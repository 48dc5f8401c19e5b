package org.polypseg.quantum;

/**
 * How the circuit is run: exactly (the default), with finite shots, with device noise, or both.
 * Not part of a model's architecture: the same trained circuit can be evaluated, or fine-tuned,
 * under any of these.
 *
 * @param shots samples per circuit run; 0 for exact expectations
 * @param noise gate and read-out noise ({@link NoiseModel#NONE} for none)
 * @param seed seed of the shots' random streams
 */
public record CircuitExecution(int shots, NoiseModel noise, long seed) {

  public static final CircuitExecution EXACT = new CircuitExecution(0, NoiseModel.NONE, 0);

  public CircuitExecution {
    if (shots < 0) {
      throw new IllegalArgumentException(
          "shots " + shots + " is out of range: allowed 1 or more (0 = exact expectations)");
    }
    noise = noise == null ? NoiseModel.NONE : noise;
  }

  /** Whether this is the exact, noiseless circuit. */
  public boolean exact() {
    return shots == 0 && !noise.any();
  }

  /**
   * The backend that runs circuits this way: {@code exactBackend} itself when exact; the
   * {@link DensityMatrixBackend} when there is noise (Strange cannot express noise); wrapped in a
   * {@link SampledBackend} for finite shots.
   */
  public CircuitBackend backend(CircuitBackend exactBackend) {
    CircuitBackend base = noise.any() ? new DensityMatrixBackend(noise) : exactBackend;
    return shots > 0 ? new SampledBackend(base, shots, seed) : base;
  }

  /** A short description for logs and output, e.g. "1024 shots, depolarizing 0.01". */
  public String describe() {
    if (exact()) {
      return "exact";
    }
    StringBuilder s = new StringBuilder(shots > 0 ? shots + " shots (seed " + seed + ")" : "exact expectations");
    if (noise.depolarizing() > 0) {
      s.append(", depolarizing ").append(noise.depolarizing());
    }
    if (noise.damping() > 0) {
      s.append(", amplitude damping ").append(noise.damping());
    }
    if (noise.readout() > 0) {
      s.append(", readout error ").append(noise.readout());
    }
    return s.toString();
  }
}
