package org.polypseg.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.model.LoadedModel;
import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.Encoding;
import org.polypseg.quantum.Entangler;
import org.polypseg.quantum.Gate;
import org.polypseg.quantum.Observables;
import org.polypseg.quantum.OpenQasm;
import org.polypseg.quantum.QuantumCircuitBlock;
import org.polypseg.quantum.StateVectorBackend;

/**
 * The trained circuit of a model, for other simulators and devices: OpenQASM 3 (the image's
 * angles as inputs), OpenQASM 2 (angles bound), and its exact expectations for given angles in the
 * files' qubit order. Shared by the {@code circuit} command, the model page and the API.
 */
public final class CircuitExport {

  private final CircuitSpec spec;
  private final double[] weights;

  private CircuitExport(CircuitSpec spec, double[] weights) {
    this.spec = spec;
    this.weights = weights;
  }

  /**
   * The circuit of {@code model}.
   *
   * @throws CircuitInputException when the model has no circuit (classical or no mixer)
   */
  public static CircuitExport of(LoadedModel model) {
    QuantumCircuitBlock circuit = model.network().circuit();
    if (circuit == null) {
      throw new CircuitInputException("model '" + model.info().name() + "' has no circuit (mixer "
          + model.info().architecture().mixer() + ")");
    }
    return new CircuitExport(circuit.spec(), circuit.weightValues());
  }

  /**
   * A circuit from its configuration's names (as model.json writes them) and trained weights:
   * for pages and tests that have no model at hand.
   *
   * @throws IllegalArgumentException when the configuration cannot be built
   */
  public static CircuitExport of(int qubits, int layers, String entangler, String encoding,
      String observables, double[] weights) {
    CircuitSpec spec = new CircuitSpec(qubits, layers, Entangler.parse(entangler),
        Encoding.parse(encoding), Observables.parse(observables));
    spec.checkArguments(new double[qubits], weights);
    return new CircuitExport(spec, weights.clone());
  }

  /**
   * One box of the circuit picture.
   *
   * @param name "RY", "RX", "CX" or the measured term, e.g. "⟨Z⟩" or "⟨ZZ⟩"
   * @param qubits the wires it touches: one, or {control, target} for CX, or a term's qubits
   * @param label the angle: "x₀" for an input, the trained value in radians for a weight; empty
   *     for CX and read-outs
   * @param group "encode", "layer 1", … or "read out", for the headers
   */
  public record DiagramGate(String name, List<Integer> qubits, String label, String group) {}

  /** Every gate and then every measured term, in order, for drawing. */
  public List<DiagramGate> picture() {
    List<DiagramGate> boxes = new ArrayList<>();
    for (Gate gate : spec.gates()) {
      switch (gate.kind()) {
        case CNOT -> boxes.add(new DiagramGate("CX", List.of(gate.qubit(), gate.target()), "",
            gate.group()));
        case RX, RY -> boxes.add(new DiagramGate(gate.kind().name(), List.of(gate.qubit()),
            gate.source() == Gate.Source.INPUT ? "x" + subscript(gate.index())
                : String.format(Locale.ROOT, "%.2f", weights[gate.index()]),
            gate.group()));
      }
    }
    for (int[] term : spec.observables().terms(spec.qubits())) {
      List<Integer> qubits = new ArrayList<>();
      for (int q : term) {
        qubits.add(q);
      }
      boxes.add(new DiagramGate(term.length == 1 ? "⟨Z⟩" : "⟨ZZ⟩", qubits, "", "read out"));
    }
    return boxes;
  }

  /** The configuration's names: entangler, encoding, observables. */
  public String entangler() {
    return spec.entangler().label();
  }

  public String encoding() {
    return spec.encoding().label();
  }

  public String observablesName() {
    return spec.observables().label();
  }

  public int layers() {
    return spec.layers();
  }

  private static String subscript(int n) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      out.append((char) ('₀' + (c - '0')));
    }
    return out.toString();
  }

  /** Number of input angles, one per qubit. */
  public int qubits() {
    return spec.qubits();
  }

  /** The measured terms in output order, e.g. "Z0" or "Z0Z1". */
  public List<String> observables() {
    return spec.observables().labels(spec.qubits());
  }

  /** A one-line description of the circuit. */
  public String describe() {
    return spec.describe();
  }

  /** OpenQASM 3: inputs {@code x0..x(n−1)}, trained weights bound. */
  public String qasm3() {
    return OpenQasm.qasm3(spec, weights);
  }

  /** OpenQASM 2 with {@code angles} (radians, one per qubit) and the weights bound. */
  public String qasm2(double[] angles) {
    checkAngles(angles);
    return OpenQasm.qasm2(spec, angles, weights);
  }

  /** The exact expectations (state vector) for {@code angles}, in {@link #observables()} order. */
  public double[] expectations(double[] angles) {
    checkAngles(angles);
    return new StateVectorBackend().expectations(spec, angles, weights);
  }

  private void checkAngles(double[] angles) {
    if (angles.length != spec.qubits()) {
      throw new CircuitInputException(angles.length + " angles given: the circuit has "
          + spec.qubits() + " qubits and needs exactly " + spec.qubits()
          + " input angles (radians, one per qubit)");
    }
  }

  /**
   * Angles from "a,b,c" (radians).
   *
   * @throws CircuitInputException naming the value that is not a finite number
   */
  public static double[] parseAngles(String text) {
    List<Double> values = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String p = part.strip();
      try {
        double v = Double.parseDouble(p);
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        values.add(v);
      } catch (NumberFormatException e) {
        throw new CircuitInputException(String.format(Locale.ROOT,
            "angle '%s' is not a finite number (angles are radians, comma-separated: 0.1,-0.5,...)", p));
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
