package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.quantum.CircuitSpec;
import org.polypseg.quantum.Encoding;
import org.polypseg.quantum.Entangler;
import org.polypseg.quantum.Observables;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;
import org.polypseg.testing.SyntheticData;
import org.polypseg.testing.TinyModels;

/** model.json records the circuit; saved models load with it; a mismatch is named. */
class CircuitConfigModelTest {

  private static final ModelSpec CONFIGURED = HybridUNetTest.TINY.withCircuit(
      new ModelSpec.Circuit("all-to-all", "reupload", "z+zz", null));

  @TempDir Path dir;

  @Test
  void aConfiguredCircuitIsRecordedAndLoadsWithIt() throws Exception {
    TinyModels.save(dir, CONFIGURED);
    String json = Files.readString(dir.resolve(ModelStore.INFO_FILE));
    assertThat(json).contains("\"entangler\" : \"all-to-all\"", "\"encoding\" : \"reupload\"",
        "\"observables\" : \"z+zz\"", "\"placement\" : \"bottleneck\"");
    BufferedImage image = SyntheticData.pair(40, 40, new Random(2))[0];
    try (LoadedModel a = ModelStore.load(dir, new StrangeBackend());
        LoadedModel b = ModelStore.load(dir, new StateVectorBackend())) {
      assertThat(a.network().circuit().spec()).isEqualTo(
          new CircuitSpec(4, 2, Entangler.ALL_TO_ALL, Encoding.REUPLOAD, Observables.Z_AND_ZZ));
      float[] pa = a.predict(image);
      float[] pb = b.predict(image);
      for (int i = 0; i < pa.length; i++) {
        assertThat(Math.abs(pa[i] - pb[i])).isLessThan(1e-4f);
      }
    }
  }

  @Test
  void aModelJsonWithoutCircuitFieldsMeansTheOriginalCircuit() throws Exception {
    String old = """
        {"name": "old", "architecture": {"baseChannels": 4, "depth": 2, "inputSize": 32,
          "mixer": "quantum", "qubits": 4, "layers": 2}, "training": {}}
        """;
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ModelStore.INFO_FILE), old);
    ModelSpec spec = ModelStore.readInfo(dir).architecture();
    assertThat(spec.circuit()).isEqualTo(ModelSpec.Circuit.ORIGINAL);
    assertThat(spec.circuitSpec()).isEqualTo(new CircuitSpec(4, 2));
  }

  @Test
  void aCircuitThatDoesNotMatchItsWeightsIsNamedWithBoth() throws Exception {
    HybridUNetTest.loadingEdited(dir, HybridUNetTest.TINY, "\"layers\" : 2", "\"layers\" : 3")
        .hasMessageContaining("does not match the weights")
        .hasMessageContaining("4 qubits, 3 layers")
        .hasMessageContaining("24 trainable angles")
        .hasMessageContaining("holds 16 circuit angles");
    HybridUNetTest.loadingEdited(dir, HybridUNetTest.TINY, "\"observables\" : \"z\"",
            "\"observables\" : \"z+zz\"")
        .hasMessageContaining("give 7 values")
        .hasMessageContaining("takes 4");
  }

  @Test
  void badCircuitSettingsNameTheValueAndTheRange() {
    assertThatThrownBy(() -> new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 0, 2))
        .hasMessageContaining("qubits 0").hasMessageContaining("2 to 10");
    assertThatThrownBy(() -> new ModelSpec(4, 2, 32, ModelSpec.QUANTUM, 11, 2))
        .hasMessageContaining("qubits 11").hasMessageContaining("2 to 10");
    assertThatThrownBy(() -> new ModelSpec.Circuit("star", null, null, null))
        .hasMessageContaining("'star'").hasMessageContaining("ring, line, all-to-all");
    assertThatThrownBy(() -> new ModelSpec.Circuit(null, null, null, "middle"))
        .hasMessageContaining("'middle'").hasMessageContaining("allowed: bottleneck, decoder");
  }
}
