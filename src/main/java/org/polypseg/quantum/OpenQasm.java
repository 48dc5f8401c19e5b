package org.polypseg.quantum;

import java.util.List;

/**
 * The circuit as OpenQASM, to run it on another simulator or a device.
 *
 * <p>OpenQASM 3: the image-dependent encoding angles are {@code input float[64] x0 … x(n−1)}
 * parameters, the trained weights are bound as literals. OpenQASM 2 has no inputs, so the angles
 * of one image are bound too. Both: qubit i of the model is {@code q[i]}, measured into
 * {@code c[i]}; the observables are products of Z, so ⟨Z_i⟩ = P(c[i] = 0) − P(c[i] = 1) and
 * ⟨Z_i Z_j⟩ is the same for the parity c[i] ⊕ c[j]. Gates: {@code ry}, {@code rx} (exp(−iθσ/2)),
 * {@code cx}. Angles are written with {@link Double#toString}, which round-trips every double.
 */
public final class OpenQasm {

  private OpenQasm() {}

  /** OpenQASM 3 with the inputs as {@code input} parameters and the weights bound. */
  public static String qasm3(CircuitSpec spec, double[] weights) {
    spec.checkArguments(new double[spec.qubits()], weights);
    StringBuilder s = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
    header(s, spec, "inputs x0.." + "x" + (spec.qubits() - 1)
        + ": the image-dependent encoding angles (radians); trained weights bound");
    for (int q = 0; q < spec.qubits(); q++) {
      s.append("input float[64] x").append(q).append(";\n");
    }
    s.append("qubit[").append(spec.qubits()).append("] q;\n");
    s.append("bit[").append(spec.qubits()).append("] c;\n");
    gates(s, spec, null, weights);
    s.append("c = measure q;\n");
    return s.toString();
  }

  /** OpenQASM 2 with the inputs of one image and the weights bound. */
  public static String qasm2(CircuitSpec spec, double[] inputs, double[] weights) {
    spec.checkArguments(inputs, weights);
    StringBuilder s = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
    StringBuilder bound = new StringBuilder("input angles bound: ");
    for (int q = 0; q < inputs.length; q++) {
      bound.append(q == 0 ? "" : ", ").append('x').append(q).append(" = ").append(number(inputs[q]));
    }
    header(s, spec, bound.toString());
    s.append("qreg q[").append(spec.qubits()).append("];\n");
    s.append("creg c[").append(spec.qubits()).append("];\n");
    gates(s, spec, inputs, weights);
    s.append("measure q -> c;\n");
    return s.toString();
  }

  private static void header(StringBuilder s, CircuitSpec spec, String angles) {
    s.append("// polypseg variational circuit: ").append(spec.describe()).append('\n');
    s.append("// ").append(angles).append('\n');
    s.append("// measured: ").append(String.join(", ", spec.observables().labels(spec.qubits())))
        .append(" (qubit i = q[i] = c[i]; Zi = ±1 for c[i] = 0/1, ZiZj for the parity)\n");
  }

  private static void gates(StringBuilder s, CircuitSpec spec, double[] inputs, double[] weights) {
    List<Gate> gates = spec.gates();
    for (Gate gate : gates) {
      switch (gate.kind()) {
        case CNOT -> s.append("cx q[").append(gate.qubit()).append("], q[")
            .append(gate.target()).append("];\n");
        case RX, RY -> {
          String angle = switch (gate.source()) {
            case INPUT -> inputs == null ? "x" + gate.index() : number(inputs[gate.index()]);
            case WEIGHT -> number(weights[gate.index()]);
            case NONE -> throw new IllegalStateException("rotation without an angle: " + gate);
          };
          s.append(gate.kind() == Gate.Kind.RX ? "rx(" : "ry(").append(angle).append(") q[")
              .append(gate.qubit()).append("];\n");
        }
      }
    }
  }

  private static String number(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("angle " + v + " is not a finite number");
    }
    return Double.toString(v);
  }
}
