package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.testing.SyntheticData;
import org.polypseg.testing.TinyModels;

class HybridUNetTest {

  static final ModelSpec TINY = new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 4, 2);

  /**
   * Saves {@code spec} into {@code dir}, replaces {@code from} with {@code to} in its model.json
   * and loads it: what a model.json that does not match its weights is refused with.
   */
  static AbstractThrowableAssert<?, ? extends Throwable> loadingEdited(Path dir, ModelSpec spec,
      String from, String to) throws Exception {
    TinyModels.save(dir, spec);
    Path json = dir.resolve(ModelStore.INFO_FILE);
    Files.writeString(json, Files.readString(json).replace(from, to));
    return assertThatThrownBy(() -> ModelStore.load(dir, new StrangeBackend()))
        .isInstanceOf(ModelLoadException.class);
  }

  @TempDir Path dir;

  @Test
  void outputIsOneLogitPerInputPixel() {
    HybridUNet net = new HybridUNet(TINY, new StrangeBackend());
    assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0])
        .isEqualTo(new Shape(2, 1, 32, 32));
    assertThat(net.circuit()).isNotNull();
    assertThat(new HybridUNet(new ModelSpec(4, 2, 32, ModelSpec.CLASSICAL, 4, 2), null).circuit()).isNull();
  }

  @Test
  void savedModelLoadsAndPredictsTheSame() throws Exception {
    HybridUNet net = new HybridUNet(TINY, new StrangeBackend());
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      ModelStore.save(dir, net, new ModelInfo("tiny", TINY, Map.of("epochs", 0)));
    }
    BufferedImage image = SyntheticData.pair(50, 40, new Random(1))[0];
    try (LoadedModel a = ModelStore.load(dir, new StrangeBackend());
        LoadedModel b = ModelStore.load(dir, new StateVectorBackend())) {
      float[] pa = a.predict(image);
      float[] pb = b.predict(image);
      assertThat(pa).hasSize(32 * 32);
      for (int i = 0; i < pa.length; i++) {
        assertThat(pa[i]).isBetween(0f, 1f);
        assertThat(Math.abs(pa[i] - pb[i])).isLessThan(1e-4f);
      }
      assertThat(a.sha256()).hasSize(64).isEqualTo(ModelStore.sha256(dir.resolve(ModelStore.WEIGHTS_FILE)));
      assertThat(a.network().circuit().circuitRuns()).isEqualTo(1);
    }
  }

  @Test
  void missingOrCorruptModelNamesThePath() throws Exception {
    assertThatThrownBy(() -> ModelStore.load(dir, new StrangeBackend()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(dir.resolve("model.json").toString());
    TinyModels.save(dir, TINY);
    Path weights = dir.resolve(ModelStore.WEIGHTS_FILE);
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThatThrownBy(() -> ModelStore.load(dir, new StrangeBackend()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(weights.toString())
        .hasMessageContaining("corrupt");
  }

  @Test
  void flopCountFollowsTheLayerShapes() {
    // One stage + bottleneck + one decoder + head, by hand, for base 4, depth 1, 8x8 input.
    ModelSpec spec = new ModelSpec(4, 1, 8, ModelSpec.CLASSICAL, 4, 1);
    double expected = 2.0 * 9 * 64 * (3 * 4 + 4 * 4)   // encoder at 8x8
        + 2.0 * 9 * 16 * (4 * 8 + 8 * 8)               // bottleneck at 4x4
        + 2.0 * 9 * 64 * (12 * 4 + 4 * 4)              // decoder at 8x8 on concat(8 + 4)
        + 2.0 * 64 * 4;                                // 1x1 head
    assertThat(new HybridUNet(spec, null).flopsPerImage()).isEqualTo(expected);
  }
}
