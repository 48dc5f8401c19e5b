package org.polypseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.SegmentationNetwork;
import org.polypseg.quantum.StrangeBackend;

class WeightAverageTest {

  @TempDir Path dir;

  @Test
  void averagesStepsSwapsInAndOutAndContinuesFromACheckpoint() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SegmentationNetwork network = network(manager);
      List<float[]> start = weights(network);
      try (WeightAverage average = new WeightAverage(network, 0.5f, manager)) {
        // One optimiser step moved every weight by +1; step 0's decay is min(0.5, 1/10) = 0.1.
        addToEveryWeight(network, 1f);
        average.update();
        average.swapIn();
        List<float[]> averaged = weights(network);
        average.swapOut();
        for (int i = 0; i < start.size(); i++) {
          for (int j = 0; j < start.get(i).length; j++) {
            assertThat(averaged.get(i)[j]).isCloseTo(start.get(i)[j] + 0.9f, within(1e-5f));
            assertThat(weights(network).get(i)[j]).as("live weights restored")
                .isCloseTo(start.get(i)[j] + 1f, within(1e-5f));
          }
        }
        average.save(dir);

        // A resumed run continues the saved average and its step count (step 1: decay 2/11).
        try (WeightAverage resumed = new WeightAverage(network, 0.5f, manager)) {
          assertThat(resumed.restore(dir)).isTrue();
          addToEveryWeight(network, 1f); // live = start + 2
          resumed.update();
          resumed.swapIn();
          float expected = 0.9f * 2f / 11f + 2f * 9f / 11f;
          assertThat(weights(network).get(0)[0]).isCloseTo(start.get(0)[0] + expected, within(1e-5f));
          resumed.swapOut();
        }
      }
      assertThat(new WeightAverage(network, 0.5f, manager).restore(dir.resolve("elsewhere")))
          .as("no average in a checkpoint of a run without one").isFalse();
    }
  }

  @Test
  void decayRampsUpToItsValue() {
    try (NDManager manager = NDManager.newBaseManager();
        WeightAverage average = new WeightAverage(network(manager), 0.999f, manager)) {
      assertThat(average.decayAt(0)).isEqualTo(0.1f);
      assertThat(average.decayAt(90)).isEqualTo(0.91f);
      assertThat(average.decayAt(1_000_000)).isEqualTo(0.999f);
    }
  }

  private static SegmentationNetwork network(NDManager manager) {
    SegmentationNetwork network =
        SegmentationNetwork.create(new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 4, 2), new StrangeBackend());
    network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
    return network;
  }

  private static List<float[]> weights(SegmentationNetwork network) {
    List<float[]> all = new ArrayList<>();
    for (Parameter p : network.getParameters().values()) {
      all.add(p.getArray().toFloatArray());
    }
    return all;
  }

  private static void addToEveryWeight(SegmentationNetwork network, float delta) {
    for (Parameter p : network.getParameters().values()) {
      NDArray array = p.getArray();
      float[] values = array.toFloatArray();
      for (int i = 0; i < values.length; i++) {
        values[i] += delta;
      }
      array.set(values);
    }
  }
}
