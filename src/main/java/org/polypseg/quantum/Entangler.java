package org.polypseg.quantum;

import java.util.ArrayList;
import java.util.List;

/** How each trainable layer entangles the qubits: the CNOTs {control, target}, in order. */
public enum Entangler implements Labelled {
  /** CNOT(i, i+1) for every i, and CNOT(n−1, 0) closing the ring when n &gt; 2 (the original circuit). */
  RING("ring"),
  /** CNOT(i, i+1) for i = 0..n−2: a chain, no wrap-around. */
  LINE("line"),
  /** CNOT(i, j) for every pair i &lt; j, in lexicographic order. */
  ALL_TO_ALL("all-to-all");

  private final String label;

  Entangler(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The CNOT pairs {control, target} of one layer on {@code qubits} qubits. */
  public int[][] pairs(int qubits) {
    List<int[]> pairs = new ArrayList<>();
    switch (this) {
      case RING -> {
        int count = qubits < 2 ? 0 : qubits == 2 ? 1 : qubits;
        for (int i = 0; i < count; i++) {
          pairs.add(new int[] {i, (i + 1) % qubits});
        }
      }
      case LINE -> {
        for (int i = 0; i + 1 < qubits; i++) {
          pairs.add(new int[] {i, i + 1});
        }
      }
      case ALL_TO_ALL -> {
        for (int i = 0; i < qubits; i++) {
          for (int j = i + 1; j < qubits; j++) {
            pairs.add(new int[] {i, j});
          }
        }
      }
    }
    return pairs.toArray(new int[0][]);
  }

  /**
   * The entangler named {@code label}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Entangler parse(String label) {
    return Labelled.parse(values(), label, "entangler");
  }
}
