package org.polypseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.cli.PolypSegCommand;
import org.polypseg.testing.SyntheticData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs on the real images whenever ../shared/datasets exists (as in CI): a few batches of training
 * on Kvasir-SEG + CVC-ClinicDB training pairs and an evaluation of the shipped model on real test
 * images. The folders given to the commands hold symbolic links to a few real files, so the data is
 * used in place, never copied.
 */
class RealDataSmokeTest {

  @TempDir Path dir;

  @Test
  void trainsAFewBatchesAndEvaluatesOnRealImages() throws IOException {
    Path datasets = SyntheticData.realDatasets();
    assumeTrue(datasets != null, "../shared/datasets not present");
    Path train = linkSubset(datasets.resolve("TrainDataset"), dir.resolve("train"), 24);
    int trained = PolypSegCommand.execute("train", "--data", train.toString(), "--out",
        dir.resolve("model").toString(), "--checkpoints", dir.resolve("ckpt").toString(),
        "--epochs", "1", "--max-batches", "2", "--batch-size", "4", "--size", "128");
    assertThat(trained).isZero();
    assertThat(dir.resolve("model/weights.params")).exists();

    Path test = linkSubset(datasets.resolve("TestDataset/Kvasir"), dir.resolve("kvasir"), 6);
    Path json = dir.resolve("eval.json");
    int evaluated = PolypSegCommand.execute("evaluate", "--data", test.toString(), "--json",
        json.toString(), "--predictions", dir.resolve("pred").toString());
    assertThat(evaluated).isZero();
    JsonNode result = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(result.get("images").asInt()).isEqualTo(6);
    assertThat(result.get("mDice").asDouble()).isBetween(0.0, 1.0);
    assertThat(result.get("model").get("sha256").asText()).hasSize(64);
    assertThat(result.get("quantum").get("backend").asText()).isEqualTo("strange");
    assertThat(result.get("quantum").get("circuitRuns").asLong()).isEqualTo(6);
    assertThat(result.get("perImage")).hasSize(6);
    try (Stream<Path> files = Files.list(dir.resolve("pred"))) {
      assertThat(files.count()).isEqualTo(6);
    }
  }

  /** A data folder of links to the first {@code count} pairs of {@code source}. */
  static Path linkSubset(Path source, Path target, int count) throws IOException {
    Files.createDirectories(target.resolve("images"));
    Files.createDirectories(target.resolve("masks"));
    List<Path> images;
    try (Stream<Path> files = Files.list(source.resolve("images"))) {
      images = files.sorted().limit(count).toList();
    }
    for (Path image : images) {
      String name = image.getFileName().toString();
      Files.createSymbolicLink(target.resolve("images").resolve(name), image.toAbsolutePath());
      Files.createSymbolicLink(target.resolve("masks").resolve(name),
          source.resolve("masks").resolve(name).toAbsolutePath());
    }
    return target;
  }
}
