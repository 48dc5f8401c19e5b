package org.polypseg.quantum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reader of the OpenQASM 2 and 3 this project writes, for tests only: it shares no
 * code with the simulators. Each gate becomes its full 2^n × 2^n complex matrix (a Kronecker
 * product of 2×2 matrices, or a permutation for cx) multiplied onto the state vector. Supports
 * what the files use: {@code input float[64] x;}, {@code qubit[n] q;} / {@code qreg q[n];},
 * {@code rx}, {@code ry}, {@code cx}, measure; angles are literals or input names. Qubit i is
 * {@code q[i]}, the i-th least-significant bit of the basis index (Qiskit's order).
 */
public final class TinyQasmInterpreter {

  record C(double re, double im) {
    C times(C o) {
      return new C(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    C plus(C o) {
      return new C(re + o.re, im + o.im);
    }
  }

  private static final Pattern ROTATION =
      Pattern.compile("(rx|ry)\\(([^)]+)\\)\\s*q\\[(\\d+)\\];");
  private static final Pattern CX = Pattern.compile("cx\\s*q\\[(\\d+)\\],\\s*q\\[(\\d+)\\];");
  private static final Pattern SIZE = Pattern.compile("(?:qubit\\[(\\d+)\\]\\s*q|qreg\\s*q\\[(\\d+)\\]);");
  private static final Pattern INPUT = Pattern.compile("input\\s+float\\[64\\]\\s+(\\w+);");
  private static final Pattern MEASURED = Pattern.compile("// measured: ([Z0-9, ]+) \\(");

  private TinyQasmInterpreter() {}

  /** The expectations of the terms the file's "measured:" comment lists, in that order. */
  public static double[] expectations(String qasm, Map<String, Double> inputs) {
    int n = -1;
    List<String> terms = new ArrayList<>();
    Map<String, Double> declared = new HashMap<>();
    C[] state = null;
    for (String raw : qasm.split("\n")) {
      String line = raw.strip();
      Matcher m;
      if ((m = MEASURED.matcher(line)).find()) {
        for (String t : m.group(1).split(",")) {
          terms.add(t.strip());
        }
        continue;
      }
      if (line.isEmpty() || line.startsWith("//") || line.startsWith("OPENQASM")
          || line.startsWith("include") || line.startsWith("bit[") || line.startsWith("creg")
          || line.startsWith("measure") || line.startsWith("c = measure")) {
        continue;
      }
      if ((m = INPUT.matcher(line)).matches()) {
        Double v = inputs.get(m.group(1));
        if (v == null) {
          throw new IllegalArgumentException("no value for input " + m.group(1));
        }
        declared.put(m.group(1), v);
      } else if ((m = SIZE.matcher(line)).matches()) {
        n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        state = new C[1 << n];
        for (int i = 0; i < state.length; i++) {
          state[i] = new C(i == 0 ? 1 : 0, 0);
        }
      } else if ((m = ROTATION.matcher(line)).matches()) {
        double theta = value(m.group(2).strip(), declared);
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        C[][] u = m.group(1).equals("ry")
            ? new C[][] {{new C(c, 0), new C(-s, 0)}, {new C(s, 0), new C(c, 0)}}
            : new C[][] {{new C(c, 0), new C(0, -s)}, {new C(0, -s), new C(c, 0)}};
        state = multiply(embed(u, Integer.parseInt(m.group(3)), n), state);
      } else if ((m = CX.matcher(line)).matches()) {
        state = multiply(cx(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), n), state);
      } else {
        throw new IllegalArgumentException("cannot read: " + line);
      }
    }
    double[] values = new double[terms.size()];
    for (int t = 0; t < terms.size(); t++) {
      List<Integer> qubits = new ArrayList<>();
      for (String q : terms.get(t).substring(1).split("Z")) {
        qubits.add(Integer.parseInt(q));
      }
      for (int s = 0; s < state.length; s++) {
        double p = state[s].re * state[s].re + state[s].im * state[s].im;
        int parity = 0;
        for (int q : qubits) {
          parity ^= (s >> q) & 1;
        }
        values[t] += parity == 0 ? p : -p;
      }
    }
    return values;
  }

  private static double value(String expr, Map<String, Double> declared) {
    Double v = declared.get(expr);
    return v != null ? v : Double.parseDouble(expr);
  }

  /** I ⊗ … ⊗ U ⊗ … ⊗ I with U on qubit q (qubit 0 least significant). */
  private static C[][] embed(C[][] u, int q, int n) {
    C[][] result = {{new C(1, 0)}};
    for (int k = n - 1; k >= 0; k--) {
      C[][] factor = k == q ? u : new C[][] {{new C(1, 0), new C(0, 0)}, {new C(0, 0), new C(1, 0)}};
      result = kron(result, factor);
    }
    return result;
  }

  private static C[][] kron(C[][] a, C[][] b) {
    int ra = a.length;
    int rb = b.length;
    C[][] out = new C[ra * rb][ra * rb];
    for (int i = 0; i < ra; i++) {
      for (int j = 0; j < ra; j++) {
        for (int k = 0; k < rb; k++) {
          for (int l = 0; l < rb; l++) {
            out[i * rb + k][j * rb + l] = a[i][j].times(b[k][l]);
          }
        }
      }
    }
    return out;
  }

  private static C[][] cx(int control, int target, int n) {
    int dim = 1 << n;
    C[][] p = new C[dim][dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        p[i][j] = new C(0, 0);
      }
    }
    for (int s = 0; s < dim; s++) {
      int image = ((s >> control) & 1) == 1 ? s ^ (1 << target) : s;
      p[image][s] = new C(1, 0);
    }
    return p;
  }

  private static C[] multiply(C[][] m, C[] v) {
    C[] out = new C[v.length];
    for (int i = 0; i < v.length; i++) {
      C sum = new C(0, 0);
      for (int j = 0; j < v.length; j++) {
        sum = sum.plus(m[i][j].times(v[j]));
      }
      out[i] = sum;
    }
    return out;
  }
}
