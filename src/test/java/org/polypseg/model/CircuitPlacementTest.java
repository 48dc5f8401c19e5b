package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.CircuitExecution;
import org.polypseg.quantum.NoiseModel;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.testing.SyntheticData;
import org.polypseg.testing.TinyModels;

/**
 * Placement decoder: a circuit of its own after each decoder stage as well as at the bottleneck;
 * recorded in model.json, loaded with it, run by every backend, trained, and a mismatch named.
 */
class CircuitPlacementTest {

  /** The tiny plain U-Net (depth 2) with circuits at the bottleneck and both decoder stages. */
  static final ModelSpec TINY_DECODER = HybridUNetTest.TINY.withCircuit(
      ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));

  @TempDir Path dir;

  @Test
  void placementIsRecordedAndTheModelLoadsWithItsCircuits() throws Exception {
    TinyModels.save(dir, TINY_DECODER);
    assertThat(Files.readString(dir.resolve(ModelStore.INFO_FILE)))
        .contains("\"placement\" : \"decoder\"");
    assertThat(ModelStore.readInfo(dir).architecture()).isEqualTo(TINY_DECODER);
    try (LoadedModel model = ModelStore.load(dir, new StrangeBackend())) {
      List<PlacedCircuit> circuits = model.network().circuits();
      assertThat(circuits).extracting(PlacedCircuit::index).containsExactly(0, 1, 2);
      assertThat(circuits).extracting(PlacedCircuit::site).containsExactly("bottleneck",
          "decoder stage 1 (1/2 of the input, 8 channels)",
          "decoder stage 2 (full resolution, 4 channels)");
      // Each circuit has its own weights.
      assertThat(circuits.get(1).block().weightValues())
          .isNotEqualTo(circuits.get(0).block().weightValues());
    }
  }

  @Test
  void everyBackendRunsEveryPlacedCircuit() throws Exception {
    TinyModels.save(dir, TINY_DECODER);
    BufferedImage image = SyntheticData.pair(40, 40, new Random(3))[0];
    StateVectorBackend exact = new StateVectorBackend();
    List<CircuitBackend> backends = List.of(new StrangeBackend(), exact,
        new CircuitExecution(1024, NoiseModel.NONE, 1).backend(exact),
        new CircuitExecution(0, new NoiseModel(0.01, 0.005, 0.02), 1).backend(exact),
        new CircuitExecution(256, new NoiseModel(0.01, 0, 0), 1).backend(exact));
    float[] reference = null;
    for (CircuitBackend backend : backends) {
      try (LoadedModel model = ModelStore.load(dir, backend)) {
        float[] p = model.predict(image);
        assertThat(model.network().circuits()).as(backend.name()).hasSize(3).allSatisfy(c -> {
          assertThat(c.block().inferenceBackend()).isSameAs(backend);
          assertThat(c.block().circuitRuns()).isEqualTo(1);
        });
        if (reference == null) {
          reference = p;
        }
        double largest = 0;
        for (int i = 0; i < p.length; i++) {
          assertThat(p[i]).isBetween(0f, 1f);
          largest = Math.max(largest, Math.abs(p[i] - reference[i]));
        }
        // Exact backends agree with Strange; shots and noise move the gates only a little.
        assertThat(largest).as(backend.name())
            .isLessThan(backend == exact || backend instanceof StrangeBackend ? 1e-4 : 0.2);
      }
    }
  }

  @Test
  void efficientNetWithDecoderPlacementHasFourCircuitsAndTrainsThemAll() {
    ModelSpec spec = ModelSpec.efficientNet(64, ModelSpec.QUANTUM, 4, 2)
        .withCircuit(ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));
    EfficientNetUNet network = new EfficientNetUNet(spec, new StrangeBackend());
    assertThat(network.circuits()).extracting(PlacedCircuit::site).containsExactly("bottleneck",
        "decoder stage 1 (1/16 of the input, 64 channels)",
        "decoder stage 2 (1/8 of the input, 64 channels)",
        "decoder stage 3 (1/4 of the input, 32 channels)");
    try (Model model = Model.newInstance("placement")) {
      model.setBlock(network);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(2, 3, 64, 64));
        List<double[]> before = network.circuits().stream()
            .map(c -> c.block().weightValues()).toList();
        NDManager m = trainer.getManager();
        NDArray x = m.randomNormal(new Shape(2, 3, 64, 64));
        NDArray y = m.randomUniform(0, 1, new Shape(2, 1, 64, 64)).gt(0.7).toType(DataType.FLOAT32, false);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList out = trainer.forward(new NDList(x));
          assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 1, 64, 64));
          collector.backward(trainer.getLoss().evaluate(new NDList(y), out));
        }
        trainer.step();
        for (int c = 0; c < before.size(); c++) {
          double[] after = network.circuits().get(c).block().weightValues();
          double change = 0;
          for (int i = 0; i < after.length; i++) {
            change += Math.abs(after[i] - before.get(c)[i]);
          }
          assertThat(change).as("circuit %d's weights moved by the step", c).isGreaterThan(1e-3);
        }
      }
    }
  }

  @Test
  void mobileNetWithDecoderPlacementRunsACircuitAfterEachOfItsFourStages() {
    ModelSpec spec = ModelSpec.mobileNet(64, ModelSpec.QUANTUM, 4, 2)
        .withCircuit(ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));
    SegmentationNetwork net = SegmentationNetwork.create(spec, new StrangeBackend());
    assertThat(net.circuits()).extracting(PlacedCircuit::site).containsExactly("bottleneck",
        "decoder stage 1 (1/16 of the input, 96 channels)",
        "decoder stage 2 (1/8 of the input, 64 channels)",
        "decoder stage 3 (1/4 of the input, 32 channels)",
        "decoder stage 4 (1/2 of the input, 24 channels)");
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
      NDList out = net.forward(new ai.djl.training.ParameterStore(manager, false),
          new NDList(manager.randomNormal(new Shape(2, 3, 64, 64))), false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 1, 64, 64));
    }
    assertThat(net.circuits()).allSatisfy(c -> assertThat(c.block().circuitRuns()).isEqualTo(2));
  }

  @Test
  void aPlacementThatDoesNotMatchTheWeightsIsNamedWithBoth() throws Exception {
    HybridUNetTest.loadingEdited(dir, HybridUNetTest.TINY, "\"placement\" : \"bottleneck\"",
            "\"placement\" : \"decoder\"")
        .hasMessageContaining("does not match the weights")
        .hasMessageContaining("at 'decoder' (3 circuits: bottleneck, decoder stage 1")
        .hasMessageContaining("placement 'bottleneck' (1 circuit: bottleneck)");
    HybridUNetTest.loadingEdited(dir, TINY_DECODER, "\"placement\" : \"decoder\"",
            "\"placement\" : \"bottleneck\"")
        .hasMessageContaining("at 'bottleneck' (1 circuit: bottleneck)")
        .hasMessageContaining("placement 'decoder' (3 circuits: bottleneck, decoder stage 1");
  }

  @Test
  @EnabledIf("shippedModelPresent")
  void theShippedModelWithoutPlacementLoadsWithOneCircuitAtTheBottleneck() throws Exception {
    Path shipped = Path.of("models");
    assertThat(Files.readString(shipped.resolve(ModelStore.INFO_FILE))).doesNotContain("placement");
    try (LoadedModel model = ModelStore.load(shipped, new StrangeBackend())) {
      assertThat(model.info().architecture().placement()).isEqualTo(CircuitPlacement.BOTTLENECK);
      assertThat(model.network().circuits()).extracting(PlacedCircuit::site)
          .containsExactly("bottleneck");
    }
  }

  static boolean shippedModelPresent() {
    return Files.isRegularFile(Path.of("models", ModelStore.WEIGHTS_FILE));
  }

  @Test
  void anUnknownPlacementNamesTheValueAndTheAllowedOnes() {
    assertThatThrownBy(() -> new ModelSpec.Circuit(null, null, null, "middle"))
        .hasMessageContaining("'middle'").hasMessageContaining("allowed: bottleneck, decoder");
    assertThatThrownBy(() -> new ModelSpec(4, 2, 32, ModelSpec.NO_MIXER, 4, 2, ModelSpec.PLAIN,
        new ModelSpec.Circuit(null, null, null, "decoder")))
        .hasMessageContaining("placement decoder").hasMessageContaining("mixer none");
  }

  @Test
  void theClassicalAblationPutsItsDenseGatesAtTheSamePlaces() throws Exception {
    ModelSpec classical = new ModelSpec(4, 2, 32, ModelSpec.CLASSICAL, 4, 2, ModelSpec.PLAIN,
        ModelSpec.Circuit.ORIGINAL.withPlacement(CircuitPlacement.DECODER));
    TinyModels.save(dir, classical);
    try (LoadedModel model = ModelStore.load(dir, new StrangeBackend())) {
      assertThat(model.network().circuits()).isEmpty();
      assertThat(model.network().getChildren().keys()).anyMatch(k -> k.endsWith("decoderGates"));
      assertThat(model.predict(SyntheticData.pair(40, 40, new Random(4))[0])).hasSize(32 * 32);
    }
  }
}
