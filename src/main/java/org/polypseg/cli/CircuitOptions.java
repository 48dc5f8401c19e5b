package org.polypseg.cli;

import org.polypseg.quantum.CircuitExecution;
import org.polypseg.quantum.NoiseModel;
import picocli.CommandLine.Option;

/**
 * How the circuit runs, shared by the commands that load a model and by {@code train} (training,
 * or fine-tuning, with shots or noise): exact unless one of these says otherwise. A model with
 * placement decoder runs every one of its circuits this way.
 */
final class CircuitOptions {

  @Option(names = "--shots", paramLabel = "N",
      description = "estimate the circuit's expectations (and, in training, its parameter-shift"
          + " gradients) from N shots instead of exactly (default: exact)")
  Integer shots;

  @Option(names = "--depolarizing", paramLabel = "P", defaultValue = "0",
      description = "depolarising probability after every gate, on each qubit it touches, 0..1"
          + " (simulated by density matrix; default: none)")
  double depolarizing;

  @Option(names = "--damping", paramLabel = "GAMMA", defaultValue = "0",
      description = "amplitude-damping probability after every gate, 0..1 (default: none)")
  double damping;

  @Option(names = "--readout-error", paramLabel = "P", defaultValue = "0",
      description = "probability that a measured qubit reads flipped, 0..1 (default: none)")
  double readoutError;

  @Option(names = "--circuit-seed", paramLabel = "SEED", defaultValue = "1",
      description = "seed of the shots (default: ${DEFAULT-VALUE})")
  long circuitSeed;

  /** How the circuit runs: exact unless --shots or a noise option says otherwise. */
  CircuitExecution execution() {
    if (shots != null && shots < 1) {
      throw new UserError("--shots " + shots
          + " is out of range: allowed 1 or more (leave it out for exact expectations)");
    }
    NoiseModel noise;
    try {
      noise = new NoiseModel(depolarizing, damping, readoutError);
    } catch (IllegalArgumentException e) {
      throw new UserError("--depolarizing, --damping, --readout-error: " + e.getMessage());
    }
    return new CircuitExecution(shots == null ? 0 : shots, noise, circuitSeed);
  }
}
