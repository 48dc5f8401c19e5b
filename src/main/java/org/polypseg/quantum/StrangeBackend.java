package org.polypseg.quantum;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.redfx.strange.Complex;
import org.redfx.strange.Program;
import org.redfx.strange.Result;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Cnot;
import org.redfx.strange.gate.SingleQubitMatrixGate;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

/**
 * Runs the circuit on Strange ({@code org.redfx:strange}), the simulator used for inference.
 *
 * <p>Rotations are given to Strange as explicit 2x2 matrices: in Strange 0.1.3 {@code RotationZ}
 * acts as a global phase, so we do not trust its rotation gates. A fresh {@link Program} is built
 * per run because a Program caches its decomposed steps. &lt;Z_i&gt; is computed exactly from the
 * returned amplitudes (Strange's {@code getProbability()} holds amplitudes, not probabilities), never
 * by sampling.
 */
public final class StrangeBackend implements CircuitBackend {

  public static final String NAME = "strange";

  static {
    // Strange logs at INFO on every run; that would flood the console during evaluation.
    Logger.getLogger("org.redfx").setLevel(Level.WARNING);
    Logger.getLogger("org.redfx.strange").setLevel(Level.WARNING);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] expectations(CircuitSpec spec, double[] inputs, double[] weights) {
    spec.checkArguments(inputs, weights);
    int n = spec.qubits();
    Program program = new Program(n);
    for (int q = 0; q < n; q++) {
      program.addStep(new Step(new SingleQubitMatrixGate(q, ry(inputs[q]))));
    }
    for (int layer = 0; layer < spec.layers(); layer++) {
      for (int q = 0; q < n; q++) {
        program.addStep(
            new Step(
                new SingleQubitMatrixGate(
                    q, ry(weights[CircuitSpec.weightIndex(n, layer, q, 0)]))));
        program.addStep(
            new Step(
                new SingleQubitMatrixGate(
                    q, rx(weights[CircuitSpec.weightIndex(n, layer, q, 1)]))));
      }
      for (int[] pair : spec.entanglingPairs()) {
        program.addStep(new Step(new Cnot(pair[0], pair[1])));
      }
    }
    Result result = new SimpleQuantumExecutionEnvironment().runProgram(program);
    Complex[] amplitudes = result.getProbability();
    double[] z = new double[n];
    for (int s = 0; s < amplitudes.length; s++) {
      double p = amplitudes[s].abssqr();
      for (int q = 0; q < n; q++) {
        z[q] += ((s >> q) & 1) == 0 ? p : -p;
      }
    }
    return z;
  }

  static Complex[][] ry(double theta) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    return new Complex[][] {
      {new Complex(c, 0), new Complex(-s, 0)},
      {new Complex(s, 0), new Complex(c, 0)}
    };
  }

  static Complex[][] rx(double theta) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    return new Complex[][] {
      {new Complex(c, 0), new Complex(0, -s)},
      {new Complex(0, -s), new Complex(c, 0)}
    };
  }
}
