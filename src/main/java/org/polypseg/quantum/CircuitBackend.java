package org.polypseg.quantum;

/**
 * Executes a {@link CircuitSpec} and returns the expectations of its {@link Observables}.
 *
 * <p>A backend gives the probabilities of the 2^n measured bit strings (qubit i = bit i, read-out
 * error included where the backend models it); the expectations follow from them exactly, or, on
 * a {@link SampledBackend}, are estimated from shots drawn from them.
 */
public interface CircuitBackend {

  /**
   * Runs the circuit once.
   *
   * @param spec the circuit
   * @param inputs the n encoding angles, radians
   * @param weights the trainable angles, radians, indexed as {@link CircuitSpec} documents
   * @return one value per observable term ({@link CircuitSpec#outputCount()}), each in [-1, 1]
   */
  default double[] expectations(CircuitSpec spec, double[] inputs, double[] weights) {
    return run(spec, spec.gateAngles(inputs, weights));
  }

  /**
   * Runs the circuit with explicit gate angles (what the parameter-shift rule shifts one by one).
   *
   * @param gateAngles one angle per gate of {@link CircuitSpec#gates()}, radians (ignored for CNOTs)
   */
  default double[] run(CircuitSpec spec, double[] gateAngles) {
    return spec.observables().expectations(spec.qubits(), probabilities(spec, gateAngles));
  }

  /** The exact probabilities of the 2^n measured bit strings, qubit i = bit i. */
  double[] probabilities(CircuitSpec spec, double[] gateAngles);

  /** Short name written into evaluation and benchmark output, e.g. "strange". */
  String name();

  /** Looks an exact, noiseless backend up by the name it reports. */
  static CircuitBackend named(String name) {
    return switch (name) {
      case StrangeBackend.NAME -> new StrangeBackend();
      case StateVectorBackend.NAME -> new StateVectorBackend();
      default ->
          throw new IllegalArgumentException(
              "unknown quantum backend '"
                  + name
                  + "' (known: "
                  + StrangeBackend.NAME
                  + ", "
                  + StateVectorBackend.NAME
                  + ")");
    };
  }
}
