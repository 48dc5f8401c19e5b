package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The configurable circuit: its gates, analytic values, and every backend against the exact one. */
class CircuitConfigurationTest {

  private final StateVectorBackend exact = new StateVectorBackend();

  @Test
  void entanglersGiveTheDocumentedPairs() {
    assertThat(Entangler.RING.pairs(4)).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
    assertThat(Entangler.RING.pairs(2)).isDeepEqualTo(new int[][] {{0, 1}});
    assertThat(Entangler.LINE.pairs(4)).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}, {2, 3}});
    assertThat(Entangler.ALL_TO_ALL.pairs(3)).isDeepEqualTo(new int[][] {{0, 1}, {0, 2}, {1, 2}});
  }

  @Test
  void theDefaultIsTheOriginalCircuit() {
    CircuitSpec spec = new CircuitSpec(4, 2);
    assertThat(spec.entangler()).isEqualTo(Entangler.RING);
    assertThat(spec.encoding()).isEqualTo(Encoding.RY);
    assertThat(spec.observables()).isEqualTo(Observables.Z);
    assertThat(spec.gates()).hasSize(4 + 2 * (8 + 4));
    assertThat(spec.outputCount()).isEqualTo(4);
  }

  @Test
  void rxEncodingOnZeroGivesCosineToo() {
    // RX(θ)|0> = cos(θ/2)|0> − i sin(θ/2)|1>: <Z> = cos θ, as for RY, but a following RY(π/2)
    // tells them apart: RY(π/2)RY(θ)|0> has <Z> = cos(θ + π/2) = −sin θ, the RX state gives 0.
    double theta = 0.8;
    CircuitSpec rx = new CircuitSpec(1, 0, Entangler.RING, Encoding.RX, Observables.Z);
    for (CircuitBackend backend : backends()) {
      assertThat(backend.expectations(rx, new double[] {theta}, new double[0])[0]).as(backend.name())
          .isCloseTo(Math.cos(theta), within(1e-6));
    }
    // One layer on 2 qubits, line: RY(w0) RX(w1) on each qubit, then CNOT(0,1).
    CircuitSpec ry = new CircuitSpec(2, 1, Entangler.LINE, Encoding.RY, Observables.Z);
    CircuitSpec rx2 = new CircuitSpec(2, 1, Entangler.LINE, Encoding.RX, Observables.Z);
    double[] weights = {Math.PI / 2, 0, 0, 0};
    assertThat(exact.expectations(ry, new double[] {theta, 0}, weights)[0])
        .isCloseTo(-Math.sin(theta), within(1e-12));
    assertThat(exact.expectations(rx2, new double[] {theta, 0}, weights)[0]).isCloseTo(0, within(1e-12));
  }

  @Test
  void reuploadingEncodesBeforeEveryLayer() {
    // Zero weights, line on 2 qubits, qubit 1 at 0: each layer is RY(x) on qubit 0 then CNOT(0,1).
    // Two layers: RY(x), CNOT, RY(x), CNOT. Analytic: <Z_0> = cos 2x.
    CircuitSpec spec = new CircuitSpec(2, 2, Entangler.LINE, Encoding.REUPLOAD, Observables.Z);
    assertThat(spec.gates().stream().filter(g -> g.source() == Gate.Source.INPUT).count()).isEqualTo(4);
    double x = 0.6;
    for (CircuitBackend backend : backends()) {
      double[] z = backend.expectations(spec, new double[] {x, 0}, new double[spec.weightCount()]);
      // the CNOTs copy qubit 0's Z-basis value to qubit 1 and back: <Z_0> = cos 2x exactly
      // only when qubit 1 stays a function of qubit 0; check <Z_0> and <Z_0 Z_1> against the
      // state vector computed by hand below.
      assertThat(z[0]).as(backend.name()).isCloseTo(reuploadByHand(x)[0], within(1e-6));
      assertThat(z[1]).as(backend.name()).isCloseTo(reuploadByHand(x)[1], within(1e-6));
    }
  }

  /** RY(x)⊗I, CNOT(0→1), RY(x)⊗I, CNOT(0→1) on |00>, by 4-amplitude arithmetic. */
  private static double[] reuploadByHand(double x) {
    double c = Math.cos(x / 2);
    double s = Math.sin(x / 2);
    // after RY(x) on q0: a00 = c, a01(q0=1) = s  (index = q0 + 2 q1)
    double[] a = {c, s, 0, 0};
    a = new double[] {a[0], a[3], a[2], a[1]}; // CNOT 0→1 swaps |q0=1,q1=0> (1) and |q0=1,q1=1> (3)
    // RY(x) on q0 mixes index pairs (0,1) and (2,3)
    a = new double[] {c * a[0] - s * a[1], s * a[0] + c * a[1], c * a[2] - s * a[3], s * a[2] + c * a[3]};
    a = new double[] {a[0], a[3], a[2], a[1]};
    double z0 = a[0] * a[0] - a[1] * a[1] + a[2] * a[2] - a[3] * a[3];
    double z1 = a[0] * a[0] + a[1] * a[1] - a[2] * a[2] - a[3] * a[3];
    return new double[] {z0, z1};
  }

  @Test
  void zzObservablesAreProductsOfNeighbours() {
    // Qubit 0 flipped, qubit 1 not, qubit 2 flipped: Z = (−1, 1, −1), ZZ = (−1, −1).
    CircuitSpec zz = new CircuitSpec(3, 0, Entangler.RING, Encoding.RY, Observables.ZZ);
    CircuitSpec both = new CircuitSpec(3, 0, Entangler.RING, Encoding.RY, Observables.Z_AND_ZZ);
    double[] inputs = {Math.PI, 0, Math.PI};
    for (CircuitBackend backend : backends()) {
      assertThat(backend.expectations(zz, inputs, new double[0])).as(backend.name())
          .containsExactly(new double[] {-1, -1}, within(1e-6));
      assertThat(backend.expectations(both, inputs, new double[0])).as(backend.name())
          .containsExactly(new double[] {-1, 1, -1, -1, -1}, within(1e-6));
    }
    assertThat(Observables.Z_AND_ZZ.labels(3)).containsExactly("Z0", "Z1", "Z2", "Z0Z1", "Z1Z2");
  }

  @Test
  void everyBackendAgreesWithTheStateVectorOnRandomConfigurations() {
    Random random = new Random(77);
    for (int trial = 0; trial < 40; trial++) {
      CircuitSpec spec = randomSpec(random, 2 + random.nextInt(4));
      double[] inputs = CircuitBackendTest.randomAngles(random, spec.qubits());
      double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
      double[] reference = exact.expectations(spec, inputs, weights);
      double[] strange = new StrangeBackend().expectations(spec, inputs, weights);
      double[] density = new DensityMatrixBackend(NoiseModel.NONE).expectations(spec, inputs, weights);
      assertThat(strange).as("Strange, %s", spec).containsExactly(reference, within(1e-5));
      assertThat(density).as("density matrix, %s", spec).containsExactly(reference, within(1e-12));
    }
  }

  @Test
  void aTenQubitCircuitRunsOnEveryBackend() {
    CircuitSpec spec = new CircuitSpec(10, 1, Entangler.ALL_TO_ALL, Encoding.REUPLOAD, Observables.Z_AND_ZZ);
    Random random = new Random(3);
    double[] inputs = CircuitBackendTest.randomAngles(random, 10);
    double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
    double[] reference = exact.expectations(spec, inputs, weights);
    assertThat(new DensityMatrixBackend(NoiseModel.NONE).expectations(spec, inputs, weights))
        .containsExactly(reference, within(1e-12));
  }

  @Test
  void badConfigurationsNameTheValueAndTheRange() {
    assertThatThrownBy(() -> new CircuitSpec(0, 2)).hasMessageContaining("qubits 0")
        .hasMessageContaining("1 to 10");
    assertThatThrownBy(() -> new CircuitSpec(11, 2)).hasMessageContaining("qubits 11")
        .hasMessageContaining("1 to 10");
    assertThatThrownBy(() -> Entangler.parse("star")).hasMessageContaining("'star'")
        .hasMessageContaining("ring, line, all-to-all");
    assertThatThrownBy(() -> Observables.parse("xx")).hasMessageContaining("'xx'")
        .hasMessageContaining("z, zz, z+zz");
    assertThatThrownBy(() -> Encoding.parse("amplitude")).hasMessageContaining("'amplitude'");
    assertThatThrownBy(() -> new NoiseModel(1.5, 0, 0)).hasMessageContaining("1.5")
        .hasMessageContaining("0 to 1");
    assertThatThrownBy(() -> new NoiseModel(0, -0.1, 0)).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> new SampledBackend(exact, 0, 1)).hasMessageContaining("shots 0")
        .hasMessageContaining("1 or more");
    CircuitSpec spec = new CircuitSpec(4, 2);
    assertThatThrownBy(() -> exact.expectations(spec, new double[3], new double[16]))
        .hasMessageContaining("expected 4 input angles").hasMessageContaining("got 3");
  }

  static CircuitSpec randomSpec(Random random, int qubits) {
    return new CircuitSpec(qubits, 1 + random.nextInt(3),
        Entangler.values()[random.nextInt(3)], Encoding.values()[random.nextInt(3)],
        Observables.values()[random.nextInt(3)]);
  }

  private CircuitBackend[] backends() {
    return new CircuitBackend[] {exact, new StrangeBackend(), new DensityMatrixBackend(NoiseModel.NONE)};
  }
}
