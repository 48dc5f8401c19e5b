package org.polypseg.quantum;

import java.util.List;

/**
 * An exact state-vector simulator in plain Java, double precision.
 *
 * <p>Independent of Strange so that each can check the other; about two orders of magnitude
 * faster, which is why training (many parameter-shift runs per image) uses it. Qubit i is bit i
 * of the basis-state index (least-significant first), the same order Strange uses.
 */
public final class StateVectorBackend implements CircuitBackend {

  public static final String NAME = "statevector";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] probabilities(CircuitSpec spec, double[] gateAngles) {
    double[][] state = state(spec, gateAngles);
    double[] re = state[0];
    double[] im = state[1];
    double[] p = new double[re.length];
    for (int s = 0; s < p.length; s++) {
      p[s] = re[s] * re[s] + im[s] * im[s];
    }
    return p;
  }

  /** The final state {re, im} of the circuit, 2^n amplitudes each. */
  public double[][] state(CircuitSpec spec, double[] gateAngles) {
    List<Gate> gates = spec.gates();
    if (gateAngles.length != gates.size()) {
      throw new IllegalArgumentException(
          "expected " + gates.size() + " gate angles, got " + gateAngles.length);
    }
    int dim = 1 << spec.qubits();
    double[] re = new double[dim];
    double[] im = new double[dim];
    re[0] = 1.0;
    for (int g = 0; g < gateAngles.length; g++) {
      Gate gate = gates.get(g);
      switch (gate.kind()) {
        case RY -> ry(re, im, gate.qubit(), gateAngles[g]);
        case RX -> rx(re, im, gate.qubit(), gateAngles[g]);
        case CNOT -> cnot(re, im, gate.qubit(), gate.target());
      }
    }
    return new double[][] {re, im};
  }

  /** RY(θ) = [[cos θ/2, -sin θ/2], [sin θ/2, cos θ/2]]: real, so re and im rotate alike. */
  private static void ry(double[] re, double[] im, int q, double theta) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    int bit = 1 << q;
    for (int i = 0; i < re.length; i++) {
      if ((i & bit) == 0) {
        int j = i | bit;
        double r0 = re[i];
        double i0 = im[i];
        double r1 = re[j];
        double i1 = im[j];
        re[i] = c * r0 - s * r1;
        im[i] = c * i0 - s * i1;
        re[j] = s * r0 + c * r1;
        im[j] = s * i0 + c * i1;
      }
    }
  }

  /** RX(θ) = [[cos θ/2, -i sin θ/2], [-i sin θ/2, cos θ/2]]. */
  private static void rx(double[] re, double[] im, int q, double theta) {
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    int bit = 1 << q;
    for (int i = 0; i < re.length; i++) {
      if ((i & bit) == 0) {
        int j = i | bit;
        double r0 = re[i];
        double i0 = im[i];
        double r1 = re[j];
        double i1 = im[j];
        // (-i s)(r + i m) = s m - i s r
        re[i] = c * r0 + s * i1;
        im[i] = c * i0 - s * r1;
        re[j] = c * r1 + s * i0;
        im[j] = c * i1 - s * r0;
      }
    }
  }

  private static void cnot(double[] re, double[] im, int control, int target) {
    int cbit = 1 << control;
    int tbit = 1 << target;
    for (int i = 0; i < re.length; i++) {
      if ((i & cbit) != 0 && (i & tbit) == 0) {
        int j = i | tbit;
        double r = re[i];
        re[i] = re[j];
        re[j] = r;
        double m = im[i];
        im[i] = im[j];
        im[j] = m;
      }
    }
  }
}
