package org.polypseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelInfo;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitExecution;
import org.polypseg.quantum.NoiseModel;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.testing.SyntheticData;

class TrainingRunTest {

  @TempDir Path dir;

  @Test
  void trainsWritesModelCurvesAndResumes() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 20, 48, 40, 9);
    ModelSpec spec = new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 4, 2);
    Path out = dir.resolve("model");
    Path checkpoints = dir.resolve("ckpt");
    PrintStream log = new PrintStream(new ByteArrayOutputStream());
    TrainOptions first = new TrainOptions(List.of(data), out, checkpoints, spec, 2, 4, 0.01f, 7, 7,
        0.2, 0, false, null);
    List<EpochRecord> history = new ModelTrainer(first, log).train();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).trainLoss()).isPositive();
    assertThat(history).allSatisfy(r -> assertThat(r.validationDice()).isBetween(0.0, 1.0));
    assertThat(out.resolve(ModelStore.WEIGHTS_FILE)).exists();
    assertThat(Files.readAllLines(out.resolve("training_curves.csv"))).hasSize(3);
    assertThat(out.resolve("training_curves.png")).exists();
    ModelInfo info = ModelStore.readInfo(out);
    assertThat(info.architecture()).isEqualTo(spec);
    assertThat(info.training()).containsEntry("validationPairs", 4).containsEntry("seed", 7);

    Path lastWeights = checkpoints.resolve("last").resolve(ModelStore.WEIGHTS_FILE);
    byte[] afterTwo = Files.readAllBytes(lastWeights);

    TrainOptions more = new TrainOptions(List.of(data), out, checkpoints, spec, 3, 4, 0.01f, 7, 7,
        0.2, 0, true, null);
    List<EpochRecord> resumed = new ModelTrainer(more, log).train();
    assertThat(resumed).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
    // The resumed epoch trained the loaded weights, and what it saved is what it trained.
    assertThat(Files.readAllBytes(lastWeights)).as("checkpoint after the resumed epoch")
        .isNotEqualTo(afterTwo);
    assertThat(resumed.get(2).trainLoss()).as("resumed loss continues, not restarts")
        .isLessThan(history.get(0).trainLoss());
  }

  @Test
  void fineTunesASavedModelWithShotsAndNoiseFromItsWeights() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 12, 48, 40, 5);
    ModelSpec spec = new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 4, 2);
    Path base = dir.resolve("base");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    new ModelTrainer(new TrainOptions(List.of(data), base, dir.resolve("c1"), spec, 1, 4, 0.01f, 7,
        7, 0.2, 0, false, null), quiet).train();

    Path tuned = dir.resolve("tuned");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CircuitExecution device = new CircuitExecution(64, new NoiseModel(0.01, 0, 0.02), 3);
    // Another seed: had the run started from fresh weights, they would differ from the base's.
    new ModelTrainer(new TrainOptions(List.of(data), tuned, dir.resolve("c2"), spec, 1, 4, 1e-6f, 8,
        7, 0.2, 0, false, null), new PrintStream(log, true))
        .circuitExecution(device).startFrom(base).train();

    assertThat(log.toString()).contains("fine-tuning from " + base,
        "circuit: 64 shots (seed 3), depolarizing 0.01, readout error 0.02");
    try (LoadedModel before = ModelStore.load(base, new StateVectorBackend());
        LoadedModel after = ModelStore.load(tuned, new StateVectorBackend())) {
      double[] start = before.network().circuit().weightValues();
      double[] end = after.network().circuit().weightValues();
      assertThat(end).containsExactly(start, within(1e-3));
      assertThat(end).as("the fine-tuning epoch moved the circuit's weights").isNotEqualTo(start);
    }
    ModelInfo info = ModelStore.readInfo(tuned);
    assertThat(info.architecture()).isEqualTo(spec);
    assertThat(info.training()).containsEntry("fineTunedFrom", base.toString())
        .containsEntry("circuitExecution", device.describe());
    assertThat(ModelStore.readInfo(base).training()).containsEntry("circuitExecution", "exact");

    // Training itself runs the circuit with the noise: the same fine-tuning done exactly, from the
    // same weights with the same seed, has another loss.
    CircuitExecution strongNoise = new CircuitExecution(0, new NoiseModel(0.3, 0, 0), 3);
    List<EpochRecord> noisy = new ModelTrainer(new TrainOptions(List.of(data), dir.resolve("n"),
        dir.resolve("c3"), spec, 1, 4, 1e-6f, 8, 7, 0.2, 0, false, null), quiet)
        .circuitExecution(strongNoise).startFrom(base).train();
    List<EpochRecord> exact = new ModelTrainer(new TrainOptions(List.of(data), dir.resolve("e"),
        dir.resolve("c4"), spec, 1, 4, 1e-6f, 8, 7, 0.2, 0, false, null), quiet)
        .startFrom(base).train();
    assertThat(noisy.get(0).trainLoss()).isNotCloseTo(exact.get(0).trainLoss(), within(1e-6));
  }

  @Test
  void multiScaleTrainingWithAWeightAverageRecordsBothAndResumesTheAverage() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 20, 48, 40, 9);
    ModelSpec spec = new ModelSpec(4, 2, 64, ModelSpec.QUANTUM, 4, 2);
    Path out = dir.resolve("model");
    Path checkpoints = dir.resolve("ckpt");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(text);
    List<Double> scales = List.of(0.5, 1.0, 1.5);
    TrainOptions first = new TrainOptions(List.of(data), out, checkpoints, spec, 2, 4, 0.01f, 7, 7,
        0.2, 0, false, null, null, 1f, TrainOptions.STRUCTURE_LOSS, scales, 0.9f, false);
    assertThat(first.sideAt(0.5)).isEqualTo(32);
    assertThat(first.sideAt(1.5)).isEqualTo(96);
    List<EpochRecord> history = new ModelTrainer(first, log).train();
    assertThat(history).hasSize(2);
    assertThat(history).allSatisfy(r -> assertThat(r.trainLoss()).isPositive().isFinite());
    assertThat(checkpoints.resolve("average.params")).exists();
    ModelInfo info = ModelStore.readInfo(out);
    assertThat(info.training()).containsEntry("scales", scales);
    assertThat(((Number) info.training().get("weightAverageDecay")).doubleValue()).isCloseTo(0.9, within(1e-6));
    // The saved model is the average, not the last step's weights (the checkpoint's).
    if (((Number) info.training().get("bestEpoch")).intValue() == 2) {
      assertThat(Files.readAllBytes(out.resolve(ModelStore.WEIGHTS_FILE)))
          .isNotEqualTo(Files.readAllBytes(checkpoints.resolve("last").resolve(ModelStore.WEIGHTS_FILE)));
    }

    TrainOptions more = new TrainOptions(List.of(data), out, checkpoints, spec, 3, 4, 0.01f, 7, 7,
        0.2, 0, true, null, null, 1f, TrainOptions.STRUCTURE_LOSS, scales, 0.9f, false);
    assertThat(new ModelTrainer(more, log).train()).hasSize(3);
    assertThat(text.toString()).doesNotContain("none in the checkpoint");
  }

  @Test
  void deepSupervisionTrainsSideHeadsThatTheSavedModelLeavesOut() throws Exception {
    Path data = SyntheticData.folder(dir.resolve("data"), 12, 48, 40, 9);
    ModelSpec spec = ModelSpec.mobileNet(64, ModelSpec.QUANTUM, 4, 2);
    Path out = dir.resolve("model");
    Path checkpoints = dir.resolve("ckpt");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(text);
    // No ImageNet file: the encoder starts from random weights, which is enough to check the wiring.
    TrainOptions options = new TrainOptions(List.of(data), out, checkpoints, spec, 1, 2, 0.001f, 7, 7,
        0.2, 2, false, null, null, 0.1f, TrainOptions.STRUCTURE_LOSS, List.of(1.0), 0f, true);
    assertThat(new ModelTrainer(options, log).train()).singleElement()
        .satisfies(r -> assertThat(r.trainLoss()).isPositive().isFinite());
    assertThat(checkpoints.resolve("side-heads.params")).exists();
    assertThat(ModelStore.readInfo(out).training()).containsEntry("deepSupervision", true);
    // The saved model is the plain network: it loads and segments as any other.
    try (var loaded = ModelStore.load(out, new org.polypseg.quantum.StrangeBackend())) {
      assertThat(loaded.info().architecture()).isEqualTo(spec);
    }
    TrainOptions more = new TrainOptions(List.of(data), out, checkpoints, spec, 2, 2, 0.001f, 7, 7,
        0.2, 2, true, null, null, 0.1f, TrainOptions.STRUCTURE_LOSS, List.of(1.0), 0f, true);
    assertThat(new ModelTrainer(more, log).train()).hasSize(2);
    assertThat(text.toString()).as("the side heads resume too").doesNotContain("no side heads");
  }

  @Test
  void scheduleWarmsUpThenDecays() {
    WarmupCosineSchedule s = new WarmupCosineSchedule(1f, 0.01f, 10, 110, 0);
    assertThat(s.rateAt(0)).isEqualTo(0.1f);
    assertThat(s.rateAt(9)).isEqualTo(1f);
    assertThat(s.rateAt(60)).isBetween(0.49f, 0.52f);
    assertThat(s.rateAt(110)).isEqualTo(0.01f);
    WarmupCosineSchedule resumed = new WarmupCosineSchedule(1f, 0.01f, 10, 110, 60);
    // After a resume the optimizer's moments start from zero: the rate ramps up again.
    assertThat(resumed.getNewValue(1)).isLessThan(s.rateAt(60) / 10);
    assertThat(resumed.getNewValue(WarmupCosineSchedule.RESUME_WARMUP_STEPS))
        .isEqualTo(s.rateAt(60 + WarmupCosineSchedule.RESUME_WARMUP_STEPS - 1));
  }
}
