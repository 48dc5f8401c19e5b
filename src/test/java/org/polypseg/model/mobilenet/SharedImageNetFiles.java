package org.polypseg.model.mobilenet;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared ImageNet MobileNetV2 folder beside the clone. */
final class SharedImageNetFiles {

  static final Path DIR = Path.of("../shared/pretrained/mobilenet_v2_imagenet");
  static final Path TFLITE = DIR.resolve(PretrainedWeights.EXPECTED_FILE);
  static final Path REFERENCE = DIR.resolve("reference.json");

  private SharedImageNetFiles() {}

  static boolean present() {
    return Files.isRegularFile(TFLITE) && Files.isRegularFile(REFERENCE);
  }
}
