package org.polypseg.quantum;

/** Executes a {@link CircuitSpec} exactly and returns &lt;Z_i&gt; for every qubit. */
public interface CircuitBackend {

  /**
   * Runs the circuit once.
   *
   * @param spec the circuit
   * @param inputs the n encoding angles, radians
   * @param weights the trainable angles, radians, indexed as {@link CircuitSpec} documents
   * @return &lt;Z_i&gt; for i = 0..n-1, each in [-1, 1]
   */
  double[] expectations(CircuitSpec spec, double[] inputs, double[] weights);

  /** Short name written into evaluation and benchmark output, e.g. "strange". */
  String name();

  /** Looks a backend up by the name it reports. */
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
