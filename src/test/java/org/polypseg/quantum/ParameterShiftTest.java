package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParameterShiftTest {

  private final StateVectorBackend backend = new StateVectorBackend();

  @Test
  void gradientsMatchCentralFiniteDifferences() {
    Random random = new Random(11);
    CircuitSpec spec = new CircuitSpec(4, 2);
    double[] inputs = CircuitBackendTest.randomAngles(random, 4);
    double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
    ParameterShift.Gradient g = new ParameterShift(backend).gradient(spec, inputs, weights);
    double h = 1e-5;
    for (int j = 0; j < inputs.length; j++) {
      double[] column = finiteDifference(spec, inputs, weights, j, true, h);
      for (int i = 0; i < 4; i++) {
        assertThat(g.dInputs()[i][j]).isCloseTo(column[i], within(1e-6));
      }
    }
    for (int k = 0; k < weights.length; k++) {
      double[] column = finiteDifference(spec, inputs, weights, k, false, h);
      for (int i = 0; i < 4; i++) {
        assertThat(g.dWeights()[i][k]).isCloseTo(column[i], within(1e-6));
      }
    }
    assertThat(g.circuitRuns()).isEqualTo(1 + 2 * (4 + spec.weightCount()));
  }

  @Test
  void gradientIsNotTriviallyZero() {
    CircuitSpec spec = new CircuitSpec(1, 0);
    ParameterShift.Gradient g =
        new ParameterShift(backend).gradient(spec, new double[] {0.7}, new double[0]);
    // d cos(θ)/dθ = −sin θ
    assertThat(g.dInputs()[0][0]).isCloseTo(-Math.sin(0.7), within(1e-12));
  }

  private double[] finiteDifference(
      CircuitSpec spec, double[] inputs, double[] weights, int index, boolean input, double h) {
    double[] in = inputs.clone();
    double[] w = weights.clone();
    double[] target = input ? in : w;
    target[index] += h;
    double[] plus = backend.expectations(spec, in, w);
    target[index] -= 2 * h;
    double[] minus = backend.expectations(spec, in, w);
    double[] d = new double[plus.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return d;
  }
}
