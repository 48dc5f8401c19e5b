package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.quantum.TinyQasmInterpreter;
import org.polypseg.testing.SyntheticData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code polypseg circuit} on the shipped model, and bad circuit input on the command line. */
class CircuitCommandTest {

  @TempDir Path dir;

  static boolean shippedModelPresent() {
    return Files.isRegularFile(Path.of("models/weights.params"));
  }

  @Test
  @EnabledIf("shippedModelPresent")
  void exportsTheShippedCircuitAndItsExpectationsAgreeWithAnIndependentSimulator() throws Exception {
    Path qasm3 = dir.resolve("circuit.qasm");
    Path qasm2 = dir.resolve("circuit2.qasm");
    String[] out = run(0, "circuit", "--qasm", qasm3.toString(), "--qasm2", qasm2.toString(),
        "--angles", "0.3,-1.1,2.0,0.7");
    JsonNode json = JsonMapper.builder().build().readTree(out[0]);
    double[] printed = new double[json.get("expectations").size()];
    for (int i = 0; i < printed.length; i++) {
      printed[i] = json.get("expectations").get(i).asDouble();
    }
    assertThat(printed).hasSize(4);
    assertThat(json.get("observables").toString()).isEqualTo("[\"Z0\",\"Z1\",\"Z2\",\"Z3\"]");
    String text3 = Files.readString(qasm3);
    assertThat(text3).contains("OPENQASM 3.0;", "input float[64] x3;");
    assertThat(TinyQasmInterpreter.expectations(text3,
        Map.of("x0", 0.3, "x1", -1.1, "x2", 2.0, "x3", 0.7))).containsExactly(printed, within(1e-9));
    assertThat(TinyQasmInterpreter.expectations(Files.readString(qasm2), Map.of()))
        .containsExactly(printed, within(1e-9));
    assertThat(out[1]).contains("wrote " + qasm3);
  }

  @Test
  @EnabledIf("shippedModelPresent")
  void wrongAnglesAndMissingAnglesGiveOneMessageAndExitCodeTwo() {
    String err = run(2, "circuit", "--angles", "0.1,0.2,0.3")[1];
    assertThat(err).contains("3 angles given").contains("4 qubits").doesNotContain("\tat ");
    err = run(2, "circuit", "--angles", "0.1,x,0.3,0.4")[1];
    assertThat(err).contains("'x' is not a finite number");
    err = run(2, "circuit", "--qasm2", dir.resolve("a.qasm").toString())[1];
    assertThat(err).contains("--qasm2 needs --angles");
    assertThat(dir.resolve("a.qasm")).doesNotExist();
  }

  @Test
  void badCircuitSettingsGiveOneMessageNamingValueAndRange() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 3, 40, 30, 1);
    String[] train = {"train", "--data", data.toString(), "--out", dir.resolve("m").toString(),
        "--checkpoints", dir.resolve("c").toString(), "--encoder", "plain"};
    assertThat(run(2, concat(train, "--qubits", "0"))[1]).contains("qubits 0", "2 to 10");
    assertThat(run(2, concat(train, "--qubits", "11"))[1]).contains("qubits 11", "2 to 10");
    assertThat(run(2, concat(train, "--entangler", "star"))[1])
        .contains("'star'", "ring, line, all-to-all");
    assertThat(run(2, concat(train, "--observables", "xx"))[1]).contains("'xx'", "z, zz, z+zz");
    assertThat(run(2, concat(train, "--placement", "middle"))[1])
        .contains("'middle'", "bottleneck, decoder").doesNotContain("\tat ");
    assertThat(run(2, concat(train, "--placement", "decoder", "--mixer", "none"))[1])
        .contains("placement decoder", "mixer none");
    assertThat(run(2, concat(train, "--shots", "-5"))[1]).contains("--shots -5", "1 or more");
    assertThat(run(2, concat(train, "--depolarizing", "2"))[1]).contains("2.0", "0 to 1");
    assertThat(run(2, concat(train, "--from", dir.resolve("none").toString()))[1])
        .contains("--from " + dir.resolve("none"), "model description not found");
    String[] evaluate = {"evaluate", "--data", data.toString()};
    assertThat(run(2, concat(evaluate, "--shots", "0"))[1]).contains("--shots 0", "1 or more");
    assertThat(run(2, concat(evaluate, "--depolarizing", "1.5"))[1]).contains("1.5", "0 to 1");
    assertThat(run(2, concat(evaluate, "--readout-error", "-0.1"))[1]).contains("-0.1", "0 to 1");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void aModelTrainedWithDecoderPlacementExportsEachCircuitByNumber() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 6, 40, 30, 2);
    Path model = dir.resolve("m");
    run(0, "train", "--data", data.toString(), "--out", model.toString(), "--checkpoints",
        dir.resolve("c").toString(), "--encoder", "plain", "--size", "32", "--depth", "2",
        "--base-channels", "4", "--epochs", "1", "--batch-size", "2", "--max-batches", "1",
        "--placement", "decoder");
    assertThat(Files.readString(model.resolve("model.json"))).contains("\"placement\" : \"decoder\"");

    Path qasm3 = dir.resolve("stage2.qasm");
    String[] out = run(0, "circuit", "--model", model.toString(), "--circuit", "2", "--qasm",
        qasm3.toString(), "--angles", "0.3,-1.1,2.0,0.7");
    JsonNode json = JsonMapper.builder().build().readTree(out[0]);
    assertThat(json.get("circuit").asInt()).isEqualTo(2);
    assertThat(json.get("site").asString()).isEqualTo("decoder stage 2 (full resolution, 4 channels)");
    double[] printed = new double[json.get("expectations").size()];
    for (int i = 0; i < printed.length; i++) {
      printed[i] = json.get("expectations").get(i).asDouble();
    }
    String text3 = Files.readString(qasm3);
    assertThat(text3).contains("// circuit 2 of the model's 3 (0 = bottleneck): decoder stage 2");
    assertThat(TinyQasmInterpreter.expectations(text3,
        Map.of("x0", 0.3, "x1", -1.1, "x2", 2.0, "x3", 0.7))).containsExactly(printed, within(1e-9));
    assertThat(out[1]).contains("circuit 2 of the model's 3");
    // Another circuit has its own weights, so its own values.
    JsonNode bottleneck = JsonMapper.builder().build().readTree(run(0, "circuit", "--model",
        model.toString(), "--angles", "0.3,-1.1,2.0,0.7")[0]);
    assertThat(bottleneck.get("site").asString()).isEqualTo("bottleneck");
    assertThat(bottleneck.get("expectations").toString()).isNotEqualTo(json.get("expectations").toString());

    String err = run(2, "circuit", "--model", model.toString(), "--circuit", "3", "--angles", "0,0,0,0")[1];
    assertThat(err).contains("circuit 3 is out of range", "allowed 0 to 2", "0 = bottleneck",
        "2 = decoder stage 2").doesNotContain("\tat ");
  }

  @Test
  void summarisesWhatShotsAndNoiseCostAgainstTheExactCircuit() throws Exception {
    Path cost = Files.createDirectories(dir.resolve("cost"));
    // Two images; 16 shots lose 0.10 and 0.02 on them: Δ = −0.06, paired SD 0.0566, SE 0.0566 / √2 = 0.04.
    result(cost.resolve("exact-kvasir.json"), 0.80, 0.60);
    result(cost.resolve("shots-16-kvasir.json"), 0.70, 0.58);
    result(cost.resolve("shots-1024-kvasir.json"), 0.80, 0.60);
    result(cost.resolve("depol-0.05-kvasir.json"), 0.81, 0.61);
    String out = run(0, "circuit", "--cost", cost.toString())[0];
    String[] lines = out.strip().split("\n");
    assertThat(lines[0]).contains("circuit run as", "Kvasir mDice", "Δ Kvasir");
    // Exact first, then more shots before fewer, then noise.
    assertThat(lines[2]).startsWith("| exact | 0.7000 |");
    assertThat(lines[3]).startsWith("| shots-1024 | 0.7000 | +0.0000 ± 0.0000 |");
    assertThat(lines[4]).startsWith("| shots-16 | 0.6400 | -0.0600 ± 0.0400 |");
    assertThat(lines[5]).startsWith("| depol-0.05 | 0.7100 | +0.0100 ± 0.0000 |");
    assertThat(Files.readString(cost.resolve("summary.md"))).isEqualTo(out);
    assertThat(javax.imageio.ImageIO.read(cost.resolve("circuit-cost.png").toFile()).getWidth())
        .isEqualTo(900);

    Files.delete(cost.resolve("exact-kvasir.json"));
    assertThat(run(2, "circuit", "--cost", cost.toString())[1])
        .contains("no exact run").doesNotContain("\tat ");
    assertThat(run(2, "circuit", "--cost", dir.resolve("none").toString())[1])
        .contains("is not a folder of evaluate results");
  }

  /** An evaluate result of two images with these threshold-averaged Dice values. */
  private static void result(Path file, double a, double b) throws Exception {
    Files.writeString(file, String.format(java.util.Locale.ROOT,
        "{\"images\":2,\"mDice\":%s,\"perImage\":[{\"name\":\"a\",\"dice\":%s,\"iou\":0},"
            + "{\"name\":\"b\",\"dice\":%s,\"iou\":0}]}", (a + b) / 2, a, b));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Runs the command; returns {stdout, stderr}. */
  private static String[] run(int code, String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true));
      System.setErr(new PrintStream(err, true));
      int exit = PolypSegCommand.execute(args);
      assertThat(exit).as(err.toString()).isEqualTo(code);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new String[] {out.toString(), err.toString()};
  }
}
