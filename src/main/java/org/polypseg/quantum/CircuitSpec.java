package org.polypseg.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variational circuit, described once as data and executed by any {@link CircuitBackend}.
 *
 * <p>Layout: the {@link Encoding} of the n input angles, then {@code layers} trainable layers,
 * each RY(w) then RX(w) on every qubit followed by the {@link Entangler}'s CNOTs (with
 * {@link Encoding#REUPLOAD} the inputs are encoded again before every layer). The read-out is the
 * exact (or, on a sampling backend, estimated) expectation of each {@link Observables} term, in
 * [−1, 1].
 *
 * <p>The defaults (ring, RY, Z) are the original fixed circuit: a model.json without circuit
 * fields means them. Weights are indexed {@code (layer * qubits + qubit) * 2 + k}, k = 0 for RY
 * and 1 for RX. Every weight enters one rotation gate; an input enters one gate, or L gates when
 * re-uploaded; the parameter-shift rule shifts gate by gate and adds up. Angles are in radians.
 *
 * @param qubits number of qubits n (1..{@value #MAX_QUBITS}; models use 2 or more)
 * @param layers number of trainable layers L (0..{@value #MAX_LAYERS})
 * @param entangler the CNOT pattern of each layer
 * @param encoding how the inputs enter
 * @param observables what is measured
 */
public record CircuitSpec(
    int qubits, int layers, Entangler entangler, Encoding encoding, Observables observables) {

  /**
   * The simulators' limit: a 10-qubit density matrix is 2^20 complex numbers (16 MiB), and the
   * gates cost O(4^n) each.
   */
  public static final int MAX_QUBITS = 10;

  public static final int MAX_LAYERS = 16;

  private static final Map<CircuitSpec, List<Gate>> GATES = new ConcurrentHashMap<>();

  public CircuitSpec {
    if (qubits < 1 || qubits > MAX_QUBITS) {
      throw new IllegalArgumentException(
          "qubits " + qubits + " is out of range: allowed 1 to " + MAX_QUBITS
              + " (2 or more for a model's circuit)");
    }
    if (layers < 0 || layers > MAX_LAYERS) {
      throw new IllegalArgumentException(
          "layers " + layers + " is out of range: allowed 0 to " + MAX_LAYERS);
    }
    entangler = entangler == null ? Entangler.RING : entangler;
    encoding = encoding == null ? Encoding.RY : encoding;
    observables = observables == null ? Observables.Z : observables;
    if (observables.count(qubits) < 1) {
      throw new IllegalArgumentException(
          "observables " + observables.label() + " need at least 2 qubits, got " + qubits);
    }
  }

  /** The original circuit: RY encoding, ring of CNOTs, ⟨Z_i⟩ of every qubit. */
  public CircuitSpec(int qubits, int layers) {
    this(qubits, layers, Entangler.RING, Encoding.RY, Observables.Z);
  }

  /** Number of trainable rotation angles. */
  public int weightCount() {
    return layers * qubits * 2;
  }

  /** Number of measured values (the block's output width). */
  public int outputCount() {
    return observables.count(qubits);
  }

  /** Index of the weight of {@code gate} (0 = RY, 1 = RX) on {@code qubit} in {@code layer}. */
  public static int weightIndex(int qubits, int layer, int qubit, int gate) {
    return (layer * qubits + qubit) * 2 + gate;
  }

  /** The CNOT pairs {control, target} of one entangling layer. */
  public int[][] entanglingPairs() {
    return entangler.pairs(qubits);
  }

  /** Every gate in the order it is applied (immutable; built once per distinct circuit). */
  public List<Gate> gates() {
    return GATES.computeIfAbsent(this, CircuitSpec::buildGates);
  }

  private List<Gate> buildGates() {
    List<Gate> gates = new ArrayList<>();
    if (encoding != Encoding.REUPLOAD || layers == 0) {
      encode(gates, "encode");
    }
    int[][] pairs = entanglingPairs();
    for (int layer = 0; layer < layers; layer++) {
      String group = "layer " + (layer + 1);
      if (encoding == Encoding.REUPLOAD) {
        encode(gates, "encode " + (layer + 1));
      }
      for (int q = 0; q < qubits; q++) {
        gates.add(Gate.rotation(Gate.Kind.RY, q, Gate.Source.WEIGHT, weightIndex(qubits, layer, q, 0), group));
        gates.add(Gate.rotation(Gate.Kind.RX, q, Gate.Source.WEIGHT, weightIndex(qubits, layer, q, 1), group));
      }
      for (int[] pair : pairs) {
        gates.add(Gate.cnot(pair[0], pair[1], group));
      }
    }
    return List.copyOf(gates);
  }

  private void encode(List<Gate> gates, String group) {
    Gate.Kind kind = encoding == Encoding.RX ? Gate.Kind.RX : Gate.Kind.RY;
    for (int q = 0; q < qubits; q++) {
      gates.add(Gate.rotation(kind, q, Gate.Source.INPUT, q, group));
    }
  }

  /** The angle of every gate of {@link #gates()} (0 for a CNOT), radians. */
  public double[] gateAngles(double[] inputs, double[] weights) {
    checkArguments(inputs, weights);
    List<Gate> gates = gates();
    double[] angles = new double[gates.size()];
    for (int g = 0; g < angles.length; g++) {
      Gate gate = gates.get(g);
      angles[g] = switch (gate.source()) {
        case INPUT -> inputs[gate.index()];
        case WEIGHT -> weights[gate.index()];
        case NONE -> 0;
      };
    }
    return angles;
  }

  /**
   * Checks argument lengths before a backend runs the circuit.
   *
   * @throws IllegalArgumentException naming the count given and the count expected
   */
  public void checkArguments(double[] inputs, double[] weights) {
    if (inputs.length != qubits) {
      throw new IllegalArgumentException(
          "expected " + qubits + " input angles (one per qubit), got " + inputs.length);
    }
    if (weights.length != weightCount()) {
      throw new IllegalArgumentException(
          "expected " + weightCount() + " weights, got " + weights.length);
    }
  }

  /** A one-line description, e.g. "4 qubits, 2 layers, ring, ry, z". */
  public String describe() {
    return qubits + " qubits, " + layers + (layers == 1 ? " layer" : " layers") + ", entangler " + entangler.label()
        + ", encoding " + encoding.label() + ", observables " + observables.label();
  }
}
