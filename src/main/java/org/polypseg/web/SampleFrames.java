package org.polypseg.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The frames "Try a sample frame" picks from: the image files of the folder set as
 * {@code polypseg.sample-frames} (none when unset, missing or without images). Listed once.
 */
final class SampleFrames {

  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".tif",
      ".tiff", ".bmp");

  private final List<Path> frames;

  SampleFrames(String folder) {
    this.frames = list(folder);
  }

  boolean any() {
    return !frames.isEmpty();
  }

  /** A frame at random, or empty when there is none (or it cannot be read now). */
  Optional<Sample> pick() {
    if (frames.isEmpty()) {
      return Optional.empty();
    }
    Path file = frames.get(ThreadLocalRandom.current().nextInt(frames.size()));
    try {
      return Optional.of(new Sample(file.getFileName().toString(), Files.readAllBytes(file)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A sample's file name and bytes. */
  record Sample(String fileName, byte[] bytes) {}

  private static List<Path> list(String folder) {
    if (folder == null || folder.isBlank()) {
      return List.of();
    }
    Path dir = Path.of(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> EXTENSIONS.stream().anyMatch(
          e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
