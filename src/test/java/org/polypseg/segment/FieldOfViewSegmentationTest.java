package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polypseg.image.BurnedInText;
import org.polypseg.image.FieldOfView;
import org.polypseg.image.Images;
import org.polypseg.image.Redaction;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;

/**
 * Only mucosa can be a polyp: the shipped model, run as the page and the API run it, reports no
 * probability on the real Kvasir-SEG test frames' on-screen scope-guide box (bottom left) or
 * anywhere on the black frame around the endoscope's view.
 */
class FieldOfViewSegmentationTest {

  private static final Path KVASIR = Path.of("../shared/datasets/TestDataset/Kvasir/images");
  private static final Path MODELS = Path.of("models");

  @Test
  void nothingIsReportedOnTheOnScreenBoxOrOutsideTheView() throws Exception {
    assumeTrue(Files.isDirectory(KVASIR) && Files.isRegularFile(MODELS.resolve("weights.params")),
        "shared test data or the shipped model not present");
    List<Path> files;
    try (var list = Files.list(KVASIR)) {
      files = list.sorted().toList();
    }
    int framesWithBox = 0;
    try (LoadedModel model = ModelStore.load(MODELS, CircuitBackend.named("strange"))) {
      assertThat(model.fieldOfView()).as("the shipped model.json keeps to the view").isTrue();
      SegmentationService service = new SegmentationService(model);
      for (Path file : files) {
        BufferedImage image = Images.readRgb(file);
        Redaction.Box box = scopeGuide(image);
        if (box == null) {
          continue;
        }
        framesWithBox++;
        float[] p = service.segment(image).probabilities();
        boolean[] view = FieldOfView.of(image).mask();
        int w = image.getWidth();
        for (int i = 0; i < p.length; i++) {
          if (box.contains(i % w, i / w) || !view[i]) {
            assertThat(p[i]).as("%s: pixel (%d, %d)", file.getFileName(), i % w, i / w).isZero();
          }
        }
        if (framesWithBox == 12) {
          break;
        }
      }
    }
    assertThat(framesWithBox).as("Kvasir-SEG test frames with the scope-guide box").isEqualTo(12);
  }

  /** The proposal's box in the bottom-left corner (the scope guide), or null. */
  private static Redaction.Box scopeGuide(BufferedImage image) {
    for (Redaction.Box b : BurnedInText.propose(image).boxes()) {
      if (b.x() == 0 && b.y() > image.getHeight() / 2) {
        return b;
      }
    }
    return null;
  }
}
