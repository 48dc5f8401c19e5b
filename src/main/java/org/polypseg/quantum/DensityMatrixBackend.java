package org.polypseg.quantum;

import java.util.List;

/**
 * An exact density-matrix simulator with a {@link NoiseModel}: the expectations a noisy device
 * would give with infinitely many shots (combine with a {@link SampledBackend} for finite shots).
 *
 * <p>ρ is a 2^n × 2^n complex matrix (row-major re/im arrays); a gate costs O(4^n), fine up to
 * {@value CircuitSpec#MAX_QUBITS} qubits. Qubit i is bit i of the basis-state index, as in the
 * {@link StateVectorBackend}; with no noise the two agree to rounding (about 1e-15).
 */
public final class DensityMatrixBackend implements CircuitBackend {

  public static final String NAME = "densitymatrix";

  private final NoiseModel noise;

  public DensityMatrixBackend(NoiseModel noise) {
    this.noise = noise;
  }

  public NoiseModel noise() {
    return noise;
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
    int dim = 1 << spec.qubits();
    double[] re = new double[dim * dim];
    double[] im = new double[dim * dim];
    re[0] = 1.0;
    for (int g = 0; g < gateAngles.length; g++) {
      Gate gate = gates.get(g);
      double c = Math.cos(gateAngles[g] / 2);
      double s = Math.sin(gateAngles[g] / 2);
      switch (gate.kind()) {
        // RY = [[c, -s], [s, c]]; RX = [[c, -is], [-is, c]]
        case RY -> unitary(re, im, dim, gate.qubit(), c, 0, -s, 0, s, 0, c, 0);
        case RX -> unitary(re, im, dim, gate.qubit(), c, 0, 0, -s, 0, -s, c, 0);
        case CNOT -> cnot(re, im, dim, gate.qubit(), gate.target());
      }
      noiseAfter(re, im, dim, gate.qubit());
      if (gate.kind() == Gate.Kind.CNOT) {
        noiseAfter(re, im, dim, gate.target());
      }
    }
    double[] p = new double[dim];
    for (int s = 0; s < dim; s++) {
      p[s] = re[s * dim + s];
    }
    return readoutError(p, spec.qubits(), noise.readout());
  }

  private void noiseAfter(double[] re, double[] im, int dim, int q) {
    if (noise.depolarizing() > 0) {
      depolarize(re, im, dim, q, noise.depolarizing());
    }
    if (noise.damping() > 0) {
      damp(re, im, dim, q, noise.damping());
    }
  }

  /** ρ → UρU† for U = [[a, b], [c, d]] (complex, given as re/im parts) on qubit q. */
  private static void unitary(double[] re, double[] im, int dim, int q,
      double ar, double ai, double br, double bi, double cr, double ci, double dr, double di) {
    int bit = 1 << q;
    // Left: rows i (bit clear) and j (bit set) of every column.
    for (int i = 0; i < dim; i++) {
      if ((i & bit) != 0) {
        continue;
      }
      int j = i | bit;
      for (int col = 0; col < dim; col++) {
        int x = i * dim + col;
        int y = j * dim + col;
        double xr = re[x], xi = im[x], yr = re[y], yi = im[y];
        re[x] = ar * xr - ai * xi + br * yr - bi * yi;
        im[x] = ar * xi + ai * xr + br * yi + bi * yr;
        re[y] = cr * xr - ci * xi + dr * yr - di * yi;
        im[y] = cr * xi + ci * xr + dr * yi + di * yr;
      }
    }
    // Right, ρU†: columns i and j of every row; (ρU†)_{r,c} = Σ_k ρ_{r,k} conj(U_{c,k}).
    for (int row = 0; row < dim; row++) {
      for (int i = 0; i < dim; i++) {
        if ((i & bit) != 0) {
          continue;
        }
        int j = i | bit;
        int x = row * dim + i;
        int y = row * dim + j;
        double xr = re[x], xi = im[x], yr = re[y], yi = im[y];
        // new x = x·conj(a) + y·conj(b); new y = x·conj(c) + y·conj(d)
        re[x] = xr * ar + xi * ai + yr * br + yi * bi;
        im[x] = xi * ar - xr * ai + yi * br - yr * bi;
        re[y] = xr * cr + xi * ci + yr * dr + yi * di;
        im[y] = xi * cr - xr * ci + yi * dr - yr * di;
      }
    }
  }

  /** ρ → PρP for the CNOT permutation P (its own inverse). */
  private static void cnot(double[] re, double[] im, int dim, int control, int target) {
    int cbit = 1 << control;
    int tbit = 1 << target;
    for (int i = 0; i < dim; i++) {
      if ((i & cbit) == 0 || (i & tbit) != 0) {
        continue;
      }
      int j = i | tbit;
      for (int col = 0; col < dim; col++) {
        swap(re, im, i * dim + col, j * dim + col);
      }
    }
    for (int row = 0; row < dim; row++) {
      for (int i = 0; i < dim; i++) {
        if ((i & cbit) == 0 || (i & tbit) != 0) {
          continue;
        }
        swap(re, im, row * dim + i, row * dim + (i | tbit));
      }
    }
  }

  private static void swap(double[] re, double[] im, int a, int b) {
    double r = re[a];
    re[a] = re[b];
    re[b] = r;
    double m = im[a];
    im[a] = im[b];
    im[b] = m;
  }

  /**
   * ρ → (1 − p)ρ + p·(I/2 ⊗ Tr_q ρ): in every 2×2 block of qubit q, the coherences shrink by
   * (1 − p) and the populations move p of the way to their mean.
   */
  private static void depolarize(double[] re, double[] im, int dim, int q, double p) {
    int bit = 1 << q;
    for (int r = 0; r < dim; r++) {
      if ((r & bit) != 0) {
        continue;
      }
      for (int c = 0; c < dim; c++) {
        if ((c & bit) != 0) {
          continue;
        }
        int a00 = r * dim + c;
        int a11 = (r | bit) * dim + (c | bit);
        int a01 = r * dim + (c | bit);
        int a10 = (r | bit) * dim + c;
        double meanR = (re[a00] + re[a11]) / 2;
        double meanI = (im[a00] + im[a11]) / 2;
        re[a00] = (1 - p) * re[a00] + p * meanR;
        im[a00] = (1 - p) * im[a00] + p * meanI;
        re[a11] = (1 - p) * re[a11] + p * meanR;
        im[a11] = (1 - p) * im[a11] + p * meanI;
        re[a01] *= 1 - p;
        im[a01] *= 1 - p;
        re[a10] *= 1 - p;
        im[a10] *= 1 - p;
      }
    }
  }

  /**
   * Amplitude damping, Kraus operators K0 = [[1, 0], [0, √(1−γ)]] and K1 = [[0, √γ], [0, 0]]:
   * ρ00 += γρ11, ρ11 ·= (1 − γ), coherences ·= √(1 − γ).
   */
  private static void damp(double[] re, double[] im, int dim, int q, double gamma) {
    int bit = 1 << q;
    double keep = Math.sqrt(1 - gamma);
    for (int r = 0; r < dim; r++) {
      if ((r & bit) != 0) {
        continue;
      }
      for (int c = 0; c < dim; c++) {
        if ((c & bit) != 0) {
          continue;
        }
        int a00 = r * dim + c;
        int a11 = (r | bit) * dim + (c | bit);
        int a01 = r * dim + (c | bit);
        int a10 = (r | bit) * dim + c;
        re[a00] += gamma * re[a11];
        im[a00] += gamma * im[a11];
        re[a11] *= 1 - gamma;
        im[a11] *= 1 - gamma;
        re[a01] *= keep;
        im[a01] *= keep;
        re[a10] *= keep;
        im[a10] *= keep;
      }
    }
  }

  /** Each measured bit flips with probability r, independently: the outcome distribution mixes. */
  static double[] readoutError(double[] p, int qubits, double r) {
    if (r == 0) {
      return p;
    }
    double[] current = p.clone();
    for (int q = 0; q < qubits; q++) {
      int bit = 1 << q;
      double[] next = new double[current.length];
      for (int s = 0; s < current.length; s++) {
        next[s] = (1 - r) * current[s] + r * current[s ^ bit];
      }
      current = next;
    }
    return current;
  }
}
