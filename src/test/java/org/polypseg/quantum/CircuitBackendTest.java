package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CircuitBackendTest {

  private final CircuitBackend strange = new StrangeBackend();
  private final CircuitBackend stateVector = new StateVectorBackend();

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.3, 1.0, Math.PI / 2, 2.5, Math.PI, -1.2})
  void ryOnZeroGivesCosine(double theta) {
    CircuitSpec oneQubitNoLayers = new CircuitSpec(1, 0);
    double[] input = {theta};
    assertThat(stateVector.expectations(oneQubitNoLayers, input, new double[0])[0])
        .isCloseTo(Math.cos(theta), within(1e-12));
    assertThat(strange.expectations(oneQubitNoLayers, input, new double[0])[0])
        .isCloseTo(Math.cos(theta), within(1e-5));
  }

  @Test
  void qubitOrderIsPinned() {
    // Flip only qubit 0: only <Z_0> turns to -1, on both backends.
    CircuitSpec spec = new CircuitSpec(3, 0);
    double[] inputs = {Math.PI, 0, 0};
    for (CircuitBackend backend : new CircuitBackend[] {strange, stateVector}) {
      double[] z = backend.expectations(spec, inputs, new double[0]);
      assertThat(z[0]).as(backend.name()).isCloseTo(-1, within(1e-5));
      assertThat(z[1]).as(backend.name()).isCloseTo(1, within(1e-5));
      assertThat(z[2]).as(backend.name()).isCloseTo(1, within(1e-5));
    }
  }

  @Test
  void cnotRingEntanglesInTheDocumentedDirection() {
    // One layer with zero weights on 3 qubits applies CNOT(0,1), CNOT(1,2), CNOT(2,0): starting
    // with only qubit 0 set, qubit 1 and then qubit 2 are set, and qubit 2 clears qubit 0 again.
    CircuitSpec spec = new CircuitSpec(3, 1);
    for (CircuitBackend backend : new CircuitBackend[] {strange, stateVector}) {
      double[] z = backend.expectations(spec, new double[] {Math.PI, 0, 0}, new double[6]);
      assertThat(z[0]).as(backend.name()).isCloseTo(1, within(1e-5));
      assertThat(z[1]).as(backend.name()).isCloseTo(-1, within(1e-5));
      assertThat(z[2]).as(backend.name()).isCloseTo(-1, within(1e-5));
    }
  }

  @Test
  void strangeAndStateVectorAgreeOnRandomCircuits() {
    Random random = new Random(2024);
    for (int trial = 0; trial < 30; trial++) {
      int qubits = 1 + random.nextInt(5);
      CircuitSpec spec = new CircuitSpec(qubits, 1 + random.nextInt(3));
      double[] inputs = randomAngles(random, qubits);
      double[] weights = randomAngles(random, spec.weightCount());
      double[] a = strange.expectations(spec, inputs, weights);
      double[] b = stateVector.expectations(spec, inputs, weights);
      for (int i = 0; i < qubits; i++) {
        assertThat(a[i]).as("trial %d qubit %d", trial, i).isCloseTo(b[i], within(1e-5));
      }
    }
  }

  static double[] randomAngles(Random random, int n) {
    double[] angles = new double[n];
    for (int i = 0; i < n; i++) {
      angles[i] = (random.nextDouble() * 2 - 1) * Math.PI;
    }
    return angles;
  }
}
