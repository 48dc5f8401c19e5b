package org.polypseg.study;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where an export goes: a folder (the command line, tests) or a ZIP stream (the API), file by
 * file under relative paths such as {@code images/frame-0001.png}.
 */
public interface DatasetWriter extends AutoCloseable {

  /** Writes one file. */
  void write(String relativePath, byte[] bytes) throws IOException;

  /** Finishes: the folder appears, the ZIP is completed. */
  @Override
  void close() throws IOException;

  /** Gives up: nothing of what was written stays (the folder); a later close does nothing. */
  default void abort() throws IOException {}

  /**
   * A new folder {@code dir} (it must not exist, or be empty), written in a hidden folder beside
   * it and moved into place on {@link #close()}, so that a failure leaves nothing half written.
   */
  static DatasetWriter folder(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new StudyInputException(dir + ": exists and is not a folder");
      }
      try (Stream<Path> files = Files.list(target)) {
        if (files.findAny().isPresent()) {
          throw new StudyInputException(dir + ": is not empty; export into a new folder");
        }
      }
    }
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempDirectory(target.getParent(),
        "." + target.getFileName() + ".partial-");
    return new DatasetWriter() {
      private boolean done;

      @Override
      public void write(String relativePath, byte[] bytes) throws IOException {
        Path file = partial.resolve(relativePath).normalize();
        if (!file.startsWith(partial)) {
          throw new IllegalArgumentException(relativePath);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      }

      @Override
      public void abort() throws IOException {
        done = true;
        deleteTree(partial);
      }

      @Override
      public void close() throws IOException {
        if (done) {
          return;
        }
        done = true;
        Files.deleteIfExists(target);
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, target);
        }
      }
    };
  }

  /** Deletes a folder that a failed export left (the hidden partial one). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** A ZIP archive written to {@code out} (left open for the caller). */
  static DatasetWriter zip(OutputStream out) {
    ZipOutputStream zip = new ZipOutputStream(out);
    return new DatasetWriter() {
      @Override
      public void write(String relativePath, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(relativePath));
        zip.write(bytes);
        zip.closeEntry();
      }

      @Override
      public void close() throws IOException {
        zip.finish();
      }
    };
  }
}
