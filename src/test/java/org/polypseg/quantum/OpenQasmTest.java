package org.polypseg.quantum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exported OpenQASM, run by an independent interpreter ({@link TinyQasmInterpreter}: test code
 * only, full complex matrices gate by gate), gives the exact expectations within 1e-9.
 */
class OpenQasmTest {

  @Test
  void qasm3AndQasm2GiveTheExactExpectationsOnEveryConfiguration() {
    Random random = new Random(31);
    for (int trial = 0; trial < 25; trial++) {
      CircuitSpec spec = CircuitConfigurationTest.randomSpec(random, 2 + random.nextInt(3));
      double[] inputs = CircuitBackendTest.randomAngles(random, spec.qubits());
      double[] weights = CircuitBackendTest.randomAngles(random, spec.weightCount());
      double[] exact = new StateVectorBackend().expectations(spec, inputs, weights);
      Map<String, Double> bound = new HashMap<>();
      for (int q = 0; q < inputs.length; q++) {
        bound.put("x" + q, inputs[q]);
      }
      String qasm3 = OpenQasm.qasm3(spec, weights);
      String qasm2 = OpenQasm.qasm2(spec, inputs, weights);
      assertThat(TinyQasmInterpreter.expectations(qasm3, bound)).as("QASM 3 of %s", spec)
          .containsExactly(exact, within(1e-9));
      assertThat(TinyQasmInterpreter.expectations(qasm2, Map.of())).as("QASM 2 of %s", spec)
          .containsExactly(exact, within(1e-9));
    }
  }

  @Test
  void theFilesDeclareInputsAndBindWeights() {
    CircuitSpec spec = new CircuitSpec(2, 1, Entangler.LINE, Encoding.RY, Observables.Z);
    String qasm3 = OpenQasm.qasm3(spec, new double[] {0.5, -0.25, 1e-7, 3.0});
    assertThat(qasm3).startsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n")
        .contains("input float[64] x0;\ninput float[64] x1;\n", "qubit[2] q;", "ry(x0) q[0];",
            "ry(0.5) q[0];", "rx(-0.25) q[0];", "ry(1.0E-7) q[1];", "cx q[0], q[1];",
            "c = measure q;");
    String qasm2 = OpenQasm.qasm2(spec, new double[] {0.1, 0.2}, new double[4]);
    assertThat(qasm2).startsWith("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n")
        .contains("qreg q[2];", "creg c[2];", "ry(0.1) q[0];", "measure q -> c;")
        .doesNotContain("input float");
    assertThatThrownBy(() -> OpenQasm.qasm2(spec, new double[] {0.1}, new double[4]))
        .hasMessageContaining("expected 2 input angles").hasMessageContaining("got 1");
  }
}
