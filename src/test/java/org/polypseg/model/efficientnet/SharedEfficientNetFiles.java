package org.polypseg.model.efficientnet;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared ImageNet EfficientNet-B0 folder beside the clone. */
final class SharedEfficientNetFiles {

  static final Path DIR = Path.of(EfficientNetWeights.SHARED_COPY);
  static final Path NPZ = DIR.resolve("weights.npz");
  static final Path REFERENCE = DIR.resolve("reference.json");

  private SharedEfficientNetFiles() {}

  static boolean present() {
    return Files.isRegularFile(DIR.resolve("model.json")) && Files.isRegularFile(NPZ)
        && Files.isRegularFile(REFERENCE);
  }
}
