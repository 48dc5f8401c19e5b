package org.polypseg.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.PlacedCircuit;
import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.Encoding;
import org.polypseg.quantum.Entangler;
import org.polypseg.quantum.Gate;
import org.polypseg.quantum.Observables;
import org.polypseg.quantum.OpenQasm;
import org.polypseg.quantum.QuantumCircuitBlock;
import org.polypseg.quantum.StateVectorBackend;

/**
 * A trained circuit of a model, for other simulators and devices: OpenQASM 3 (the image's angles
 * as inputs), OpenQASM 2 (angles bound), and its exact expectations for given angles in the
 * files' qubit order. Shared by the {@code circuit} command, the model page and the API. A model
 * with placement decoder has several circuits of the same shape, each with its own weights,
 * numbered as {@link PlacedCircuit#index()} says (0 = the bottleneck's).
 */
public final class CircuitExport {

  private final CircuitSpec spec;
  private final double[] weights;
  private final int index;
  private final int count;
  private final String site;

  private CircuitExport(CircuitSpec spec, double[] weights, int index, int count, String site) {
    this.spec = spec;
    this.weights = weights;
    this.index = index;
    this.count = count;
    this.site = site;
  }

  /**
   * The bottleneck's circuit of {@code model} (circuit 0).
   *
   * @throws CircuitInputException when the model has no circuit (classical or no mixer)
   */
  public static CircuitExport of(LoadedModel model) {
    return of(model, 0);
  }

  /**
   * Circuit {@code index} of {@code model}: 0 the bottleneck's, then the decoder stages'.
   *
   * @throws CircuitInputException when the model has no circuit (classical or no mixer), or none
   *     of that number, naming the number and the range
   */
  public static CircuitExport of(LoadedModel model, int index) {
    List<CircuitExport> all = all(model);
    if (all.isEmpty()) {
      throw new CircuitInputException("model '" + model.info().name() + "' has no circuit (mixer "
          + model.info().architecture().mixer() + ")");
    }
    return pick(all, index);
  }

  /**
   * Circuit {@code index} of {@code circuits} (a model's, in order).
   *
   * @throws CircuitInputException naming the number and the circuits there are
   */
  public static CircuitExport pick(List<CircuitExport> circuits, int index) {
    if (index < 0 || index >= circuits.size()) {
      List<String> names = new ArrayList<>();
      circuits.forEach(c -> names.add(c.index + " = " + c.site));
      throw new CircuitInputException("circuit " + index + " is out of range: the model has "
          + circuits.size() + (circuits.size() == 1 ? " circuit (0 = bottleneck)"
              : " circuits, allowed 0 to " + (circuits.size() - 1) + " (" + String.join(", ", names) + ")"));
    }
    return circuits.get(index);
  }

  /** Every circuit of {@code model} in index order; empty when it has none. */
  public static List<CircuitExport> all(LoadedModel model) {
    List<PlacedCircuit> placed = model.network().circuits();
    List<CircuitExport> all = new ArrayList<>();
    for (PlacedCircuit p : placed) {
      QuantumCircuitBlock block = p.block();
      all.add(new CircuitExport(block.spec(), block.weightValues(), p.index(), placed.size(), p.site()));
    }
    return List.copyOf(all);
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
    return new CircuitExport(spec, weights.clone(), 0, 1, PlacedCircuit.BOTTLENECK);
  }

  /**
   * The same circuit as number {@code newIndex} of a model's {@code newCount}, sitting at
   * {@code newSite}: for pages and tests that have no model at hand.
   */
  public CircuitExport placed(int newIndex, int newCount, String newSite) {
    return new CircuitExport(spec, weights, newIndex, newCount, newSite);
  }

  /** Its number in the model: 0 the bottleneck's, then the decoder stages' from the deepest. */
  public int index() {
    return index;
  }

  /** How many circuits the model has (1 with placement bottleneck). */
  public int count() {
    return count;
  }

  /** Where it sits, e.g. "bottleneck" or "decoder stage 1 (1/16 of the input, 64 channels)". */
  public String site() {
    return site;
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
    return named(OpenQasm.qasm3(spec, weights));
  }

  /** OpenQASM 2 with {@code angles} (radians, one per qubit) and the weights bound. */
  public String qasm2(double[] angles) {
    checkAngles(angles);
    return named(OpenQasm.qasm2(spec, angles, weights));
  }

  /**
   * The file with a comment saying which of the model's circuits it is, after the version and
   * include lines; a model's only circuit is written as it always was.
   */
  private String named(String qasm) {
    if (count == 1) {
      return qasm;
    }
    int end = qasm.indexOf('\n', qasm.indexOf('\n') + 1) + 1;
    return qasm.substring(0, end) + "// circuit " + index + " of the model's " + count
        + " (0 = bottleneck): " + site + "\n" + qasm.substring(end);
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
