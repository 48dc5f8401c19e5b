package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.segment.PolypSegProperties;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The figures beside the model are served; nothing else is. */
class ModelFilesControllerTest {

  @TempDir Path dir;

  @Test
  void servesOnlyPngFilesOfTheModelFolder() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    Files.write(models.resolve("training_curves.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.write(dir.resolve("secret.png"), new byte[] {1});
    ModelFilesController controller = new ModelFilesController(
        new PolypSegProperties(models, "strange", DataSize.ofMegabytes(1), 1));

    assertThat(controller.figure("training_curves.png").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(controller.figure("training_curves.png").getBody()).hasSize(4);
    assertThat(controller.figure("missing.png").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(controller.figure("../secret.png").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
