package org.polypseg.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polypseg.eval.CircuitCost;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.segment.CircuitExport;
import org.polypseg.segment.CircuitInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "circuit", mixinStandardHelpOptions = true,
    description = "Write the model's trained circuit (the bottleneck's, or another with --circuit)"
        + " as OpenQASM 3 (the image's angles as inputs)"
        + " and OpenQASM 2 (angles bound), and print its exact expectations for given angles as"
        + " JSON, to compare with another simulator or a device; summarise what shots and noise"
        + " cost the model (--cost).")
final class CircuitCommand implements Callable<Integer> {

  @Option(names = "--qasm", paramLabel = "FILE",
      description = "write OpenQASM 3 here: inputs x0..x(n-1) (radians), trained weights bound")
  Path qasm;

  @Option(names = "--qasm2", paramLabel = "FILE",
      description = "write OpenQASM 2 here; OpenQASM 2 has no inputs, so it needs --angles, which"
          + " are bound into the file")
  Path qasm2;

  @Option(names = "--angles", paramLabel = "A,B,...",
      description = "input angles in radians, one per qubit: print {\"expectations\": [...]} (exact,"
          + " one per measured observable, in the files' qubit order)")
  String angles;

  @Option(names = "--circuit", paramLabel = "N", defaultValue = "0",
      description = "which of the model's circuits: 0 the bottleneck's (default), 1, 2, ... those"
          + " gating the decoder stages from the deepest, in a model trained with --placement"
          + " decoder (each has its own trained weights; export them one by one)")
  int circuitIndex;

  @Option(names = "--model", description = "model folder (default: models/ of this project)")
  Path model;

  @Option(names = "--cost", paramLabel = "FOLDER",
      description = "summarise the evaluate results <run>-<set>.json in FOLDER (scripts/circuit-cost.sh"
          + " writes them; one run named exact): print the mDice table with each run's difference"
          + " from the exact circuit, and write it to FOLDER/" + CircuitCost.TABLE_FILE + " with a"
          + " chart (--cost-chart)")
  Path cost;

  @Option(names = "--cost-chart", paramLabel = "FILE",
      description = "where --cost writes its PNG chart (default: FOLDER/" + CircuitCost.CHART_FILE
          + "; the model card shows a PNG beside it, e.g. models/circuit_cost.png)")
  Path costChart;

  @Override
  public Integer call() throws Exception {
    if (cost != null) {
      summariseCost();
      if (qasm == null && qasm2 == null && angles == null) {
        return 0;
      }
    }
    if (qasm == null && qasm2 == null && angles == null) {
      throw new UserError("nothing to do: give --qasm FILE, --qasm2 FILE with --angles, --angles,"
          + " or --cost FOLDER");
    }
    if (qasm2 != null && angles == null) {
      throw new UserError("--qasm2 needs --angles: OpenQASM 2 has no input parameters, so the "
          + "image's angles are bound into the file");
    }
    CircuitExport circuit;
    try (LoadedModel loaded = ModelStore.load(ModelOption.resolve(model), new StateVectorBackend())) {
      circuit = CircuitExport.of(loaded, circuitIndex);
    } catch (CircuitInputException e) {
      throw new UserError(e.getMessage());
    }
    if (circuit.count() > 1) {
      System.err.println("circuit " + circuit.index() + " of the model's " + circuit.count() + ": "
          + circuit.site() + " (--circuit 0 to " + (circuit.count() - 1) + " for the others)");
    }
    try {
      double[] values = angles == null ? null : CircuitExport.parseAngles(angles);
      if (qasm != null) {
        write(qasm, circuit.qasm3());
      }
      if (qasm2 != null) {
        write(qasm2, circuit.qasm2(values));
      }
      if (values != null) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("expectations", circuit.expectations(values));
        json.put("observables", circuit.observables());
        json.put("circuit", circuit.index());
        json.put("site", circuit.site());
        System.out.println(JsonMapper.builder().build().writeValueAsString(json));
      }
    } catch (CircuitInputException e) {
      throw new UserError("--angles: " + e.getMessage());
    }
    return 0;
  }

  private void summariseCost() throws java.io.IOException {
    CircuitCost table;
    try {
      table = CircuitCost.read(cost);
    } catch (IllegalArgumentException e) {
      throw new UserError("--cost: " + e.getMessage());
    } catch (tools.jackson.core.JacksonException e) {
      throw new UserError("--cost: a result in " + cost + " is not valid JSON: "
          + e.getOriginalMessage());
    }
    String markdown = table.markdown();
    Files.writeString(cost.resolve(CircuitCost.TABLE_FILE), markdown, StandardCharsets.UTF_8);
    Path chart = costChart != null ? costChart : cost.resolve(CircuitCost.CHART_FILE);
    table.writeChart(chart);
    System.out.print(markdown);
    System.err.println("wrote " + cost.resolve(CircuitCost.TABLE_FILE) + " and " + chart);
  }

  /** Files are named on stderr so that stdout stays one JSON document. */
  private static void write(Path file, String text) throws java.io.IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.err.println("wrote " + file);
  }
}
