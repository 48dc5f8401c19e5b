package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noisy density-matrix backend and finite shots, against analytic values and the exact circuit. */
class NoiseAndShotsTest {

  private static final CircuitSpec ONE_QUBIT = new CircuitSpec(1, 0);

  @Test
  void zeroNoiseEqualsTheStateVectorWithin1e12() {
    Random random = new Random(5);
    CircuitSpec spec = new CircuitSpec(4, 2);
    for (int trial = 0; trial < 20; trial++) {
      double[] inputs = CircuitBackendTest.randomAngles(random, 4);
      double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
      double[] exact = new StateVectorBackend().expectations(spec, inputs, weights);
      double[] density = new DensityMatrixBackend(NoiseModel.NONE).expectations(spec, inputs, weights);
      for (int i = 0; i < exact.length; i++) {
        assertThat(Math.abs(density[i] - exact[i])).isLessThanOrEqualTo(1e-12);
      }
    }
  }

  @Test
  void depolarisingShrinksTheBlochVector() {
    // RY(θ)|0>, then ρ → (1−p)ρ + p I/2: <Z> = (1 − p) cos θ.
    double theta = 0.9;
    double p = 0.2;
    double z = new DensityMatrixBackend(new NoiseModel(p, 0, 0))
        .expectations(ONE_QUBIT, new double[] {theta}, new double[0])[0];
    assertThat(z).isCloseTo((1 - p) * Math.cos(theta), within(1e-14));
  }

  @Test
  void amplitudeDampingDecaysTowardsZero() {
    // P(1) = sin²(θ/2) before, (1 − γ) sin²(θ/2) after: <Z> = 1 − 2(1 − γ) sin²(θ/2).
    double theta = 2.2;
    double gamma = 0.3;
    double z = new DensityMatrixBackend(new NoiseModel(0, gamma, 0))
        .expectations(ONE_QUBIT, new double[] {theta}, new double[0])[0];
    double s = Math.sin(theta / 2);
    assertThat(z).isCloseTo(1 - 2 * (1 - gamma) * s * s, within(1e-14));
    // Full damping leaves |0>.
    assertThat(new DensityMatrixBackend(new NoiseModel(0, 1, 0))
        .expectations(ONE_QUBIT, new double[] {Math.PI}, new double[0])[0]).isCloseTo(1, within(1e-14));
  }

  @Test
  void readoutErrorScalesZandZZ() {
    // |1>|0>: Z = (−1, 1), Z0Z1 = −1; with bit-flip r: Z ·(1−2r), ZZ ·(1−2r)².
    double r = 0.1;
    CircuitSpec spec = new CircuitSpec(2, 0, Entangler.RING, Encoding.RY, Observables.Z_AND_ZZ);
    double[] v = new DensityMatrixBackend(new NoiseModel(0, 0, r))
        .expectations(spec, new double[] {Math.PI, 0}, new double[0]);
    assertThat(v).containsExactly(new double[] {-(1 - 2 * r), 1 - 2 * r, -(1 - 2 * r) * (1 - 2 * r)},
        within(1e-14));
  }

  @Test
  void depolarisingFollowsEveryGateAndTheCnotReachesBothQubits() {
    // |10> by RY(π) on qubit 0, one line layer with zero angles, then CNOT(0,1). Every state is
    // diagonal, so each depolarisation multiplies a qubit's <Z> by (1 − p). Qubit 0: RY(π), RY(0),
    // RX(0), CNOT: <Z_0> = −(1−p)^4. Qubit 1: RY(0), RY(0), RX(0) give (1−p)^3; the CNOT makes
    // Z_1 ← Z_0·Z_1 = −(1−p)^6, and its own noise (1−p) more: −(1−p)^7.
    double p = 0.1;
    CircuitSpec spec = new CircuitSpec(2, 1, Entangler.LINE, Encoding.RY, Observables.Z);
    double[] v = new DensityMatrixBackend(new NoiseModel(p, 0, 0))
        .expectations(spec, new double[] {Math.PI, 0}, new double[4]);
    assertThat(v[0]).isCloseTo(-Math.pow(1 - p, 4), within(1e-14));
    assertThat(v[1]).isCloseTo(-Math.pow(1 - p, 7), within(1e-14));
  }

  @Test
  void meanOf200EstimatesAt1024ShotsIsWithinThreeStandardErrors() {
    Random random = new Random(9);
    CircuitSpec spec = new CircuitSpec(4, 2, Entangler.RING, Encoding.RY, Observables.Z_AND_ZZ);
    double[] inputs = CircuitBackendTest.randomAngles(random, 4);
    double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
    for (CircuitBackend source : new CircuitBackend[] {
        new StateVectorBackend(), new DensityMatrixBackend(new NoiseModel(0.01, 0.005, 0.02))}) {
      double[] exact = source.expectations(spec, inputs, weights);
      SampledBackend shots = new SampledBackend(source, 1024, 42);
      int estimates = 200;
      double[] sum = new double[exact.length];
      double[] sumSq = new double[exact.length];
      for (int k = 0; k < estimates; k++) {
        double[] e = shots.expectations(spec, inputs, weights);
        for (int i = 0; i < e.length; i++) {
          sum[i] += e[i];
          sumSq[i] += e[i] * e[i];
        }
      }
      for (int i = 0; i < exact.length; i++) {
        double mean = sum[i] / estimates;
        // Standard error of the mean of 200 estimates, each with variance (1 − ⟨O⟩²)/1024.
        double se = Math.sqrt((1 - exact[i] * exact[i]) / 1024 / estimates);
        assertThat(Math.abs(mean - exact[i])).as("%s term %d", source.name(), i)
            .isLessThanOrEqualTo(3 * se + 1e-12);
        // And the spread of the estimates is the binomial one (within 40 %: the variance of 200
        // estimates is itself uncertain by about 10 %).
        double variance = sumSq[i] / estimates - mean * mean;
        double expected = (1 - exact[i] * exact[i]) / 1024;
        if (expected > 1e-4) {
          assertThat(variance).as("%s term %d variance", source.name(), i)
              .isCloseTo(expected, within(0.4 * expected));
        }
      }
    }
  }

  @Test
  void shotsAreReproducible() {
    CircuitSpec spec = new CircuitSpec(3, 1);
    double[] inputs = {0.1, 0.2, 0.3};
    double[] weights = CircuitBackendTest.randomAngles(new Random(1), spec.weightCount());
    SampledBackend a = new SampledBackend(new StateVectorBackend(), 100, 7);
    SampledBackend b = new SampledBackend(new StateVectorBackend(), 100, 7);
    for (int k = 0; k < 5; k++) {
      assertThat(a.expectations(spec, inputs, weights)).containsExactly(b.expectations(spec, inputs, weights));
    }
    assertThat(new SampledBackend(new StateVectorBackend(), 100, 8).expectations(spec, inputs, weights))
        .isNotEqualTo(new SampledBackend(new StateVectorBackend(), 100, 7).expectations(spec, inputs, weights));
  }

  @Test
  void parameterShiftFromShotsAgreesWithExactGradientsWithinSamplingError() {
    Random random = new Random(13);
    CircuitSpec spec = new CircuitSpec(3, 2, Entangler.ALL_TO_ALL, Encoding.REUPLOAD, Observables.Z_AND_ZZ);
    double[] inputs = CircuitBackendTest.randomAngles(random, 3);
    double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
    StateVectorBackend exactBackend = new StateVectorBackend();
    ParameterShift.Gradient exact = new ParameterShift(exactBackend).gradient(spec, inputs, weights);
    int shots = 4096;
    ParameterShift.Gradient sampled =
        new ParameterShift(new SampledBackend(exactBackend, shots, 2024)).gradient(spec, inputs, weights);
    // Each gate's shift term (f+ − f−)/2 has variance (Var f+ + Var f−)/4 ≤ 1/(2·shots); an input
    // re-uploaded in L gates sums L such terms. 4 standard deviations bound each entry.
    double perGate = Math.sqrt(1.0 / (2 * shots));
    int m = spec.outputCount();
    int beyondTwo = 0;
    int entries = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < inputs.length; j++) {
        double sd = perGate * Math.sqrt(spec.layers());
        double diff = Math.abs(sampled.dInputs()[i][j] - exact.dInputs()[i][j]);
        assertThat(diff).as("d value %d / d input %d", i, j).isLessThanOrEqualTo(4 * sd);
        beyondTwo += diff > 2 * sd ? 1 : 0;
        entries++;
      }
      for (int k = 0; k < weights.length; k++) {
        double diff = Math.abs(sampled.dWeights()[i][k] - exact.dWeights()[i][k]);
        assertThat(diff).as("d value %d / d weight %d", i, k).isLessThanOrEqualTo(4 * perGate);
        beyondTwo += diff > 2 * perGate ? 1 : 0;
        entries++;
      }
    }
    // The bound per entry is loose (variance ≤ 1); most entries are well inside 2 of them.
    assertThat(beyondTwo).isLessThanOrEqualTo(entries / 10);
    assertThat(sampled.circuitRuns()).isEqualTo(exact.circuitRuns());
  }

  @Test
  void parameterShiftIsExactUnderNoise() {
    // The shift rule holds for noise channels that do not depend on the angle: compare with
    // central differences on the noisy density matrix.
    Random random = new Random(21);
    CircuitSpec spec = new CircuitSpec(3, 1, Entangler.LINE, Encoding.RY, Observables.Z);
    double[] inputs = CircuitBackendTest.randomAngles(random, 3);
    double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
    DensityMatrixBackend noisy = new DensityMatrixBackend(new NoiseModel(0.05, 0.03, 0.02));
    ParameterShift.Gradient g = new ParameterShift(noisy).gradient(spec, inputs, weights);
    double h = 1e-5;
    for (int k = 0; k < weights.length; k++) {
      double[] plus = weights.clone();
      double[] minus = weights.clone();
      plus[k] += h;
      minus[k] -= h;
      double[] fp = noisy.expectations(spec, inputs, plus);
      double[] fm = noisy.expectations(spec, inputs, minus);
      for (int i = 0; i < 3; i++) {
        assertThat(g.dWeights()[i][k]).isCloseTo((fp[i] - fm[i]) / (2 * h), within(1e-7));
      }
    }
  }

  @Test
  void executionPicksTheBackend() {
    assertThat(CircuitExecution.EXACT.backend(new StrangeBackend())).isInstanceOf(StrangeBackend.class);
    assertThat(new CircuitExecution(0, new NoiseModel(0.01, 0, 0), 1).backend(new StrangeBackend()))
        .isInstanceOf(DensityMatrixBackend.class);
    CircuitBackend sampled = new CircuitExecution(1024, new NoiseModel(0.01, 0, 0.02), 1)
        .backend(new StrangeBackend());
    assertThat(sampled.name()).isEqualTo("densitymatrix+1024shots");
  }
}
