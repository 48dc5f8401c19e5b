package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMetricsTest {

  @TempDir Path dir;

  @Test
  void noFileMeansNotYetMeasured() throws Exception {
    assertThat(ModelMetrics.read(dir)).isEmpty();
  }

  @Test
  void readsTestSetsInOrderAndIgnoresTheRestOfAnEvaluateOutput() throws Exception {
    Files.writeString(dir.resolve(ModelMetrics.FILE), """
        {"protocol": "PraNet eval/main.m",
         "testSets": {
           "Kvasir-SEG": {"images": 100, "mDice": 0.861, "mIoU": 0.79, "maxDice": 0.87,
                          "diceAt05": 0.85, "model": {"name": "x", "sha256": "ABC"},
                          "perImage": [{"name": "a", "dice": 0.9, "iou": 0.8}]},
           "CVC-ClinicDB": {"images": 62, "mDice": 0.88, "mIoU": 0.82}
         }}
        """);
    ModelMetrics m = ModelMetrics.read(dir).orElseThrow();
    assertThat(m.protocol()).isEqualTo("PraNet eval/main.m");
    assertThat(m.testSets()).extracting(ModelMetrics.TestSetFigures::name)
        .containsExactly("Kvasir-SEG", "CVC-ClinicDB");
    ModelMetrics.TestSetFigures kvasir = m.testSets().getFirst();
    assertThat(kvasir.images()).isEqualTo(100);
    assertThat(kvasir.mDice()).isEqualTo(0.861);
    assertThat(kvasir.maxDice()).isEqualTo(0.87);
    assertThat(kvasir.measures("abc")).isTrue();
    assertThat(kvasir.measures("def")).isFalse();
    assertThat(m.testSets().get(1).maxDice()).isNull();
    assertThat(m.testSets().get(1).measures("anything")).isTrue();
  }

  @Test
  void brokenJsonIsNamed() throws Exception {
    Files.writeString(dir.resolve(ModelMetrics.FILE), "{\"testSets\": {");
    assertThatThrownBy(() -> ModelMetrics.read(dir)).isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(dir.resolve("metrics.json").toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aMissingFigureIsNamed() throws Exception {
    Files.writeString(dir.resolve(ModelMetrics.FILE),
        "{\"testSets\": {\"Kvasir-SEG\": {\"images\": 100, \"mIoU\": 0.7}}}");
    assertThatThrownBy(() -> ModelMetrics.read(dir)).isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("testSets.Kvasir-SEG").hasMessageContaining("\"mDice\"");
  }
}
