package org.polypseg.quantum;

import java.util.List;
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
 * per run because a Program caches its decomposed steps. The probabilities are computed exactly
 * from the returned amplitudes (Strange's {@code getProbability()} holds amplitudes, not
 * probabilities), never by sampling. Strange expresses every circuit a {@link CircuitSpec} can
 * describe (RX, RY, CNOT between any two qubits); noise it cannot, which is what the
 * {@link DensityMatrixBackend} is for.
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
  public double[] probabilities(CircuitSpec spec, double[] gateAngles) {
    List<Gate> gates = spec.gates();
    if (gateAngles.length != gates.size()) {
      throw new IllegalArgumentException(
          "expected " + gates.size() + " gate angles, got " + gateAngles.length);
    }
    Program program = new Program(spec.qubits());
    for (int g = 0; g < gateAngles.length; g++) {
      Gate gate = gates.get(g);
      program.addStep(new Step(switch (gate.kind()) {
        case RY -> new SingleQubitMatrixGate(gate.qubit(), ry(gateAngles[g]));
        case RX -> new SingleQubitMatrixGate(gate.qubit(), rx(gateAngles[g]));
        case CNOT -> new Cnot(gate.qubit(), gate.target());
      }));
    }
    Result result = new SimpleQuantumExecutionEnvironment().runProgram(program);
    Complex[] amplitudes = result.getProbability();
    double[] p = new double[amplitudes.length];
    for (int s = 0; s < amplitudes.length; s++) {
      p[s] = amplitudes[s].abssqr();
    }
    return p;
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
