package org.polypseg.quantum;

import java.util.List;

/**
 * Gradients of the circuit's expectations by the parameter-shift rule.
 *
 * <p>Every gate angle θ enters one rotation exp(−iθσ/2) with σ a Pauli matrix, so
 * d⟨O⟩/dθ = (f(θ + π/2) − f(θ − π/2)) / 2 exactly (not an approximation), with or without noise
 * channels that do not depend on θ. An input or weight that enters several gates (data
 * re-uploading) gets the sum of its gates' shifts. That costs two circuit runs per gate angle. On
 * a {@link SampledBackend} every run is a shot estimate, and so is the gradient: unbiased, with
 * variance (Var f(θ+π/2) + Var f(θ−π/2)) / 4 per gate.
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
   * @param values the expectations, length m = {@link CircuitSpec#outputCount()}
   * @param dInputs dInputs[i][j] = d value_i / d input_j, m x n
   * @param dWeights dWeights[i][k] = d value_i / d weight_k, m x weightCount
   * @param circuitRuns how many circuit executions this took
   */
  public record Gradient(double[] values, double[][] dInputs, double[][] dWeights, int circuitRuns) {}

  /** Values and gradients with respect to inputs and weights. */
  public Gradient gradient(CircuitSpec spec, double[] inputs, double[] weights) {
    double[] angles = spec.gateAngles(inputs, weights);
    double[] values = backend.run(spec, angles);
    int m = values.length;
    double[][] dInputs = new double[m][inputs.length];
    double[][] dWeights = new double[m][weights.length];
    List<Gate> gates = spec.gates();
    int runs = 1;
    for (int g = 0; g < gates.size(); g++) {
      Gate gate = gates.get(g);
      if (!gate.rotation()) {
        continue;
      }
      double original = angles[g];
      angles[g] = original + SHIFT;
      double[] plus = backend.run(spec, angles);
      angles[g] = original - SHIFT;
      double[] minus = backend.run(spec, angles);
      angles[g] = original;
      runs += 2;
      double[][] target = gate.source() == Gate.Source.INPUT ? dInputs : dWeights;
      for (int i = 0; i < m; i++) {
        target[i][gate.index()] += (plus[i] - minus[i]) / 2;
      }
    }
    return new Gradient(values, dInputs, dWeights, runs);
  }
}
