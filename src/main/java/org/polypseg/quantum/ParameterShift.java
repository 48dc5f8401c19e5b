package org.polypseg.quantum;

/**
 * Exact gradients of &lt;Z_i&gt; by the parameter-shift rule.
 *
 * <p>Every angle of the circuit enters one rotation exp(-i θ σ/2) with σ a Pauli matrix, so
 * d&lt;Z_i&gt;/dθ = (f(θ + π/2) − f(θ − π/2)) / 2 exactly (not an approximation). That costs two
 * circuit runs per angle.
 */
public final class ParameterShift {

  private static final double SHIFT = Math.PI / 2;

  private final CircuitBackend backend;

  public ParameterShift(CircuitBackend backend) {
    this.backend = backend;
  }

  /**
   * The values and Jacobians of one circuit evaluation.
   *
   * @param values &lt;Z_i&gt;, length n
   * @param dInputs dInputs[i][j] = d&lt;Z_i&gt;/d input_j, n x n
   * @param dWeights dWeights[i][k] = d&lt;Z_i&gt;/d weight_k, n x weightCount
   * @param circuitRuns how many circuit executions this took
   */
  public record Gradient(double[] values, double[][] dInputs, double[][] dWeights, int circuitRuns) {}

  /** Values and exact gradients with respect to inputs and weights. */
  public Gradient gradient(CircuitSpec spec, double[] inputs, double[] weights) {
    double[] values = backend.expectations(spec, inputs, weights);
    int n = spec.qubits();
    double[][] dInputs = new double[n][inputs.length];
    double[][] dWeights = new double[n][weights.length];
    for (int j = 0; j < inputs.length; j++) {
      double[] column = shifted(spec, inputs.clone(), weights, j, true);
      for (int i = 0; i < n; i++) {
        dInputs[i][j] = column[i];
      }
    }
    for (int k = 0; k < weights.length; k++) {
      double[] column = shifted(spec, inputs, weights.clone(), k, false);
      for (int i = 0; i < n; i++) {
        dWeights[i][k] = column[i];
      }
    }
    int runs = 1 + 2 * (inputs.length + weights.length);
    return new Gradient(values, dInputs, dWeights, runs);
  }

  private double[] shifted(
      CircuitSpec spec, double[] inputs, double[] weights, int index, boolean shiftInput) {
    double[] target = shiftInput ? inputs : weights;
    double original = target[index];
    target[index] = original + SHIFT;
    double[] plus = backend.expectations(spec, inputs, weights);
    target[index] = original - SHIFT;
    double[] minus = backend.expectations(spec, inputs, weights);
    target[index] = original;
    double[] derivative = new double[plus.length];
    for (int i = 0; i < plus.length; i++) {
      derivative[i] = (plus[i] - minus[i]) / 2;
    }
    return derivative;
  }
}
