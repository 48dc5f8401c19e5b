package org.polypseg.quantum;

/**
 * One gate of a {@link CircuitSpec}: a rotation RX(θ) or RY(θ) = exp(−iθσ/2) on one qubit whose
 * angle comes from an input or a weight, or a CNOT.
 *
 * @param kind RX, RY or CNOT
 * @param qubit the rotated qubit, or the CNOT's control
 * @param target the CNOT's target; −1 for rotations
 * @param source where the angle comes from: {@link Source#INPUT}, {@link Source#WEIGHT}, or
 *     {@link Source#NONE} for a CNOT
 * @param index the input's or the weight's index; −1 for a CNOT
 * @param group what the gate belongs to, for pictures: "encode", or the layer, 1-based, e.g.
 *     "layer 2"
 */
public record Gate(Kind kind, int qubit, int target, Source source, int index, String group) {

  /** The gate types. */
  public enum Kind {
    RX,
    RY,
    CNOT
  }

  /** Where a rotation's angle comes from. */
  public enum Source {
    INPUT,
    WEIGHT,
    NONE
  }

  /** Whether the gate has an angle (a rotation). */
  public boolean rotation() {
    return kind != Kind.CNOT;
  }

  static Gate rotation(Kind kind, int qubit, Source source, int index, String group) {
    return new Gate(kind, qubit, -1, source, index, group);
  }

  static Gate cnot(int control, int target, String group) {
    return new Gate(Kind.CNOT, control, target, Source.NONE, -1, group);
  }
}
