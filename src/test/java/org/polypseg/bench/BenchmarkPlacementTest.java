package org.polypseg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.CircuitPlacement;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.testing.TinyModels;

/** The benchmark's circuit share of a training step counts every circuit of a decoder placement. */
class BenchmarkPlacementTest {

  @TempDir Path dir;

  @Test
  void theTrainingStepsCircuitTimeIsThatOfAllCircuits() throws Exception {
    ModelSpec spec = new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 4, 2, ModelSpec.PLAIN,
        ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));
    TinyModels.save(dir, spec);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (LoadedModel model = ModelStore.load(dir, new StrangeBackend())) {
      BenchmarkResult result = new Benchmark(model, new PrintStream(log, true)).run(3, 2, 2, 0, 1);
      assertThat(result.trainStepCircuitMs()).isPositive().isLessThan(result.trainStepMs());
    }
    assertThat(log.toString()).contains("of which the circuits (3)");
  }
}
