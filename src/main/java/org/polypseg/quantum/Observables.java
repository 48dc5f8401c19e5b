package org.polypseg.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * What is measured: products of Pauli Z, all diagonal in the computational basis, so every
 * expectation is a sum over the basis-state probabilities and can be estimated from shots.
 */
public enum Observables implements Labelled {
  /** ⟨Z_i⟩ for i = 0..n−1 (the original circuit): n values. */
  Z("z"),
  /** ⟨Z_i Z_{i+1}⟩ for neighbouring qubits i = 0..n−2: n−1 values. */
  ZZ("zz"),
  /** ⟨Z_i⟩ for every qubit, then ⟨Z_i Z_{i+1}⟩ for neighbours: 2n−1 values. */
  Z_AND_ZZ("z+zz");

  private final String label;

  Observables(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The qubits of each measured product of Z, in output order, e.g. {0}, {1} or {0, 1}. */
  public int[][] terms(int qubits) {
    List<int[]> terms = new ArrayList<>();
    if (this != ZZ) {
      for (int q = 0; q < qubits; q++) {
        terms.add(new int[] {q});
      }
    }
    if (this != Z) {
      for (int q = 0; q + 1 < qubits; q++) {
        terms.add(new int[] {q, q + 1});
      }
    }
    return terms.toArray(new int[0][]);
  }

  /** How many values are measured on {@code qubits} qubits. */
  public int count(int qubits) {
    return switch (this) {
      case Z -> qubits;
      case ZZ -> qubits - 1;
      case Z_AND_ZZ -> 2 * qubits - 1;
    };
  }

  /**
   * The exact expectations from the probabilities of the 2^n basis states (qubit i = bit i).
   *
   * <p>Sums basis state by basis state, term by term, in the order the original ⟨Z_i⟩ code did,
   * so the original circuit's values are the same to the last bit.
   */
  public double[] expectations(int qubits, double[] probabilities) {
    int[] masks = masks(qubits);
    double[] values = new double[masks.length];
    for (int s = 0; s < probabilities.length; s++) {
      double p = probabilities[s];
      for (int t = 0; t < masks.length; t++) {
        values[t] += (Integer.bitCount(s & masks[t]) & 1) == 0 ? p : -p;
      }
    }
    return values;
  }

  /** Each term's qubits as a bit mask. */
  int[] masks(int qubits) {
    int[][] terms = terms(qubits);
    int[] masks = new int[terms.length];
    for (int t = 0; t < terms.length; t++) {
      for (int q : terms[t]) {
        masks[t] |= 1 << q;
      }
    }
    return masks;
  }

  /** Readable labels of the measured terms, e.g. "Z0" or "Z0Z1". */
  public List<String> labels(int qubits) {
    List<String> labels = new ArrayList<>();
    for (int[] term : terms(qubits)) {
      StringBuilder label = new StringBuilder();
      for (int q : term) {
        label.append('Z').append(q);
      }
      labels.add(label.toString());
    }
    return labels;
  }

  /**
   * The observables named {@code label}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Observables parse(String label) {
    return Labelled.parse(values(), label, "observable");
  }
}
